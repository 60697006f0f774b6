"""Label wordings and small helpers shared by the template families."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import DATE_STYLES, Case, fmt_date
from samples.generator.document import Truth

MEMBER_LABELS = ("Member ID", "Subscriber ID", "Policy #", "ID No.", "Member ID #", "Insurance ID")
DOB_LABELS = ("DOB", "Date of Birth", "Birth Date", "D.O.B.")
NAME_LABELS = ("Patient Name", "Member Name", "Patient", "Name")

CONFIDENTIALITY = (
    "CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and "
    "confidential. If you are not the intended recipient, any review, disclosure, copying or distribution is "
    "prohibited. If you received this fax in error, notify the sender by telephone and destroy all pages."
)


def printed_name(case: Case, rng: Random, *, allow_last_first: bool = True) -> str:
    """The patient's name as a form prints it: `First Last`, `Last, First` or upper case `LAST, FIRST`."""
    choice = rng.randrange(3) if allow_last_first else 0
    if choice == 1:
        return f"{case.last}, {case.first}"
    if choice == 2:
        return f"{case.last.upper()}, {case.first.upper()}"
    return case.full_name


def pick_date_style(rng: Random) -> str:
    return rng.choice(DATE_STYLES)


def code_list(case: Case) -> list[tuple[str, str]]:
    """Requested procedure codes (CPT then HCPCS) with their lay descriptions."""
    return list(case.cpt) + list(case.hcpcs)


def npis(case: Case, *, servicing: bool = True) -> list[str]:
    """Requesting NPI, then the servicing NPI when it differs."""
    out = [case.requesting.npi]
    if servicing and case.servicing.npi != case.requesting.npi:
        out.append(case.servicing.npi)
    return out


def request_truth(case: Case, *, reference: bool = False, servicing: bool = True, cpt: bool = True,
                  hcpcs: bool = True, service_date: bool = True, name: bool = True) -> Truth:
    """The truth of a document that prints the whole request (identity, providers, codes, dates)."""
    return Truth(
        reference_id=case.reference_id if reference else None,
        policy_id=case.policy_id, dob=case.dob,
        patient_name=(case.first, case.last) if name else None,
        npi=npis(case, servicing=servicing),
        cpt=[c for c, _ in case.cpt] if cpt else [],
        hcpcs=[c for c, _ in case.hcpcs] if hcpcs else [],
        icd10=[c for c, _ in case.icd10],
        service_date=case.service_date if service_date else None,
        urgent=case.urgent,
    )


def distinctive(case: Case, dob_text: str, *extra: str) -> list[str]:
    """The strings a good reader must find: member ID and DOB as printed, plus any extras."""
    return [case.policy_printed, dob_text, *extra]


def d(day: dt.date, style: str) -> str:
    """Shorthand for fmt_date with a family's chosen style."""
    return fmt_date(day, style)
