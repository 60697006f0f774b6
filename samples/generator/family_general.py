"""Tune families added to show general weaknesses: labels above value boxes with split name fields, identity in
a letter's prose (honorifics, spelled-out dates), and a request whose codes sit in a service table."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.wording import d, request_truth

# Date styles US writers also use: the month spelled out, or abbreviated with a period.
_DATE_STYLES = ("long", "abbr_dot", "mdy", "dd_mon_yyyy", "iso")


def _date(day: dt.date, style: str) -> str:
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    if style == "abbr_dot":
        return f"{day:%b}. {day.day}, {day.year}" if day.month != 5 else f"May {day.day}, {day.year}"
    return d(day, style)


def precert_grid_form(case: Case, rng: Random) -> Doc:
    """A precertification form drawn as a two-column grid: each label in small type above its box."""
    ds = rng.choice(_DATE_STYLES)
    dob = _date(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    split_name = rng.random() < 0.6
    if split_name:
        last_label, first_label = rng.choice((("Last Name", "First Name"), ("Member Last Name", "Member First Name"),
                                              ("Patient Last", "Patient First")))
        name_rows: tuple[tuple[str, str], ...] = ((last_label, case.last), (first_label, case.first))
        name_shown = case.last
    else:
        name_shown = f"{case.first} {case.last}"
        name_rows = (("Member Name", name_shown), ("Gender", case.sex))
    member_label = rng.choice(("Member ID Number", "Member ID", "Health Plan ID #", "ID Card Number"))
    dob_label = rng.choice(("Member Date of Birth", "Date of Birth", "DOB"))
    blocks: list = [
        Title("MEDICAL PRECERTIFICATION REQUEST", 14),
        Text(f"{case.plan} - fax {case.plan_fax} - questions {case.plan_phone}", size=8),
        Checks((("Urgent / expedited", case.urgent, "urgent"), ("Non-urgent", not case.urgent, "non_urgent")),
               label="Request is:"),
        KV((*name_rows, (dob_label, dob), (member_label, case.policy_printed),
            ("Group Number", case.group_number), ("Member Phone", "(608) 555-0121")),
           cols=2, keys=(None, None, None, "policy_id"), heading="Member Information"),
        KV((("Ordering Provider", rq.name), ("Ordering Provider NPI", rq.npi),
            ("Servicing Provider", sv.practice), ("Servicing Provider NPI", sv.npi),
            ("Servicing Address", f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"), ("Servicing Fax", sv.fax)),
           cols=2, heading="Provider Information"),
        KV((("Date of Service", _date(case.service_date, ds)), ("End Date", _date(case.service_end, ds)),
            ("Procedure Code(s)", ", ".join(c for c, _ in (*case.cpt, *case.hcpcs))),
            ("Diagnosis Code(s)", ", ".join(c for c, _ in case.icd10))),
           cols=2, heading="Service Information"),
        Text("Attach clinical notes supporting medical necessity.", size=9),
        Gap(6),
        Text(f"Requesting provider signature: {rq.name}   Date: {_date(case.signature_date, ds)}", size=9),
    ]
    return Doc("precert_grid_form", "pa_request_form", Style("dejavu_sans", 9.5, "stacked"), blocks,
               request_truth(case), [case.policy_printed, dob, name_shown, rq.npi],
               footer="PRECERT-2  page {page} of {pages}", title="Medical precertification request")


def referral_letter(case: Case, rng: Random) -> Doc:
    """A primary-care referral letter: who the patient is only in prose (honorific, born ..., plan ID ...)."""
    ds = rng.choice(_DATE_STYLES)
    dob = _date(case.dob, ds)
    rq = case.requesting
    title = {"M": rng.choice(("Mr.", "Mr")), "F": rng.choice(("Mrs.", "Ms.", "Ms"))}[case.sex]
    member = case.policy_printed.replace(" ", "")
    procs = ", ".join(f"{desc.lower()} [{c}]" for c, desc in (*case.cpt, *case.hcpcs))
    dx = ", ".join(f"{desc.lower()} [{c}]" for c, desc in case.icd10)
    intro = rng.choice((
        f"I am referring {title} {case.first} {case.last}, born {dob}, plan ID {member}, for further care.",
        f"This letter concerns {title} {case.first} {case.last} (birth date {dob}, Member ID {member}).",
    ))
    blocks: list = [
        Text(rq.practice, bold=True, size=12),
        Text(f"{rq.street}, {rq.city}, {rq.state} {rq.zip}   Telephone {rq.phone}", size=8.5),
        Rule(),
        Text(_date(case.signature_date, ds)),
        Text(f"To: {case.servicing.practice}\nReferral Coordinator"),
        Gap(4),
        Text("Dear colleague,"),
        Text(intro + " The symptoms have not settled with the treatment we have tried in primary care."),
        Text(f"Working diagnoses: {dx}."),
        Text(f"I would be grateful if you would arrange {procs}, ideally on {_date(case.service_date, ds)}. "
             "I have asked the health plan for prior authorization."),
    ]
    if case.urgent:
        blocks.append(Text("Please treat this as urgent: the patient is deteriorating and I have requested an "
                           "expedited review."))
    blocks += [
        PageBreak(),
        Text(f"Referral for {title} {case.last}, continued", size=9),
        Text("Current medicines and allergies are listed in the attached summary."),
        Text(f"Yours sincerely,\n\n{rq.name}\nNPI {rq.npi}"),
    ]
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=[rq.npi],
                  cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
                  service_date=case.service_date, urgent=case.urgent)
    return Doc("referral_letter", "clinical_note", Style("times", 11), blocks, truth,
               [member, dob, f"{case.first} {case.last}"], title="Referral letter")


def service_table_request(case: Case, rng: Random) -> Doc:
    """A request whose procedures are rows of a services table (dates, code, modifier, quantity, diagnosis)."""
    ds = rng.choice(_DATE_STYLES)
    dob = _date(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    name = f"{case.last}, {case.first}"
    first_dx = case.icd10[0][0]
    rows = tuple((_date(case.service_date, ds), _date(case.service_end, ds), code, rng.choice(("", "RT", "50", "TC")),
                  str(rng.choice((1, 2, 4))), first_dx) for code, _ in (*case.cpt, *case.hcpcs))
    blocks: list = [
        Title(f"{case.plan}", 12, "left"),
        Title("Request for Medical Services Review", 11, "left"),
        KV((("Patient name", name), ("Member ID", case.policy_printed), ("Date of birth", dob),
            ("Requesting physician", rq.name), ("NPI", rq.npi), ("Servicing NPI", sv.npi)),
           cols=2, keys=(None, "policy_id")),
        Checks((("Urgent", case.urgent, "urgent"), ("Routine", not case.urgent, "non_urgent")), label="Priority"),
        Table(("Date From", "Date To", "Procedure", "Modifier", "Qty", "Diagnosis"), rows,
              widths=(1.2, 1.2, 1.0, 0.8, 0.6, 1.0), heading="Services"),
        Text("Other diagnoses: " + ", ".join(c for c, _ in case.icd10[1:]) if len(case.icd10) > 1 else
             "No other diagnoses."),
        Text(f"Servicing provider: {sv.practice}, {sv.city}, {sv.state} {sv.zip}", size=9),
    ]
    return Doc("service_table_request", "pa_request_form", Style("liberation_sans", 9.5), blocks,
               request_truth(case), [case.policy_printed, dob, name, sv.npi],
               footer="MSR {page}/{pages}", title="Medical services review request")
