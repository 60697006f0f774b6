"""Held out: a DME detailed written order with prior-auth request (HCPCS lines), Liberation Serif."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, Style, Table, Text, Title
from samples.generator.wording import d, distinctive, pick_date_style, printed_name, request_truth


def dme_order_form(case: Case, rng: Random) -> Doc:
    """A DME detailed written order with prior-auth request (HCPCS lines), Liberation Serif, underlined fields."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq, sv = case.requesting, case.servicing
    blocks = [
        Title("DURABLE MEDICAL EQUIPMENT", 14),
        Title("Detailed Written Order and Prior Authorization Request", 11),
        KV((("Beneficiary Name", name), (rng.choice(("Policy #", "Beneficiary ID")),
                                                             case.policy_printed),
            ("Birth Date", dob), ("Group", case.group_number)),
           cols=2, keys=(None, "policy_id")),
        KV((("Ordering Practitioner", rq.name), ("Practitioner NPI", rq.npi),
            ("Supplier", sv.practice), ("Supplier NPI", sv.npi),
            ("Supplier Phone", sv.phone), ("Supplier ZIP", sv.zip)), cols=2),
        KV((("Order Date", d(case.signature_date, ds)), ("Expected Start of Use", d(case.service_date, ds)),
            ("Length of Need", "99 months (lifetime)"), ("Place of Service", "Home")), cols=2),
        Table(("HCPCS", "Item Description", "Qty", "Modifier"),
              tuple((c, desc, "1", "NU") for c, desc in case.hcpcs), widths=(1.0, 3.8, 0.6, 0.8),
              heading="Items Ordered"),
        KV((("ICD-10 Diagnosis", "; ".join(f"{c} {desc}" for c, desc in case.icd10)),), cols=1),
        Checks((("Rush / urgent", case.urgent, "urgent"), ("Routine", not case.urgent, "non_urgent")),
               label="Processing:"),
        Text("I certify that the items ordered are medically necessary and that this order reflects my "
             "face-to-face evaluation of the beneficiary."),
        Gap(8),
        Text(f"Practitioner signature: {rq.name}      Date: {d(case.signature_date, ds)}"),
    ]
    truth = request_truth(case, cpt=False)
    return Doc("dme_order_form", "pa_request_form", Style("liberation_serif", 10.5, "underline"), blocks,
               truth, distinctive(case, dob, name, case.hcpcs[0][0] if case.hcpcs else rq.npi),
               footer="DME-DWO  pg {page}/{pages}", title="DME written order")
