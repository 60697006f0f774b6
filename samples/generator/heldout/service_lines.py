"""Held out, written blind: a request whose codes sit in a service-line table (modifier, units, Dx pointer)."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, Rule, Style, Table, Text, Title
from samples.generator.heldout.common import DATE_STYLES, fmt, initial, tax_id
from samples.generator.wording import request_truth

_MODIFIERS = ("", "RT", "LT", "59", "NU", "26", "")


def service_line_request(case: Case, rng: Random) -> Doc:
    """Service detail request: identity grid, diagnosis pointer table, service-line table with the codes."""
    ds = rng.choice(DATE_STYLES)
    dob = fmt(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    printed = f"{case.last.upper()}, {case.first.upper()} {initial(rng)}"
    pointers = "ABCD"[: len(case.icd10)]
    dx_rows = tuple((p, c, desc) for p, (c, desc) in zip(pointers, case.icd10, strict=True))
    lines = []
    for n, (code, _) in enumerate((*case.cpt, *case.hcpcs), 1):
        pos, modifier = rng.choice(("11", "22", "12")), rng.choice(_MODIFIERS)
        units, ptr = str(rng.choice((1, 1, 2, 3, 6))), pointers[: rng.randint(1, len(pointers))]
        lines.append((str(n), fmt(case.service_date, ds), fmt(case.service_end, ds), pos, code, modifier, units, ptr,
                      sv.npi))
    blocks: list = [
        Title("PRIOR AUTHORIZATION REQUEST - SERVICE DETAIL", 12, "left"),
        Text(f"Submit to {case.plan} Utilization Management  |  Fax {case.plan_fax}  |  Phone {case.plan_phone}",
             size=8),
        Rule(),
        KV((("Insured's ID Number", case.policy_printed), ("Patient's Name (Last, First, MI)", printed),
            ("Patient's Birth Date", dob), ("Insured's Group No.", case.group_number)),
           cols=1, keys=("policy_id",)),
        KV((("Requesting Provider", rq.name), ("Requesting NPI", rq.npi), ("Federal Tax ID", tax_id(rng)),
            ("Provider Phone", rq.phone)), cols=2),
        Checks((("Standard", not case.urgent, "non_urgent"), ("Expedited", case.urgent, "urgent")),
               label="Review type:"),
        Table(("Ptr", "ICD-10-CM", "Description"), dx_rows, widths=(0.5, 1.1, 4.4), heading="Diagnoses"),
        Table(("Ln", "From", "To", "POS", "HCPCS/CPT", "Mod", "Units", "Dx Ptr", "Rendering NPI"), tuple(lines),
              widths=(0.35, 1.05, 1.05, 0.45, 0.95, 0.5, 0.5, 0.6, 1.2), heading="Service Lines"),
        Text(f"Rendering provider: {sv.practice}, {sv.street}, {sv.city}, {sv.state} {sv.zip}", size=9),
        Text("Prior auth # (extensions only): ____________    Claim control #: ____________", size=9),
        Gap(6),
        Text(f"Authorized signature: {rq.name}   Date: {fmt(case.signature_date, ds)}", size=9),
    ]
    return Doc("service_line_request", "pa_request_form", Style("helvetica", 9), blocks, request_truth(case),
               [case.policy_printed, dob, printed, rq.npi], footer="SVC-DTL p{page} of {pages}",
               title="Prior authorization service detail")
