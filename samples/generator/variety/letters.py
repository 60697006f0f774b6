"""Letters of medical necessity and appeals: prose letters, member-written letters, and the plans' appeal forms."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.variety.common import (
    bullets,
    codes_text,
    continuation_header,
    date,
    diagnoses_text,
    doctor,
    heading,
    identity_pairs,
    labelled,
    name,
    pick,
    practice_header,
    some,
)

_TRIED = (
    "physical therapy",
    "anti-inflammatory medication",
    "two different oral agents",
    "steroid injections",
    "bracing",
    "a weight management program",
    "supervised exercise",
    "topical therapy",
    "an oral appliance",
    "first-line biologic therapy",
    "behavioral therapy",
    "pain management",
)


def _addressee(rng: Random, case: Case, appeal: bool) -> list[str]:
    dept = pick(
        rng,
        ("Appeals Unit", "Grievance and Appeals", "Appeals Department", "Provider Disputes", "Member Appeals")
        if appeal
        else (
            "Utilization Management",
            "Medical Review",
            "Pharmacy Benefits",
            "Prior Authorization Dept.",
            "Medical Director",
        ),
    )
    lines = [dept, case.plan]
    if rng.random() < 0.5:
        lines.append(f"Fax: {case.plan_fax}")
    return lines if rng.random() < 0.8 else []


def _re_line(rng: Random, case: Case, subject: str) -> list[str]:
    ids = identity_pairs(rng, case, member=0.85, mrn=0.1)
    if rng.random() < 0.5:
        return [f"{pick(rng, ('RE:', 'Re:', 'Subject:', 'Regarding:'))} {subject}"] + [f"{k}: {v}" for k, v in ids]
    return [f"{pick(rng, ('RE:', 'Re:'))} {subject} - " + ", ".join(f"{k} {v}" for k, v in ids)]


def _signature(rng: Random, case: Case) -> list[str]:
    rq = case.requesting
    close = pick(rng, ("Sincerely,", "Respectfully,", "Thank you,", "Best regards,", "Regards,", "Yours truly,"))
    lines = [close, "", doctor(rng, case)]
    if rng.random() < 0.7:
        lines.append(
            pick(
                rng,
                (
                    rq.specialty,
                    f"{rq.specialty}, {rq.practice}",
                    "Attending Physician",
                    "Board Certified, " + rq.specialty,
                ),
            )
        )
    if rng.random() < 0.6:
        lines.append(f"NPI {rq.npi}" if rng.random() < 0.5 else f"NPI: {rq.npi}  Phone: {rq.phone}")
    return lines


def _split_pages(rng: Random, case: Case, head: list[str], paras: list[str], tail: list[str]) -> list[str]:
    if len(paras) >= 4 and rng.random() < 0.55:
        cut = rng.randint(2, len(paras) - 1)
        return ["\n".join(head + paras[:cut]), "\n".join(continuation_header(rng, case, 2) + paras[cut:] + tail)]
    return ["\n".join(head + paras + tail)]


def medical_necessity_letter(case: Case, rng: Random) -> list[str]:
    """A physician's letter asking for coverage and arguing why the service is medically necessary."""
    lines = practice_header(rng, case) if rng.random() < 0.8 else []
    lines += [date(rng, case.signature_date), *_addressee(rng, case, appeal=False)]
    subject = pick(
        rng,
        (
            "Letter of Medical Necessity",
            "Statement of Medical Necessity",
            "Medical necessity",
            f"Request for coverage of {codes_text(case, rng)}",
            "Medical Necessity Letter",
            f"Request for authorization - {codes_text(case, rng)}",
            "Justification of medical necessity",
        ),
    )
    lines += _re_line(rng, case, subject)
    salutation = pick(
        rng,
        (
            "To Whom It May Concern:",
            "Dear Medical Director:",
            "Dear Reviewer,",
            "Dear Utilization Review Team:",
            "Dear Sir or Madam:",
            "Dear Clinical Reviewer:",
            "Attention Medical Review:",
        ),
    )
    who = name(rng, case)
    tried = some(rng, _TRIED, 2, 4)
    paras = [
        pick(
            rng,
            (
                f"I am writing on behalf of my patient, {who}, to request coverage of {codes_text(case, rng)}.",
                f"I am writing to support my request for {codes_text(case, rng)} for {who}, whom I have treated "
                f"since {rng.randint(2012, 2025)}.",
                f"This letter documents the medical necessity of {codes_text(case, rng)} for my patient {who}.",
                f"Please accept this letter in support of coverage for {codes_text(case, rng)} for {who}.",
            ),
        ),
        pick(
            rng,
            (
                f"{who} has a diagnosis of {diagnoses_text(case, rng)}.",
                f"The patient's diagnoses are {diagnoses_text(case, rng)}, confirmed by examination and testing.",
                f"Relevant diagnoses: {diagnoses_text(case, rng)}.",
            ),
        ),
        pick(
            rng,
            (
                "Conservative treatment has been tried and has failed: " + ", ".join(tried) + ".",
                "Despite " + " and ".join(tried) + ", symptoms persist and limit daily function.",
                "Alternatives considered and tried include " + ", ".join(tried) + ", without adequate response.",
            ),
        ),
        pick(
            rng,
            (
                "In my clinical judgment this treatment is medically necessary and is the standard of care for "
                "this condition.",
                "The requested service is medically necessary; without it the patient faces progression, "
                "loss of function and likely hospitalization.",
                "Current clinical guidelines support this treatment for patients who have failed the therapies above.",
                "Delaying this treatment would put the patient at risk of irreversible harm.",
            ),
        ),
    ]
    if rng.random() < 0.3:
        # Plain words: many letters never say "medical necessity", they say what the patient needs and why.
        paras[0] = pick(
            rng,
            (
                f"My patient {who} needs {codes_text(case, rng)}.",
                f"{who} requires {codes_text(case, rng)}, and I ask that you cover it.",
                f"I recommend {codes_text(case, rng)} for {who} and ask for your approval.",
            ),
        )
        paras[3] = pick(
            rng,
            (
                "Without it, the condition is likely to worsen.",
                "The result will decide the treatment.",
                "Nothing else has helped so far.",
            ),
        )
    if rng.random() < 0.5:
        paras.insert(3, pick(rng, ("Treatment history:", "Prior therapies:", "Failed treatments:")))
        paras[4:4] = bullets(rng, tried)
    if rng.random() < 0.4:
        paras.append(
            pick(
                rng,
                (
                    "Supporting clinical notes and test results are enclosed.",
                    "Enclosed: office notes, imaging reports and medication history.",
                    "I am available for a peer-to-peer discussion if needed.",
                ),
            )
        )
    paras.append(
        pick(
            rng,
            (
                "Please approve this request. Contact my office with any questions.",
                "I respectfully ask that you approve coverage.",
                "Thank you for your prompt review of this request.",
                "If you need additional information, please call my office.",
            ),
        )
    )
    if case.urgent and rng.random() < 0.7:
        paras.append(
            "Because the standard time frame could seriously jeopardize the patient's health, please "
            "process this request on an expedited basis."
        )
    return _split_pages(rng, case, [*lines, salutation], paras, _signature(rng, case))


def appeal_letter(case: Case, rng: Random) -> list[str]:
    """An appeal of a denial: by the provider or the member, first level, second level, expedited or external."""
    by_member = rng.random() < 0.3
    denied = case.signature_date - dt.timedelta(days=rng.randint(5, 90))
    lines = (
        practice_header(rng, case)
        if not by_member and rng.random() < 0.8
        else [case.full_name, f"{rng.randint(10, 999)} {pick(rng, ('Elm St', 'Birch Rd', 'Cedar Ct', 'Hill Ave'))}"]
    )
    lines += [date(rng, case.signature_date), *_addressee(rng, case, appeal=True)]
    ref_label = pick(
        rng, ("Reference #", "Authorization #", "Claim #", "Case #", "Denial Ref", "Auth No.", "Ref ID", "Tracking #")
    )
    subject = pick(
        rng,
        (
            "Appeal of denied prior authorization",
            "Request for reconsideration",
            "First level provider appeal",
            "Level II appeal",
            "Expedited appeal request",
            "Appeal of adverse benefit determination",
            "Formal appeal",
            "Request for redetermination",
            "Request for independent external review",
            "Member appeal",
            "Reconsideration request",
            "Grievance - denial of coverage",
        ),
    )
    lines += _re_line(rng, case, subject)
    if rng.random() < 0.8:
        lines.append(f"{ref_label}: {case.reference_id}")
    if rng.random() < 0.6:
        lines.append(
            f"{pick(rng, ('Date of denial', 'Denial date', 'Notice dated', 'Determination date'))}: {date(rng, denied)}"
        )
    salutation = pick(
        rng,
        (
            "To Whom It May Concern:",
            "Dear Appeals Coordinator:",
            "Dear Medical Director,",
            "Dear Appeals Committee:",
            "Dear Sir or Madam,",
            "Dear Reviewer:",
        ),
    )
    denial_reason = pick(
        rng,
        (
            "not medically necessary",
            "experimental or investigational",
            "not supported by the submitted documentation",
            "out of network",
            "not meeting the plan's clinical criteria",
            "a non-covered benefit",
        ),
    )
    if by_member:
        paras = [
            pick(
                rng,
                (
                    f"I am writing to appeal your decision to deny coverage for {codes_text(case, rng)}.",
                    f"I disagree with the denial letter I received on {date(rng, denied)} and I am asking "
                    "for a review of that decision.",
                    "Please consider this my formal appeal of the decision not to cover the treatment my doctor "
                    "ordered.",
                ),
            ),
            pick(
                rng,
                (
                    f"The letter said the service was {denial_reason}. My doctor and I believe that is wrong.",
                    f"My doctor says I need this because of {diagnoses_text(case, rng)}.",
                    "I have already tried " + ", ".join(some(rng, _TRIED, 2, 3)) + " and nothing has helped.",
                ),
            ),
            pick(
                rng,
                (
                    "I cannot work or care for my family with this condition. Please reverse the denial.",
                    "I am asking you to overturn this decision and approve the treatment.",
                    "Please review my records again. I have enclosed a letter from my doctor.",
                ),
            ),
            pick(
                rng,
                (
                    "Thank you for your time.",
                    "You can reach me by phone with any questions.",
                    "I also request a copy of the criteria used in the decision.",
                ),
            ),
        ]
    else:
        paras = [
            pick(
                rng,
                (
                    f"I am writing to appeal the denial of {codes_text(case, rng)} for my patient, {name(rng, case)}.",
                    f"On behalf of {name(rng, case)}, I request reconsideration of the adverse determination "
                    f"dated {date(rng, denied)}.",
                    f"This letter is a formal request for review of the decision to deny {codes_text(case, rng)}.",
                    f"Our office disputes the decision to deny authorization for {codes_text(case, rng)}.",
                    "We are submitting this second-level appeal because the initial appeal was upheld.",
                ),
            ),
            f"The request was denied as {denial_reason}. "
            + pick(
                rng,
                (
                    "We believe the reviewer did not have the full record.",
                    "This determination is inconsistent with the clinical facts.",
                    "The criteria cited are met, as the enclosed documentation shows.",
                ),
            ),
            pick(
                rng,
                (
                    f"The patient has {diagnoses_text(case, rng)} and has failed "
                    + ", ".join(some(rng, _TRIED, 2, 3))
                    + ".",
                    f"Diagnoses: {diagnoses_text(case, rng)}. Conservative measures were exhausted.",
                ),
            ),
            pick(
                rng,
                (
                    "We respectfully ask that the denial be overturned and the service approved.",
                    "Please reverse the denial and authorize the requested service.",
                    "We request a peer-to-peer review with a physician of the same specialty if the denial is upheld.",
                    "If the decision is upheld, please treat this as a request for external review by "
                    "an independent review organization.",
                ),
            ),
        ]
        if rng.random() < 0.5:
            paras.insert(
                3, pick(rng, ("Reasons the decision should be reversed:", "Basis for appeal:", "Supporting points:"))
            )
            paras[4:4] = bullets(
                rng,
                some(
                    rng,
                    (
                        "Symptoms are documented over more than six months.",
                        "Imaging confirms the diagnosis.",
                        "Published guidelines recommend this treatment.",
                        "The patient meets every criterion in the plan's policy.",
                        "No covered alternative is appropriate.",
                    ),
                    2,
                    4,
                ),
            )
    if case.urgent and rng.random() < 0.6:
        paras.append(
            "This is an expedited appeal: applying the standard time frame could seriously jeopardize "
            "the patient's life or health."
        )
    paras.append(
        pick(
            rng,
            (
                "Enclosures: denial letter, office notes, imaging report.",
                "Attachments enclosed.",
                "Copies of the denial notice and medical records are attached.",
                "",
            ),
        )
    )
    tail = _signature(rng, case) if not by_member else [pick(rng, ("Sincerely,", "Thank you,")), "", case.full_name]
    return _split_pages(rng, case, [*lines, salutation], [p for p in paras if p], tail)


def appeal_form(case: Case, rng: Random) -> list[str]:
    """A plan's appeal / reconsideration / redetermination request form: labels and boxes, little prose."""
    denied = case.signature_date - dt.timedelta(days=rng.randint(5, 90))
    title = pick(
        rng,
        (
            "PROVIDER APPEAL FORM",
            "Request for Reconsideration",
            "Member Appeal Request Form",
            "REDETERMINATION REQUEST FORM",
            "Request for Review of Adverse Determination",
            "Provider Dispute Resolution Request",
            "Appeal / Grievance Form",
            "Request for External Review",
            "Clinical Appeal Request",
        ),
    )
    lines = [case.plan, title] if rng.random() < 0.5 else [title]
    lines += [heading(rng, pick(rng, ("Member information", "Section 1 - Member", "Patient / Enrollee")))]
    lines += labelled(rng, identity_pairs(rng, case, member=0.95, mrn=0.0))
    lines += [heading(rng, pick(rng, ("Decision being appealed", "Denial information", "Section 2 - Determination")))]
    lines += labelled(
        rng,
        [
            (
                pick(rng, ("Authorization / Reference number", "Claim number", "Case number", "Denial reference")),
                case.reference_id,
            ),
            (
                pick(rng, ("Date of denial notice", "Date of adverse determination", "Date of initial determination")),
                date(rng, denied),
            ),
            (pick(rng, ("Service denied", "Item or service", "Services in dispute")), codes_text(case, rng)),
        ],
    )
    box = pick(rng, ("[X]", "X", "☒"))
    kinds = [("Standard", not case.urgent), ("Expedited", case.urgent)]
    lines.append(
        pick(rng, ("Type of appeal:", "Review requested:", "Appeal level:"))
        + " "
        + "  ".join(f"{box} {k}" if on else f"[ ] {k}" for k, on in kinds)
    )
    lines.append(
        pick(rng, ("Level:", "This is a:"))
        + " "
        + pick(
            rng,
            (
                "[X] First level  [ ] Second level",
                "[ ] First level  [X] Second level",
                "1st appeal",
                "2nd level appeal",
            ),
        )
    )
    lines += [
        heading(
            rng,
            pick(
                rng,
                ("Reason for appeal", "Why do you disagree with the decision?", "Explain the reason for your request"),
            ),
        )
    ]
    lines.append(
        pick(
            rng,
            (
                "The denied service is medically necessary; see attached letter and records.",
                f"Patient has {diagnoses_text(case, rng)} and failed conservative care.",
                "Additional clinical information was not available at the time of the initial review.",
            ),
        )
    )
    lines += labelled(
        rng,
        [
            (pick(rng, ("Appealing provider", "Requestor name", "Submitted by")), case.requesting.name),
            ("NPI", case.requesting.npi),
            (pick(rng, ("Phone", "Contact phone")), case.requesting.phone),
        ],
    )
    lines.append(
        pick(
            rng,
            (
                "Appeals must be filed within 60 days of the date on the denial notice.",
                "Send this form with supporting documents to the appeals address above.",
                "I attest that I am the member or the member's authorized representative.",
            ),
        )
    )
    lines.append(
        f"Signature: {pick(rng, (case.requesting.name, case.full_name))}   Date: {date(rng, case.signature_date)}"
    )
    return ["\n".join(lines)]
