"""Tune family added for drug requests: a medication prior authorization / coverage determination request as a
prescriber's office faxes it to a health plan's pharmacy (or medical-drug) review team.

Four layouts, 1-2 pages: a plan's "Medication Prior Authorization Request" form (sections, a medication grid,
numbered clinical questions with Yes / No boxes, a drug-trial table, labs, attestation), a coverage determination
form in the style of a Medicare Part D exception request (enrollee wording, one box per kind of request, a drug
history table, an expedited-review box and a prescriber's supporting statement), a step-therapy / formulary /
quantity-limit exception letter in prose, and an EHR's electronic PA (e-PA) printout with question and answer pairs.
Drugs come from this module's catalogue: pharmacy-benefit drugs (tablets, capsules, pens, inhalers; no J-code) and
medical-benefit drugs given in a clinic (a J-code, an invented NDC, billing units and sometimes the administration
CPT code), picked to fit the case's J-code or diagnoses.

What it exercises:
- Identity worded many ways: `Patient/Member Name`, `Enrollee's name`, `Cardholder Name`, `Name (Last, First)`,
  split Last / First boxes; the member ID as `Member ID`, `Enrollee's Member ID #`, `Cardholder ID`, `ID # (from
  card)`, `Subscriber ID`, `Medicaid ID`, ...; beside it the Rx BIN (6 digits), PCN, Rx Group and Group #; the
  pharmacy's NCPDP / NABP number (7 digits), the prescriber's DEA number (2 letters + 7 digits), state license and
  Tax ID, phones and faxes. DOB as DOB, Date of Birth, D.O.B., Enrollee's date of birth, Birthdate, Member DOB.
- Numbers that are not codes: NDCs (5-4-2 or 11 digits), strengths (`40 mg/0.4 mL`, `2 mg/3 mL`), quantities and
  days' supply (`Qty 4 pens / 28 days`), refills, billing units, lab values (A1c 8.9%, LDL-C 190 mg/dL, eGFR 58,
  BMI 41.2), ZIP codes, phone numbers, an e-PA key, store numbers.
- Dates: the service date (below) among the date written, date signed, last office visit, lab dates, date of
  diagnosis, previous drug trials as month / year ranges (`metformin 1000 mg BID 01/2025 - 06/2025: GI
  intolerance`), and for a continuation the date therapy first started, the date of the last approval, the end of
  the current authorization and the last fill date; e-PA print timestamps.
- ICD-10-CM dotted or (about a fifth of the documents) undotted; J-codes and administration CPT codes in the
  medication grid, a line or prose.
- Urgency: a Standard / Expedited box pair (with `Standard (72 hours)` wording), a single expedited-review box, an
  e-PA question or the prescriber's own words. The form's definition of an expedited request ("I certify that
  applying the standard review time frame may seriously jeopardize the life or health of the patient ...") and
  the plan's "for urgent requests call ..." lines are printed whether or not the box is ticked.

Truth conventions:
- service_date: the date from which the drug is requested, when the document prints one: the requested start date
  of therapy (`Requested start date`, `Date therapy to begin`, `Start date`, `Anticipated start date`), for a drug
  given in the clinic the date of service / planned administration date, for a continuation the start of the
  requested renewal period (`Renewal start date`, `Continue therapy from`). Many drug requests name no date: then
  there is none (a blank `Requested start date: ________` included). The date therapy first started, the last
  approval, the current authorization's end, the last fill, the date written and every other date are distractors.
- cpt: the administration CPT code when it is printed (medical-benefit drugs only). hcpcs: the J-code of a
  medical-benefit drug (pharmacy-benefit drugs have none). icd10: every diagnosis printed with a code, in the dotted
  normal form even when printed undotted.
- npi: the prescriber's; the dispensing pharmacy's or the administering site's when printed with an NPI label and
  it is another provider. NCPDP / NABP, DEA, license and Tax ID numbers are never NPIs.
- reference_id: only in continuations that quote the previous authorization number.
- urgent: the case's urgency, as the other tune families set it: true only when the document ticks the
  expedited / urgent box or the prescriber asks for an expedited review in words; a ticked Standard box, an
  unticked expedited box beside its printed definition and the plan's "for urgent requests call" lines are not
  urgent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from random import Random

from samples.generator.codes import SCENARIOS, billable_icd10
from samples.generator.data import CITIES, STREETS, Case, distinct_date, fictional_phone, fmt_date, make_npi
from samples.generator.document import (
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
    kv,
)
from samples.generator.flow import to_text

FAMILY = "medication_prior_auth_request"
_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]

# data.py's styles (MM/DD/YYYY weighted up) plus the month spelled out.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long")


def _fmt(day: dt.date, style: str) -> str:
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    return fmt_date(day, style)


def _month(day: dt.date, style: str) -> str:
    """A month as drug histories print it: `01/2025`, `Jan 2025` or `2025-01`."""
    if style == "mon":
        return f"{day:%b} {day.year}"
    if style == "iso":
        return f"{day.year}-{day.month:02d}"
    return f"{day.month:02d}/{day.year}"


_ICD_DESC = {code: desc for sc in SCENARIOS for code, desc in sc["icd"]}
_FEMALE_DX = frozenset({"C50.911", "C50.912", "D25.1", "N92.0", "N80.00"})


# --- the drug catalogue (real generic / brand names and J-codes; regimens are our own summaries) ------------------
@dataclass(frozen=True)
class _Drug:
    generic: str
    brands: tuple[str, ...]
    strengths: tuple[str, ...]
    sigs: tuple[str, ...]
    qty: tuple[str, int]  # quantity per fill, days' supply
    kind: str
    indications: tuple[str, ...]  # ICD-10-CM (scenario codes, so the billable check knows them); main one first
    form: str = "tablet"
    jcode: str = ""  # a medical-benefit drug when set
    admin: str = ""  # administration CPT
    units: str = ""  # billing units for one dose
    female: bool = False
    schedule: str = ""  # DEA schedule of a controlled drug
    specialty: bool = False  # dispensed by a specialty pharmacy


_DRUGS: tuple[_Drug, ...] = (
    # pharmacy benefit
    _Drug("semaglutide", ("Ozempic",), ("0.25 mg or 0.5 mg/dose pen (2 mg/3 mL)", "1 mg/dose pen (4 mg/3 mL)"),
          ("Inject 0.25 mg SC once weekly x 4 weeks, then 0.5 mg once weekly", "Inject 1 mg SC once weekly"),
          ("1 pen (3 mL)", 28), "diabetes", ("E11.65", "E11.9", "E11.42"), "pen"),
    _Drug("tirzepatide", ("Mounjaro",), ("2.5 mg/0.5 mL single-dose pen", "5 mg/0.5 mL single-dose pen"),
          ("Inject 2.5 mg SC once weekly x 4 weeks, then 5 mg once weekly", "Inject 5 mg SC once weekly"),
          ("4 pens (2 mL)", 28), "diabetes", ("E11.65", "E11.9", "E11.42"), "pen"),
    _Drug("dulaglutide", ("Trulicity",), ("0.75 mg/0.5 mL pen", "1.5 mg/0.5 mL pen"),
          ("Inject 0.75 mg SC once weekly", "Inject 1.5 mg SC once a week"), ("4 pens", 28), "diabetes",
          ("E11.65", "E11.9"), "pen"),
    _Drug("empagliflozin", ("Jardiance",), ("10 mg tablet", "25 mg tablet"),
          ("Take 1 tablet by mouth once daily",), ("30 tablets", 30), "diabetes", ("E11.9", "E11.65", "E11.42")),
    _Drug("semaglutide", ("Wegovy",), ("0.25 mg/0.5 mL single-dose pen", "2.4 mg/0.75 mL single-dose pen"),
          ("Inject 0.25 mg SC weekly x 4 weeks, then titrate per label to 2.4 mg weekly",
           "Inject 2.4 mg SC once weekly"), ("4 pens", 28), "obesity", ("E66.01", "E66.9", "Z68.41"), "pen"),
    _Drug("tirzepatide", ("Zepbound",), ("2.5 mg/0.5 mL single-dose pen", "5 mg/0.5 mL single-dose vial"),
          ("Inject 2.5 mg SC once weekly x 4 weeks, then 5 mg weekly",), ("4 pens", 28), "obesity",
          ("E66.01", "G47.33", "E66.9", "Z68.41"), "pen"),
    _Drug("phentermine/topiramate ER", ("Qsymia",), ("3.75 mg/23 mg capsule", "7.5 mg/46 mg capsule"),
          ("Take 1 capsule by mouth every morning",), ("30 capsules", 30), "obesity", ("E66.01", "E66.9", "Z68.41"),
          "capsule", schedule="C-IV"),
    _Drug("evolocumab", ("Repatha SureClick",), ("140 mg/mL autoinjector",), ("Inject 140 mg SC every 2 weeks",),
          ("2 autoinjectors", 28), "lipid", ("E78.5", "I25.10"), "pen", specialty=True),
    _Drug("alirocumab", ("Praluent",), ("75 mg/mL pen", "150 mg/mL pen"),
          ("Inject 75 mg SC every 2 weeks", "Inject 150 mg SC every 2 weeks"), ("2 pens", 28), "lipid",
          ("E78.5", "I25.10"), "pen", specialty=True),
    _Drug("bempedoic acid/ezetimibe", ("Nexlizet",), ("180 mg/10 mg tablet",), ("Take 1 tablet by mouth daily",),
          ("30 tablets", 30), "lipid", ("E78.5", "I25.10")),
    _Drug("adalimumab", ("Humira Pen", "Hadlima PushTouch", "Hyrimoz", "Yuflyma"),
          ("40 mg/0.4 mL pen", "40 mg/0.8 mL pen"), ("Inject 40 mg SC every other week",),
          ("2 pens", 28), "ra", ("M05.79", "M06.9", "K50.90"), "pen", specialty=True),
    _Drug("etanercept", ("Enbrel SureClick",), ("50 mg/mL autoinjector",), ("Inject 50 mg SC once weekly",),
          ("4 autoinjectors", 28), "ra", ("M05.79", "M06.9"), "pen", specialty=True),
    _Drug("tofacitinib", ("Xeljanz",), ("5 mg tablet",), ("Take 1 tablet by mouth twice daily",),
          ("60 tablets", 30), "ra", ("M05.79", "M06.9"), specialty=True),
    _Drug("upadacitinib", ("Rinvoq",), ("15 mg extended-release tablet", "45 mg extended-release tablet"),
          ("Take 1 tablet by mouth once daily",), ("30 tablets", 30), "ra", ("M05.79", "M06.9", "K50.90"),
          specialty=True),
    _Drug("ustekinumab", ("Stelara",), ("90 mg/mL prefilled syringe",), ("Inject 90 mg SC every 8 weeks",),
          ("1 syringe", 56), "ibd", ("K50.90",), "syringe", specialty=True),
    _Drug("rimegepant", ("Nurtec ODT",), ("75 mg orally disintegrating tablet",),
          ("Dissolve 1 tablet on the tongue every other day for prevention", "1 tablet PO once daily PRN migraine"),
          ("16 tablets", 30), "migraine", ("G43.909",), "ODT"),
    _Drug("atogepant", ("Qulipta",), ("60 mg tablet", "30 mg tablet"), ("Take 1 tablet by mouth once daily",),
          ("30 tablets", 30), "migraine", ("G43.909",)),
    _Drug("erenumab-aooe", ("Aimovig",), ("70 mg/mL autoinjector", "140 mg/mL autoinjector"),
          ("Inject 70 mg SC once monthly", "Inject 140 mg SC once monthly"), ("1 autoinjector", 30), "migraine",
          ("G43.909",), "pen"),
    _Drug("galcanezumab-gnlm", ("Emgality",), ("120 mg/mL pen",),
          ("Inject 240 mg SC once (loading dose), then 120 mg SC monthly",), ("2 pens", 30), "migraine",
          ("G43.909",), "pen"),
    _Drug("teriparatide", ("Forteo", "teriparatide (Alvogen)"), ("620 mcg/2.48 mL pen (20 mcg/dose)",),
          ("Inject 20 mcg SC once daily",), ("1 pen", 28), "bone", ("M81.0",), "pen", specialty=True),
    _Drug("abaloparatide", ("Tymlos",), ("3,120 mcg/1.56 mL pen (80 mcg/dose)",), ("Inject 80 mcg SC once daily",),
          ("1 pen", 30), "bone", ("M81.0",), "pen", specialty=True),
    _Drug("roflumilast", ("Daliresp",), ("500 mcg tablet",), ("Take 1 tablet by mouth once daily",),
          ("30 tablets", 30), "copd", ("J44.9", "J44.1")),
    _Drug("dupilumab", ("Dupixent",), ("300 mg/2 mL pen",), ("Inject 300 mg SC every 2 weeks",), ("2 pens", 28),
          "copd", ("J44.9", "J44.1"), "pen", specialty=True),
    _Drug("budesonide/glycopyrrolate/formoterol", ("Breztri Aerosphere",), ("160/9/4.8 mcg inhaler, 120 actuations",),
          ("Inhale 2 puffs by mouth twice daily",), ("1 inhaler", 30), "copd", ("J44.9", "J44.1"), "inhaler"),
    _Drug("vortioxetine", ("Trintellix",), ("10 mg tablet", "20 mg tablet"), ("Take 1 tablet by mouth once daily",),
          ("30 tablets", 30), "psych", ("F33.1",)),
    _Drug("brexpiprazole", ("Rexulti",), ("1 mg tablet", "2 mg tablet"),
          ("Take 1 tablet by mouth daily (adjunct to antidepressant)",), ("30 tablets", 30), "psych", ("F33.1",)),
    _Drug("lisdexamfetamine", ("Vyvanse",), ("30 mg capsule", "40 mg capsule"),
          ("Take 1 capsule by mouth every morning",), ("30 capsules", 30), "adhd", ("F90.2",), "capsule",
          schedule="C-II"),
    _Drug("viloxazine ER", ("Qelbree",), ("200 mg extended-release capsule",), ("Take 1 capsule by mouth daily",),
          ("30 capsules", 30), "adhd", ("F90.2",), "capsule"),
    _Drug("cenobamate", ("Xcopri",), ("titration pack (12.5 mg / 25 mg)", "50 mg tablet"),
          ("Take as directed per titration schedule", "Take 1 tablet by mouth once daily"), ("28 tablets", 28),
          "epilepsy", ("G40.909",), schedule="C-V", specialty=True),
    _Drug("solriamfetol", ("Sunosi",), ("75 mg tablet", "150 mg tablet"), ("Take 1 tablet by mouth every morning",),
          ("30 tablets", 30), "sleep", ("G47.33", "G47.10"), schedule="C-IV"),
    _Drug("armodafinil", ("Nuvigil",), ("150 mg tablet", "250 mg tablet"), ("Take 1 tablet by mouth every morning",),
          ("30 tablets", 30), "sleep", ("G47.33", "G47.10"), schedule="C-IV"),
    _Drug("elagolix", ("Orilissa",), ("150 mg tablet",), ("Take 1 tablet by mouth once daily",), ("28 tablets", 28),
          "gyn", ("N80.00",), female=True, specialty=True),
    _Drug("relugolix/estradiol/norethindrone", ("Myfembree",), ("40 mg/1 mg/0.5 mg tablet",),
          ("Take 1 tablet by mouth once daily",), ("28 tablets", 28), "gyn", ("D25.1", "N92.0", "N80.00"),
          female=True, specialty=True),
    _Drug("ferric maltol", ("Accrufer",), ("30 mg capsule",), ("Take 1 capsule by mouth twice daily, empty stomach",),
          ("60 capsules", 30), "iron", ("D50.0",), "capsule"),
    _Drug("palbociclib", ("Ibrance",), ("125 mg tablet", "100 mg tablet"),
          ("Take 1 tablet by mouth daily for 21 days, then 7 days off",), ("21 tablets", 28), "onc",
          ("C50.911", "C50.912", "Z17.0"), female=True, specialty=True),
    _Drug("abemaciclib", ("Verzenio",), ("150 mg tablet",), ("Take 1 tablet by mouth twice daily",),
          ("56 tablets", 28), "onc", ("C50.911", "C50.912", "Z17.0"), female=True, specialty=True),
    _Drug("dexlansoprazole", ("Dexilant",), ("60 mg delayed-release capsule",),
          ("Take 1 capsule by mouth once daily",), ("30 capsules", 30), "gerd", ("K21.9",), "capsule"),
    _Drug("azilsartan medoxomil", ("Edarbi",), ("40 mg tablet", "80 mg tablet"), ("Take 1 tablet by mouth daily",),
          ("30 tablets", 30), "htn", ("I10",)),
    # medical benefit (given in a clinic or infusion suite)
    _Drug("infliximab", ("Remicade",), ("100 mg single-dose vial",),
          ("5 mg/kg IV at weeks 0, 2 and 6, then every 8 weeks",), ("4 vials", 56), "ra",
          ("M05.79", "M06.9", "K50.90"), "vial", "J1745", "96365", "50", specialty=True),
    _Drug("vedolizumab", ("Entyvio",), ("300 mg single-dose vial",),
          ("300 mg IV at weeks 0, 2 and 6, then every 8 weeks",), ("1 vial", 56), "ibd", ("K50.90",), "vial",
          "J3380", "96365", "300", specialty=True),
    _Drug("ustekinumab", ("Stelara IV",), ("130 mg/26 mL single-dose vial",),
          ("Single weight-based IV induction dose (about 6 mg/kg)",), ("3 vials", 1), "ibd", ("K50.90",), "vial",
          "J3358", "96365", "390", specialty=True),
    _Drug("golimumab", ("Simponi Aria",), ("50 mg/4 mL single-dose vial",),
          ("2 mg/kg IV at weeks 0 and 4, then every 8 weeks",), ("4 vials", 56), "ra", ("M05.79", "M06.9"), "vial",
          "J1602", "96365", "160", specialty=True),
    _Drug("abatacept", ("Orencia",), ("250 mg single-dose vial",),
          ("750 mg IV at weeks 0, 2 and 4, then every 4 weeks",), ("3 vials", 28), "ra", ("M05.79", "M06.9"), "vial",
          "J0129", "96365", "75", specialty=True),
    _Drug("denosumab", ("Prolia",), ("60 mg/mL prefilled syringe",), ("60 mg SC once every 6 months (in office)",),
          ("1 syringe", 182), "bone", ("M81.0",), "syringe", "J0897", "96372", "60"),
    _Drug("romosozumab-aqqg", ("Evenity",), ("105 mg/1.17 mL prefilled syringe",),
          ("210 mg SC (2 syringes) once monthly x 12 doses (in office)",), ("2 syringes", 30), "bone", ("M81.0",),
          "syringe", "J3111", "96372", "210"),
    _Drug("zoledronic acid", ("Reclast",), ("5 mg/100 mL solution",), ("5 mg IV over at least 15 minutes once yearly",),
          ("1 bottle", 365), "bone", ("M81.0",), "vial", "J3489", "96365", "5"),
    _Drug("eptinezumab-jjmr", ("Vyepti",), ("100 mg/mL single-dose vial",), ("100 mg IV every 3 months",),
          ("1 vial", 90), "migraine", ("G43.909",), "vial", "J3032", "96365", "100"),
    _Drug("onabotulinumtoxinA", ("Botox",), ("200 unit vial",),
          ("155 units IM divided across 31 sites every 12 weeks",), ("1 vial", 84), "migraine", ("G43.909",),
          "vial", "J0585", "64615", "200"),
    _Drug("ferric carboxymaltose", ("Injectafer",), ("750 mg/15 mL single-dose vial",),
          ("750 mg IV x 2 doses at least 7 days apart",), ("2 vials", 7), "iron", ("D50.0", "N92.0"), "vial",
          "J1439", "96365", "750"),
    _Drug("iron sucrose", ("Venofer",), ("200 mg/10 mL vial",), ("200 mg IV x 5 doses within 14 days",),
          ("5 vials", 14), "iron", ("D50.0", "N92.0"), "vial", "J1756", "96374", "200"),
    _Drug("leuprolide acetate", ("Lupron Depot 3.75 mg",), ("3.75 mg depot kit",), ("3.75 mg IM once monthly",),
          ("1 kit", 28), "gyn", ("N80.00", "D25.1"), "kit", "J1950", "96372", "1", female=True),
    _Drug("pembrolizumab", ("Keytruda",), ("100 mg/4 mL single-dose vial",), ("200 mg IV every 3 weeks",),
          ("2 vials", 21), "onc", ("C50.911", "C50.912", "Z17.0"), "vial", "J9271", "96413", "200", female=True),
    _Drug("pegfilgrastim", ("Neulasta",), ("6 mg/0.6 mL prefilled syringe",),
          ("6 mg SC once per chemotherapy cycle, 24 hours after chemotherapy",), ("1 syringe", 21), "onc",
          ("C50.911", "C50.912"), "syringe", "J2505", "96372", "12", female=True),
    _Drug("aflibercept", ("Eylea",), ("2 mg/0.05 mL single-dose vial",),
          ("2 mg intravitreal every 4 weeks x 3, then every 8 weeks",), ("1 vial", 28), "eye",
          ("H35.3211", "E11.3293"), "vial", "J0178", "67028", "2"),
    _Drug("faricimab-svoa", ("Vabysmo",), ("6 mg/0.05 mL single-dose vial",),
          ("6 mg intravitreal every 4 weeks x 4, then every 8-16 weeks",), ("1 vial", 28), "eye",
          ("H35.3211", "E11.3293"), "vial", "J2777", "67028", "60"),
    _Drug("ranibizumab", ("Lucentis",), ("0.5 mg/0.05 mL single-dose vial",), ("0.5 mg intravitreal once monthly",),
          ("1 vial", 28), "eye", ("H35.3211", "E11.3293"), "vial", "J2778", "67028", "5"),
    _Drug("mepolizumab", ("Nucala",), ("100 mg single-dose vial (in-office)",), ("100 mg SC every 4 weeks",),
          ("1 vial", 28), "copd", ("J44.9", "J44.1"), "vial", "J2182", "96372", "100"),
)

_ADMIN_DESC = {"96365": "IV infusion, initial, up to 1 hour", "96372": "Therapeutic injection, SC / IM",
               "96374": "IV push, single or initial drug", "96413": "Chemotherapy / complex biologic IV infusion, "
               "first hour", "64615": "Chemodenervation for chronic migraine", "67028": "Intravitreal injection"}

# Previous trials by kind: (drug, dose, outcome).
_PRIOR: dict[str, tuple[tuple[str, str, str], ...]] = {
    "diabetes": (("metformin", "1000 mg BID", "GI intolerance"), ("metformin ER", "2000 mg daily",
                                                                   "diarrhea, stopped"),
                 ("glipizide", "10 mg daily", "recurrent hypoglycemia"), ("sitagliptin", "100 mg daily",
                                                                          "A1c above goal"),
                 ("pioglitazone", "30 mg daily", "edema, weight gain")),
    "obesity": (("phentermine", "37.5 mg daily", "palpitations, BP rise"), ("orlistat", "120 mg TID", "GI effects"),
                ("naltrexone/bupropion ER", "2 tabs BID", "nausea"),
                ("supervised diet and exercise program", "", "lost 3% of body weight only")),
    "lipid": (("atorvastatin", "80 mg daily", "myalgias"), ("rosuvastatin", "40 mg daily", "LDL-C above goal"),
              ("ezetimibe", "10 mg daily", "LDL-C still above 100 mg/dL"),
              ("pravastatin", "40 mg daily", "myalgias, CK 3x ULN")),
    "ra": (("methotrexate", "20 mg weekly", "inadequate response"), ("hydroxychloroquine", "200 mg BID",
                                                                    "ineffective"),
           ("sulfasalazine", "1 g BID", "GI intolerance"), ("leflunomide", "20 mg daily", "elevated LFTs"),
           ("etanercept", "50 mg weekly", "injection-site reactions"),
           ("adalimumab", "40 mg every other week", "secondary loss of response")),
    "ibd": (("prednisone", "40 mg taper", "flare on taper"), ("budesonide", "9 mg daily", "steroid dependent"),
            ("azathioprine", "2.5 mg/kg daily", "leukopenia"), ("adalimumab", "40 mg every other week",
                                                                "loss of response"),
            ("mesalamine", "4.8 g daily", "ineffective")),
    "migraine": (("topiramate", "50 mg BID", "cognitive slowing"), ("propranolol ER", "80 mg daily", "fatigue"),
                 ("amitriptyline", "25 mg nightly", "weight gain, sedation"),
                 ("sumatriptan", "100 mg PRN", "partial relief"), ("erenumab", "70 mg monthly",
                                                                   "inadequate response")),
    "bone": (("alendronate", "70 mg weekly", "new vertebral fracture on therapy"),
             ("risedronate", "35 mg weekly", "esophagitis"), ("ibandronate", "150 mg monthly", "GI intolerance")),
    "copd": (("tiotropium", "18 mcg daily", "continued exacerbations"),
             ("fluticasone/umeclidinium/vilanterol", "1 inhalation daily", "2 exacerbations on therapy"),
             ("roflumilast", "500 mcg daily", "nausea, weight loss"),
             ("azithromycin", "250 mg three times weekly", "QTc prolongation")),
    "psych": (("sertraline", "200 mg daily", "partial response"), ("escitalopram", "20 mg daily",
                                                                   "sexual side effects"),
              ("bupropion XL", "300 mg daily", "insomnia, no benefit"), ("venlafaxine XR", "225 mg daily",
                                                                         "BP elevation")),
    "adhd": (("methylphenidate ER", "54 mg daily", "insomnia, appetite loss"),
             ("amphetamine/dextroamphetamine XR", "20 mg daily", "irritability"),
             ("atomoxetine", "80 mg daily", "inadequate response")),
    "epilepsy": (("levetiracetam", "1500 mg BID", "breakthrough seizures"), ("lamotrigine", "200 mg BID",
                                                                             "breakthrough seizures"),
                 ("lacosamide", "200 mg BID", "dizziness"), ("oxcarbazepine", "600 mg BID", "hyponatremia")),
    "sleep": (("modafinil", "200 mg daily", "persistent sleepiness"), ("CPAP", "nightly",
                                                                       "adherent, residual sleepiness"),
              ("caffeine / scheduled naps", "", "ineffective")),
    "gyn": (("norethindrone acetate", "5 mg daily", "breakthrough bleeding"),
            ("combined oral contraceptive", "daily", "ineffective"), ("naproxen", "500 mg BID",
                                                                      "inadequate pain control"),
            ("tranexamic acid", "1300 mg TID", "persistent heavy bleeding")),
    "iron": (("ferrous sulfate", "325 mg daily", "constipation, no Hgb rise"),
             ("ferrous gluconate", "324 mg BID", "GI intolerance"), ("polysaccharide iron", "150 mg daily",
                                                                     "ineffective")),
    "onc": (("letrozole", "2.5 mg daily", "continuing"), ("anastrozole", "1 mg daily", "arthralgias"),
            ("tamoxifen", "20 mg daily", "progression")),
    "eye": (("bevacizumab (intravitreal)", "1.25 mg every 4 weeks", "persistent fluid on OCT"),
            ("ranibizumab", "0.5 mg monthly", "suboptimal response")),
    "gerd": (("omeprazole", "40 mg BID", "persistent symptoms"), ("pantoprazole", "40 mg BID", "persistent symptoms"),
             ("famotidine", "40 mg BID", "ineffective")),
    "htn": (("losartan", "100 mg daily", "BP above goal"), ("lisinopril", "40 mg daily", "cough"),
            ("amlodipine", "10 mg daily", "ankle edema"), ("chlorthalidone", "25 mg daily", "hyponatremia")),
}

# Extra plan questions by kind: (question, answer is Yes).
_QUESTIONS: dict[str, tuple[tuple[str, bool], ...]] = {
    "diabetes": (("Is the drug prescribed for weight loss only?", False),
                 ("Will it be used with another drug of the same class?", False)),
    "obesity": (("Completed 6 months of a lifestyle / diet program?", True),
                ("BMI 30 or more, or 27 or more with a weight-related condition?", True)),
    "lipid": (("Is the patient on a maximally tolerated statin (or intolerant)?", True),
              ("Is the LDL-C above goal despite current therapy?", True)),
    "ra": (("Negative TB screening within the past 12 months?", True),
           ("Will the drug be used with another biologic or JAK inhibitor?", False)),
    "ibd": (("Moderate to severe disease confirmed by endoscopy?", True),
            ("Negative TB screening within the past 12 months?", True)),
    "migraine": (("Four or more migraine days per month?", True),
                 ("Tried two preventive drugs of different classes?", True)),
    "bone": (("T-score -2.5 or lower, or a fragility fracture?", True),
             ("Calcium and vitamin D supplementation in place?", True)),
    "copd": (("Blood eosinophils 300 cells/uL or higher?", True),
             ("Two or more exacerbations in the past 12 months?", True)),
    "psych": (("Tried 2 antidepressants at adequate dose and duration?", True),
              ("Is the patient under the care of a psychiatrist?", True)),
    "adhd": (("State prescription monitoring program checked?", True),
             ("History of substance use disorder?", False)),
    "epilepsy": (("Will the drug be used as adjunctive therapy?", True),
                 ("Prescribed by or with a neurologist?", True)),
    "sleep": (("Is the underlying OSA treated (CPAP or other primary therapy)?", True),
              ("Epworth Sleepiness Scale score above 10?", True)),
    "gyn": (("Tried hormonal therapy for at least 3 months?", True),
            ("Total treatment limited to 24 months?", True)),
    "iron": (("Tried oral iron for at least 8 weeks?", True), ("Ferritin below 30 ng/mL?", True)),
    "onc": (("Hormone receptor positive, HER2 negative disease?", True),
            ("Prescribed by an oncologist?", True)),
    "eye": (("Baseline OCT and visual acuity documented?", True), ("Prescribed by a retina specialist?", True)),
    "gerd": (("Tried two formulary PPIs for 8 weeks each?", True), ("EGD performed?", True)),
    "htn": (("Tried two formulary ARBs at maximum dose?", True), ("Home BP log attached?", True)),
}

_PRACTICES: dict[str, tuple[tuple[str, str], ...]] = {
    "diabetes": (("Willow Creek Family Medicine", "Family Medicine"),
                 ("Lakeview Endocrinology & Diabetes", "Endocrinology")),
    "obesity": (("Riverbend Weight Management Clinic", "Obesity Medicine"),
                ("Willow Creek Family Medicine", "Family Medicine")),
    "lipid": (("Pinecrest Cardiology Group", "Cardiology"), ("Heartland Preventive Cardiology", "Cardiology")),
    "ra": (("Stonebridge Rheumatology", "Rheumatology"), ("Tallgrass Arthritis & Rheumatology", "Rheumatology")),
    "ibd": (("Cedar Hollow Gastroenterology", "Gastroenterology"), ("Tri-County Digestive Health",
                                                                    "Gastroenterology")),
    "migraine": (("Brookfield Neurology & Headache Center", "Neurology"),
                 ("Riverside Neuroscience Associates", "Neurology")),
    "bone": (("Granite Peak Endocrine & Bone Health", "Endocrinology"),
             ("Willow Creek Family Medicine", "Internal Medicine")),
    "copd": (("Prairie Pulmonary & Critical Care", "Pulmonology"), ("Ridgeline Lung & Chest Associates",
                                                                    "Pulmonology")),
    "psych": (("Stillwater Psychiatric Associates", "Psychiatry"), ("Beacon Behavioral Health", "Psychiatry")),
    "adhd": (("Stillwater Psychiatric Associates", "Psychiatry"), ("Beacon Behavioral Health", "Psychiatry")),
    "epilepsy": (("Riverside Neuroscience Associates", "Neurology"),
                 ("Brookfield Comprehensive Epilepsy Program", "Epileptology")),
    "sleep": (("Meadowbrook Sleep Center", "Sleep Medicine"),),
    "gyn": (("Willowbrook Women's Health", "Obstetrics & Gynecology"), ("Fairhaven OB/GYN Associates",
                                                                        "Gynecology")),
    "iron": (("Copperfield Hematology & Oncology", "Hematology"), ("Willow Creek Family Medicine",
                                                                   "Internal Medicine")),
    "onc": (("Copperfield Oncology Clinic", "Medical Oncology"),),
    "eye": (("Lakeside Retina & Cataract Center", "Ophthalmology (Retina)"),),
    "gerd": (("Cedar Hollow Gastroenterology", "Gastroenterology"),),
    "htn": (("Willow Creek Family Medicine", "Internal Medicine"),),
}
_SPECIALTY_PHARMACIES = ("Keelwater Specialty Pharmacy", "Lanternfield Specialty Rx", "Bayview Specialty Pharmacy",
                         "Northfield Specialty Pharmacy Services")
_RETAIL_PHARMACIES = ("Juniper Square Pharmacy #0412", "Brightwater Community Pharmacy", "Foundry Park Drug",
                      "Harbor Blvd Apothecary", "Meridian Avenue Pharmacy #2271")
_INFUSION_SITES = ("Harborpoint Ambulatory Infusion Center", "Mercy Valley Hospital - Outpatient Infusion",
                   "Silverleaf Infusion Partners", "Tallgrass Specialty Infusion")
_OFFICE_ONLY = frozenset({"eye", "bone", "gyn", "migraine", "copd"})  # kinds whose clinic drugs the office gives
_EHRS = ("ChartBridge EHR", "Medlinq Clinical", "NorthPeak Practice Suite", "Cardinalis EHR")
_CONTACTS = ("Brielle Saunders, MA", "Tomas Ferreira, LPN", "Kiana Holt, PA coordinator", "Paloma Restrepo, CMA",
             "Garrett Lindahl, office manager", "Desmond Achebe, RN")
_LETTER_DEPTS = ("Pharmacy Prior Authorization Department", "Pharmacy Services - Exceptions", "Medical Drug Review")
_EPA_STATUS = ("Sent to plan", "Submitted", "Question set answered")
_PCNS = ("ADV", "MEDDADV", "RXPLAN", "PCN01", "9999", "MCAIDRX", "CTRXP", "ASPROD1")

# --- labels -------------------------------------------------------------------------------------------------------
_MEMBER_ANY = ("Member ID", "Member ID #", "Cardholder ID", "ID # (from card)", "Subscriber ID", "Member Number",
               "Insurance ID #")
_MEMBER_STYLE = {"mbi": ("Medicare ID (MBI)", "Medicare Beneficiary ID"), "medicaid": ("Medicaid ID", "Medicaid ID #",
                                                                                       "Recipient ID"),
                 "blue": ("Subscriber ID (incl. prefix)", "Member ID (with alpha prefix)"),
                 "generic": ("Member No.",)}
_DOB_LABELS = ("DOB", "Date of Birth", "Birthdate", "D.O.B.", "Pt DOB", "Member DOB", "Birth date")
_NEW_S = ("Requested start date", "Date therapy to begin", "Start date", "Anticipated start date",
          "Therapy start date", "Requested start of therapy", "Begin therapy on")
_PAST_S = ("Start date", "Requested start date", "Coverage requested from", "Therapy start date")
_MED_S = ("Date of service (in-office administration)", "Planned administration date", "Requested date of first dose",
          "Date of service", "First dose scheduled", "Administration date (requested)")
_MED_PAST_S = ("Date of service", "Date of service (in-office administration)", "Administration date")
_CONT_S = ("Requested renewal start date", "Continuation period begins", "Renewal start date",
           "Continue therapy from", "Start of requested period", "Re-authorization start date")
_REQUEST_TYPES = ("prior authorization", "step therapy exception", "formulary exception", "quantity limit exception",
                  "tier exception")
_DEFINITIONS = (
    "I certify that applying the standard review time frame may seriously jeopardize the life or health of the "
    "patient or the patient's ability to regain maximum function.",
    "Expedited review: by checking this box the prescriber certifies that applying the standard review time frame "
    "may seriously jeopardize the life or health of the patient or the patient's ability to regain maximum "
    "function.",
    "Check Expedited only if waiting for a standard decision could seriously jeopardize the patient's life, health "
    "or ability to regain maximum function. Requests without this certification are reviewed as standard.",
)


@dataclass
class _Ctx:
    """Everything one request prints, decided once; the layouts only arrange it."""

    case: Case
    rng: Random
    f: Fmt
    month_style: str
    drug: _Drug
    brand: str
    strength: str
    sig: str
    qty: str
    days: int
    refills: str
    ndc: str
    medical: bool
    admin_printed: bool
    dx: list[tuple[str, str]]
    undotted: bool
    mode: str  # new | continuation
    request_type: str
    dates: dict[str, dt.date]
    has_s: bool  # the document prints the service date
    s_label: str
    name_rows: list[tuple[str, str]]
    name_shown: str
    name: str  # as printed ("" when split into boxes)
    person: str
    dob: str
    dob_label: str
    member_label: str
    bin: str
    pcn: str
    rx_group: str
    practice: str
    specialty: str
    dea: str
    license: str
    tin: str
    contact: str
    pharmacy: str
    pharmacy_npi: str | None  # printed with an NPI label when not None
    ncpdp: str
    site: str  # medical benefit: where the drug is given
    site_npi: str | None
    site_same: bool
    trials: list[tuple[str, str, str, str]]  # drug and dose, start, stop, outcome
    first_tried: str  # the most recent drug tried, by name
    labs: list[tuple[str, str, str]]  # test, result, date
    weight: str
    with_ref: bool

    def code(self, icd: str) -> str:
        return icd.replace(".", "") if self.undotted else icd

    @property
    def label(self) -> str:
        """`Brand (generic)` as most forms name the drug."""
        return f"{self.brand} ({self.drug.generic})"


# --- the timeline -----------------------------------------------------------------------------------------------
def _timeline(case: Case, rng: Random, mode: str) -> dict[str, dt.date]:
    """The service date S and every distracting date: none equal to S, the DOB, the fax date or one another."""
    s = case.service_date
    faxed = case.fax.sent.date()
    signed = faxed if case.signature_date == s else case.signature_date
    taken = {s, case.dob, faxed, signed}
    t: dict[str, dt.date] = {"s": s, "faxed": faxed, "signed": signed}
    t["written"] = distinct_date(signed - rng.randint(1, 9) * _DAY, taken)
    t["visit"] = distinct_date(min(t["written"], s) - rng.randint(1, 25) * _DAY, taken)
    t["labs"] = distinct_date(t["visit"] - rng.randint(1, 40) * _DAY, taken)
    t["labs2"] = distinct_date(t["labs"] - rng.randint(60, 220) * _DAY, taken)
    adult = case.dob + 17 * 366 * _DAY
    if mode == "continuation":
        t["prev_end"] = distinct_date(s - rng.randint(1, 3) * _DAY, taken)
        t["prev_start"] = distinct_date(t["prev_end"] - rng.choice((182, 182, 364, 90)) * _DAY, taken)
        t["first_started"] = distinct_date(max(t["prev_start"] - rng.randint(0, 400) * _DAY, adult), taken)
        t["last_fill"] = distinct_date(signed - rng.randint(3, 26) * _DAY, taken)
        cursor = t["first_started"] - rng.randint(10, 60) * _DAY
    else:
        cursor = t["visit"] - rng.randint(15, 90) * _DAY
    # Previous trials, from the most recent back: each stopped before the next began.
    for i in range(3):
        stop = distinct_date(max(cursor, adult + 200 * _DAY), taken)
        start = distinct_date(max(stop - rng.randint(60, 300) * _DAY, adult), taken)
        t[f"trial{i}_start"], t[f"trial{i}_stop"] = start, stop
        cursor = start - rng.randint(10, 90) * _DAY
    t["dx"] = distinct_date(max(cursor - rng.randint(30, 900) * _DAY, adult - 200 * _DAY), taken)
    for key, day in t.items():
        if key != "s" and day == s:
            raise AssertionError(f"pharmacy timeline: {key} equals the service date")
    return t


# --- what is requested ------------------------------------------------------------------------------------------
def _allowed(drug: _Drug, case: Case) -> bool:
    return (case.sex == "F" or not drug.female) and any(code in billable_icd10() for code in drug.indications)


def _pick(case: Case, rng: Random) -> tuple[_Drug, list[tuple[str, str]]]:
    """The drug (the case's J-code when the catalogue has it, else one for its diagnoses) and the diagnoses to print
    (the indication first)."""
    billable = billable_icd10()
    case_dx = [(c, d) for c, d in case.icd10 if c in billable and not (case.sex == "M" and c in _FEMALE_DX)]
    jcodes = {c for c, _ in case.hcpcs}
    own = [d for d in _DRUGS if d.jcode and d.jcode in jcodes and _allowed(d, case)]
    if own:
        drug = rng.choice(own)
    else:
        codes = {c for c, _ in case_dx}
        matching = [d for d in _DRUGS if _allowed(d, case) and codes & set(d.indications)]
        if matching:
            medical = [d for d in matching if d.jcode]
            pharmacy = [d for d in matching if not d.jcode]
            drug = rng.choice(medical if medical and (not pharmacy or rng.random() < 0.3) else pharmacy)
        else:
            drug = rng.choice([d for d in _DRUGS if _allowed(d, case)])
    fitting = [x for x in case_dx if x[0] in drug.indications and not x[0].startswith("Z")]
    if fitting:
        primary = fitting[0]
    else:
        code = next(c for c in drug.indications if c in billable and not c.startswith("Z"))
        primary = (code, _ICD_DESC[code])
    rest = [x for x in case_dx if x != primary]
    rest.sort(key=lambda x: x[0] not in drug.indications)  # related codes (Z68.41, Z17.0) right after
    return drug, [primary, *rest][: rng.randint(1, 3)]


def _ndc(rng: Random) -> str:
    """An invented NDC: 5-4-2 with dashes, or the 11-digit billing form."""
    parts = (f"{rng.randint(10000, 79999):05d}", f"{rng.randint(0, 9999):04d}", f"{rng.randint(1, 99):02d}")
    return "-".join(parts) if rng.random() < 0.7 else "".join(parts)


def _dea(rng: Random, last: str) -> str:
    """A DEA-shaped number: registrant letter, the surname's initial, 6 digits and the check digit."""
    digits = [rng.randint(0, 9) for _ in range(6)]
    check = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    return rng.choice("ABFGM") + last[0].upper() + "".join(map(str, digits)) + str(check)


def _labs(c_rng: Random, drug: _Drug, dx: list[tuple[str, str]], bmi: float) -> list[tuple[str, str, str]]:
    """(test, result, which date) rows for the drug's kind; `labs2` is an older value of the trend."""
    r = c_rng
    kind = drug.kind
    if kind == "diabetes":
        a1c = r.uniform(8.1, 10.6)
        older = a1c + r.uniform(0.2, 1.4)
        return [("Hemoglobin A1c", f"{a1c:.1f}%", "labs"), ("Hemoglobin A1c (prior)", f"{older:.1f}%", "labs2"),
                ("eGFR", f"{r.randint(45, 95)} mL/min/1.73m2", "labs"), ("BMI", f"{bmi:.1f} kg/m2", "labs")]
    if kind == "obesity":
        return [("BMI", f"{bmi:.1f} kg/m2", "labs"), ("BMI (prior visit)", f"{bmi + r.uniform(0.4, 2.2):.1f} kg/m2",
                                                      "labs2"),
                ("Hemoglobin A1c", f"{r.uniform(5.6, 6.4):.1f}%", "labs")]
    if kind == "lipid":
        ldl = r.randint(150, 230)
        return [("LDL-C", f"{ldl} mg/dL", "labs"), ("LDL-C (on statin)", f"{ldl + r.randint(-25, 10)} mg/dL", "labs2"),
                ("Triglycerides", f"{r.randint(110, 260)} mg/dL", "labs"), ("CK", f"{r.randint(90, 420)} U/L", "labs")]
    if kind == "ra":
        return [("CRP", f"{r.uniform(8, 40):.1f} mg/L", "labs"), ("ESR", f"{r.randint(28, 70)} mm/hr", "labs"),
                ("CDAI", f"{r.randint(23, 41)}", "labs"), ("QuantiFERON-TB Gold", "negative", "labs2")]
    if kind == "ibd":
        return [("CRP", f"{r.uniform(9, 45):.1f} mg/L", "labs"),
                ("Fecal calprotectin", f"{r.randint(300, 1200)} mcg/g", "labs"),
                ("Albumin", f"{r.uniform(2.8, 3.6):.1f} g/dL", "labs"), ("QuantiFERON-TB Gold", "negative", "labs2")]
    if kind == "migraine":
        return [("Migraine days per month", f"{r.randint(8, 22)}", "labs"), ("MIDAS score", f"{r.randint(21, 80)}",
                                                                             "labs")]
    if kind == "bone":
        return [("DXA T-score (L-spine)", f"-{r.uniform(2.5, 3.8):.1f}", "labs2"),
                ("25-OH vitamin D", f"{r.randint(31, 58)} ng/mL", "labs"),
                ("Serum calcium", f"{r.uniform(8.7, 10.1):.1f} mg/dL", "labs"),
                ("CrCl", f"{r.randint(40, 95)} mL/min", "labs")]
    if kind == "copd":
        return [("FEV1", f"{r.randint(32, 60)}% predicted", "labs2"),
                ("Blood eosinophils", f"{r.randint(300, 620)} cells/uL", "labs"),
                ("Exacerbations, past 12 months", f"{r.randint(2, 4)} ({r.randint(1, 2)} requiring admission)", "labs")]
    if kind == "psych":
        return [("PHQ-9", f"{r.randint(16, 24)}", "labs"), ("PHQ-9 (prior)", f"{r.randint(18, 26)}", "labs2")]
    if kind == "adhd":
        return [("ASRS v1.1 Part A", f"{r.randint(4, 6)}/6 positive", "labs"),
                ("BP / HR", f"{r.randint(112, 134)}/{r.randint(70, 84)}, HR {r.randint(64, 88)}", "labs")]
    if kind == "epilepsy":
        return [("Seizure frequency", f"{r.randint(2, 6)} focal seizures per month", "labs"),
                ("EEG", r.choice(("left temporal sharp waves", "right frontal spikes")), "labs2")]
    if kind == "sleep":
        return [("Epworth Sleepiness Scale", f"{r.randint(14, 20)}", "labs"),
                ("AHI (polysomnogram)", f"{r.randint(18, 45)} events/hr", "labs2"),
                ("CPAP use 4+ h/night", f"{r.randint(72, 94)}% of nights", "labs")]
    if kind == "gyn":
        return [("Hemoglobin", f"{r.uniform(8.6, 11.4):.1f} g/dL", "labs"),
                ("Pelvic ultrasound", r.choice(("4.8 cm intramural fibroid", "uterus 13 cm, multiple fibroids",
                                                "endometrioma 3.1 cm, left ovary")), "labs2"),
                ("Pain score (NRS)", f"{r.randint(6, 9)}/10", "labs")]
    if kind == "iron":
        return [("Hemoglobin", f"{r.uniform(7.6, 10.4):.1f} g/dL", "labs"),
                ("Ferritin", f"{r.randint(3, 14)} ng/mL", "labs"), ("TSAT", f"{r.randint(3, 12)}%", "labs")]
    if kind == "onc":
        return [("ER / PR / HER2", "ER+ 95% / PR+ 60% / HER2 negative (IHC 1+)", "labs2"),
                ("ECOG performance status", r.choice(("0", "1")), "labs"),
                ("ANC", f"{r.uniform(1.8, 4.9):.1f} x10^3/uL", "labs")]
    if kind == "eye":
        return [("Visual acuity (affected eye)", r.choice(("20/80", "20/60", "20/100")), "labs"),
                ("OCT central subfield thickness", f"{r.randint(350, 520)} microns", "labs")]
    if kind == "gerd":
        return [("EGD", r.choice(("LA grade B esophagitis", "LA grade C esophagitis")), "labs2")]
    return [("Blood pressure", f"{r.randint(148, 168)}/{r.randint(92, 104)} mmHg", "labs"),
            ("Potassium", f"{r.uniform(3.6, 4.9):.1f} mmol/L", "labs"),
            ("Creatinine", f"{r.uniform(0.7, 1.3):.2f} mg/dL", "labs")]


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _fmt(day, ds)

    drug, dx = _pick(case, rng)
    medical = bool(drug.jcode)
    mode = rng.choice(("new", "new", "new", "continuation", "continuation"))
    dates = _timeline(case, rng, mode)
    s, signed = dates["s"], dates["signed"]
    if mode == "continuation":
        s_label = rng.choice(_CONT_S)
    elif medical and rng.random() < 0.6:
        s_label = rng.choice(_MED_S if s > signed else _MED_PAST_S)
    else:
        s_label = rng.choice(_NEW_S if s > signed else _PAST_S)
    if medical:
        request_type = "prior authorization"
    elif mode == "continuation":
        request_type = rng.choice(("prior authorization", "prior authorization", "quantity limit exception"))
    else:
        request_type = rng.choice((*_REQUEST_TYPES, "prior authorization", "step therapy exception"))

    # --- identity
    person = rng.choice(("Patient", "Member", "Patient/Member", "Cardholder", "Enrollee"))
    variant = rng.choice(("First Last", "Last, First", "LAST, FIRST", "LAST, First", "split"))
    if variant == "split":
        last_label, first_label = rng.choice((("Last Name", "First Name"), (f"{person} Last Name", "First Name"),
                                              ("Last", "First"), (f"{person} Last", f"{person} First")))
        name_rows = [(last_label, case.last), (first_label, case.first)]
        if rng.random() < 0.35:
            name_rows.append(("MI", rng.choice("ABCDEFGHJKLMNPRSTW")))
        name, name_shown = "", case.last
    else:
        name = {"First Last": case.full_name, "Last, First": f"{case.last}, {case.first}",
                "LAST, FIRST": f"{case.last.upper()}, {case.first.upper()}",
                "LAST, First": f"{case.last.upper()}, {case.first}"}[variant]
        labels = [f"{person} Name", "Patient Name", "Name"]
        if "," in name:
            labels += ["Name (Last, First)"] + ([f"{person} Name (Last, First)"] if len(person) < 8 else [])
        name_rows = [(rng.choice(labels), name)]
        name_shown = name
    style = case.plan_style if case.plan_style in _MEMBER_STYLE else "generic"
    member_label = rng.choice(_MEMBER_ANY + _MEMBER_STYLE[style])
    if person == "Cardholder" and rng.random() < 0.6:
        member_label = "Cardholder ID"
    dob_label = rng.choice(_DOB_LABELS + (("Date of birth (MM/DD/YYYY)",) if ds == "mdy" else ()))

    # --- prescriber, pharmacy, site of care
    rq, sv = case.requesting, case.servicing
    practice, specialty = rng.choice(_PRACTICES[drug.kind])
    license_no = rng.choice((f"{rq.state} {rng.randint(100000, 999999)}", f"MD{rng.randint(10000, 99999)}",
                             f"{rng.randint(25, 36)}.0{rng.randint(10000, 99999)}",
                             f"{rng.choice('GAC')}{rng.randint(10000, 99999)}"))
    other_npi = sv.npi if sv.npi != rq.npi else make_npi(rng)
    pharmacy = rng.choice(_SPECIALTY_PHARMACIES if drug.specialty else _RETAIL_PHARMACIES)
    pharmacy_npi = other_npi if not medical and rng.random() < 0.6 else None
    site, site_npi, site_same = "", None, False
    if medical:
        if drug.kind in _OFFICE_ONLY or drug.admin == "96372" or rng.random() < 0.35:
            site, site_same = f"{practice} (physician office)", True
        else:
            site = rng.choice(_INFUSION_SITES)
            site_npi = other_npi if rng.random() < 0.8 else None
    kg = rng.uniform(52, 130)
    height = rng.uniform(1.52, 1.90)
    bmi = kg / height**2
    if drug.kind == "obesity" or "Z68.41" in {c for c, _ in dx}:
        bmi = rng.uniform(40.0, 44.9) if "Z68.41" in {c for c, _ in dx} else rng.uniform(35.2, 46.8)
        kg = bmi * height**2
    weight = rng.choice((f"{kg:.1f} kg", f"{kg * 2.20462:.0f} lb"))

    # --- history and labs
    month_style = rng.choice(("num", "num", "mon", "iso"))
    options = [p for p in _PRIOR[drug.kind] if p[0].split()[0] not in drug.generic]
    picked = rng.sample(options, min(len(options), rng.randint(2, 3)))
    trials = []
    full = rng.random() < 0.2  # full dates rather than month / year
    for i, (med, dose, why) in enumerate(picked):
        start, stop = dates[f"trial{i}_start"], dates[f"trial{i}_stop"]
        shown = (f(start), f(stop)) if full else (_month(start, month_style), _month(stop, month_style))
        if why == "continuing":
            shown = (shown[0], "ongoing")
        trials.append((f"{med} {dose}".strip(), shown[0], shown[1], why))
    labs = [(test, result, f(dates[which])) for test, result, which in _labs(rng, drug, dx, bmi)]
    strength = rng.choice(drug.strengths)
    qty, days = drug.qty
    ctx = _Ctx(
        case=case, rng=rng, f=f, month_style=month_style, drug=drug, brand=rng.choice(drug.brands),
        strength=strength, sig=rng.choice(drug.sigs), qty=qty, days=days,
        refills=rng.choice(("0", "0", "1") if drug.schedule == "C-II" or medical else ("5", "11", "3", "2")),
        ndc=_ndc(rng), medical=medical, admin_printed=medical and rng.random() < 0.65, dx=dx,
        undotted=rng.random() < 0.2, mode=mode, request_type=request_type, dates=dates,
        has_s=rng.random() < 0.78, s_label=s_label, name_rows=name_rows, name_shown=name_shown, name=name,
        person=person, dob=_fmt(case.dob, "mdy" if rng.random() < 0.25 else ds), dob_label=dob_label,
        member_label=member_label, bin=f"{rng.randint(0, 999999):06d}", pcn=rng.choice(_PCNS),
        rx_group=rng.choice((f"RX{rng.randint(1000, 9999)}", f"{rng.randint(10000, 99999)}A",
                             f"GRP{rng.randint(100, 999)}")),
        practice=practice, specialty=specialty, dea=_dea(rng, rq.name.split()[-2]), license=license_no,
        tin=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}", contact=rng.choice(_CONTACTS),
        pharmacy=pharmacy, pharmacy_npi=pharmacy_npi, ncpdp=f"{rng.randint(0, 9999999):07d}", site=site,
        site_npi=site_npi, site_same=site_same, trials=trials, first_tried=picked[0][0],
        labs=labs, weight=weight,
        with_ref=mode == "continuation" and rng.random() < 0.6,
    )
    return ctx


# --- pieces the layouts share -----------------------------------------------------------------------------------
def _identity_rows(c: _Ctx, *, enrollee: bool = False) -> tuple[list[tuple[str, str]], tuple[str | None, ...]]:
    """Name, DOB, sex and member ID (keyed for annotation), then the pharmacy-card numbers beside them."""
    rng, case = c.rng, c.case
    name_rows = c.name_rows
    dob_label, member_label = c.dob_label, c.member_label
    if enrollee:
        if c.name:
            name_rows = [("Enrollee's name", c.name)]
        dob_label, member_label = "Enrollee's date of birth", rng.choice(("Enrollee's Member ID #", c.member_label))
    rows = [*name_rows, (dob_label, c.dob)]
    if rng.random() < 0.6:
        rows.append(("Sex", {"F": "Female", "M": "Male"}[case.sex] if rng.random() < 0.5 else case.sex))
    rows.append((member_label, case.policy_printed))
    keys: tuple[str | None, ...] = (None,) * (len(rows) - 1) + ("policy_id",)
    return rows, keys


def _card_rows(c: _Ctx) -> list[tuple[str, str]]:
    """Rx BIN, PCN, Rx Group and Group # as the member's card prints them (distractors)."""
    rng, case = c.rng, c.case
    rows = [("Health plan", case.plan)]
    if rng.random() < 0.5:
        rows.append(("Rx BIN / PCN", f"{c.bin} / {c.pcn}"))
    else:
        rows += [("Rx BIN", c.bin), ("PCN", c.pcn)]
    if rng.random() < 0.6:
        rows.append(("Rx Group", c.rx_group))
    rows.append((rng.choice(("Group #", "Group No.", "Employer Group")), case.group_number))
    if rng.random() < 0.4:
        rows.append(("Member phone", fictional_phone(rng)))
    return rows


def _prescriber_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng, rq = c.rng, c.case.requesting
    rows = [(rng.choice(("Prescriber name", "Prescriber", "Prescribing physician")), rq.name),
            (rng.choice(("Prescriber NPI", "NPI #", "NPI", "Prescriber's NPI", "Individual NPI")), rq.npi),
            ("Specialty", c.specialty)]
    if c.drug.schedule or rng.random() < 0.45:
        rows.append((rng.choice(("DEA #", "DEA")), c.dea))
    if rng.random() < 0.45:
        rows.append((rng.choice(("State license #", "Lic. #", "Medical license")), c.license))
    if rng.random() < 0.4:
        rows.append((rng.choice(("Tax ID", "TIN")), c.tin))
    rows += [("Practice", c.practice), ("Address", f"{rq.street}, {rq.city}, {rq.state} {rq.zip}"),
             (rng.choice(("Phone", "Office phone")), rq.phone),
             (rng.choice(("Fax", "Office fax", "Secure fax")), rq.fax)]
    if rng.random() < 0.5:
        rows.append((rng.choice(("Office contact", "Contact person")), c.contact))
    return rows


def _pharmacy_rows(c: _Ctx) -> tuple[str, list[tuple[str, str]]]:
    """The dispensing pharmacy (pharmacy benefit) or the place the drug is given (medical benefit)."""
    rng = c.rng
    city, state = rng.choice(CITIES)
    addr = f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} {rng.randint(10000, 99899):05d}"
    if c.medical:
        rows = [(rng.choice(("Site of administration", "Where will the drug be given", "Servicing site")), c.site)]
        if c.site_same:
            if rng.random() < 0.5:
                rows.append(("Site NPI", "same as prescriber"))
        else:
            if c.site_npi:
                rows.append((rng.choice(("Site NPI", "Facility NPI", "Servicing NPI")), c.site_npi))
            rows += [("Site address", addr), ("Site phone", fictional_phone(rng))]
        rows.append(("Drug supplied by", rng.choice(("buy and bill (office stock)", "buy and bill",
                                                     f"{rng.choice(_SPECIALTY_PHARMACIES)} (white bag)"))))
        return rng.choice(("Site of Care", "ADMINISTRATION / SITE OF CARE", "Servicing Provider")), rows
    rows = [(rng.choice(("Dispensing pharmacy", "Pharmacy name", "Pharmacy")), c.pharmacy)]
    id_label = rng.choice(("NCPDP #", "NABP #", "NCPDP ID", "NCPDP/NABP"))
    if c.pharmacy_npi:
        npi_row = (rng.choice(("Pharmacy NPI", "NPI")), c.pharmacy_npi)
        rows += [npi_row, (id_label, c.ncpdp)] if rng.random() < 0.5 else [(id_label, c.ncpdp), npi_row]
    else:
        rows.append((id_label, c.ncpdp))
    rows += [("Pharmacy phone", fictional_phone(rng)), ("Pharmacy fax", fictional_phone(rng))]
    if rng.random() < 0.4:
        rows.append(("Pharmacy address", addr))
    return rng.choice(("Pharmacy", "DISPENSING PHARMACY", "Pharmacy Information")), rows


def _s_text(c: _Ctx) -> str:
    return c.f(c.dates["s"])


def _drug_rows(c: _Ctx, with_s: bool) -> list[tuple[str, str]]:
    """The medication grid: name, strength, directions, quantity, NDC, J-code and units; the service date when it
    goes here, among the date written and (continuations) the date therapy first started."""
    rng, f, d = c.rng, c.f, c.dates
    rows = [(rng.choice(("Medication requested", "Drug name", "Medication name")), c.label),
            (rng.choice(("Strength / dosage form", "Strength", "Strength and form")), c.strength),
            (rng.choice(("Directions (sig)", "Directions", "Dose and frequency", "Sig")), c.sig)]
    if rng.random() < 0.5:
        rows.append(("Quantity", f"{c.qty} / {c.days} days"))
    else:
        rows += [(rng.choice(("Quantity", "Qty")), c.qty), (rng.choice(("Days' supply", "Days supply")), str(c.days))]
    if not c.medical or rng.random() < 0.3:
        rows.append(("Refills", c.refills))
    rows.append(("NDC", c.ndc))
    if c.medical:
        rows.append((rng.choice(("HCPCS", "J-code", "HCPCS code")), c.drug.jcode))
        rows.append((rng.choice(("Billing units per dose", "Units", "HCPCS units")), c.drug.units))
        if c.admin_printed:
            rows.append((rng.choice(("Administration CPT", "Admin code (CPT)", "CPT (administration)")),
                         f"{c.drug.admin} - {_ADMIN_DESC[c.drug.admin]}"))
    if c.request_type == "quantity limit exception":
        rows.append(("Plan quantity limit", rng.choice(("1 per 28 days", "half the requested quantity",
                                                        "30 per 30 days"))))
    rows.append((rng.choice(("Date written", "Rx date", "Date of prescription")), f(d["written"])))
    if c.mode == "continuation":
        rows.append((rng.choice(("Date patient started this drug", "Therapy initiated", "On this drug since")),
                     f(d["first_started"])))
    if with_s:
        rows.insert(rng.randint(3, len(rows)), (c.s_label, _s_text(c)))
    return rows


def _continuation_rows(c: _Ctx) -> list[tuple[str, str]]:
    """A continuation's history: last approval, the current authorization's end, the last fill, the auth number."""
    rng, f, d = c.rng, c.f, c.dates
    if c.mode != "continuation":
        return [("Is this a continuation of therapy?", "No - new start")]
    rows = [("Is this a continuation of therapy?", "Yes"),
            (rng.choice(("Date of last approval", "Last approved on", "Previous approval date")), f(d["prev_start"])),
            (rng.choice(("Current authorization ends", "Approved through", "Current approval expires")),
             f(d["prev_end"])),
            (rng.choice(("Last fill date", "Date last filled", "Last dispensed")), f(d["last_fill"]))]
    if c.with_ref:
        rows.insert(1, (rng.choice(("Previous authorization #", "Prior auth #", "Existing PA number")),
                        c.case.reference_id))
    return rows


def _dx_blocks(c: _Ctx) -> list[Block]:
    rng, f = c.rng, c.f
    dx_date = f(c.dates["dx"])
    how = rng.randrange(3)
    if how == 0:
        rows = tuple(("Primary" if i == 0 else "Secondary", c.code(code), desc) for i, (code, desc) in enumerate(c.dx))
        return [Table(("", "ICD-10-CM", "Description"), rows, widths=(1.0, 1.2, 4.4),
                      heading=rng.choice(("Diagnosis", "DIAGNOSIS (ICD-10)", "Diagnoses"))),
                Text(f"{rng.choice(('Date of diagnosis', 'Diagnosed', 'Dx date'))}: {dx_date}", size=8.5)]
    if how == 1:
        lines = [f"{'Primary' if i == 0 else 'Other'} Dx: {c.code(code)} - {desc}"
                 for i, (code, desc) in enumerate(c.dx)]
        return [Text(rng.choice(("Diagnosis", "DIAGNOSIS / ICD-10 CODE(S)")), bold=True),
                Text("\n".join(lines) + f"\nDiagnosed {dx_date}")]
    rows = [("Primary ICD-10", f"{c.code(c.dx[0][0])} {c.dx[0][1]}")]
    if len(c.dx) > 1:
        rows.append(("Other ICD-10", ", ".join(c.code(code) for code, _ in c.dx[1:])))
    rows.append((rng.choice(("Date of diagnosis", "Dx date")), dx_date))
    return [kv(rows, "Diagnosis", cols=1)]


def _trials_table(c: _Ctx) -> Table:
    head = c.rng.choice((("Drug tried (name, dose)", "Start", "Stop", "Outcome"),
                         ("Medication tried", "Date started", "Date stopped", "Reason stopped / result"),
                         ("Previous drug", "From", "To", "Failure or intolerance")))
    return Table(head, tuple(c.trials), widths=(2.8, 1.0, 1.0, 2.2),
                 heading=c.rng.choice(("Medications tried and failed", "DRUG HISTORY", "Previous therapies "
                                       "(step therapy)")))


def _trials_prose(c: _Ctx) -> str:
    parts = []
    for med, start, stop, why in c.trials:
        span = f"since {start}" if stop == "ongoing" else f"{start} - {stop}"
        parts.append(f"{med} ({span}): {why}")
    return "; ".join(parts)


def _labs_block(c: _Ctx) -> list[Block]:
    rng = c.rng
    if rng.random() < 0.5:
        return [Table(("Test", "Result", "Date"), tuple(c.labs), widths=(2.6, 2.6, 1.3),
                      heading=rng.choice(("Pertinent labs / measures", "LABS AND CLINICAL MEASURES",
                                          "Supporting results")))]
    lines = [f"{test} {result} on {day}" if rng.random() < 0.5 else f"{test}: {result} ({day})"
             for test, result, day in c.labs]
    return [Text(rng.choice(("Labs / measures", "Clinical values")), bold=True), Text("\n".join(lines))]


def _questions(c: _Ctx, numbered_from: int = 1) -> list[Block]:
    """Numbered clinical questions with Yes / No boxes."""
    rng = c.rng
    qs = [(f"Has the patient tried and failed {c.first_tried}?", True)]
    qs += list(_QUESTIONS[c.drug.kind])
    qs.append(("Is the patient currently receiving this drug?", c.mode == "continuation"))
    if c.drug.schedule:
        qs.append((f"Controlled substance ({c.drug.schedule}): prescriber DEA on file?", True))
    out: list[Block] = [Text(rng.choice(("Clinical Questions", "CLINICAL CRITERIA - answer every question",
                                         "Medical necessity questions")), bold=True)]
    for i, (q, yes) in enumerate(qs, numbered_from):
        label = f"{i}. {q}"
        items = (("Yes", yes, None), ("No", not yes, None))
        if len(label) <= 70:
            out.append(Checks(items, label=label))
        else:
            out += [Text(label), Checks(items, label="   ")]
    return out


def _expedite_reason(c: _Ctx) -> str:
    """Why the prescriber asks for an expedited review, in the prescriber's words."""
    rng, kind = c.rng, c.drug.kind
    why = {
        "onc": "oral cancer therapy must start without delay to avoid progression",
        "epilepsy": "the patient has had breakthrough seizures this week and is running out of medication",
        "diabetes": "glucose readings are above 350 mg/dL on the current regimen",
        "ibd": "the patient is in an active flare on steroids",
        "ra": "the patient is in a severe flare and cannot work",
        "eye": "active neovascular disease; vision loss is likely if treatment is delayed",
        "iron": "Hgb has fallen and transfusion is likely if treatment is delayed",
        "psych": "severe depression with a recent hospitalization; a gap in treatment risks relapse",
        "copd": "the patient was discharged after an exacerbation and is at high risk of readmission",
    }.get(kind, "the patient will be out of medication and a gap in therapy could seriously harm the patient")
    return rng.choice((f"Please expedite: {why}.", f"URGENT - {why}; I am requesting an expedited review.",
                       f"I am asking for an expedited decision because {why}.",
                       f"EXPEDITED REQUEST - {why}. Waiting for the standard time frame could seriously jeopardize "
                       "the patient's health."))


def _review_box(c: _Ctx) -> list[Block]:
    """The Standard / Expedited pair with the expedited definition printed beside it, ticked or not."""
    rng, urgent = c.rng, c.case.urgent
    std = rng.choice(("Standard", "Standard (decision within 72 hours)", "Standard review", "Non-urgent"))
    exp = rng.choice(("Expedited / Urgent", "Expedited (24 hours)", "URGENT", "Expedited"))
    items = ((std, not urgent, "non_urgent"), (exp, urgent, "urgent"))
    out: list[Block] = [Checks(items if rng.random() < 0.75 else items[::-1],
                               label=rng.choice(("Review type:", "Request type:", "Type of review:")))]
    out.append(Text(rng.choice(_DEFINITIONS), size=7.5))
    return out


def _comments(c: _Ctx, extra: str = "") -> list[Block]:
    """The prescriber's comments: urgent wording when the case is urgent, a plain note otherwise."""
    rng, f, d = c.rng, c.f, c.dates
    parts = []
    if c.case.urgent and rng.random() < 0.6:
        parts.append(_expedite_reason(c))
    note = rng.choice((f"Last office visit {f(d['visit'])}; chart notes attached.",
                       f"Seen {f(d['visit'])}. Office notes and labs enclosed.",
                       "Please see attached office notes.", ""))
    if note:
        parts.append(note)
    if extra:
        parts.append(extra)
    if not parts:
        return []
    return [Text(rng.choice(("Prescriber comments", "Additional information", "Comments")), bold=True),
            Text(" ".join(parts))]


def _sign_line(c: _Ctx) -> str:
    rng, rq, f = c.rng, c.case.requesting, c.f
    return rng.choice((f"Prescriber signature: {rq.name}    Date: {f(c.dates['signed'])}",
                       f"Signed electronically by {rq.name}  {f(c.dates['signed'])}",
                       f"Prescriber / authorized agent: {rq.name}    Date signed: {f(c.dates['signed'])}"))


def _running_header(c: _Ctx) -> Text:
    who = c.name or f"{c.case.last.upper()}, {c.case.first.upper()}"
    return Text(c.rng.choice((f"Patient: {who}   {c.dob_label}: {c.dob}   - page 2",
                              f"{who} | {c.member_label} {c.case.policy_printed} | continued")), size=8)


def _s_sentence(c: _Ctx) -> str:
    s = _s_text(c)
    rng = c.rng
    if c.mode == "continuation":
        return rng.choice((f"Please renew the authorization from {s} so there is no gap in therapy.",
                           f"We ask that the continuation period begin {s}."))
    where = "in our office" if c.site_same else f"at {c.site}"
    if c.medical and c.dates["s"] > c.dates["signed"]:
        return rng.choice((f"The first dose is scheduled {where} on {s}.",
                           f"We plan to administer the first dose on {s}, pending approval."))
    if c.medical:
        return rng.choice((f"The first dose was given {where} on {s}; please authorize from that date of service.",
                           f"Date of service of the first dose: {s}."))
    if c.dates["s"] > c.dates["signed"]:
        return rng.choice((f"I would like the patient to begin therapy on {s}.",
                           f"The requested start date is {s}.", f"Therapy is planned to start {s}."))
    return rng.choice((f"Please cover the drug from {s}, the date therapy began.",
                       f"The requested start date is {s}."))


def _blank_s(c: _Ctx) -> tuple[str, str]:
    """The service-date field left empty (the document then has no service date)."""
    return (c.rng.choice(("Requested start date", "Date therapy to begin", "Start date")),
            c.rng.choice(("________", "", "(not given)")))


# --- the four layouts -------------------------------------------------------------------------------------------
def _plan_form(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A plan's medication PA request form: sections, a medication grid, numbered Yes / No questions."""
    rng, case = c.rng, c.case
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "times"))
    style = Style(font, 8 if font == "dejavu_sans" else 8.5, rng.choice(("boxed", "boxed", "inline", "underline",
                                                                         "stacked")))
    cols = 3 if style.kv in ("boxed", "stacked") else 2
    placement = rng.choice(("drug", "drug", "question", "dates")) if c.has_s else rng.choice(("none", "blank"))
    title = rng.choice(("MEDICATION PRIOR AUTHORIZATION REQUEST FORM", "Specialty Medication Precertification Request")
                       + (("MEDICAL BENEFIT DRUG PRIOR AUTHORIZATION REQUEST", "Provider-Administered Drug Request")
                          if c.medical else ("Prescription Drug Prior Authorization Request",
                                             "Pharmacy Prior Authorization Request")))
    dept = "Clinical Pharmacy Review" if not c.medical else "Medical Drug Review"
    blocks: list[Block] = []
    if rng.random() < 0.55:
        blocks += [Banner(case.plan, f"{dept} - Fax {case.plan_fax} - Phone {case.plan_phone}"), Title(title, 12)]
    else:
        blocks += [Text(case.plan, bold=True, size=11), Title(title, 12, rng.choice(("center", "left"))),
                   Text(f"{dept}  |  Fax {case.plan_fax}  |  Phone {case.plan_phone}", size=8)]
    blocks.append(Text(rng.choice((
        f"Complete all sections; incomplete forms may delay the decision. Urgent requests: call {case.plan_phone}.",
        f"Please print clearly. For expedited requests call {case.plan_phone} (24 hours a day) after faxing.",
        "Attach chart notes and lab results. A decision is faxed to the prescriber.",
    )), size=7.5))
    blocks += _review_box(c)
    if not c.medical and rng.random() < 0.5:
        blocks.append(Checks(tuple((t.capitalize(), t == c.request_type, None) for t in _REQUEST_TYPES),
                             label="Request:"))
    id_rows, keys = _identity_rows(c)
    blocks.append(kv(id_rows + _card_rows(c), rng.choice(("SECTION A - MEMBER INFORMATION", "1. Member Information",
                                                           "Member")), cols=cols, keys=keys))
    blocks.append(kv(_prescriber_rows(c), rng.choice(("SECTION B - PRESCRIBER INFORMATION", "2. Prescriber",
                                                       "Prescriber Information")), cols=cols))
    heading, rows = _pharmacy_rows(c)
    blocks.append(kv(rows, heading, cols=cols))
    drug_rows = _drug_rows(c, placement == "drug")
    if placement == "blank":
        drug_rows.append(_blank_s(c))
    blocks.append(Checks((("Pharmacy benefit", not c.medical, None), ("Medical benefit", c.medical, None)),
                         label="Benefit:"))
    blocks.append(kv(drug_rows, rng.choice(("SECTION C - MEDICATION REQUESTED", "3. Medication", "Drug Requested")),
                      cols=cols))
    clinical: list[Block] = []
    if style.kv != "stacked" and rng.random() < 0.45:
        # Page 2 (diagnosis and clinical criteria) under a running header naming the patient.
        clinical += [PageBreak(), _running_header(c)]
    clinical += _dx_blocks(c) + _questions(c)
    if placement == "question":
        n = len(_QUESTIONS[c.drug.kind]) + 3 + (1 if c.drug.schedule else 0)
        clinical.append(kv([(f"{n}. {c.s_label}", _s_text(c))], cols=1))
    clinical.append(_trials_table(c))
    clinical += _labs_block(c)
    cont = _continuation_rows(c)
    if placement == "dates":
        cont.insert(rng.randint(1, len(cont)), (c.s_label, _s_text(c)))
    clinical.append(kv(cont, rng.choice(("Therapy status", "Continuation / dates", "Treatment history")), cols=2))
    clinical += _comments(c)
    clinical += [Gap(4), Rule(),
                 Text("I attest that the information on this form is accurate and supported by the medical record.",
                      size=7.5),
                 Text(_sign_line(c), size=8.5)]
    footer = rng.choice(("Form RX-PA-01 (rev. 02/2026)   Page {page} of {pages}", "Page {page} of {pages}",
                         f"{case.plan} - pharmacy prior authorization", ""))
    return blocks + clinical, style, footer


def _cd_form(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A coverage determination request in the style of a Medicare Part D exception form: enrollee wording, one box
    per kind of request, a drug history, an expedited-review box and the prescriber's supporting statement."""
    rng, case, f = c.rng, c.case, c.f
    font = rng.choice(("times", "liberation_serif", "helvetica"))
    style = Style(font, 9 if font != "helvetica" else 8.5, rng.choice(("inline", "underline", "underline")))
    placement = rng.choice(("drug", "statement")) if c.has_s else rng.choice(("none", "blank"))
    medicare = case.plan_style == "mbi"
    title = rng.choice(("Request for Medicare Prescription Drug Coverage Decision",
                        "PART D COVERAGE DETERMINATION REQUEST") if medicare else
                       ("Request for Prescription Drug Coverage Determination",
                        "DRUG COVERAGE DECISION REQUEST (EXCEPTIONS AND PRIOR AUTHORIZATION)"))
    blocks: list[Block] = [
        Title(title, 12.5),
        Text(f"Send this request to {case.plan}, Pharmacy Coverage Decisions, by fax to {case.plan_fax}. You may "
             f"also ask for a coverage decision by phone at {case.plan_phone}.", size=8),
    ]
    id_rows, keys = _identity_rows(c, enrollee=True)
    city, state = rng.choice(CITIES)
    id_rows.append(("Enrollee's address", f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} "
                                          f"{rng.randint(10000, 99899):05d}"))
    blocks.append(kv(id_rows, rng.choice(("Enrollee's Information", "ENROLLEE")), cols=2,
                      keys=(*keys, None)))
    if rng.random() < 0.5:
        blocks.append(kv([("Requestor (if not the enrollee)", rng.choice(("Prescriber's office", "________"))),
                           ("Relationship to enrollee", rng.choice(("Prescriber", "N/A")))], cols=2))
    blocks.append(Text("Name of drug requested (include strength and quantity requested per month):", bold=True))
    blocks.append(Text(f"{c.label} {c.strength} - {c.qty} per {c.days} days"))
    blocks.append(Text("Type of coverage decision requested", bold=True))
    options = (("prior authorization", "Prior authorization of the drug named above"),
               ("formulary exception", "The drug is not on the plan's drug list (formulary exception)"),
               ("step therapy exception", "Please waive the requirement to try another drug first (step therapy)"),
               ("quantity limit exception", "I need more than the plan's quantity limit (quantity limit exception)"),
               ("tier exception", "I ask for a lower cost-sharing tier for this drug (tier exception)"))
    for key, text in options:
        blocks.append(Checks(((text, key == c.request_type, None),)))
    rq = case.requesting
    presc = [("Prescriber's name", rq.name), ("NPI #", rq.npi), ("Address", f"{rq.street}, {rq.city}, {rq.state} "
                                                                           f"{rq.zip}"),
             ("Office phone", rq.phone), ("Office fax", rq.fax)]
    if c.drug.schedule or rng.random() < 0.4:
        presc.append(("DEA #", c.dea))
    if rng.random() < 0.4:
        presc.append(("Specialty", c.specialty))
    blocks.append(kv(presc, rng.choice(("Prescriber's Information", "PRESCRIBER")), cols=2))
    page2: list[Block] = [PageBreak(), _running_header(c)] if rng.random() < 0.5 else []
    med_rows = [("Drug and strength", f"{c.brand} {c.strength}"), ("Directions", c.sig),
                ("Quantity / days' supply", f"{c.qty} / {c.days}"), ("NDC", c.ndc)]
    if c.medical:
        med_rows.append(("HCPCS (if billed under the medical benefit)", c.drug.jcode))
        if c.admin_printed:
            med_rows.append(("Administration (CPT)", c.drug.admin))
    med_rows += [(row[0], row[1]) for row in _continuation_rows(c)]
    if c.mode == "continuation":
        med_rows.append(("Date therapy first started", f(c.dates["first_started"])))
    if placement == "drug":
        med_rows.append((f"{c.s_label} (if known)", _s_text(c)))
    elif placement == "blank":
        med_rows.append(("Date therapy to begin (if known)", rng.choice(("________", "unknown"))))
    page2.append(kv(med_rows, "Medication and Medical Information", cols=1))
    dx_text = "; ".join(f"{c.code(code)} {desc}" for code, desc in c.dx)
    page2.append(kv([("Diagnosis and ICD-10 code(s)", dx_text), ("Height / weight", f"{rng.randint(150, 193)} cm / "
                                                                                     f"{c.weight}"),
                      ("Drug allergies", rng.choice(("NKDA", "sulfa", "penicillin (rash)", "none known")))], cols=1))
    page2.append(Table(("Drugs tried", "Dates of trial", "", "Result (failure or intolerance)"),
                       tuple((m, a, b, w) for m, a, b, w in c.trials), widths=(2.6, 1.0, 1.0, 2.4),
                       heading="Drug history for this condition"))
    page2 += _labs_block(c) if rng.random() < 0.6 else []
    page2.append(Text("REQUEST FOR EXPEDITED REVIEW", bold=True))
    page2.append(Checks(((rng.choice(("Expedited review requested", "Request an expedited (24-hour) decision",
                                      "EXPEDITED")), case.urgent, "urgent"),)))
    page2.append(Text(rng.choice(_DEFINITIONS), size=7.5))
    statement = [rng.choice((f"{c.name or case.full_name} has {c.dx[0][1].lower()}. ",
                             f"My patient has {c.dx[0][1].lower()} (diagnosed {f(c.dates['dx'])}). "))]
    statement.append(f"Previous therapies: {_trials_prose(c)}. ")
    statement.append(rng.choice(("The formulary alternatives have been ineffective or not tolerated.",
                                 f"{c.brand} is medically necessary; the alternatives above failed.")))
    if case.urgent and rng.random() < 0.5:
        statement.append(" " + _expedite_reason(c))
    if placement == "statement":
        statement.append(" " + _s_sentence(c))
    page2 += [Text(rng.choice(("Prescriber's supporting statement", "Supporting information (required for "
                                                                    "exceptions)")), bold=True),
              Text("".join(statement)), Gap(4), Rule(), Text(_sign_line(c), size=8.5)]
    footer = rng.choice(("Coverage decision request  {page}/{pages}", "Page {page} of {pages}", ""))
    return blocks + page2, style, footer


def _letter(c: _Ctx) -> tuple[list[Block], Style, str]:
    """An exception or medical-necessity letter in prose, on practice letterhead."""
    rng, case, f, d, rq = c.rng, c.case, c.f, c.dates, c.case.requesting
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 9.5 if font != "dejavu_serif" else 9, "inline")
    placement = rng.choice(("prose", "prose", "re")) if c.has_s else rng.choice(("none", "none", "blank"))
    blocks: list[Block] = [
        Text(c.practice, bold=True, size=13),
        Text(f"{rq.street}, {rq.city}, {rq.state} {rq.zip}\nTel {rq.phone}   Fax {rq.fax}", size=8),
        Rule(),
        Text(f(d["signed"])),
        Text(f"{case.plan}\n{rng.choice(_LETTER_DEPTS)}\nVia fax: {case.plan_fax}"),
    ]
    kind_word = {"prior authorization": "prior authorization", "step therapy exception": "step therapy exception",
                 "formulary exception": "formulary exception", "quantity limit exception": "quantity limit exception",
                 "tier exception": "tiering exception"}[c.request_type]
    subject = rng.choice((f"Request for {kind_word} - {c.brand}", f"Letter of medical necessity - {c.brand} "
                          f"({c.drug.generic})", f"{kind_word.capitalize()}: {c.brand} {c.strength}"))
    id_rows, keys = _identity_rows(c)
    re_rows = [("RE", subject), *id_rows]
    re_keys: tuple[str | None, ...] = (None, *keys)
    if rng.random() < 0.4:
        re_rows += [("Rx BIN / PCN / Group", f"{c.bin} / {c.pcn} / {c.rx_group}")]
        re_keys = (*re_keys, None)
    if c.with_ref:
        re_rows.append((rng.choice(("Previous authorization #", "Prior auth #")), case.reference_id))
        re_keys = (*re_keys, None)
    if placement == "re":
        re_rows.append((c.s_label, _s_text(c)))
    elif placement == "blank":
        re_rows.append(_blank_s(c))
    blocks.append(kv(re_rows, cols=1, keys=re_keys))
    if case.urgent and rng.random() < 0.5:
        blocks.append(Text(rng.choice(("EXPEDITED REVIEW REQUESTED", "URGENT - PLEASE EXPEDITE")), bold=True))
    who = c.name or case.full_name
    honor = ("Ms." if case.sex == "F" else "Mr.") + f" {case.last}"
    body = [rng.choice(("Dear Clinical Pharmacist:", "To whom it may concern:", "Dear Reviewer:"))]
    intro = (f"I am writing on behalf of my patient, {who}, to request a {kind_word} for {c.label} {c.strength}, "
             f"{c.sig[0].lower()}{c.sig[1:]}.")
    if c.medical:
        intro += (f" The drug is given in {'our office' if c.site_same else c.site} and billed under the medical "
                  f"benefit as HCPCS {c.drug.jcode} ({c.drug.units} units per dose), NDC {c.ndc}")
        intro += f", with administration code {c.drug.admin}." if c.admin_printed else "."
    else:
        intro += f" The prescription is for {c.qty} per {c.days} days (NDC {c.ndc}), written {f(d['written'])}."
    if placement == "prose":
        intro += " " + _s_sentence(c)
    body.append(intro)
    dx = ", ".join(f"{desc.lower()} (ICD-10 {c.code(code)})" for code, desc in c.dx)
    labs = "; ".join(f"{t} {r} on {day}" for t, r, day in c.labs[:3])
    body.append(f"{honor} has {dx}, first diagnosed {f(d['dx'])}. Recent results: {labs}.")
    if rng.random() < 0.5:
        body.append(f"Treatment history: {_trials_prose(c)}.")
        trials_table = False
    else:
        body.append(f"{honor} has already tried the following, without success:")
        trials_table = True
    if c.mode == "continuation":
        extra = f"{honor} has taken {c.brand} since {f(d['first_started'])} with a good response; the current " \
                f"approval ends {f(d['prev_end'])}"
        extra += f" (authorization {case.reference_id})." if c.with_ref else "."
        body.append(extra)
    body.append(rng.choice((f"In my clinical judgment {c.brand} is medically necessary and the formulary "
                            "alternatives are not appropriate for this patient.",
                            f"The plan's preferred alternatives have failed or caused intolerable side effects; "
                            f"{c.brand} is the appropriate next step.")))
    if case.urgent:
        body.append(_expedite_reason(c))
    elif rng.random() < 0.3:
        body.append("This is a standard (non-urgent) request.")
    body.append(f"Please contact {c.contact.split(',')[0]} at {rq.phone} with any questions.")
    blocks += [Text(p) for p in body[:4]]
    if trials_table:
        blocks.append(_trials_table(c))
    blocks += [Text(p) for p in body[4:]]
    sign = f"Sincerely,\n\n{rq.name}\n{c.specialty}  |  NPI {rq.npi}"
    if c.drug.schedule or rng.random() < 0.3:
        sign += f"  |  DEA {c.dea}"
    if rng.random() < 0.4:
        sign += f"  |  License {c.license}"
    blocks.append(Text(sign))
    blocks.append(Text(f"Enclosures: office note {f(d['visit'])}, laboratory results {f(d['labs'])}", size=8))
    if not c.medical and c.pharmacy_npi and rng.random() < 0.7:
        blocks.append(Text(f"Dispensing pharmacy: {c.pharmacy}, NPI {c.pharmacy_npi}, NCPDP {c.ncpdp}", size=8))
    elif not c.medical:
        blocks.append(Text(f"Preferred pharmacy: {c.pharmacy} (NCPDP {c.ncpdp})", size=8))
    elif c.site_npi:
        blocks.append(Text(f"Site of administration: {c.site}, NPI {c.site_npi}", size=8))
    footer = rng.choice(("", "Page {page} of {pages}", f"{c.practice} - confidential"))
    return blocks, style, footer


def _epa(c: _Ctx) -> tuple[list[Block], Style, str]:
    """An EHR's electronic PA printout: summary boxes and the plan's questions with the office's answers."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("liberation_mono", "courier", "helvetica", "dejavu_sans"))
    size = 8 if font in ("liberation_mono", "courier", "dejavu_sans") else 8.5
    style = Style(font, size, "inline")
    placement = rng.choice(("qa", "qa", "summary")) if c.has_s else rng.choice(("none", "blank"))
    ehr = rng.choice(_EHRS)
    key = "".join(rng.choice("ABCDEFGHJKMNPQRTUVWXYZ23456789") for _ in range(8))
    faxed = case.fax.sent
    printed = f"{f(faxed.date())} {faxed:%H:%M}"
    blocks: list[Block] = [
        Text(f"{ehr} - Electronic Prior Authorization", bold=True, size=11),
        Text(f"ePA Key: {key[:4]}-{key[4:]}    Status: {rng.choice(_EPA_STATUS)}    Printed: {printed}", size=7.5),
        Rule(),
    ]
    priority = "Urgent / expedited" if case.urgent else rng.choice(("Standard", "Routine"))
    summary = [("Request priority", priority), ("Plan", case.plan), ("Request", c.request_type.capitalize())]
    if placement == "summary":
        summary.append((c.s_label, _s_text(c)))
    blocks.append(kv(summary, "Request", cols=3))
    id_rows, keys = _identity_rows(c)
    card = [("Rx BIN", c.bin), ("PCN", c.pcn), ("Rx Group", c.rx_group)]
    blocks.append(kv(id_rows + card, "Patient", cols=2, keys=(*keys, None, None, None)))
    rq = case.requesting
    presc = [("Prescriber", rq.name), ("NPI", rq.npi), ("Phone", rq.phone), ("Fax", rq.fax)]
    if c.drug.schedule or rng.random() < 0.4:
        presc.append(("DEA", c.dea))
    blocks.append(kv(presc, "Prescriber", cols=3))
    heading, rows = _pharmacy_rows(c)
    blocks.append(kv(rows, heading, cols=3))
    med = [("Medication", f"{c.brand} {c.strength}"), ("Sig", c.sig), ("Quantity", c.qty),
           ("Days supply", str(c.days)), ("Refills", c.refills), ("NDC", c.ndc),
           ("Written", f(d["written"]))]
    if c.medical:
        med.append(("HCPCS", c.drug.jcode))
    blocks.append(kv(med, "Medication", cols=3))
    qa: list[tuple[str, str, str]] = []

    def ask(q: str, a: str) -> None:
        qa.append((f"Q{len(qa) + 1}", q, a))

    ask("Diagnosis (ICD-10) for this request", "; ".join(f"{c.code(code)} - {desc}" for code, desc in c.dx))
    ask(f"Has the patient tried and failed {c.first_tried}?", "Yes")
    ask("List drugs tried, with dates and outcomes", _trials_prose(c))
    for q, yes in _QUESTIONS[c.drug.kind]:
        ask(q, "Yes" if yes else "No")
    ask("Most recent pertinent results, with dates", "; ".join(f"{t} {r} ({day})" for t, r, day in c.labs[:3]))
    if c.mode == "continuation":
        ans = f"Yes - on therapy since {f(d['first_started'])}; current approval through {f(d['prev_end'])}"
        if c.with_ref:
            ans += f" (auth {case.reference_id})"
        ask("Is this a continuation of an approved therapy?", ans + ".")
        ask("Date of last fill", f(d["last_fill"]))
    else:
        ask("Is this a continuation of an approved therapy?", "No")
    if c.medical and c.admin_printed:
        ask("Administration code(s) (CPT)", f"{c.drug.admin} ({_ADMIN_DESC[c.drug.admin]})")
    if placement == "qa":
        ask(rng.choice(("What is the requested start date?", "Anticipated start date of therapy",
                        "Date of service / first dose") if c.mode != "continuation" else
                       ("Requested start date of the renewal period", "Continue therapy from (date)")), _s_text(c))
    elif placement == "blank":
        ask("What is the requested start date?" if c.mode != "continuation" else
            "Requested start date of the renewal period", rng.choice(("(no answer)", "")))
    ask("Does the prescriber request an expedited review? (Applying the standard time frame could seriously "
        "jeopardize the patient's life or health.)", "Yes" if case.urgent else "No")
    if case.urgent and rng.random() < 0.5:
        ask("Reason for expedited review", _expedite_reason(c))
    ask("Additional information", rng.choice((f"Last office visit {f(d['visit'])}; notes attached.",
                                               "See attached chart notes.", "None")))
    page2: list[Block] = [PageBreak(), _running_header(c)] if rng.random() < 0.4 else []
    page2.append(Table(("#", "Question", "Answer"), tuple(qa), widths=(0.4, 3.0, 3.2),
                       heading=rng.choice(("Plan Question Set", "PA QUESTIONS AND ANSWERS"))))
    page2 += [Text(f"Attested and signed electronically by {rq.name} (NPI {rq.npi}) on {f(d['signed'])}.", size=8)]
    footer = rng.choice((f"{ehr}  |  ePA {key[:4]}-{key[4:]}  |  Page {{page}} of {{pages}}",
                         "Page {page} of {pages}", ""))
    return blocks + page2, style, footer


def _check_printed(doc: Doc, c: _Ctx) -> None:
    """Every expected value is in the document's text (a generator bug otherwise)."""
    text = to_text(doc)
    flat = " ".join(text.split())
    missing = [code for code in (*doc.truth.cpt, *doc.truth.hcpcs) if code not in text]
    missing += [code for code in doc.truth.icd10 if c.code(code) not in text]
    missing += [npi for npi in doc.truth.npi if npi not in text]
    missing += [s for s in doc.text_contains if s not in text]
    if doc.truth.reference_id and doc.truth.reference_id not in text:
        missing.append(doc.truth.reference_id)
    if doc.truth.service_date and _s_text(c) not in flat:
        missing.append(f"service date {doc.truth.service_date}")
    if not doc.truth.service_date and c.has_s:
        missing.append("has_s without a service date")
    if missing:
        raise AssertionError(f"{FAMILY}: not printed: {missing}")


def medication_prior_auth_request(case: Case, rng: Random) -> Doc:
    """A medication prior authorization / coverage determination request (plan form, coverage determination form,
    exception letter or e-PA printout)."""
    c = _context(case, rng)
    layout = rng.choice(("plan", "plan", "cd", "letter", "epa"))
    blocks, style, footer = {"plan": _plan_form, "cd": _cd_form, "letter": _letter, "epa": _epa}[layout](c)
    # The pharmacy's or the site's NPI counts where the layout prints it (always under an NPI label).
    text = to_text(Doc(FAMILY, "pa_request_form", style, blocks, Truth(), []))
    npis = [case.requesting.npi] + [n for n in (c.pharmacy_npi, c.site_npi)
                                    if n and n != case.requesting.npi and n in text]
    truth = Truth(reference_id=case.reference_id if c.with_ref else None, policy_id=case.policy_id, dob=case.dob,
                  patient_name=(case.first, case.last), npi=list(dict.fromkeys(npis)),
                  cpt=[c.drug.admin] if c.admin_printed else [], hcpcs=[c.drug.jcode] if c.medical else [],
                  icd10=[code for code, _ in c.dx], service_date=c.dates["s"] if c.has_s else None,
                  urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name_shown, case.requesting.npi]
    if c.with_ref:
        contains.append(case.reference_id)
    doc = Doc(FAMILY, "pa_request_form", style, blocks, truth, contains, footer=footer,
              title="Medication prior authorization request")
    _check_printed(doc, c)
    return doc
