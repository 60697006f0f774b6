"""Held out, written blind: an out-of-network exception / single-case-agreement request as a numbered questionnaire."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title
from samples.generator.heldout.common import tax_id
from samples.generator.wording import request_truth

_TITLES = (
    "REQUEST FOR OUT-OF-NETWORK SERVICES",
    "SINGLE CASE AGREEMENT (SCA) REQUEST QUESTIONNAIRE",
    "NON-PARTICIPATING PROVIDER EXCEPTION REQUEST",
)
_MEMBER = ("Enrollee ID", "Recipient No.", "Member's identification number", "Plan ID # (copy from the card)")
_REQ_NPI = ("Referring physician NPI", "Ordering practitioner NPI", "NPI of the requesting clinician")
_SV_NPI = ("Servicing provider NPI", "Non-participating provider NPI", "NPI of the out-of-network provider")
_CODES = ("Procedure (CPT/HCPCS)", "Service code(s) - CPT or HCPCS", "Procedure code(s) requested")
_PRIMARY = ("Primary diagnosis (ICD-10)", "Principal Dx code (ICD-10-CM)", "Main diagnosis, ICD-10 code")
_START = ("Date services to begin", "Proposed start date", "Anticipated date of service")
_SETTINGS = ("Office", "Outpatient hospital", "ASC", "Inpatient", "Home")
_CASE_MANAGERS = ("J. Whitcombe, RN", "A. Delacroix, LPN", "R. Osterberg, RN, CCM", "T. Mbeki, MSW")


def _date(day: dt.date, style: str) -> str:
    """`03/05/1958`, `03-05-58`, `5 March 1958` or `Mar 05 1958`."""
    if style == "mdy":
        return day.strftime("%m/%d/%Y")
    if style == "mdy_dash_short":
        return day.strftime("%m-%d-%y")
    if style == "day_month_year":
        return f"{day.day} {day:%B} {day.year}"
    return day.strftime("%b %d %Y")


def _dob_label(style: str, rng: Random) -> str:
    if style == "mdy":
        return "Date of birth (mm/dd/yyyy)"
    if style == "mdy_dash_short":
        return "Date of birth (mm-dd-yy)"
    return rng.choice(("Enrollee's date of birth", "Birthdate"))


class _Questions:
    """Numbers the questions and prints each answer in the document's chosen manner."""

    def __init__(self, manner: str) -> None:
        self.n = 0
        self.manner = manner

    def ask(self, question: str, answer: str, size: float = 9.5) -> Text:
        self.n += 1
        if self.manner == "leader":
            return Text(f"{self.n}. {question} {'.' * max(4, 44 - len(question))} {answer}", size=size)
        if self.manner == "below":
            return Text(f"{self.n}. {question}\n      {answer}", size=size)
        return Text(f"{self.n}. {question}: {answer}", size=size)

    def label(self, question: str) -> str:
        self.n += 1
        return f"{self.n}. {question}"


def oon_exception_request(case: Case, rng: Random) -> Doc:
    """Questionnaire asking the plan to cover a non-participating provider (or sign a single-case agreement).

    Referral, signature and form-revision dates, the requested end date, phone/fax numbers with extensions,
    ZIP, TIN, group number, visits, charges and distances are distractors; the service date is the start date.
    """
    ds = rng.choice(("mdy", "mdy_dash_short", "day_month_year", "mon_dd_yyyy"))
    manner = rng.choice(("colon", "leader", "below"))
    q = _Questions(manner)
    rq, sv = case.requesting, case.servicing
    dob = _date(case.dob, ds)
    ext = rng.randint(2100, 4899)
    referral = case.signature_date - dt.timedelta(days=rng.randint(3, 21))
    name_manner = rng.randrange(3)
    middle = rng.choice("ABCDEFGHJKLMNPRSTW")
    if name_manner == 0:
        printed = f"{case.last.upper()}, {case.first}"
    elif name_manner == 1:
        printed = f"{case.first} {middle}. {case.last}"
    else:
        printed = case.last.upper()  # last and first name asked separately
    member_label = rng.choice(_MEMBER)

    part1: list = [Text("PART I - ENROLLEE", bold=True, size=10)]
    if name_manner == 2:
        part1 += [q.ask("Enrollee last name", case.last.upper()), q.ask("Enrollee first name", case.first.upper())]
    else:
        part1.append(q.ask(rng.choice(("Enrollee name (last, first)", "Name of enrollee"))
                           if name_manner == 0 else "Name of enrollee", printed))
    part1 += [
        q.ask(_dob_label(ds, rng), dob),
        q.ask(member_label, case.policy_printed),
        q.ask("Group number (employer plans only)", case.group_number),
        q.ask("Enrollee's daytime telephone", f"({rng.choice(('217', '469', '601', '614'))}) 555-01"
                                              f"{rng.randint(0, 99):02d}"),
        Checks((("No", True, None), ("Yes", False, None)), label=q.label("Is the enrollee an inpatient today?")),
    ]

    sv_same = sv.npi == rq.npi
    part2: list = [
        Text("PART II - REQUESTING AND OUT-OF-NETWORK PROVIDERS", bold=True, size=10),
        q.ask("Referring / ordering practitioner", f"{rq.name}, {rq.practice}"),
        q.ask(rng.choice(_REQ_NPI), rq.npi),
    ]
    req_npi_question = q.n
    part2 += [
        q.ask("Office contact and direct line", f"{rng.choice(('Dana', 'Luis', 'Pat', 'Kim'))} at {rq.phone} "
                                                f"ext. {rng.randint(10, 399)}"),
        q.ask("Date of referral", _date(referral, ds)),
        q.ask("Out-of-network provider or facility name",
              "Same as the referring practitioner" if sv_same else sv.practice),
        q.ask(rng.choice(_SV_NPI), f"Same as question {req_npi_question}" if sv_same else sv.npi),
        q.ask("Tax identification number (TIN)", tax_id(rng)),
        q.ask("Address of the out-of-network provider", f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"),
        q.ask("Telephone / fax", f"{sv.phone} / {sv.fax}"),
    ]

    codes = [c for c, _ in (*case.cpt, *case.hcpcs)]
    primary, *others = case.icd10
    setting = rng.randrange(len(_SETTINGS))
    part3: list = [
        Text(f"Out-of-network request for enrollee ID {case.policy_printed} - continued", size=8),
        Rule(),
        Text("PART III - SERVICES REQUESTED", bold=True, size=10),
    ]
    if rng.random() < 0.5:
        rows = tuple((str(i), code, desc, str(rng.choice((1, 1, 1, 6, 8, 12))), f"${rng.randint(4, 380) * 50:,}.00")
                     for i, (code, desc) in enumerate((*case.cpt, *case.hcpcs), 1))
        part3 += [Text(q.label(rng.choice(_CODES)) + " - list every service below", size=9.5),
                  Table(("Line", "CPT/HCPCS", "Description of service", "Visits/units", "Billed charge"), rows,
                        widths=(0.5, 1.0, 3.3, 0.9, 1.0))]
    else:
        part3 += [q.ask(rng.choice(_CODES), ", ".join(codes)),
                  q.ask("Describe the service(s)", "; ".join(desc.lower() for _, desc in (*case.cpt, *case.hcpcs)))]
    part3 += [
        q.ask(rng.choice(_PRIMARY), f"{primary[0]} {primary[1]}"),
        q.ask("Other diagnosis codes, if any", "; ".join(f"{c} ({desc})" for c, desc in others) if others
              else "none"),
        q.ask(rng.choice(_START), _date(case.service_date, ds)),
        q.ask("Date services to end", _date(case.service_end, ds) if case.service_end != case.service_date
              else "same day (one-time service)"),
        Checks(tuple((place, i == setting, None) for i, place in enumerate(_SETTINGS)),
               label=q.label("Place of service:")),
    ]

    miles = rng.randint(38, 160)
    reason = rng.randrange(3)
    part4: list = [
        Text("PART IV - WHY AN IN-NETWORK PROVIDER CANNOT BE USED", bold=True, size=10),
        Checks((("None within access standards", reason == 0, None), ("Continuity of care", reason == 1, None),
                ("Expertise not in network", reason == 2, None)), label=q.label("Reason:")),
        q.ask("Miles from the enrollee's home to the nearest participating provider", str(miles)),
        q.ask("Participating providers contacted and outcome",
              f"{rng.choice(('Harbor Point Specialists', 'Valley Regional Clinic', 'Tri-County Associates'))} "
              f"declined on {_date(referral + dt.timedelta(days=1), ds)}; next opening in "
              f"{rng.randint(9, 20)} weeks"),
        q.ask("Clinical reason the enrollee needs this provider",
              rng.choice(("The out-of-network provider has treated this condition since diagnosis and holds the "
                          "full history; transferring care now would interrupt an active treatment plan.",
                          "The service needs a subspecialist the network does not contract with in the "
                          "enrollee's county.",
                          "Two participating groups cannot schedule the service within the plan's access "
                          "standard; the enrollee's condition is worsening.")), size=9.5),
        Checks((("No - standard review", not case.urgent, "non_urgent"),
                ("Yes - decide within 72 hours", case.urgent, "urgent")),
               label=q.label("Expedited decision needed?")),
    ]
    if case.urgent:
        part4.append(Text("Reason for expedited handling: waiting the standard 14 days could seriously jeopardize "
                          "the enrollee's life, health or ability to regain maximum function.", size=9.5))
    part4 += [
        Gap(6),
        Text("PART V - ATTESTATION", bold=True, size=10),
        Text("I attest that the information above is accurate and that the medical record supports it. A single "
             "case agreement, if offered, applies only to the services, dates and provider listed.", size=9),
        q.ask("Signature of requesting practitioner", f"/s/ {rq.name}"),
        q.ask("Date signed", _date(case.signature_date, ds)),
        Gap(8),
        Rule(),
        Text(f"FOR PLAN USE - Case manager: {rng.choice(_CASE_MANAGERS)}, {case.plan_phone} ext. {ext}   "
             "SCA #: __________   Rate: ______   Decision: ______", size=8),
    ]

    blocks: list = [
        Title(case.plan.upper(), 13, "left"),
        Text(f"Provider Network Services - Out-of-Network Authorization Unit\nReturn the completed questionnaire by "
             f"fax to {case.plan_fax}. Questions: {case.plan_phone}, ext. {ext}.", size=8.5),
        Rule(),
        Title(rng.choice(_TITLES), 11.5, "left"),
        Text("Answer every question. Incomplete requests are returned to the requesting office. Approval of an "
             "exception is not a guarantee of payment.", size=8.5),
        *part1, Gap(4), *part2, PageBreak(), *part3, Gap(4), *part4,
    ]
    return Doc("oon_exception_request", "pa_request_form", Style("times", 10), blocks, request_truth(case),
               [case.policy_printed, dob, printed, rq.npi],
               footer="Form OON-7 (rev. 03/2025)   Page {page} of {pages}", title="Out-of-network exception request")
