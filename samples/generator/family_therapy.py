"""Tune family added to show an outpatient therapy authorization request: a physical, occupational or speech therapy
clinic faxes its plan of care (an "Outpatient Rehabilitation Request" form, a plan-of-care certification letter, or
a two-page request whose second page holds the goals and the therapist's signature) to get visits authorized.

What it exercises: the primary member ID among a secondary insurance ID, a group number, the clinic's account
number / MRN and an accident or workers' compensation claim number; the patient's name as `LAST, FIRST M`, in split
Last / First cells or in prose (`Ms. Jane A. Doe was evaluated ...`) beside other people's names (the referring
physician, the therapist with credentials, an emergency contact, responsible party or subscriber); therapy codes in
a table with units, frequency (`2x/wk x 6 wks`) and visit counts; the start of the requested certification period
(the service date) among the evaluation, onset or injury, surgery, referral, discharge, previous authorization,
last visit, re-evaluation, signature and fax dates; medical and treatment ICD-10-CM codes; urgency as a ticked box
or typed wording, routine otherwise (often with the unticked box or an instruction that names urgent requests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from samples.generator.codes import billable_icd10
from samples.generator.data import (
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    PLANS,
    STREETS,
    Case,
    fictional_phone,
    make_npi,
    make_policy_id,
)
from samples.generator.document import KV, Block, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.family_general import _date

_DAY = dt.timedelta(days=1)
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long", "abbr_dot")
Fmt = Callable[[dt.date], str]

# --- clinics and therapists (invented; the names share nothing with the patients' name lists)
_CLINICS = {
    "PT": ("Riverbend Physical Therapy & Sports Rehab", "Keystone Outpatient Rehabilitation",
           "Summit Motion Physical Therapy", "Ironwood Spine & Joint Physical Therapy"),
    "OT": ("Brookside Hand & Occupational Therapy", "Keystone Outpatient Rehabilitation",
           "Hillcrest Neuro Rehab Center"),
    "ST": ("Clearwater Speech & Swallowing Clinic", "Hillcrest Neuro Rehab Center"),
}
_THERAPISTS = {
    "PT": ("Colette Marchetti, PT, DPT", "Owen Pritchard, PT, DPT, OCS", "Sabine Kowalczyk, PT, MPT",
           "Jonah Whitfield, PT, DPT", "Renata Oyelaran, PT, DPT, NCS"),
    "OT": ("Harriet Quill, OTR/L", "Devon Achterberg, MS, OTR/L, CHT", "Lorna Baptiste, OTD, OTR/L"),
    "ST": ("Felicity Amundsen, MS, CCC-SLP", "Rohan Mehta, MA, CCC-SLP", "Ines Strand, MS, CCC-SLP"),
}
_DISCIPLINE = {"PT": ("Physical Therapy", "physical therapy", "GP"),
               "OT": ("Occupational Therapy", "occupational therapy", "GO"),
               "ST": ("Speech-Language Pathology", "speech therapy", "GN")}

# --- codes (lay descriptions are our own words)
_EVALS = {"PT": (("97161", "PT evaluation, low complexity"), ("97162", "PT evaluation, moderate complexity"),
                 ("97163", "PT evaluation, high complexity")),
          "OT": (("97165", "OT evaluation, low complexity"), ("97166", "OT evaluation, moderate complexity"),
                 ("97167", "OT evaluation, high complexity")),
          "ST": (("92523", "Evaluation of speech sound production and language"),
                 ("92610", "Evaluation of swallowing function"))}
_REEVALS = {"PT": ("97164", "PT re-evaluation"), "OT": ("97168", "OT re-evaluation")}
_TREATMENTS = {
    "PT": (("97110", "Therapeutic exercise"), ("97112", "Neuromuscular re-education"),
           ("97140", "Manual therapy techniques"), ("97530", "Therapeutic activities"), ("97116", "Gait training"),
           ("97535", "Self-care / home management training")),
    "OT": (("97530", "Therapeutic activities"), ("97535", "Self-care / ADL training"),
           ("97110", "Therapeutic exercise"), ("97112", "Neuromuscular re-education"),
           ("97140", "Manual therapy techniques")),
    "ST": (("92507", "Treatment of speech, language or voice"), ("92526", "Treatment of swallowing dysfunction")),
}
_ESTIM = ("G0283", "Electrical stimulation, unattended")
# Procedures a therapy request may mention in words only (never with a code): past or planned surgery.
_SURGERY_CODES = {"27447": "total knee arthroplasty", "29827": "arthroscopic rotator cuff repair",
                  "29881": "knee arthroscopy with partial meniscectomy", "63030": "lumbar laminotomy",
                  "0275T": "percutaneous lumbar laminotomy", "19301": "partial mastectomy",
                  "43775": "sleeve gastrectomy", "58571": "laparoscopic hysterectomy",
                  "92928": "coronary stent placement", "66984": "cataract surgery"}
_SURGERY_BY_DX = (("M17", "total knee arthroplasty"), ("Z96.651", "total knee arthroplasty"),
                  ("M75", "arthroscopic rotator cuff repair"), ("S46", "arthroscopic rotator cuff repair"),
                  ("S83", "arthroscopic partial meniscectomy"), ("M23", "arthroscopic partial meniscectomy"),
                  ("M51", "lumbar microdiscectomy"), ("M48", "lumbar decompression"))
_TREATMENT_DX = ("M62.81", "R26.2")

# --- labels
_MEMBER_LABELS = ("Member ID", "Subscriber #", "ID No.", "Policy/Member #", "Insurance ID", "Health Plan ID#",
                  "Member ID #", "Subscriber ID")
_SECONDARY_LABELS = ("Secondary Member ID", "Secondary ID #", "Sec. Ins. ID", "Secondary Policy #",
                     "Other Insurance ID", "Secondary Subscriber #")
_ACCOUNT_LABELS = ("Clinic Acct #", "Account No.", "Patient Acct #", "MRN", "Chart #", "Pt Account")
_CLAIM_LABELS = {"work": ("WC Claim #", "Workers' Comp Claim No.", "Employer/WC Claim #"),
                 "auto": ("Auto Claim #", "MVA Claim No.", "Accident Claim #")}
_DOB_LABELS = ("DOB", "Date of Birth", "Birth Date", "D.O.B.")
_CONTACT_LABELS = ("Emergency Contact", "Responsible Party", "Guardian / Caregiver", "Emergency Contact Name")
_START_KV = (("Requested Start Date", "Requested End Date"), ("Cert Period From", "Cert Period Through"),
             ("Plan of Care Start", "Plan of Care End"), ("Certification From", "Certification Through"),
             ("Dates of Service From", "Dates of Service To"))
_RANGE_LABELS = ("Plan of Care Dates", "Certification Period", "Cert Period Requested", "Dates of Service Requested",
                 "Requested Authorization Period", "POC Dates")
_RANGE_SEPS = (" - ", " to ", " through ", " thru ")
_EVAL_LABELS = ("Date of Evaluation", "Initial Eval Date", "Eval Date", "Evaluation Date")
_REEVAL_LABELS = ("Re-evaluation Date", "Progress Note Date", "Date of Re-eval")
_ONSET_LABELS = ("Onset Date", "Date of Onset", "Onset/Exacerbation")
_INJURY_LABELS = ("Date of Injury", "DOI", "Injury Date")
_SURGERY_LABELS = ("Date of Surgery", "Surgery Date", "Post-op Date (surgery)")
_PLANNED_LABELS = ("Planned Surgery Date", "Surgery Scheduled For", "Scheduled Surgery")
_REFERRAL_LABELS = ("Date of Referral", "Referral / Rx Date", "Physician Order Date")

_MEASURES: dict[str, tuple[Callable[[Random], str], ...]] = {
    "knee": (lambda r: f"LEFS {r.randint(18, 44)}/80", lambda r: f"Knee flexion AROM 0-{r.randint(70, 105)} degrees",
             lambda r: f"TUG {r.randint(11, 19)}.{r.randint(0, 9)} sec",
             lambda r: f"Knee extension lag {r.randint(3, 15)} degrees"),
    "shoulder": (lambda r: f"QuickDASH {r.randint(40, 75)}.{r.choice((0, 5))}/100",
                 lambda r: f"Shoulder flexion AROM 0-{r.randint(85, 130)} degrees",
                 lambda r: f"ER {r.randint(15, 45)} degrees", lambda r: f"MMT shoulder abduction {r.randint(3, 4)}-/5"),
    "spine": (lambda r: f"Oswestry {r.randint(28, 60)}%", lambda r: f"SLR R {r.randint(35, 60)} degrees",
              lambda r: f"Lumbar flexion limited {r.choice((25, 50, 75))}%",
              lambda r: f"Sitting tolerance {r.randint(10, 30)} min"),
    "neuro": (lambda r: f"Berg Balance {r.randint(26, 44)}/56", lambda r: f"10MWT 0.{r.randint(35, 85)} m/s",
              lambda r: f"6MWT {r.randint(120, 320)} m", lambda r: f"TUG {r.randint(16, 32)}.{r.randint(0, 9)} sec"),
    "ot": (lambda r: f"COPM performance {r.randint(2, 5)}.{r.randint(0, 9)}/10",
           lambda r: f"Grip strength R {r.randint(12, 40)} lb / L {r.randint(40, 75)} lb",
           lambda r: f"9-hole peg test {r.randint(35, 90)} sec", lambda r: f"QuickDASH {r.randint(45, 80)}.0"),
    "st": (lambda r: f"FOIS level {r.randint(2, 5)}", lambda r: f"WAB-R AQ {r.randint(40, 80)}.{r.randint(0, 9)}",
           lambda r: f"BNT {r.randint(20, 45)}/60",
           lambda r: f"Intelligibility {r.choice((40, 50, 60, 70))}% at word level"),
}
_GOALS: dict[str, tuple[str, ...]] = {
    "knee": ("Increase knee flexion AROM to {deg} degrees in {w1} weeks.",
             "Ambulate {ft} ft without an assistive device in {w2} weeks.",
             "Ascend/descend {steps} steps with one rail, reciprocal pattern, by discharge.",
             "Improve LEFS to {score}/80 in {w2} weeks."),
    "shoulder": ("Increase shoulder flexion AROM to {deg} degrees in {w1} weeks.",
                 "Reach to an overhead shelf with {lb} lb without pain in {w2} weeks.",
                 "Improve QuickDASH to below {pct} in {w2} weeks."),
    "spine": ("Sit for {mins} minutes without increase in pain in {w1} weeks.",
              "Lift {lb} lb floor to waist with proper mechanics in {w2} weeks.",
              "Reduce Oswestry to below {pct}% by discharge."),
    "neuro": ("Improve Berg Balance to {bal}/56 in {w2} weeks.",
              "Ambulate {ft} ft with a cane and supervision in {w1} weeks.",
              "Perform bed-to-chair transfers independently in {w1} weeks."),
    "ot": ("Complete upper body dressing with modified independence in {w1} weeks.",
           "Increase grip strength to {lb} lb in {w2} weeks.",
           "Perform light meal preparation with supervision in {w2} weeks."),
    "st": ("Produce 3-4 word utterances with {pct}% accuracy in {w1} weeks.",
           "Tolerate a mechanical soft diet with thin liquids without signs of aspiration in {w2} weeks.",
           "Name {n}/10 common objects with minimal cues in {w2} weeks."),
}


@dataclass
class _Ctx:
    """Everything one request prints, decided once; the layouts only arrange it."""

    case: Case
    rng: Random
    f: Fmt
    disc: str
    clinic: str
    clinic_lines: list[str]
    clinic_npi: str
    tax_id: str
    therapist: str
    name: str  # the name as the identity block prints it ("" when split into cells)
    name_rows: list[tuple[str, str]]
    prose_name: str  # `First M. Last`
    honorific: str
    dob: str
    dob_label: str
    member_label: str
    insurance_rows: list[tuple[str, str]]
    secondary: tuple[str, str, str]  # plan, label, printed ID
    account: tuple[str, str]
    claim: tuple[str, str] | None
    contact: tuple[str, str, str]  # label, name, relationship
    address: str
    dx_medical: list[tuple[str, str]]
    dx_treatment: list[tuple[str, str]]
    services: list[tuple[str, str, str, str, str, str]]  # code, modifier, description, units, frequency, visits
    freq: str
    visits: int
    weeks: int
    initial: bool
    dates: dict[str, dt.date]
    surgery: tuple[str, str] | None  # (words, "past" | "planned")
    injury: bool
    condition: str
    measures: list[str]
    goals: list[str]
    urgent_note: str
    reference_shown: bool
    visits_used: int
    prose_only: bool = False  # the letter names the patient only in its prose
    region: str = "knee"
    cpt: list[str] = field(default_factory=list)
    hcpcs: list[str] = field(default_factory=list)


def _discipline(case: Case, rng: Random) -> str:
    codes = {c for c, _ in case.cpt}
    dx = [c for c, _ in case.icd10]
    if "97161" in codes:
        return "PT"
    if any(c.startswith("97") for c in codes):
        return rng.choice(("PT", "PT", "OT"))
    if any(c.startswith(("I69", "G82")) for c in dx):
        return rng.choice(("PT", "OT", "ST"))
    if any(c.startswith(("M75", "S46", "M05", "M06")) for c in dx):
        return rng.choice(("PT", "OT"))
    return "PT"


def _region(case: Case, disc: str) -> str:
    if disc == "OT":
        return "ot"
    if disc == "ST":
        return "st"
    dx = [c for c, _ in case.icd10]
    if any(c.startswith(("M75", "S46")) for c in dx):
        return "shoulder"
    if any(c.startswith(("M54", "M51", "M48")) for c in dx):
        return "spine"
    if any(c.startswith(("I69", "G82", "G40", "G43", "R42", "R26", "M62")) for c in dx):
        return "neuro"
    return "knee"


def _services(case: Case, rng: Random, disc: str, initial: bool, freq: str, visits: int
              ) -> tuple[list[tuple[str, str, str, str, str, str]], list[str], list[str]]:
    """The rows of the therapy table: the case's own codes, an evaluation, 1-3 more treatments, maybe e-stim."""
    mod = _DISCIPLINE[disc][2]
    own = {c for c, _ in (*case.cpt, *case.hcpcs)}
    rows: list[tuple[str, str, str, str, str, str]] = []
    if initial and rng.random() < 0.75 and not own & {"97161", "97162", "97163"}:
        code, desc = rng.choice(_EVALS[disc])
        rows.append((code, mod, desc, "1", "once", "1"))
    elif not initial and disc in _REEVALS and rng.random() < 0.4:
        code, desc = _REEVALS[disc]
        rows.append((code, mod, desc, "1", "once", "1"))
    timed: list[tuple[str, str, str, str, str, str]] = []
    once: list[tuple[str, str, str, str, str, str]] = []
    for code, desc in case.cpt:
        if code in ("97161", "97162", "97163"):
            rows.insert(0, (code, mod, desc, "1", "once", "1"))
        elif code.startswith(("97", "925")):
            timed.append((code, mod, desc, str(rng.choice((1, 1, 2, 2, 3))), freq, str(visits)))
        else:
            once.append((code, "", desc, "1", "once", "1"))
    listed = own | {r[0] for r in rows}
    extra = [t for t in _TREATMENTS[disc] if t[0] not in listed]
    for code, desc in rng.sample(extra, min(len(extra), rng.randint(1, 3))):
        timed.append((code, mod, desc, str(rng.choice((1, 1, 2, 2, 3))), freq, str(visits)))
    rng.shuffle(timed)
    rows += timed
    if case.hcpcs and disc != "ST" and rng.random() < 0.8:
        rows.append((_ESTIM[0], mod, _ESTIM[1], "1", freq, str(visits)))
    rows += once
    rows += [(code, rng.choice(("NU", "", "RR")), desc, "1", "one-time", "N/A") for code, desc in case.hcpcs]
    cpt = [r[0] for r in rows if r[0][0].isdigit()]
    hcpcs = [r[0] for r in rows if not r[0][0].isdigit()]
    return rows, cpt, hcpcs


def _timeline(case: Case, rng: Random, initial: bool, weeks: int, surgery_kind: str | None
              ) -> dict[str, dt.date]:
    """Dates around the requested start S (the service date); none of the others is S or before the birth date."""
    s = case.service_date
    faxed = case.fax.sent.date()
    e = s + _DAY * (7 * weeks - 1)
    if initial:
        evaluation = min(s - _DAY * rng.randint(1, 10), faxed - _DAY * rng.randint(0, 4))
        first_eval = evaluation
    else:
        evaluation = min(s - _DAY * rng.randint(1, 6), faxed - _DAY * rng.randint(0, 3))  # the re-evaluation
    out: dict[str, dt.date] = {"s": s, "e": e, "faxed": faxed, "evaluation": evaluation}
    if not initial:
        prev_end = s - _DAY * (1 if rng.random() < 0.75 else rng.randint(2, 10))
        prev_len = max(7 * rng.choice((4, 6, 8)) - 1, (prev_end - evaluation).days + rng.randint(14, 30))
        prev_start = prev_end - _DAY * prev_len
        first_eval = prev_start - _DAY * rng.randint(0, 5)
        last_visit = min(evaluation, prev_end) - _DAY * rng.randint(0, 3)
        if last_visit <= prev_start:
            last_visit = prev_start + _DAY
        out.update(prev_start=prev_start, prev_end=prev_end, first_eval=first_eval, last_visit=last_visit)
    if surgery_kind == "past":
        out["surgery"] = first_eval - _DAY * rng.randint(4, 45)
        out["onset"] = out["surgery"] - _DAY * rng.randint(10, 240)
    else:
        out["onset"] = first_eval - _DAY * rng.randint(10, 300)
    if surgery_kind == "planned":
        out["surgery"] = e + _DAY * rng.randint(5, 35)
    out["referral"] = first_eval - _DAY * rng.randint(1, 14)
    if out["referral"] <= out["onset"]:
        out["referral"] = out["onset"] + _DAY
    out["discharge"] = first_eval - _DAY * rng.randint(1, 6)  # from an inpatient stay (used when it fits the story)
    signed_pt = min(evaluation + _DAY * rng.randint(0, 2), faxed)
    out["signed_pt"] = evaluation if signed_pt == s else signed_pt
    md = case.signature_date
    out["signed_md"] = md - _DAY if md == s else md
    out["reeval_due"] = s + _DAY * rng.randint(24, 30)
    if any(v == s for k, v in out.items() if k != "s") or min(out.values()) <= case.dob:
        raise AssertionError(f"inconsistent therapy timeline for {case.first} {case.last}")
    return out


def _other_person(case: Case, rng: Random) -> tuple[str, str]:
    """(name, relationship) of someone else on the form: a spouse or child often shares the patient's last name."""
    rel = rng.choice(("Spouse", "Child", "Sibling", "Friend", "Guardian", "Partner", "Parent"))
    first = rng.choice([n for n in FIRST_NAMES if n != case.first])
    same = rel in ("Spouse", "Child", "Sibling", "Parent") and rng.random() < 0.6
    last = case.last if same else rng.choice([n for n in LAST_NAMES if n != case.last])
    return f"{first} {last}", rel


def _urgent_note(rng: Random, surgery: tuple[str, str] | None, f: Fmt, dates: dict[str, dt.date],
                 neuro: bool) -> str:
    if surgery and surgery[1] == "past":
        return rng.choice((
            f"Post-op, time sensitive: the surgeon's protocol after {surgery[0]} requires therapy to start now; "
            "please expedite this review.",
            "URGENT / EXPEDITED: post-operative patient; a delay in therapy risks loss of range of motion and "
            "would jeopardize the ability to regain maximum function.",
        ))
    if surgery:
        return (f"Time sensitive - expedited review requested: surgery is scheduled for {f(dates['surgery'])} and "
                "the pre-operative program must start on the requested date.")
    if neuro:
        return rng.choice((
            f"Expedited review requested: patient discharged from inpatient rehabilitation on "
            f"{f(dates['discharge'])}; an interruption in therapy would seriously jeopardize recovery.",
            "URGENT - please expedite: high fall risk at home; delay would seriously jeopardize the patient's "
            "health and ability to regain maximum function.",
        ))
    return rng.choice((
        "Expedited review requested: the treating physician states that waiting for a standard decision could "
        "seriously jeopardize the patient's ability to regain maximum function.",
        "URGENT request - time sensitive; please expedite the determination.",
    ))


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    disc = _discipline(case, rng)
    region = _region(case, disc)
    initial = rng.random() < 0.65
    per_wk, weeks = rng.choice(((2, 6), (3, 4), (2, 8), (1, 6), (3, 6), (2, 4), (2, 12)))
    freq = rng.choice((f"{per_wk}x/wk x {weeks} wks", f"{per_wk}x/week x {weeks} weeks",
                       f"{per_wk} x week for {weeks} weeks", f"{per_wk}W{weeks}",
                       f"{per_wk}x per week x {weeks} weeks"))
    visits = per_wk * weeks
    own = [c for c, _ in case.cpt]
    planned = next((_SURGERY_CODES[c] for c in own if c in _SURGERY_CODES), None)
    if planned:
        surgery: tuple[str, str] | None = (planned, "planned")
    else:
        past = next((w for prefix, w in _SURGERY_BY_DX if any(c.startswith(prefix) for c, _ in case.icd10)), None)
        surgery = (past, "past") if past and rng.random() < 0.7 else None
    dates = _timeline(case, rng, initial, weeks, surgery[1] if surgery else None)
    injury = any(c.startswith(("S", "T")) for c, _ in case.icd10)
    services, cpt, hcpcs = _services(case, rng, disc, initial, freq, visits)

    # --- the clinic (the rendering provider) and its people
    clinic = rng.choice(_CLINICS[disc])
    city, state = rng.choice(CITIES)
    clinic_npi = case.servicing.npi if case.servicing.npi != case.requesting.npi else make_npi(rng)
    clinic_lines = [f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, Suite {rng.randint(100, 450)}",
                    f"{city}, {state} {rng.randint(10000, 99899):05d}",
                    f"Phone {fictional_phone(rng)}  Fax {fictional_phone(rng)}"]
    tax_id = f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"
    therapist = rng.choice(_THERAPISTS[disc])

    # --- the patient
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    variant = rng.choice(("LAST, FIRST M", "split", "Last, First", "First M. Last", "LAST, FIRST"))
    if variant == "split":
        name = ""
        name_rows = [("Last Name", case.last), ("First Name", case.first), ("MI", mi)]
    else:
        name = {"LAST, FIRST M": f"{case.last.upper()}, {case.first.upper()} {mi}",
                "Last, First": f"{case.last}, {case.first}", "First M. Last": f"{case.first} {mi}. {case.last}",
                "LAST, FIRST": f"{case.last.upper()}, {case.first.upper()}"}[variant]
        name_rows = [(rng.choice(("Patient Name", "Member Name", "Patient",
                                  "Name (Last, First MI)" if variant == "LAST, FIRST M" else "Patient Name")), name)]
    honorific = {"M": "Mr.", "F": rng.choice(("Ms.", "Mrs."))}[case.sex]
    p_city, p_state = rng.choice(CITIES)
    address = (f"{rng.randint(10, 9899)} {rng.choice(STREETS)}, {p_city}, {p_state} "
               f"{rng.randint(10000, 99899):05d}")
    contact_name, rel = _other_person(case, rng)

    # --- insurance and the numbers that are not the member ID
    member_label = rng.choice(_MEMBER_LABELS)
    sec_style = rng.choice([st for st in ("mbi", "blue", "medicaid", "generic") if st != case.plan_style])
    _, sec_printed = make_policy_id(rng, sec_style)
    sec_plan = {"mbi": rng.choice(("Medicare Part B", "Original Medicare")),
                "medicaid": rng.choice(("State Medicaid", "Medicaid (secondary)")),
                }.get(sec_style, rng.choice([p for p in PLANS if p != case.plan]))
    secondary = (sec_plan, rng.choice(_SECONDARY_LABELS), sec_printed)
    account = (rng.choice(_ACCOUNT_LABELS),
               rng.choice((case.mrn, f"{rng.randint(100000, 999999)}", f"A{rng.randint(1000000, 9999999)}")))
    claim = None
    if injury or (region in ("knee", "shoulder", "spine") and rng.random() < 0.25):
        kind = rng.choice(("work", "auto"))
        number = rng.choice((f"WC{rng.randint(100000000, 999999999)}" if kind == "work"
                             else f"CLM {rng.randint(1000000000, 9999999999)}",
                             f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"))
        claim = (rng.choice(_CLAIM_LABELS[kind]), number)
    insurance_rows = [("Health Plan", case.plan), (member_label, case.policy_printed),
                      (rng.choice(("Group #", "Group No.", "Grp #")), case.group_number)]
    if rel == "Spouse" and rng.random() < 0.5:
        insurance_rows.append(("Subscriber Name", contact_name))
        insurance_rows.append(("Relationship to Subscriber", "Spouse"))

    # --- diagnoses: the case's codes (medical), therapy treatment codes now and then
    billable = billable_icd10()
    medical = list(case.icd10[:rng.randint(1, len(case.icd10))])
    treatment = list(case.icd10[len(medical):])
    if disc != "ST" and rng.random() < 0.6:
        own_dx = {c for c, _ in case.icd10}
        options = [c for c in _TREATMENT_DX if c not in own_dx and c in billable
                   and (c != "R26.2" or region in ("knee", "spine", "neuro"))]
        if options:
            code = rng.choice(options)
            words = {"M62.81": "Muscle weakness (generalized)", "R26.2": "Difficulty in walking"}
            treatment.append((code, words[code]))

    condition = case.icd10[0][1].lower()
    picks = rng.sample(_MEASURES[region], rng.randint(2, 4))
    measures = [m(rng) for m in picks]
    if disc != "ST":
        measures.append(f"NPRS {rng.randint(3, 8)}/10 at worst")
    degrees = (150, 160, 165) if region == "shoulder" else (110, 115, 120, 125)
    fill = {"deg": rng.choice(degrees), "w1": max(2, weeks // 2), "w2": weeks,
            "ft": rng.choice((150, 300, 500, 1000)), "steps": rng.choice((4, 8, 12, 14)),
            "score": rng.randint(55, 70), "lb": rng.choice((5, 10, 15, 20, 25)), "pct": rng.choice((20, 30, 40, 80)),
            "mins": rng.choice((30, 45, 60)), "bal": rng.randint(45, 52), "n": rng.randint(7, 9)}
    goals = [g.format(**fill) for g in _GOALS[region]]
    if rng.random() < 0.7:
        goals.append(rng.choice(("Independent with home exercise program in 2 weeks.",
                                 "Patient/caregiver independent with the home program by discharge.")))

    ctx = _Ctx(
        case=case, rng=rng, f=f, disc=disc, clinic=clinic, clinic_lines=clinic_lines, clinic_npi=clinic_npi,
        tax_id=tax_id, therapist=therapist, name=name, name_rows=name_rows,
        prose_name=f"{case.first} {mi}. {case.last}", honorific=honorific, dob=f(case.dob),
        dob_label=rng.choice(_DOB_LABELS), member_label=member_label, insurance_rows=insurance_rows,
        secondary=secondary, account=account, claim=claim,
        contact=(rng.choice(_CONTACT_LABELS), contact_name, rel), address=address,
        dx_medical=medical, dx_treatment=treatment, services=services, freq=freq, visits=visits, weeks=weeks,
        initial=initial, dates=dates, surgery=surgery, injury=injury, condition=condition, measures=measures,
        goals=goals, urgent_note="", reference_shown=not initial and rng.random() < 0.5,
        visits_used=0, cpt=cpt, hcpcs=hcpcs,
    )
    ctx.region = region
    ctx.urgent_note = _urgent_note(rng, surgery, f, dates, region == "neuro") if case.urgent else ""
    ctx.visits_used = rng.randint(max(1, visits - 4), visits) if not initial else 0
    return ctx


# --- pieces the layouts share -------------------------------------------------------------------------------------


def _range(c: _Ctx) -> str:
    return f"{c.f(c.dates['s'])}{c.rng.choice(_RANGE_SEPS)}{c.f(c.dates['e'])}"


def _dx_code_desc(items: list[tuple[str, str]], sep: str) -> str:
    return "; ".join(f"{code}{sep}{desc}" for code, desc in items)


def _dx_blocks(c: _Ctx) -> list[Block]:
    """The diagnoses: a table with onset dates, `code - description` rows, or one inline list."""
    f, d = c.f, c.dates
    style = c.rng.randrange(3)
    if style == 0:
        rows = [(code, desc, "Medical", f(d["onset"])) for code, desc in c.dx_medical]
        rows += [(code, desc, "Treatment", f(d["evaluation"])) for code, desc in c.dx_treatment]
        header = c.rng.choice((("ICD-10-CM", "Description", "Type", "Onset"),
                               ("ICD-10 Code", "Diagnosis", "Medical / Treatment", "Onset/Exac. Date")))
        return [Table(header, tuple(rows), widths=(1.1, 3.6, 1.3, 1.2),
                      heading=c.rng.choice(("Diagnoses", "Diagnosis Information", "")))]
    if style == 1:
        sep = c.rng.choice((" - ", " ", ": "))
        rows2 = [(c.rng.choice(("Medical Diagnosis (ICD-10)", "Referring Dx", "Medical Dx")),
                  _dx_code_desc(c.dx_medical, sep))]
        if c.dx_treatment:
            rows2.append((c.rng.choice(("Treatment Diagnosis", "Treating Dx (ICD-10)", "PT/OT/ST Dx")),
                          _dx_code_desc(c.dx_treatment, sep)))
        else:
            rows2.append(("Treatment Diagnosis", "same as medical diagnosis"))
        return [KV(tuple(rows2), cols=1)]
    codes = ", ".join(code for code, _ in (*c.dx_medical, *c.dx_treatment))
    return [Text(f"Diagnoses (ICD-10-CM): {codes}. Onset {f(d['onset'])}; {c.condition}.")]


def _services_blocks(c: _Ctx, heading: str = "") -> list[Block]:
    """The therapy codes in a table; the case's other services (imaging, surgery, DME) in the same table or in a
    second one under their own heading."""
    therapy = [r for r in c.services if r[1] in ("GP", "GO", "GN")]
    other = [r for r in c.services if r[1] not in ("GP", "GO", "GN")]
    if not other or c.rng.random() < 0.5:
        return [_services_table(c, c.services, heading)]
    second = c.rng.choice(("Related services on this authorization (physician-ordered)", "Other services requested",
                           "Also requested (DME / physician services)"))
    return [_services_table(c, therapy, heading), _services_table(c, other, second)]


def _services_table(c: _Ctx, services: list[tuple[str, str, str, str, str, str]], heading: str = "") -> Table:
    """Codes with units, frequency and visits (or total units, or minutes): numbers that are not codes."""
    rng = c.rng
    style = rng.randrange(4)
    heading = heading or rng.choice(("Services Requested", "Treatment Plan / Codes Requested", "Requested Services",
                                     "Interventions"))
    if style == 0:
        rows = tuple((code, mod, desc, units, freq, visits) for code, mod, desc, units, freq, visits in services)
        return Table(("CPT/HCPCS", "Mod", "Description", "Units/Visit", "Frequency", "Visits"), rows,
                     widths=(1.0, 0.6, 2.8, 0.9, 1.5, 0.7), heading=heading)
    if style == 1:
        rows = tuple((code, desc, units, freq, visits) for code, _, desc, units, freq, visits in services)
        return Table(("Code", "Service", "Units", "Freq x Duration", "# Visits Requested"), rows,
                     widths=(0.9, 3.0, 0.7, 1.6, 1.2), heading=heading)
    if style == 2:
        rows = tuple((code, mod, desc, str(int(units) * int(visits)) if visits.isdigit() else units)
                     for code, mod, desc, units, _, visits in services)
        return Table(("Procedure Code", "Modifier", "Description", "Total Units Requested"), rows,
                     widths=(1.3, 0.9, 3.4, 1.4), heading=heading)
    rows = tuple((code, desc, str(15 * int(units)) if freq != "once" and visits.isdigit() else "-", units, visits)
                 for code, _, desc, units, freq, visits in services)
    return Table(("HCPCS/CPT", "Description", "Min/Visit", "Units", "Visits Req."), rows,
                 widths=(1.1, 3.2, 0.9, 0.7, 1.0), heading=heading)


def _dates_rows(c: _Ctx, with_period: bool = True) -> list[tuple[str, str]]:
    """Label/value rows of the episode's dates, the requested period among them (never first)."""
    rng, f, d = c.rng, c.f, c.dates
    rows: list[tuple[str, str]] = []
    if c.initial:
        rows.append((rng.choice(_EVAL_LABELS), f(d["evaluation"])))
    else:
        rows += [("Initial Evaluation", f(d["first_eval"])), (rng.choice(_REEVAL_LABELS), f(d["evaluation"]))]
    rows.append((rng.choice(_INJURY_LABELS if c.injury else _ONSET_LABELS), f(d["onset"])))
    if c.surgery:
        rows.append((rng.choice(_PLANNED_LABELS if c.surgery[1] == "planned" else _SURGERY_LABELS),
                     f(d["surgery"])))
    if rng.random() < 0.4:
        rows.append((rng.choice(_REFERRAL_LABELS), f(d["referral"])))
    if with_period:
        start, end = rng.choice(_START_KV)
        period = [(start, f(d["s"])), (end, f(d["e"]))] if rng.random() < 0.6 else [
            (rng.choice(_RANGE_LABELS), _range(c))]
        at = rng.randint(1, len(rows))
        rows[at:at] = period
    if not c.initial:
        rows.append((rng.choice(("Previous Auth Period", "Current Authorization", "Prior Approved Dates")),
                     f"{f(d['prev_start'])} - {f(d['prev_end'])}"))
        rows.append((rng.choice(("Last Visit", "Date of Last Treatment", "Last Date Seen")), f(d["last_visit"])))
    if rng.random() < 0.3:
        rows.append((rng.choice(("Re-eval Due", "Next Progress Note Due")), f(d["reeval_due"])))
    return rows


def _history(c: _Ctx) -> str:
    """A short history in prose with its own dates (onset, surgery, discharge)."""
    f, d, rng = c.f, c.dates, c.rng
    parts = [rng.choice((f"Referred by {c.case.requesting.name}.",
                         f"Physician referral from {c.case.requesting.name} dated {f(d['referral'])}."))]
    if c.injury:
        parts.append(f"Injured on {f(d['onset'])}.")
    else:
        parts.append(rng.choice((f"Symptom onset {f(d['onset'])}.", f"Onset of current episode {f(d['onset'])}.")))
    if c.surgery and c.surgery[1] == "past":
        parts.append(f"Status post {c.surgery[0]} on {f(d['surgery'])}.")
    elif c.surgery:
        parts.append(f"Pre-operative (prehabilitation) program: {c.surgery[0]} is planned for {f(d['surgery'])}.")
    if c.region == "neuro" or (c.disc != "PT" and rng.random() < 0.3):
        parts.append(f"Discharged from an inpatient stay on {f(d['discharge'])}.")
    return " ".join(parts)


def _signature_lines(c: _Ctx) -> list[Block]:
    rq, f, d, rng = c.case.requesting, c.f, c.dates, c.rng
    md_date = f(d["signed_md"]) if rng.random() < 0.7 else "__________"
    return [
        Text(rng.choice((f"Therapist: {c.therapist}    Signature on file    Date: {f(d['signed_pt'])}",
                         f"Electronically signed by {c.therapist} on {f(d['signed_pt'])}",
                         f"/s/ {c.therapist}   {f(d['signed_pt'])}"))),
        Text(rng.choice((
            "Physician certification: I certify the need for these services furnished under this plan of treatment "
            "while under my care.",
            "I have reviewed this plan of care and certify that the services are medically necessary.",
        )), size=8.5),
        Text(f"Referring physician: {rq.name}   NPI {rq.npi}   Signature: ______________   Date: {md_date}"),
    ]


def _urgency_checks(c: _Ctx) -> Checks:
    rng, u = c.rng, c.case.urgent
    variant = rng.randrange(3)
    if variant == 0:
        return Checks((("Standard", not u, "non_urgent"), ("Urgent / Expedited", u, "urgent")), label="Review type:")
    if variant == 1:
        return Checks((("Routine", not u, "non_urgent"), ("Urgent", u, "urgent")), label="Priority:")
    return Checks((("Yes", u, "urgent"), ("No", not u, "non_urgent")), label="Expedited review requested?")


def _insurance_blocks(c: _Ctx, boxed: bool) -> list[Block]:
    """The primary coverage (the member ID) and the secondary one, as a table or as label/value rows."""
    rng = c.rng
    sec_plan, sec_label, sec_id = c.secondary
    acct = [c.account] + ([c.claim] if c.claim else [])
    if rng.random() < 0.35:
        id_col = rng.choice(("Member ID", "ID #", "Policy/Member #", "Subscriber #"))
        rows = (("Primary", c.case.plan, c.case.policy_printed, c.case.group_number),
                ("Secondary", sec_plan, sec_id, rng.choice(("", "N/A", f"{rng.randint(10000, 99999)}"))))
        return [Table(("Coverage", "Insurance / Payer", id_col, "Group #"), rows, widths=(1.0, 2.6, 1.8, 1.2),
                      heading=rng.choice(("Insurance", "Insurance Information"))),
                KV(tuple(acct), cols=min(2, len(acct)))]
    primary = list(c.insurance_rows)
    if rng.random() < 0.5 or not boxed:
        primary += [("Secondary Insurance", sec_plan), (sec_label, sec_id)]
        out: list[Block] = [KV(tuple(primary), cols=2, keys=(None, "policy_id"),
                               heading=rng.choice(("Insurance", "Primary and Secondary Insurance", "")))]
    else:
        same = rng.random() < 0.4  # the same label under a "Secondary" heading: only the heading tells them apart
        out = [KV(tuple(primary), cols=2, keys=(None, "policy_id"), heading="Primary Insurance"),
               KV((("Health Plan", sec_plan), (c.member_label if same else sec_label, sec_id)), cols=2,
                  heading=rng.choice(("Secondary Insurance", "Other Coverage (secondary)")))]
    out.append(KV(tuple(acct), cols=min(2, len(acct))))
    return out


def _patient_rows(c: _Ctx) -> list[tuple[str, str]]:
    case = c.case
    rows = list(c.name_rows)
    sex = case.sex if c.rng.random() < 0.6 else {"F": "Female", "M": "Male"}[case.sex]
    rows += [(c.dob_label, c.dob), ("Sex", sex)]
    if c.rng.random() < 0.6:
        rows.append(("Address", c.address))
    rows.append(("Phone", fictional_phone(c.rng)))
    label, who, rel = c.contact
    rows.append((label, f"{who} ({rel.lower()})  {fictional_phone(c.rng)}"))
    return rows


def _provider_rows(c: _Ctx) -> list[tuple[str, str]]:
    rq = c.case.requesting
    return [("Referring Physician", rq.name), ("Referring NPI", rq.npi), ("Physician Phone", rq.phone),
            ("Physician Fax", rq.fax), ("Treating Clinic", c.clinic), ("Clinic NPI", c.clinic_npi),
            ("Tax ID", c.tax_id), ("Treating Therapist", c.therapist)]


def _name_shown(c: _Ctx) -> str:
    return c.name or c.case.last


def _ref_text(c: _Ctx) -> str:
    return f"Previous Auth #: {c.case.reference_id}" if c.reference_shown else ""


# --- the three layouts -------------------------------------------------------------------------------------------


def _form(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A plan's boxed "Outpatient Rehabilitation Request" form."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    style = Style(font, 9 if font != "dejavu_sans" else 8.5, rng.choice(("boxed", "boxed", "stacked", "underline",
                                                                         "inline")))
    blocks: list[Block] = [
        Title(rng.choice(("OUTPATIENT REHABILITATION REQUEST", "Outpatient Therapy Prior Authorization Request",
                          "OUTPATIENT PT / OT / ST AUTHORIZATION REQUEST",
                          "Request for Outpatient Rehabilitation Services")), 13),
        Text(f"{case.plan} - Utilization Management - Fax {case.plan_fax} - Phone {case.plan_phone}", size=8),
        _urgency_checks(c),
    ]
    if rng.random() < 0.35:
        blocks.append(Text("Urgent / expedited requests: only when the standard time frame could seriously jeopardize "
                           "the member's life, health or ability to regain maximum function. Otherwise mark Standard.",
                           size=7.5))
    blocks += [
        Checks((("Initial", c.initial, None), ("Continuation / Re-certification", not c.initial, None)),
               label="Request type:"),
        Checks(tuple((_DISCIPLINE[k][0], k == c.disc, None) for k in ("PT", "OT", "ST")), label="Discipline:"),
    ]
    if c.reference_shown:
        blocks.append(Text(_ref_text(c)))
    blocks.append(KV(tuple(_patient_rows(c)), cols=2, heading=rng.choice(("Member Information", "Patient Information",
                                                                          "Member / Patient"))))
    blocks += _insurance_blocks(c, style.kv == "boxed")
    blocks.append(KV(tuple(_provider_rows(c)), cols=2, heading="Provider Information"))
    blocks += _dx_blocks(c)
    dates = _dates_rows(c)
    blocks.append(KV(tuple(dates), cols=2, heading=rng.choice(("Episode Dates", "Dates", "Plan of Care"))))
    blocks += _services_blocks(c)
    totals = f"Frequency/duration: {c.freq}.  Total visits requested: {c.visits}."
    if not c.initial:
        totals += f"  Visits used to date: {c.visits_used} of {c.visits_used + rng.randint(0, 2)}."
    blocks.append(Text(totals))
    blocks.append(Text("Functional status: " + "; ".join(c.measures) + ".", size=8.5))
    if rng.random() < 0.6:
        blocks.append(Text("Goals: " + " ".join(c.goals), size=8.5))
    if c.urgent_note:
        blocks.append(Text(c.urgent_note, bold=True))
    blocks += [Gap(4), *_signature_lines(c)]
    if rng.random() < 0.4:
        blocks.append(Text(f"Date faxed: {f(d['faxed'])}", size=8.5))
    footer = rng.choice(("OP-REHAB {page}/{pages}", "Outpatient Rehabilitation Request - page {page} of {pages}",
                         "Form UM-PT/OT/ST  Page {page} of {pages}"))
    return blocks, style, footer


def _letter(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A clinic's plan-of-care certification letter: identity in a RE line or only in prose."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 10 if font != "dejavu_serif" else 9.5, rng.choice(("inline", "underline")))
    disc_title = _DISCIPLINE[c.disc][0]
    blocks: list[Block] = [
        Text(c.clinic, bold=True, size=12),
        Text(" | ".join(c.clinic_lines) + f" | NPI {c.clinic_npi}", size=8),
        Rule(),
        Text(rng.choice((f"{disc_title} Plan of Care and Request for Authorization",
                         f"PLAN OF CARE / CERTIFICATION - OUTPATIENT {disc_title.upper()}",
                         f"{disc_title} Plan of Treatment - Certification")), bold=True, size=11),
        Text(f"Date: {f(d['signed_pt'])}\nTo: {case.plan}, Utilization Management (fax {case.plan_fax})"),
    ]
    prose_only = c.prose_only = rng.random() < 0.5
    sec_plan, sec_label, sec_id = c.secondary
    if prose_only:
        blocks.append(Text(f"RE: {c.member_label} {case.policy_printed}   {c.dob_label} {c.dob}   "
                           f"{c.account[0]} {c.account[1]}"))
    else:
        rows = [*c.name_rows, (c.dob_label, c.dob), (c.member_label, case.policy_printed),
                (rng.choice(("Group #", "Group No.")), case.group_number), c.account]
        if c.claim:
            rows.append(c.claim)
        blocks.append(KV(tuple(rows), cols=2, keys=(None,) * len(c.name_rows) + (None, "policy_id")))
    if c.reference_shown:
        blocks.append(Text(_ref_text(c)))
    if c.urgent_note:
        blocks.append(Text(c.urgent_note, bold=True))
    eval_word = "evaluated" if c.initial else "re-evaluated"
    # The name starts its paragraph so that no reader's line wrapping can split it.
    who = c.prose_name if prose_only and rng.random() < 0.5 else f"{c.honorific} {c.prose_name}"
    blocks.append(Text(f"{who} was {eval_word} on {f(d['evaluation'])} for {c.condition}. {_history(c)} "
                       f"{c.honorific} {case.last}'s {c.contact[2].lower()}, {c.contact[1]}, attended the "
                       "evaluation and will assist with the home program."))
    blocks.append(Text(f"Secondary coverage: {sec_plan}, {sec_label} {sec_id}." + (
        f" {c.claim[0]} {c.claim[1]}." if c.claim and prose_only else "")))
    blocks += _dx_blocks(c)
    blocks.append(Text("Objective / functional measures: " + "; ".join(c.measures) + "."))
    blocks.append(Text("Goals:\n" + "\n".join(f"{i}. {g}" for i, g in enumerate(c.goals, 1))))
    rng_style = rng.randrange(3)
    if rng_style == 0:
        blocks.append(Text(f"Plan: {c.freq}, {c.visits} visits. We request authorization for the certification "
                           f"period {f(d['s'])} through {f(d['e'])}."))
    elif rng_style == 1:
        blocks.append(Text(f"{rng.choice(_RANGE_LABELS)}: {_range(c)}\nFrequency: {c.freq}   "
                           f"Visits requested: {c.visits}"))
    else:
        blocks.append(Text(f"Requested start of care: {f(d['s'])}    Frequency/duration: {c.freq} "
                           f"(through {f(d['e'])})"))
    if not c.initial:
        blocks.append(Text(f"Current authorization {f(d['prev_start'])} - {f(d['prev_end'])}: {c.visits_used} visits "
                           f"used; last visit {f(d['last_visit'])}."))
    blocks += _services_blocks(c, rng.choice(("Treatment codes", "Interventions planned", "CPT / HCPCS")))
    blocks += [Gap(6), Text(f"Sincerely,\n\n{c.therapist}\n{c.clinic}"), *_signature_lines(c)[1:]]
    footer = rng.choice(("", f"{c.clinic} - Plan of Care", "POC {page}/{pages}"))
    return blocks, style, footer


def _two_page(c: _Ctx) -> tuple[list[Block], Style, str]:
    """An EHR's two-page request: identity, dates and diagnoses on page 1; goals and signatures on page 2."""
    rng, case = c.rng, c.case
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "liberation_mono"))
    style = Style(font, 8.5 if font in ("dejavu_sans", "liberation_mono") else 9,
                  rng.choice(("boxed", "inline", "stacked")))
    codes_first = rng.random() < 0.5
    blocks: list[Block] = [
        Text(f"{c.clinic}  -  {c.clinic_lines[0]}, {c.clinic_lines[1]}", size=8),
        Title(rng.choice(("Therapy Authorization Request", "Outpatient Therapy Request - Plan of Care",
                          f"{_DISCIPLINE[c.disc][0]} Authorization Request")), 13, "left"),
        _urgency_checks(c),
    ]
    if c.reference_shown:
        blocks.append(Text(_ref_text(c)))
    blocks.append(KV(tuple(_patient_rows(c)), cols=2, heading="Patient"))
    blocks += _insurance_blocks(c, style.kv == "boxed")
    blocks.append(KV(tuple(_provider_rows(c)), cols=2, heading="Providers"))
    blocks += _dx_blocks(c)
    blocks.append(KV(tuple(_dates_rows(c)), cols=2, heading=rng.choice(("Dates", "Episode of Care"))))
    if codes_first:
        blocks += _services_blocks(c)
    if c.urgent_note and rng.random() < 0.5:
        blocks.append(Text(c.urgent_note, bold=True))
        urgent_done = True
    else:
        urgent_done = False
    blocks.append(PageBreak())
    shown = c.name or f"{case.last.upper()}, {case.first.upper()}"
    blocks.append(Text(rng.choice((
        f"Patient: {shown}   {c.dob_label}: {c.dob}   {c.member_label}: {case.policy_printed}   Page 2",
        f"{c.account[0]} {c.account[1]} - {shown} - continued",
        f"Re: {shown} ({c.dob})  -  plan of care, page 2",
    )), size=8))
    if not codes_first:
        blocks += _services_blocks(c)
        blocks.append(Text(f"Frequency: {c.freq}; {c.visits} visits requested."))
    blocks += [Text("Assessment", bold=True), Text(f"Treated for {c.condition}. {_history(c)}"),
               Text("Measures: " + "; ".join(c.measures) + "."),
               Text("Short- and long-term goals", bold=True),
               Text("\n".join(f"- {g}" for g in c.goals)),
               Text(f"Rehab potential: {rng.choice(('good', 'good', 'fair', 'excellent'))}.")]
    if c.urgent_note and not urgent_done:
        blocks.append(Text(c.urgent_note, bold=True))
    blocks += [Gap(4), *_signature_lines(c)]
    footer = rng.choice(("Page {page} of {pages}", "THERAPY-AUTH {page}/{pages}", ""))
    return blocks, style, footer


def outpatient_therapy_request(case: Case, rng: Random) -> Doc:
    """An outpatient PT/OT/ST authorization request (form, plan-of-care letter or two-page EHR request)."""
    c = _context(case, rng)
    layout = rng.choice(("form", "form", "letter", "two_page"))
    blocks, style, footer = {"form": _form, "letter": _letter, "two_page": _two_page}[layout](c)
    truth = Truth(reference_id=case.reference_id if c.reference_shown else None, policy_id=case.policy_id,
                  dob=case.dob, patient_name=(case.first, case.last), npi=[case.requesting.npi, c.clinic_npi],
                  cpt=c.cpt, hcpcs=c.hcpcs, icd10=[code for code, _ in (*c.dx_medical, *c.dx_treatment)],
                  service_date=case.service_date, urgent=case.urgent)
    name = c.prose_name if c.prose_only else _name_shown(c)
    contains = [case.policy_printed, c.dob, name, c.clinic_npi]
    if c.reference_shown:
        contains.append(case.reference_id)
    return Doc("outpatient_therapy_request", "pa_request_form", style, blocks, truth, contains, footer=footer,
               title="Outpatient therapy authorization request")
