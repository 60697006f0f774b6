"""Held out, written blind: a surgeon's pre-operative visit note that books the case (one page, EHR print)."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import Doc, Rule, Style, Text, Title
from samples.generator.wording import request_truth

_TITLES = ("PRE-OPERATIVE VISIT / SURGERY BOOKING", "SURGICAL SCHEDULING NOTE", "PRE-PROCEDURE NOTE AND OR REQUEST")
_NAME = ("Pt:", "Pt name:", "Patient:")
_DOB = ("D.O.B:", "DOB/Age:", "Born:")
_MEMBER = ("Ins#:", "Ins ID#:", "Cert#:", "Subscr#:")
_WHEN = ("Surgery date:", "OR date:", "DOS:", "Booked for:")
_REFERRERS = ("Dr. H. Ambler", "Dr. S. Quintero", "Dr. P. Okafor", "Dr. L. Brandt")
_SCHEDULERS = ("Tonya (surgery scheduler)", "M. Reyes, surgical coordinator", "Beth K., OR booking")


def _date(day: dt.date, style: str) -> str:
    """`3/5/58`, `03-05-1958` or `05 MAR 1958`."""
    if style == "mdy_short":
        return f"{day.month}/{day.day}/{day:%y}"
    if style == "mdy_dash":
        return day.strftime("%m-%d-%Y")
    return day.strftime("%d %b %Y").upper()


def _with_weekday(day: dt.date, style: str) -> str:
    """The booked day as a scheduler writes it: `Tue 3/10/26`, `Tuesday 03-10-2026`, `TUE 10 MAR 2026`."""
    if style == "mdy_short":
        return f"{day:%a} {_date(day, style)}"
    if style == "mdy_dash":
        return f"{day:%A} {_date(day, style)}"
    return f"{day:%a}".upper() + " " + _date(day, style)


def _procedure_line(code: str, desc: str, rng: Random) -> str:
    return rng.choice((f"- {desc} [{code}]", f"- CPT {code}: {desc.lower()}", f"- {code} {desc}"))


def surgical_booking_note(case: Case, rng: Random) -> Doc:
    """Header block with Pt / D.O.B / Ins#, then history, assessment with ICD codes, a plan with the codes and
    the booked surgery date (the service date). Visit, imaging, pre-admission testing, post-op and e-signature
    dates, the MRN, group number, phone numbers and case length are distractors."""
    ds = rng.choice(("mdy_short", "mdy_dash", "mil"))
    rq, sv = case.requesting, case.servicing
    dob = _date(case.dob, ds)
    visit = case.signature_date
    age = (visit - case.dob).days // 365
    manner = rng.randrange(3)
    if manner == 0:
        printed = f"{case.last.upper()}, {case.first.upper()}"
    elif manner == 1:
        printed = f"{case.last}, {case.first} {rng.choice('ABCDEFGHJKLMNPRSTW')}"
    else:
        printed = case.full_name
    dob_label = rng.choice(_DOB)
    dob_shown = f"{dob} ({age}y)" if dob_label == "DOB/Age:" else dob
    member_label = rng.choice(_MEMBER)
    header = "\n".join((
        f"{rng.choice(_NAME)} {printed} | {dob_label} {dob_shown} | Sex: {case.sex}",
        f"Ins: {case.plan} | {member_label} {case.policy_printed}",
        f"Grp: {case.group_number} | MRN: {case.mrn[3:]} | Seen: {_date(visit, ds)}",
        f"Surgeon: {rq.name} | NPI {rq.npi}",
        f"Ref by: {rng.choice(_REFERRERS)} | Ph {rq.phone} | Fx {rq.fax}",
    ))
    primary = case.icd10[0][1].lower()
    imaging_day = visit - dt.timedelta(days=rng.randint(9, 60))
    months = rng.randint(3, 18)
    assessment = "\n".join(
        rng.choice((f"{i}) {desc} - {code}", f"{i}) {code} {desc}", f"{i}) {desc} ({code})"))
        for i, (code, desc) in enumerate(case.icd10, 1))
    plan_lines = [_procedure_line(code, desc, rng) for code, desc in case.cpt]
    plan_lines += [rng.choice((f"- Post-op DME: {desc.lower()}, HCPCS {code}", f"- Dispense at discharge: "
                               f"{code} {desc.lower()}")) for code, desc in case.hcpcs]
    where = (f"{sv.practice}, {sv.city} {sv.state} (facility NPI {sv.npi})" if sv.npi != rq.npi
             else f"{rq.practice} procedure suite, {rq.street}")
    pat = case.service_date - dt.timedelta(days=rng.randint(3, 7))
    postop = case.service_date + dt.timedelta(days=rng.randint(10, 15))
    booking = "\n".join((
        f"{rng.choice(_WHEN)} {_with_weekday(case.service_date, ds)}, "
        f"arrive {rng.choice(('05:30', '06:00', '10:15'))}, est. {rng.choice((45, 60, 90, 120, 150))} min",
        f"Location: {where}",
        f"Anesthesia: {rng.choice(('general', 'MAC with local', 'regional block + sedation'))} | "
        f"Stay: {rng.choice(('outpatient', '23-hr observation', 'inpatient, 1-2 nights'))}",
        f"Pre-admission testing {_date(pat, ds)}; post-op check {_date(postop, ds)}",
    ))
    if case.urgent:
        priority = rng.choice((
            "Priority: URGENT add-on. Waiting for an elective slot risks permanent loss of function; please "
            "expedite the insurance review.",
            "Priority: urgent - needs to be done this week; precert submitted as an expedited request.",
        ))
    else:
        priority = "Priority: elective, next available block time."
    blocks: list = [
        Title(rq.practice.upper(), 11, "left"),
        Text(f"{rq.street}, {rq.city}, {rq.state} {rq.zip}   Main {rq.phone}", size=8),
        Rule(),
        Text(header),
        Rule(),
        Title(rng.choice(_TITLES), 10.5, "left"),
        Text(f"Indication: {primary}; has not responded to conservative care."),
        Text(f"History: {age}-year-old with {months} months of progressive symptoms. " + rng.choice((
            "Tried medication changes and activity modification without lasting relief.",
            "Medication and a supervised exercise program have not helped; symptoms now limit work and sleep.",
        )) + f" Imaging from {_date(imaging_day, ds)} reviewed together today."),
        Text("Exam: alert, in no distress; findings as documented in the office note. Vitals within normal "
             f"limits, BMI {rng.randint(22, 41)}. Airway Mallampati {rng.choice(('I', 'II', 'III'))}."),
        Text("Assessment:\n" + assessment),
        Text("Plan: proceed with the procedure; risks, benefits and alternatives discussed, consent signed.\n"
             + "\n".join(plan_lines)),
        Text(booking),
        Text(priority),
        Text(f"Precert sent to {case.plan} on {_date(case.signature_date, ds)} by "
             f"{rng.choice(_SCHEDULERS)}."),
        Rule(),
        Text(f"Electronically signed by {rq.name} on {_date(case.signature_date, ds)} "
             f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}", size=8),
    ]
    return Doc("surgical_booking_note", "clinical_note", Style("liberation_mono", 8.5), blocks, request_truth(case),
               [case.policy_printed, dob, printed, rq.npi], footer="Printed from EHR - page {page} of {pages}",
               title="Surgical booking note")
