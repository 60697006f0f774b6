"""Tune family added for durable medical equipment (DME) paperwork: what a DME supplier or the prescriber faxes to a
plan to get equipment or supplies authorized.

Three layouts, 1-2 pages (the items, the clinical questions or the whole second half sometimes on page 2 under a
running header naming the patient):
- a certificate of medical necessity in sections A-D (in the manner of the Medicare CMNs for home oxygen, pneumatic
  compression devices, osteogenesis stimulators and TENS, or a plan's general "DME Information Form"): Section A
  with the certification type (Initial / Revised / Recertification) and its dates, the beneficiary, the supplier
  (NSC # / PTAN, sometimes an NPI), the place of service, the item codes and the ordering practitioner (NPI, a
  UPIN-like legacy number); Section B with the estimated length of need in months (`99` = lifetime), up to four
  ICD-10 boxes and numbered questions answered `Y` / `N` / `D` or with numbers (`55 mmHg`, `88%`, `2` litres per
  minute, `24` hours a day, AHI, months of pain, levels fused, ...); Section C with the supplier's description of
  each item, its modifiers, quantity and the supplier's charge against the fee-schedule allowance; Section D with
  the attestation, signature and date;
- a supplier's Standard Written Order (SWO) with an item table (HCPCS, modifiers, description, quantity and unit,
  frequency of use, rental or purchase, rental months, length of need; sometimes a start-date column), the order
  date, the practitioner's block and the qualifying clinical facts as `label: value` lines;
- a supplier's cover letter in prose followed, in most letters, by an order summary page.

What it exercises:
- HCPCS Level II codes with modifiers (`E1390 RR`, `E0601-RR-KX`, `L1833 RT`, `K0001 RR KH`, `A4253 KS`, `E0935
  RR LT`, `J7613 KO`, `E1390 RR QF`), quantities and units (`A4253` x 3 boxes of 50, `B4150` x 450 units of 100
  calories, `A4239` 1 month supply, `E0935` 21 days), rental months (13, 15, 36) and length of need (`99`), and now
  and then a CPT code for a related service (TENS application and training 64550, orthotic training 97760, PAP
  initiation 94660, wheelchair training 97542, nebulizer teaching 94664, CGM start-up 95249, gait training 97116).
- Numbers that are not codes: SpO2 and PaO2 results, litres per minute, hours per day, AHI, Epworth score, BMI,
  HbA1c, kcal per day, height in inches and weight in pounds, 5-digit ZIP codes (sometimes ZIP+4), phone numbers,
  the supplier's NSC number (10 digits) or PTAN, Tax IDs, place-of-service codes, charges, `Length of need: 99`.
- Identity: `Beneficiary Name`, `Patient Name (Last, First, MI)`, split Last / First / MI boxes, `Member ID / HICN /
  MBI`, `Policy #`, Medicaid / subscriber labels; a secondary payer with its own ID (a distractor) now and then;
  DOB labelled DOB / Date of Birth / Birth Date / D.O.B. / `DOB (MM/DD/YY)`.
- Dates, in data.py's five styles and `MM/DD/YY` (the CMN habit): the service date (below) among the order date,
  the practitioner's signature date, the date of the last face-to-face evaluation, the qualifying test date (blood
  gas / oximetry, sleep study, HbA1c, spirometry), a second oximetry on 4 LPM, the original initial date and the
  previous certification period of a recertification, trial periods (compression garments, TENS), surgery, tube
  placement, adherence download periods, hospital admission and discharge, the letter and fax dates and the DOB.

Truth conventions:
- service_date: the date the equipment (or supply order) is needed from, i.e. the start of the rental or of the
  delivery requested: the CMN's `Initial date` on an initial certification; on a revised or recertification CMN the
  `Revised` / `Recertification` date (the start of what is requested now; the original initial date printed beside
  it is a distractor); on an SWO or letter the `Start date`, `Date needed`, `Initial date of service`, `Requested
  delivery date`, `Rental start date`, `Recertification date`, ... or the prose equivalent (`delivery is scheduled
  for ...`). When the equipment was delivered before the request was faxed (a hospital discharge), the delivery
  date (`Initial Date of Service`, `Date delivered`). The order date is never the service date.
- hcpcs: every HCPCS code printed as an ordered item (the items of the requested equipment and any other DME item of
  the case; the case's drug J-codes and other non-DME codes are not printed). cpt: only a related service printed
  with its code. icd10: every diagnosis printed with a code, in the dotted normal form even when printed undotted
  (conditions named only in words, e.g. lymphedema, are not included).
- npi: the ordering practitioner's (requesting) and the supplier's when printed as an NPI (never the NSC #, PTAN,
  UPIN, licence or Tax ID).
- reference_id: only on a recertification or revision that quotes the authorization on file.
- urgent: the case's urgency, always printed when true (a ticked Expedited / Urgent box and / or typed wording such
  as `URGENT - hospital discharge today`, only when the equipment is needed within two days of the fax); never
  printed as urgent otherwise (`Expedited: [ ] Yes [X] No` is routine).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
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

FAMILY = "equipment_medical_necessity_certificate"
_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]

# data.py's styles (MM/DD/YYYY weighted up) plus the CMN's own MM/DD/YY.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "mdy_yy")


def _fmt(day: dt.date, style: str) -> str:
    if style == "mdy_yy":
        return day.strftime("%m/%d/%y")
    return fmt_date(day, style)


def _long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


_ICD_DESC = {code: desc for sc in SCENARIOS for code, desc in sc["icd"]}
_RIGHT = frozenset({"M17.11", "M25.561", "S83.241A", "M23.221", "M75.121", "M75.41", "S46.011A", "C50.911",
                    "Z96.651"})
_LEFT = frozenset({"M17.12", "S83.242A", "C50.912"})


# --- the equipment catalogue (real HCPCS Level II numbers; the descriptions are our own short wording) ----------
@dataclass(frozen=True)
class _Item:
    code: str
    desc: str
    how: str  # rental | purchase | supply | drug
    qty: tuple[int, int] = (1, 1)
    unit: str = "each"
    use: tuple[str, ...] = ()
    sided: bool = False
    capped: bool = False  # capped rental: KH / KI / KJ month modifiers
    months: str = ""  # rental months
    group: str = ""  # at most one item of a group
    needs: str = ""  # only with this code
    always_with: str = ""  # always when this code is ordered
    p: float = 0.45  # chance as an optional item


@dataclass(frozen=True)
class _Cat:
    key: str
    words: str  # in prose: "home oxygen equipment"
    cmn: str  # the questions' kind: oxygen | pcd | osteo | tens | dif
    main: tuple[_Item, ...]  # alternatives: one is ordered
    extra: tuple[_Item, ...]
    dx: tuple[str, ...]  # indications (scenario codes, so the billable check knows them)
    supplier: str
    practice: str
    lon: tuple[str, ...] = ("99",)
    cpt: tuple[tuple[str, str], ...] = ()
    female: bool = False
    primary: tuple[str, ...] = ()  # codes that may stand first (the indication); empty: any of dx


_E1390 = _Item("E1390", "Oxygen concentrator, single delivery port, 85% or more at the prescribed flow", "rental",
               months="36", group="stationary", use=("continuous", "24 hrs/day", "nocturnal and with exertion"))
_E0439 = _Item("E0439", "Stationary liquid oxygen system, rental (incl. container, contents, regulator, cannula)",
               "rental", months="36", group="stationary", use=("continuous",))
_E0601 = _Item("E0601", "Continuous positive airway pressure (CPAP) device", "rental", capped=True, months="13",
               group="pap", use=("nightly, all sleep periods",))
_E0470 = _Item("E0470", "Respiratory assist device, bi-level pressure, without backup rate", "rental", capped=True,
               months="13", group="pap", use=("nightly, all sleep periods",))
_K0856 = _Item("K0856", "Power wheelchair, group 3 standard, single power option, sling/solid seat and back, "
                        "patient weight up to 300 lbs", "rental", capped=True, months="13", group="chair",
               use=("daily, in the home",))
_E0260 = _Item("E0260", "Hospital bed, semi-electric (head and foot), with side rails, with mattress", "rental",
               capped=True, months="13", group="bed", use=("daily",))
_COMMODE = _Item("E0163", "Commode chair, mobile or stationary, with fixed arms", "purchase", p=0.3,
                 use=("as needed",))

_CATS: tuple[_Cat, ...] = (
    _Cat("oxygen", "home oxygen equipment", "oxygen", (_E1390, _E1390, _E0439), (
        _Item("E0434", "Portable liquid oxygen system, rental (incl. portable container, supply reservoir, tubing)",
              "rental", months="36", group="portable", needs="E0439", p=0.8, use=("with ambulation",)),
        _Item("E0431", "Portable gaseous oxygen system, rental (cylinders, regulator, flowmeter, cannula, tubing)",
              "rental", months="36", group="portable", p=0.6, use=("with ambulation", "outside the home")),
        _Item("E1392", "Portable oxygen concentrator, rental", "rental", months="36", group="portable", p=0.4,
              use=("with ambulation", "outside the home")),
        _Item("E0443", "Portable oxygen contents, gaseous, 1 month supply = 1 unit", "supply", (1, 1),
              "1 month supply", needs="E0431", p=0.3, use=("monthly",)),
    ), ("J44.9", "J44.1", "J96.11"), "respiratory", "pulm", ("99", "99", "99", "12")),
    _Cat("pap", "positive airway pressure therapy", "dif", (_E0601, _E0601, _E0470), (
        _Item("E0562", "Humidifier, heated, used with a positive airway pressure device", "rental", capped=True,
              months="13", p=0.6, use=("nightly",)),
        _Item("A7030", "Full face mask used with PAP device", "supply", group="mask", p=0.55, use=("1 per 3 months",)),
        _Item("A7034", "Nasal interface (mask or pillows) used with PAP device, with or without head strap", "supply",
              group="mask", p=0.7, use=("1 per 3 months",)),
        _Item("A7031", "Replacement cushion for full face mask", "supply", needs="A7030", p=0.5,
              use=("1 per month",)),
        _Item("A7035", "Headgear used with PAP device", "supply", p=0.4, use=("1 per 6 months",)),
        _Item("A7037", "Tubing used with PAP device", "supply", p=0.5, use=("1 per 3 months",)),
        _Item("A7038", "Filter, disposable, used with PAP device", "supply", (2, 2), p=0.5, use=("2 per month",)),
        _Item("A7046", "Water chamber for humidifier, replacement", "supply", needs="E0562", p=0.4,
              use=("1 per 6 months",)),
    ), ("G47.33", "E66.9", "R06.83", "G47.10", "E66.01", "Z68.41"), "respiratory", "sleep", ("99", "99", "12"),
        (("94660", "CPAP initiation and management"),), primary=("G47.33",)),
    _Cat("pcd", "a pneumatic compression device for lymphedema", "pcd", (
        _Item("E0651", "Pneumatic compressor, segmental home model without calibrated gradient pressure", "rental",
              capped=True, months="13", group="pump", use=("60 min twice daily",)),
        _Item("E0652", "Pneumatic compressor, segmental home model with calibrated gradient pressure", "rental",
              capped=True, months="13", group="pump", use=("60 min once or twice daily",)),
    ), (
        _Item("E0668", "Segmental pneumatic appliance for use with compressor, full arm", "purchase", sided=True,
              needs="E0651", p=0.9, use=("with each treatment",)),
        _Item("E0672", "Segmental gradient pressure pneumatic appliance, full arm", "purchase", sided=True,
              needs="E0652", p=0.9, use=("with each treatment",)),
    ), ("C50.911", "C50.912", "Z85.3", "Z17.0"), "general", "lymph", ("99", "12"), female=True,
        primary=("C50.911", "C50.912")),
    _Cat("osteo", "a spinal osteogenesis stimulator", "osteo", (
        _Item("E0748", "Osteogenesis stimulator, electrical, non-invasive, spinal applications", "purchase",
              use=("daily per manufacturer protocol, 9 months",)),
    ), (), ("M48.061", "M51.16", "M54.16"), "orthotic", "spine", ("9", "6", "99")),
    _Cat("tens", "a TENS unit", "tens", (
        _Item("E0730", "TENS, four or more leads, for multiple nerve stimulation", "rental", group="tens",
              use=("up to 3 sessions/day",)),
        _Item("E0720", "TENS, two lead, localized stimulation", "rental", group="tens", use=("2-3 sessions/day",)),
        # The same units bought after a successful one-month trial.
        _Item("E0730", "TENS, four or more leads, for multiple nerve stimulation", "purchase", group="tens",
              use=("up to 3 sessions/day",)),
        _Item("E0720", "TENS, two lead, localized stimulation", "purchase", group="tens", use=("2-3 sessions/day",)),
    ), (
        _Item("A4595", "Electrical stimulator supplies, 2 lead, per month (electrodes, lead wires)", "supply",
              (1, 1), "per month", p=0.75, use=("monthly",)),
        _Item("A4630", "Replacement batteries for patient-owned TENS", "supply", (1, 2), "each", p=0.25,
              use=("as needed",)),
    ), ("M54.50", "M54.16", "M51.16", "M17.11", "M17.12"), "orthotic", "pain", ("1",),
        (("64550", "Application of surface neurostimulator (TENS) and training"),)),
    _Cat("bed", "a semi-electric hospital bed", "dif", (_E0260, _E0260, _Item(
        "E0261", "Hospital bed, semi-electric (head and foot), with side rails, without mattress", "rental",
        capped=True, months="13", group="bed", use=("daily",))), (
        _Item("E0277", "Powered pressure-reducing air mattress", "rental", capped=True, months="13", needs="E0261",
              p=0.9, use=("continuous",)),
        _Item("E0910", "Trapeze bars (patient helper), attached to bed, with grab bar", "rental", capped=True,
              months="13", p=0.45, use=("daily",)),
        _COMMODE,
    ), ("I69.351", "G82.20", "M62.81", "R26.2"), "mobility", "rehab", ("99", "12", "6")),
    _Cat("wheelchair", "a manual wheelchair", "dif", (
        _Item("K0001", "Standard wheelchair", "rental", capped=True, months="13", group="chair",
              use=("daily, in the home",)),
        _Item("K0003", "Lightweight wheelchair", "rental", capped=True, months="13", group="chair",
              use=("daily, in the home",)),
        _Item("K0004", "High-strength, lightweight wheelchair", "rental", capped=True, months="13", group="chair",
              use=("daily, in the home",)),
    ), (
        _Item("E2601", "General use wheelchair seat cushion, width under 22 inches, any depth", "purchase", p=0.6,
              use=("with wheelchair",)),
        _Item("K0195", "Elevating leg rests, pair (for a rented wheelchair base)", "rental", capped=True, months="13",
              unit="pair", p=0.35, use=("with wheelchair",)),
        _Item("E0978", "Positioning / safety belt / pelvic strap, each", "purchase", p=0.3, use=("with wheelchair",)),
    ), ("I69.351", "G82.20", "M62.81", "R26.2", "M17.11", "M17.12"), "mobility", "rehab", ("99", "6", "12"),
        (("97542", "Wheelchair management / propulsion training, each 15 min"),)),
    _Cat("pwc", "a group 3 power wheelchair", "dif", (_K0856,), (
        _Item("E2603", "Skin protection wheelchair seat cushion, width under 22 inches, any depth", "purchase",
              p=0.6, use=("with wheelchair",)),
    ), ("G82.20", "I69.351", "M62.81"), "mobility", "rehab", ("99",),
        (("97542", "Wheelchair management / propulsion training, each 15 min"),)),
    _Cat("knee_orthosis", "a knee orthosis", "dif", (
        _Item("L1833", "Knee orthosis, adjustable knee joints, positional, rigid support, prefabricated, "
                       "off-the-shelf", "purchase", sided=True, group="ko", use=("daytime and with activity",)),
        _Item("L1851", "Knee orthosis, single upright, thigh and calf, adjustable flexion/extension joint, "
                       "varus/valgus adjustment, prefabricated, off-the-shelf", "purchase", sided=True, group="ko",
              use=("with weight bearing",)),
        _Item("L1843", "Knee orthosis, single upright, thigh and calf, adjustable flexion/extension joint, "
                       "prefabricated, custom fitted by an orthotist", "purchase", sided=True, group="ko",
              use=("with weight bearing",)),
    ), (), ("M17.11", "M17.12", "S83.241A", "S83.242A", "M23.221", "M25.561"), "orthotic", "ortho",
        ("99", "6", "12"), (("97760", "Orthotic management and training, initial encounter, each 15 min"),)),
    _Cat("shoulder_orthosis", "a shoulder abduction orthosis", "dif", (
        _Item("L3960", "Shoulder-elbow-wrist-hand orthosis, abduction positioning (airplane design), "
                       "prefabricated", "purchase", sided=True, use=("24 hrs/day for 6 weeks post-op",)),
    ), (), ("M75.121", "M75.41", "S46.011A"), "orthotic", "ortho", ("3", "2"),
        (("97760", "Orthotic management and training, initial encounter, each 15 min"),)),
    _Cat("diabetes", "diabetic testing supplies", "dif", (
        _Item("E0607", "Home blood glucose monitor", "purchase", group="meter", use=("daily testing",)),
        _Item("E2103", "Non-adjunctive, non-implanted continuous glucose monitor (CGM) receiver", "purchase",
              group="meter", use=("continuous",)),
    ), (
        _Item("A4239", "Supply allowance for non-adjunctive, non-implanted CGM, all supplies, 1 month = 1 unit",
              "supply", (1, 3), "1 month supply", needs="E2103", always_with="E2103", use=("monthly",)),
        _Item("A4253", "Blood glucose test strips, per 50", "supply", (2, 6), "box of 50", always_with="E0607",
              p=0.3, use=("test 3x daily", "test 4x daily", "test 2x daily")),
        _Item("A4259", "Lancets, per box of 100", "supply", (1, 3), "box of 100", needs="A4253",
              always_with="E0607", p=0.5, use=("with each test",)),
        _Item("A4256", "Normal, low and high calibrator solution / chips", "supply", needs="E0607", p=0.35,
              use=("1 per 3 months",)),
    ), ("E11.9", "E11.65", "E11.42", "Z79.4"), "diabetic", "endo", ("99", "12"),
        (("95249", "CGM start-up: sensor placement, hook-up, calibration, training"),),
        primary=("E11.9", "E11.65", "E11.42")),
    _Cat("enteral", "enteral nutrition (pump-fed tube feeding)", "dif", (
        _Item("B9002", "Enteral nutrition infusion pump, any type", "rental", capped=True, months="15",
              use=("daily",)),
    ), (
        _Item("B4035", "Enteral feeding supply kit, pump fed, per day", "supply", (30, 30), "per day",
              always_with="B9002", use=("daily",)),
        _Item("B4150", "Enteral formula, nutritionally complete with intact nutrients, 100 calories = 1 unit",
              "supply", (420, 600), "100 calories", always_with="B9002", use=("1,500 kcal/day", "1,800 kcal/day")),
        _Item("B4087", "Gastrostomy / jejunostomy tube, standard, any material, each", "supply", p=0.3,
              use=("1 per 3 months",)),
    ), ("K50.90", "I69.351", "G82.20"), "enteral", "gi", ("99", "12"), primary=("K50.90", "I69.351")),
    _Cat("cpm", "a knee continuous passive motion (CPM) device", "dif", (
        _Item("E0935", "Continuous passive motion exercise device, knee only", "rental", (21, 21), "day",
              sided=True, use=("6-8 hrs/day, advance 5-10 degrees/day",)),
    ), (), ("Z96.651", "M17.11", "M17.12"), "orthotic", "ortho", ("1",)),
    _Cat("neb", "a nebulizer with inhalation drugs", "dif", (
        _Item("E0570", "Nebulizer, with compressor", "rental", capped=True, months="13", use=("as directed",)),
    ), (
        _Item("A7003", "Administration set, small volume non-filtered pneumatic nebulizer, disposable", "supply",
              (2, 2), "each", always_with="E0570", use=("2 per month",)),
        _Item("J7613", "Albuterol, inhalation solution, unit dose, per 1 mg (via DME)", "drug", (225, 300), "1 mg",
              p=0.7, use=("2.5 mg via neb TID-QID",)),
        _Item("J7626", "Budesonide, inhalation solution, unit dose, up to 0.5 mg (via DME)", "drug", (60, 60),
              "0.5 mg", p=0.3, use=("0.5 mg via neb BID",)),
    ), ("J44.9", "J44.1", "J96.11"), "respiratory", "pulm", ("99", "12"),
        (("94664", "Demonstration / evaluation of patient use of a nebulizer"),)),
    _Cat("walker", "a wheeled walker", "dif", (
        _Item("E0143", "Walker, folding, wheeled, adjustable or fixed height", "purchase",
              use=("with all ambulation",)),
    ), (_COMMODE,), ("R26.2", "M17.11", "M17.12", "I69.351", "M62.81"), "mobility", "rehab", ("99", "6"),
        (("97116", "Gait training, each 15 min"),)),
)
_BY_CODE: dict[str, tuple[_Cat, _Item]] = {}
for _cat in _CATS:
    for _it in (*_cat.main, *_cat.extra):
        _BY_CODE.setdefault(_it.code, (_cat, _it))

# --- places and people (invented) -------------------------------------------------------------------------------
_SUPPLIERS = {
    "respiratory": ("Tidewell Respiratory & Home Medical", "Brackenridge Oxygen & Sleep Supply",
                    "Lowmoor Home Respiratory Services"),
    "mobility": ("Harrowgate Mobility & Rehab Equipment", "Fernhollow Home Medical Equipment",
                 "Kestrel Point Mobility Solutions"),
    "orthotic": ("Cinderbrook Orthotics & Bracing", "Alderpath O&P and Medical Supply",
                 "Fernhollow Home Medical Equipment"),
    "diabetic": ("Palisade Diabetic Supply Co.", "Sugarmaple Diabetes & CGM Services"),
    "enteral": ("Quillfeather Home Enteral & Nutrition", "Marrowdale Home Infusion & Enteral Services"),
    "general": ("Oakline Home Health Supply", "Bluestem Medical Equipment", "Fernhollow Home Medical Equipment"),
}
_PRACTICES = {
    "pulm": ("Prairie Pulmonary & Critical Care", "Ridgeline Lung & Chest Associates"),
    "sleep": ("Meadowbrook Sleep Center", "Harbor ENT & Sleep Medicine"),
    "lymph": ("Copperfield Oncology Clinic", "Maple Hollow Breast & Lymphedema Center"),
    "spine": ("Northgate Spine & Pain Institute", "Summit Spine Specialists"),
    "pain": ("Keystone Interventional Pain Center", "Northgate Spine & Pain Institute"),
    "rehab": ("Ridgeway Physical Medicine & Rehabilitation", "Willow Creek Family Medicine"),
    "ortho": ("Lakeshore Orthopedic Associates", "Granite Peak Orthopaedics & Sports Medicine"),
    "endo": ("Tallgrass Endocrinology & Diabetes", "Willow Creek Family Medicine"),
    "gi": ("Cedar Hollow Gastroenterology", "Willow Creek Family Medicine"),
}
_CONTACTS = ("Rhea Tolliver, intake coordinator", "Marcus Delacroix, DME specialist", "Imani Osei, CSR",
             "Petra Vukovic, authorization coordinator", "Landon Fairweather, intake", "Soledad Ybarra, billing")
_STAFF = ("Noor Haddad, RN", "Colette Birch, LPN", "Deshawn Avery, MA", "Ingrid Solberg, RN, CCM")
_HOSPITALS = ("St. Brendan Regional Medical Center", "Lakeview Community Hospital", "Mercy Valley Hospital",
              "Foundry Park Medical Center")
_SECONDARY = ("State Medicaid (secondary)", "Medigap Plan G", "Harborlight Supplemental")

# Why an urgent request cannot wait, by category (typed after "EXPEDITED REVIEW REQUESTED -").
_URGENT_WHY = {
    "oxygen": "resting hypoxemia on room air; the patient cannot go home without oxygen",
    "pap": "severe OSA with nocturnal desaturation; commercial driver placed off duty",
    "bed": "new stage 3 pressure injury; the patient cannot be repositioned in a standard bed",
    "wheelchair": "non-ambulatory after stroke; discharge home depends on the chair",
    "pwc": "unable to propel a manual chair; confined to bed without power mobility",
    "enteral": "unable to swallow safely; tube feeding must continue at home without a gap",
    "cpm": "post-operative knee replacement; the device must start right after surgery",
    "neb": "COPD exacerbation; home nebulizer needed at discharge",
    "shoulder_orthosis": "post-operative rotator cuff repair; the brace is needed at discharge",
}

# Rentals and supply orders that are recertified or revised; the rest (purchases, trials) are initial orders.
_RENEWABLE = frozenset({"oxygen", "pap", "pcd", "bed", "wheelchair", "pwc", "diabetes", "enteral", "neb"})

# --- labels -----------------------------------------------------------------------------------------------------
_S_INITIAL = ("Start Date", "Date Needed", "Requested start date", "Initial date of service", "Rental start date",
              "Date needed by", "Requested delivery date", "Anticipated delivery date", "Begin date of service",
              "Start of rental", "DOS (start)", "Date of initial need")
_S_RETRO = ("Initial Date of Service", "Date delivered", "Delivery date (initial DOS)", "Date of service (delivered)",
            "Rental began", "Set-up date")
_S_RECERT = ("Recertification date", "Recert start date", "Recertification period begins", "Continued rental from",
             "Renewal start date")
_S_REVISED = ("Revised date", "Revision effective", "Revised order effective", "Change effective date")
_S_TABLE = {"initial": ("Start Date", "DOS From", "Date Needed", "Initial DOS", "Begin"),
            "retro": ("Initial DOS", "Delivered", "DOS From"),
            "recert": ("Recert From", "Period From", "Start"), "revised": ("Effective", "Start", "From")}
_MEMBER_ANY = ("Member ID / HICN / MBI", "Policy #", "Member ID", "Insured ID #", "ID No.")
_MEMBER_STYLE = {"mbi": ("Medicare ID (MBI)", "MBI", "HICN / MBI", "Beneficiary Medicare #", "Medicare #"),
                 "medicaid": ("Medicaid ID #", "Recipient ID", "Medicaid Recipient No."),
                 "blue": ("Subscriber ID (incl. prefix)", "Member ID (with prefix)", "Subscriber #"),
                 "generic": ("Member No.", "Insurance ID", "Policy Number")}
_DOB_LABELS = ("DOB", "Date of Birth", "Birth Date", "D.O.B.", "Patient DOB")
_ORDER_LABELS = ("Order date", "Date of order", "Date ordered", "Order Date (written)", "Verbal order date")
_F2F_LABELS = ("Date of last face-to-face visit", "Face-to-face evaluation date", "Date last seen by practitioner",
               "F2F encounter", "Last office visit")
_REF_LABELS = ("Prior Auth #", "Existing PA #", "Current authorization #", "Auth # on file", "Previous auth no.")


@dataclass
class _Line:
    """One ordered item with its modifiers, quantity, rental months, frequency and charges."""

    code: str
    desc: str
    how: str
    mods: list[str]
    qty: int
    unit: str
    months: str
    use: str
    charge: str
    allow: str

    def coded(self, sep: str) -> str:
        """`E0601-RR-KX`, `E0601 RR KX`."""
        return sep.join([self.code, *self.mods])

    def mods_text(self, sep: str = " ") -> str:
        return sep.join(self.mods)


@dataclass
class _Ctx:
    """Everything one document prints, decided once; the layouts only arrange it."""

    case: Case
    rng: Random
    f: Fmt
    cat: _Cat
    lines: list[_Line]
    cpt: list[tuple[str, str]]
    dx: list[tuple[str, str]]
    undotted: bool
    mode: str  # initial | recert | revised
    retro: bool  # delivered before the request was faxed
    near: bool  # needed 1-2 days after the fax date
    dates: dict[str, dt.date]
    lon: str
    side: str  # RT | LT | ""
    name: str  # "" when split into boxes
    name_rows: list[tuple[str, str]]
    name_shown: str
    person: str
    dob: str
    dob_label: str
    member_label: str
    supplier: str
    supplier_addr: str
    supplier_phone: str
    supplier_fax: str
    supplier_npi: str | None  # printed only when not None
    nsc: str
    supplier_tin: str
    contact: str
    practice: str
    upin: str
    license: str
    height_in: int
    weight_lb: int
    questions: list[tuple[str, str]]
    facts: list[tuple[str, str]]
    with_ref: bool
    secondary: tuple[str, str] | None
    hospital: str
    npis: list[str] = field(default_factory=list)
    memo: dict[str, str] = field(default_factory=dict)

    def dx_code(self, code: str) -> str:
        return code.replace(".", "") if self.undotted else code


# --- the timeline -----------------------------------------------------------------------------------------------
def _timeline(case: Case, rng: Random, mode: str) -> dict[str, dt.date]:
    """The service date S and every distracting date; none equals S or the DOB."""
    s = case.service_date
    faxed = case.fax.sent.date()
    signed = faxed if case.signature_date == s else case.signature_date
    taken = {s, case.dob, faxed, signed}
    t: dict[str, dt.date] = {"s": s, "faxed": faxed, "signed": signed}
    # The order comes before the need (a verbal order at discharge; the signed CMN may follow).
    t["order"] = distinct_date(min(signed, s - _DAY) - rng.randint(0, 8) * _DAY, taken)
    t["f2f"] = distinct_date(t["order"] - rng.randint(0, 40) * _DAY, taken)
    t["visit"] = t["f2f"] if rng.random() < 0.5 else distinct_date(t["f2f"] + rng.randint(1, 20) * _DAY, taken)
    if t["visit"] > faxed:
        t["visit"] = t["f2f"]
    t["test"] = distinct_date(min(t["f2f"], s - _DAY) - rng.randint(0, 20) * _DAY, taken)
    t["test2"] = distinct_date(t["test"] - rng.randint(0, 3) * _DAY, taken) if rng.random() < 0.5 else t["test"]
    t["study"] = distinct_date(t["f2f"] - rng.randint(10, 150) * _DAY, taken)
    t["a1c"] = distinct_date(t["f2f"] - rng.randint(3, 80) * _DAY, taken)
    t["spiro"] = distinct_date(t["f2f"] - rng.randint(20, 400) * _DAY, taken)
    t["fusion"] = distinct_date(s - rng.randint(2, 35) * _DAY, taken)
    t["surgery"] = distinct_date(s - rng.randint(1, 3) * _DAY, taken)
    t["tube"] = distinct_date(t["f2f"] - rng.randint(3, 200) * _DAY, taken)
    t["onset"] = distinct_date(t["f2f"] - rng.randint(120, 900) * _DAY, taken)
    t["discharge"] = faxed if s > faxed else distinct_date(s - _DAY, taken)
    t["admit"] = distinct_date(t["discharge"] - rng.randint(2, 9) * _DAY, taken)
    t["home_eval"] = distinct_date(t["order"] + rng.randint(1, 6) * _DAY, taken, 1)
    if t["home_eval"] >= s:
        t["home_eval"] = distinct_date(t["order"] - rng.randint(1, 4) * _DAY, taken)
    months = rng.choice((3, 6, 12, 13, 24)) if mode == "recert" else rng.randint(2, 10)
    t["orig"] = distinct_date(s - months * 30 * _DAY - rng.randint(0, 10) * _DAY, taken)
    t["prior_delivery"] = distinct_date(t["orig"] + rng.randint(0, 3) * _DAY, taken, 1)
    # A conservative-care or rental trial ends before the order (before the original start on a recertification).
    t["trial_end"] = distinct_date((t["order"] if mode == "initial" else t["orig"]) - rng.randint(1, 10) * _DAY, taken)
    t["trial_start"] = distinct_date(t["trial_end"] - rng.randint(28, 45) * _DAY, taken)
    t["prev_end"] = distinct_date(s - _DAY, taken)
    t["adh_start"] = distinct_date(min(t["orig"] + rng.randint(5, 40) * _DAY, s - 35 * _DAY), taken, 1)
    t["adh_end"] = distinct_date(t["adh_start"] + 29 * _DAY, taken, 1)
    for key, day in t.items():
        if key != "s" and day == s:
            raise AssertionError(f"{FAMILY}: {key} equals the service date")
    return t


# --- what is ordered --------------------------------------------------------------------------------------------
def _pick_cat(case: Case, rng: Random) -> _Cat:
    own = {c for c, _ in case.hcpcs}
    billable = billable_icd10()

    def allowed(k: _Cat) -> bool:
        return (case.sex == "F" or not k.female) and any(code in billable for code in k.dx)

    cats = [k for k in _CATS if allowed(k)]
    by_code = [k for k in cats if own & {i.code for i in (*k.main, *k.extra)}]
    if by_code:
        return rng.choice(by_code)
    dx = {c for c, _ in case.icd10}
    by_dx = [k for k in cats if dx & set(k.dx)]
    return rng.choice(by_dx or cats)


def _pick_items(case: Case, rng: Random, cat: _Cat) -> list[_Item]:
    """The main item, optional items (groups exclusive, `needs` respected) and the case's other DME items."""
    own = {c for c, _ in case.hcpcs}
    mains = [i for i in cat.main if i.code in own] or list(cat.main)
    picked = [rng.choice(mains)]
    for it in cat.extra:
        codes = {p.code for p in picked}
        if it.code in codes or (it.needs and it.needs not in codes) or (it.group and it.group in
                                                                         {p.group for p in picked}):
            continue
        if it.code in own or (it.always_with and it.always_with in codes) or rng.random() < it.p:
            picked.append(it)
    for code, _ in case.hcpcs:
        if code in _BY_CODE and code not in {p.code for p in picked}:
            it = _BY_CODE[code][1]
            if not (it.group and it.group in {p.group for p in picked}) and not (
                    it.needs and it.needs not in {p.code for p in picked}):
                picked.append(it)
    return picked


def _diagnoses(case: Case, rng: Random, cat: _Cat) -> list[tuple[str, str]]:
    """The indication first, other fitting case codes, then (usually) the case's other codes; four at most."""
    billable = billable_icd10()
    case_dx = [(c, d) for c, d in case.icd10 if c in billable]
    primary = cat.primary or cat.dx
    fitting = sorted((x for x in case_dx if x[0] in cat.dx), key=lambda x: x[0] not in primary)
    if fitting and fitting[0][0] in primary:
        rows = list(fitting)
    else:
        code = rng.choice([c for c in primary if c in billable])
        rows = [(code, _ICD_DESC[code]), *fitting]
    others = [x for x in case_dx if x not in rows]
    if others and rng.random() < 0.7:
        rows += others
    if len(rows) < 3 and rng.random() < 0.5:
        side = _side_of(rows[0][0])
        extra = [c for c in cat.dx if c in billable and c not in {r[0] for r in rows}
                 and (not side or _side_of(c) in ("", side))]
        if extra:
            code = rng.choice(extra)
            rows.append((code, _ICD_DESC[code]))
    return rows[:4]


def _side_of(code: str) -> str:
    return "RT" if code in _RIGHT else "LT" if code in _LEFT else ""


def _money(rng: Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def _lines(c_rng: Random, items: list[_Item], cat: _Cat, mode: str, side: str, insulin: bool,
           lpm: float, portable: bool) -> list[_Line]:
    rng = c_rng
    out = []
    for it in items:
        mods: list[str] = []
        if it.how == "rental":
            mods.append("RR")
            if it.capped and rng.random() < 0.45:
                mods.append("KH" if mode == "initial" else rng.choice(("KI", "KJ")))
        elif it.how == "purchase" and not it.code.startswith("L") and rng.random() < 0.75:
            mods.append("NU")
        if it.group == "stationary":
            if lpm < 1:
                mods.append("QE")
            elif lpm > 4:
                mods.append("QF" if portable else "QG")
        kx_chance = 0.0
        if it.code in ("E2103", "A4239"):
            kx_chance = 0.7
        elif it.how in ("rental", "purchase") and cat.key in ("pap", "wheelchair", "pwc", "bed", "pcd", "osteo"):
            kx_chance = 0.7 if mode != "initial" else 0.35
        if it.code in ("E0607", "A4253", "A4259", "A4256"):
            mods.append("KX" if insulin else "KS")
        elif rng.random() < kx_chance:
            mods.append("KX")
        if it.code.startswith("B4") and rng.random() < 0.3:
            mods.append("BA")
        if it.how == "drug" and rng.random() < 0.5:
            mods.append("KO")
        if it.sided and side:
            mods.append(side)
        lo, hi = it.qty
        qty = rng.randint(lo, hi)
        if it.how == "rental":
            per = {"E0431": 34.0, "E1392": 52.0, "E0434": 39.0}.get(it.code, 0.0)
            base = per or _money(rng, 24, 260)
            charge, allow = f"${base * rng.uniform(1.4, 2.2):,.2f}/mo", f"${base:,.2f}/mo"
        else:
            unit_price = _money(rng, 0.9, 40) if it.how in ("supply", "drug") else _money(rng, 45, 1600)
            charge = f"${unit_price * qty * rng.uniform(1.3, 2.0):,.2f}"
            allow = f"${unit_price * qty:,.2f}"
        use = rng.choice(it.use) if it.use else ""
        if it.code == "B4150":
            kcal = qty * 100 // 30 // 100 * 100 or 1500
            use = f"{kcal:,} kcal/day"
        out.append(_Line(it.code, it.desc, it.how, mods, qty, it.unit, it.months, use, charge, allow))
    return out


# --- the clinical questions and facts (the same facts for every layout) -----------------------------------------
def _clinical(c: _Ctx, lpm: float, insulin: bool) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(questions with answers for a CMN's Section B, `label: value` facts for an SWO or a letter)."""
    rng, f, t, key = c.rng, c.f, c.dates, c.cat.key
    codes = {ln.code for ln in c.lines}
    q: list[tuple[str, str]] = []
    facts: list[tuple[str, str]] = []
    yn = ("Y", "N")
    if key == "oxygen":
        spo2, pao2 = rng.randint(84, 88), rng.randint(48, 55)
        kind = rng.choice(("sat", "abg", "both"))
        result = {"sat": f"SpO2 {spo2}%", "abg": f"PaO2 {pao2} mmHg", "both": f"PaO2 {pao2} mmHg / SpO2 {spo2}%"}[kind]
        cond = rng.choice((1, 1, 1, 2, 3))
        cond_words = {1: "at rest on room air", 2: "during exercise on room air", 3: "during sleep"}[cond]
        setting = 2 if c.mode == "initial" and (c.near or c.retro) and c.case.urgent else rng.choice((1, 1, 1, 3))
        portable = any(ln.code in ("E0431", "E1392", "E0434") for ln in c.lines)
        flow = "X" if lpm < 1 else f"{lpm:g}"
        four = (f"PaO2 {rng.randint(56, 60)} mmHg / SpO2 {rng.randint(89, 91)}% on 4 LPM, {f(t['test2'])}"
                if lpm > 4 else "D")
        q = [("1a. Most recent qualifying result: arterial PO2 (mmHg) and / or oxygen saturation (%)", result),
             ("1b. Date that test was performed", f(t["test"])),
             ("1c. Test condition: (1) at rest (2) with exercise (3) asleep", str(cond)),
             ("2. Where was the test done? (1) outpatient, chronic stable state (2) within 2 days before inpatient "
              "discharge (3) other", str(setting)),
             ("3. If portable oxygen is ordered, does the patient move about within the home?",
              rng.choice(yn[:1] * 3 + yn[1:]) if portable else "D"),
             ("4. Highest flow rate ordered, liters per minute (X if under 1 LPM)", flow),
             ("5. If more than 4 LPM is ordered, result and date of a test taken on 4 LPM", four),
             ("6. Dependent edema caused by congestive heart failure?", rng.choice(yn[1:] * 3 + yn[:1])),
             ("7. Pulmonary hypertension or cor pulmonale documented (EKG P pulmonale, echo, catheterization)?",
              rng.choice(yn[1:] * 3 + yn[:1])),
             ("8. Hematocrit above 56%?", "N")]
        hours = rng.choice(("24 hrs/day", "continuous", "nocturnal, 8 hrs/night", "with exertion and sleep"))
        for ln in c.lines:
            if ln.code in ("E1390", "E0439"):
                ln.use = hours
        facts = [("Qualifying test", f"{result} {cond_words}"), ("Test date", f(t["test"])),
                 ("Flow rate", f"{lpm:g} LPM via {rng.choice(('nasal cannula', 'cannula', 'NC'))}"),
                 ("Hours of use", hours)]
        if lpm > 4:
            facts.append(("Test on 4 LPM", four))
        if setting == 2:
            facts.append(("Test setting", f"inpatient, within 2 days of discharge ({c.hospital})"))
    elif key == "pap":
        ahi = round(rng.uniform(15.2, 61.8), 1)
        study = rng.choice(("in-lab polysomnogram (PSG)", "home sleep apnea test (HSAT)", "split-night PSG"))
        pressure = (f"IPAP {rng.randint(14, 20)} / EPAP {rng.randint(6, 12)} cm H2O" if "E0470" in codes else
                    rng.choice((f"CPAP {rng.randint(7, 14)} cm H2O", f"APAP {rng.randint(4, 7)}-{rng.randint(14, 20)} "
                                                                     "cm H2O")))
        ess = rng.randint(8, 19)
        bmi = round(rng.uniform(27.5, 46.9), 1)
        q = [("Type of diagnostic sleep test", study), ("Apnea-hypopnea index (events/hr)", f"{ahi}"),
             ("Date of diagnostic sleep test", f(t["study"])),
             ("Clinical evaluation in person before the sleep test?", "Y"),
             ("Epworth Sleepiness Scale score", str(ess)), ("BMI", f"{bmi}"), ("Pressure ordered", pressure)]
        if "E0470" in codes:
            q.append(("Was CPAP tried and found ineffective or not tolerated?", "Y"))
        facts = [("Sleep study", f"{study}, {f(t['study'])}"), ("AHI", f"{ahi}/hr"), ("ESS", str(ess)),
                 ("Settings", pressure), ("BMI", f"{bmi}")]
        if c.mode != "initial":
            hours = round(rng.uniform(4.6, 7.8), 1)
            pct = rng.randint(72, 98)
            q.append(("Objective adherence: used 4+ hours/night on 70% of nights in 30 consecutive days?", "Y"))
            q.append(("Adherence download period", f"{f(t['adh_start'])} - {f(t['adh_end'])}"))
            facts.append(("Adherence", f"avg {hours} h/night, {pct}% of nights >= 4 h "
                                       f"({f(t['adh_start'])} - {f(t['adh_end'])})"))
    elif key == "pcd":
        months = rng.randint(6, 20)
        diff = round(rng.uniform(2.4, 6.2), 1)
        limb = {"RT": ("1", "right arm"), "LT": ("2", "left arm")}.get(c.side, ("2", "left arm"))
        q = [("1. Does the patient have lymphedema of an extremity?", "Y"),
             ("2. Limb(s): (1) right arm (2) left arm (3) right leg (4) left leg", limb[0]),
             ("3. Number of months the swelling has been present", str(months)),
             ("4. Was a 4-week trial of compression garments, elevation and exercise completed before this order?",
              "Y"),
             ("5. Trial dates (from - to)", f"{f(t['trial_start'])} - {f(t['trial_end'])}"),
             ("6. Circumference difference at the widest point (cm)", f"{diff}"),
             ("7. History of cancer treated with surgery or radiation that impairs lymph drainage?", "Y"),
             ("8. Open venous stasis ulcers present?", "N")]
        if "E0652" in codes:
            q.append(("9. Is a calibrated gradient pressure unit required? (explain in Section C)", "Y"))
        facts = [("Condition", f"lymphedema, {limb[1]}, {months} months"), ("Circumference difference", f"{diff} cm"),
                 ("Conservative trial", f"{f(t['trial_start'])} - {f(t['trial_end'])} (garment, elevation, "
                                        "exercise), not effective")]
    elif key == "osteo":
        levels = rng.choice(("L4-L5 (1 level)", "L4-S1 (2 levels)", "L3-L5 (2 levels)", "L3-S1 (3 levels)"))
        failed = rng.random() < 0.3
        q = [("1. Is the stimulator for a spinal application?", "Y"),
             ("2. Date of the spinal fusion surgery", f(t["fusion"])),
             ("3. Levels fused", levels),
             ("4. Is this after a previously failed fusion at the same site?", "Y" if failed else "N"),
             ("5. If failed fusion: months since that surgery without healing", str(rng.randint(9, 18))
              if failed else "D"),
             ("6. Grade II or worse spondylolisthesis?", rng.choice(yn)),
             ("7. Risk factors for non-union (smoking, diabetes, renal disease)?", rng.choice(("Y", "N", "Y")))]
        facts = [("Fusion", f"{levels}, {f(t['fusion'])}"),
                 ("Indication", "multilevel fusion / risk of non-union" if not failed else "failed prior fusion")]
    elif key == "tens":
        trial = c.lines[0].how == "rental"
        months = rng.randint(4, 36)
        leads = "4" if c.lines[0].code == "E0730" else "2"
        q = [("1. Type of pain: (1) chronic, intractable (2) acute post-operative", "1"),
             ("2. Months the patient has had this pain", str(months)),
             ("3. Were other appropriate treatments tried and found ineffective?", "Y"),
             ("4. Is this order for a one-month rental trial?", "Y" if trial else "N"),
             ("5. If purchase: trial start date", "D" if trial else f(t["trial_start"])),
             ("6. If purchase: used at least 5 days a week during the trial with documented benefit?",
              "D" if trial else "Y"),
             ("7. Number of leads", leads)]
        tried = ", ".join(rng.sample(("physical therapy", "NSAIDs", "gabapentin", "home exercise program",
                                      "heat/ice", "chiropractic care"), 3))
        facts = [("Pain duration", f"{months} months"), ("Tried and failed", tried)]
        if not trial:
            facts.append(("TENS trial", f"{f(t['trial_start'])} - {f(t['trial_end'])}, pain 7/10 -> 3/10"))
    elif key == "bed":
        q = [("Does the patient's condition require positioning not possible in an ordinary bed?", "Y"),
             ("Must the head of the bed be raised more than 30 degrees most of the time?", rng.choice(yn)),
             ("Are frequent or immediate changes in body position needed?", "Y"),
             ("Patient weight (lbs)", str(c.weight_lb))]
        facts = [("Positioning", "needs frequent repositioning; HOB elevation for aspiration risk"),
                 ("Weight", f"{c.weight_lb} lbs")]
        if "E0277" in codes:
            ulcer = f"stage {rng.choice((3, 4))} pressure injury, sacrum, {rng.uniform(2, 5):.1f} x " \
                    f"{rng.uniform(1, 3.5):.1f} cm"
            q.append(("Pressure injury (stage, site, size)", ulcer))
            facts.append(("Wound", ulcer))
    elif key in ("wheelchair", "pwc", "walker"):
        q = [("Does a mobility limitation keep the patient from mobility-related daily activities in the home?", "Y"),
             ("Can the limitation be resolved with a cane or walker?", "N" if key != "walker" else "Y"),
             ("Does the home allow use of the item (doorways, surfaces, turning space)?", "Y")]
        if key == "wheelchair":
            q.append(("Can the patient self-propel, or is a caregiver available to propel?", "Y"))
            q.append(("Seat width x depth (in)", rng.choice(("18 x 16", "20 x 18", "16 x 16"))))
        if key == "pwc":
            q.append(("Date of face-to-face mobility examination", f(t["f2f"])))
            q.append(("Can the patient self-propel a manual wheelchair?", "N"))
            q.append(("Able to operate a power wheelchair safely?", "Y"))
            q.append(("Home assessment completed on", f(t["home_eval"])))
        q.append(("Patient weight (lbs)", str(min(c.weight_lb, 295) if key == "pwc" else c.weight_lb)))
        facts = [("Mobility", rng.choice(("non-ambulatory beyond 10 feet", "ambulates 15 ft with max assist",
                                          "unsteady gait, 2 falls in 3 months"))),
                 ("Weight / height", f"{c.weight_lb} lbs / {c.height_in} in")]
    elif key in ("knee_orthosis", "shoulder_orthosis"):
        side = {"RT": "right", "LT": "left"}.get(c.side, "right")
        q = [("Side", side), ("Is the orthosis needed to stabilize a weak or deformed body part or restrict motion?",
                              "Y"),
             ("Post-operative use?", "Y" if key == "shoulder_orthosis" else rng.choice(yn)),
             ("Fitting: off-the-shelf (O) or custom fitted (C)", "C" if any(ln.code == "L1843" for ln in c.lines)
              else "O")]
        if key == "shoulder_orthosis":
            q.append(("Date of surgery", f(t["surgery"])))
        reasons = (("post-op immobilization after rotator cuff repair", "protect repair, abduction 15-30 degrees")
                   if key == "shoulder_orthosis" else ("instability with weight bearing", "painful varus deformity",
                                                       "medial compartment unloading", "ligamentous laxity"))
        facts = [("Side", side), ("Reason", rng.choice(reasons))]
        if key == "shoulder_orthosis":
            facts.append(("Date of surgery", f(t["surgery"])))
    elif key == "diabetes":
        a1c = round(rng.uniform(7.1, 10.9), 1)
        cgm = "E2103" in codes
        per_day = rng.choice((3, 4)) if insulin else rng.choice((1, 2))
        q = [("Is the patient treated with insulin?", "Y" if insulin else "N"),
             ("Tests per day ordered" if not cgm else "Insulin injections per day (or pump)",
              str(per_day) if not cgm else rng.choice(("3", "4", "pump"))),
             ("Most recent HbA1c (%) and date", f"{a1c}% {f(t['a1c'])}")]
        if cgm:
            q.append(("History of problematic hypoglycemia?", rng.choice(yn)))
        facts = [("Insulin", "yes" if insulin else "no, oral agents"), ("HbA1c", f"{a1c}% ({f(t['a1c'])})")]
        if not cgm:
            facts.append(("Testing frequency", f"{per_day}x daily"))
    elif key == "enteral":
        kcal = next((ln.use for ln in c.lines if ln.code == "B4150"), "1,500 kcal/day")
        q = [("Is there a permanent (90 days or more) impairment of swallowing or of the gut?", "Y"),
             ("Administration method: (1) syringe (2) gravity (3) pump", "3"),
             ("Calories per day", kcal.split()[0]), ("Days per week administered", "7"),
             ("Date the feeding tube was placed", f(t["tube"]))]
        facts = [("Route", rng.choice(("PEG tube", "G-tube", "J-tube"))), ("Regimen", f"{kcal} via pump"),
                 ("Tube placed", f(t["tube"]))]
    elif key == "cpm":
        q = [("Date of knee replacement surgery", f(t["surgery"])), ("Rental days requested", "21"),
             ("Side", {"RT": "right", "LT": "left"}.get(c.side, "right"))]
        facts = [("Surgery", f"total knee arthroplasty {f(t['surgery'])}"), ("Rental", "21 days")]
    elif key == "neb":
        ratio = round(rng.uniform(0.41, 0.68), 2)
        q = [("Drug(s) ordered for the nebulizer", "albuterol 2.5 mg/3 mL" + (
            ", budesonide 0.5 mg/2 mL" if "J7626" in codes else "")),
             ("Frequency", rng.choice(("TID", "QID and PRN", "every 6 hours PRN"))),
             ("FEV1/FVC and date", f"{ratio} ({f(t['spiro'])})")]
        facts = [("Spirometry", f"FEV1/FVC {ratio} on {f(t['spiro'])}")]
    return q, facts


# --- the context ------------------------------------------------------------------------------------------------
def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _fmt(day, ds)

    cat = _pick_cat(case, rng)
    items = _pick_items(case, rng, cat)
    dx = _diagnoses(case, rng, cat)
    side = _side_of(dx[0][0]) if any(i.sided for i in items) else ""
    if not side and any(i.sided for i in items):
        side = rng.choice(("RT", "LT"))
    mode = rng.choice(("initial",) * 6 + ("recert",) * 3 + ("revised",))
    tens_trial = cat.key == "tens" and items[0].how == "rental"
    if tens_trial:
        items = [i for i in items if i.code != "A4630"]  # batteries only for a unit the patient owns
    if cat.key not in _RENEWABLE:
        mode = "initial"  # one-time items, purchases and trials are not recertified or revised
    insulin = "Z79.4" in {c for c, _ in dx} or any(i.code == "E2103" for i in items) or rng.random() < 0.4
    lpm = rng.choice((0.5, 1.0, 1.5, 2.0, 2.0, 2.0, 2.5, 3.0, 3.0, 4.0, 5.0)) if cat.key == "oxygen" else 0.0
    portable = any(i.group == "portable" for i in items)
    lines = _lines(rng, items, cat, mode, side, insulin, lpm, portable)
    dates = _timeline(case, rng, mode)
    faxed, s = dates["faxed"], dates["s"]
    retro = mode == "initial" and s < faxed
    near = not retro and 0 < (s - faxed).days <= 2

    # --- identity
    medicare = case.plan_style == "mbi"
    person = rng.choice(("Beneficiary", "Beneficiary", "Patient")) if medicare else rng.choice(
        ("Patient", "Member", "Patient"))
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    variant = rng.choice(("First Last", "Last, First", "LAST, FIRST", "LAST, FIRST MI", "split"))
    if variant == "split":
        labels = rng.choice(((f"{person} Last Name", "First Name", "MI"), ("Last Name", "First Name", "M.I."),
                             ("Last", "First", "MI")))
        name_rows = [(labels[0], case.last.upper() if rng.random() < 0.4 else case.last), (labels[1], case.first)]
        if rng.random() < 0.6:
            name_rows.append((labels[2], mi))
        name, name_shown = "", name_rows[0][1]
    else:
        name = {"First Last": case.full_name, "Last, First": f"{case.last}, {case.first}",
                "LAST, FIRST": f"{case.last.upper()}, {case.first.upper()}",
                "LAST, FIRST MI": f"{case.last.upper()}, {case.first.upper()} {mi}"}[variant]
        options = [f"{person} Name", f"{person}'s Name", "Name"]
        if variant == "LAST, FIRST MI":
            options = [f"{person} Name (Last, First, MI)", "Patient Name (Last, First, MI)"]
        elif "," in name:
            options += [f"{person} Name (Last, First)"]
        name_rows = [(rng.choice(options), name)]
        name_shown = name
    style = case.plan_style if case.plan_style in _MEMBER_STYLE else "generic"
    member_label = rng.choice(_MEMBER_STYLE[style] * 2 + _MEMBER_ANY)
    dob_style = "mdy" if rng.random() < 0.3 else ds
    dob_label = rng.choice(_DOB_LABELS)
    if dob_style == "mdy_yy" and rng.random() < 0.5:
        dob_label = "DOB (MM/DD/YY)"
    elif dob_style == "mdy" and rng.random() < 0.3:
        dob_label = "Date of Birth (MM/DD/YYYY)"
    secondary = None
    if style != "medicaid" and rng.random() < 0.25:
        payer = rng.choice(_SECONDARY[:2] if medicare else (_SECONDARY[0], _SECONDARY[2]))
        digits = "".join(rng.choice("0123456789") for _ in range(8))
        sec_id = rng.choice("123456789") + digits if "Medicaid" in payer else rng.choice("WHMKRT") + digits + "7"
        secondary = (payer, sec_id)

    # --- supplier and practitioner
    sv, rq = case.servicing, case.requesting
    supplier = rng.choice(_SUPPLIERS[cat.supplier])
    if sv.npi != rq.npi:
        supplier_npi: str | None = sv.npi
        addr = f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"
    else:
        city, state = rng.choice(CITIES)
        supplier_npi = make_npi(rng)
        addr = f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} {rng.randint(10000, 99899):05d}"
    if rng.random() < 0.3:
        addr += f"-{rng.randint(1000, 9999)}"
    if rng.random() < 0.15:
        supplier_npi = None  # the supplier prints only its NSC number
    nsc = f"{rng.randint(100000, 999999):06d}{rng.choice(('0001', '0001', '0002', '0003'))}"
    ctx = _Ctx(
        case=case, rng=rng, f=f, cat=cat, lines=lines, cpt=[], dx=dx, undotted=rng.random() < 0.25, mode=mode,
        retro=retro, near=near, dates=dates,
        lon=rng.choice(("99", "12")) if cat.key == "tens" and not tens_trial else rng.choice(cat.lon), side=side,
        name=name, name_rows=name_rows,
        name_shown=name_shown, person=person, dob=_fmt(case.dob, dob_style), dob_label=dob_label,
        member_label=member_label, supplier=supplier, supplier_addr=addr, supplier_phone=fictional_phone(rng),
        supplier_fax=fictional_phone(rng), supplier_npi=supplier_npi, nsc=nsc,
        supplier_tin=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}", contact=rng.choice(_CONTACTS),
        practice=rng.choice(_PRACTICES[cat.practice]), upin=f"{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}",
        license=rng.choice((f"{rq.state} {rng.randint(100000, 999999)}", f"MD{rng.randint(10000, 99999)}")),
        height_in=rng.randint(58, 76), weight_lb=rng.randint(112, 330), questions=[], facts=[],
        with_ref=mode != "initial" and rng.random() < 0.6, secondary=secondary, hospital=rng.choice(_HOSPITALS),
    )
    ctx.questions, ctx.facts = _clinical(ctx, lpm, insulin)
    if case.urgent and mode == "initial" and (near or retro):
        ctx.facts.append((rng.choice(("Hospital stay", "Inpatient stay", "Current admission")),
                          f"{ctx.hospital}, admitted {f(dates['admit'])}, discharge {f(dates['discharge'])}"))
    own_cpt = {c for c, _ in case.cpt}
    ctx.cpt = [x for x in cat.cpt if x[0] in own_cpt or rng.random() < 0.25]
    ctx.npis = [rq.npi] + ([supplier_npi] if supplier_npi and supplier_npi != rq.npi else [])
    return ctx


# --- pieces the layouts share -----------------------------------------------------------------------------------
def _s_label(c: _Ctx) -> str:
    if c.mode == "recert":
        return c.rng.choice(_S_RECERT)
    if c.mode == "revised":
        return c.rng.choice(_S_REVISED)
    return c.rng.choice(_S_RETRO if c.retro else _S_INITIAL)


def _table_s_label(c: _Ctx) -> str:
    return c.rng.choice(_S_TABLE["retro" if c.retro else c.mode])


def _words(c: _Ctx) -> str:
    return c.cat.words


def _urgency(c: _Ctx) -> list[Block]:
    """Mostly routine; urgent only when the case is: a ticked box, a Yes, typed wording, or several."""
    rng, urgent, f, d = c.rng, c.case.urgent, c.f, c.dates
    how = rng.randrange(5)
    out: list[Block] = []
    if how == 0:
        out.append(Checks((("Yes", urgent, "urgent"), ("No", not urgent, "non_urgent")),
                          label=rng.choice(("Expedited review requested?", "Urgent?", "Expedite (72 hrs)?"))))
    elif how == 1:
        out.append(Checks((("Standard", not urgent, "non_urgent"),
                           (rng.choice(("Expedited", "Urgent (72 hours)", "EXPEDITED / URGENT")), urgent, "urgent")),
                          label=rng.choice(("Review type:", "Priority:", "Request type:"))))
    elif how == 2:
        out.append(Checks((("Routine", not urgent, "non_urgent"),
                           ("Hospital discharge - expedite", urgent, "urgent")),
                          label=rng.choice(("Priority:", "Delivery priority:"))))
    elif how == 3 and not urgent:
        out.append(Text(rng.choice(("Priority: Routine", "Review type: standard (non-urgent)",
                                    "Routine request - standard turnaround")), bold=True))
    if urgent and (how >= 3 or rng.random() < 0.5):
        why = _URGENT_WHY.get(c.cat.key, "delay could seriously jeopardize the patient's health")
        if c.mode != "initial":
            why = f"the current authorization ends {f(d['prev_end'])}; a gap would interrupt therapy in use"
        if c.near and c.mode == "initial":
            gap = (d["s"] - d["faxed"]).days
            options = [f"URGENT \u2013 hospital discharge today; equipment must be in the home by {f(d['s'])}.",
                       f"URGENT - patient discharging from {c.hospital} today. Delivery needed {f(d['s'])}.",
                       f"URGENT \u2013 hospital discharge {'tomorrow' if gap == 1 else 'in 2 days'}; please expedite."]
        elif c.retro:
            options = [f"URGENT / expedited retro review - discharged from {c.hospital} on {f(d['discharge'])}; "
                       "equipment set up right after discharge.",
                       f"EXPEDITED REVIEW REQUESTED - {why}; set up at discharge."]
        else:
            options = [f"EXPEDITED REVIEW REQUESTED - {why}.", f"** URGENT ** Please expedite: {why}."]
        out.append(Text(rng.choice(options), bold=True))
    elif not urgent and rng.random() < 0.2:
        out.append(Text(f"Hospital discharges and other urgent requests: call {c.case.plan_phone} before faxing.",
                        size=7.5))
    return out


def _patient_rows(c: _Ctx, address: bool = True) -> tuple[list[tuple[str, str]], tuple[str | None, ...]]:
    case, rng = c.case, c.rng
    rows = [*c.name_rows, (c.dob_label, c.dob), (c.member_label, case.policy_printed)]
    keys: tuple[str | None, ...] = (None,) * (len(rows) - 1) + ("policy_id",)
    if rng.random() < 0.6:
        rows.append(("Sex", case.sex if rng.random() < 0.5 else {"F": "Female", "M": "Male"}[case.sex]))
    if address:
        city, state = rng.choice(CITIES)
        rows.append(("Address", f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} "
                                f"{rng.randint(10000, 99899):05d}"))
        rows.append(("Phone", fictional_phone(rng)))
    if rng.random() < 0.45:
        rows.append((rng.choice(("Plan", "Insurance", "Payer")), case.plan))
    if rng.random() < 0.3:
        rows.append((rng.choice(("Group #", "Group No.")), case.group_number))
    if c.secondary:
        rows.append((rng.choice(("Secondary payer", "Secondary insurance")), c.secondary[0]))
        rows.append((rng.choice(("Secondary ID", "Secondary policy #")), c.secondary[1]))
    return rows, keys


def _patient_kv(c: _Ctx, rows: list[tuple[str, str]], keys: tuple[str | None, ...], heading: str, cols: int,
                kv_style: str) -> list[Block]:
    """The patient block; a one-cell name gets a line of its own where a label beside it would squeeze it."""
    if c.name and cols > 1 and kv_style in ("inline", "underline"):
        return [kv(rows[:1], heading, cols=1), kv(rows[1:], cols=cols, keys=keys[1:])]
    return [kv(rows, heading, cols=cols, keys=keys)]


def _supplier_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    rows = [(rng.choice(("Supplier", "Supplier Name", "DME Supplier")), c.supplier),
            ("Address", c.supplier_addr), ("Phone", c.supplier_phone)]
    if c.supplier_npi:
        rows.append((rng.choice(("Supplier NPI", "NPI", "NPI #")), c.supplier_npi))
    if c.case.plan_style == "mbi" or rng.random() < 0.5:
        rows.append((rng.choice(("NSC #", "NSC No.", "PTAN / NSC #", "Supplier PTAN")), c.nsc))
    if rng.random() < 0.4:
        rows.append((rng.choice(("Tax ID", "TIN")), c.supplier_tin))
    if c.case.plan_style == "medicaid" and rng.random() < 0.5:
        rows.append(("Medicaid Provider #", f"{rng.randint(10000000, 99999999)}"))
    return rows


def _practitioner_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng, rq = c.rng, c.case.requesting
    rows = [(rng.choice(("Ordering Physician", "Ordering Practitioner", "Physician Name", "Treating Practitioner")),
             rq.name),
            (rng.choice(("Physician NPI", "NPI", "Ordering NPI", "NPI #")), rq.npi),
            (rng.choice(("Practice", "Clinic")), c.practice),
            ("Address", f"{rq.street}, {rq.city}, {rq.state} {rq.zip}"),
            ("Phone", rq.phone)]
    if rng.random() < 0.5:
        rows.append(("Fax", rq.fax))
    if rng.random() < 0.35:
        rows.append((rng.choice(("UPIN", "Physician UPIN")), c.upin))
    if rng.random() < 0.3:
        rows.append((rng.choice(("License #", "State Lic.")), c.license))
    if rng.random() < 0.3:
        rows.append(("PECOS enrolled", rng.choice(("Yes", "Y"))))
    return rows


def _dx_blocks(c: _Ctx) -> list[Block]:
    rng = c.rng
    how = rng.randrange(3)
    if how == 0:
        rows = tuple((str(i + 1), c.dx_code(code), desc) for i, (code, desc) in enumerate(c.dx))
        return [Table(("#", "ICD-10-CM", "Description"), rows, widths=(0.4, 1.2, 4.6),
                      heading=rng.choice(("Diagnoses", "DIAGNOSIS CODES (ICD-10)", "Diagnosis")))]
    if how == 1:
        lines = [f"Dx {i + 1}: {c.dx_code(code)} - {desc}" for i, (code, desc) in enumerate(c.dx)]
        return [Text(rng.choice(("Diagnoses", "Diagnosis (ICD-10)")), bold=True), Text("\n".join(lines))]
    codes = ", ".join(c.dx_code(code) for code, _ in c.dx)
    return [Text(f"{rng.choice(('ICD-10 Dx', 'Diagnosis codes', 'ICD-10-CM'))}: {codes}")]


def _lon_text(c: _Ctx) -> str:
    if c.lon == "99":
        return c.rng.choice(("99", "99 (lifetime)", "99 months (lifetime)"))
    return c.rng.choice((c.lon, f"{c.lon} months", f"{c.lon} mo"))


_COLUMN_WEIGHTS = {
    "Item": 0.4, "HCPCS / Mod": 1.3, "Qty": 0.45, "R/P": 0.45, "LON": 0.45, "Length of Need": 0.6, "HCPCS": 0.75,
    "Code": 0.75, "HCPCS Code": 0.75, "Mod": 0.75, "Modifier(s)": 0.75, "Mods": 0.75, "Description": 2.8,
    "Item Description": 2.8, "Equipment / Supply": 2.8, "Unit": 0.8, "Units / per": 0.8, "Frequency / Use": 1.3,
    "Use": 1.3, "Frequency": 1.3, "Rental / Purchase": 0.7, "Rental Mos.": 0.6, "Months": 0.6, "# Mos": 0.6,
}


def _item_table(c: _Ctx, with_s: bool) -> Table:
    """The SWO item table: code, modifiers, description, quantity and unit, use, rental months, length of need."""
    rng, f = c.rng, c.f
    joined = rng.random() < 0.35  # `E0601 RR KX` in one column
    head: list[str] = ["Item"] if rng.random() < 0.5 else []
    head += ["HCPCS / Mod"] if joined else [rng.choice(("HCPCS", "Code", "HCPCS Code")),
                                            rng.choice(("Mod", "Modifier(s)", "Mods"))]
    head += [rng.choice(("Description", "Item Description", "Equipment / Supply")), "Qty",
             rng.choice(("Unit", "Units / per")), rng.choice(("Frequency / Use", "Use", "Frequency")),
             rng.choice(("R/P", "Rental / Purchase")), rng.choice(("Rental Mos.", "Months", "# Mos"))]
    with_lon = rng.random() < 0.5
    if with_lon:
        head.append(rng.choice(("LON", "Length of Need")))
    if with_s:
        head.insert(0, _table_s_label(c))
    rows = []
    for i, ln in enumerate(c.lines, 1):
        row: list[str] = [str(i)] if head[1 if with_s else 0] == "Item" else []
        row += [ln.coded(" ")] if joined else [ln.code, ln.mods_text(rng.choice((" ", ", ", "-")))]
        rp = {"rental": "R", "purchase": "P"}.get(ln.how, "P")
        row += [ln.desc, str(ln.qty), ln.unit, ln.use, rp, ln.months or "-"]
        if with_lon:
            row.append(c.lon)
        if with_s:
            row.insert(0, f(c.dates["s"]))
        rows.append(tuple(row))
    widths = tuple(_COLUMN_WEIGHTS.get(h, 0.95) for h in head)
    heading = rng.choice(("Items Ordered", "EQUIPMENT / SUPPLIES ORDERED", "Order Detail", "Detailed Product "
                                                                                           "Description"))
    return Table(tuple(head), tuple(rows), widths=widths, heading=heading)


def _cpt_block(c: _Ctx) -> list[Block]:
    if not c.cpt:
        return []
    rng = c.rng
    if rng.random() < 0.5:
        return [Table(("CPT", "Related service requested", "Units"),
                      tuple((code, desc, str(rng.randint(1, 2))) for code, desc in c.cpt), widths=(0.8, 4.6, 0.6),
                      heading=rng.choice(("Related services", "Services (CPT)")))]
    text = "; ".join(f"CPT {code} - {desc}" for code, desc in c.cpt)
    return [Text(f"{rng.choice(('Also requested', 'Related service', 'Set-up / training'))}: {text}")]


def _facts_block(c: _Ctx, heading: bool = True) -> list[Block]:
    rng = c.rng
    rows = list(c.facts)
    rows.append((rng.choice(_F2F_LABELS), c.f(c.dates["f2f"])))
    if c.mode != "initial":
        rows.append((rng.choice(("Original start date", "Initial date (original)", "On service since")),
                     c.f(c.dates["orig"])))
    out: list[Block] = []
    if rng.random() < 0.5:
        out.append(kv(rows, rng.choice(("Clinical Information", "QUALIFYING INFORMATION", "Medical necessity"))
                       if heading else "", cols=2))
    else:
        if heading:
            out.append(Text(rng.choice(("Clinical information", "Medical necessity")), bold=True))
        out.append(Text("\n".join(f"{label}: {value}" for label, value in rows)))
    return out


def _reference_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng, f, d = c.rng, c.f, c.dates
    rows: list[tuple[str, str]] = []
    if c.mode != "initial":
        rows.append((rng.choice(("Previous certification", "Current auth period", "Prior approval dates")),
                     f"{f(d['orig'])} - {f(d['prev_end'])}"))
        if c.with_ref:
            rows.append((rng.choice(_REF_LABELS), c.case.reference_id))
    elif rng.random() < 0.3:
        rows.append((rng.choice(("PA # (plan use)", "Auth #", "Authorization #")), rng.choice(("", "pending",
                                                                                              "________"))))
    return rows


def _running_header(c: _Ctx) -> Text:
    who = c.name or f"{c.case.last.upper()}, {c.case.first.upper()}"
    return Text(c.rng.choice((f"{c.person}: {who}   {c.dob_label}: {c.dob}   - page 2",
                              f"{who} | {c.dob_label} {c.dob} | {c.member_label} {c.case.policy_printed} | cont.")),
                size=8)


def _sign_lines(c: _Ctx) -> list[Block]:
    rng, rq, f, d = c.rng, c.case.requesting, c.f, c.dates
    return [Text(rng.choice((
        f"Practitioner signature: {rq.name} (electronically signed)    Date signed: {f(d['signed'])}",
        f"Signature: ______________________  {rq.name}    Date: {f(d['signed'])}",
        f"Ordering practitioner: {rq.name}    NPI {rq.npi}    Signed {f(d['signed'])}")))]


# --- the three layouts ------------------------------------------------------------------------------------------
_CMN_TITLES = {
    "oxygen": ("CERTIFICATE OF MEDICAL NECESSITY - HOME OXYGEN", "Oxygen Certificate of Medical Necessity (CMN)",
               "HOME OXYGEN THERAPY - CERTIFICATE OF MEDICAL NECESSITY"),
    "pcd": ("CERTIFICATE OF MEDICAL NECESSITY - PNEUMATIC COMPRESSION DEVICE",
            "Pneumatic Compression Device CMN"),
    "osteo": ("CERTIFICATE OF MEDICAL NECESSITY - OSTEOGENESIS STIMULATOR", "Osteogenesis Stimulator CMN"),
    "tens": ("CERTIFICATE OF MEDICAL NECESSITY - TENS", "Transcutaneous Electrical Nerve Stimulator (TENS) CMN"),
    "dif": ("DME INFORMATION FORM", "Durable Medical Equipment - Certificate of Medical Necessity",
            "DME MEDICAL NECESSITY CERTIFICATION", "Certificate of Medical Necessity - Equipment and Supplies"),
}


def _cmn(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A CMN / DME information form in sections A-D."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "courier"))
    style = Style(font, 8 if font in ("dejavu_sans", "courier") else 8.5, rng.choice(("boxed", "boxed", "stacked",
                                                                                       "inline")))
    cols = 3 if style.kv != "inline" else 2
    form_no = rng.choice(("Form EQ-CMN-2 (rev. 06/2025)", "DME-IF 07/2024", "UM-DME-11 rev. 2025",
                          "Form 3318-D (01/2026)"))
    blocks: list[Block] = []
    if rng.random() < 0.4:
        blocks += [Banner(case.plan, f"Durable Medical Equipment Prior Authorization - Fax {case.plan_fax}"),
                   Title(rng.choice(_CMN_TITLES[c.cat.cmn]), 11.5)]
    else:
        blocks += [Title(rng.choice(_CMN_TITLES[c.cat.cmn]), 11.5, rng.choice(("center", "left"))),
                   Text(f"{form_no}   |   Return to {case.plan} DME Prior Authorization, fax {case.plan_fax}",
                        size=7.5)]
    blocks += _urgency(c)
    # Section A
    blocks.append(Text(rng.choice(("SECTION A - Certification type / date; supplier may complete",
                                   "SECTION A   May be completed by the supplier")), bold=True))
    blank = rng.choice(("", "__/__/__", "N/A"))
    initial_label = rng.choice(("Initial Date", "INITIAL", "Initial date needed") + (
        ("Initial (MM/DD/YY)",) if f(d["s"]).count("/") == 2 and len(f(d["s"])) == 8 else ()))
    if c.mode == "initial":
        cert = [(initial_label, f(d["s"])), ("Revised", blank), ("Recertification", blank)]
    elif c.mode == "recert":
        cert = [(initial_label, f(d["orig"])), ("Revised", blank),
                (rng.choice(("Recertification", "RECERTIFICATION", "Recert Date")), f(d["s"]))]
    else:
        cert = [(initial_label, f(d["orig"])), (rng.choice(("Revised", "REVISED", "Revised Date")), f(d["s"])),
                ("Recertification", blank)]
    blocks.append(Checks((("Initial", c.mode == "initial", None), ("Revised", c.mode == "revised", None),
                          ("Recertification", c.mode == "recert", None)), label="Certification type:"))
    blocks.append(kv(cert, cols=3))
    refs = _reference_rows(c)
    if refs:
        blocks.append(kv(refs, cols=2))
    p_rows, keys = _patient_rows(c)
    p_rows += [("HT (in)", str(c.height_in)), ("WT (lbs)", str(c.weight_lb))]
    blocks += _patient_kv(c, p_rows, keys, rng.choice((f"{c.person.upper()}", f"{c.person} Information", "")),
                          cols, style.kv)
    s_rows = _supplier_rows(c)
    s_rows.append((rng.choice(("Place of Service", "POS")), rng.choice(("12", "12 - Home", "Home (12)"))))
    sep = rng.choice(("  ", ", ", " / "))
    s_rows.append((rng.choice(("HCPCS Codes", "Supply item / service codes", "Item codes (HCPCS)")),
                   sep.join(ln.code for ln in c.lines)))
    blocks.append(kv(s_rows, rng.choice(("SUPPLIER", "Supplier Information", "")), cols=cols))
    blocks.append(kv(_practitioner_rows(c), rng.choice(("PHYSICIAN / PRACTITIONER", "Ordering Practitioner", "")),
                      cols=cols))
    if rng.random() < 0.4:
        blocks.append(kv([(rng.choice(_ORDER_LABELS), f(d["order"]))], cols=2))
    split = rng.random() < 0.5
    if split:
        blocks += [PageBreak(), _running_header(c)]
    # Section B
    blocks.append(Text(rng.choice(("SECTION B - Medical necessity; may not be completed by the supplier",
                                   "SECTION B   To be completed by the ordering practitioner or the practitioner's "
                                   "staff (not the supplier)")), bold=True))
    blocks.append(Text("Answer Y for yes, N for no or D for does not apply, unless a number or date is asked for.",
                       size=7.5))
    b_rows = [(rng.choice(("Est. length of need (# of months)", "LENGTH OF NEED (99 = lifetime)",
                           "Length of need (months)")), c.lon)]
    for i, (code, _) in enumerate(c.dx):
        b_rows.append((rng.choice((f"ICD-10 #{i + 1}", f"Dx code {i + 1}", f"ICD-10 ({i + 1})")), c.dx_code(code)))
    blocks.append(kv(b_rows, cols=min(2 if style.kv == "inline" else 4, len(b_rows))))
    numbered = c.cat.cmn != "dif"
    q_rows = tuple((q.split(" ", 1)[0].rstrip("."), q.split(" ", 1)[1], a) if numbered else (str(i + 1), q, a)
                   for i, (q, a) in enumerate(c.questions))
    blocks.append(Table(("No.", "Question", "Answer"), q_rows, widths=(0.5, 4.9, 1.5),
                        heading=rng.choice(("", "Questions", "Medical necessity questions"))))
    if rng.random() < 0.6:
        who = rng.choice(_STAFF)
        blocks.append(kv([("Name of person answering Section B (if not the practitioner)", who.split(",")[0]),
                           ("Title", who.split(", ", 1)[1]), ("Employer", c.practice)],
                          cols=1 if style.kv == "inline" else 3))
    # Section C
    blocks.append(Text(rng.choice(("SECTION C - Narrative description of equipment and cost (supplier)",
                                   "SECTION C   Equipment description and charges")), bold=True))
    rows = tuple((ln.code, ln.mods_text(), ln.desc, str(ln.qty) if ln.how != "rental" else "1",
                  ln.charge, ln.allow) for ln in c.lines)
    blocks.append(Table(("HCPCS", "Mod", "Description", "Qty", "Supplier charge", "Allowance"), rows,
                        widths=(0.75, 0.8, 3.0, 0.45, 1.0, 1.0)))
    blocks += _cpt_block(c)
    if c.cat.key == "pcd" and any(ln.code == "E0652" for ln in c.lines):
        blocks.append(Text("Calibrated unit: patient has fibrotic tissue at the axilla requiring graded pressures.",
                           size=8))
    # Section D
    blocks.append(Text(rng.choice(("SECTION D - Practitioner attestation and signature",
                                   "SECTION D   Attestation")), bold=True))
    blocks.append(Text("I certify that I am the treating practitioner identified in Section A, that the answers in "
                       "Section B are true and supported by the medical record, and that I have reviewed Sections A "
                       "and C.", size=7.5))
    blocks += _sign_lines(c)
    footer = rng.choice((form_no + "   Page {page} of {pages}", "CMN - page {page}/{pages}", ""))
    return blocks, style, footer


def _letterhead(c: _Ctx) -> list[Block]:
    rng = c.rng
    line = f"{c.supplier_addr}  |  Tel {c.supplier_phone}  |  Fax {c.supplier_fax}"
    ids = []
    if c.supplier_npi and rng.random() < 0.5:
        ids.append(f"NPI {c.supplier_npi}")
        c.memo["letterhead_npi"] = "yes"
    if rng.random() < 0.5:
        ids.append(f"NSC {c.nsc}")
    if ids:
        line += "  |  " + "  ".join(ids)
    if rng.random() < 0.35:
        return [Banner(c.supplier.upper() if len(c.supplier) < 40 else c.supplier, line)]
    return [Text(c.supplier, bold=True, size=12), Text(line, size=7.5), Rule()]


def _swo(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A supplier's standard written order with an item table."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "times", "liberation_serif"))
    style = Style(font, 9 if font in ("times", "liberation_serif") else 8.5, rng.choice(("inline", "underline",
                                                                                         "boxed")))
    placement = rng.choice(("top", "top", "table", "line"))
    blocks = _letterhead(c)
    blocks.append(Title(rng.choice(("STANDARD WRITTEN ORDER (SWO)", "Standard Written Order",
                                    "Standard Written Order / Prior Authorization Request",
                                    "DMEPOS WRITTEN ORDER - PRIOR AUTHORIZATION")), 12.5,
                        rng.choice(("center", "left"))))
    blocks.append(Text(f"To: {case.plan} - DME Prior Authorization   Fax {case.plan_fax}   Phone {case.plan_phone}",
                       size=8.5))
    blocks += _urgency(c)
    order = [(rng.choice(_ORDER_LABELS), f(d["order"]))]
    order.append(("Order type", {"initial": rng.choice(("Initial", "New order")), "recert": "Recertification",
                                 "revised": "Revision / change in order"}[c.mode]))
    if placement == "top":
        order.insert(rng.randint(1, 2), (_s_label(c), f(d["s"])))
    order.append((rng.choice(("Length of need", "LON", "Est. length of need")), _lon_text(c)))
    order += _reference_rows(c)
    blocks.append(kv(order, rng.choice(("Order", "ORDER INFORMATION", "")), cols=2))
    p_rows, keys = _patient_rows(c)
    blocks += _patient_kv(c, p_rows, keys, rng.choice((c.person, f"{c.person.upper()} INFORMATION")), 2, style.kv)
    blocks.append(kv(_practitioner_rows(c), rng.choice(("Ordering Practitioner", "PRESCRIBER")), cols=2))
    if rng.random() < 0.6 or (c.supplier_npi and "letterhead_npi" not in c.memo):
        blocks.append(kv(_supplier_rows(c), rng.choice(("Supplier", "DME SUPPLIER")), cols=2))
    tail: list[Block] = [_item_table(c, placement == "table")]
    tail += _cpt_block(c)
    tail += _dx_blocks(c)
    tail += _facts_block(c)
    if placement == "line":
        pairs = [(rng.choice(_ORDER_LABELS), f(d["order"])), (rng.choice(_F2F_LABELS), f(d["f2f"])),
                 (_s_label(c), f(d["s"]))]
        if rng.random() < 0.5:
            pairs.append(("Date signed", f(d["signed"])))
        tail.append(Text(rng.choice(("Key dates", "DATES")), bold=True))
        tail.append(Text("    ".join(f"{label}: {value}" for label, value in pairs)))
    tail.append(Text(rng.choice((f"Deliver to: patient's home. Contact {c.contact.split(',')[0]} at "
                                 f"{c.supplier_phone} with questions.",
                                 "Item(s) to be delivered to the beneficiary's residence; refills per the frequency "
                                 "above.", "Supplier will set up the equipment and instruct the patient and "
                                           "caregiver.")), size=8))
    tail += [Gap(4), Rule(), *_sign_lines(c)]
    if rng.random() < 0.4:
        tail.append(Text(f"Date faxed: {f(d['faxed'])}", size=7.5))
    if rng.random() < 0.45:
        blocks += [PageBreak(), _running_header(c)]
    blocks += tail
    footer = rng.choice((f"{c.supplier} - SWO   Page {{page}} of {{pages}}", "Page {page} of {pages}", ""))
    return blocks, style, footer


def _lower(text: str) -> str:
    """Lower-case the first word unless it is an acronym (`COPD`, `ADHD`)."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _honorific(c: _Ctx) -> str:
    if "who" not in c.memo:
        title = "Ms." if c.case.sex == "F" else "Mr."
        c.memo["who"] = c.rng.choice((f"{title} {c.case.last}", c.case.full_name))
    return c.memo["who"]


def _codes_prose(c: _Ctx) -> str:
    rng = c.rng
    sep = rng.choice(("-", " "))
    parts = []
    for ln in c.lines:
        code = ln.coded(sep)
        if ln.how in ("supply", "drug") and ln.qty > 1:
            code += f" x {ln.qty}"
        parts.append(f"{code} ({_lower(ln.desc.split(',')[0])})" if rng.random() < 0.6 else code)
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def _prose_s(c: _Ctx) -> str:
    rng, d = c.rng, c.dates
    s = d["s"]
    day = rng.choice((c.f(s), _long(s)))
    w = _words(c)
    if c.mode == "recert":
        return rng.choice((f"We request recertification of the {w} beginning {day}.",
                           f"Please renew the authorization for continued use from {day}."))
    if c.mode == "revised":
        return rng.choice((f"The practitioner revised the order; the change takes effect {day}.",
                           f"Please update the authorization for the revised order, effective {day}."))
    if c.retro:
        return rng.choice((f"The equipment was delivered and set up on {day}; we ask for authorization from that "
                           "date.", f"Delivery was made on {day} at hospital discharge."))
    return rng.choice((f"Delivery is scheduled for {day}.", f"The equipment is needed in the home by {day}.",
                       f"We plan to set up the {w} on {day}, pending authorization.",
                       f"Please authorize the rental to begin {day}."))


def _letter(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A supplier's cover letter in prose, usually followed by an order summary page."""
    rng, case, f, d, rq = c.rng, c.case, c.f, c.dates, c.case.requesting
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 9.5 if font != "dejavu_serif" else 9, rng.choice(("inline", "inline", "boxed")))
    sheet = rng.random() < 0.75
    placement = rng.choice(("prose", "prose", "sheet")) if sheet else "prose"
    blocks = _letterhead(c)
    blocks += [Text(f(d["signed"] if rng.random() < 0.5 else d["faxed"])),
               Text(f"{case.plan}\nDME Prior Authorization Unit\nVia fax: {case.plan_fax}")]
    id_rows, keys = _patient_rows(c, address=False)
    re_rows = [("RE", rng.choice(("Prior authorization - durable medical equipment", "DME authorization request",
                                  "Request for authorization of DME")))]
    re_rows += id_rows
    re_rows += [r for r in _reference_rows(c) if r[1]]
    blocks.append(kv(re_rows, cols=1, keys=(None, *keys)))
    blocks += _urgency(c)
    who = _honorific(c)
    body = [rng.choice(("To whom it may concern:", "Dear Prior Authorization Team:", "Dear Reviewer:"))]
    intro = (f"On behalf of our mutual {c.person.lower()}, {who}, we request authorization for {_words(c)} "
             f"ordered by {rq.name} (NPI {rq.npi}) of {c.practice}. ")
    if placement == "prose":
        intro += _prose_s(c)
    else:
        intro += rng.choice(("The order summary is attached.", "Dates and quantities are on the attached order."))
    body.append(intro)
    body.append(f"The items requested are {_codes_prose(c)}. Estimated length of need: {_lon_text(c)}.")
    if c.cpt:
        body.append("We also ask for " + "; ".join(f"CPT {code} ({_lower(desc)})" for code, desc in c.cpt) + ".")
    dx = ", ".join(f"{c.dx_code(code)} ({_lower(desc)})" for code, desc in c.dx)
    body.append(f"Diagnoses: {dx}.")
    facts = "; ".join(f"{_lower(label)}: {value}" for label, value in c.facts)
    body.append(f"{rq.name.split(',')[0]} last saw the patient on {f(d['f2f'])} and signed the order on "
                f"{f(d['order'])}. Supporting findings: {facts}.")
    if c.mode != "initial":
        body.append(f"The {c.person.lower()} has used the equipment since {f(d['prior_delivery'])}.")
    body.append(rng.choice(("Enclosed: standard written order, face-to-face note, qualifying test results.",
                            "Attached are the signed order and the practitioner's notes.")))
    body.append(f"Please contact {c.contact.split(',')[0]} at {c.supplier_phone} with any questions.")
    blocks += [Text(p) for p in body]
    sig = f"Sincerely,\n\n{c.contact}\n{c.supplier}"
    ids = []
    if c.supplier_npi:
        ids.append(f"Supplier NPI {c.supplier_npi}")
    ids.append(f"NSC # {c.nsc}")
    blocks.append(Text(sig + "\n" + "  |  ".join(ids)))
    if sheet:
        blocks += [PageBreak(), Title(rng.choice(("ORDER SUMMARY", "Standard Written Order - Summary",
                                                  "DETAILED ORDER")), 12), _running_header(c)]
        rows = [(rng.choice(_ORDER_LABELS), f(d["order"]))]
        if placement == "sheet" or rng.random() < 0.5:
            rows.append((_s_label(c), f(d["s"])))
        rows.append(("Length of need", _lon_text(c)))
        blocks.append(kv(rows, cols=3))
        blocks.append(_item_table(c, False))
        blocks += _dx_blocks(c)
        blocks += _sign_lines(c)
    footer = rng.choice(("", "Page {page} of {pages}", f"{c.supplier} - confidential"))
    return blocks, style, footer


def _check_printed(doc: Doc, c: _Ctx) -> None:
    """Every expected value is in the document's text (a generator bug otherwise)."""
    text = to_text(doc)
    flat = " ".join(text.split())
    missing = [code for code in (*doc.truth.cpt, *doc.truth.hcpcs) if code not in text]
    missing += [code for code in doc.truth.icd10 if c.dx_code(code) not in text]
    missing += [npi for npi in doc.truth.npi if npi not in text]
    missing += [s for s in doc.text_contains if s not in text]
    if doc.truth.reference_id and doc.truth.reference_id not in text:
        missing.append(doc.truth.reference_id)
    s = c.dates["s"]
    if not any(form in flat for form in (c.f(s), _long(s))):
        missing.append(f"service date {s}")
    if missing:
        raise AssertionError(f"{FAMILY}: not printed: {missing}")


def equipment_medical_necessity_certificate(case: Case, rng: Random) -> Doc:
    """A DME certificate of medical necessity, standard written order or supplier letter."""
    c = _context(case, rng)
    layout = rng.choice(("cmn", "cmn", "swo", "swo", "letter"))
    blocks, style, footer = {"cmn": _cmn, "swo": _swo, "letter": _letter}[layout](c)
    truth = Truth(reference_id=case.reference_id if c.with_ref else None, policy_id=case.policy_id, dob=case.dob,
                  patient_name=(case.first, case.last), npi=list(c.npis), cpt=[code for code, _ in c.cpt],
                  hcpcs=list(dict.fromkeys(ln.code for ln in c.lines)), icd10=[code for code, _ in c.dx],
                  service_date=c.dates["s"], urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name_shown, case.requesting.npi]
    if c.with_ref:
        contains.append(case.reference_id)
    doc = Doc(FAMILY, "pa_request_form", style, blocks, truth, contains, footer=footer,
              title="DME certificate of medical necessity / written order")
    _check_printed(doc, c)
    return doc
