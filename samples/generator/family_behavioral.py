"""Tune family added for identity and the service date under varied wordings: a behavioral-health outpatient
treatment request that a therapist's or psychiatric group practice faxes to a plan's behavioral health unit (a
plan's "Outpatient Treatment Report (OTR)" form, a practice's "Request for Continued Outpatient Services" letter,
or an EHR's treatment-plan / authorization printout). Every layout fits on one page.

What it exercises: the person called Client / Member / Patient / Consumer / Individual, the name as `LAST, First`,
`Last, First`, `First Last` or in split Last / First boxes; the member ID under Member ID, Subscriber #, Medicaid
Recipient ID, Health Plan ID, ... beside a group number, the practice's client ID / chart number and the
clinician's license and Medicaid provider numbers; the clinician's individual NPI (requesting) and the group
practice's NPI (servicing, printed only when it is another provider) beside a Tax ID; DSM-5 / ICD-10-CM
diagnoses (F-codes, medical and Z-codes now and then) as a Primary / Secondary table or a numbered list;
psychotherapy, family, group, interactive-complexity, testing and (when the case has HCPCS) H- or G-codes in a
services table with sessions / units, frequency and often From / To dates. The service date is the start of the
requested period under one wording per document (Requested Start Date, Begin date of requested services,
Dates requested: from ... to ..., Next session scheduled, Request effective, Continue services starting, or a
sentence), among the referral / screening / intake, first and last session, current authorization period,
PHQ-9 / GAD-7 / PCL-5 dates, onset, last medication change, next medication review, goal target, signature and
fax dates. Urgency only when the case is urgent (an "Urgent - risk of harm" box or crisis wording); otherwise
"Routine" or nothing. Risk check boxes (SI / HI none / passive / active), scores and doses are numbers that are
not codes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from samples.generator.codes import billable_icd10
from samples.generator.data import CITIES, FIRST_NAMES, LAST_NAMES, STREETS, Case, fictional_phone
from samples.generator.document import (
    KV,
    Banner,
    Block,
    Checks,
    Doc,
    Gap,
    Rule,
    Style,
    Table,
    Text,
    Title,
    Truth,
)
from samples.generator.family_general import _date
from samples.generator.render_pdf import RenderOptions, _Renderer

_DAY = dt.timedelta(days=1)
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long", "abbr_dot")
Fmt = Callable[[dt.date], str]

# --- practices and clinicians (invented; no name is shared with the patients' or the physicians' lists)
_PRACTICES = ("Harborview Counseling Associates", "Stillwater Behavioral Health Group",
              "Quiet Oaks Psychotherapy, PLLC", "Northlight Family Counseling Center",
              "Beacon Street Psychiatry & Wellness", "Tidewater Psychological Services",
              "Clearpath Mental Health Partners", "Fernwood Trauma & Anxiety Clinic")
# (name, credentials, license prefix, HCPCS-style practitioner modifier)
_THERAPISTS = (("Marguerite Vos", "LCSW", "LCSW", "AJ"), ("Desmond Achterberg", "LPC", "LPC", "HO"),
               ("Sunniva Holt", "LMFT", "LMFT", "HO"), ("Carys Delacroix", "LMHC", "LMHC", "HO"),
               ("Obadiah Renner", "LPCC", "LPCC", "HO"), ("Ines Marchbanks", "LICSW", "LICSW", "AJ"))
_PSYCHOLOGISTS = (("Ignatius Farrow", "PsyD", "PSY", "AH"), ("Yolanda Brightman", "PhD", "PSY", "AH"),
                  ("Henrietta Solberg", "PsyD, ABPP", "PSY", "AH"))
_PRESCRIBERS = ("Dr. Ansel Whitcombe (psychiatry)", "Wilhelmina Osei, PMHNP-BC", "Dr. Raymond Castellane (PCP)",
                "Dr. Philippa Norgaard, MD", "Cassius Lundgren, PMHNP", "PCP - Dr. Eamon Rourke")
_SUPERVISORS = ("Theodora Kingsley, LCSW-S", "Augustin Pell, PhD", "Rosamund Greer, LPC-S")
_EHRS = ("TherapyNotes", "SimplePractice", "Valant", "Credible BH", "myEvolv", "Qualifacts CareLogic")

# --- diagnoses (DSM-5 wording; only codes the official set confirms billable are ever printed)
_PSYCH_DX = (("F33.1", "Major depressive disorder, recurrent episode, moderate"),
             ("F41.1", "Generalized anxiety disorder"),
             ("F43.10", "Posttraumatic stress disorder"),
             ("F90.2", "Attention-deficit/hyperactivity disorder, combined presentation"))
_STRESSORS = ("relationship discord", "job loss", "financial strain", "housing instability", "bereavement",
              "caregiver burden", "legal problems", "social isolation", "academic problems", "divorce in progress")
_RULE_OUT = ("R/O bipolar II disorder (deferred)", "R/O alcohol use disorder, mild - monitoring",
             "Rule out panic disorder", "R/O persistent depressive disorder")

# --- services (lay descriptions are our own words)
_PSYCHOTHERAPY = {"90832": "Psychotherapy, 30 min", "90834": "Psychotherapy, 45 min",
                  "90837": "Psychotherapy, 60 min"}
_INTAKE = ("90791", "Diagnostic eval (intake)")
_INTERACTIVE = ("90785", "Interactive complexity")
_FAMILY = (("90846", "Family tx, w/o client"), ("90847", "Family/couples tx"))
_GROUP = ("90853", "Group psychotherapy")
_TESTING = (("96130", "Psych testing eval, 1st hr"), ("96131", "Testing eval, add'l hr"),
            ("96136", "Test admin, 1st 30 min"), ("96137", "Test admin, add'l 30 min"))
_HCPCS_BH = (("H0031", "MH assessment (non-MD)"), ("H2019", "Ther. behavioral svc /15 min"),
             ("H0004", "BH counseling /15 min"), ("H2014", "Skills training /15 min"),
             ("H0032", "MH service plan dev."))
_HCPCS_WORDS = {"G0176": "Activity therapy"}

# --- medications by diagnosis (doses are numbers that are not codes)
_MEDS = {
    "F33.1": ("sertraline 100 mg PO daily", "bupropion XL 300 mg q AM", "escitalopram 20 mg daily",
              "mirtazapine 15 mg at bedtime", "venlafaxine ER 150 mg daily"),
    "F41.1": ("buspirone 10 mg BID", "hydroxyzine 25 mg TID PRN anxiety", "escitalopram 10 mg daily",
              "duloxetine 60 mg daily"),
    "F43.10": ("prazosin 2 mg at bedtime", "sertraline 150 mg daily", "trazodone 50 mg at bedtime PRN sleep"),
    "F90.2": ("methylphenidate ER 36 mg q AM", "atomoxetine 40 mg daily", "guanfacine ER 2 mg daily"),
}

# --- labels
_MEMBER_LABELS = {"medicaid": ("Medicaid Recipient ID", "Recipient ID #", "Medicaid ID", "Member ID"),
                  "mbi": ("Medicare ID (MBI)", "Member ID", "Health Plan ID"),
                  "other": ("Member ID", "Subscriber #", "Health Plan ID", "Member ID #", "Subscriber ID")}
_DOB_LABELS = ("DOB", "Date of Birth", "Birthdate", "D.O.B.", "Birth Date")
_PERSON = ("Client", "Member", "Patient", "Consumer", "Individual")
_CHART_LABELS = ("Client ID", "Chart #", "Practice Acct #", "EHR Client #", "MRN")
_FIRST_SESSION = ("Date of first session", "Date first seen", "Treatment episode began", "Initial session date",
                  "Date of intake (first session)")
_LAST_SESSION = ("Date of last session", "Most recent session", "Last date of service", "Last session attended")
_INTAKE_LABELS = ("Date of intake assessment", "Diagnostic evaluation completed", "Intake completed on",
                  "Date of initial assessment")
_REFERRAL_LABELS = ("Date of referral", "Referral received", "Referred on")
_SCREEN_LABELS = ("Phone screening date", "Date of first contact", "Screening completed")
_CURRENT_AUTH = ("Current authorization #", "Current Auth #", "Existing Auth No.", "Auth # (if known)",
                 "Current authorization number")
_CURRENT_PERIOD = ("Current authorization period", "Current auth dates", "Authorized period (current)",
                   "Existing auth period")
_SESSIONS_USED = ("Sessions used to date", "Sessions used (current auth)", "# visits used", "Units used to date")


@dataclass
class _Service:
    code: str
    desc: str
    mod: str
    units: str
    freq: str
    start: dt.date
    end: dt.date


@dataclass
class _Ctx:
    """Everything one request prints, decided once; the layouts only arrange it."""

    case: Case
    rng: Random
    f: Fmt
    episode: str  # new (not yet seen) | intake (seen once) | continued
    person: str  # Client | Member | Patient | ...
    name: str  # the name as printed ("" when split into boxes)
    name_rows: list[tuple[str, str]]
    dob: str
    dob_label: str
    member_label: str
    chart: tuple[str, str]
    practice: str
    practice_lines: list[str]
    clinician: str
    clinician_npi: str
    license: str
    group_npi: str | None  # printed only when the servicing provider differs
    tax_id: str
    modifier: str
    dx: list[tuple[str, str, str]]  # code, description, rank
    medical_in_words: str
    stressors: list[str]
    services: list[_Service]
    sessions: int
    freq: str
    dates: dict[str, dt.date]
    ref: str  # the current authorization number as printed ("" when none)
    ref_is_reference: bool
    sessions_used: int
    sessions_authorized: int
    scores: dict[str, tuple[int, int]]  # measure -> (baseline, current)
    meds: list[str]
    prescriber: str
    si: str
    hi: str
    wording: str  # how the start of the requested period is worded
    cpt: list[str] = field(default_factory=list)
    hcpcs: list[str] = field(default_factory=list)
    # Noise blocks a one-page form leaves out when space runs short: (drop order, block). None of them carries an
    # expected value (identity, codes, NPIs, the requested period, urgency).
    optional: list[tuple[int, Block]] = field(default_factory=list)

    def noise(self, order: int, *blocks: Block) -> list[Block]:
        self.optional += [(order, b) for b in blocks]
        return list(blocks)


# --- the timeline ----------------------------------------------------------------------------------------------


def _timeline(case: Case, rng: Random, episode: str) -> dict[str, dt.date]:
    """Dates around the requested start S (the service date): none of the others is S or before the DOB."""
    s = case.service_date
    faxed = case.fax.sent.date()
    signed = case.signature_date if case.signature_date != s else case.signature_date - _DAY
    hi = min(s, signed, faxed) - _DAY  # the latest day a past event can have
    out: dict[str, dt.date] = {"s": s, "signed": signed, "faxed": faxed}
    if episode == "new":
        screen = hi - _DAY * rng.randint(0, 12)
        out.update(screen=screen, referral=screen - _DAY * rng.randint(1, 21), baseline=screen)
        first = screen
    elif episode == "intake":
        intake = hi - _DAY * rng.randint(0, 14)
        out.update(intake=intake, referral=intake - _DAY * rng.randint(3, 30), baseline=intake, current=intake)
        first = intake
    else:
        prev_end = s - _DAY * (1 if rng.random() < 0.7 else rng.randint(2, 12))
        prev_start = prev_end - _DAY * rng.choice((59, 89, 89, 119, 179))
        if prev_start > hi - _DAY * 14:
            prev_start = hi - _DAY * rng.randint(20, 60)
        first = prev_start - _DAY * rng.choice((0, 0, rng.randint(30, 700)))
        last = hi - _DAY * rng.randint(0, 10)
        med_change = prev_start + _DAY * rng.randint(1, max(1, (last - prev_start).days - 1))
        out.update(prev_start=prev_start, prev_end=prev_end, first=first, last=last, baseline=first, current=last,
                   med_change=med_change)
    if episode != "continued":
        out["med_change"] = first - _DAY * rng.randint(20, 200)
    out["onset"] = max(first - _DAY * rng.randint(90, 2600), case.dob + _DAY * (13 * 365))
    out["hospital"] = out["onset"] + _DAY * rng.randint(1, max(1, (first - out["onset"]).days - 30))
    out["next_med"] = s + _DAY * rng.randint(9, 45)
    out["target"] = s + _DAY * rng.randint(55, 120)
    if any(v == s for k, v in out.items() if k != "s") or min(out.values()) <= case.dob:
        raise AssertionError(f"inconsistent behavioral health timeline for {case.first} {case.last}")
    return out


def _end_of(start: dt.date, rng: Random, freq_days: int, sessions: int) -> dt.date:
    return start + _DAY * max(28, freq_days * sessions + rng.choice((-1, 0, 6)))


# --- what is requested -------------------------------------------------------------------------------------------


def _services(case: Case, rng: Random, c_episode: str, modifier: str, psychologist: bool, dates: dict[str, dt.date]
              ) -> tuple[list[_Service], int, str]:
    """The service rows: psychotherapy (the case's 90837 when it has it), sometimes intake, add-on, family, group,
    testing, and BH HCPCS codes only when the case has HCPCS."""
    s = dates["s"]
    own = {c for c, _ in case.cpt}
    freq_days, freq = rng.choice(((4, "2x/week"), (4, "twice weekly"), (7, "weekly")) if case.urgent else (
        (7, "1x/week"), (7, "weekly"), (14, "every other week"), (14, "2x/month"), (7, "1x/wk"), (10, "3x/month")))
    sessions = rng.choice((6, 8, 10, 12, 12, 16, 20, 24))
    sessions = min(sessions, 180 // freq_days)  # a period of six months at most
    end = _end_of(s, rng, freq_days, sessions)
    rows: list[_Service] = []
    if c_episode == "new":
        rows.append(_Service(*_INTAKE, "", "1", "once", s, s))
    code = "90837" if "90837" in own else rng.choice(("90834", "90834", "90837", "90832"))
    rows.append(_Service(code, _PSYCHOTHERAPY[code], modifier, str(sessions), freq, s, end))
    testing = "96130" in own or (psychologist and rng.random() < 0.3)
    extra = rng.random()  # at most one add-on, family or group line (none beside testing): a one-page form
    if testing:
        t_end = s + _DAY * rng.randint(14, 45)
        more = not case.hcpcs and c_episode != "new" and rng.random() < 0.4
        picks = [_TESTING[0], _TESTING[2]] + ([_TESTING[1], _TESTING[3]] if more else [])
        for t_code, t_desc in picks:
            units = "1" if t_code in ("96130", "96136") else str(rng.randint(1, 4))
            rows.append(_Service(t_code, t_desc, "", units, "once", s, t_end))
    elif extra < 0.2:
        rows.append(_Service(*_INTERACTIVE, "", str(rng.randint(2, sessions)), "as needed", s, end))
    elif extra < 0.45:
        fam = rng.choice(_FAMILY)
        rows.append(_Service(*fam, modifier, str(rng.choice((2, 3, 4, 6))), rng.choice(("1x/month", "2x/month")),
                             s, end))
    elif extra < 0.6:
        rows.append(_Service(*_GROUP, modifier, str(sessions), "weekly", s, end))
    if case.hcpcs:
        bh = [(h, _HCPCS_WORDS[h]) for h, _ in case.hcpcs if h in _HCPCS_WORDS]
        if not bh:
            bh = rng.sample(_HCPCS_BH, 1 if testing else rng.randint(1, 2))
        for h_code, h_desc in bh:
            per_15 = "/15 min" in h_desc
            units = str(rng.choice((4, 8)) * sessions) if per_15 else str(rng.choice((1, 2, 4)))
            rows.append(_Service(h_code, h_desc, rng.choice(("HE", "", modifier)), units,
                                 freq if per_15 else "as needed", s, end))
    return rows, sessions, freq


def _diagnoses(case: Case, rng: Random) -> tuple[list[tuple[str, str, str]], str]:
    """(code, description, rank) rows: the psychiatric codes first, the case's medical codes after them (printed
    with codes about half the time, in words only or not at all otherwise); the words-only line."""
    billable = billable_icd10()
    words = dict(_PSYCH_DX)
    psych = [(c, words[c]) for c, _ in case.icd10 if c in words and c in billable]
    if not psych:
        pool = [(c, d) for c, d in _PSYCH_DX if c in billable]
        psych = rng.sample(pool, rng.randint(1, min(2, len(pool))))
    ranks = ["Primary", "Secondary", "Secondary", "Secondary"]
    rows = [(c, d, ranks[i]) for i, (c, d) in enumerate(psych)]
    medical = [(c, d) for c, d in case.icd10 if not c.startswith("F")]
    words = ""
    if medical:
        way = rng.random()
        if way < 0.5:
            rows += [(c, d, "Medical") for c, d in medical]
        elif way < 0.8:
            words = "; ".join(d.lower() for _, d in medical)
    return rows, words


def _scores(rng: Random, dx: list[tuple[str, str, str]], episode: str, urgent: bool) -> dict[str, tuple[int, int]]:
    codes = {c for c, _, _ in dx}
    out: dict[str, tuple[int, int]] = {}
    phq_now = rng.randint(17, 26) if urgent else rng.randint(6, 19)
    phq_base = phq_now if episode != "continued" else min(27, phq_now + rng.randint(-2, 8))
    out["PHQ-9"] = (phq_base, phq_now)
    gad_now = rng.randint(5, 18)
    out["GAD-7"] = (gad_now if episode != "continued" else min(21, gad_now + rng.randint(-1, 6)), gad_now)
    if "F43.10" in codes:
        pcl = rng.randint(34, 66)
        out["PCL-5"] = (pcl if episode != "continued" else min(80, pcl + rng.randint(0, 14)), pcl)
    return out


def _severity(measure: str, score: int) -> str:
    if measure == "PHQ-9":
        bands = ((5, "minimal"), (10, "mild"), (15, "moderate"), (20, "moderately severe"), (28, "severe"))
    elif measure == "GAD-7":
        bands = ((5, "minimal"), (10, "mild"), (15, "moderate"), (22, "severe"))
    else:
        return "above cutoff" if score >= 33 else "below cutoff"
    return next(word for top, word in bands if score < top)


def _other_person(case: Case, rng: Random) -> str:
    rel = rng.choice(("spouse", "parent", "sibling", "partner", "friend", "adult child"))
    first = rng.choice([n for n in FIRST_NAMES if n != case.first])
    last = case.last if rel in ("spouse", "parent", "sibling", "adult child") and rng.random() < 0.6 else rng.choice(
        [n for n in LAST_NAMES if n != case.last])
    return f"{first} {last} ({rel})"


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    episode = rng.choice(("new", "intake", "intake", "continued", "continued", "continued"))
    dates = _timeline(case, rng, episode)
    dx, medical_words = _diagnoses(case, rng)
    testing = "96130" in {c for c, _ in case.cpt} or rng.random() < 0.15
    name0, cred, lic_prefix, modifier = rng.choice(_PSYCHOLOGISTS if testing else _THERAPISTS)
    if rng.random() < 0.25:
        modifier = rng.choice(("95", "GT", "HO" if modifier != "AH" else "AH"))
    services, sessions, freq = _services(case, rng, episode, modifier, testing, dates)

    # --- identity
    person = rng.choice(_PERSON)
    variant = rng.choice(("LAST, First", "Last, First", "First Last", "split", "LAST, FIRST"))
    if variant == "split":
        name = ""
        last_label, first_label = rng.choice(((f"{person} Last Name", "First Name"), ("Last Name", "First Name"),
                                              ("Last", "First"), (f"{person} Last", f"{person} First")))
        name_rows = [(last_label, case.last), (first_label, case.first)]
        if rng.random() < 0.4:
            name_rows.append(("MI", rng.choice("ABCDEFGHJKLMNPRSTW")))
    else:
        name = {"LAST, First": f"{case.last.upper()}, {case.first}", "Last, First": f"{case.last}, {case.first}",
                "First Last": f"{case.first} {case.last}",
                "LAST, FIRST": f"{case.last.upper()}, {case.first.upper()}"}[variant]
        if variant == "First Last":
            label = rng.choice((f"{person} Name", "Name of Individual", "Consumer", f"{person}"))
        else:
            label = rng.choice((f"{person} Name (Last, First)", f"{person} Name", "Name (Last, First)",
                                "Name of Individual", "Consumer"))
        name_rows = [(label, name)]
    style_key = {"medicaid": "medicaid", "mbi": "mbi"}.get(case.plan_style, "other")
    member_label = rng.choice(_MEMBER_LABELS[style_key])
    chart = (rng.choice(_CHART_LABELS), rng.choice((case.mrn, f"{rng.randint(10000, 99999)}",
                                                    f"C-{rng.randint(100000, 999999)}")))

    # --- the practice and the clinician
    practice = rng.choice(_PRACTICES)
    city, state = rng.choice(CITIES)
    practice_lines = [f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, Suite {rng.randint(100, 420)}",
                      f"{city}, {state} {rng.randint(10000, 99899):05d}",
                      f"Tel {fictional_phone(rng)}  Fax {fictional_phone(rng)}"]
    group_npi = case.servicing.npi if case.servicing.npi != case.requesting.npi else None
    license_no = f"{lic_prefix} {rng.randint(1000, 99999):0{rng.choice((5, 6))}d}"

    # --- the current authorization (continued care only)
    ref, ref_is_reference = "", False
    if episode == "continued":
        pick = rng.random()
        if pick < 0.55:
            ref, ref_is_reference = case.reference_id, True
        elif pick < 0.75:
            ref = rng.choice((f"BH{dates['prev_start']:%y}-{rng.randint(100000, 999999)}",
                              f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}OP"))
    authorized = rng.choice((8, 10, 12, 12, 16, 20, 24))
    used = rng.randint(max(1, authorized - 4), authorized) if episode == "continued" else (
        1 if episode == "intake" else 0)

    # --- clinical picture
    urgent = case.urgent
    scores = _scores(rng, dx, episode, urgent)
    meds: list[str] = []  # at most one drug per diagnosis, never the same drug twice
    for code, _, _ in dx:
        options = [m for m in _MEDS.get(code, ()) if m.split()[0] not in {x.split()[0] for x in meds}]
        if options and rng.random() < 0.7:
            meds.append(rng.choice(options))
    if urgent:
        si = rng.choice(("active", "active", "passive"))
        hi = rng.choice(("none", "none", "none", "passive"))
    else:
        si = rng.choice(("none", "none", "none", "passive"))
        hi = "none"
    wordings = ["start", "begin", "dates_requested", "next_session", "effective", "sentence"]
    if episode == "continued":
        wordings += ["continue", "continue"]
    ctx = _Ctx(
        case=case, rng=rng, f=f, episode=episode, person=person, name=name, name_rows=name_rows, dob=f(case.dob),
        dob_label=rng.choice(_DOB_LABELS), member_label=member_label, chart=chart, practice=practice,
        practice_lines=practice_lines, clinician=f"{name0}, {cred}", clinician_npi=case.requesting.npi,
        license=license_no, group_npi=group_npi, tax_id=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
        modifier=modifier, dx=dx, medical_in_words=medical_words,
        stressors=rng.sample(_STRESSORS, rng.randint(1, 3)), services=services, sessions=sessions, freq=freq,
        dates=dates, ref=ref, ref_is_reference=ref_is_reference, sessions_used=used,
        sessions_authorized=authorized, scores=scores, meds=meds, prescriber=rng.choice(_PRESCRIBERS), si=si, hi=hi,
        wording=rng.choice(wordings),
    )
    ctx.cpt = list(dict.fromkeys(s.code for s in services if s.code[0].isdigit()))
    ctx.hcpcs = list(dict.fromkeys(s.code for s in services if not s.code[0].isdigit()))
    return ctx


# --- pieces the layouts share ------------------------------------------------------------------------------------


def _end(c: _Ctx) -> dt.date:
    return max(s.end for s in c.services)


def _period(c: _Ctx) -> list[Block]:
    """The start of the requested period (the service date) in this document's one wording, with its end."""
    f, rng, s, e = c.f, c.rng, c.dates["s"], _end(c)
    w = c.wording
    if w == "start":
        return [KV((("Requested Start Date", f(s)), ("Requested End Date", f(e))), cols=2)]
    if w == "begin":
        return [KV((("Begin date of requested services", f(s)), ("End date", f(e))), cols=2)]
    if w == "dates_requested":
        if rng.random() < 0.5:
            return [Text(f"Dates requested: from {f(s)} to {f(e)}")]
        return [KV((("Dates requested", f"from {f(s)} to {f(e)}"),), cols=1)]
    if w == "next_session":
        first = "Intake appointment" if c.episode == "new" else "Next session"
        return [KV(((rng.choice(("Next session scheduled", f"{first} scheduled for")), f(s)),
                    ("Sessions requested through", f(e))), cols=2)]
    if w == "effective":
        if rng.random() < 0.5:
            return [Text(f"Request effective {f(s)} through {f(e)}.")]
        return [KV((("Request effective", f(s)), ("Request ends", f(e))), cols=2)]
    if w == "continue":
        if rng.random() < 0.5:
            return [Text(f"Continue services starting {f(s)} (through {f(e)}).")]
        return [KV((("Continue services starting", f(s)), ("Through", f(e))), cols=2)]
    main = c.services[0] if c.services[0].code != "90791" else c.services[1]
    verb = "continued" if c.episode == "continued" else "outpatient"
    return [Text(rng.choice((
        f"We are requesting authorization for {c.sessions} sessions of {verb} {main.desc.lower()} ({main.code}), "
        f"{c.freq}, beginning {f(s)} through {f(e)}.",
        f"Please authorize {c.sessions} {verb} sessions ({main.code}, {c.freq}) for the period {f(s)} - {f(e)}.",
        f"The {c.person.lower()} is to begin the requested course of treatment on {f(s)}; {c.sessions} sessions "
        f"are requested through {f(e)}.",
    )))]


def _services_table(c: _Ctx, with_dates: bool, heading: str = "") -> Table:
    """The requested codes with sessions / units and frequency, and From / To dates on most forms."""
    rng, f = c.rng, c.f
    heading = heading or rng.choice(("Services Requested", "Requested Services", "Services / Units Requested",
                                     "Treatment Requested"))
    if with_dates:
        if rng.random() < 0.5:
            rows = tuple((s.code, s.mod, s.desc, s.units, s.freq, f(s.start), f(s.end)) for s in c.services)
            return Table(("CPT/HCPCS", "Mod", "Service", "# Sessions/Units", "Frequency", "From", "To"), rows,
                         widths=(0.8, 0.45, 2.0, 0.8, 0.9, 1.15, 1.15), heading=heading)
        rows = tuple((s.code, s.desc, s.units, s.freq, f"{f(s.start)} - {f(s.end)}") for s in c.services)
        return Table(("Code", "Description", "# of units/sessions requested", "Frequency", "From / To"), rows,
                     widths=(0.7, 2.1, 1.0, 0.9, 2.4), heading=heading)
    if rng.random() < 0.5:
        rows = tuple((s.code, s.mod or "-", s.desc, s.units, s.freq) for s in c.services)
        return Table(("Procedure Code", "Modifier", "Service Description", "Units / Sessions", "Frequency"), rows,
                     widths=(1.0, 0.7, 3.0, 1.0, 1.1), heading=heading)
    rows = tuple((s.desc, s.code, s.units, s.freq) for s in c.services)
    return Table(("Service", "CPT / HCPCS", "Sessions requested", "How often"), rows, widths=(3.2, 1.0, 1.2, 1.2),
                 heading=heading)


def _dx_blocks(c: _Ctx) -> list[Block]:
    """The diagnoses: a Primary / Secondary table, a numbered list, or label rows; stressors in words."""
    rng = c.rng
    style = rng.randrange(3)
    out: list[Block] = []
    stress = ", ".join(c.stressors)
    if style == 0:
        header = rng.choice((("ICD-10-CM", "DSM-5 Diagnosis", "Primary / Secondary"),
                             ("Code", "Diagnosis (DSM-5)", "Rank")))
        out.append(Table(header, tuple((code, desc, rank) for code, desc, rank in c.dx), widths=(1.0, 4.2, 1.4),
                         heading=rng.choice(("Diagnoses", "DSM-5 / ICD-10 Diagnoses", "Diagnosis"))))
    elif style == 1:
        lines = [f"{i}. {code}  {desc}" + (f" ({rank.lower()})" if rank != "Secondary" else "")
                 for i, (code, desc, rank) in enumerate(c.dx, 1)]
        if rng.random() < 0.3:
            lines.append(f"{len(lines) + 1}. {rng.choice(_RULE_OUT)}")
        out.append(Text(rng.choice(("Diagnoses (DSM-5 / ICD-10-CM):", "Current diagnoses:")) + "\n" + "\n".join(lines)))
    else:
        rows = []
        for code, desc, rank in c.dx:
            label = {"Primary": "Primary Dx", "Medical": "Medical Dx"}.get(rank, "Secondary Dx")
            rows.append((label, f"{code} - {desc}"))
        out.append(KV(tuple(rows), cols=1, heading=rng.choice(("Diagnosis", "Diagnoses (ICD-10-CM)", ""))))
    extra = [f"Psychosocial / contextual factors: {stress}."]
    if c.medical_in_words:
        extra.append(f"Medical conditions: {c.medical_in_words}.")
    out += c.noise(3, Text("  ".join(extra), size=8))
    return out


def _history_rows(c: _Ctx) -> list[tuple[str, str]]:
    """The treatment-history dates and counts (all distractors), as label/value rows."""
    rng, f, d = c.rng, c.f, c.dates
    rows: list[tuple[str, str]] = []
    if c.episode == "new":
        rows += [(rng.choice(_REFERRAL_LABELS), f(d["referral"])), (rng.choice(_SCREEN_LABELS), f(d["screen"])),
                 (rng.choice(_SESSIONS_USED), "0")]
    elif c.episode == "intake":
        if rng.random() < 0.5:
            rows.append((rng.choice(_REFERRAL_LABELS), f(d["referral"])))
        rows += [(rng.choice(_INTAKE_LABELS), f(d["intake"])), (rng.choice(_SESSIONS_USED), "1")]
    else:
        rows += [(rng.choice(_FIRST_SESSION), f(d["first"])), (rng.choice(_LAST_SESSION), f(d["last"])),
                 (rng.choice(_SESSIONS_USED), f"{c.sessions_used} of {c.sessions_authorized}"
                  if rng.random() < 0.5 else str(c.sessions_used)),
                 (rng.choice(_CURRENT_PERIOD), f"{f(d['prev_start'])} - {f(d['prev_end'])}")]
        if c.ref or rng.random() < 0.5:
            rows.append((rng.choice(_CURRENT_AUTH), c.ref or rng.choice(("on file", "N/A", "unknown"))))
    if rng.random() < 0.4:
        rows.append((rng.choice(("Onset of current episode", "Symptom onset")),
                     f"{d['onset']:%m/%Y}" if rng.random() < 0.5 else f(d["onset"])))
    return rows


def _scores_blocks(c: _Ctx, table: bool = True) -> list[Block]:
    rng, f, d = c.rng, c.f, c.dates
    cur_date = d.get("current", d["baseline"])
    style = rng.randrange(3) if table else rng.randrange(1, 3)
    if style == 0 and c.episode == "continued":
        rows = []
        for m, (base, now) in c.scores.items():
            rows.append((m, str(base), f(d["baseline"]), str(now), f(cur_date)))
        return c.noise(1, Table(("Measure", "Baseline", "Date", "Current", "Date"), tuple(rows),
                                widths=(1.2, 0.9, 1.3, 0.9, 1.3),
                                heading=rng.choice(("Outcome Measures", "Standardized Measures", "Symptom Measures"))))
    if style == 1:
        rows2 = []
        for m, (_base, now) in c.scores.items():
            rows2.append((f"{m} score / date", f"{now} ({_severity(m, now)}) on {f(cur_date)}"))
        return c.noise(1, KV(tuple(rows2), cols=2))
    parts = []
    for m, (base, now) in c.scores.items():
        if c.episode == "continued":
            parts.append(f"{m} {base} on {f(d['baseline'])}, {now} on {f(cur_date)}")
        else:
            parts.append(f"{m} = {now} ({f(cur_date)})")
    return c.noise(1, Text("Measures: " + "; ".join(parts) + "."))


def _risk_blocks(c: _Ctx, compact: bool = False) -> list[Block]:
    """SI / HI check boxes or one typed line; the safety plan; nothing urgent unless the case is."""
    rng, f, d = c.rng, c.f, c.dates
    levels = ("None", "Passive", "Active")
    plan_yes = c.si == "active" and rng.random() < 0.6
    if rng.random() < 0.65:
        out: list[Block] = [
            Checks(tuple((lv, c.si == lv.lower(), None) for lv in levels), label="Suicidal ideation (SI):"),
            Checks(tuple((lv, c.hi == lv.lower(), None) for lv in levels), label="Homicidal ideation (HI):"),
        ]
        if not compact and rng.random() < 0.5:
            out.append(Checks((("Yes", plan_yes, None), ("No", not plan_yes, None)), label="Plan / intent / means:"))
        return c.noise(6, *out)
    words = {"none": "denied", "passive": "passive, no plan or intent", "active": "active"}
    si = words[c.si] + (" with plan" if plan_yes else "")
    safety = f"safety plan reviewed {f(d.get('current', d['baseline']))}" if c.si != "none" else "no safety concerns"
    return c.noise(6, Text(f"Risk assessment: SI {si}; HI {words[c.hi]}; {safety}."))


def _urgency_blocks(c: _Ctx) -> list[Block]:
    """Urgent wording or box only for an urgent case; otherwise `Routine` (or nothing)."""
    rng, f, d = c.rng, c.f, c.dates
    if not c.case.urgent:
        pick = rng.random()
        if pick < 0.4:
            return [Checks((("Routine", True, "non_urgent"),), label=rng.choice(("Request type:", "Priority:")))]
        if pick < 0.8:
            return [Text(rng.choice(("Priority: Routine", "Review type: Routine", "Routine request")), bold=True)]
        return []
    seen = f(d.get("current", d["baseline"]))
    out: list[Block] = []
    if rng.random() < 0.6:
        out.append(Checks((("Routine", False, "non_urgent"), ("Urgent - risk of harm to self or others", True,
                                                               "urgent")), label="Priority:"))
    if rng.random() < 0.7 or not out:
        out.append(Text(rng.choice((
            f"URGENT REVIEW REQUESTED: {c.person.lower()} disclosed suicidal ideation at the {seen} session; "
            "crisis safety plan completed and frequency increased. Please review within 72 hours.",
            "Urgent - risk of harm: crisis intervention in progress; a delay in authorization would place the "
            f"{c.person.lower()} at serious risk.",
            f"CRISIS / URGENT: escalating risk since {seen}; expedited determination requested.",
        )), bold=True))
    return out


def _meds_text(c: _Ctx) -> str:
    meds = "; ".join(c.meds) if c.meds else "none"
    extra = f" Prescriber: {c.prescriber}." if c.meds else ""
    if c.meds and c.rng.random() < 0.5:
        extra += f" Last medication change {c.f(c.dates['med_change'])}."
    return f"Current medications: {meds}.{extra}"


def _identity_rows(c: _Ctx) -> list[tuple[str, str]]:
    case, rng = c.case, c.rng
    rows = list(c.name_rows)
    rows += [(c.dob_label, c.dob), (c.member_label, case.policy_printed)]
    if rng.random() < 0.6:
        rows.append((rng.choice(("Group #", "Group No.", "Grp #")), case.group_number))
    rows.append(c.chart)
    if rng.random() < 0.5:
        rows.append(("Sex", {"F": "Female", "M": "Male"}[case.sex] if rng.random() < 0.5 else case.sex))
    if rng.random() < 0.4:
        rows.append(("Emergency contact", _other_person(case, rng)))
    return rows


def _identity_kvs(c: _Ctx, rows: list[tuple[str, str]], cols: int, kv: str, heading: str) -> list[Block]:
    """The identity rows (name rows, DOB, member ID, ...); a whole name beside an inline label gets a line of its
    own, so that a long `LAST, First` never wraps."""
    n = len(c.name_rows)
    if c.name and kv in ("inline", "underline"):
        return [KV(tuple(rows[:n]), cols=1, heading=heading),
                KV(tuple(rows[n:]), cols=min(cols, len(rows) - n), keys=(None, "policy_id"))]
    return [KV(tuple(rows), cols=cols, keys=(None,) * n + (None, "policy_id"), heading=heading)]


def _provider_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    rows = [(rng.choice(("Treating clinician", "Rendering provider", "Therapist", "Clinician name / credentials")),
             c.clinician),
            (rng.choice(("Individual NPI", "Rendering NPI", "Clinician NPI", "NPI")), c.clinician_npi),
            (rng.choice(("License #", "State license no.", "License type / #")), c.license),
            (rng.choice(("Group practice", "Practice / agency", "Group name")), c.practice)]
    if c.group_npi:
        rows.append((rng.choice(("Group NPI", "Billing NPI", "Practice NPI", "Organization NPI")), c.group_npi))
    elif rng.random() < 0.3:
        rows.append(("Group NPI", "same as individual"))
    rows.append((rng.choice(("Tax ID", "TIN", "Federal Tax ID")), c.tax_id))
    if c.case.plan_style == "medicaid" and rng.random() < 0.6:
        rows.append(("Medicaid provider #", f"{rng.randint(10000000, 99999999)}"))
    rows.append(("Phone / Fax", c.practice_lines[2].replace("Tel ", "").replace("  Fax ", " / ")))
    return rows


def _signature(c: _Ctx) -> list[Block]:
    rng, f, d = c.rng, c.f, c.dates
    sig = rng.choice((f"Clinician signature: {c.clinician}   (signed)   Date: {f(d['signed'])}",
                      f"Electronically signed by {c.clinician} on {f(d['signed'])}",
                      f"/s/ {c.clinician}   License {c.license}   Date {f(d['signed'])}"))
    out: list[Block] = [Text(sig)]
    if rng.random() < 0.35:
        out += c.noise(5, Text(f"Clinical supervisor: {rng.choice(_SUPERVISORS)}", size=8))
    if rng.random() < 0.4:
        out += c.noise(5, Text(f"Date faxed: {f(d['faxed'])}", size=8))
    return out


def _summary(c: _Ctx) -> str:
    """Presenting problem and progress, a few sentences with their own dates."""
    rng, f, d = c.rng, c.f, c.dates
    primary = c.dx[0][1].lower()
    who = c.person.lower()
    parts = [f"{c.person} presents with {primary}" + (f" complicated by {c.stressors[0]}" if c.stressors else "")
             + "."]
    if c.episode == "continued":
        parts.append(rng.choice((
            f"Partial progress since treatment began {f(d['first'])}; {who} continues to report low mood, poor sleep "
            "and avoidance.",
            f"Attending consistently ({c.sessions_used} sessions this period); symptoms improved but not yet at goal.",
        )))
    elif c.episode == "intake":
        parts.append(f"Seen for the diagnostic evaluation on {f(d['intake'])}; ongoing therapy is recommended.")
    else:
        parts.append(f"Referred on {f(d['referral'])}; screened by phone on {f(d['screen'])}.")
    if rng.random() < 0.3:
        parts.append(f"One prior psychiatric hospitalization ({d['hospital']:%m/%Y}).")
    modalities = ["Modality: CBT.", "Modality: DBT-informed skills.", "Modality: ACT and behavioral activation."]
    if any(code == "F43.10" for code, _, _ in c.dx):
        modalities += ["Modality: CPT for PTSD and CBT.", "Modality: EMDR and CBT."]
    parts.append(rng.choice(modalities))
    return " ".join(parts)


# --- the three layouts -----------------------------------------------------------------------------------------


def _otr_form(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A plan's one-page Outpatient Treatment Report / behavioral health request form."""
    rng, case = c.rng, c.case
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    style = Style(font, 7.5 if font == "dejavu_sans" else 8, rng.choice(("boxed", "boxed", "inline", "underline",
                                                                         "stacked")))
    continued = c.episode == "continued"
    title = rng.choice(("OUTPATIENT TREATMENT REPORT (OTR)", "Outpatient Treatment Report",
                        "Behavioral Health Outpatient Treatment Request",
                        "REQUEST FOR CONTINUED OUTPATIENT SERVICES" if continued
                        else "OUTPATIENT BEHAVIORAL HEALTH AUTHORIZATION REQUEST"))
    blocks: list[Block] = []
    if rng.random() < 0.5:
        blocks.append(Banner(case.plan, f"Behavioral Health Services - fax {case.plan_fax} - phone {case.plan_phone}"))
        blocks.append(Title(title, 12))
    else:
        blocks += [Title(title, 12),
                   Text(f"{case.plan} - Behavioral Health Unit - Fax {case.plan_fax} - Phone {case.plan_phone}",
                        size=7.5)]
    blocks += _urgency_blocks(c)
    blocks.append(Checks((("Initial request", not continued, None), ("Continued services", continued, None)),
                         label="Request:"))
    cols = 2 if style.kv in ("inline", "underline") else 3  # an inline label leaves a third too little room
    blocks += _identity_kvs(c, _identity_rows(c), cols, style.kv,
                            rng.choice((f"1. {c.person} Information", f"{c.person} Information",
                                        "Member Information")))
    blocks.append(KV(tuple(_provider_rows(c)), cols=cols, heading=rng.choice(("2. Provider Information", "Provider",
                                                                           "Clinician / Practice"))))
    blocks += _dx_blocks(c)
    hist = _history_rows(c)
    blocks.append(KV(tuple(hist), cols=min(cols, len(hist)), heading=rng.choice(("Treatment History",
                                                                                  "Episode of Care",
                                                                                  "Utilization to Date"))))
    blocks += _risk_blocks(c, compact=True)
    blocks += _scores_blocks(c, table=False)
    blocks += c.noise(4, Text(_meds_text(c), size=8))
    with_dates = rng.random() < 0.65
    if rng.random() < 0.5:
        blocks += _period(c)
        blocks.append(_services_table(c, with_dates))
    else:
        blocks.append(_services_table(c, with_dates))
        blocks += _period(c)
    blocks += [*c.noise(0, Gap(2)), *_signature(c)]
    footer = rng.choice(("OTR {page}/{pages}", "BH-OTR rev 01/2026   Page {page} of {pages}", ""))
    return blocks, style, footer


def _practice_letter(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A practice's letterhead "Request for Continued Outpatient Services" (or initial authorization)."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 9 if font != "dejavu_serif" else 8.5, rng.choice(("inline", "underline")))
    continued = c.episode == "continued"
    npi_bits = f"Group NPI {c.group_npi}  |  " if c.group_npi else ""
    blocks: list[Block] = [
        Text(c.practice, bold=True, size=12),
        Text(f"{c.practice_lines[0]}, {c.practice_lines[1]}", size=7.5),
        Text(f"{c.practice_lines[2]}  |  {npi_bits}TIN {c.tax_id}", size=7.5),
        Rule(),
        Text(f"Date: {f(d['signed'])}\nTo: {case.plan}, Behavioral Health Utilization Management  (fax "
             f"{case.plan_fax})"),
        Text(rng.choice(("Request for Continued Outpatient Services" if continued
                         else "Request for Outpatient Behavioral Health Services",
                         "Outpatient Treatment Request", "RE: Authorization of outpatient psychotherapy")), bold=True),
    ]
    blocks += _identity_kvs(c, [*c.name_rows, (c.dob_label, c.dob), (c.member_label, case.policy_printed), c.chart],
                            2, style.kv, "")
    blocks += _urgency_blocks(c)
    if c.wording == "sentence":
        blocks += _period(c)
        period_done = True
    else:
        period_done = False
    blocks += c.noise(2, Text(_summary(c)))
    blocks += _dx_blocks(c)
    hist = _history_rows(c)
    blocks.append(Text("; ".join(f"{label}: {value}" for label, value in hist) + "."))
    blocks += _scores_blocks(c)
    blocks += _risk_blocks(c)
    blocks += c.noise(4, Text(_meds_text(c)))
    if not period_done:
        blocks += _period(c)
    blocks.append(_services_table(c, rng.random() < 0.6, rng.choice(("Services requested", "Requested codes"))))
    blocks.append(Text(f"Sincerely,\n{c.clinician}  -  NPI {c.clinician_npi}  -  {c.license}"))
    if rng.random() < 0.5:
        blocks += c.noise(5, Text(f"Signed {f(d['signed'])}", size=8))
    footer = rng.choice(("", f"{c.practice} - confidential", "Page {page} of {pages}"))
    return blocks, style, footer


def _ehr_printout(c: _Ctx) -> tuple[list[Block], Style, str]:
    """An EHR's printed treatment plan / authorization request: fixed-width or sans, a header line, goals with
    target dates, electronic signature."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("courier", "liberation_mono", "helvetica", "liberation_sans"))
    mono = font in ("courier", "liberation_mono")
    style = Style(font, 7.5 if mono else 8, rng.choice(("inline", "inline", "boxed", "stacked")))
    ehr = rng.choice(_EHRS)
    printed_at = f"{case.fax.sent:%m/%d/%Y %H:%M}"
    # The running line repeats the name as the identity block prints it (split boxes: no name in the line).
    running = (f"{c.person}: {c.name}    {c.dob_label}: {c.dob}    {c.chart[0]}: {c.chart[1]}" if c.name
               else f"{c.chart[0]}: {c.chart[1]}    Payer: {case.plan}")
    blocks: list[Block] = [
        Text(f"{ehr} - {c.practice} - printed {printed_at}", size=7),
        Title(rng.choice(("Treatment Plan / Authorization Request", "Behavioral Health Treatment Request",
                          "Outpatient Authorization Request - Behavioral Health",
                          "Continued Outpatient Review" if c.episode == "continued"
                          else "Initial Outpatient Authorization")), 11, "left"),
        Text(running, size=8),
    ]
    blocks += _urgency_blocks(c)
    id_rows = [*c.name_rows, (c.dob_label, c.dob), (c.member_label, case.policy_printed), ("Payer", case.plan)]
    blocks += _identity_kvs(c, id_rows, 2, style.kv, rng.choice(("Demographics / Insurance", "Coverage", "")))
    blocks.append(KV(tuple(_provider_rows(c)), cols=2 if style.kv == "inline" else 3, heading="Provider"))
    blocks += _dx_blocks(c)
    hist = _history_rows(c)
    blocks.append(KV(tuple(hist), cols=min(3 if style.kv != "inline" else 2, len(hist)), heading="Utilization"))
    blocks += _risk_blocks(c)
    blocks += _scores_blocks(c)
    goals = rng.sample((
        "Reduce PHQ-9 below 10", "Use 2 coping skills when anxious, 5 of 7 days", "Return to work part-time",
        "Sleep 6+ hours on 5 nights a week", "Decrease avoidance of trauma reminders",
        "Complete daily planner 5/7 days",
    ), 2)
    blocks += c.noise(0, Text("Goals / objectives:\n" + "\n".join(
        f"{i}) {g} - target {f(d['target'] + _DAY * 14 * (i - 1))}" for i, g in enumerate(goals, 1)), size=8))
    if c.meds and c.wording != "next_session" and rng.random() < 0.5:
        blocks += c.noise(4, Text(_meds_text(c) + f" Next medication review {f(d['next_med'])}.", size=8))
    else:
        blocks += c.noise(4, Text(_meds_text(c), size=8))
    blocks += _period(c)
    blocks.append(_services_table(c, rng.random() < 0.7))
    blocks.append(Text(rng.choice((
        f"Electronically signed: {c.clinician} (NPI {c.clinician_npi}) {f(d['signed'])}",
        f"Signed by {c.clinician}, NPI {c.clinician_npi}, on {f(d['signed'])}",
    )), size=8))
    footer = rng.choice((f"{ehr} - Page {{page}} of {{pages}}", "Confidential - 42 CFR Part 2 / HIPAA",
                         "Page {page}"))
    return blocks, style, footer


def _pages(blocks: list[Block], style: Style, footer: str, case: Case) -> int:
    """Pages the blocks take when rendered with a fax header line (the tallest way they are ever printed)."""
    doc = Doc("behavioral_health_treatment_request", "pa_request_form", style, blocks, Truth(), [], footer=footer)
    renderer = _Renderer(Canvas(io.BytesIO(), pagesize=letter, invariant=1), RenderOptions(fax=case.fax), None, None)
    renderer.run([doc])
    return renderer.result.pages


def _fit_one_page(blocks: list[Block], style: Style, footer: str, c: _Ctx) -> tuple[list[Block], Style]:
    """A one-page form: leave out noise blocks (in their drop order) until the page holds the rest, then, if need
    be, use flatter label boxes and a smaller size. Deterministic (no draws), so a seed gives the same document;
    images need one page."""
    for _, victim in sorted(c.optional, key=lambda pair: pair[0]):
        if _pages(blocks, style, footer, c.case) <= 1:
            return blocks, style
        blocks = [b for b in blocks if b is not victim]
    flatter = "boxed" if style.kv == "stacked" else style.kv  # same column count, lower rows
    for candidate in (Style(style.font, style.size, flatter), Style(style.font, style.size - 0.5, flatter)):
        if _pages(blocks, candidate, footer, c.case) <= 1:
            return blocks, candidate
    raise AssertionError(f"behavioral health request for {c.case.first} {c.case.last} does not fit one page")


def behavioral_health_treatment_request(case: Case, rng: Random) -> Doc:
    """A behavioral-health outpatient treatment request (plan OTR form, practice letter or EHR printout)."""
    c = _context(case, rng)
    layout = rng.choice(("otr", "otr", "letter", "ehr"))
    blocks, style, footer = {"otr": _otr_form, "letter": _practice_letter, "ehr": _ehr_printout}[layout](c)
    blocks, style = _fit_one_page(blocks, style, footer, c)
    npi = [c.clinician_npi] + ([c.group_npi] if c.group_npi else [])
    truth = Truth(reference_id=case.reference_id if c.ref_is_reference else None, policy_id=case.policy_id,
                  dob=case.dob, patient_name=(case.first, case.last), npi=npi, cpt=c.cpt, hcpcs=c.hcpcs,
                  icd10=[code for code, _, _ in c.dx], service_date=case.service_date, urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name or case.last, c.clinician_npi]
    if c.ref_is_reference:
        contains.append(case.reference_id)
    return Doc("behavioral_health_treatment_request", "pa_request_form", style, blocks, truth, contains,
               footer=footer, title="Behavioral health outpatient treatment request")
