"""Tune family added for the service date worded many ways: an infusion-center / specialty-pharmacy referral and
prior-authorization intake form for a medical-benefit drug given in an infusion chair (or as an office injection).

The prescriber's office fills in the infusion site's referral form and faxes it with the chart notes; the site's
intake team runs the benefits check and sends the prior-authorization request on. The form holds the patient (name,
DOB, weight with the date it was taken), the primary insurance, the prescriber (requesting NPI), the site of care
(servicing NPI, unless the site prints none), the diagnoses, the drug order (drug, J-code, an invented NDC in 5-4-2
or 11-digit form, dose and frequency such as `5 mg/kg IV at weeks 0, 2 and 6, then every 8 weeks`), the
administration CPT codes (96365, 96366, 96374, 96375, 96413, 96415, 96372, 67028), premedications (sometimes with
their own J-codes), screening labs with dates, previous therapies with start / stop dates and the date of referral.

What it exercises: the service date, one per document, worded in one of many ways (`Requested Start Date`,
`Anticipated first infusion`, `Date therapy needed by`, `First dose scheduled`, `Target infusion date`, `Tx start`,
`Next infusion due` for a continuation, a column of the drug table, the first row of a requested induction schedule,
or prose: `We would like to start the first infusion on ...`) among many distracting dates (referral, signature,
weight, TB test, hepatitis panel, other labs, last office visit, date of diagnosis, last infusion, the current
authorization period, previous therapies' start and stop dates, a hospital admission when urgent, the coverage
effective date, the later doses of an induction schedule). A referral written after the first dose was given may
word the date as a retro date of service (`Retro DOS (1st infusion)`, `First dose given (retro request)`). Labels
sit left of their values, above them in boxes, or run inline in a sentence or a line of several `label: value`
pairs. Date styles: data.py's five plus `2026/12/03` and `Dec-03-2026`.

Truth: everything printed. The drugs are the case's J-codes when it has any (other case HCPCS, e.g. DME, are not
printed); otherwise a drug of this module's catalogue that treats one of the case's diagnoses, or else any catalogue
drug with its own indication printed as the primary diagnosis (the case's codes follow as other diagnoses). CPT: the
administration codes printed (with an IV drug, the case's own 96365 / 96413 among them; the case's other CPT codes
are not printed). NPI: the prescriber's, and the site's when it differs and is printed. Reference ID: only in
continuations that quote the authorization on file. Urgent: a ticked expedite box and / or typed URGENT wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from samples.generator.codes import SCENARIOS, billable_icd10
from samples.generator.data import CITIES, STREETS, Case, fictional_phone, fmt_date, make_npi
from samples.generator.document import (
    KV,
    Banner,
    Block,
    Checks,
    Doc,
    Gap,
    PageBreak,
    Rule,
    Style,
    Table,
    Text,
    Title,
    Truth,
)

_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]

# data.py's styles (MM/DD/YYYY weighted up) plus two of this family: `2026/12/03` and `Dec-03-2026`.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "ymd_slash", "mon_dash")


def _fmt(day: dt.date, style: str) -> str:
    if style == "ymd_slash":
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    if style == "mon_dash":
        return f"{day:%b}-{day.day:02d}-{day.year}"
    return fmt_date(day, style)


_ICD_DESC = {code: desc for sc in SCENARIOS for code, desc in sc["icd"]}


# --- the drug catalogue (real J-codes and drug names; lay wording and regimens are our own summaries)
@dataclass(frozen=True)
class _Drug:
    jcode: str
    generic: str
    brands: tuple[str, ...]
    billing_unit: str  # "1 unit = 10 mg"
    regimens: tuple[str, ...]
    route: str
    admin: tuple[str, ...]  # administration CPT codes, first = the main one
    indications: tuple[str, ...]  # ICD-10-CM codes (scenario codes, so the billable check knows them)
    interval_days: int  # maintenance interval, for the date of the last dose
    induction_weeks: tuple[int, ...] = ()
    mg_per_kg: float = 0.0
    kind: str = "biologic"  # biologic | oncology | iron | bone | hormone | eye | migraine
    female_only: bool = False


_DRUGS: tuple[_Drug, ...] = (
    _Drug("J1745", "infliximab", ("Remicade", "Inflectra (infliximab-dyyb)", "Renflexis (infliximab-abda)",
                                  "Avsola (infliximab-axxq)"), "10 mg",
          ("5 mg/kg IV at weeks 0, 2 and 6, then every 8 weeks", "5 mg/kg IV wk 0, 2, 6 then q8 weeks",
           "3 mg/kg IV at weeks 0, 2, 6, then q8wk (with methotrexate)"),
          "IV", ("96365", "96366", "96375"), ("M05.79", "M06.9", "K50.90"), 56, (0, 2, 6), 5.0),
    _Drug("J3380", "vedolizumab", ("Entyvio",), "1 mg",
          ("300 mg IV at weeks 0, 2 and 6, then every 8 weeks", "300 mg IV over 30 min wk 0/2/6, then q8 weeks"),
          "IV", ("96365",), ("K50.90",), 56, (0, 2, 6)),
    _Drug("J2323", "natalizumab", ("Tysabri",), "1 mg", ("300 mg IV over 1 hour every 4 weeks",),
          "IV", ("96365",), ("K50.90",), 28),
    _Drug("J3262", "tocilizumab", ("Actemra", "Tofidence (tocilizumab-bavi)"), "1 mg",
          ("4 mg/kg IV every 4 weeks, may increase to 8 mg/kg", "8 mg/kg IV q4 weeks (max 800 mg per dose)"),
          "IV", ("96365",), ("M05.79", "M06.9"), 28, (), 4.0),
    _Drug("J0129", "abatacept", ("Orencia",), "10 mg",
          ("750 mg IV (60-100 kg) at weeks 0, 2 and 4, then every 4 weeks", "~10 mg/kg IV wk 0, 2, 4 then q4wk"),
          "IV", ("96365",), ("M05.79", "M06.9"), 28, (0, 2, 4)),
    _Drug("J9312", "rituximab", ("Rituxan", "Truxima (rituximab-abbs)", "Ruxience (rituximab-pvvr)"), "10 mg",
          ("1,000 mg IV on day 1 and day 15; course may repeat every 24 weeks", "1000 mg IV x 2 doses 2 weeks apart"),
          "IV", ("96413", "96415", "96375"), ("M05.79", "M06.9"), 168, (0, 2)),
    _Drug("J0897", "denosumab", ("Prolia", "Jubbonti (denosumab-bbdz)"), "1 mg",
          ("60 mg subcutaneously once every 6 months", "60 mg SC q6 months"),
          "SC", ("96372",), ("M81.0",), 182, (), 0.0, "bone"),
    _Drug("J3489", "zoledronic acid", ("Reclast",), "1 mg",
          ("5 mg IV over at least 15 minutes once a year", "5 mg IV once yearly"),
          "IV", ("96365",), ("M81.0",), 365, (), 0.0, "bone"),
    _Drug("J9271", "pembrolizumab", ("Keytruda",), "1 mg",
          ("200 mg IV over 30 minutes every 3 weeks", "400 mg IV every 6 weeks"),
          "IV", ("96413",), ("C50.911", "C50.912", "Z17.0"), 21, (), 0.0, "oncology"),
    _Drug("J2505", "pegfilgrastim", ("Neulasta", "Fulphila (pegfilgrastim-jmdb)", "Udenyca (pegfilgrastim-cbqv)"),
          "0.5 mg", ("6 mg SC once per chemotherapy cycle, 24-72 h after chemo",),
          "SC", ("96372",), ("C50.911", "C50.912"), 21, (), 0.0, "oncology"),
    _Drug("J1756", "iron sucrose", ("Venofer",), "1 mg",
          ("200 mg IV over 15 minutes, 5 doses within 14 days", "200 mg IV x 5 doses (1,000 mg total course)"),
          "IV", ("96365", "96374"), ("D50.0", "N92.0"), 0, (), 0.0, "iron"),
    _Drug("J1439", "ferric carboxymaltose", ("Injectafer",), "1 mg",
          ("750 mg IV x 2 doses at least 7 days apart", "15 mg/kg IV (max 750 mg) x 2 doses, 7 days apart"),
          "IV", ("96365",), ("D50.0", "N92.0"), 0, (0, 1), 0.0, "iron"),
    _Drug("J3032", "eptinezumab", ("Vyepti",), "1 mg", ("100 mg IV over 30 minutes every 3 months",),
          "IV", ("96365",), ("G43.909",), 91, (), 0.0, "migraine"),
    _Drug("J1950", "leuprolide acetate", ("Lupron Depot",), "3.75 mg",
          ("3.75 mg IM once a month", "11.25 mg IM every 3 months"),
          "IM", ("96372",), ("D25.1", "N80.00"), 28, (), 0.0, "hormone", True),
    _Drug("J2182", "mepolizumab", ("Nucala",), "1 mg", ("100 mg SC every 4 weeks",),
          "SC", ("96372",), ("J44.9", "J44.1"), 28),
    _Drug("J0178", "aflibercept", ("Eylea",), "1 mg",
          ("2 mg intravitreal every 4 weeks x 3, then every 8 weeks", "2 mg intravitreal q8 weeks after loading"),
          "intravitreal", ("67028",), ("H35.3211", "E11.3293"), 56, (0, 4, 8), 0.0, "eye"),
)
_BY_JCODE = {drug.jcode: drug for drug in _DRUGS}

_ADMIN_DESC = {
    "96365": "IV infusion, therapeutic/prophylactic, initial, up to 1 hr",
    "96366": "IV infusion, each additional hour",
    "96367": "IV infusion, sequential new drug, up to 1 hr",
    "96374": "IV push, single or initial drug",
    "96375": "IV push, each sequential new drug",
    "96372": "Therapeutic injection, SC or IM",
    "96413": "Chemo / complex biologic IV infusion, 1st hour",
    "96415": "Chemo / complex biologic IV infusion, each add'l hour",
    "67028": "Intravitreal injection of a drug",
}
# Premedications: (order text, J-code or "", the push code it adds when given IV)
_PREMEDS = (
    ("acetaminophen 650 mg PO", "", ""),
    ("cetirizine 10 mg PO", "", ""),
    ("diphenhydramine 25 mg IV", "J1200", "96375"),
    ("methylprednisolone 40 mg IV", "J2920", "96375"),
    ("hydrocortisone 100 mg IV", "J1720", "96375"),
    ("famotidine 20 mg PO", "", ""),
)
_ONCOLOGY_PREMEDS = (("ondansetron 8 mg IV", "J2405", "96375"), ("dexamethasone 10 mg IV", "J1100", "96375"),
                     ("prochlorperazine 10 mg PO", "", ""))

# Previous therapies by the drug's kind (and by diagnosis for the biologics): (name and dose, why it stopped)
_PRIOR: dict[str, tuple[tuple[str, str], ...]] = {
    "ra": (("methotrexate 20 mg PO weekly", "inadequate response"), ("hydroxychloroquine 200 mg BID", "ineffective"),
           ("sulfasalazine 1 g BID", "GI intolerance"), ("adalimumab 40 mg SC q2 weeks", "secondary loss of response"),
           ("etanercept 50 mg SC weekly", "injection-site reactions"), ("leflunomide 20 mg daily", "elevated LFTs")),
    "crohn": (("budesonide 9 mg daily", "steroid dependent"), ("azathioprine 2.5 mg/kg daily", "leukopenia"),
              ("adalimumab 40 mg SC q2 weeks", "loss of response"), ("prednisone taper 40 mg", "flare on taper"),
              ("ustekinumab 90 mg SC q8 weeks", "inadequate response")),
    "bone": (("alendronate 70 mg PO weekly", "new fracture on therapy"), ("risedronate 35 mg PO weekly",
                                                                             "esophagitis"),
             ("ibandronate 150 mg PO monthly", "unable to stay upright 60 min"),
             ("calcium 1,200 mg + vitamin D3 2,000 IU daily", "continuing")),
    "oncology": (("doxorubicin/cyclophosphamide x 4 cycles", "course completed"),
                 ("paclitaxel weekly x 12", "course completed"), ("tamoxifen 20 mg daily", "progression"),
                 ("capecitabine 1,000 mg/m2 BID", "hand-foot syndrome")),
    "iron": (("ferrous sulfate 325 mg PO daily", "GI intolerance"), ("ferrous gluconate 324 mg PO BID",
                                                                     "no rise in Hgb"),
             ("polysaccharide iron complex 150 mg daily", "constipation, poor absorption")),
    "migraine": (("topiramate 50 mg BID", "cognitive side effects"), ("propranolol 80 mg ER daily", "fatigue"),
                 ("erenumab 140 mg SC monthly", "inadequate response"), ("amitriptyline 25 mg qHS", "weight gain")),
    "hormone": (("norethindrone acetate 5 mg daily", "breakthrough bleeding"),
                ("combined oral contraceptive", "ineffective"), ("naproxen 500 mg BID", "inadequate pain control")),
    "copd": (("tiotropium 18 mcg inhaled daily", "continued exacerbations"),
             ("fluticasone/umeclidinium/vilanterol daily", "2 exacerbations in 12 months"),
             ("roflumilast 500 mcg daily", "weight loss, nausea")),
    "eye": (("bevacizumab 1.25 mg intravitreal q4 weeks", "persistent fluid on OCT"),
            ("ranibizumab 0.5 mg intravitreal monthly", "suboptimal response")),
}

# --- places and people (invented)
_SITES = ("Harborpoint Ambulatory Infusion Center", "Silverleaf Infusion Partners", "Tallgrass Specialty Infusion",
          "Copper Canyon Infusion Suites", "Bayview Specialty Pharmacy & Infusion",
          "Northfield Outpatient Infusion Services", "Prairie Lantern Home & Ambulatory Infusion",
          "Keelwater Specialty Pharmacy - Infusion Services")
_TITLES = ("INFUSION REFERRAL & PRIOR AUTHORIZATION INTAKE FORM", "Infusion Therapy Referral / Order Form",
           "SPECIALTY INFUSION REFERRAL - MEDICAL BENEFIT", "Ambulatory Infusion Center Referral",
           "New Patient Infusion Referral and Benefits Investigation", "Biologic / Infusion Therapy Referral Form",
           "Infusion & Injection Services - Referral Intake")
# Why an urgent referral cannot wait, by the drug's kind (typed after "** URGENT **").
_URGENT_REASONS = {
    "biologic": ("Active flare despite high-dose steroids", "Severe flare, patient hospitalized",
                 "Flare with rising CRP; oral steroids failed"),
    "oncology": ("Next cycle is due and a delay would interrupt active cancer treatment",
                 "Neutropenia risk with the next cycle; dose must go with chemotherapy"),
    "iron": ("Hgb below 8 g/dL with symptoms; transfusion likely if IV iron is delayed",
             "Symptomatic anemia before scheduled surgery"),
    "bone": ("Patient hospitalized after a fragility fracture", "Recent hip fracture; treatment due before discharge"),
    "migraine": ("Status migrainosus with repeated ED visits this month",),
}
_SETTINGS = ("Ambulatory infusion center", "Hospital outpatient (HOPD)", "Physician office", "Home infusion")
_CONTACTS = ("Brielle Saunders, MA", "Tomas Ferreira, LPN", "Kiana Holt, referral coordinator",
             "Desmond Achebe, RN", "Paloma Restrepo, CMA", "Garrett Lindahl, office manager")

# --- the service date's wordings (the focus of this family)
_START_LABELS = ("Requested Start Date", "Anticipated first infusion", "Date therapy needed by", "First dose scheduled",
                 "Target infusion date", "Infusion to begin", "Start of therapy (on or after)", "Tx start",
                 "Requested date of 1st infusion", "Planned first dose", "Chair date requested", "Desired start date",
                 "Begin treatment on", "Initial infusion date (requested)", "Therapy start", "1st dose needed by")
_INJECTION_LABELS = ("First injection scheduled", "Requested injection date", "Target dose date")
_NEXT_LABELS = ("Next infusion due", "Next dose due", "Continue therapy from", "Re-auth start date",
                "Next scheduled infusion")
_RETRO_LABELS = ("First dose given (retro request)", "Date of service - retro", "Infusion administered on",
                 "Retro DOS (1st infusion)")
_TABLE_START = ("Start Date", "Requested Start", "1st Dose", "Start (on/after)", "Begin")


# --- member ID labels by plan style, and labels any plan may use
_MEMBER_LABELS = {
    "mbi": ("Medicare ID (MBI)", "MBI #", "Medicare Beneficiary ID"),
    "medicaid": ("Medicaid ID #", "Medicaid Recipient No.", "State Medicaid #"),
    "blue": ("Subscriber ID (with prefix)", "Member ID (incl. alpha prefix)", "Subscriber #"),
    "generic": ("Insurance Member #", "Member No.", "Insured's ID"),
}
_ANY_MEMBER_LABELS = ("Primary Ins. ID", "Policy / Member ID", "Plan Member ID", "Ins. ID #")
_DOB_LABELS = ("DOB", "Date of Birth", "Pt DOB", "Birthdate", "D.O.B")


@dataclass
class _Ctx:
    """Everything one document prints, drawn once so every layout tells the same story."""

    case: Case
    rng: Random
    f: Fmt
    dob: str
    name: str
    name_rows: list[tuple[str, str]]
    name_shown: str
    drugs: list[_Drug]
    regimens: list[str]
    brands: list[str]
    ndcs: list[str]
    doses: list[str]
    dx: list[tuple[str, str]]
    admin: list[str]
    premeds: list[tuple[str, str, str]]
    mode: str  # new | continuation | restart
    retro: bool  # a new start or restart whose first dose was given before the referral date
    dates: dict[str, dt.date]
    labels: dict[str, str]
    site_name: str
    site_npi: str | None  # None: the site prints no NPI of its own
    site_address: str
    site_kind: str
    kg: float
    cm: int
    member_label: str
    dob_label: str
    with_ref: bool
    hcpcs: list[str] = field(default_factory=list)


def _pick_drugs(case: Case, rng: Random) -> tuple[list[_Drug], list[tuple[str, str]]]:
    """The drugs to order and the diagnoses to print (primary first)."""
    billable = billable_icd10()
    case_dx = list(case.icd10)
    own = [_BY_JCODE[c] for c, _ in case.hcpcs if c in _BY_JCODE]
    if own:
        return own, case_dx
    codes = {c for c, _ in case_dx}
    matching = [drug for drug in _DRUGS if codes & set(drug.indications)]
    if matching:
        drug = rng.choice(matching)
        first = [c for c in case_dx if c[0] in drug.indications][:1]
        return [drug], first + [c for c in case_dx if c not in first]
    pool = [drug for drug in _DRUGS if drug.kind not in ("eye",) and not (drug.female_only and case.sex == "M")
            and any(code in billable for code in drug.indications)]
    drug = rng.choice(pool)
    primary = next(code for code in drug.indications if code in billable)
    return [drug], [(primary, _ICD_DESC[primary]), *case_dx]


def _ndc(rng: Random) -> str:
    """An invented NDC: 5-4-2 with dashes, or the 11-digit billing form."""
    parts = (f"{rng.randint(10000, 79999):05d}", f"{rng.randint(0, 9999):04d}", f"{rng.randint(1, 99):02d}")
    return "-".join(parts) if rng.random() < 0.75 else "".join(parts)


def _dose(drug: _Drug, regimen: str, kg: float) -> str:
    """The dose to prepare, worked out from the weight when the regimen is weight-based."""
    if "mg/kg" in regimen and drug.mg_per_kg:
        per_kg = 3.0 if regimen.startswith("3 mg/kg") else drug.mg_per_kg
        if regimen.startswith("8 mg/kg"):
            per_kg = 8.0
        mg = min(per_kg * kg, 800.0) if drug.jcode == "J3262" else per_kg * kg
        vial = 100 if drug.jcode == "J1745" else 20
        rounded = int(-(-mg // vial) * vial)
        return f"{per_kg:g} mg/kg x {kg:.1f} kg = {mg:.0f} mg (round to {rounded} mg)"
    for cut in (" IV", " SC", " subcutaneously", " IM", " intravitreal", " ("):
        regimen = regimen.split(cut)[0]
    return regimen


def _unique_date(day: dt.date, taken: set[dt.date]) -> dt.date:
    while day in taken:
        day -= _DAY
    taken.add(day)
    return day


def _timeline(case: Case, rng: Random, drugs: list[_Drug], mode: str) -> dict[str, dt.date]:
    """The service date and every distracting date, none equal to another, the DOB or the service date."""
    s = case.service_date
    taken = {s, case.dob, case.fax.sent.date()}
    t: dict[str, dt.date] = {"start": s}
    t["signed"] = case.signature_date
    taken.add(t["signed"])
    t["referral"] = _unique_date(t["signed"] - rng.randint(1, 6) * _DAY, taken)
    t["weight"] = _unique_date(t["referral"] - rng.randint(0, 20) * _DAY, taken)
    t["visit"] = t["weight"] if rng.random() < 0.5 else _unique_date(t["weight"] - rng.randint(1, 30) * _DAY, taken)
    t["tb"] = _unique_date(t["referral"] - rng.randint(12, 250) * _DAY, taken)
    t["hep"] = t["tb"] if rng.random() < 0.35 else _unique_date(t["referral"] - rng.randint(8, 200) * _DAY, taken)
    t["labs"] = _unique_date(t["referral"] - rng.randint(2, 45) * _DAY, taken)
    t["coverage"] = dt.date(s.year if s.month > 1 else s.year - 1, 1, 1)
    interval = drugs[0].interval_days or 56
    if mode == "continuation":
        # The last dose one interval before the next, but never after the referral was written.
        due = s - interval * _DAY + rng.randint(-3, 3) * _DAY
        t["last_dose"] = _unique_date(min(due, t["referral"] - rng.randint(1, 10) * _DAY), taken)
        t["prev_end"] = _unique_date(s - rng.randint(1, 12) * _DAY, taken)
        t["prev_start"] = _unique_date(t["prev_end"] - rng.choice((182, 182, 364, 90)) * _DAY, taken)
        t["first_dose"] = _unique_date(t["prev_start"] - rng.randint(0, 500) * _DAY, taken)
    elif mode == "restart":
        t["last_dose"] = _unique_date(s - rng.randint(120, 500) * _DAY, taken)
    t["admit"] = _unique_date(t["signed"] - rng.randint(1, 5) * _DAY, taken)
    # Previous therapies, from the most recent back: prior0 stopped shortly before the referral, each earlier one
    # stopped before the next began; the diagnosis came before the first of them (and well after birth).
    anchor = {"continuation": t.get("first_dose"), "restart": t.get("last_dose")}.get(mode) or t["referral"]
    cursor = min(anchor, t["referral"]) - rng.randint(10, 60) * _DAY
    for i in range(3):
        stop = _unique_date(cursor, taken)
        start = _unique_date(stop - rng.randint(60, 420) * _DAY, taken)
        t[f"prior{i}_start"], t[f"prior{i}_stop"] = start, stop
        cursor = start - rng.randint(7, 60) * _DAY
    t["diagnosis"] = _unique_date(max(cursor - rng.randint(5, 300) * _DAY, case.dob + 5000 * _DAY), taken)
    return t


def _prior_key(drug: _Drug, dx: list[tuple[str, str]]) -> str:
    if drug.kind in ("oncology", "iron", "migraine", "hormone", "eye", "bone"):
        return drug.kind
    codes = {c for c, _ in dx}
    if "K50.90" in codes and drug.jcode in ("J1745", "J3380", "J2323"):
        return "crohn"
    if drug.jcode == "J2182":
        return "copd"
    return "ra"


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _fmt(day, ds)

    # The DOB often keeps the demographics system's MM/DD/YYYY whatever style the rest of the form uses.
    dob = _fmt(case.dob, "mdy" if rng.random() < 0.2 else ds)
    drugs, dx = _pick_drugs(case, rng)
    regimens = [rng.choice(drug.regimens) for drug in drugs]
    kg = round(rng.uniform(48, 125), 1)
    name_style = rng.randrange(5)
    if name_style == 4:
        last_label, first_label = rng.choice((("Last Name", "First Name"), ("Patient Last", "Patient First"),
                                              ("Pt Last Name", "Pt First Name")))
        name_rows = [(last_label, case.last), (first_label, case.first)]
        name_shown, name = case.last, f"{case.first} {case.last}"
    else:
        name = (case.full_name, f"{case.last}, {case.first}", f"{case.last.upper()}, {case.first.upper()}",
                f"{case.first.upper()} {case.last.upper()}")[name_style]
        label = ("Patient Name (Last, First)" if name_style in (1, 2) and rng.random() < 0.5
                 else rng.choice(("Patient Name", "Pt Name", "Patient")))
        name_rows = [(label, name)]
        name_shown = name
    mode = rng.choice(("new", "new", "new", "continuation", "continuation", "restart"))
    admin: list[str] = []
    for drug in drugs:
        # The main code always; the add-on hour and push codes on most forms.
        wanted = drug.admin if rng.random() < 0.7 else drug.admin[:1]
        admin += [c for c in wanted if c not in admin]
    if any(drug.route == "IV" for drug in drugs):
        admin += [c for c, _ in case.cpt if c in _ADMIN_DESC and c not in admin]
    premeds: list[tuple[str, str, str]] = []
    if any(drug.route == "IV" and drug.kind in ("biologic", "oncology") for drug in drugs) and rng.random() < 0.75:
        pool = _ONCOLOGY_PREMEDS if any(drug.kind == "oncology" for drug in drugs) else _PREMEDS
        premeds = rng.sample(pool, rng.randint(1, min(3, len(pool))))
        if any(code for _, code, _ in premeds) and rng.random() < 0.45:
            premeds = [(text, "", "") for text, _, _ in premeds]  # ordered in words only, no codes
        for _, _, push in premeds:
            if push and push not in admin:
                admin.append(push)
    hcpcs = [drug.jcode for drug in drugs] + [code for _, code, _ in premeds if code]
    same_site = case.servicing.npi == case.requesting.npi
    sv = case.servicing
    site_address = f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"
    if not same_site:
        site_name, site_npi = rng.choice(_SITES), sv.npi
    elif rng.random() < 0.5:
        site_name, site_npi = f"{case.requesting.practice} - in-office infusion suite", case.requesting.npi
    else:
        city, state = rng.choice(CITIES)
        site_name, site_npi = rng.choice(_SITES), make_npi(rng)
        site_address = (f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} "
                        f"{rng.randint(10000, 99899):05d}")
    if site_npi != case.requesting.npi and rng.random() < 0.15:
        site_npi = None  # the site leaves its own NPI off its form
    site_kind = _SETTINGS[2] if site_name.endswith("suite") else rng.choice((*_SETTINGS[:2], _SETTINGS[3]))
    injection = all(drug.route != "IV" for drug in drugs)
    dates = _timeline(case, rng, drugs, mode)
    retro = mode != "continuation" and dates["start"] < dates["referral"]
    if retro and rng.random() < 0.5:
        # A late referral for a dose already given: the form asks for the authorization from that date.
        start_label = rng.choice(_RETRO_LABELS)
    else:
        options = _NEXT_LABELS + _START_LABELS[:4] if mode == "continuation" else _START_LABELS
        if injection:
            # No "infusion" wording for a drug given as a shot.
            extra = _INJECTION_LABELS if mode != "continuation" else ()
            options = tuple(o for o in options if "infusion" not in o) + extra
        start_label = rng.choice(options)
    labels = {
        "start": start_label,
        "referral": rng.choice(("Date of referral", "Referral date", "Date referred", "Order date")),
        "signed": rng.choice(("Date signed", "Date", "Signature date", "Prescriber signature date")),
        "weight": rng.choice(("Weight date", "Date weighed", "Wt. taken on", "Weight as of")),
        "tb": rng.choice(("TB test date", "TB screen (QFT) date", "Date of TB test", "PPD/QFT drawn")),
        "hep": rng.choice(("Hepatitis panel date", "Hep B panel drawn", "HBV screen date")),
        "labs": rng.choice(("CBC/CMP date", "Most recent labs", "Labs drawn")),
        "diagnosis": rng.choice(("Date of diagnosis", "Dx date", "Diagnosed")),
        "visit": rng.choice(("Last office visit", "Last seen", "Most recent visit")),
        "last_dose": rng.choice(("Last infusion date", "Last dose given", "Date of last infusion")
                                if not injection else ("Last injection date", "Last dose given")),
        "prev_period": rng.choice(("Current auth period", "Auth on file (dates)", "Prior approval dates",
                                   "Authorized dates")),
        "ref": rng.choice(("Existing PA #", "Auth # on file", "Current authorization no.", "Payer reference #")),
    }
    style = case.plan_style if case.plan_style in _MEMBER_LABELS else "generic"
    member_label = rng.choice(_MEMBER_LABELS[style] + _ANY_MEMBER_LABELS)
    return _Ctx(
        case=case, rng=rng, f=f, dob=dob, name=name, name_rows=name_rows, name_shown=name_shown, drugs=drugs,
        regimens=regimens, brands=[rng.choice(drug.brands) for drug in drugs], ndcs=[_ndc(rng) for _ in drugs],
        doses=[_dose(drug, reg, kg) for drug, reg in zip(drugs, regimens, strict=True)], dx=dx, admin=admin,
        premeds=premeds, mode=mode, dates=dates, retro=retro, labels=labels, site_name=site_name,
        site_npi=site_npi, site_address=site_address, site_kind=site_kind,
        kg=kg, cm=rng.randint(150, 193), member_label=member_label, dob_label=rng.choice(_DOB_LABELS),
        with_ref=mode == "continuation" and rng.random() < 0.7, hcpcs=hcpcs,
    )


# --- blocks ------------------------------------------------------------------------------------------------
def _kv(rows: list[tuple[str, str]], heading: str = "", keys: tuple[str | None, ...] = (), cols: int = 2) -> KV:
    return KV(tuple(rows), cols=min(cols, len(rows)), keys=keys, heading=heading)


def _urgency(c: _Ctx) -> list[Block]:
    """A priority box row, a Yes/No question or only a typed line; urgent wording when the case is urgent."""
    rng, urgent = c.rng, c.case.urgent
    out: list[Block] = []
    how = rng.randrange(4)
    if how == 0:
        out.append(Checks((("Routine", not urgent, "non_urgent"),
                           (rng.choice(("URGENT - expedite", "Urgent (72 hr review)", "Expedited / urgent")), urgent,
                            "urgent")), label=rng.choice(("Priority:", "Referral priority:", "Review:"))))
    elif how == 1:
        yes_no = (("Yes", urgent, "urgent"), ("No", not urgent, "non_urgent"))
        out.append(Checks(yes_no if rng.random() < 0.5 else yes_no[::-1],
                          label=rng.choice(("Needs expedited (72 h) review?", "Is this an urgent referral?",
                                            "Patient hospitalized / urgent start?"))))
    elif how == 2:
        out.append(Checks((("Standard", not urgent, "non_urgent"), ("Urgent", urgent, "urgent"),
                           ("Inpatient-to-outpatient transition", urgent and rng.random() < 0.5, None)),
                          label="Request type:"))
    if urgent and (how == 3 or rng.random() < 0.6):
        admit = c.f(c.dates["admit"])
        reason = _URGENT_REASONS.get(c.drugs[0].kind, _URGENT_REASONS["biologic"])
        out.append(Text(rng.choice((
            "URGENT - patient hospitalized / flare: first dose needed before or right after discharge.",
            f"URGENT / EXPEDITE - patient admitted {admit}; inpatient team requests the first dose as soon as "
            "authorized.",
            f"** URGENT ** {rng.choice(reason)}. Standard review time could seriously jeopardize the patient's health.",
            f"URGENT: hospitalized since {admit}; please process as an expedited request.",
        )), bold=True))
    elif not urgent and how == 3:
        out.append(Text(rng.choice(("Priority: routine.", "Routine referral - standard turnaround.",
                                    "For urgent referrals call the intake line before faxing.")), size=8.5))
    return out


def _patient(c: _Ctx, rows_style: str) -> list[Block]:
    case, f, rng = c.case, c.f, c.rng
    lb = round(c.kg * 2.20462, 1)
    rows = [*c.name_rows, (c.dob_label, c.dob), ("Sex", case.sex)]
    if rows_style == "split":
        rows += [("Weight", f"{c.kg} kg ({lb} lb)"), (c.labels["weight"], f(c.dates["weight"])),
                 ("Height", f"{c.cm} cm")]
    else:
        rows += [("Weight / Height", rng.choice((f"{c.kg} kg on {f(c.dates['weight'])}; {c.cm} cm",
                                                  f"{lb} lb ({c.kg} kg) as of {f(c.dates['weight'])}, ht {c.cm} cm")))]
    rows += [("Phone", fictional_phone(rng)), ("Allergies", rng.choice(("NKDA", "Sulfa (rash)", "Penicillin",
                                                                       "Latex", "Iodinated contrast (hives)")))]
    return [_kv(rows, rng.choice(("Patient Information", "PATIENT", "Patient Demographics")), cols=rng.choice((2, 3)))]


def _insurance(c: _Ctx) -> list[Block]:
    case, rng = c.case, c.rng
    rows = [("Primary Insurance", case.plan), (c.member_label, case.policy_printed),
            ("Group #", case.group_number), ("Relationship to subscriber", rng.choice(("Self", "Self", "18 - Self")))]
    if rng.random() < 0.5:
        rows.append(("Rx BIN / PCN", f"{rng.randint(100000, 999999)} / {rng.choice(('MEDDPRIME', 'ADV', 'RXPLAN'))}"))
    if rng.random() < 0.4:
        rows.append(("Coverage effective", c.f(c.dates["coverage"])))
    keys = tuple("policy_id" if label == c.member_label else None for label, _ in rows)
    return [_kv(rows, rng.choice(("Insurance", "Primary Insurance / Benefits", "INSURANCE INFORMATION")), keys)]


def _prescriber(c: _Ctx) -> list[Block]:
    rq, rng = c.case.requesting, c.rng
    rows = [("Prescriber", rq.name), (rng.choice(("Prescriber NPI", "NPI", "Ordering NPI")), rq.npi),
            ("Practice", rq.practice), ("Specialty", rq.specialty), ("Office phone", rq.phone), ("Office fax", rq.fax),
            ("Address", f"{rq.street}, {rq.city}, {rq.state} {rq.zip}"), ("Office contact", rng.choice(_CONTACTS))]
    return [_kv(rows, rng.choice(("Prescriber / Referring Provider", "PRESCRIBER", "Ordering Physician")))]


def _site(c: _Ctx) -> list[Block]:
    rng, sv = c.rng, c.case.servicing
    rows = [("Infusion site", c.site_name)]
    if c.site_npi == c.case.requesting.npi and rng.random() < 0.5:
        rows.append(("Site NPI", "same as prescriber"))
    elif c.site_npi:
        rows.append((rng.choice(("Site NPI", "Facility NPI", "Servicing NPI (site of care)")), c.site_npi))
    rows += [("Site address", c.site_address), ("Site fax", sv.fax)]
    heading = rng.choice(("Site of Care", "SITE OF CARE / SERVICING PROVIDER", "Where will the drug be given?"))
    return [_kv(rows, heading), Checks(tuple((k, k == c.site_kind, None) for k in _SETTINGS), label="Setting:")]


def _diagnoses(c: _Ctx) -> list[Block]:
    rng, f = c.rng, c.f
    dx_date = f"{c.labels['diagnosis']}: {f(c.dates['diagnosis'])}"
    how = rng.randrange(3)
    if how == 0:
        rows = tuple((("Primary" if i == 0 else "Secondary"), code, desc) for i, (code, desc) in enumerate(c.dx))
        return [Table(("Dx", "ICD-10-CM", "Description"), rows, widths=(1.0, 1.2, 4.0),
                      heading=rng.choice(("Diagnosis", "DIAGNOSES (ICD-10)"))), Text(dx_date, size=8.5)]
    if how == 1:
        lines = [f"{'Primary' if i == 0 else 'Other'} Dx: {code} - {desc}" for i, (code, desc) in enumerate(c.dx)]
        return [Text("Diagnosis", bold=True), Text("\n".join(lines) + f"\n{dx_date}")]
    rows = [("Primary ICD-10", f"{c.dx[0][0]} ({c.dx[0][1]})")]
    if len(c.dx) > 1:
        rows.append(("Other ICD-10", ", ".join(code for code, _ in c.dx[1:])))
    rows.append((c.labels["diagnosis"], f(c.dates["diagnosis"])))
    return [_kv(rows, "Diagnosis", cols=1 if len(rows) < 3 else 2)]


def _order(c: _Ctx, start_in_table: bool) -> list[Block]:
    """The drug order: a table with J-code and NDC, the dose line(s), the administration codes and premeds."""
    rng, f, s = c.rng, c.f, c.dates["start"]
    out: list[Block] = []
    head = ["Drug", rng.choice(("HCPCS", "J-Code", "HCPCS / J-code")), "NDC", "Dose / Frequency", "Route"]
    if start_in_table:
        head.append(rng.choice(_TABLE_START))
    rows = []
    for drug, brand, ndc, reg in zip(c.drugs, c.brands, c.ndcs, c.regimens, strict=True):
        named = f"{drug.generic} ({brand})" if "(" not in brand and rng.random() < 0.6 else brand
        row = [named, drug.jcode, ndc, reg, drug.route]
        if start_in_table:
            row.append(f(s))
        rows.append(tuple(row))
    widths = (2.1, 0.9, 1.3, 2.8, 0.8) + ((1.1,) if start_in_table else ())
    out.append(Table(tuple(head), tuple(rows), widths=widths,
                     heading=rng.choice(("Medication Order", "DRUG REQUESTED", "Therapy Ordered"))))
    dose_lines = [f"Dose to prepare ({drug.generic}): {dose}" for drug, dose in zip(c.drugs, c.doses, strict=True)]
    if any("mg/kg" in reg for reg in c.regimens) or rng.random() < 0.5:
        dose_lines.append(f"Billing unit: {c.drugs[0].jcode} = {c.drugs[0].billing_unit}; dispense as "
                          f"{rng.choice(('single-dose vials', 'whole vials, waste documented', 'prefilled syringe'))}.")
    out.append(Text("\n".join(dose_lines), size=8.5))
    units = {"96366": str(rng.randint(1, 2)), "96415": str(rng.randint(1, 3))}
    if rng.random() < 0.5:
        out.append(Table(("CPT", "Administration", "Units"),
                         tuple((code, _ADMIN_DESC[code], units.get(code, "1")) for code in c.admin),
                         widths=(0.9, 4.2, 0.7), heading=rng.choice(("Administration Codes", "Admin CPT"))))
    else:
        codes = ", ".join(f"{code} x{units.get(code, '1')}" for code in c.admin)
        out.append(Text(rng.choice((f"Administration CPT: {codes}", f"Admin codes requested: {codes}",
                                    f"Nursing administration (CPT) - {codes}"))))
    if c.premeds:
        meds = "; ".join(f"{text} ({code})" if code else text for text, code, _ in c.premeds)
        out.append(Text(f"{rng.choice(('Premedications', 'Pre-meds 30 min prior', 'Premedicate with'))}: {meds}"))
    return out


def _labs(c: _Ctx) -> list[Block]:
    """Screening and baseline labs with their dates (all distractors), as a table or as lines."""
    rng, f, t, lab = c.rng, c.f, c.dates, c.labels
    kinds = {drug.kind for drug in c.drugs}
    rows: list[tuple[str, str, str]] = []
    if "biologic" in kinds:
        rows.append((rng.choice(("QuantiFERON-TB Gold Plus", "TB screen (IGRA)", "PPD")),
                     rng.choice(("Negative", "Negative", "0 mm induration")), f(t["tb"])))
        rows.append(("Hepatitis B panel (HBsAg, anti-HBc)", rng.choice(("Non-reactive", "Negative / negative")),
                     f(t["hep"])))
    if "biologic" in kinds or "oncology" in kinds:
        rows.append(("CBC w/ diff", f"WBC {rng.uniform(4.1, 9.8):.1f}, Hgb {rng.uniform(10.5, 14.8):.1f}",
                     f(t["labs"])))
        rows.append(("CMP", f"Cr {rng.uniform(0.6, 1.3):.2f}, ALT {rng.randint(12, 48)}", f(t["labs"])))
    if "oncology" in kinds:
        rows.append(("TSH", f"{rng.uniform(0.6, 3.9):.2f}", f(t["labs"])))
    if "iron" in kinds:
        rows += [("Hemoglobin", f"{rng.uniform(7.4, 10.4):.1f} g/dL", f(t["labs"])),
                 ("Ferritin", f"{rng.randint(3, 14)} ng/mL", f(t["labs"])),
                 ("TSAT", f"{rng.randint(3, 12)}%", f(t["labs"]))]
    if "bone" in kinds:
        rows += [("Serum calcium", f"{rng.uniform(8.7, 10.1):.1f} mg/dL", f(t["labs"])),
                 ("25-OH vitamin D", f"{rng.randint(31, 58)} ng/mL", f(t["labs"])),
                 ("CrCl (Cockcroft-Gault)", f"{rng.randint(40, 95)} mL/min", f(t["labs"]))]
        rows.append(("DXA T-score (L-spine)", f"-{rng.uniform(2.5, 3.6):.1f}", f(t["tb"])))
    if not rows:
        rows.append(("CBC", "within normal limits", f(t["labs"])))
    if rng.random() < 0.55:
        return [Table(("Lab / test", "Result", "Date"), tuple(rows), widths=(2.6, 2.2, 1.2),
                      heading=rng.choice(("Required Labs / Screening", "LABS (attach results)", "Pre-infusion labs")))]
    lines = []
    for test, result, day in rows:
        if test.startswith(("QuantiFERON", "TB", "PPD")):
            lines.append(f"{test}: {result}   {lab['tb']}: {day}")
        elif test.startswith("Hepatitis"):
            lines.append(f"{test}: {result}   {lab['hep']}: {day}")
        else:
            lines.append(f"{test}: {result} ({day})")
    return [Text(rng.choice(("Labs", "Screening labs", "LABORATORY")), bold=True), Text("\n".join(lines))]


def _prior_therapies(c: _Ctx) -> list[Block]:
    rng, f, t = c.rng, c.f, c.dates
    options = _PRIOR[_prior_key(c.drugs[0], c.dx)]
    picked = rng.sample(options, rng.randint(2, min(3, len(options))))
    rows = []
    for i, (med, why) in enumerate(picked):
        stop = "ongoing" if why == "continuing" else f(t[f"prior{i}_stop"])
        rows.append((med, f(t[f"prior{i}_start"]), stop, why))
    if rng.random() < 0.7:
        rows.reverse()  # oldest first
    head = rng.choice((("Previous therapy", "Start", "Stop", "Outcome"),
                       ("Medication tried", "Date started", "Date stopped", "Reason discontinued")))
    return [Table(head, tuple(rows), widths=(2.8, 1.1, 1.1, 2.0),
                  heading=rng.choice(("Prior Treatments", "Previous Therapies (step therapy)",
                                      "Medications tried and failed")))]


def _dates_block(c: _Ctx, start_here: bool, style: str) -> list[Block]:
    """The therapy dates: the service date (when it goes here) among the last dose and the authorization on file."""
    f, t, lab, rng = c.f, c.dates, c.labels, c.rng
    rows: list[tuple[str, str]] = []
    if c.mode != "new":
        rows.append((lab["last_dose"], f(t["last_dose"])))
    if c.mode == "continuation":
        rows.append((lab["prev_period"], f"{f(t['prev_start'])} - {f(t['prev_end'])}"))
        if rng.random() < 0.5:
            rows.append(("Therapy originally started", f(t["first_dose"])))
        if c.with_ref:
            rows.append((lab["ref"], c.case.reference_id))
    rows.append((lab["visit"], f(t["visit"])))
    if start_here:
        rows.insert(rng.randint(1, len(rows)), (lab["start"], f(t["start"])))
    if style == "line":
        return [Text("    ".join(f"{label}: {value}" for label, value in rows))]
    heading = rng.choice(("Scheduling", "Therapy Dates", "Treatment Timeline", "Dates"))
    return [_kv(rows, heading)]


def _schedule(c: _Ctx) -> list[Block]:
    """A requested induction schedule: dose 1 is the service date, the later doses are distractors."""
    drug, f, s = c.drugs[0], c.f, c.dates["start"]
    rows = [(f"Dose {i + 1}", f"week {wk}", f(s + wk * 7 * _DAY)) for i, wk in enumerate(drug.induction_weeks)]
    if drug.interval_days:
        rows.append(("Maintenance", f"every {drug.interval_days // 7} weeks", "after induction"))
    return [Table(("Dose", "Timing", c.rng.choice(("Requested date", "Planned date", "Target date"))), tuple(rows),
                  widths=(1.4, 2.0, 2.0), heading=c.rng.choice(("Requested Induction Schedule", "Dosing Calendar")))]


def _prose_start(c: _Ctx) -> str:
    s = c.f(c.dates["start"])
    if c.retro:
        return c.rng.choice((f"The first infusion was given on {s} while the request was pending; we ask that the "
                             "authorization start on that date.",
                             f"Dose 1 was administered {s}; please authorize retroactively from then."))
    if c.mode == "continuation":
        return c.rng.choice((f"The next maintenance dose is due {s}; please extend coverage from that date.",
                             f"To avoid a gap in therapy the next infusion should be given on {s}."))
    if c.mode == "restart":
        return c.rng.choice((f"We would like to resume infusions on {s}.",
                             f"Therapy is to restart {s}, at the same dose and interval as before."))
    return c.rng.choice((f"We would like to start the first infusion on {s}.",
                         f"The patient is ready to begin therapy on {s}, pending authorization.",
                         f"Requesting authorization so that treatment can start {s}.",
                         f"First dose is booked for {s} at the site of care listed.",
                         f"Therapy should begin no later than {s}.",
                         f"Please schedule dose 1 for {s} (or the first open chair after approval)."))


def _cover_note(c: _Ctx, with_start: bool) -> list[Block]:
    """A short typed note from the prescriber's office: the referral date and, in prose, some dates."""
    rng, f, t, case = c.rng, c.f, c.dates, c.case
    drug = c.drugs[0]
    parts = [rng.choice((f"Referral sent {f(t['referral'])} for {drug.generic} ({drug.jcode}).",
                         f"On {f(t['referral'])} Dr. {case.requesting.name.split()[1].rstrip(',')} referred this "
                         f"patient for {drug.generic}."))]
    if c.mode == "continuation":
        parts.append(f"Established on therapy; last dose given {f(t['last_dose'])}.")
    elif c.mode == "restart":
        parts.append(f"Restarting after a lapse; the last dose was {f(t['last_dose'])} at another site.")
    if with_start:
        parts.append(_prose_start(c))
    if "biologic" in {d.kind for d in c.drugs} and rng.random() < 0.6:
        parts.append(f"TB screening was negative on {f(t['tb'])}.")
    return [Text(rng.choice(("Note to intake:", "Referral note", "Comments from referring office:")), bold=True),
            Text(" ".join(parts))]


def infusion_referral_form(case: Case, rng: Random) -> Doc:
    """An infusion-center / specialty-pharmacy referral and PA intake form for a medical-benefit drug."""
    c = _context(case, rng)
    f, t, rq = c.f, c.dates, case.requesting
    placement = rng.choice(("referral", "dates", "dates", "prose", "line", "table", "schedule"))
    if placement == "schedule" and (len(c.drugs[0].induction_weeks) < 2 or c.mode != "new"):
        placement = "dates"
    kv_style = rng.choice(("boxed", "boxed", "stacked", "inline", "underline"))
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "times", "liberation_serif"))
    size = 9.5 if font in ("times", "liberation_serif") else 8.5 if font == "dejavu_sans" else 9

    blocks: list[Block] = []
    in_office = c.site_name.endswith("suite")
    header = f"{rq.practice} - Infusion Services" if in_office else c.site_name
    if rng.random() < 0.35:
        blocks.append(Banner(header.upper(), rng.choice(_TITLES)))
    else:
        blocks += [Text(header, bold=True, size=11),
                   Title(rng.choice(_TITLES), 12.5, rng.choice(("center", "left")))]
    blocks.append(Text(f"Intake phone {fictional_phone(rng)}   Referral fax {fictional_phone(rng)}   "
                       f"Fax all pages, with chart notes and labs, to the intake team.", size=8))
    blocks += _urgency(c)

    kind_of_referral = {"new": "New start", "continuation": "Continuation / re-authorization",
                        "restart": rng.choice(("Restart after lapse", "Re-start (therapy interrupted)"))}[c.mode]
    referral_rows = [(c.labels["referral"], f(t["referral"])), ("Referral type", kind_of_referral)]
    if placement == "referral":
        referral_rows.insert(rng.randint(1, 2), (c.labels["start"], f(t["start"])))
    if rng.random() < 0.3:
        referral_rows.append(("Intake #", f"INF-{rng.randint(10, 99)}{rng.randint(1000, 9999)}"))
    top = [_kv(referral_rows, rng.choice(("Referral", "REFERRAL INFORMATION", "")))]
    if rng.random() < 0.3:
        top.append(Text("Please allow 3-5 business days for benefits verification and prior authorization.",
                        size=8))

    people = _patient(c, rng.choice(("split", "joined"))) + _insurance(c)
    providers = _prescriber(c) + _site(c)
    if rng.random() < 0.25:
        blocks += top + providers + people
    else:
        blocks += top + people + providers
    if rng.random() < 0.45:
        # Page 2 (the clinical half) under a running header naming the patient.
        blocks.append(PageBreak())
        blocks.append(Text(rng.choice((
            f"Patient: {c.name}   {c.dob_label}: {c.dob}   - infusion referral, page 2",
            f"{c.name} | {c.dob_label} {c.dob} | {c.member_label} {case.policy_printed} | continued",
        )), size=8))
    blocks += _diagnoses(c)
    blocks += _order(c, placement == "table")
    if placement == "schedule":
        blocks += _schedule(c)
    blocks += _dates_block(c, placement in ("dates",), "line" if placement == "line" else "kv")
    if placement == "line":
        # A line of several `label: value` pairs with the service date among them.
        pairs = [(c.labels["referral"], f(t["referral"])), (c.labels["start"], f(t["start"])),
                 (c.labels["weight"], f(t["weight"]))]
        rng.shuffle(pairs)
        if pairs[0][0] == c.labels["start"]:
            pairs.append(pairs.pop(0))
        blocks.append(Text("    ".join(f"{label}: {value}" for label, value in pairs)))

    blocks += _labs(c) + _prior_therapies(c)
    note_start = placement == "prose"
    if note_start or rng.random() < 0.5:
        blocks += _cover_note(c, note_start)
    blocks += [Gap(6), Rule(),
               Text(rng.choice(("I certify that this therapy is medically necessary and that the information above "
                                "is accurate to the best of my knowledge.",
                                "Prescriber attestation: the patient has been evaluated and the order above is "
                                "medically necessary.")), size=8.5),
               Text(f"Prescriber signature: {rq.name}    {c.labels['signed']}: {f(t['signed'])}")]

    npi = [rq.npi] + ([c.site_npi] if c.site_npi and c.site_npi != rq.npi else [])
    truth = Truth(reference_id=case.reference_id if c.with_ref else None, policy_id=case.policy_id, dob=case.dob,
                  patient_name=(case.first, case.last), npi=npi, cpt=list(c.admin), hcpcs=list(c.hcpcs),
                  icd10=[code for code, _ in c.dx], service_date=t["start"], urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name_shown, rq.npi] + ([case.reference_id] if c.with_ref else [])
    footer = rng.choice(("INF-REF rev. 04/2026   Page {page} of {pages}", "Infusion referral - p. {page}/{pages}",
                         "Page {page} of {pages}  |  Confidential patient information", ""))
    return Doc("infusion_referral_form", "pa_request_form", Style(font, size, kv_style), blocks, truth, contains,
               footer=footer, title="Infusion therapy referral and prior authorization intake")
