"""Held out, written blind (session 4): a printed e-mail or secure-portal message thread to the UM department.

A provider's office answers the plan's request for missing information: identity, codes and the planned date in
prose and in a pasted list, urgency in a sentence, the NPI in the signature. Header timestamps, the quoted
message's dates, visit and therapy dates, thread and message numbers, phone numbers and ZIP codes are distractors.
"""

from __future__ import annotations

import datetime as dt
import re
from random import Random

from samples.generator.data import Case
from samples.generator.document import Doc, Gap, Rule, Style, Table, Text, Title, Truth
from samples.generator.heldout.common import honorific, initial

_STAFF = ("Kim Alvarez", "Dana Whitfield", "Luis Ortega", "Pat Nguyen", "Shay Moreland", "Terrence Boudreau",
          "Gina Kowalczyk")
_STAFF_TITLES = ("Prior Authorization Coordinator", "Referral Coordinator", "Surgery Scheduler",
                 "Practice Manager", "Insurance Verification Specialist")
_PLAN_SENDERS = ("UM Intake", "Utilization Management - Intake Team", "J. Morrow, RN - UM Nurse Reviewer",
                 "Provider Services - Prior Authorization")
_MEMBER = {
    "mbi": ("Medicare # (MBI)", "MBI", "member #"),
    "medicaid": ("Medicaid ID", "Medicaid #", "member ID"),
    "blue": ("member ID", "ID# (with prefix)", "subscriber ID"),
    "generic": ("member #", "mbr ID", "ID#", "subscriber no."),
}
_GREETINGS = ("Hi,", "Hello UM team,", "Good morning,", "Hi there,", "Hello,")
_OPENERS = (
    "Resending with the missing info, see below.",
    "Per your message, here is what you asked for.",
    "Sorry about that - the info you requested is below.",
    "Thanks for the quick reply. Answers below.",
)
_REASONS = (
    "symptoms are progressing and she/he is losing function",
    "the patient is in significant pain and cannot work",
    "delaying this could seriously jeopardize the patient's health",
    "the surgeon has a cancellation slot we would lose",
)
_NECESSITY = (
    "Conservative treatment has not worked (meds, home exercise and a course of PT); notes are attached.",
    "Dr. {doc} feels this is medically necessary after failed first-line therapy; chart notes attached.",
    "Prior treatment gave only short relief. Office notes and imaging report are attached to this message.",
)
_NOTICES = (
    "CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended "
    "recipient(s) and may contain protected health information. Any unauthorized review, use or disclosure is "
    "prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and delete "
    "all copies.",
    "This message was sent through a secure portal and may contain PHI protected under HIPAA. If you received "
    "it in error, do not read, forward or print it; notify the sender and delete it.",
)


def _ordinal(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _date(day: dt.date, style: str) -> str:
    """`3/4/1961`, `03/04/61`, `2026-03-04`, `March 4th, 2026`, `4-Mar-26` or `Wednesday, March 4, 2026`."""
    if style == "m_d_yyyy":
        return f"{day.month}/{day.day}/{day.year}"
    if style == "mdy_yy":
        return day.strftime("%m/%d/%y")
    if style == "iso":
        return day.isoformat()
    if style == "ordinal":
        return f"{day:%B} {_ordinal(day.day)}, {day.year}"
    if style == "d_mon_yy":
        return f"{day.day}-{day:%b}-{day:%y}"
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _clock(t: dt.datetime) -> str:
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def _domain(name: str) -> str:
    words = re.sub(r"[^a-z ]", "", name.lower()).split()
    return "-".join(words[:2]) + ".example"


def _lc(desc: str) -> str:
    """A description inside a sentence: first word in lower case unless it is an acronym (MRI, CPAP, IV)."""
    return desc[0].lower() + desc[1:] if desc[1:2].islower() else desc


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _away_from(day: dt.date, *avoid: dt.date) -> dt.date:
    """The office day on or before `day` (Monday to Friday) that is none of `avoid`."""
    while day in avoid or day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def portal_message_printout(case: Case, rng: Random) -> Doc:
    """A printed message thread (Outlook print, secure-portal conversation or webmail print view)."""
    container = rng.choice(("outlook", "portal", "webmail"))
    rq, sv = case.requesting, case.servicing
    dob_style = rng.choice(("m_d_yyyy", "mdy_yy", "iso", "ordinal"))
    dos_style = rng.choice(("ordinal", "m_d_yyyy", "iso", "d_mon_yy", "weekday"))
    if dos_style == "weekday" and case.service_date.weekday() >= 5:
        dos_style = "ordinal"  # nobody books a weekend day by its name
    dob = _date(case.dob, dob_style)
    dos = _date(case.service_date, dos_style)
    staff = rng.choice(_STAFF)
    staff_title = rng.choice(_STAFF_TITLES)
    office_mail = f"{staff.split()[0][0].lower()}{staff.split()[1].lower()}@{_domain(rq.practice)}"
    plan_sender = rng.choice(_PLAN_SENDERS)
    plan_mail = f"{rng.choice(('um.intake', 'priorauth', 'um-requests'))}@{_domain(case.plan)}"
    doc_last = rq.name.split(",")[0].split()[-1]

    # Timestamps (distractors): the office's first submission, the plan's question, the reply, the print.
    # The thread comes before the planned date, whenever the printout is faxed.
    reply_day = _away_from(case.signature_date if case.signature_date < case.service_date - dt.timedelta(days=1)
                           else case.service_date - dt.timedelta(days=rng.randint(2, 10)))
    reply = dt.datetime.combine(reply_day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
    asked_day = _away_from(reply_day - dt.timedelta(days=rng.randint(1, 4)), case.service_date)
    asked = dt.datetime.combine(asked_day, dt.time(rng.randint(8, 16), rng.randint(0, 59)))
    first_day = _away_from(asked_day - dt.timedelta(days=rng.randint(1, 3)), case.service_date)
    first = dt.datetime.combine(first_day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
    printed_at = reply + dt.timedelta(minutes=rng.randint(20, 240))

    with_ref = rng.random() < 0.5
    ref = case.reference_id
    if with_ref:
        subject = rng.choice((f"RE: Auth {ref} - additional info needed", f"RE: [Secure] PA request {ref} - "
                              "missing information", f"RE: Ref# {ref} / request for information"))
    else:
        subject = rng.choice(("RE: Prior auth request - missing information", "RE: Missing info on PA request",
                              "RE: Authorization request received - incomplete"))

    # The plan's earlier message (quoted) ---------------------------------------------------------------------
    plan_lines = [
        "Thank you for your prior authorization request. We cannot process it yet because the following is "
        "missing or unreadable:",
        "  - the member's ID number and date of birth",
        "  - the CPT/HCPCS code(s) and ICD-10 diagnosis code(s)",
        "  - the requested date of service",
    ]
    if with_ref:
        plan_lines.append(rng.choice((f"Reference #: {ref}", f"Your case reference is {ref}; please quote it.")))
    plan_lines.append(rng.choice((
        f"Please reply to this message or fax the information to {case.plan_fax}. If this request is urgent, call "
        f"{case.plan_phone}, option 3.",
        f"Requests left incomplete for 14 days are closed. Questions: {case.plan_phone}.",
    )))
    plan_lines.append(plan_sender)

    # The reply --------------------------------------------------------------------------------------------
    mi = initial(rng)
    member_label = rng.choice(_MEMBER[case.plan_style])
    id_manner = rng.randrange(4)
    # Short lines, as people type e-mail: the member ID starts its own line so no wrap can split it.
    pronoun = "Her" if case.sex == "F" else "His"
    if id_manner == 0:
        name_shown = f"{case.first} {mi}. {case.last}"
        identity = f"Pt is {name_shown}, DOB {dob}\n{member_label} {case.policy_printed}"
    elif id_manner == 1:
        name_shown = f"{case.last.upper()}, {case.first.upper()} {mi}"
        identity = f"The patient is {name_shown} (DOB {dob}).\n{pronoun} {member_label} is {case.policy_printed}."
    elif id_manner == 2:
        name_shown = f"{case.last.upper()}, {case.first.upper()} {mi}"
        identity = f"Patient: {name_shown}\nDOB: {dob}\n{member_label[0].upper() + member_label[1:]}: " \
                   f"{case.policy_printed}\nPlan: {case.plan}"
    else:
        name_shown = f"{case.first} {case.last}"
        identity = (f"This is for {honorific(case)} {case.last}: {name_shown}, born {dob}.\n"
                    f"{case.plan} {member_label}: {case.policy_printed}")

    procs = list(case.cpt)
    main_code, main_desc = procs[0]
    dx_code, dx_desc = case.icd10[0]
    pasted = rng.random() < 0.7
    sv_shown = sv.npi != rq.npi and rng.random() < 0.75
    sv_in_list = False
    body: list = []
    if pasted:
        body.append(Text(f"{identity}\n\nDr. {doc_last} is requesting {_lc(main_desc)} ({main_code}) for "
                         f"{_lc(dx_desc)}. Codes below (pasted from our system):"))
        if rng.random() < 0.5:
            lines = [f"CPT: {', '.join(c for c, _ in case.cpt)}"]
            if case.hcpcs:
                lines.append(f"HCPCS: {', '.join(c for c, _ in case.hcpcs)}")
            lines.append(f"Dx (ICD-10): {', '.join(c for c, _ in case.icd10)}")
            lines.append(f"DOS: {dos}")
            if sv_shown:
                lines.append(f"Rendering: {sv.practice}, NPI {sv.npi}")
                sv_in_list = True
            body.append(Text("\n".join(lines)))
            date_sentence = rng.choice((f"We'd like to schedule on or about {dos}.",
                                        f"Tentatively booked for {dos}, pending your approval."))
        else:
            rows = [(c, "CPT", desc) for c, desc in case.cpt] + [(c, "HCPCS", desc) for c, desc in case.hcpcs]
            rows += [(c, "ICD-10", desc) for c, desc in case.icd10]
            body.append(Table(("Code", "Type", "Description"), tuple(rows), widths=(1.0, 0.8, 4.6)))
            date_sentence = rng.choice((f"We'd like to schedule on or about {dos}.",
                                        f"Target date is {dos} if approved.",
                                        f"Dr. {doc_last} wants to get this done on {dos}."))
    else:
        others = [f"{c} ({_lc(d)})" for c, d in procs[1:]]
        text = f"{identity}\n\nWe're requesting CPT {main_code} ({_lc(main_desc)})"
        text += f", plus {_and(others)}" if others else ""
        if case.hcpcs:
            text += ", and HCPCS " + _and([f"{c} for the {_lc(d)}" for c, d in case.hcpcs])
        text += f". Primary dx is {dx_code} ({_lc(dx_desc)})"
        if len(case.icd10) > 1:
            text += "; also " + _and([f"{c} {_lc(d)}" for c, d in case.icd10[1:]])
        text += "."
        body.append(Text(text))
        date_sentence = rng.choice((f"We'd like to schedule on or about {dos}.",
                                    f"The procedure is tentatively set for {dos}.",
                                    f"Planned date of service: {dos}."))
    where = f" It will be done at {sv.practice} (facility NPI {sv.npi})." if sv_shown and not sv_in_list else ""
    visit = _away_from(reply_day - dt.timedelta(days=rng.randint(6, 40)), case.service_date, case.dob)
    visit_text = _date(visit, "m_d_yyyy" if dos_style == "weekday" else dos_style)
    body.append(Text(f"{date_sentence}{where} Last office visit was {visit_text}. "
                     + rng.choice(_NECESSITY).format(doc=doc_last)))
    if case.urgent:
        reason = rng.choice(_REASONS).replace("she/he", "she" if case.sex == "F" else "he")
        body.append(Text(rng.choice((f"This needs to be expedited - {reason}.",
                                     f"Please treat as URGENT / expedited review: {reason}.",
                                     f"Requesting an expedited (72-hour) review; {reason}."))))
    elif rng.random() < 0.6:
        body.append(Text(rng.choice(("Not urgent - standard review is fine.",
                                     "This is a routine request, no need to expedite.",
                                     "Standard turnaround is OK for this one."))))
    npi_manner = rng.randrange(2)
    signature = [staff, staff_title, rq.practice]
    if npi_manner == 0:
        signature.append(f"Ordering provider: {rq.name}, NPI {rq.npi}")
    else:
        signature.append(f"for {rq.name} | NPI: {rq.npi}")
    signature += [f"{rq.street}, {rq.city}, {rq.state} {rq.zip}", f"P {rq.phone} | F {rq.fax}"]
    body.append(Text(rng.choice(("Thanks,", "Thank you,", "Best,")) + "\n" + "\n".join(signature)))

    notice = Text(rng.choice(_NOTICES), size=7)
    blocks: list = []
    footer = ""
    if container == "outlook":
        blocks += [
            Text(staff, bold=True, size=12), Rule(),
            Text(f"From: {staff} <{office_mail}>\nSent: {_date(reply.date(), 'weekday')} {_clock(reply)}\n"
                 f"To: {plan_sender} <{plan_mail}>\nSubject: {subject}\n"
                 f"Attachments: {rng.choice(('office_notes.pdf', 'clinicals_' + doc_last.lower() + '.pdf'))}"),
            Gap(4), Text(rng.choice(_GREETINGS)), Text(rng.choice(_OPENERS)), *body, notice, Gap(4),
            Text(f"-----Original Message-----\nFrom: {plan_sender} <{plan_mail}>\n"
                 f"Sent: {_date(asked.date(), 'weekday')} {_clock(asked)}\nTo: {staff} <{office_mail}>\n"
                 f"Subject: {subject[4:]}"),
            Text("\n".join(plan_lines)),
        ]
    elif container == "webmail":
        short = f"{asked:%a}, {asked:%b} {asked.day}, {asked.year} at {_clock(asked)}"
        blocks += [
            Text(f"{_domain(rq.practice)[:-8].replace('-', ' ').title()} Mail - {subject}", size=8), Rule(),
            Title(subject, 13, "left"),
            Text(f"{staff} <{office_mail}>        {reply:%a}, {reply:%b} {reply.day}, {reply.year} at "
                 f"{_clock(reply)}\nTo: {plan_mail}", size=9),
            Gap(4), Text(rng.choice(_GREETINGS)), Text(rng.choice(_OPENERS)), *body,
            Text(f"On {short} {plan_sender} <{plan_mail}> wrote:", size=9),
            Text("\n".join("> " + line for line in plan_lines), size=9),
            Rule(), notice,
        ]
        footer = "https://mail." + _domain(rq.practice) + "/print?th=" + f"{rng.randint(10**11, 10**12 - 1):x}" \
                 + "   {page}/{pages}"
    else:
        thread = f"SM-{rng.randint(1000000, 9999999)}"

        def stamp(t: dt.datetime) -> str:
            return f"{t:%m/%d/%Y} {_clock(t)}"

        blocks += [
            Title(f"{case.plan} - Provider Portal", 12, "left"),
            Text(f"Secure Message Center | Printed {stamp(printed_at)} by {office_mail.split('@')[0]}", size=8),
            Rule(),
            Text(f"Conversation: {subject[4:]}\nCategory: Utilization Management / Prior Authorization\n"
                 f"Thread ID: {thread}    Messages: 3    Status: Awaiting plan response", size=9),
            Rule(),
            Text(f"Message 1 of 3 - From: {staff} ({rq.practice}) - {stamp(first)}", bold=True, size=9),
            Text(f"New prior authorization request for Dr. {doc_last}'s patient; request form attached "
                 f"(PA_request_{first:%m%d}.pdf). Please confirm receipt."),
            Text(f"Message 2 of 3 - From: {plan_sender} - {stamp(asked)}", bold=True, size=9),
            Text("\n".join(plan_lines)),
            Text(f"Message 3 of 3 - From: {staff} ({rq.practice}) - {stamp(reply)}", bold=True, size=9),
            Text(rng.choice(_GREETINGS) + " " + rng.choice(_OPENERS)), *body,
            Rule(), notice,
        ]
        footer = f"https://provider.{_domain(case.plan)}/secure-messages/{thread}" + "   Page {page} of {pages}"
    truth = Truth(
        reference_id=ref if with_ref else None, policy_id=case.policy_id, dob=case.dob,
        patient_name=(case.first, case.last),
        npi=[rq.npi, *([sv.npi] if sv_shown else [])],
        cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
        service_date=case.service_date, urgent=case.urgent,
    )
    contains = [case.policy_printed, dob, name_shown, rq.npi, *([ref] if with_ref else [])]
    font = {"outlook": "liberation_sans", "webmail": "helvetica", "portal": "dejavu_sans"}[container]
    size = 9 if container == "portal" else 9.5  # DejaVu runs wide: keep the thread on one page
    return Doc("portal_message_printout", "letter_of_medical_necessity", Style(font, size), blocks, truth, contains,
               footer=footer, title="Printed message thread")
