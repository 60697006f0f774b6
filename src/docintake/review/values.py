"""What a clerk types into a field, checked and put in the normal form the extractor uses.

The same validators as extraction (DOMAIN.md): a clerk's typo in an NPI or a Reference ID is caught by its
check digit, an ICD-10-CM code must be a billable code of the code set. Messages name the rule, never the value.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from docintake.cases.matching import normalise_reference_id
from docintake.extractors.fields.validators import (
    cpt_ok,
    dob_plausible,
    hcpcs_ok,
    normalise_icd10,
    npi_ok,
    reference_id_ok,
    service_date_plausible,
)

SCALAR_FIELDS = ("reference_id", "policy_id", "dob", "patient_name", "service_date", "urgent")
LIST_FIELDS = ("npi", "cpt", "hcpcs", "icd10")
FIELDS = SCALAR_FIELDS + LIST_FIELDS
LABELS = {
    "reference_id": "Reference ID", "policy_id": "Member / policy ID", "dob": "Date of birth",
    "patient_name": "Patient name", "service_date": "Date of service", "urgent": "Urgent",
    "npi": "NPI", "cpt": "CPT", "hcpcs": "HCPCS", "icd10": "ICD-10-CM",
}
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%d %b %Y", "%b %d, %Y", "%B %d, %Y")
_MEMBER = re.compile(r"^[A-Z0-9]{3,40}$")
_NAME_PART = re.compile(r"^[A-Za-z][A-Za-z .'\-]{0,99}$")


class InvalidValue(ValueError):
    """A clerk's value that fails its field's rule (the message says which rule)."""


def parse(field: str, raw: str, today: date) -> object:
    """The normal form of ``raw`` for ``field``; InvalidValue when it breaks the field's rule."""
    text = " ".join(raw.split())
    if not text:
        raise InvalidValue("Type a value, or use Remove to take it away.")
    if field == "reference_id":
        value = normalise_reference_id(text)
        if not reference_id_ok(value):
            raise InvalidValue("A Reference ID is PA and ten digits whose last is a check digit; this one fails it.")
        return value
    if field == "policy_id":
        value = "".join(ch for ch in text.upper() if ch.isalnum())
        if not _MEMBER.match(value):
            raise InvalidValue("A member ID has 3 to 40 letters and digits.")
        return value
    if field in ("dob", "service_date"):
        moment = parse_date(text)
        if field == "dob" and not dob_plausible(moment, today):
            raise InvalidValue("A date of birth lies in the past, within 125 years.")
        if field == "service_date" and not service_date_plausible(moment, today):
            raise InvalidValue("A date of service lies between three years back and two years ahead.")
        return moment.isoformat()
    if field == "patient_name":
        return parse_name(text)
    if field == "urgent":
        lowered = text.lower()
        if lowered in ("yes", "y", "true", "1", "urgent", "expedited"):
            return True
        if lowered in ("no", "n", "false", "0", "standard", "routine"):
            return False
        raise InvalidValue("Urgent is yes or no.")
    if field == "npi":
        value = text.replace(" ", "").replace("-", "")
        if not npi_ok(value):
            raise InvalidValue("An NPI is ten digits starting with 1 or 2 whose last is a check digit; this one "
                               "fails it.")
        return value
    if field == "cpt":
        value = text.upper().replace(" ", "")
        if not cpt_ok(value):
            raise InvalidValue("A CPT code is five digits (00100-99607), or four digits and F, T or U.")
        return value
    if field == "hcpcs":
        value = text.upper().replace(" ", "")
        if not hcpcs_ok(value):
            raise InvalidValue("A HCPCS Level II code is a letter and four digits.")
        return value
    if field == "icd10":
        found = normalise_icd10(text)
        if found is None:
            raise InvalidValue("Not a billable ICD-10-CM code (check the characters after the dot).")
        return found
    raise InvalidValue("There is no such field.")


def parse_date(text: str) -> date:
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise InvalidValue("A date is written YYYY-MM-DD or MM/DD/YYYY.")


def parse_name(text: str) -> dict[str, str]:
    """``Last, First`` or ``First Last`` (the last word is the family name)."""
    if "," in text:
        last, _, first = (part.strip() for part in text.partition(","))
    else:
        first, _, last = text.rpartition(" ")
    if not last or not _NAME_PART.match(last) or (first and not _NAME_PART.match(first)):
        raise InvalidValue("A name is written Last, First (letters, spaces, apostrophes and hyphens).")
    return {"first": first, "last": last}


def display(field: str, value: object) -> str:
    """A stored value as the clerk sees and types it."""
    if value is None:
        return ""
    if field == "patient_name" and isinstance(value, dict):
        first, last = value.get("first") or "", value.get("last") or ""
        return f"{last}, {first}" if first else last
    if field == "urgent":
        return "yes" if value else "no"
    return str(value)
