"""Template families of prior-authorization request forms (state-standard, radiology, plan-branded, DME order)."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Banner, Checks, Doc, Gap, Rule, Style, Table, Text, Title
from samples.generator.wording import (
    code_list,
    d,
    distinctive,
    pick_date_style,
    printed_name,
    request_truth,
)


def _service_rows(case: Case, ds: str, *, with_dx: bool) -> tuple[tuple[str, ...], ...]:
    rows = []
    icds = list(case.icd10)
    for i, (code, desc) in enumerate(code_list(case)):
        row = [desc, code, d(case.service_date, ds), d(case.service_end, ds)]
        if with_dx:
            # One diagnosis per row, as the state form has it; extra diagnoses go on the last rows.
            dx_code, dx_desc = icds[min(i, len(icds) - 1)]
            row += [dx_desc, dx_code]
        rows.append(tuple(row))
    # Diagnoses beyond the number of service lines get rows of their own so that every code is printed.
    for dx_code, dx_desc in icds[len(rows):]:
        rows.append(("", "", "", "", dx_desc, dx_code) if with_dx else ("", "", "", ""))
    return tuple(rows)


def state_standard_pa(case: Case, rng: Random) -> Doc:
    """A state-standard-style PA request form (Texas-like labels), boxed grid, Helvetica."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq, sv = case.requesting, case.servicing
    member_label = rng.choice(("Member or Medicaid ID #", "Member ID #", "Subscriber ID #"))
    blocks = [
        Title("STANDARD PRIOR AUTHORIZATION REQUEST FORM", 14),
        Text("Form SPA-01 (synthetic sample). Complete all sections. Incomplete forms will be returned.", size=8),
        KV((("Issuer Name", case.plan), ("Phone", case.plan_phone), ("Fax", case.plan_fax),
            ("Date Submitted", d(case.signature_date, ds))), cols=2, heading="I. Submission"),
        Checks((("Non-Urgent", not case.urgent, "non_urgent"), ("Urgent", case.urgent, "urgent")),
               label="II. Review Type:"),
        Text("Clinical Reason for Urgency: " + ("Delay would seriously jeopardize the patient's ability to regain "
                                                "maximum function." if case.urgent else "N/A"), size=9),
        Checks((("Initial Request", True, None), ("Extension/Renewal/Amendment", False, None)),
               label="III. Request Type:"),
        Text("Prev. Auth. #: ________________", size=9),
        KV((("Patient Name", name), ("Phone", "(217) 555-0143"),
            ("DOB", dob), ("Sex", case.sex),
            ("Subscriber Name", case.full_name), (member_label, case.policy_printed),
            ("Group #", case.group_number), ("Plan", case.plan)),
           cols=2, keys=(None, None, None, None, None, "policy_id"), heading="IV. Patient Information"),
        KV((("Name", f"{rq.name} / {rq.practice}"), ("NPI #", rq.npi), ("Specialty", rq.specialty),
            ("Phone", rq.phone), ("Fax", rq.fax), ("Contact Name", "Intake Coordinator"),
            ("Address", f"{rq.street}, {rq.city}, {rq.state} {rq.zip}")),
           cols=2, heading="V. Requesting Provider or Facility"),
        KV((("Name", sv.practice), ("NPI #", sv.npi), ("Specialty", sv.specialty), ("Phone", sv.phone),
            ("Fax", sv.fax), ("Address", f"{sv.street}, {sv.city}, {sv.state} {sv.zip}")),
           cols=2, heading="VI. Service Provider or Facility"),
        Table(("Planned Service or Procedure", "Code", "Start Date", "End Date", "Diagnosis Description", "Code"),
              _service_rows(case, ds, with_dx=True), widths=(2.2, 0.9, 1.0, 1.0, 2.4, 0.9),
              heading="VII. Services Requested (with CPT, CDT, HCPCS or ICD Coding)"),
        Checks((("Inpatient", False, None), ("Outpatient", True, None), ("Provider Office", False, None),
                ("Observation", False, None), ("Home", False, None), ("Day Surgery", False, None)),
               label="Setting:"),
        Text("VIII. Clinical Documentation: office notes and imaging attached.", size=9),
        Gap(10),
        Text(f"Signature: {rq.name}        Date: {d(case.signature_date, ds)}"),
    ]
    return Doc("state_standard_pa", "pa_request_form", Style("helvetica", 9, "boxed"), blocks,
               request_truth(case), distinctive(case, dob, name, rq.npi),
               footer="Form SPA-01 rev. 03/2026    Page {page} of {pages}",
               title="Standard prior authorization request")


def radiology_pa(case: Case, rng: Random) -> Doc:
    """A radiology PA request (Client Name, Medicaid Number, Dates of Service From/To), Times, inline labels."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq, sv = case.requesting, case.servicing
    dx = ", ".join(c for c, _ in case.icd10)
    blocks = [
        Title("Radiology Prior Authorization Request", 15, "left"),
        Text(f"{case.plan} - Imaging Review Unit - Fax completed form to {case.plan_fax}", size=9),
        Rule(),
        KV((("Client Name", name), ("Medicaid Number", case.policy_printed),
            ("Date of Birth", dob), ("Client Phone", "(601) 555-0178")),
           cols=2, keys=(None, "policy_id")),
        Checks((("Urgent", case.urgent, "urgent"), ("Routine", not case.urgent, "non_urgent")),
               label="Request priority:"),
        Rule(),
        KV((("Ordering Provider", rq.name), ("Ordering Provider NPI", rq.npi),
            ("Rendering Facility", sv.practice), ("Rendering Facility NPI", sv.npi),
            ("Facility Address", f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"), ("Facility Phone", sv.phone)),
           cols=1),
        KV((("Dates of Service From", d(case.service_date, ds)), ("To", d(case.service_end, ds))), cols=2),
        Table(("Procedures Requested", "Description", "Units"),
              tuple((c, desc, "1") for c, desc in case.cpt) + tuple((c, desc, "1") for c, desc in case.hcpcs),
              widths=(1.2, 4.0, 0.8)),
        KV((("Diagnosis Codes", dx),), cols=1),
        Text("Clinical history: symptoms persist despite six weeks of conservative therapy; prior imaging "
             "non-diagnostic. Contrast allergy: none."),
        Gap(12),
        Text(f"Requesting provider signature: {rq.name}    Date signed: {d(case.signature_date, ds)}"),
    ]
    return Doc("radiology_pa", "pa_request_form", Style("times", 10.5, "inline"), blocks,
               request_truth(case), distinctive(case, dob, name, sv.npi), footer="RAD-PA {page}/{pages}",
               title="Radiology prior authorization request")


def plan_branded_pa(case: Case, rng: Random) -> Doc:
    """A plan-branded request: banner, two-column label/value boxes, DejaVu Sans."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq, sv = case.requesting, case.servicing
    member_label = rng.choice(("Subscriber ID", "Member ID", "ID No.", "Policy #"))
    dob_label = rng.choice(("Birth Date", "Date of Birth", "DOB"))
    blocks = [
        Banner(case.plan.upper(), "Utilization Management - Prior Authorization Request"),
        Text(f"Phone {case.plan_phone}   Fax {case.plan_fax}   Hours 8 a.m. - 6 p.m. CT", size=8),
        KV((("Member Name", name), (member_label, case.policy_printed),
            (dob_label, dob), ("Group No.", case.group_number)),
           cols=2, keys=(None, "policy_id"), heading="Member"),
        KV((("Ordering Physician", rq.name), ("Physician NPI", rq.npi), ("Practice", rq.practice),
            ("Office Phone", rq.phone), ("Office Fax", rq.fax), ("ZIP", rq.zip),
            ("Servicing Facility", sv.practice), ("Facility NPI", sv.npi)),
           cols=2, heading="Providers"),
        KV((("Requested Start Date", d(case.service_date, ds)), ("Requested End Date", d(case.service_end, ds))),
           cols=2, heading="Service"),
        Table(("CPT / HCPCS", "Description", "Qty"), tuple((c, desc, "1") for c, desc in code_list(case)),
              widths=(1.2, 4.2, 0.6), heading="Requested Services"),
        Table(("ICD-10-CM", "Diagnosis"), tuple((c, desc) for c, desc in case.icd10), widths=(1.2, 4.8),
              heading="Diagnoses"),
        Checks((("Expedited review (72 hours)", case.urgent, "urgent"),
                ("Standard review", not case.urgent, "non_urgent"))),
        Text("By signing I attest that the information is accurate and supported by the medical record."),
        Text(f"Signed: {rq.name}    {d(case.signature_date, ds)}"),
    ]
    return Doc("plan_branded_pa", "pa_request_form", Style("dejavu_sans", 9, "boxed"), blocks,
               request_truth(case), distinctive(case, dob, name), footer="UM-PA-7  |  page {page} of {pages}",
               title="Plan prior authorization request")
