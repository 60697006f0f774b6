"""Held out, written blind: a clinic letter to the referring physician; identifiers only in prose."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import Doc, Gap, PageBreak, Rule, Style, Text, Title, Truth
from samples.generator.heldout.common import DATE_STYLES, fmt, honorific

_REFERRERS = ("Dr. Evelyn Marsh", "Dr. Tomasz Reid", "Dr. Aiyana Brooks", "Dr. Felix Ortega")


def _procedures(case: Case, rng: Random) -> str:
    parts = []
    for code, desc in case.cpt:
        parts.append(rng.choice((f"{desc.lower()} ({code})", f"{desc.lower()}, CPT {code}",
                                 f"{code} ({desc.lower()})")))
    for code, desc in case.hcpcs:
        parts.append(rng.choice((f"a {desc.lower()} ({code})", f"{desc.lower()}, HCPCS {code}")))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def clinical_letter_note(case: Case, rng: Random) -> Doc:
    """A consultation letter: who the patient is only in sentences, codes in the impression and plan."""
    ds = rng.choice(DATE_STYLES)
    dob = fmt(case.dob, ds)
    rq = case.requesting
    title = honorific(case)
    referrer = rng.choice(_REFERRERS)
    seen = case.signature_date - dt.timedelta(days=rng.randint(1, 12))
    age = (case.signature_date - case.dob).days // 365
    member = case.policy_printed.replace(" ", "")  # prose wraps at spaces: a letter runs the ID together
    member_word = rng.choice(("member number", "member ID", "insurance ID", "subscriber number"))
    opening = rng.choice((
        f"Thank you for referring {title} {case.first} {case.last}, DOB {dob}, {case.plan} {member_word} "
        f"{member}, whom I saw in the office on {fmt(seen, ds)}.",
        f"I saw your patient {case.first} {case.last} (date of birth {dob}; {member_word} {member}) "
        f"in consultation on {fmt(seen, ds)}.",
        f"{title} {case.first} {case.last} is a {age}-year-old born {dob} ({member_word}: {member}) "
        f"whom I evaluated on {fmt(seen, ds)} at your request.",
    ))
    dx = "; ".join(f"{desc.lower()} ({code})" for code, desc in case.icd10)
    plan_when = fmt(case.service_date, ds)
    plan = rng.choice((
        f"I have recommended {_procedures(case, rng)}. We have tentatively scheduled this for {plan_when}, "
        "pending authorization from the health plan.",
        f"The plan is to proceed with {_procedures(case, rng)} on {plan_when}, once the plan approves it.",
    ))
    blocks: list = [
        Title(rq.practice, 14),
        Text(f"{rq.specialty}  *  {rq.street}, {rq.city}, {rq.state} {rq.zip}  *  {rq.phone}", size=8.5),
        Rule(),
        Text(fmt(case.signature_date, ds)),
        Gap(4),
        Text(f"{referrer}\nPrimary Care\n{case.requesting.city}, {case.requesting.state}"),
        Gap(4),
        Text(f"Dear {referrer.split()[-1] if rng.random() < 0.5 else referrer}:"),
        Text(opening + " " + rng.choice((
            "The patient describes months of worsening symptoms that now limit walking and sleep.",
            "Symptoms have progressed despite therapy, medication and activity changes.",
        ))),
        Text("On examination today there was tenderness and a reduced range of motion; gait was antalgic. "
             "Prior imaging was reviewed with the patient."),
        Text(f"My impression is {dx}."),
        Text(plan),
    ]
    if case.urgent:
        blocks.append(Text(rng.choice((
            "Given how quickly the function is declining, I have asked the plan for an expedited review.",
            "Please note this is an urgent request; a delay would put the patient's health at risk.",
        ))))
    blocks += [
        PageBreak(),
        Text(f"{case.first} {case.last} - page 2", size=9),
        Text("I reviewed the risks, benefits and alternatives, and the patient wishes to proceed. I will keep you "
             "informed after the procedure."),
        Text(f"With kind regards,\n\n{rq.name}\n{rq.specialty}\nNPI {rq.npi}"),
        Text(f"cc: {referrer}; patient chart", size=9),
    ]
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=[rq.npi],
                  cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
                  service_date=case.service_date, urgent=case.urgent)
    return Doc("clinical_letter_note", "clinical_note", Style("liberation_serif", 11), blocks, truth,
               [member, dob, f"{case.first} {case.last}"], title="Consultation letter")
