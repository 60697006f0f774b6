"""Tune family added for the admission date as the service date: a hospital's (or post-acute facility's) inpatient
admission notification / precertification of an inpatient stay, faxed by its utilization review (UR) or case
management department to the health plan's UM department.

Four kinds of request, one per document: the notification of an emergency or urgent admission (a Notice of
Admission sent within a day or two of the admission, sometimes after an observation stay converted to inpatient),
the precertification of an elective (scheduled) surgical admission, the request to admit a patient from an acute
hospital to an acute rehabilitation unit (IRF), a skilled nursing facility (SNF) or a long-term acute care hospital
(LTACH), and the continued-stay (concurrent review) request for more days. Four layouts: the facility's boxed or
stacked "Inpatient Notification Form" (labels in or above boxes, 1-2 pages, a running header on page 2), the plan's
own inpatient form filled in by the facility (banner, numbered sections, inline or underlined labels), a fixed-width
case-management printout (dotted leaders, `Admit Dt/Tm...: 11/16/2026 14:35`, UB-04 `1-EMERGENCY`) and a UR nurse's
letter (the date only in prose, e.g. "was admitted to our facility on 11/16/2026 at 2:35 PM").

What it exercises: the service date, worded Admission Date, Admit Date, Date of Admission, Admit Dt, Actual admit
date, Adm. date, Inpatient order date/admit, Admit Date/Time (often with the time), Expected / Planned / Scheduled
admission date, Requested admission date, Admit to IRF on, ..., placed in a label/value box, a line of several
pairs, the Admit column of a stay table (Admit | Discharge | LOS | level of care | revenue code) or a sentence;
among many distracting dates: DOB, ED arrival and observation start (with times), the referring acute hospital's
admission and surgery dates (post-acute), surgery / procedure date, pre-admission testing, H&P, timed labs,
(anticipated) discharge, prior admission (30-day readmission check), notification / request / fax / signature /
print dates, coverage effective date and, in a continued stay, the admit date, the approved period, the last
review and the next review. Identity as Patient / Member / Insured / Subscriber name, `Name (Last, First)` or split
Last / First (/ MI) boxes; Member ID, Subscriber ID, Policy #, Medicaid ID, Health Plan ID #, ID Number, MBI, ...;
DOB, Date of Birth, Birthdate, D.O.B.; sometimes a spouse as subscriber (a distracting name). The attending
physician's NPI (requesting) and the facility's NPI (servicing, printed in about 85%) among a Tax ID, the
facility's 6-character Medicare provider number (CCN: `140187`, `14T031` for a rehab unit, `45S012` for a psych
unit), MRN, account / encounter / FIN numbers (one in seven a 10-digit number starting with 1 that fails the NPI
check), room / bed, phone and fax numbers. ICD-10-CM admitting / principal and secondary diagnoses (undotted in
about a fifth of the documents: `J441`), an MS-DRG number (3 digits, not a CPT code), revenue codes (4 digits:
`0120`, `0206`, `0128`, ...), ICD-10-PCS codes beside the CPT codes (7 characters: `0SRC0J9`), an IRF impairment
group (`01.2`).

Truth conventions:
- service_date: the first day of the stay being authorised. For a notification or precertification that is the
  admission date (actual or planned; an observation stay's start and the ED arrival are distractors, the inpatient
  order date is the admission). For a post-acute request it is the requested admission date to the IRF / SNF /
  LTACH (the acute hospital's admission is a distractor). A continued-stay request in this family always asks
  for additional days and prints their first day; as in the README's rule for continuation requests (the start of
  the requested new period, never the previous period) that first new day is the service date, and the stay's
  admission date, the approved period and the review dates are distractors.
- urgent: as in `facesheet_precert_request`, true exactly when the case is urgent, and then the document says so:
  an Emergency or Urgent admission-type box ticked (UB-04 `1-EMERGENCY` / `2-URGENT` in the printout), an
  expedited-review box ticked and / or expedited wording. A non-urgent document is an elective admission, a
  planned post-acute admission or a continued stay of one: it never ticks Emergency / Urgent / Expedited, never
  mentions an ED arrival for the stay it requests, and may say "Standard" / "routine".
- npi: the attending's NPI (always printed), then the facility's NPI when printed. No other NPI is printed.
- cpt: the procedure codes printed (a planned or performed surgery / cardiac catheterisation); medical and
  post-acute stays print none. hcpcs: only when the case has a DME code that fits the stay and the document lists
  it as a discharge need (rare). icd10: every diagnosis printed, in dotted form. DRG, revenue, PCS and impairment
  group codes are never truth.
- reference_id: the case's Reference ID only when printed: the authorization on file in most continued-stay
  requests, a phoned-in notification's reference in a few notifications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from samples.generator.codes import SCENARIOS, billable_icd10
from samples.generator.data import (
    CITIES,
    DOCTOR_FIRST,
    DOCTOR_LAST,
    FIRST_NAMES,
    STREETS,
    Case,
    distinct_date,
    fictional_phone,
    fmt_date,
    luhn_check_digit,
    make_npi,
)
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
    kv,
)

_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]

# data.py's styles (MM/DD/YYYY weighted up) plus `December 2, 2026`, `Dec. 2, 2026` and `2026/12/02`.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long", "abbr_dot",
                "ymd_slash")
_WORDY = ("mon_d_y", "long", "abbr_dot")


def _date(day: dt.date, style: str) -> str:
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    if style == "abbr_dot":
        return f"{day:%b}. {day.day}, {day.year}" if day.month != 5 else f"May {day.day}, {day.year}"
    if style == "ymd_slash":
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    return fmt_date(day, style)


_ICD_DESC = {code: desc for sc in SCENARIOS for code, desc in sc["icd"]}

# --- facilities and people (invented) -------------------------------------------------------------------------
_FACILITIES = {
    "acute": ("Halcyon Bay Regional Medical Center", "Thistlewood General Hospital", "Ironbridge Memorial Hospital",
              "Saint Ottilie Medical Center", "Marrowstone Valley Hospital", "Kestrel Point Community Hospital",
              "Larchmere University Hospital"),
    "psych": ("Quietwater Behavioral Hospital", "Ironbridge Memorial Hospital - Behavioral Health Unit",
              "Saint Ottilie Pavilion for Behavioral Medicine"),
    "irf": ("Willowmere Inpatient Rehabilitation Hospital", "Halcyon Bay Regional - Acute Rehab Unit",
            "Stonecrop Rehabilitation Institute"),
    "snf": ("Heronsgate Skilled Nursing & Rehabilitation", "Fallowfield Transitional Care Center",
            "Amberlea Health & Rehab", "Bellwether Post-Acute Care"),
    "ltach": ("Cinderhill Specialty Hospital (LTACH)", "Greyfriars Long-Term Acute Care Hospital"),
}
_STATE_CODES = {"IL": "14", "TX": "45", "MS": "25", "OH": "36", "WI": "52"}
_UR_STAFF = ("Rosalie Twombly, RN", "Dorian Pettibone, RN, CCM", "Marguerite Aldana, RN, BSN",
             "Thaddeus Crowe, LPN - Utilization Review", "Juniper Okafor, RN, ACM", "Felicity Haverford, RN",
             "Bartholomew Reyes, MSW - Case Management", "Annika Szabo, RN, CCM")
_UNIT_WORD = {"irf": ("IRF", "acute rehab", "inpatient rehab", "rehab unit"), "snf": ("SNF", "skilled nursing"),
              "ltach": ("LTACH", "long-term acute care")}
_SEX_WORD = {"F": "female", "M": "male"}
_SETTING_NAME = {"irf": "IRF", "snf": "SNF", "ltach": "LTACH"}
_SETTING_LONG = {"irf": "Acute Inpatient Rehabilitation", "snf": "Skilled Nursing Facility",
                 "ltach": "Long-Term Acute Care Hospital"}

# --- why the patient is (to be) admitted -----------------------------------------------------------------------
_DRG = {"190": "COPD w MCC", "191": "COPD w CC", "192": "COPD w/o CC/MCC",
        "247": "Perc cardiovasc proc w drug-eluting stent w/o MCC",
        "287": "Circulatory disorders except AMI, w card cath w/o MCC", "311": "Angina pectoris",
        "637": "Diabetes w MCC", "638": "Diabetes w CC", "639": "Diabetes w/o CC/MCC",
        "386": "Inflammatory bowel disease w CC", "387": "Inflammatory bowel disease w/o CC/MCC",
        "100": "Seizures w MCC", "101": "Seizures w/o MCC", "885": "Psychoses",
        "470": "Major hip and knee joint replacement or reattachment of lower extremity w/o MCC",
        "519": "Back and neck procedures except spinal fusion w CC", "520":
        "Back and neck procedures except spinal fusion w/o CC/MCC",
        "620": "O.R. procedures for obesity w CC", "621": "O.R. procedures for obesity w/o CC/MCC",
        "742": "Uterine and adnexa procedures for non-malignancy w CC/MCC",
        "743": "Uterine and adnexa procedures for non-malignancy w/o CC/MCC"}
_CPT_DESC = {"27447": "Total knee arthroplasty", "63030": "Lumbar laminotomy with discectomy, one level",
             "43775": "Laparoscopic sleeve gastrectomy", "43644": "Laparoscopic gastric bypass (Roux-en-Y)",
             "58571": "Total laparoscopic hysterectomy",
             "93458": "Left heart catheterization with coronary angiography",
             "92928": "Coronary stent placement (PCI), one vessel"}
# ICD-10-PCS codes a hospital prints beside the CPT code of the same procedure (distractors, never truth).
_PCS = {"27447": "0SRC0J9", "27447L": "0SRD0J9", "63030": "0SB20ZZ", "43775": "0DB64Z3", "43644": "0D164ZA",
        "58571": "0UT94ZZ", "93458": "4A023N7", "92928": "02703DZ"}
# Revenue codes (accommodation): 4 digits, never CPT.
_REV = {"medsurg": (("0120", "Room & board, semi-private"), ("0110", "Room & board, private"),
                    ("0121", "Semi-private, medical/surgical")),
        "tele": (("0206", "Intermediate ICU / telemetry"), ("0214", "Coronary care, post-CCU")),
        "icu": (("0200", "Intensive care, general"),),
        "psych": (("0124", "Semi-private, psychiatric"), ("0114", "Private, psychiatric")),
        "irf": (("0128", "Semi-private, rehabilitation"), ("0118", "Private, rehabilitation")),
        "snf": (("0120", "Room & board, semi-private"), ("0191", "Subacute care, level I")),
        "ltach": (("0120", "Room & board, semi-private"), ("0200", "Intensive care, general"))}
_LEVELS = {"medsurg": ("Inpatient - Med/Surg", "Acute inpatient, medical", "Med/Surg"),
           "tele": ("Inpatient - Telemetry", "Step-down / telemetry", "PCU (telemetry)"),
           "icu": ("ICU", "Intensive care unit", "MICU"),
           "psych": ("Inpatient psychiatric - adult", "Acute psychiatric inpatient", "Adult behavioral health unit"),
           "irf": ("Acute inpatient rehabilitation (IRF)", "Inpatient rehab facility", "IRF - acute rehab"),
           "snf": ("Skilled nursing (SNF) - short-term rehab", "SNF skilled level", "Subacute / skilled nursing"),
           "ltach": ("Long-term acute care (LTACH)", "LTACH - respiratory", "Long-term acute care hospital")}


@dataclass(frozen=True)
class _Reason:
    key: str
    setting: str  # acute | psych | irf | snf | ltach
    kinds: tuple[str, ...]  # emergency | urgent | elective | postacute | continued
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    cpt: tuple[str, ...] = ()
    drg: tuple[str, ...] = ()
    units: tuple[str, ...] = ("medsurg",)
    los: tuple[int, int] = (2, 4)
    story: tuple[str, ...] = ()
    continued: tuple[str, ...] = ()
    dme: tuple[str, ...] = ()  # HCPCS codes a discharge plan may list (printed only when the case has them)
    proc_words: str = ""
    female_only: bool = False


_REASONS: tuple[_Reason, ...] = (
    _Reason("copd", "acute", ("emergency", "urgent", "continued"), ("J44.1",),
            ("J96.11", "I10", "E66.9", "G47.33", "E78.5"), (), ("190", "191", "192"), ("medsurg", "tele", "icu"),
            (3, 5),
            ("{age} y/o {sex} with COPD presented with 3 days of worsening dyspnea and productive cough; SpO2 84% on "
             "room air, RR 28, ABG 7.31/58/61. Started on IV methylprednisolone, nebulized bronchodilators q4h, "
             "azithromycin and BiPAP overnight.",
             "{age}-year-old {sex}, COPD on 2 L home O2, admitted for an acute exacerbation: accessory muscle use, "
             "diffuse wheezing, SpO2 86% on 2 L. CXR without infiltrate. IV steroids, nebulizers, O2 titration."),
            ("Still on 4 L O2 (baseline 2 L) and desaturates to 85% walking 20 ft; IV steroids changed to PO today. "
             "PT/OT recommend further inpatient therapy before a safe discharge.",
             "Persistent hypercapnia on repeat ABG; BiPAP at night, not yet at baseline. Not safe for discharge."),
            ("E1390", "E0431")),
    _Reason("cardiac", "acute", ("emergency", "urgent", "continued"), ("I20.9", "I25.10"),
            ("I10", "E78.5", "E11.9", "E66.9"), ("93458", "92928"), ("247", "287", "311"), ("tele",), (1, 3),
            ("{age} y/o {sex} with chest pressure at rest radiating to the left arm; ECG with new T-wave inversions "
             "V2-V4, troponin borderline. Heparin drip started; cardiology consulted for left heart catheterization.",
             "{age}-year-old {sex} with crescendo angina over 1 week, now at rest despite nitrates; admitted to "
             "telemetry for anticoagulation and catheterization."),
            ("Post-PCI groin hematoma with Hgb drop from 12.9 to 9.8; bed rest, serial H/H, transfusion considered.",
             "Recurrent chest pain after catheterization; repeat troponins pending, on heparin, cardiology following."),
            (), "cardiac catheterization"),
    _Reason("diabetes", "acute", ("emergency", "urgent", "continued"), ("E11.65",),
            ("E11.42", "Z79.4", "I10", "E78.5", "E66.9"), (), ("637", "638", "639"), ("medsurg", "tele"), (2, 4),
            ("{age} y/o {sex} with poorly controlled type 2 diabetes: glucose 584 mg/dL, anion gap 14, dehydrated, "
             "unable to keep fluids down. IV insulin infusion and fluids started.",
             "{age}-year-old {sex} found confused at home, glucose 'HI' on meter, 612 mg/dL in the ED; admitted "
             "for hyperglycemic crisis management."),
            ("Still on insulin drip, transition to basal-bolus failed twice with glucose over 400; diabetes "
             "education in progress.",),
            ("A4253", "E2103")),
    _Reason("crohn", "acute", ("emergency", "urgent", "continued"), ("K50.90",), ("D50.0",), (), ("386", "387"),
            ("medsurg",), (3, 6),
            ("{age} y/o {sex} with Crohn's disease and 10-12 bloody stools a day, CRP 86, Hgb 8.9, tachycardic. "
             "NPO, IV methylprednisolone, GI consulted.",),
            ("Stool frequency down to 6/day but still bloody; remains on IV steroids, GI planning rescue therapy.",)),
    _Reason("seizure", "acute", ("emergency", "continued"), ("G40.909",), ("R51.9", "I10"), (), ("100", "101"),
            ("medsurg", "tele"), (2, 3),
            ("{age} y/o {sex} with epilepsy and 3 generalized seizures in 12 hours, post-ictal confusion; loaded "
             "with IV levetiracetam, neurology consulted, continuous EEG ordered.",),
            ("Two further seizures overnight on continuous EEG; second agent added, not at baseline mental status.",)),
    _Reason("psych", "psych", ("emergency", "urgent", "continued"), ("F33.1",), ("F41.1", "F43.10"), (), ("885",),
            ("psych",), (5, 9),
            ("{age} y/o {sex} with recurrent depression, worsening over 3 weeks, now with suicidal ideation with a "
             "plan; poor self-care and not eating. Admitted for safety, stabilization and medication adjustment.",
             "{age}-year-old {sex} brought in by family after a statement of intent to overdose; PHQ-9 of 24. "
             "Unable to contract for safety; inpatient level of care required."),
            ("Continues to endorse passive SI, on 15-minute checks; sertraline increased, minimal insight. Safety "
             "plan not yet achievable.",)),
    _Reason("tka", "acute", ("elective", "continued"), ("M17.11", "M17.12"), ("E66.9", "I10", "E11.9", "G47.33"),
            ("27447",), ("470",), ("medsurg",), (1, 3),
            ("{age} y/o {sex} with end-stage osteoarthritis of the knee, bone-on-bone on weight-bearing films; failed "
             "12 weeks of PT, NSAIDs and injections. Inpatient stay expected (2 midnights) because of comorbidities.",
             "{age}-year-old {sex} scheduled for total knee arthroplasty after failed conservative care; OSA and "
             "BMI over 40 require post-operative inpatient monitoring."),
            ("Post-op day 2: ambulating only 15 ft with a walker, pain poorly controlled on oral agents, orthostatic "
             "on standing. Not yet safe for discharge home.",),
            ("L1833",), "total knee arthroplasty"),
    _Reason("spine", "acute", ("elective", "continued"), ("M48.061", "M51.16"), ("M54.16", "E66.9", "I10"),
            ("63030",), ("519", "520"), ("medsurg",), (1, 2),
            ("{age} y/o {sex} with lumbar radiculopathy and progressive foot weakness; MRI with L4-5 stenosis and "
             "disc herniation, failed 8 weeks of PT and 2 epidural injections. Overnight inpatient stay planned.",),
            ("New urinary retention post-op and increased leg pain; repeat MRI ordered, neurosurgery following.",),
            (), "lumbar laminotomy and discectomy"),
    _Reason("bariatric", "acute", ("elective",), ("E66.01",), ("Z68.41", "K21.9", "G47.33", "E11.9", "I10"),
            ("43775", "43644"), ("620", "621"), ("medsurg",), (1, 2),
            ("{age} y/o {sex}, BMI 42.6 with obesity-related comorbidities; completed 6 months of supervised weight "
             "management, psychological and nutrition clearance on file.",),
            (), (), "bariatric surgery"),
    _Reason("hysterectomy", "acute", ("elective",), ("D25.1", "N80.00"), ("N92.0", "D50.0"), ("58571",),
            ("742", "743"), ("medsurg",), (1, 2),
            ("{age} y/o {sex} with symptomatic uterine fibroids, menorrhagia and iron deficiency anemia despite "
             "hormonal therapy; overnight inpatient stay planned after total laparoscopic hysterectomy.",),
            (), (), "total laparoscopic hysterectomy", True),
    _Reason("stroke", "irf", ("postacute", "continued"), ("I69.351",), ("R26.2", "M62.81", "I10", "E78.5"), (),
            (), ("irf",), (10, 16),
            ("{age} y/o {sex} admitted to {acute} on {acute_admit} with a left MCA infarct; residual right "
             "hemiparesis, moderate assist for transfers, able to tolerate 3 hours of therapy a day, 5 days a week.",
             "{age}-year-old {sex}, ischemic stroke on {acute_admit}, right-sided weakness and dysphagia; needs PT, "
             "OT and SLP daily with physician oversight."),
            ("Progressing: now min assist for transfers, gait 60 ft with a hemi-walker; team conference "
             "recommends continued intensive rehabilitation.",),
            ("K0856", "E0260")),
    _Reason("weakness", "snf", ("postacute", "continued"), ("M62.81", "G82.20"), ("R26.2", "I10", "E66.9"), (),
            (), ("snf",), (10, 20),
            ("{age} y/o {sex} hospitalized at {acute} since {acute_admit}; deconditioned after a prolonged stay, "
             "max assist for bed mobility, needs daily skilled PT/OT and nursing.",),
            ("Still needs moderate assist for transfers; daily skilled therapy continues, discharge home planned "
             "with family.",),
            ("K0856", "E0260")),
    _Reason("tka_snf", "snf", ("postacute", "continued"), ("M62.81",), ("Z96.651", "R26.2", "M17.12", "E66.9"), (),
            (), ("snf",), (7, 14),
            ("{age} y/o {sex} underwent right total knee arthroplasty at {acute} on {surgery}; lives alone with "
             "3 steps to enter, needs skilled PT/OT twice daily before going home.",),
            ("Knee flexion 75 degrees, ambulates 80 ft with a walker and contact guard; continued skilled therapy "
             "requested.",),
            ("L1833",)),
    _Reason("resp", "ltach", ("postacute", "continued"), ("J96.11",), ("J44.9", "M62.81", "I10"), (), (),
            ("ltach",), (14, 25),
            ("{age} y/o {sex} at {acute} since {acute_admit} with chronic hypoxic respiratory failure after a "
             "prolonged ICU stay; tracheostomy, ventilator weaning trials and IV antibiotics still required.",),
            ("Weaning progressing: trach collar 8 hours a day, still on nightly ventilation; continued LTACH stay "
             "needed.",),
            ("E1390", "E0431")),
)
# Codes a male patient's document never prints (female anatomy, "female breast").
_FEMALE_ONLY = ("D25.1", "N92.0", "N80.00", "C50.911", "C50.912")
# Codes that must not be printed together (unspecified next to specified, history next to active, ...).
_CONFLICTS = {"J44.9": ("J44.1",), "E11.9": ("E11.65", "E11.42", "E11.3293"), "Z85.3": ("C50.911", "C50.912"),
              "Z96.651": ("M17.11",), "M17.11": ("Z96.651",), "G47.10": ("G47.33",), "M54.50": ("M54.16",),
              "M06.9": ("M05.79",), "R51.9": ("G43.909",)}

# --- labels -----------------------------------------------------------------------------------------------------
_ACTUAL = ("Admission Date", "Admit Date", "Date of Admission", "Admit Dt", "Actual admit date", "Adm. date",
           "Inpatient admit date", "Date admitted", "Admission date (inpatient)")
_ACTUAL_TIMED = ("Admit Date/Time", "Date/Time of Admission", "Admit Dt/Tm", "Inpatient admit date/time",
                 "Admission Date & Time")
_OBS_ADMIT = ("Inpatient order date/admit", "Inpatient order date", "Converted to inpatient", "IP admit date")
_PLANNED = ("Expected admission date", "Planned admission date", "Scheduled admission date", "Anticipated admit date",
            "Scheduled admit date", "Date of admission (scheduled)", "Proposed admission date", "Requested admit date",
            "Elective admit date")
_POSTACUTE = ("Requested admission date", "Anticipated admission date", "Planned {unit} admission date",
              "Expected transfer / admit date", "Date of admission to {unit} (planned)", "Admit to {unit} on",
              "Anticipated {unit} admit date", "Requested admit date")
_NEW_DAYS = ("Additional days requested from", "Continued stay requested from", "Extension start date",
             "Request days beginning", "Requested days from", "Next review period from", "Additional days start")
_TABLE_ADMIT = ("Admit", "Admit Date", "Adm Date", "Date of Admission", "Admission")
_DC_LABELS = ("Anticipated discharge date", "Expected D/C date", "Est. discharge", "Anticipated D/C",
              "Projected discharge date")
_ED_LABELS = ("ED arrival", "ED arrival date/time", "Arrived in ED", "ER arrival", "Date/time of ED presentation")
_OBS_LABELS = ("Observation start", "Placed in observation", "Obs status from", "Observation order")
_SURGERY_LABELS = ("Date of surgery", "Surgery date", "Procedure date", "Scheduled OR date", "Date of procedure")
_NOTIFY_LABELS = ("Date of notification", "Notification date", "Date of request", "Date sent", "Date faxed",
                  "Request date")
_SIGNED_LABELS = ("Date", "Date signed", "Signature date", "Completed on")
_MEMBER_LABELS = {
    "mbi": ("Medicare ID (MBI)", "MBI", "Medicare Beneficiary ID", "Member ID"),
    "medicaid": ("Medicaid ID", "Medicaid ID #", "Recipient ID", "Member ID"),
    "blue": ("Subscriber ID", "Member ID (incl. prefix)", "Policy #", "ID Number", "Member ID"),
    "generic": ("Member ID", "Policy #", "Health Plan ID #", "ID Number", "Insured's ID No."),
}
_ANY_MEMBER = ("Member ID", "Subscriber ID", "Health Plan ID #", "ID Number", "Member ID #")
_DOB_LABELS = ("DOB", "Date of Birth", "Birthdate", "D.O.B.", "Birth Date", "Pt DOB")
_ACCT_LABELS = ("Account #", "Acct #", "Encounter #", "Visit #", "FIN", "HAR #", "Patient Acct No.")
_MRN_LABELS = ("MRN", "Medical Record #", "MR #", "Med Rec No.")
_ROOM_LABELS = ("Room/Bed", "Unit / Bed", "Rm-Bed", "Location")
_ATT_LABELS = ("Attending Physician", "Attending", "Attending MD", "Attending physician name")
_ATT_NPI = ("Attending NPI", "NPI", "Physician NPI", "NPI #")
_FAC_NPI = ("Facility NPI", "Hospital NPI", "Organization NPI", "NPI (facility)", "Billing NPI")
_TIN_LABELS = ("Tax ID", "TIN", "Federal Tax ID #", "Facility TIN")
_CCN_LABELS = ("Medicare Provider # (CCN)", "CCN", "Medicare Provider No.", "Provider # (Medicare)")
_RELATED = ("Spouse", "Husband", "Wife")

Layout = tuple[list[Block], Style, str]


@dataclass
class _Ctx:
    """Everything one document prints, drawn once so every layout tells the same story."""

    case: Case
    rng: Random
    f: Fmt
    date_style: str
    time_style: str
    kind: str  # emergency | urgent | elective | postacute | continued
    reason: _Reason
    adm_type: str | None  # emergency | urgent | elective, or None (post-acute / continued without one)
    obs: bool  # an observation stay converted to inpatient
    dates: dict[str, dt.date]
    times: dict[str, tuple[int, int]]
    los: int
    days_req: int
    level: str
    rev: tuple[str, str] | None
    drg: str | None
    dx: list[tuple[str, str]]
    undotted: bool
    cpt: list[tuple[str, str]]
    pcs: list[str]
    hcpcs: list[tuple[str, str]]
    facility: str
    fac_lines: list[str]
    fac_phone: str
    fac_fax: str
    fac_npi: str
    fac_npi_printed: bool
    tin: str
    ccn: str
    acute: str  # the referring acute hospital (post-acute requests)
    attending: str
    att_npi: str
    specialty: str
    other_md: str
    ur_staff: str
    name: str  # the name as printed ("" when split into boxes)
    name_rows: list[tuple[str, str]]
    name_shown: str
    dob: str
    dob_label: str
    member_label: str
    subscriber: list[tuple[str, str]]
    mrn: tuple[str, str]
    acct: tuple[str, str]
    room: str
    ref: str  # the reference / authorization number as printed ("" when none)
    ref_label: str
    ref_is_reference: bool
    placement: str  # kv | table | line | prose
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def s(self) -> dt.date:
        return self.dates["s"]

    def dt(self, key: str) -> str:
        """A date with its time, in the document's time style."""
        day, (h, m) = self.dates[key], self.times[key]
        if self.time_style == "ampm":
            clock = f"{h % 12 or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"
        else:
            clock = f"{h:02d}:{m:02d}"
        joiner = " at " if self.date_style in _WORDY else (" @ " if self.time_style == "at" else " ")
        return f"{self.f(day)}{joiner}{clock}"

    def code(self, icd: str) -> str:
        return icd.replace(".", "") if self.undotted else icd


# --- the story -----------------------------------------------------------------------------------------------


def _kind(case: Case, rng: Random) -> str:
    r = rng.random()
    if case.urgent:
        return "emergency" if r < 0.55 else "urgent" if r < 0.7 else "postacute" if r < 0.82 else "continued"
    return "elective" if r < 0.55 else "postacute" if r < 0.8 else "continued"


def _pick_reason(case: Case, rng: Random, kind: str) -> _Reason:
    """A reason that fits the kind (and, when one does, the case's diagnoses)."""
    billable = billable_icd10()
    if kind == "continued":
        # An urgent continued stay is a medical (emergency) admission; a routine one an elective or post-acute stay.
        pool = [r for r in _REASONS if "continued" in r.kinds
                and (("emergency" in r.kinds) if case.urgent else ("emergency" not in r.kinds))]
    else:
        pool = [r for r in _REASONS if kind in r.kinds]
    pool = [r for r in pool if not (r.female_only and case.sex == "M")
            and any(c in billable for c in r.primary)]
    codes = [c for c, _ in case.icd10]
    matching = [r for r in pool if any(c in codes for c in (*r.primary, *r.secondary))]
    if matching and rng.random() < 0.8:
        return rng.choice(matching)
    return rng.choice(pool)


def _diagnoses(case: Case, rng: Random, reason: _Reason) -> list[tuple[str, str]]:
    """Admitting / principal diagnosis first, then the case's codes and the reason's usual comorbidities."""
    billable = billable_icd10()
    codes = [c for c, _ in case.icd10]
    primary = next((c for c in reason.primary if c in codes and c in billable), None)
    if primary is None:
        primary = rng.choice([c for c in reason.primary if c in billable])
    out = [primary]
    extra = [c for c in codes if c != primary]
    if not any(c in codes for c in (*reason.primary, *reason.secondary)):
        # The case's own codes are unrelated to this stay: at most one, as a comorbidity, and no injury codes.
        extra = [c for c in extra if not c.startswith("S")][:1]
    extra += rng.sample(reason.secondary, rng.randint(0, min(2, len(reason.secondary))))
    for code in extra:
        if len(out) >= 5 or code in out or code not in billable or (case.sex == "M" and code in _FEMALE_ONLY):
            continue
        if any(other in out for other in _CONFLICTS.get(code, ())) or any(
                code in _CONFLICTS.get(other, ()) for other in out):
            continue
        if reason.key == "tka" and code.startswith("Z96"):
            continue
        out.append(code)
    return [(c, _ICD_DESC[c]) for c in out]


def _procedures(case: Case, rng: Random, c_kind: str, reason: _Reason, dx: list[tuple[str, str]]
                ) -> tuple[list[tuple[str, str]], list[str]]:
    """Printed CPT codes (with descriptions) and their ICD-10-PCS twins (distractors, printed in about a third)."""
    if not reason.cpt:
        return [], []
    if c_kind == "elective":
        show = rng.random() < 0.9
    elif c_kind == "continued":
        show = rng.random() < 0.5
    else:
        show = rng.random() < 0.75
    if not show:
        return [], []
    own = [c for c, _ in case.cpt if c in reason.cpt]
    if reason.key == "bariatric":
        picked = own[:1] or [rng.choice(reason.cpt)]
    elif reason.key == "cardiac":
        picked = ["93458"] + (["92928"] if "92928" in own or rng.random() < 0.5 else [])
    else:
        picked = list(reason.cpt)
    left = any(code == "M17.12" for code, _ in dx[:1])
    out = []
    for code in picked:
        desc = _CPT_DESC[code]
        if code == "27447":
            desc += ", left" if left else ", right"
        out.append((code, desc))
    pcs = []
    if rng.random() < 0.35:
        pcs = [_PCS["27447L" if code == "27447" and left else code] for code in picked]
    return out, pcs


def _timeline(case: Case, rng: Random, kind: str, reason: _Reason, obs: bool) -> tuple[dict[str, dt.date], int,
                                                                                        int]:
    """The service date `s` and the distracting dates; a distractor never equals `s`, except an ED arrival on the
    admission day, a surgery on the day of an elective admission and the day the acute hospital discharges a
    patient to the post-acute bed requested (the same day, as it happens)."""
    faxed = case.fax.sent.date()
    lo, hi = reason.los
    los = rng.randint(lo, hi)
    days_req = 0
    t: dict[str, dt.date] = {"faxed": faxed}
    if kind in ("emergency", "urgent"):
        back = rng.randint(1, 3) if kind == "emergency" else rng.randint(1, 2)
        s = faxed - _DAY * back
        taken = {s, case.dob}
        if obs:
            t["obs"] = distinct_date(s - _DAY * rng.randint(1, 2), taken, -1)
            t["ed"] = t["obs"]
        elif kind == "emergency":
            t["ed"] = s if rng.random() < 0.45 else distinct_date(s - _DAY, taken, -1)
        t["lab"] = s + _DAY * rng.randint(1, (faxed - s).days)
        if reason.cpt:
            t["surgery"] = distinct_date(s + _DAY * rng.randint(1, 2), taken, 1)
        t["dc"] = distinct_date(max(s + _DAY * los, faxed + _DAY), taken, 1)
    elif kind == "elective":
        s = case.service_date if faxed + 3 * _DAY <= case.service_date <= faxed + 45 * _DAY else (
            faxed + _DAY * rng.randint(5, 30))
        taken = {s, case.dob}
        t["surgery"] = s if rng.random() < 0.75 else distinct_date(s + _DAY, taken, 1)
        t["pat"] = distinct_date(s - _DAY * rng.randint(2, 10), taken, -1)
        t["hp"] = distinct_date(faxed - _DAY * rng.randint(3, 40), taken, -1)
        t["dc"] = distinct_date(t["surgery"] + _DAY * los, taken, 1)
    elif kind == "postacute":
        s = faxed + _DAY * rng.randint(1, 3)
        taken = {s, case.dob}
        t["acute_admit"] = distinct_date(faxed - _DAY * rng.randint(3, 12), taken, -1)
        t["acute_ed"] = t["acute_admit"] if rng.random() < 0.5 else distinct_date(t["acute_admit"] - _DAY, taken, -1)
        t["surgery"] = distinct_date(t["acute_admit"] + _DAY * rng.randint(0, 1), taken, 1)
        t["eval"] = distinct_date(faxed - _DAY * rng.randint(0, 2), taken, -1)
        if t["eval"] <= t["acute_admit"]:
            t["eval"] = distinct_date(t["acute_admit"] + _DAY, taken, 1)
        t["acute_dc"] = s
        t["dc"] = distinct_date(s + _DAY * los, taken, 1)
    else:
        # Continued stay: reviewed on (or the day before) the last covered day; new days start the day after it.
        through = faxed + _DAY * rng.choice((0, 0, 1))
        s = through + _DAY
        taken = {s, case.dob, through}
        admit = faxed - _DAY * rng.randint(4, 12)
        if reason.setting in ("irf", "snf", "ltach"):
            admit -= _DAY * rng.randint(3, 10)
        t["admit"] = distinct_date(admit, taken, -1)
        t["through"] = through
        t["last_review"] = distinct_date(max(t["admit"] + _DAY, faxed - _DAY * rng.randint(2, 4)), taken, -1)
        if t["last_review"] <= t["admit"]:
            t["last_review"] = distinct_date(t["admit"] + _DAY, taken, 1)
        if case.urgent and rng.random() < 0.6:
            t["ed"] = t["admit"] if rng.random() < 0.5 else distinct_date(t["admit"] - _DAY, taken, -1)
        if reason.cpt:
            t["surgery"] = t["admit"]
        days_req = rng.choice((3, 5, 7, 7, 10) if reason.setting in ("irf", "snf", "ltach") else (2, 2, 3, 3, 4))
        t["req_end"] = s + _DAY * (days_req - 1)
        taken.add(t["req_end"])
        t["next_review"] = t["req_end"] if rng.random() < 0.5 else distinct_date(t["req_end"] + _DAY, taken, 1)
        t["dc"] = distinct_date(t["req_end"] + _DAY * rng.randint(0, 3), taken, 1)
        t["lab"] = distinct_date(faxed - _DAY * rng.randint(0, 1), taken, -1)
        los = (t["through"] - t["admit"]).days + 1  # days approved so far
    t["s"] = s
    t["signed"] = faxed if faxed != s else faxed - _DAY
    # A prior admission (30-day readmission check) and the coverage start, both well before the stay.
    start = t.get("acute_admit", t.get("admit", t.get("obs", s)))
    t["prior_dc"] = start - _DAY * rng.randint(40, 300)
    t["prior_admit"] = t["prior_dc"] - _DAY * rng.randint(2, 6)
    year = min(start, faxed).year - rng.choice((0, 0, 0, 1, 3))
    t["coverage"] = dt.date(year, rng.choice((1, 1, 1, 4, 7, 10)), 1)
    if t["coverage"] >= start:
        t["coverage"] = dt.date(year - 1, 1, 1)
    if min(t.values()) <= case.dob:
        raise AssertionError(f"inpatient timeline before the DOB for {case.first} {case.last}")
    return t, los, days_req


def _times(rng: Random) -> dict[str, tuple[int, int]]:
    """Clock times: the ED arrival and the observation order come before the admission on the same day."""
    admit_h = rng.randint(6, 23)
    ed_h = rng.randint(0, max(0, admit_h - 3))
    return {"s": (admit_h, rng.randint(0, 59)), "ed": (ed_h, rng.randint(0, 59)), "obs": (rng.randint(8, 23),
                                                                                          rng.randint(0, 59)),
            "acute_ed": (rng.randint(0, 23), rng.randint(0, 59)), "admit": (rng.randint(6, 23), rng.randint(0, 59)),
            "acute_admit": (rng.randint(6, 23), rng.randint(0, 59)), "lab": (rng.randint(3, 7), rng.randint(0, 59))}


def _account(rng: Random) -> str:
    pick = rng.random()
    if pick < 0.15:
        # A 10-digit number starting with 1, as NPIs do, but failing the NPI check digit.
        body = "1" + "".join(rng.choice("0123456789") for _ in range(8))
        bad = (luhn_check_digit("80840" + body) + rng.randint(1, 9)) % 10
        return body + str(bad)
    if pick < 0.45:
        return f"{rng.randint(3, 9)}{rng.randint(100000000, 999999999)}"
    if pick < 0.65:
        return f"E{rng.randint(100000000, 999999999)}"
    if pick < 0.85:
        return f"{rng.randint(10000000, 99999999)}"
    return f"{rng.randint(100000000000, 999999999999)}"


def _ccn(rng: Random, setting: str, state: str, facility: str) -> str:
    ss = _STATE_CODES.get(state, "14")
    if setting == "irf":
        return f"{ss}T{rng.randint(1, 999):03d}" if "Unit" in facility else f"{ss}{rng.randint(3025, 3099)}"
    if setting == "psych":
        return f"{ss}S{rng.randint(1, 999):03d}" if "Unit" in facility else f"{ss}{rng.randint(4000, 4499)}"
    if setting == "snf":
        return f"{ss}{rng.randint(5000, 6499)}"
    if setting == "ltach":
        return f"{ss}{rng.randint(2000, 2299)}"
    return f"{ss}{rng.randint(1, 879):04d}"


def _identity(case: Case, rng: Random) -> tuple[str, list[tuple[str, str]], str]:
    """(name as printed or "", name rows, the string a reader must find)."""
    style = rng.randrange(6)
    if style == 5:
        last_label, first_label = rng.choice((("Last Name", "First Name"), ("Patient Last Name", "Patient First Name"),
                                              ("Member Last", "Member First"), ("Last", "First")))
        rows = [(last_label, case.last), (first_label, case.first)]
        if rng.random() < 0.4:
            rows.append(("MI", rng.choice("ABCDEFGHJKLMNPRSTW")))
        return "", rows, case.last
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    name = (case.full_name, f"{case.last}, {case.first}", f"{case.last.upper()}, {case.first.upper()}",
            f"{case.last.upper()}, {case.first.upper()} {mi}", f"{case.last}, {case.first} {mi}.")[style]
    if style == 0:
        label = rng.choice(("Patient Name", "Member Name", "Patient", "Insured / Patient Name", "Member"))
    else:
        label = rng.choice(("Patient Name", "Name (Last, First)", "Member Name", "Patient Name (Last, First, MI)",
                            "Patient"))
    return name, [(label, name)], name


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    kind = _kind(case, rng)
    reason = _pick_reason(case, rng, kind)
    if kind in ("emergency", "urgent", "elective"):
        adm_type: str | None = kind
    elif kind == "continued" and rng.random() < 0.6:
        adm_type = ("emergency" if rng.random() < 0.7 else "urgent") if case.urgent else (
            "elective" if reason.setting == "acute" else None)
    else:
        adm_type = None
    obs = kind in ("emergency", "urgent") and rng.random() < 0.25
    dates, los, days_req = _timeline(case, rng, kind, reason, obs)
    times = _times(rng)
    dx = _diagnoses(case, rng, reason)
    cpt, pcs = _procedures(case, rng, kind, reason, dx)
    hcpcs = [(c, d) for c, d in case.hcpcs if c in reason.dme] if rng.random() < 0.5 else []
    unit = rng.choice(reason.units)
    if kind == "emergency" and unit == "medsurg" and rng.random() < 0.2:
        unit = "icu"
    level = rng.choice(_LEVELS[unit])
    rev = rng.choice(_REV[unit]) if rng.random() < 0.5 else None
    drg = rng.choice(reason.drg) if reason.drg and rng.random() < 0.45 else None

    # --- the facility (the requester) and its attending physician
    setting = reason.setting
    facility = rng.choice(_FACILITIES[setting])
    city, state = rng.choice(CITIES)
    zip_code = f"{rng.randint(10000, 99899):05d}"
    fac_lines = [f"{rng.randint(100, 9899)} {rng.choice(STREETS)}", f"{city}, {state} {zip_code}"]
    fac_npi = case.servicing.npi if case.servicing.npi != case.requesting.npi else make_npi(rng)
    specialty = {"psych": "Psychiatry", "irf": "Physical Medicine & Rehabilitation", "snf": "Internal Medicine",
                 "ltach": "Pulmonary / Critical Care"}.get(setting, "")
    if not specialty:
        specialty = {"tka": "Orthopedic Surgery", "spine": "Neurosurgery", "bariatric": "Bariatric Surgery",
                     "hysterectomy": "Gynecology", "cardiac": "Cardiology"}.get(reason.key, "Hospital Medicine")
    att_last = case.requesting.name.split()[1].rstrip(",")
    other_md = f"Dr. {rng.choice(DOCTOR_FIRST)} {rng.choice([n for n in DOCTOR_LAST if n != att_last])}"
    acute = rng.choice(_FACILITIES["acute"]) if setting in ("irf", "snf", "ltach") else ""

    # --- the patient
    name, name_rows, shown = _identity(case, rng)
    style = case.plan_style if case.plan_style in _MEMBER_LABELS else "generic"
    member_label = rng.choice(_MEMBER_LABELS[style] + _ANY_MEMBER)
    subscriber: list[tuple[str, str]] = []
    if style in ("blue", "generic") and rng.random() < 0.15:
        spouse = rng.choice([n for n in FIRST_NAMES if n != case.first])
        subscriber = [("Subscriber name", f"{spouse} {case.last}"), ("Relationship to subscriber",
                                                                     rng.choice(_RELATED))]
        if member_label in ("Subscriber ID", "Policy #"):
            member_label = "Patient's Member ID"
    elif rng.random() < 0.35:
        subscriber = [(rng.choice(("Subscriber", "Insured", "Relationship to insured")), "Self")]
    mrn_value = rng.choice((case.mrn, f"{rng.randint(0, 9999999):08d}", f"M{rng.randint(10000000, 99999999)}"))
    ward = rng.choice((f"{rng.randint(2, 9)}{rng.choice('NSEW')}-{rng.randint(1, 40):02d}{rng.choice('AB')}",
                       f"Rm {rng.randint(201, 918)} Bed {rng.choice('AB')}"))
    room = {"icu": f"ICU {rng.randint(1, 24):02d}", "tele": f"Tele {rng.randint(3, 7)}-{rng.randint(1, 30):02d}",
            "psych": f"BHU {rng.randint(101, 140)}{rng.choice('AB')}"}.get(unit, ward)

    # --- the reference: the authorization on file (continued stays), a phoned-in notification (a few)
    ref, ref_is_reference, ref_label = "", False, ""
    if kind == "continued":
        ref_label = rng.choice(("Auth #", "Authorization #", "Reference #", "Case #", "Auth / Ref #",
                                "Existing auth no."))
        if rng.random() < 0.75:
            ref, ref_is_reference = case.reference_id, True
        else:
            ref = rng.choice((f"IP{dates['admit']:%y}-{rng.randint(100000, 999999)}", "pending"))
    elif kind in ("emergency", "urgent") and rng.random() < 0.2:
        ref_label = rng.choice(("Notification ref #", "Phoned in - ref #", "Plan reference #"))
        ref, ref_is_reference = case.reference_id, True
    elif kind == "postacute" and rng.random() < 0.4:
        ref_label = rng.choice(("Acute stay auth #", "Hospital auth # (acute stay)"))
        ref = f"IP{dates['acute_admit']:%y}-{rng.randint(100000, 999999)}"

    placements = ["kv", "kv", "table", "line", "prose"]
    unit_word = rng.choice(_UNIT_WORD.get(setting, ("IRF",)))
    if kind in ("emergency", "urgent"):
        admit_label = rng.choice(_OBS_ADMIT) if obs else rng.choice(_ACTUAL + _ACTUAL_TIMED)
    elif kind == "elective":
        admit_label = rng.choice(_PLANNED)
    elif kind == "postacute":
        admit_label = rng.choice(_POSTACUTE).format(unit=unit_word)
    else:
        admit_label = rng.choice(_NEW_DAYS)
    labels = {
        "admit": admit_label,
        "stay_admit": rng.choice(_ACTUAL),  # the stay's admission in a continued-stay request (a distractor)
        "unit": unit_word,
        "dc": rng.choice(_DC_LABELS),
        "ed": rng.choice(_ED_LABELS),
        "obs": rng.choice(_OBS_LABELS),
        "surgery": rng.choice(_SURGERY_LABELS),
        "notify": rng.choice(_NOTIFY_LABELS),
        "signed": rng.choice(_SIGNED_LABELS),
        "att": rng.choice(_ATT_LABELS),
        "att_npi": rng.choice(_ATT_NPI),
        "fac_npi": rng.choice(_FAC_NPI),
        "tin": rng.choice(_TIN_LABELS),
        "ccn": rng.choice(_CCN_LABELS),
        "room": rng.choice(_ROOM_LABELS),
        "table_admit": rng.choice(_TABLE_ADMIT),
    }
    timed = admit_label in _ACTUAL_TIMED or (kind in ("emergency", "urgent") and rng.random() < 0.45)
    labels["timed"] = "yes" if timed else ""
    return _Ctx(
        case=case, rng=rng, f=f, date_style=ds, time_style=rng.choice(("24", "24", "ampm", "at")), kind=kind,
        reason=reason, adm_type=adm_type, obs=obs, dates=dates, times=times, los=los, days_req=days_req,
        level=level, rev=rev, drg=drg, dx=dx, undotted=rng.random() < 0.2, cpt=cpt, pcs=pcs, hcpcs=hcpcs,
        facility=facility, fac_lines=fac_lines, fac_phone=fictional_phone(rng), fac_fax=fictional_phone(rng),
        fac_npi=fac_npi, fac_npi_printed=rng.random() < 0.85,
        tin=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}", ccn=_ccn(rng, setting, state, facility),
        acute=acute, attending=case.requesting.name, att_npi=case.requesting.npi, specialty=specialty,
        other_md=other_md, ur_staff=rng.choice(_UR_STAFF), name=name, name_rows=name_rows, name_shown=shown,
        dob=_date(case.dob, "mdy" if rng.random() < 0.25 else ds), dob_label=rng.choice(_DOB_LABELS),
        member_label=member_label, subscriber=subscriber, mrn=(rng.choice(_MRN_LABELS), mrn_value),
        acct=(rng.choice(_ACCT_LABELS), _account(rng)), room=room, ref=ref, ref_label=ref_label,
        ref_is_reference=ref_is_reference, placement=rng.choice(placements), labels=labels,
    )


# --- pieces the layouts share -----------------------------------------------------------------------------------


def _service_value(c: _Ctx) -> str:
    return c.dt("s") if c.labels["timed"] else c.f(c.s)


def _already_in(c: _Ctx) -> bool:
    """The patient is in a bed of the requesting facility on the day of the fax."""
    return c.kind in ("continued", "emergency", "urgent")


def _age(c: _Ctx) -> int:
    return int((c.s - c.case.dob).days // 365.25)


def _story_values(c: _Ctx) -> dict[str, str]:
    t = c.dates
    return {"age": str(_age(c)), "sex": _SEX_WORD[c.case.sex], "acute": c.acute or "the referring hospital",
            "acute_admit": c.f(t["acute_admit"]) if "acute_admit" in t else "",
            "surgery": c.f(t["surgery"]) if "surgery" in t else ""}


def _kv(rows: list[tuple[str, str]], heading: str = "", cols: int = 2, member_label: str = "") -> KV:
    keys = tuple("policy_id" if member_label and label == member_label else None for label, _ in rows)
    return kv(rows, heading, cols, keys)


def _identity_blocks(c: _Ctx, kv: str, cols: int, heading: str) -> list[Block]:
    """Name rows, DOB, member ID, plan, group, MRN, account, ...; a whole name beside an inline label gets a line of
    its own so that it never wraps."""
    case, rng = c.case, c.rng
    rows: list[tuple[str, str]] = [(c.dob_label, c.dob), ("Sex", case.sex if rng.random() < 0.5
                                                          else _SEX_WORD[case.sex].title()),
                                   (c.member_label, case.policy_printed),
                                   (rng.choice(("Health Plan", "Payer", "Insurance", "Primary insurance")), case.plan)]
    if rng.random() < 0.6:
        rows.append((rng.choice(("Group #", "Group No.", "Grp #")), case.group_number))
    rows += c.subscriber
    if rng.random() < 0.3:
        rows.append((rng.choice(("Coverage effective", "Eff. date", "Effective date of coverage")),
                     c.f(c.dates["coverage"])))
    rows += [c.mrn, c.acct]
    if c.name and kv in ("inline", "underline"):
        return [_kv(c.name_rows, heading, 1), _kv(rows, "", cols, c.member_label)]
    return [_kv([*c.name_rows, *rows], heading, cols, c.member_label)]


def _facility_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    rows = [(rng.choice(("Facility", "Facility name", "Hospital", "Requesting facility")), c.facility),
            ("Address", f"{c.fac_lines[0]}, {c.fac_lines[1]}")]
    if c.fac_npi_printed:
        rows.append((c.labels["fac_npi"], c.fac_npi))
    rows += [(c.labels["tin"], c.tin)]
    if rng.random() < 0.7:
        rows.append((c.labels["ccn"], c.ccn))
    rows += [(rng.choice(("UR phone", "Phone", "Case management phone")), c.fac_phone),
             (rng.choice(("UR fax", "Fax", "Secure fax")), c.fac_fax),
             (rng.choice(("UR contact", "Contact", "Reviewer / contact")), c.ur_staff)]
    return rows


def _physician_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    rows = [(c.labels["att"], c.attending), (c.labels["att_npi"], c.att_npi), ("Specialty", c.specialty)]
    if rng.random() < 0.5:
        rows.append(("Admitting physician", rng.choice(("same as attending", c.other_md))))
    if rng.random() < 0.4:
        rows.append(("Phone", c.case.requesting.phone))
    return rows


def _admit_source(c: _Ctx) -> str:
    if c.kind == "emergency" or (c.kind == "continued" and "ed" in c.dates):
        return c.rng.choice(("Emergency room", "ED", "7 - Emergency room"))
    if c.kind == "urgent":
        return c.rng.choice(("Direct admit (physician referral)", "Clinic", "1 - Physician referral"))
    if c.kind == "elective":
        return c.rng.choice(("Physician referral", "Scheduled surgery", "1 - Physician referral"))
    if c.kind == "postacute":
        return c.rng.choice(("Transfer from a hospital", "4 - Transfer from a hospital", "Acute care hospital"))
    if c.reason.setting in ("irf", "snf", "ltach"):
        return c.rng.choice(("Transfer from a hospital", "4 - Transfer from a hospital"))
    return "Scheduled surgery" if c.adm_type == "elective" else c.rng.choice(("Physician referral", "Clinic"))


def _stay_rows(c: _Ctx, with_service: bool) -> list[tuple[str, str]]:
    """Admission / stay rows; the service date among them when `with_service`."""
    rng, f, t, lab = c.rng, c.f, c.dates, c.labels
    rows: list[tuple[str, str]] = []
    service = (lab["admit"], _service_value(c))
    if c.kind in ("emergency", "urgent", "elective"):
        if c.obs and "obs" in t:
            rows.append((lab["obs"], c.dt("obs")))
        elif "ed" in t:
            rows.append((lab["ed"], c.dt("ed")))
        if with_service:
            rows.append(service)
        rows.append((rng.choice(("Admit source", "Source of admission", "Point of origin")), _admit_source(c)))
        rows.append((rng.choice(("Level of care", "Bed type", "Level of care requested")), c.level))
        if _already_in(c):
            rows.append((lab["room"], c.room))
        if "surgery" in t and (c.kind == "elective" or c.cpt):
            rows.append((lab["surgery"], f(t["surgery"])))
        if "pat" in t and rng.random() < 0.6:
            rows.append(("Pre-admission testing", f(t["pat"])))
        rows.append((lab["dc"], f(t["dc"])))
        rows.append((rng.choice(("Expected LOS", "Est. LOS (days)", "Days requested")), str(c.los)))
    elif c.kind == "postacute":
        rows.append((rng.choice(("Referring hospital", "Transferring from", "Current location")), c.acute))
        rows.append((rng.choice(("Acute admit date", "Acute hospital admit date", "Hospitalized since")),
                     f(t["acute_admit"])))
        if c.reason.key == "tka_snf":
            rows.append((lab["surgery"], f(t["surgery"])))
        if with_service:
            rows.append(service)
        rows.append((rng.choice(("Level of care requested", "Requested level of care")), c.level))
        rows.append((rng.choice(("Estimated LOS", "Expected length of stay", "Days requested")), f"{c.los} days"))
        rows.append((rng.choice(("Anticipated discharge from " + lab["unit"], "Target discharge date")),
                     f(t["dc"])))
    else:
        rows.append((lab["stay_admit"], c.dt("admit") if rng.random() < 0.4 else f(t["admit"])))
        if "ed" in t and rng.random() < 0.6:
            rows.append((lab["ed"], c.dt("ed")))
        rows.append((rng.choice(("Days approved to date", "Approved days", "Days authorized")), str(c.los)))
        rows.append((rng.choice(("Approved through", "Last covered day", "Auth end date")), f(t["through"])))
        rows.append((rng.choice(("Last review date", "Date of last review", "Last auth/review")),
                     f(t["last_review"])))
        if with_service:
            rows.append(service)
        rows.append((rng.choice(("Additional days requested", "# days requested", "Days requested")),
                     str(c.days_req)))
        rows.append((rng.choice(("Requested through", "Through", "To")), f(t["req_end"])))
        rows.append((rng.choice(("Next review date", "Next review")), f(t["next_review"])))
        rows.append((rng.choice(("Level of care", "Current level of care")), c.level))
        rows.append((lab["dc"], f(t["dc"])))
    if c.rev and rng.random() < 0.6:
        rows.append((rng.choice(("Revenue code", "Rev code", "Accommodation code")), f"{c.rev[0]} - {c.rev[1]}"))
    return rows


def _stay_table(c: _Ctx, with_service: bool) -> list[Block]:
    """The stay as a table (Admit | Discharge | LOS ... columns); the service date in it when `with_service`."""
    rng, f, t, lab = c.rng, c.f, c.dates, c.labels
    rev = c.rev[0] if c.rev else rng.choice(("0120", "0110", "0206"))
    heading = rng.choice(("Inpatient Stay", "Stay Information", "ADMISSION / STAY", "Dates of Service"))
    if c.kind == "continued":
        rows = [("Initial", f(t["admit"]), f(t["through"]), str(c.los), c.level, "Approved")]
        if with_service:
            rows.append(("Requested", f(c.s), f(t["req_end"]), str(c.days_req), c.level, "Pending"))
        return [Table(("Review", "From", "Through", "Days", "Level of Care", "Status"), tuple(rows),
                      widths=(1.0, 1.2, 1.2, 0.6, 2.2, 0.9), heading=heading)]
    if c.kind == "postacute":
        rows = [("Acute hospital", f(t["acute_admit"]), f(t["acute_dc"]), "-", c.acute)]
        if with_service:
            rows.append((f"{_SETTING_NAME[c.reason.setting]} (requested)", f(c.s), f(t["dc"]), str(c.los),
                         c.level))
        head = ("Stay", lab["table_admit"], rng.choice(("Discharge", "Anticipated D/C", "D/C")), "LOS", "Setting")
        return [Table(head, tuple(rows), widths=(1.2, 1.4, 1.4, 0.6, 2.6), heading=heading)]
    if not with_service:
        return []
    admit = _service_value(c)
    if rng.random() < 0.5:
        head = (lab["table_admit"], rng.choice(("Discharge (anticipated)", "Anticipated D/C", "Exp. Discharge")),
                "LOS", "Level of Care", "Rev Code")
        row = (admit, f(t["dc"]), str(c.los), c.level, rev)
        widths = (1.6, 1.4, 0.6, 2.2, 0.8)
    else:
        head = (lab["table_admit"], rng.choice(("Discharge", "Est. D/C")), rng.choice(("Est. LOS", "Days Req.")),
                "Bed Type")
        row = (admit, f(t["dc"]), str(c.los), c.level)
        widths = (1.8, 1.4, 0.8, 2.4)
    return [Table(head, (row,), widths=widths, heading=heading)]


def _service_prose(c: _Ctx) -> str:
    """The service date in a sentence (the letter and `prose` placement)."""
    rng, t = c.rng, c.dates
    value = _service_value(c)
    facility = rng.choice(("our facility", c.facility, "our hospital"))
    if c.kind in ("emergency", "urgent"):
        if c.obs:
            return rng.choice((
                f"The patient was placed in observation on {c.dt('obs')} and converted to inpatient status "
                f"(inpatient order written) on {value}.",
                f"Observation since {c.f(t['obs'])}; the attending wrote the inpatient admission order on {value}."))
        via = " through the emergency department" if c.kind == "emergency" else ""
        return rng.choice((
            f"The patient was admitted to {facility}{via} on {value}.",
            f"This is to notify you that the above member was admitted as an inpatient on {value}{via}.",
            f"Member admitted to {c.level.lower()} on {value}.",
        ))
    if c.kind == "elective":
        proc = c.reason.proc_words or "surgery"
        return rng.choice((
            f"The patient is scheduled for admission on {value} for {proc}.",
            f"We request precertification of an inpatient stay beginning {value} ({proc}).",
            f"Elective admission to {facility} is planned for {value}.",
        ))
    if c.kind == "postacute":
        return rng.choice((
            f"We request authorization to admit the patient to our {c.labels['unit']} on {value}.",
            f"A bed is available and admission to {c.facility} is planned for {value}, pending authorization.",
            f"The patient is expected to transfer from {c.acute} and be admitted here on {value}.",
        ))
    end = c.f(t["req_end"])
    return rng.choice((
        f"We request {c.days_req} additional days, {value} through {end}.",
        f"Please authorize continued stay beginning {value} ({c.days_req} days, through {end}).",
        f"Additional days are requested from {value} to {end}.",
    ))


def _service_line(c: _Ctx) -> Text:
    """Several `label: value` pairs on one line, the service date among them (never first)."""
    rng, t = c.rng, c.dates
    pairs = [(c.labels["admit"], _service_value(c)), (c.labels["dc"], c.f(t["dc"]))]
    if _already_in(c) and c.kind != "continued":
        pairs.append((c.labels["room"], c.room))
    elif c.kind == "continued":
        pairs.append(("Approved through", c.f(t["through"])))
    else:
        pairs.append(("LOS", f"{c.los} days"))
    rng.shuffle(pairs)
    if pairs[0][0] == c.labels["admit"]:
        pairs.append(pairs.pop(0))
    while len(pairs) > 1 and len("   |   ".join(f"{label}: {value}" for label, value in pairs)) > 76:
        # Long labels and dates: fewer pairs, so that the line never wraps (the service date stays).
        pairs.remove(next(p for p in pairs if p[0] != c.labels["admit"]))
    sep = rng.choice(("      ", "   |   "))
    return Text(sep.join(f"{label}: {value}" for label, value in pairs))


def _urgency(c: _Ctx, *, adm_checks: bool = True) -> list[Block]:
    """Admission type and review type boxes and / or expedited wording; urgent marks only for an urgent case."""
    rng, urgent = c.rng, c.case.urgent
    out: list[Block] = []
    marked = False
    if c.adm_type and adm_checks and rng.random() < 0.85:
        items = [("Emergency", c.adm_type == "emergency", "urgent"), ("Urgent", c.adm_type == "urgent", "urgent"),
                 ("Elective", c.adm_type == "elective", "non_urgent")]
        if rng.random() < 0.3:
            items.append(("Trauma", False, None))
        out.append(Checks(tuple(items), label=rng.choice(("Admission type:", "Type of admission:", "Admit type:"))))
        marked = c.adm_type in ("emergency", "urgent")
    if rng.random() < 0.5 or (urgent and not marked and rng.random() < 0.5):
        out.append(Checks((("Standard", not urgent, "non_urgent"),
                           (rng.choice(("Expedited", "Urgent / expedited (72 hr)", "Expedited review requested")),
                            urgent, "urgent")),
                          label=rng.choice(("Review type:", "Review requested:", "Priority:"))))
        marked = marked or urgent
    if urgent and (not marked or rng.random() < 0.5):
        t = c.dates
        if c.kind == "emergency":
            words = ("URGENT - EMERGENCY ADMISSION: notification within 24 hours of admission; expedited review "
                     "requested.", "Expedited review requested - patient admitted through the ED and currently "
                     "inpatient.", "** EMERGENT ADMISSION - PLEASE EXPEDITE **")
        elif c.kind == "urgent":
            words = ("URGENT admission - expedited (72-hour) review requested; a standard review time could "
                     "seriously jeopardize the patient's health.", "URGENT / EXPEDITE: direct admission ordered by "
                     "the attending after today's evaluation.")
        elif c.kind == "postacute":
            words = (f"EXPEDITED REVIEW REQUESTED: patient medically stable for transfer from {c.acute}; please "
                     "respond within 24 hours.", "Urgent request - the acute hospital is holding the patient "
                     "pending this authorization; please expedite.")
        else:
            words = (f"URGENT concurrent review - last covered day {c.f(t['through'])}; please expedite.",
                     "Expedited continued-stay review requested: the patient remains unstable for discharge.")
        out.append(Text(rng.choice(words), bold=True))
    elif not urgent and rng.random() < 0.3:
        out.append(Text(rng.choice(("Review type: standard (non-urgent).", "Routine - standard turnaround.",
                                    "Elective / scheduled - standard review." if c.kind == "elective"
                                    else "Standard review requested.")), size=8.5))
    return out


def _dx_blocks(c: _Ctx) -> list[Block]:
    """Admitting / principal and secondary diagnoses as a table, lines or label rows, with the DRG."""
    rng = c.rng
    first = rng.choice(("Admitting", "Principal", "Primary", "Admitting Dx"))
    ranks = [first] + ["Secondary"] * (len(c.dx) - 1)
    how = rng.randrange(3)
    out: list[Block] = []
    if how == 0:
        rows = tuple((rank, c.code(code), desc) for rank, (code, desc) in zip(ranks, c.dx, strict=True))
        out.append(Table(("Type", rng.choice(("ICD-10-CM", "ICD-10 Code", "Dx Code")), "Description"), rows,
                         widths=(1.1, 1.1, 4.4), heading=rng.choice(("Diagnoses", "DIAGNOSIS CODES",
                                                                    "Admitting / Secondary Diagnoses"))))
    elif how == 1:
        lines = [f"{first} Dx: {c.code(c.dx[0][0])} - {c.dx[0][1]}"]
        lines += [f"Secondary Dx {i}: {c.code(code)} - {desc}" for i, (code, desc) in enumerate(c.dx[1:], 1)]
        out += [Text(rng.choice(("Diagnoses (ICD-10-CM)", "Diagnosis")), bold=True), Text("\n".join(lines))]
    else:
        rows = [(first if first.endswith("Dx") else f"{first} diagnosis", f"{c.code(c.dx[0][0])} {c.dx[0][1]}")]
        if len(c.dx) > 1:
            rows.append(("Secondary diagnoses", ", ".join(c.code(code) for code, _ in c.dx[1:])))
        out.append(_kv(rows, "Diagnosis", 1))
    extra = []
    if c.drg:
        extra.append(rng.choice((f"Working DRG: {c.drg} ({_DRG[c.drg]})", f"MS-DRG {c.drg} - {_DRG[c.drg]}",
                                 f"Prelim DRG {c.drg}")))
    if c.reason.key == "stroke" and rng.random() < 0.6:
        extra.append("IRF impairment group: 01.2 (stroke, right body involvement)")
    if extra:
        out.append(Text("    ".join(extra), size=8.5))
    return out


def _proc_blocks(c: _Ctx) -> list[Block]:
    """The procedure(s) of the stay: CPT (truth) with ICD-10-PCS (distractor) and the date, or nothing."""
    if not c.cpt:
        return []
    rng, t = c.rng, c.dates
    when = c.f(t["surgery"]) if "surgery" in t else ""
    done = "surgery" in t and t["surgery"] <= t["faxed"]
    heading = rng.choice(("Procedures performed", "Procedures this admission")) if done else rng.choice((
        "Planned Procedure(s)", "Procedure Requested", "Scheduled Procedure"))
    if c.pcs:
        rows = tuple((code, pcs, desc, when) for (code, desc), pcs in zip(c.cpt, c.pcs, strict=True))
        return [Table(("CPT", "ICD-10-PCS", "Description", "Date"), rows, widths=(0.8, 1.0, 3.6, 1.2),
                      heading=heading)]
    if rng.random() < 0.5:
        rows2 = tuple((code, desc, when) for code, desc in c.cpt)
        return [Table((rng.choice(("CPT", "CPT Code", "Procedure Code")), "Description",
                       rng.choice(("Date", "Surgery Date", "Scheduled"))), rows2, widths=(1.0, 4.2, 1.4),
                      heading=heading)]
    codes = "; ".join(f"{code} {desc}" for code, desc in c.cpt)
    return [Text(f"{heading}: CPT {codes}" + (f" ({c.labels['surgery'].lower()} {when})" if when else ""))]


def _dme_blocks(c: _Ctx) -> list[Block]:
    if not c.hcpcs:
        return []
    items = "; ".join(f"{desc} ({code})" for code, desc in c.hcpcs)
    return [Text(c.rng.choice(("Anticipated discharge needs / DME: ", "Discharge planning - equipment: ",
                               "DME anticipated at discharge: ")) + items + ".", size=8.5)]


def _clinical(c: _Ctx, with_service: bool) -> list[Block]:
    """The clinical summary: a story, timed labs, the prior admission; the service date in prose when asked."""
    rng, f, t = c.rng, c.f, c.dates
    values = _story_values(c)
    if c.kind == "continued":
        parts = [rng.choice(c.reason.continued or c.reason.story).format(**values)]
    else:
        parts = [rng.choice(c.reason.story).format(**values)]
    if with_service:
        parts.insert(0 if rng.random() < 0.5 else 1, _service_prose(c))
    if "lab" in t and rng.random() < 0.6:
        wbc, na = rng.uniform(4.5, 16.5), rng.randint(128, 144)
        parts.append(rng.choice((f"Labs {f(t['lab'])}: WBC {wbc:.1f}, Na {na}, Cr {rng.uniform(0.6, 2.1):.2f}.",
                                 f"AM labs {c.dt('lab')}: Hgb {rng.uniform(8.1, 14.2):.1f}, K "
                                 f"{rng.uniform(3.1, 5.2):.1f}, glucose {rng.randint(88, 310)}.")))
    if c.kind in ("emergency", "urgent") and rng.random() < 0.35:
        parts.append(f"Prior admission {f(t['prior_admit'])} - {f(t['prior_dc'])} (not a 30-day readmission).")
    if c.kind == "postacute" and rng.random() < 0.6:
        parts.append(f"PT/OT evaluation {f(t['eval'])}: FIM-style mobility score below prior level; "
                     "prior level of function independent.")
    if c.kind == "elective" and "hp" in t and rng.random() < 0.5:
        parts.append(f"Pre-op H&P {f(t['hp'])}; medical clearance obtained.")
    return [Text(rng.choice(("Clinical Summary", "CLINICAL INFORMATION", "Reason for admission / clinicals",
                             "Clinical update" if c.kind == "continued" else "Medical necessity")), bold=True),
            Text(" ".join(parts))]


def _header_lines(c: _Ctx) -> str:
    case, f, t = c.case, c.f, c.dates
    return (f"To: {case.plan} - Utilization Management (fax {case.plan_fax})    From: {c.facility} UR "
            f"(fax {c.fac_fax})    {c.labels['notify']}: {f(t['faxed'])}")


def _titles(c: _Ctx) -> tuple[str, ...]:
    if c.kind in ("emergency", "urgent"):
        return ("NOTICE OF ADMISSION", "Inpatient Notification Form", "INPATIENT ADMISSION NOTIFICATION",
                "Notification of Inpatient Admission", "Utilization Review - Notice of Inpatient Admission")
    if c.kind == "elective":
        return ("INPATIENT PRECERTIFICATION REQUEST", "Precertification of Elective Inpatient Admission",
                "Inpatient Notification / Precertification Form", "Elective Admission - Prior Authorization Request")
    if c.kind == "postacute":
        unit = {"irf": "ACUTE REHABILITATION", "snf": "SKILLED NURSING FACILITY", "ltach": "LTACH"}[c.reason.setting]
        return (f"{unit} ADMISSION REQUEST", f"Pre-Admission Authorization Request - {unit.title()}",
                "Post-Acute Admission - Prior Authorization Request")
    return ("CONTINUED STAY REVIEW REQUEST", "Concurrent Review - Request for Additional Days",
            "Request for Extension of Inpatient Stay", "Continued Stay / Concurrent Review")


def _signature(c: _Ctx) -> list[Block]:
    f, t, rng = c.f, c.dates, c.rng
    return [Text(rng.choice((
        f"Completed by: {c.ur_staff}    Phone: {c.fac_phone}    {c.labels['signed']}: {f(t['signed'])}",
        f"Submitted by {c.ur_staff}, {c.facility} Utilization Review, on {f(t['signed'])}",
        f"UR/CM signature: {c.ur_staff}    {c.labels['signed']}: {f(t['signed'])}",
    )), size=8.5)]


def _running_header(c: _Ctx) -> Text:
    who = c.name or f"{c.case.last.upper()}, {c.case.first.upper()}"
    return Text(c.rng.choice((
        f"Patient: {who}    {c.dob_label}: {c.dob}    {c.mrn[0]}: {c.mrn[1]}    - page 2",
        f"{who} | {c.dob_label} {c.dob} | {c.member_label} {c.case.policy_printed} | continued",
    )), size=8)


# --- the four layouts -------------------------------------------------------------------------------------------


def _facility_form(c: _Ctx) -> Layout:
    """The facility UR department's own notification form: boxed or stacked label boxes, 1-2 pages."""
    rng = c.rng
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    kv = rng.choice(("boxed", "boxed", "stacked"))
    style = Style(font, 8.5 if font == "dejavu_sans" else 9, kv)
    blocks: list[Block] = [
        Text(c.facility, bold=True, size=12),
        Text(f"{c.fac_lines[0]}, {c.fac_lines[1]}  -  Utilization Review / Case Management  -  Phone {c.fac_phone}"
             f"  Fax {c.fac_fax}", size=7.5),
        Title(rng.choice(_titles(c)), 13, rng.choice(("center", "left"))),
        Text(_header_lines(c), size=7.5),
    ]
    blocks += _urgency(c)
    if c.ref:
        blocks.append(_kv([(c.ref_label, c.ref)], "", 1))
    blocks += _identity_blocks(c, kv, 3, rng.choice(("Patient / Member Information", "PATIENT", "Member")))
    blocks.append(_kv(_facility_rows(c), rng.choice(("Facility", "FACILITY / PROVIDER", "Requesting Facility")), 3))
    blocks.append(_kv(_physician_rows(c), rng.choice(("Attending Physician", "PHYSICIAN")), 3))
    placement = c.placement
    stay = _stay_rows(c, placement == "kv")
    blocks.append(_kv(stay, rng.choice(("Admission Information", "ADMISSION / STAY", "Stay Details")), 3))
    blocks += _stay_table(c, placement == "table")
    if placement == "line":
        blocks.append(_service_line(c))
    if rng.random() < 0.45:
        blocks += [PageBreak(), _running_header(c)]
    blocks += _dx_blocks(c) + _proc_blocks(c)
    blocks += _clinical(c, placement == "prose")
    blocks += _dme_blocks(c)
    blocks += [Gap(4), Rule(), *_signature(c)]
    footer = rng.choice(("UR-NOA rev. 03/2026   Page {page} of {pages}", "Page {page} of {pages}",
                         f"{c.facility} - Confidential", ""))
    return blocks, style, footer


def _plan_form(c: _Ctx) -> Layout:
    """The plan's inpatient notification / authorization form as the facility fills it in: banner, numbered
    sections, inline or underlined labels."""
    rng, case = c.rng, c.case
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    kv = rng.choice(("inline", "underline"))
    style = Style(font, 8.5 if font == "dejavu_sans" else 9, kv)
    title = rng.choice(("Inpatient Authorization Request / Notification", "INPATIENT NOTIFICATION FORM",
                        "Inpatient Admission & Concurrent Review Form", "Facility Inpatient Precertification"))
    blocks: list[Block] = [
        Banner(case.plan.upper(), f"Utilization Management - Inpatient   Fax {case.plan_fax}   Phone "
                                  f"{case.plan_phone}"),
        Title(title, 12),
        Text("Notify the plan of every inpatient admission within 24 hours or by the next business day. Elective "
             "admissions require precertification at least 5 business days in advance.", size=7.5),
    ]
    kind_boxes = (("Initial notification", c.kind in ("emergency", "urgent")),
                  ("Precertification (elective)", c.kind == "elective"),
                  ("Post-acute admission (IRF/SNF/LTACH)", c.kind == "postacute"),
                  ("Concurrent / continued stay", c.kind == "continued"))
    blocks.append(Checks(tuple((label, on, None) for label, on in kind_boxes), label="Request:"))
    blocks += _urgency(c)
    n = 1
    id_heading = f"{n}. Member Information"
    blocks += _identity_blocks(c, kv, 2, id_heading)
    if c.ref:
        blocks.append(_kv([(c.ref_label, c.ref)], "", 1))
    n += 1
    blocks.append(_kv(_facility_rows(c), f"{n}. Facility", 2))
    n += 1
    blocks.append(_kv(_physician_rows(c), f"{n}. Attending Physician", 2))
    n += 1
    placement = c.placement if c.placement != "prose" else "kv"
    blocks.append(_kv(_stay_rows(c, placement == "kv"), f"{n}. Admission / Stay", 2))
    blocks += _stay_table(c, placement == "table")
    if placement == "line":
        blocks.append(_service_line(c))
    if rng.random() < 0.4:
        blocks += [PageBreak(), _running_header(c)]
    n += 1
    blocks.append(Text(f"{n}. Diagnosis / Procedure", bold=True))
    blocks += _dx_blocks(c) + _proc_blocks(c)
    n += 1
    blocks += [Text(f"{n}. Clinical Information", bold=True), *_clinical(c, False)[1:]]
    blocks += _dme_blocks(c)
    blocks += [Text("I attest that the information above is accurate and supported by the medical record.", size=8),
               *_signature(c), Gap(4),
               _kv([("Reference # (plan use)", "__________"), ("Days approved", "_____"), ("Reviewer", "__________")],
                   "FOR PLAN USE ONLY", 3)]
    footer = rng.choice(("IP-NOTIFY {page}/{pages}", "Form UM-IP-01 rev 2026   Page {page} of {pages}", ""))
    return blocks, style, footer


def _dots(label: str, width: int = 15) -> str:
    """A label padded with leader dots (a fixed-width report's columns line up in a mono font)."""
    return f"{label + ' ':.<{width}}"


def _printout(c: _Ctx) -> Layout:
    """A case-management system's fixed-width report: dotted leaders, UB-04 admission type, a stay table."""
    rng, case, f, t = c.rng, c.case, c.f, c.dates
    style = Style(rng.choice(("courier", "liberation_mono")), 8, "inline")
    system = rng.choice(("CM-Track", "UR Navigator", "CareSync CM", "MIDAS UM"))
    user = "".join(p[0] for p in c.ur_staff.split(",")[0].split()).upper() + rng.choice(("01", "2", "X"))
    who = c.name or f"{case.last.upper()}, {case.first.upper()}"
    member = _dots(c.member_label)

    def kv(rows: list[tuple[str, str]], cols: int = 2, heading: str = "") -> KV:
        return _kv([(_dots(label), value) for label, value in rows], heading, cols, member)

    adm_code = {"emergency": "1-EMERGENCY", "urgent": "2-URGENT", "elective": "3-ELECTIVE"}
    report = {"emergency": "IP ADMISSION NOTIFICATION", "urgent": "IP ADMISSION NOTIFICATION",
              "elective": "IP PRECERT REQUEST (ELECTIVE)", "postacute": "POST-ACUTE ADMISSION REQUEST",
              "continued": "CONCURRENT REVIEW - ADDL DAYS"}[c.kind]
    blocks: list[Block] = [
        Text(f"{c.facility.upper()} - {system}", bold=True, size=9),
        Text(f"Report: {report}    Printed {case.fax.sent:%m/%d/%Y %H:%M} by {user}", size=7.5),
        Rule(),
    ]
    names = [("Patient", who)] if c.name else list(c.name_rows)
    ids = [*names, c.mrn, (c.dob_label, c.dob), ("Sex", case.sex), (c.member_label, case.policy_printed), c.acct]
    if len(ids) % 2:
        ids.append(("Room/Bed" if _already_in(c) else "Pre-reg #",
                    c.room if _already_in(c) else f"PR{rng.randint(100000, 999999)}"))
    blocks.append(kv(ids))
    blocks.append(kv([("Payer", case.plan), *c.subscriber] + ([(c.ref_label, c.ref)] if c.ref else []), 1))
    kv_service = c.placement in ("kv", "line")
    adm: list[tuple[str, str]] = []
    single: list[tuple[str, str]] = []
    if c.kind == "continued":
        adm += [(c.labels["stay_admit"], c.dt("admit")), ("Adm Type", adm_code.get(c.adm_type or "", "-")),
                ("Approved thru", f(t["through"])), ("Days appr", str(c.los)),
                ("Last review", f(t["last_review"])), ("Next review", f(t["next_review"]))]
        if kv_service:
            adm += [(c.labels["admit"], f(c.s)), ("Days req", str(c.days_req))]
    elif c.kind == "postacute":
        single.append(("From hospital", c.acute))
        adm += [("Acute admit", f(t["acute_admit"])), ("Level", _SETTING_NAME[c.reason.setting])]
        if kv_service:
            adm += [(c.labels["admit"], _service_value(c)), ("Adm source", "TRANSFER")]
    else:
        if c.obs and "obs" in t:
            single.append(("Obs start", c.dt("obs")))
        elif "ed" in t:
            single.append(("ED arrival", c.dt("ed")))
        first = (c.labels["admit"], _service_value(c)) if kv_service else ("Admit source", _admit_source(c))
        adm += [first, ("Adm Type", adm_code[c.adm_type or "elective"])]
        if _already_in(c):
            adm += [(c.labels["room"], c.room), ("LOC", c.level)]
        else:
            single.append(("Level of care", c.level))
    adm += [(c.labels["dc"], f(t["dc"])), ("Exp LOS", f"{c.los}d" if c.kind != "continued" else
                                           f"{c.days_req}d req")]
    if c.rev:
        single.append(("Rev code", c.rev[0]))
    blocks.append(Text("ADMISSION", bold=True))
    blocks.append(kv(adm))
    if single:
        blocks.append(kv(single, 1))
    if c.case.urgent:
        blocks.append(Text(rng.choice(("** EXPEDITED REVIEW REQUESTED **", "*** URGENT - PLEASE EXPEDITE ***",
                                       "PRIORITY: URGENT/EXPEDITED")), bold=True))
    else:
        blocks.append(Text(rng.choice(("PRIORITY: ROUTINE", "REVIEW TYPE: STANDARD", "PRIORITY: STD")), size=7.5))
    blocks += _stay_table(c, c.placement == "table")
    prov = [(c.labels["att_npi"], c.att_npi)]
    prov += [(c.labels["fac_npi"], c.fac_npi)] if c.fac_npi_printed else []
    prov += [("TIN", c.tin), ("CCN", c.ccn), ("UR phone", c.fac_phone), ("UR fax", c.fac_fax)]
    if len(prov) % 2:
        prov.append(("UR contact", c.ur_staff.split(",")[0]))
    blocks += [Text("PROVIDER", bold=True), kv([("Attending", c.attending), ("Specialty", c.specialty)], 1),
               kv(prov)]
    dx = [f"{i}. {c.code(code)}  {desc}" + ("  (ADMITTING)" if i == 1 else "") for i, (code, desc) in
          enumerate(c.dx, 1)]
    blocks += [Text("DIAGNOSES (ICD-10-CM)", bold=True), Text("\n".join(dx))]
    if c.drg:
        blocks.append(Text(f"WORKING DRG: {c.drg} {_DRG[c.drg].upper()}"))
    if c.cpt:
        when = f(t["surgery"]) if "surgery" in t else ""
        procs = [f"CPT {code}  {desc}  {when}" + (f"  [PCS {pcs}]" if pcs else "")
                 for (code, desc), pcs in zip(c.cpt, c.pcs or [""] * len(c.cpt), strict=True)]
        blocks += [Text("PROCEDURES", bold=True), Text("\n".join(procs))]
    clinical = _clinical(c, c.placement == "prose")
    blocks += [Text("CLINICAL / REVIEW NOTES", bold=True), clinical[1]]
    blocks += _dme_blocks(c)
    blocks += [Rule(), Text(f"Sent to {case.plan} UM fax {case.plan_fax} on {f(t['faxed'])} by {c.ur_staff}",
                            size=7.5)]
    footer = f"{system} - {{page}}/{{pages}} - CONFIDENTIAL"
    return blocks, style, footer


def _letter(c: _Ctx) -> Layout:
    """A UR nurse's / case manager's letter to the plan: the service date in prose."""
    rng, case, f, t = c.rng, c.case, c.f, c.dates
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 9.5 if font != "dejavu_serif" else 9, "inline")
    npi_bits = f"  |  NPI {c.fac_npi}" if c.fac_npi_printed else ""
    blocks: list[Block] = [
        Text(c.facility, bold=True, size=13),
        Text(f"{c.fac_lines[0]}  -  {c.fac_lines[1]}", size=8),
        Text(f"Utilization Review Department  |  Tel {c.fac_phone}  |  Fax {c.fac_fax}{npi_bits}  |  TIN {c.tin}",
             size=8),
        Rule(),
        Text(f"{f(t['signed'])}\n\n{case.plan}\nUtilization Management - Inpatient Review\nVia fax: {case.plan_fax}"),
    ]
    re_rows: list[tuple[str, str]] = []
    if c.name:
        re_rows.append(("RE", c.name))
    else:
        re_rows += c.name_rows
    re_rows += [(c.dob_label, c.dob), (c.member_label, case.policy_printed)]
    if c.ref:
        re_rows.append((c.ref_label, c.ref))
    re_rows.append(c.acct)
    in_re = c.placement in ("kv", "table", "line") and rng.random() < 0.5
    if in_re:
        re_rows.append((c.labels["admit"], _service_value(c)))
    blocks.append(_kv(re_rows, "", 1, c.member_label))
    subject = {"emergency": "Notification of Inpatient Admission", "urgent": "Notification of Urgent Admission",
               "elective": "Request for Precertification - Elective Inpatient Admission",
               "postacute": f"Request for Admission - {_SETTING_LONG.get(c.reason.setting, '')}",
               "continued": "Concurrent Review - Request for Additional Inpatient Days"}[c.kind]
    blocks.append(Text(subject, bold=True))
    blocks += _urgency(c, adm_checks=False)
    opening = "Dear Utilization Management team,"
    first = _service_prose(c) if not in_re else rng.choice((
        "We are writing to notify you of the inpatient stay of the above member at our facility.",
        "Please accept this letter as notification of the admission referenced above.",
        "Please review the request below for the member referenced above."))
    if c.adm_type and rng.random() < 0.7:
        if c.adm_type == "elective" and c.kind == "elective":
            first += " This is an elective (scheduled) admission."
        else:
            word = {"emergency": "an emergency", "urgent": "an urgent", "elective": "an elective"}[c.adm_type]
            first += f" This was {word} admission ({_admit_source(c).lower()})."
    if "ed" in t and c.kind != "elective":
        first += f" The patient arrived in our emergency department on {c.dt('ed')}."
    if c.kind == "postacute":
        first += f" The patient has been hospitalized at {c.acute} since {f(t['acute_admit'])}."
    if c.kind == "continued":
        first += (f" The member was admitted on {f(t['admit'])}; {c.los} days are approved through "
                  f"{f(t['through'])} (last reviewed {f(t['last_review'])}).")
    att = f"The attending physician is {c.attending} ({c.specialty}), NPI {c.att_npi}."
    if c.fac_npi_printed and rng.random() < 0.5:
        att += f" Facility NPI {c.fac_npi}; Medicare provider number {c.ccn}."
    story = rng.choice(c.reason.continued or c.reason.story) if c.kind == "continued" else rng.choice(c.reason.story)
    blocks += [Text(opening), Text(first), Text(att), Text(story.format(**_story_values(c)))]
    if rng.random() < 0.4:
        blocks += [PageBreak(), Text(f"{case.plan} - RE: {c.name_shown} - {c.dob_label} {c.dob} - Page 2", size=8)]
    dx = c.dx
    dx_text = f"Admitting diagnosis: {c.code(dx[0][0])} ({dx[0][1]})."
    if len(dx) > 1:
        dx_text += " Secondary: " + ", ".join(f"{c.code(code)} ({desc})" for code, desc in dx[1:]) + "."
    if c.drg:
        dx_text += f" Working DRG {c.drg}."
    blocks.append(Text(dx_text))
    if c.cpt:
        procs = " and ".join(f"{desc.lower()} (CPT {code})" for code, desc in c.cpt)
        when = t.get("surgery")
        verb = "was performed" if when and when <= t["faxed"] else "is planned"
        blocks.append(Text(f"The procedure, {procs}, {verb}" + (f" on {f(when)}." if when else ".")))
    blocks += _dme_blocks(c)
    if c.kind == "continued":
        ask = (f"We request {c.days_req} additional days at the {c.level.lower()} level; next review "
               f"{f(t['next_review'])}, anticipated discharge {f(t['dc'])}.")
    else:
        ask = (f"The anticipated length of stay is {c.los} days (estimated discharge {f(t['dc'])}). Please review "
               f"for {c.level.lower()} level of care.")
    if c.rev and rng.random() < 0.5:
        ask += f" Accommodation revenue code {c.rev[0]}."
    blocks.append(Text(ask))
    blocks.append(Text(f"Clinical records are attached. Please call {c.fac_phone} with questions or fax the "
                       f"determination to {c.fac_fax}."))
    blocks.append(Text(f"Sincerely,\n\n{c.ur_staff}\nUtilization Review, {c.facility}"))
    footer = rng.choice(("", "Confidential health information", "Page {page} of {pages}"))
    return blocks, style, footer


def inpatient_admission_notification(case: Case, rng: Random) -> Doc:
    """A hospital's inpatient admission notification / precertification, a post-acute admission request or a
    continued-stay request (facility form, plan form, case-management printout or UR letter)."""
    c = _context(case, rng)
    layout = rng.choice(("facility", "facility", "plan", "printout", "letter"))
    build = {"facility": _facility_form, "plan": _plan_form, "printout": _printout, "letter": _letter}[layout]
    blocks, style, footer = build(c)
    npi = [c.att_npi] + ([c.fac_npi] if c.fac_npi_printed and c.fac_npi != c.att_npi else [])
    truth = Truth(reference_id=case.reference_id if c.ref_is_reference else None, policy_id=case.policy_id,
                  dob=case.dob, patient_name=(case.first, case.last), npi=npi,
                  cpt=[code for code, _ in c.cpt], hcpcs=[code for code, _ in c.hcpcs],
                  icd10=[code for code, _ in c.dx], service_date=c.s, urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name_shown, c.att_npi]
    if c.ref_is_reference:
        contains.append(case.reference_id)
    return Doc("inpatient_admission_notification", "pa_request_form", style, blocks, truth, contains,
               footer=footer, title="Inpatient admission notification / precertification")
