"""Held out, written blind: a payer's outpatient authorization form drawn as a grid, each label ABOVE its box."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, Style, Text, Title
from samples.generator.heldout.common import DATE_STYLES, fmt, initial, tax_id
from samples.generator.wording import request_truth

_MEMBER = ("Subscriber #", "Insured ID", "Member Number", "Plan Member No.", "Enrollee ID")
_DOB = ("Patient DOB", "Birth Date (Patient)", "Date of Birth")
_POS = ("11 - Office", "22 - On-campus outpatient hospital", "24 - Ambulatory surgical center", "12 - Home")


def grid_request_form(case: Case, rng: Random) -> Doc:
    """Outpatient services request: three-column grid, labels above value boxes, split name boxes."""
    ds = rng.choice(DATE_STYLES)
    dob = fmt(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    member_label = rng.choice(_MEMBER)
    mi = initial(rng)
    if rng.random() < 0.5:
        name_rows: tuple[tuple[str, str], ...] = (("Patient Last Name", case.last.upper()),
                                                  ("First Name", case.first.upper()), ("MI", mi))
        name_shown = case.last.upper()
    else:
        name_shown = f"{case.last}, {case.first} {mi}."
        name_rows = (("Patient Name (Last, First, MI)", name_shown), ("Sex", case.sex), ("Relationship", "Self"))
    codes = ", ".join(c for c, _ in (*case.cpt, *case.hcpcs))
    dx = ", ".join(c for c, _ in case.icd10)
    requested = rng.choice(("Requested Start", "Anticipated Service Date", "Service From"))
    blocks: list = [
        Title(case.plan.upper(), 13),
        Title("OUTPATIENT SERVICES AUTHORIZATION REQUEST", 11),
        Text(f"Return by fax to {case.plan_fax}. Allow 15 calendar days for standard requests, 72 hours for "
             "expedited requests. Incomplete requests are pended.", size=8),
        Checks((("Standard", not case.urgent, "non_urgent"),
                ("Expedited (urgent - 72 hrs)", case.urgent, "urgent")), label="Priority:"),
        KV((*name_rows,
            (rng.choice(_DOB), dob), (member_label, case.policy_printed), ("Group No.", case.group_number)),
           cols=3, keys=(None, None, None, None, "policy_id"), heading="SECTION A - MEMBER"),
        KV((("Requesting Provider", rq.name), ("Requesting NPI", rq.npi), ("TIN", tax_id(rng)),
            ("Office Phone", rq.phone), ("Office Fax", rq.fax), ("Contact", "Referral Coordinator")),
           cols=3, heading="SECTION B - REQUESTING PROVIDER"),
        KV((("Rendering Provider / Facility", sv.practice), ("Rendering NPI", sv.npi),
            ("City, State ZIP", f"{sv.city}, {sv.state} {sv.zip}")),
           cols=3, heading="SECTION C - RENDERING PROVIDER"),
        KV(((requested, fmt(case.service_date, ds)), ("Through", fmt(case.service_end, ds)),
            ("Place of Service", rng.choice(_POS)), ("HCPCS/CPT", codes), ("Dx", dx),
            ("Visits / Units", str(rng.randint(1, 12)))),
           cols=3, heading="SECTION D - SERVICES"),
        Text("Clinical summary: conservative care tried and failed; records attached.", size=9),
        Gap(6),
        Text(f"Signature of requesting provider: {rq.name}    Date signed: {fmt(case.signature_date, ds)}",
             size=9),
    ]
    return Doc("grid_request_form", "pa_request_form", Style("liberation_sans", 9.5, "stacked"), blocks,
               request_truth(case), [case.policy_printed, dob, name_shown, sv.npi],
               footer="OSAR-3 (synthetic)  {page}/{pages}", title="Outpatient services authorization request")
