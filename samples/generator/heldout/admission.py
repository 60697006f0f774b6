"""Held out, written blind: a hospital utilization-management "notification of admission" fax, two pages."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title
from samples.generator.heldout.common import fmt
from samples.generator.wording import request_truth

_HOSPITALS = (
    ("MERCY VALLEY REGIONAL MEDICAL CENTER", "Case Management / Utilization Review"),
    ("HOLY CROSS LAKESIDE HOSPITAL", "Utilization Management Department"),
    ("GREYSTONE UNIVERSITY HOSPITAL", "Patient Access - Insurance Verification"),
)
_MEMBER = ("Subscriber No.", "Subscriber #", "Ins. Member No.", "Policy/Subscriber No.")
_DOB = ("Birth Date", "Pt DOB", "DOB")


def _date(day: dt.date, style: str) -> str:
    """Month first, in the held-out styles or `3.5.2026` (dotted, no leading zeros)."""
    return f"{day.month}.{day.day}.{day.year}" if style == "dotted" else fmt(day, style)


def admission_notification(case: Case, rng: Random) -> Doc:
    """Notice of inpatient admission with an authorization request for the planned procedure.

    The admit date, the expected discharge and the notification date are distractors; the service date is the
    date the procedure is scheduled for. Page 2 repeats `Patient: LAST, FIRST  DOB ...` as a running header.
    """
    ds = rng.choice(("long", "mdy", "mon_dot", "dotted"))
    dob = _date(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    hospital, dept = rng.choice(_HOSPITALS)
    admit = case.service_date - dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    los = rng.randint(2, 5)
    printed = f"{case.last.upper()}, {case.first.upper()}"
    member_label = rng.choice(_MEMBER)
    dob_label = rng.choice(_DOB)
    facility_rows: tuple[tuple[str, str], ...] = (("Facility", hospital.title()),)
    if sv.npi != rq.npi:
        facility_rows += (("Facility NPI", sv.npi),)
    facility_rows += (("Facility Tax ID", f"{rng.randint(10, 98)}-{rng.randint(1000000, 9999999)}"),)
    procedures = tuple((c, desc, _date(case.service_date, ds)) for c, desc in (*case.cpt, *case.hcpcs))
    kind = rng.choice(("Elective / scheduled", "Direct admit from office", "Transfer from ED")) \
        if not case.urgent else rng.choice(("Emergency (via ED)", "Direct admit - emergent"))
    bed = rng.choice(("Med/Surg", "Telemetry", "Ortho/Neuro", "Step-down"))
    age = (admit - case.dob).days // 365
    codes_prose = ", ".join(f"{desc.lower()} ({c})" for c, desc in case.cpt)
    if case.hcpcs:
        codes_prose += " with " + ", ".join(f"{desc.lower()} ({c})" for c, desc in case.hcpcs)
    blocks: list = [
        Title(hospital, 13, "left"),
        Text(f"{dept}  |  {sv.street}, {sv.city}, {sv.state} {sv.zip}  |  Main {sv.phone}  |  UR Fax {sv.fax}",
             size=8),
        Rule(),
        Title("NOTIFICATION OF INPATIENT ADMISSION / REQUEST FOR AUTHORIZATION", 11, "left"),
        Text(f"To: {case.plan}, Inpatient Notification Unit, fax {case.plan_fax}.  "
             f"Notification sent {_date(case.signature_date, ds)} within one business day of admission.", size=8.5),
        Checks((("Routine notification", not case.urgent, "non_urgent"),
                ("Expedited (concurrent) review requested", case.urgent, "urgent")), label="Review:"),
        KV((("Patient Name", printed), (dob_label, dob), ("Sex", case.sex),
            (member_label, case.policy_printed), ("Group", case.group_number), ("Hospital Acct #", case.mrn)),
           cols=2, keys=(None, None, None, "policy_id"), heading="PATIENT / SUBSCRIBER"),
        KV((("Admit Date", f"{_date(admit, ds)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"),
            ("Admission Type", kind), ("Level of Care", f"Inpatient - {bed}"),
            ("Expected LOS", f"{los} days"), ("Anticipated D/C", _date(admit + dt.timedelta(days=los), ds)),
            ("Admit Source", rng.choice(("Physician referral", "Emergency department", "Clinic")))),
           cols=2, heading="ADMISSION"),
        KV((("Attending Physician", rq.name), ("Attending NPI", rq.npi), ("Specialty", rq.specialty),
            ("Attending Phone", rq.phone), *facility_rows), cols=2, heading="PROVIDERS"),
        KV((("Admitting Dx", f"{case.icd10[0][0]} - {case.icd10[0][1]}"),
            *((f"Secondary Dx {i}", f"{c} - {desc}") for i, (c, desc) in enumerate(case.icd10[1:], 1))),
           cols=1, heading="DIAGNOSES (ICD-10-CM)"),
        Table(("CPT/HCPCS", "Planned Procedure / Service", "Scheduled"), procedures, widths=(1.1, 3.9, 1.3),
              heading="PLANNED PROCEDURES"),
        PageBreak(),
        Text(f"Patient: {printed}   {dob_label}: {dob}   {member_label} {case.policy_printed}", size=8.5),
        Rule(),
        Text("CLINICAL NARRATIVE", bold=True),
        Text(f"{age}-year-old {'man' if case.sex == 'M' else 'woman'} admitted {_date(admit, ds)} with "
             f"{case.icd10[0][1].lower()}. " + rng.choice((
                 "Outpatient management has failed; pain is uncontrolled on oral agents and the patient cannot "
                 "ambulate safely at home.",
                 "Symptoms progressed over two weeks despite outpatient treatment; vital signs stable on arrival; "
                 "labs and imaging reviewed by the attending.",
             )) + f" Plan: {codes_prose} on {_date(case.service_date, ds)}, then inpatient recovery and "
             "discharge planning with case management."),
        Text("Inpatient criteria: meets severity of illness and intensity of service per the hospital's "
             "screening criteria; clinical records attached for review."),
    ]
    if case.urgent:
        blocks.append(Text("The attending requests an expedited review: delaying the procedure would put the "
                           "patient's health at serious risk."))
    blocks += [
        Gap(10),
        Text(f"UR Nurse: {rng.choice(('K. Albright, RN', 'D. Osei, RN', 'M. Fairweather, RN'))}   "
             f"Direct line {sv.phone}   Fax {sv.fax}", size=9),
        Text("Please fax the authorization number or a request for clinicals to the UR fax above. "
             "Auth #: ______________", size=9),
    ]
    return Doc("admission_notification", "pa_request_form", Style("dejavu_sans", 9), blocks, request_truth(case),
               [case.policy_printed, dob, printed, rq.npi],
               footer="UR-NOA  {page}/{pages}", title="Notification of inpatient admission")
