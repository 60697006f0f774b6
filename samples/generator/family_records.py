"""More template families: a second-level appeal, a rehab transfer/discharge summary, a consultation note."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, PageBreak, Style, Table, Text, Title
from samples.generator.wording import (
    DOB_LABELS,
    MEMBER_LABELS,
    code_list,
    d,
    distinctive,
    pick_date_style,
    printed_name,
    request_truth,
)


def appeal_second_level(case: Case, rng: Random) -> Doc:
    """A second-level appeal / external review request against an adverse determination, Helvetica."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    rq = case.requesting
    decided = case.signature_date - dt.timedelta(days=rng.randint(10, 45))
    codes = ", ".join(c for c, _ in code_list(case))
    dx = ", ".join(f"{c} ({desc.lower()})" for c, desc in case.icd10)
    blocks: list = [
        Text(f"{rq.practice}\n{rq.street}, {rq.city}, {rq.state} {rq.zip}", size=9),
        Gap(4),
        Title(rng.choice(("SECOND LEVEL APPEAL", "REQUEST FOR EXTERNAL REVIEW", "GRIEVANCE AND APPEAL REQUEST")),
              13, "left"),
        Text(f"To: {case.plan} - Grievances and Appeals Department (fax {case.plan_fax})"),
        KV((("Patient", case.full_name), (rng.choice(MEMBER_LABELS), case.policy_printed),
            (rng.choice(DOB_LABELS), dob), ("Case Ref", case.reference_id),
            ("Adverse determination dated", d(decided, ds)), ("Treating provider NPI", rq.npi)),
           cols=2, keys=(None, "policy_id")),
        Text(rng.choice((
            "The first-level review upheld the adverse determination. We disagree with that decision and ask "
            "that it be overturned by a physician reviewer in the same specialty.",
            "This letter formally disputes the decision to deny coverage. The reviewer did not consider the "
            "full clinical record, which we resubmit with this appeal.",
            "Please accept this request to reverse the non-certification. The criteria cited in the denial "
            "notice are met, as the attached documentation shows.",
        ))),
        Text(f"Services in dispute: {codes}. Diagnoses: {dx}. Proposed date of service "
             f"{d(case.service_date, ds)}."),
    ]
    if case.urgent:
        blocks.append(Text("Expedited appeal requested: waiting the standard period would put the patient's "
                           "health at serious risk."))
    blocks += [
        PageBreak(),
        Text(rng.choice(("Grounds for appeal:", "Reasons the denial should be reversed:")), bold=True),
        Text("1. Conservative therapy was completed and documented.\n2. Imaging confirms the diagnosis.\n"
             "3. Published guidelines support the requested service for this indication."),
        Text("I certify that the information in this appeal is true and complete to the best of my knowledge."),
        Text(f"{rq.name}\n{rq.specialty}\nDate: {d(case.signature_date, ds)}"),
    ]
    truth = request_truth(case, reference=True, servicing=False)
    return Doc("appeal_second_level", "appeal", Style("helvetica", 10), blocks, truth,
               distinctive(case, dob, case.full_name, case.reference_id), footer="Appeal - page {page}",
               title="Second-level appeal")


def discharge_transfer_summary(case: Case, rng: Random) -> Doc:
    """A rehabilitation facility's discharge/transfer summary with follow-up services, Liberation Sans."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    discharged = case.service_date - dt.timedelta(days=rng.randint(1, 5))
    admitted = discharged - dt.timedelta(days=rng.randint(5, 20))
    facility = rng.choice(("Maple Grove Rehabilitation Hospital", "Stonegate Skilled Nursing Center",
                           "Clearwater Acute Rehab Unit"))
    blocks: list = [
        Title(facility.upper(), 12),
        Title(rng.choice(("DISCHARGE / TRANSFER SUMMARY", "DISCHARGE SUMMARY - REHABILITATION",
                          "INPATIENT DISCHARGE RECORD")), 11),
        KV((("Patient", name), (rng.choice(DOB_LABELS), dob), (rng.choice(MEMBER_LABELS), case.policy_printed),
            ("Encounter #", case.mrn), ("Admitted", d(admitted, ds)), ("Discharged", d(discharged, ds)),
            ("Discharging physician", rq.name), ("NPI", rq.npi)), cols=2, keys=(None, None, "policy_id")),
        Text("Reason for admission:", bold=True),
        Text(rng.choice(("Inpatient rehabilitation after an acute hospital stay.",
                         "Functional decline requiring skilled therapy and nursing.",
                         "Post-surgical recovery with gait training."))),
        Text("Diagnoses at discharge:", bold=True),
        Text("\n".join(f"- {desc} ({c})" for c, desc in case.icd10)),
        Text("Course in facility:", bold=True),
        Text("Progressed from maximum to minimal assistance with transfers. Tolerated therapy three hours daily. "
             "No falls. Wound healing well. Discharge disposition: home with family support."),
        Text("Discharge medications reviewed with the patient and caregiver."),
        PageBreak(),
        Text("Follow-up plan and services needing authorization:", bold=True),
        Table(("Code", "Service", "Begin"), tuple((c, desc, d(case.service_date, ds)) for c, desc in code_list(case)),
              widths=(1.0, 4.0, 1.2)),
        Text(f"Home health / outpatient provider: {case.servicing.practice}, NPI {case.servicing.npi}."),
        Text("Expedited authorization requested so that discharge is not delayed." if case.urgent
             else "Standard authorization timeline is acceptable."),
        Text(f"Summary completed by {rq.name} on {d(case.signature_date, ds)}.", size=9),
    ]
    return Doc("discharge_transfer_summary", "discharge_summary", Style("liberation_sans", 9.5), blocks,
               request_truth(case), distinctive(case, dob, name), footer="Discharge record p. {page}/{pages}",
               title="Transfer/discharge summary")
