"""Shared pieces of the text-only variety pages: headings in several casings, identity blocks, label layouts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from random import Random

from samples.generator.data import DATE_STYLES, Case, fmt_date


def pick(rng: Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]


def some(rng: Random, options: Sequence[str], low: int, high: int) -> list[str]:
    """A random subset of `options` (between `low` and `high` items), in a random order."""
    return rng.sample(list(options), rng.randint(low, min(high, len(options))))


def heading(rng: Random, text: str, style: int | None = None) -> str:
    """A section heading as different writers set it: upper case, title case, as is; colon or not."""
    style = rng.randrange(4) if style is None else style
    body = text.upper() if style in (0, 1) else text.title() if style == 2 else text
    return body + (":" if style != 1 and rng.random() < 0.7 else "")


def date(rng: Random, day: dt.date, style: str | None = None) -> str:
    return fmt_date(day, style or pick(rng, DATE_STYLES))


def name(rng: Random, case: Case) -> str:
    """The patient's name as printed: `First Last`, `Last, First`, upper case, or with a middle initial."""
    choice = rng.randrange(4)
    if choice == 1:
        return f"{case.last}, {case.first}"
    if choice == 2:
        return f"{case.last.upper()}, {case.first.upper()}"
    if choice == 3:
        return f"{case.first} {rng.choice('ABCDEJKLMRST')}. {case.last}"
    return case.full_name


def labelled(rng: Random, pairs: Sequence[tuple[str, str]], style: str | None = None) -> list[str]:
    """Label/value pairs as a page reader returns them: one per line, several per line, a grid, or blanks."""
    style = style or pick(rng, ("lines", "lines", "pairs", "grid", "dots", "pipes"))
    sep = pick(rng, (": ", ": ", " ", ":  ", " - ")) if style != "dots" else " ...... "
    if style == "lines" or style == "dots":
        return [f"{label}{sep}{value}" for label, value in pairs]
    if style == "pipes":
        return [" | ".join(f"{label}: {value}" for label, value in pairs)]
    step = rng.choice((2, 3))
    out: list[str] = []
    for i in range(0, len(pairs), step):
        group = pairs[i : i + step]
        if style == "pairs":
            out.append("   ".join(f"{label}{sep}{value}" for label, value in group))
        else:
            out += ["   ".join(label for label, _ in group), "   ".join(value for _, value in group)]
    return out


MEMBER_ID_LABELS = (
    "Member ID",
    "Member #",
    "Subscriber ID",
    "Subscriber No.",
    "Policy Number",
    "Insurance ID",
    "ID #",
    "Health Plan ID",
    "Enrollee ID",
    "Recipient ID",
    "Beneficiary No.",
    "Plan ID",
    "Medicaid ID",
    "Medicare #",
    "Ins. ID",
    "Cert #",
    "Member Number",
    "Identification No.",
)
DOB_LABELS = ("DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "DOB/Age", "Born")
PATIENT_LABELS = (
    "Patient",
    "Patient Name",
    "Pt Name",
    "Name",
    "Member",
    "Member Name",
    "Client",
    "Pt",
    "Resident",
    "Enrollee",
    "Beneficiary",
)


def identity_pairs(rng: Random, case: Case, *, member: float = 0.7, mrn: float = 0.4) -> list[tuple[str, str]]:
    """Who the page is about, in a writer's choice of labels (some pages leave the member ID out)."""
    dob = date(rng, case.dob)
    if rng.random() < 0.2:
        dob = f"{dob} ({(dt.date(2026, 11, 20) - case.dob).days // 365} y)"
    pairs = [(pick(rng, PATIENT_LABELS), name(rng, case)), (pick(rng, DOB_LABELS), dob)]
    if rng.random() < member:
        pairs.append((pick(rng, MEMBER_ID_LABELS), case.policy_printed))
    if rng.random() < mrn:
        pairs.append(
            (pick(rng, ("MRN", "Med Rec #", "Chart #", "Acct #", "Account No.", "Encounter", "FIN")), case.mrn)
        )
    if rng.random() < 0.3:
        pairs.append((pick(rng, ("Sex", "Gender")), pick(rng, (case.sex, "Female" if case.sex == "F" else "Male"))))
    rng.shuffle(pairs)
    return pairs


def doctor(rng: Random, case: Case, credential: bool = True) -> str:
    rq = case.requesting
    base = rq.name.removesuffix(", MD")
    return f"{base}, {pick(rng, ('MD', 'DO', 'M.D.', 'MD, FACP', 'NP', 'PA-C', 'DO, FAAFP'))}" if credential else base


def practice_header(rng: Random, case: Case) -> list[str]:
    """A letterhead or practice header in one of a few shapes."""
    rq = case.requesting
    shape = rng.randrange(4)
    if shape == 0:
        return [rq.practice, f"{rq.street}, {rq.city}, {rq.state} {rq.zip}", f"Phone {rq.phone}  Fax {rq.fax}"]
    if shape == 1:
        return [rq.practice.upper(), f"{rq.street} | {rq.city}, {rq.state} {rq.zip} | P {rq.phone} | F {rq.fax}"]
    if shape == 2:
        return [f"{rq.practice} - {rq.specialty}", f"Tel: {rq.phone}"]
    return [rq.practice]


def codes_text(case: Case, rng: Random) -> str:
    """Requested procedures as a writer names them: codes with or without descriptions."""
    items = list(case.cpt) + list(case.hcpcs)
    if rng.random() < 0.5:
        return ", ".join(f"{desc.lower()} ({code})" for code, desc in items)
    return ", ".join(code for code, _ in items)


def diagnoses_text(case: Case, rng: Random) -> str:
    if rng.random() < 0.5:
        return "; ".join(f"{desc} ({code})" for code, desc in case.icd10)
    return ", ".join(f"{code} {desc.lower()}" for code, desc in case.icd10)


def bullets(rng: Random, items: Sequence[str]) -> list[str]:
    mark = pick(rng, ("- ", "* ", "• ", "", "numbers", "o "))
    if mark == "numbers":
        return [f"{i}. {item}" for i, item in enumerate(items, 1)]
    return [f"{mark}{item}" for item in items]


def continuation_header(rng: Random, case: Case, page: int) -> list[str]:
    """What the top of a later page often repeats: the patient and a page number, or nothing at all."""
    shape = rng.randrange(5)
    if shape == 0:
        return [f"{name(rng, case)}  {pick(rng, DOB_LABELS)} {date(rng, case.dob)}  Page {page}"]
    if shape == 1:
        return [f"Patient: {name(rng, case)}", f"Page {page}"]
    if shape == 2:
        return [f"Re: {case.full_name}", f"Page {page}", date(rng, case.signature_date)]
    if shape == 3:
        return [f"- {page} -"]
    return []


def run_in(rng: Random, section: list[str], inline: bool) -> list[str]:
    """A section with its heading on a line of its own, or run in before the first line ("Exam: Alert ...")."""
    if not inline or len(section) < 2 or rng.random() < 0.2:
        return section
    return [f"{section[0].rstrip(':').rstrip()}: {section[1].lstrip('-*• ')}", *section[2:]]
