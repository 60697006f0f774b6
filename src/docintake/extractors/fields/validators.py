"""Validators of DOMAIN.md: check digits, code sets, shapes and dates. Pure functions, no state but a cache."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from types import ModuleType

_MBI = re.compile(
    r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}$"
)
_REFERENCE_ID = re.compile(r"^PA\d{10}$")
_HCPCS = re.compile(r"^[A-CEG-HJ-MP-V]\d{4}$")
_CPT_OTHER = re.compile(r"^\d{4}[FTU]$")
_ICD10_SHAPE = re.compile(r"^[A-Z][0-9A][0-9AB](?:\.?[0-9A-Z]{1,4})?$")


def luhn_ok(digits: str, offset: int = 0) -> bool:
    """The Luhn (mod 10) check over ``digits``, whose last digit is the check digit; ``offset`` starts the sum."""
    if not digits.isdigit():
        return False
    total = offset
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def reference_id_ok(value: str) -> bool:
    """PA + nine digits + the Luhn check digit of those nine ("PA" not included)."""
    return bool(_REFERENCE_ID.match(value)) and luhn_ok(value[2:])


def npi_ok(value: str) -> bool:
    """Ten digits starting with 1 or 2; Luhn as if prefixed by 80840 (the sum starts at 24)."""
    return len(value) == 10 and value[0] in "12" and luhn_ok(value, offset=24)


def cpt_ok(value: str) -> bool:
    """CPT Category I (00100-99607), or Category II/III/PLA (four digits and F, T or U).

    Category I has no codes between the end of anesthesia (01999) and the start of surgery (10004)."""
    if len(value) == 5 and value.isdigit():
        return 100 <= int(value) <= 1999 or 10004 <= int(value) <= 99607
    return bool(_CPT_OTHER.match(value))


def hcpcs_ok(value: str) -> bool:
    return bool(_HCPCS.match(value))


def mbi_ok(value: str) -> bool:
    """A Medicare Beneficiary Identifier, without dashes."""
    return bool(_MBI.match(value))


@cache
def _icd10cm() -> ModuleType:
    import simple_icd_10_cm  # about 1.5 s: once per process, and only when a code needs checking

    return simple_icd_10_cm


def normalise_icd10(raw: str) -> str | None:
    """The billable ICD-10-CM code in its dotted normal form, or None if ``raw`` is no billable code."""
    code = raw.upper().replace(" ", "")
    if not _ICD10_SHAPE.match(code):
        return None
    bare = code.replace(".", "")
    if "O" in bare[1:]:
        return None
    dotted = bare if len(bare) == 3 else f"{bare[:3]}.{bare[3:]}"
    cm = _icd10cm()
    try:
        billable = cm.is_valid_item(dotted) and cm.is_category_or_subcategory(dotted) and cm.is_leaf(dotted)
    except (ValueError, KeyError):
        return None
    return dotted if billable else None


_DESCRIPTOR_WORD = re.compile(r"[a-z]{4,}")
_GENERIC_WORDS = frozenset("unspecified other with without specified type site side left right bilateral "
                           "disorder disease initial encounter".split())


def icd10_description_words(code: str) -> frozenset[str]:
    """The distinctive words of a billable code's official descriptor (CMS publishes them with the code set)."""
    try:
        text = _icd10cm().get_description(code).lower()
    except (ValueError, KeyError):
        return frozenset()
    return frozenset(_DESCRIPTOR_WORD.findall(text)) - _GENERIC_WORDS


def icd10_words_named(code: str, context: str) -> int:
    """How many of a code's distinctive descriptor words the text around it has."""
    return len(icd10_description_words(code) & frozenset(_DESCRIPTOR_WORD.findall(context.lower())))


def icd10_described(code: str, context: str) -> bool:
    """Whether the words around a code name its condition: two or more of its descriptor's distinctive words
    ("Angina pectoris, unspecified - 120.9" fits I20.9). A misread code rarely lands on a described one."""
    words = icd10_description_words(code)
    return icd10_words_named(code, context) >= min(2, len(words)) > 0


def dob_plausible(value: date, today: date, service: date | None = None) -> bool:
    """A date of birth lies in the past (within 125 years) and before any date of service."""
    if value >= today or value.year < today.year - 125:
        return False
    return service is None or value < service


def service_date_plausible(value: date, today: date) -> bool:
    """A date of service of a prior-authorization request: from three years back to two years ahead."""
    return date(today.year - 3, 1, 1) <= value <= date(today.year + 2, 12, 31)
