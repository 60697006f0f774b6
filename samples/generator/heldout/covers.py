"""Held out: fax cover sheets (a boxed transmittal grid; a transmittal sheet with Subject/Regarding lines)."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, Style, Text, Title, Truth
from samples.generator.wording import CONFIDENTIALITY, d, pick_date_style


def fax_cover_boxed(case: Case, rng: Random) -> Doc:
    """A boxed fax cover (grid of fields) that also names the patient and DOB."""
    rq = case.requesting
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    blocks: list = [
        Title("FACSIMILE TRANSMITTAL", 16),
        KV((("TO", f"{case.plan} - UM Intake"), ("FAX", case.plan_fax), ("FROM", rq.practice),
            ("PHONE", rq.phone), ("DATE", case.fax.sent.strftime("%b %d, %Y")), ("# PAGES", "{fax_pages}"),
            ("PATIENT", case.full_name), ("DOB", dob)), cols=2),
        KV((("RE", f"PA follow-up, Ref # {case.reference_id}"),), cols=1),
        Checks((("URGENT", case.urgent, "urgent"), ("ROUTINE", not case.urgent, "non_urgent"),
                ("REPLY ASAP", False, None))),
        Gap(20),
        Text("Message: Please find the requested records attached.", size=11),
        Gap(40),
        Text(CONFIDENTIALITY, size=8),
    ]
    truth = Truth(reference_id=case.reference_id, dob=case.dob, patient_name=(case.first, case.last),
                  urgent=case.urgent)
    return Doc("fax_cover_boxed", "fax_cover", Style("liberation_sans", 10, "boxed"), blocks, truth,
               [case.reference_id, dob, case.full_name], title="Fax cover (boxed)")



def fax_cover_transmittal(case: Case, rng: Random) -> Doc:
    """A transmittal sheet: Deliver to / Attn / Sender, Subject or Regarding naming the authorization number."""
    rq = case.requesting
    ds = pick_date_style(rng)
    with_ref = rng.random() < 0.75
    auth = rng.choice(("Authorization No.", "Auth #", "Reference #", "Case No.")) + f" {case.reference_id}"
    subject = f"Additional records for {auth}" if with_ref else "New prior authorization request"
    blocks: list = [
        Text(rq.practice.upper(), bold=True, size=12),
        Text(f"{rq.street} - {rq.city}, {rq.state} {rq.zip}", size=8.5),
        Title("FAX TRANSMITTAL SHEET", 18, "left"),
        KV((("Deliver to", f"{case.plan}"), ("Attn", "Utilization Review"), ("Recipient fax", case.plan_fax),
            ("Sender", rq.name), ("Sender fax", rq.fax), ("Callback", rq.phone),
            ("Sent", d(case.fax.sent.date(), ds)), ("Number of pages incl. this one", "{fax_pages}")), cols=2),
        Text(("Subject: " if rng.random() < 0.5 else "Regarding: ") + subject, bold=True),
        Text(rng.choice((
            "TIME-SENSITIVE: please process as an urgent request.",
            "URGENT - expedited review requested.",
        )) if case.urgent else "Priority: normal processing."),
        Gap(24),
        Text("Notes: Please attach the enclosed pages to the member's authorization file.", size=10),
        Gap(30),
        Text(CONFIDENTIALITY, size=8),
    ]
    truth = Truth(reference_id=case.reference_id if with_ref else None, urgent=case.urgent)
    return Doc("fax_cover_transmittal", "fax_cover", Style("dejavu_serif", 10), blocks, truth,
               [case.reference_id] if with_ref else [rq.fax], title="Fax transmittal sheet")
