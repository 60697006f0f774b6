"""Held-out family written blind in session 5: a hospital UR nurse's concurrent (continued-stay) review.

The facility's utilization-review / case-management department faxes the plan a clinical update on a member who
is already in the building (acute inpatient, observation, skilled nursing, acute rehab or inpatient psychiatry)
and asks for more days on the existing authorization. It is a request for authorization, so it is filed as a
`pa_request_form`.

Truth: the service date is the first day of the additional days requested (the start of the extension, or the
day an observation stay is asked to become inpatient). The admit date, the days already approved, lab, culture
and procedure dates, the review date, the next review date and the expected discharge date are distractors.
The attending's NPI is the requesting NPI; the facility's NPI, when printed, is the servicing one (expected too);
the facility's Tax ID, MRN, account number and UR case number are not fields. The plan's authorization number for
the stay is the Reference ID, printed on most reviews.

The document is one page when the case has a single procedure code (a short review) and otherwise one or two
pages; a second page starts with a running header naming the patient and "Page 2 of 2".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from random import Random

from samples.generator.data import Case, fictional_phone, make_npi
from samples.generator.document import (
    KV,
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
from samples.generator.heldout.common import fmt, initial, tax_id

# ---------------------------------------------------------------------------------------------------------------
# Dates: one style per document (a hospital system prints all its dates one way), a short month/day for the
# hospital course, and military times.

STYLES = ("mdy", "mdy2", "dd_mon_yyyy_title", "ddmonyyyy", "long")


def day_text(day: dt.date, style: str) -> str:
    """`11/24/2026`, `11/24/26`, `24-Nov-2026`, `24NOV2026` or `November 24, 2026`."""
    if style == "mdy2":
        return day.strftime("%m/%d/%y")
    if style == "ddmonyyyy":
        return day.strftime("%d%b%Y").upper()
    return fmt(day, style)


def short_day(day: dt.date, style: str) -> str:
    """The day without its year, as course notes write it: `11/24`, `24-Nov`, `24NOV` or `Nov 24`."""
    if style == "dd_mon_yyyy_title":
        return day.strftime("%d-%b")
    if style == "ddmonyyyy":
        return day.strftime("%d%b").upper()
    if style == "long":
        return f"{day:%b} {day.day}"
    return f"{day.month}/{day.day}"


def clock(rng: Random, lo: int = 0, hi: int = 23, colon: bool = False) -> str:
    hour, minute = rng.randint(lo, hi), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
    return f"{hour:02d}:{minute:02d}" if colon else f"{hour:02d}{minute:02d}"


def stamp(day: dt.date, style: str, rng: Random, lo: int = 0, hi: int = 23) -> str:
    """A date with a time: `11/24/26 0730`, `24NOV2026 0730`, `24-Nov-2026 07:30`, `November 24, 2026, 07:30`."""
    if style == "long":
        return f"{day_text(day, style)}, {clock(rng, lo, hi, colon=True)}"
    if style == "dd_mon_yyyy_title":
        return f"{day_text(day, style)} {clock(rng, lo, hi, colon=True)}"
    return f"{day_text(day, style)} {clock(rng, lo, hi)}"


# ---------------------------------------------------------------------------------------------------------------
# Who sends it.

ACUTE_FACILITIES = ("Saint Brennan Regional Medical Center", "Copper Hollow Community Hospital",
                    "Tamarack General Hospital", "Harrow Valley Medical Center", "Lindell Memorial Hospital",
                    "Prairie Vista University Hospital")
SNF_FACILITIES = ("Brookfield Terrace Post-Acute Care", "Willowmere Skilled Nursing and Rehab",
                  "Aspen Crest Transitional Care Center")
REHAB_FACILITIES = ("Lindell Rehabilitation Hospital", "Northfork Acute Rehabilitation Institute",
                    "Harrow Valley Inpatient Rehab Unit")
PSYCH_FACILITIES = ("Cedar Hollow Behavioral Health Hospital", "Saint Brennan Behavioral Health Unit",
                    "Riverton Psychiatric Center")
FACILITY_STREETS = ("Hospital Dr", "Medical Center Pkwy", "Wellness Blvd", "Infirmary Rd", "Campus Loop")
DEPARTMENTS = ("Utilization Review / Case Management", "Care Management - Utilization Review",
               "Clinical Resource Management (UR)", "Case Management Dept. - UR")
NURSE_FIRST = ("Darlene", "Theresa", "Marcus", "Janelle", "Colleen", "Renata", "Everett", "Shonda", "Brigid", "Luz")
NURSE_LAST = ("Okafor", "Brandvold", "Castile", "McAllister", "Deleon", "Fitzhugh", "Ramires", "Szabo", "Trujillo",
              "Wendt")
CREDENTIALS = ("RN", "RN, BSN", "RN, CCM", "RN, ACM-RN", "BSN, RN, CMGT-BC")
NOT_PHYSICIANS = frozenset({"PT/OT", "Respiratory therapy", "Diabetes educator", "Dietitian", "Social work",
                            "Speech-language pathology", "Pharmacy"})
CONSULT_LAST = ("Adeyemi", "Borowski", "Chaudhry", "Esposito", "Haugen", "Ivanova", "Kowalczyk", "Mbeki")


# ---------------------------------------------------------------------------------------------------------------
# What is going on with the patient: a clinical picture chosen from the working diagnosis.


@dataclass(frozen=True)
class Picture:
    locs: tuple[str, ...]
    why: dict[str, tuple[str, ...]]  # ICD prefix ("" = any) -> reasons for admission
    status: tuple[str, ...]
    vitals: tuple[float, float, int, int, int, int, int, int, int, int]  # T lo/hi C, HR, SBP, RR, SpO2 lo/hi
    o2: tuple[str, ...]
    labs: tuple[tuple[str, float, float, int], ...]  # name, low, high, decimals
    meds: tuple[str, ...]
    subsets: tuple[str, ...]
    barriers: tuple[str, ...]
    plans: tuple[str, ...]
    consults: tuple[str, ...]
    cultures: bool = False
    surgical: bool = False
    therapy: tuple[str, ...] = field(default=())


P_RESP = Picture(
    locs=("Inpatient - Med/Surg", "Inpatient - Telemetry", "Inpatient - Step-down (PCU)", "Observation"),
    why={"G47": ("presented somnolent with acute hypercapnic respiratory failure; suspected untreated OSA with "
                 "obesity hypoventilation, pCO2 74 on arrival",),
         "R06": ("admitted with acute hypercapnic respiratory failure, loud snoring and witnessed apneas per "
                 "family; placed on BiPAP in the ED",),
         "E66": ("presented with hypoxia and somnolence; pCO2 71, BMI 48, no home PAP device",),
         "": ("presented to the ED with 3 days of worsening dyspnea, productive cough and wheezing; SpO2 84% on RA "
              "at triage",
              "direct admit from pulmonology clinic for increased work of breathing and a new O2 requirement",
              "brought in by EMS in respiratory distress, placed on BiPAP in the ED for pCO2 69")},
    status=("Remains on {o2}; desaturates to 86% with ambulation. Accessory muscle use with exertion.",
            "Weaned off BiPAP to {o2} but needed BiPAP again overnight for somnolence; repeat ABG this AM.",
            "Diffuse expiratory wheezes persist, speaking in short sentences. RT continuing scheduled nebs."),
    vitals=(36.6, 38.4, 88, 118, 104, 164, 20, 28, 88, 94),
    o2=("2L NC", "3L NC", "4L NC", "5L NC", "HFNC 30 L / 40%"),
    labs=(("WBC", 10.2, 16.8, 1), ("pH", 7.27, 7.35, 2), ("pCO2", 49, 72, 0), ("HCO3", 27, 35, 0),
          ("procalcitonin", 0.1, 0.9, 2), ("BNP", 60, 420, 0), ("glucose", 142, 268, 0)),
    meds=("methylprednisolone 40 mg IV q8h", "methylprednisolone 60 mg IV q6h", "ceftriaxone 1 g IV q24h",
          "azithromycin 500 mg IV daily", "ipratropium-albuterol nebs q4h + q2h PRN", "doxycycline 100 mg IV q12h",
          "BiPAP 14/6 overnight and with naps"),
    subsets=("Chronic Obstructive Pulmonary Disease", "Respiratory Failure, Acute", "Hypoventilation/Hypercapnia"),
    barriers=("O2 need above home baseline (room air at home)",
              "failed ambulatory O2 qualification - SpO2 85% after 40 ft",
              "still on IV steroids; oral taper not started",
              "lives alone in a 3rd floor walk-up; PT recommends supervision for now"),
    plans=("Home with home O2 and home health RN/PT once at 2L or less at rest",
           "Home with spouse; pulmonary rehab referral placed; O2 qualification before DC",
           "Possible short SNF stay for deconditioning - PT/OT to re-evaluate"),
    consults=("Pulmonology", "Respiratory therapy", "PT/OT"),
    cultures=True,
)
P_CARDIAC = Picture(
    locs=("Inpatient - Telemetry", "Inpatient - Step-down (PCU)", "Inpatient - CVICU", "Observation"),
    why={"": ("presented with substernal chest pressure radiating to the L arm, onset at rest; initial troponin "
              "0.09 ng/mL",
              "transferred from an outside ED with chest pain and dynamic ST changes in the lateral leads",
              "admitted from cardiology clinic for crescendo angina and new dyspnea on exertion")},
    status=("Troponin trended up then plateaued; recurrent chest pain overnight relieved by SL NTG x2.",
            "Remains on heparin drip; chest pain 3/10 at rest. Echo: EF 35-40% with new anterior hypokinesis.",
            "Runs of NSVT on telemetry (longest 9 beats); electrolytes being repleted."),
    vitals=(36.4, 37.6, 62, 108, 96, 178, 14, 22, 93, 99),
    o2=("RA", "RA", "2L NC"),
    labs=(("troponin I", 0.04, 0.92, 2), ("BNP", 180, 1240, 0), ("K", 3.2, 4.1, 1), ("Mg", 1.5, 2.0, 1),
          ("Cr", 0.9, 1.9, 1), ("Hgb", 10.1, 13.8, 1), ("aPTT", 58, 96, 0)),
    meds=("heparin infusion per ACS nomogram", "nitroglycerin infusion 10 mcg/min, titrating to pain",
          "furosemide 40 mg IV BID", "metoprolol 5 mg IV q6h PRN HR over 110",
          "potassium chloride 20 mEq IV x2", "amiodarone infusion 0.5 mg/min"),
    subsets=("Chest Pain / Acute Coronary Syndrome", "Heart Failure", "Angina, Unstable"),
    barriers=("cath lab add-on still pending", "cardiology wants 24 h pain free on medical therapy before DC",
              "creatinine rose after contrast; nephrology following"),
    plans=("Home with cardiac rehab referral after cath and stabilization",
           "Home with home health RN for medication teaching; cardiology follow-up in 7 days",
           "Possible transfer for CABG evaluation if cath shows multivessel disease"),
    consults=("Cardiology", "Interventional cardiology", "Nephrology"),
)
P_ORTHO = Picture(
    locs=("Inpatient - Orthopedic unit", "Inpatient - Med/Surg", "SNF - skilled rehab", "Acute Rehab (IRF)"),
    why={"S83": ("admitted after a fall at home with a locked knee and inability to bear weight",),
         "M23": ("admitted after a fall at home with a locked knee and inability to bear weight",),
         "": ("elective surgical admission; post-op course complicated by acute blood-loss anemia and poorly "
              "controlled pain",
              "admitted after a mechanical fall at home with inability to bear weight",
              "post-op with urinary retention and orthostatic hypotension, unable to mobilize")},
    status=("PT: ambulated 20 ft with rolling walker, mod assist x2; transfers max assist. Pain 7/10 with therapy.",
            "Hgb down to 7.6 this AM; transfused 1 unit PRBC. Orthostatic on standing - therapy held x1.",
            "Incision with moderate serosanguinous drainage; dressing reinforced twice. Afebrile."),
    vitals=(36.5, 37.9, 72, 112, 92, 150, 14, 20, 92, 98),
    o2=("RA", "RA", "2L NC"),
    labs=(("Hgb", 7.2, 9.8, 1), ("WBC", 8.1, 13.2, 1), ("Na", 129, 136, 0), ("Cr", 0.8, 1.6, 1),
          ("glucose", 110, 204, 0)),
    meds=("cefazolin 2 g IV q8h", "hydromorphone 0.5 mg IV q3h PRN pain", "ketorolac 15 mg IV q6h",
          "ondansetron 4 mg IV q6h PRN", "NS at 75 mL/h"),
    subsets=("Orthopedic Surgery, Lower Extremity", "Arthroplasty, Knee or Hip", "Musculoskeletal Trauma"),
    barriers=("cannot yet climb the 6 steps into the home", "mod assist for transfers; spouse cannot assist physically",
              "pain not controlled on the oral regimen"),
    plans=("Home with home health PT once independent with walker on level surfaces",
           "SNF placement for short-term rehab - referrals sent to 3 facilities",
           "Acute rehab evaluation requested; tolerating 3 h/day of therapy"),
    consults=("Orthopedics", "PT/OT", "Hospital medicine"),
    surgical=True,
    therapy=("Ambulation 60 ft with RW, CGA; stairs not attempted.", "Sit-to-stand min assist x1; TKE lag noted.",
             "Section GG mobility 2 (substantial assist) -> 3 (partial assist)."),
)
P_SPINE = Picture(
    locs=("Inpatient - Neuro/Spine", "Inpatient - Med/Surg", "Observation"),
    why={"": ("admitted for intractable L leg pain with new foot weakness after failed outpatient injections",
              "elective lumbar surgery; post-op with urinary retention and severe radicular pain",
              "third ED visit this month for back pain; admitted for pain control and imaging")},
    status=("Pain 8/10 despite PCA; walks only to the bathroom with a walker.",
            "L EHL strength 3/5, unchanged; spine surgery following, possible OR this stay.",
            "Needed straight cath x2 overnight for retention; Foley replaced."),
    vitals=(36.5, 37.7, 70, 104, 110, 158, 14, 20, 94, 99),
    o2=("RA",),
    labs=(("WBC", 7.4, 14.6, 1), ("glucose", 128, 246, 0), ("Cr", 0.7, 1.3, 1), ("CRP", 2.1, 18.4, 1)),
    meds=("hydromorphone PCA 0.2 mg, 10 min lockout", "dexamethasone 4 mg IV q6h", "ketorolac 15 mg IV q6h",
          "diazepam 5 mg PO q8h PRN spasm", "ondansetron 4 mg IV q6h PRN"),
    subsets=("Back Pain", "Spine Surgery, Lumbar", "Radiculopathy"),
    barriers=("pain limits participation in PT", "new bladder dysfunction under evaluation",
              "awaiting neurosurgery decision on operative timing"),
    plans=("Home with outpatient PT once pain controlled on oral meds", "Acute rehab if weakness persists post-op",
           "Home with home health PT/OT; spine clinic follow-up 2 weeks"),
    consults=("Neurosurgery", "Pain management", "PT/OT"),
    surgical=True,
)
P_ONC = Picture(
    locs=("Inpatient - Oncology", "Inpatient - Oncology (neutropenic precautions)", "Inpatient - Step-down (PCU)"),
    why={"": ("admitted from the infusion center with fever 38.9 C and ANC 240, day 9 of the current cycle",
              "presented with neutropenic fever and rigors; hypotensive in the ED, responded to 2 L bolus",
              "admitted with fever, mucositis and poor oral intake after chemotherapy")},
    status=("Febrile to 38.6 C overnight; blood cultures show no growth so far.",
            "ANC recovering slowly; mucositis grade 2, tolerating liquids only.",
            "New cough with R lower lobe infiltrate on CXR; antibiotics broadened."),
    vitals=(37.4, 39.1, 92, 124, 92, 134, 16, 24, 93, 98),
    o2=("RA", "RA", "2L NC"),
    labs=(("WBC", 0.6, 1.9, 1), ("ANC", 120, 480, 0), ("Hgb", 7.9, 9.8, 1), ("Plt", 38, 96, 0),
          ("lactate", 1.1, 2.6, 1)),
    meds=("cefepime 2 g IV q8h", "vancomycin 1,250 mg IV q12h", "filgrastim SQ daily",
          "morphine PCA for mucositis pain", "NS at 100 mL/h"),
    subsets=("Neutropenia, Febrile", "Sepsis/Infection, Oncology", "Oncology Complications"),
    barriers=("fever curve not yet flat - needs 24 h afebrile with ANC recovery",
              "still needs IV antibiotics and IV fluids", "pain controlled only with PCA"),
    plans=("Home when afebrile 24 h and ANC over 500; oncology follow-up within a week",
           "Home with home infusion if cultures stay negative", "Hospice discussion with family scheduled"),
    consults=("Oncology", "Infectious disease", "Palliative care"),
    cultures=True,
)
P_ENDO = Picture(
    locs=("Inpatient - Med/Surg", "Inpatient - Step-down (PCU)", "Inpatient - ICU", "Observation"),
    why={"": ("presented with polyuria, vomiting and glucose 512; anion gap 24, bicarbonate 11 - DKA",
              "admitted with a hyperglycemic crisis and acute kidney injury, A1c 13.1%",
              "admitted with an infected foot wound and glucose over 400")},
    status=("Gap closed overnight; insulin drip stopped at 0400, glucose 320-380 on the SQ regimen.",
            "Still vomiting intermittently, cannot keep PO down; remains on IV fluids.",
            "Wound care following; glucose 190-260 on basal-bolus insulin."),
    vitals=(36.5, 37.8, 84, 116, 98, 146, 16, 26, 95, 99),
    o2=("RA",),
    labs=(("glucose", 188, 412, 0), ("anion gap", 11, 19, 0), ("bicarbonate", 15, 23, 0), ("K", 3.1, 4.4, 1),
          ("Cr", 1.1, 2.2, 1), ("beta-hydroxybutyrate", 0.4, 2.8, 1)),
    meds=("insulin infusion per DKA protocol", "LR at 150 mL/h", "potassium chloride 20 mEq IV q4h PRN",
          "insulin glargine 22 units SQ qHS + lispro sliding scale", "ondansetron 4 mg IV q6h PRN"),
    subsets=("Diabetes Mellitus", "Diabetic Ketoacidosis (DKA)", "Hyperglycemia"),
    barriers=("new insulin regimen; diabetes teaching not complete", "AKI - creatinine not back to baseline",
              "cannot afford insulin; SW working on assistance"),
    plans=("Home after diabetes education; endocrinology follow-up in 1 week",
           "Home with home health RN for insulin teaching", "Home; pharmacy assistance application submitted"),
    consults=("Endocrinology", "Diabetes educator", "Dietitian"),
)
P_GI = Picture(
    locs=("Inpatient - Med/Surg", "Inpatient - GI unit", "Observation"),
    why={"": ("admitted with 10-12 loose bloody stools a day, abdominal pain and dehydration; CT with "
              "terminal ileitis",
              "presented with a flare of known Crohn disease, fever and inability to tolerate diet")},
    status=("Still 6-8 stools in 24 h with blood; abdominal pain 6/10; clear liquids only.",
            "C. difficile negative; GI plans scope this stay. Tachycardic with ambulation."),
    vitals=(36.9, 38.3, 90, 118, 96, 132, 16, 22, 95, 99),
    o2=("RA",),
    labs=(("WBC", 11.2, 17.9, 1), ("Hgb", 8.9, 11.4, 1), ("CRP", 38, 124, 0), ("albumin", 2.4, 3.1, 1),
          ("K", 3.0, 3.7, 1)),
    meds=("methylprednisolone 20 mg IV q8h", "LR at 125 mL/h", "potassium chloride 40 mEq IV",
          "hydromorphone 0.5 mg IV q4h PRN", "enoxaparin 40 mg SQ daily"),
    subsets=("Inflammatory Bowel Disease", "Gastrointestinal Bleeding, Lower"),
    barriers=("not yet tolerating solid food", "stool frequency above the level for discharge",
              "biologic start needs plan approval before DC"),
    plans=("Home on oral steroid taper once tolerating diet; GI follow-up in 1 week",
           "Home; outpatient infusion center for biologic induction"),
    consults=("Gastroenterology", "Colorectal surgery", "Dietitian"),
)
P_RHEUM = Picture(
    locs=("Inpatient - Med/Surg", "Observation"),
    why={"": ("admitted with a polyarticular flare, unable to ambulate; R knee effusion tapped in the ED",
              "presented with fever and a hot swollen knee; septic joint being ruled out")},
    status=("Synovial fluid culture no growth so far; steroids started; walking 10 ft with walker.",
            "Hands and knees swollen, morning stiffness over 2 h; needs assist with ADLs."),
    vitals=(36.8, 38.2, 78, 104, 108, 148, 14, 20, 95, 99),
    o2=("RA",),
    labs=(("WBC", 9.8, 15.6, 1), ("ESR", 48, 96, 0), ("CRP", 22, 88, 0), ("Hgb", 9.6, 11.8, 1),
          ("Cr", 0.7, 1.2, 1)),
    meds=("methylprednisolone 40 mg IV daily", "cefazolin 2 g IV q8h pending cultures",
          "hydromorphone 0.5 mg IV q4h PRN", "enoxaparin 40 mg SQ daily"),
    subsets=("Arthritis, Inflammatory", "Joint Infection, Suspected"),
    barriers=("culture results pending - cannot stop IV antibiotics", "needs assist with transfers"),
    plans=("Home with outpatient rheumatology follow-up and infusion plan", "Home with home health PT"),
    consults=("Rheumatology", "Orthopedics", "PT/OT"),
    cultures=True,
)
P_BARIATRIC = Picture(
    locs=("Inpatient - Surgical unit", "Inpatient - Med/Surg"),
    why={"": ("elective bariatric surgery; kept for poor oral tolerance and tachycardia",
              "post-op with nausea, dehydration and rising heart rate")},
    status=("Tolerating under 300 mL of clears in 24 h; HR 104-112; CT A/P without leak.",
            "Nausea improving on scheduled antiemetics; advancing to bariatric stage 2 diet today."),
    vitals=(36.6, 38.0, 88, 114, 110, 152, 16, 22, 93, 98),
    o2=("RA", "2L NC"),
    labs=(("WBC", 9.1, 14.4, 1), ("Hgb", 10.4, 12.9, 1), ("K", 3.2, 4.0, 1), ("lactate", 0.9, 2.1, 1)),
    meds=("ondansetron 4 mg IV q6h", "LR at 125 mL/h", "pantoprazole 40 mg IV daily",
          "enoxaparin 40 mg SQ q12h", "acetaminophen 1 g IV q6h"),
    subsets=("Bariatric Surgery", "General Surgery, Abdominal"),
    barriers=("oral intake below discharge goal (60 oz/day)", "persistent tachycardia under evaluation"),
    plans=("Home with bariatric clinic follow-up in 1 week", "Home; dietitian call in 48 h"),
    consults=("Bariatric surgery", "Dietitian"),
    surgical=True,
)
P_NEURO = Picture(
    locs=("Inpatient - Neuro", "Inpatient - Epilepsy Monitoring Unit", "Inpatient - Telemetry", "Observation"),
    why={"G40": ("admitted with recurrent breakthrough seizures, 3 witnessed generalized seizures in 24 h",
                 "presented post-ictal after a prolonged seizure at home; subtherapeutic levels"),
         "G43": ("admitted with status migrainosus, 6 days of headache unresponsive to the ED regimen",),
         "R51": ("admitted with intractable headache, vomiting and photophobia; CT head negative",),
         "R42": ("admitted with acute vertigo and vomiting, unable to walk; MRI to rule out posterior stroke",),
         "": ("admitted with intractable neurologic symptoms for workup",)},
    status=("On continuous EEG; two electrographic seizures overnight, meds adjusted.",
            "Headache 7/10 despite IV regimen; DHE protocol day 2 of 3.",
            "Unable to walk without assist; vestibular therapy started, vomiting with position changes."),
    vitals=(36.5, 37.6, 66, 102, 104, 162, 14, 20, 95, 99),
    o2=("RA",),
    labs=(("Na", 131, 139, 0), ("levetiracetam level", 4, 11, 0), ("glucose", 96, 162, 0),
          ("Mg", 1.6, 2.2, 1)),
    meds=("levetiracetam 1,500 mg IV BID", "lacosamide 100 mg IV BID", "dihydroergotamine 1 mg IV q8h",
          "prochlorperazine 10 mg IV q6h PRN", "meclizine 25 mg PO q8h", "NS at 100 mL/h"),
    subsets=("Seizure Disorder", "Headache", "Vertigo / Dizziness"),
    barriers=("still having events on EEG", "not safe to walk independently", "regimen still IV only"),
    plans=("Home with neurology follow-up; seizure precautions taught", "Home with outpatient vestibular PT",
           "Acute rehab screen if gait does not improve"),
    consults=("Neurology", "PT/OT", "Pharmacy"),
)
P_REHAB = Picture(
    locs=("Acute Rehab (IRF)", "SNF - skilled rehab", "Inpatient Rehab Unit"),
    why={"I69": ("transferred from acute care after a stroke with R-sided weakness and dysphagia",),
         "G82": ("admitted for intensive rehab after a spinal cord injury with lower extremity paralysis",),
         "": ("admitted to rehab after a prolonged ICU stay with critical-illness weakness",
              "admitted for rehab after a hospital stay with profound deconditioning and falls")},
    status=("Participating in 3 h/day of PT/OT/SLP; progressing but still needs assist for all mobility.",
            "Needs mod assist for transfers and max assist for lower body dressing; family training started.",
            "Diet advanced to mechanical soft; bowel/bladder program in progress."),
    vitals=(36.4, 37.4, 64, 96, 104, 156, 14, 20, 94, 99),
    o2=("RA",),
    labs=(("Hgb", 9.4, 12.1, 1), ("Na", 133, 140, 0), ("Cr", 0.7, 1.4, 1), ("glucose", 98, 188, 0)),
    meds=("enoxaparin 40 mg SQ daily", "baclofen 10 mg PO TID", "ceftriaxone 1 g IV q24h (UTI), day 2",
          "insulin lispro sliding scale"),
    subsets=("Rehabilitation, Stroke", "Rehabilitation, Spinal Cord", "Rehabilitation, Debility"),
    barriers=("not yet at household-ambulator level", "caregiver training incomplete",
              "home needs a ramp and hospital bed before DC"),
    plans=("Home with family and home health PT/OT/SLP", "Home with outpatient therapy 3x/week",
           "Long-term care placement being explored with family"),
    consults=("PM&R", "Speech-language pathology", "Social work"),
    therapy=("Gait 75 ft with hemi-walker, mod A; transfers min A.", "Wheelchair mobility 150 ft with supervision.",
             "FIM motor total 38 (admit 24)."),
)
P_GYN = Picture(
    locs=("Inpatient - Women's Health", "Inpatient - Med/Surg", "Observation"),
    why={"N80": ("elective laparoscopic surgery; post-op with ileus, fever and poor pain control",),
         "": ("presented with heavy vaginal bleeding and near-syncope; Hgb 6.1 on arrival",
              "admitted with symptomatic anemia and ongoing menorrhagia, dizzy on standing")},
    status=("Transfused 2 units PRBC; bleeding slowed but still soaking a pad every 2-3 h.",
            "Orthostatic on standing; repeat Hgb this AM below goal.",
            "NG tube to suction for ileus; no flatus yet."),
    vitals=(36.6, 38.1, 84, 116, 94, 128, 14, 20, 96, 99),
    o2=("RA",),
    labs=(("Hgb", 6.8, 8.9, 1), ("ferritin", 3, 9, 0), ("Plt", 188, 402, 0), ("INR", 1.0, 1.2, 1)),
    meds=("iron sucrose 200 mg IV daily x3", "tranexamic acid 1 g IV q8h", "ondansetron 4 mg IV q6h PRN",
          "LR at 100 mL/h"),
    subsets=("Anemia", "Gynecologic Surgery", "Vaginal Bleeding"),
    barriers=("Hgb not stable over 24 h", "still bleeding; gyn deciding on procedure timing",
              "not tolerating diet"),
    plans=("Home with gyn follow-up and outpatient iron", "Home after procedure; CBC in 1 week"),
    consults=("Gynecology", "Hematology"),
    surgical=True,
)
P_PSYCH = Picture(
    locs=("Inpatient Psychiatric - Adult", "Acute Psych (locked unit)", "Inpatient Behavioral Health"),
    why={"": ("admitted on an emergency hold after disclosing suicidal ideation with a plan to overdose",
              "brought in by police after threats toward family with command hallucinations",
              "transferred from the medical floor after an intentional ingestion, medically cleared")},
    status=("Remains guarded and isolative; endorses passive SI, cannot contract for safety. Slept 3 h.",
            "Refused evening meds x2; needed PRN IM for agitation. Q15 min checks continue.",
            "Intrusive memories and nightmares nightly; poor group attendance."),
    vitals=(36.4, 37.2, 68, 104, 108, 146, 14, 18, 96, 99),
    o2=("RA",),
    labs=(("TSH", 0.8, 3.2, 2), ("lithium", 0.4, 0.9, 1), ("Na", 134, 141, 0)),
    meds=("olanzapine 10 mg PO qHS", "haloperidol 5 mg IM PRN agitation (given x1)", "lorazepam 1 mg IM PRN",
          "sertraline 50 mg PO daily", "trazodone 50 mg PO qHS"),
    subsets=("Adult Psychiatry", "Depression with Suicidality", "Psychosis"),
    barriers=("no safe discharge address; shelter bed pending", "family meeting needed before DC",
              "medication not at a therapeutic dose yet"),
    plans=("Step down to partial hospitalization when SI resolves", "Home with outpatient psychiatry + IOP referral",
           "Crisis residential referral sent"),
    consults=("Psychiatry", "Social work", "Internal medicine"),
)
P_GENERAL = Picture(
    locs=("Inpatient - Med/Surg", "Inpatient - Telemetry", "Observation"),
    why={"": ("admitted after a fall at home with inability to ambulate safely and acute confusion",
              "admitted with intractable nausea and vomiting, dehydration and acute kidney injury",
              "admitted with weakness, poor oral intake and a UTI")},
    status=("Remains weak; assist x1 for all transfers. Confusion improving.",
            "Tolerating sips only; IV fluids continued. Creatinine improving but not at baseline.",
            "Orthostatic vital signs positive this AM; PT held."),
    vitals=(36.5, 38.2, 74, 112, 98, 158, 14, 22, 93, 99),
    o2=("RA", "2L NC"),
    labs=(("WBC", 9.4, 15.1, 1), ("Na", 128, 136, 0), ("BUN", 28, 54, 0), ("Cr", 1.3, 2.4, 1),
          ("lactate", 1.0, 2.4, 1)),
    meds=("NS at 100 mL/h", "ceftriaxone 1 g IV q24h", "ondansetron 4 mg IV q6h PRN",
          "enoxaparin 40 mg SQ daily"),
    subsets=("General Medical", "Fall / Syncope", "Dehydration / Acute Kidney Injury"),
    barriers=("not safe to go home alone yet", "IV fluids still needed", "SNF bed search started"),
    plans=("Home with home health PT/RN", "SNF for short-term rehab", "Home with family support"),
    consults=("Hospital medicine", "PT/OT", "Social work"),
    cultures=True,
)

# Working diagnosis (first ICD-10-CM code of the case) -> picture; first matching prefix wins.
_BY_PREFIX: tuple[tuple[str, Picture], ...] = (
    ("E66.01", P_BARIATRIC), ("Z68", P_BARIATRIC), ("K21", P_BARIATRIC), ("E66", P_RESP), ("J44", P_RESP),
    ("J96", P_RESP), ("R91", P_RESP), ("G47", P_RESP), ("R06", P_RESP), ("I69", P_REHAB), ("I2", P_CARDIAC),
    ("I10", P_CARDIAC), ("E78", P_CARDIAC), ("M17", P_ORTHO), ("Z96", P_ORTHO), ("M25", P_ORTHO),
    ("S83", P_ORTHO), ("M23", P_ORTHO), ("M75", P_ORTHO), ("S46", P_ORTHO), ("M54", P_SPINE), ("M51", P_SPINE),
    ("M48", P_SPINE), ("C50", P_ONC), ("Z85", P_ONC), ("Z17", P_ONC), ("E11", P_ENDO), ("Z79", P_ENDO),
    ("K50", P_GI), ("M05", P_RHEUM), ("M06", P_RHEUM), ("M62", P_REHAB), ("G82", P_REHAB), ("R26", P_REHAB),
    ("G4", P_NEURO), ("R51", P_NEURO), ("R42", P_NEURO), ("D25", P_GYN), ("N9", P_GYN), ("D50", P_GYN),
    ("N80", P_GYN), ("F", P_PSYCH),
)


def picture_of(code: str) -> Picture:
    return next((p for prefix, p in _BY_PREFIX if code.startswith(prefix)), P_GENERAL)


def _why(pic: Picture, code: str, rng: Random) -> str:
    key = next((k for k in pic.why if k and code.startswith(k)), "")
    return rng.choice(pic.why[key])


def _lc(desc: str) -> str:
    """A code's description inside a sentence: lower-case first letter, acronyms (CT, MRI, CPAP) kept."""
    return desc if desc[1:2].isupper() else desc[:1].lower() + desc[1:]


def _lab_value(lo: float, hi: float, places: int, rng: Random) -> str:
    value = rng.uniform(lo, hi)
    return f"{value:,.{places}f}" if places else f"{round(value):d}"


# ---------------------------------------------------------------------------------------------------------------
# Layout helpers.


def pack(parts: list[str], width: int = 76, sep: str = "   ") -> str:
    """Join label/value pieces into lines no wider than `width` (so no value is ever broken across lines)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(sep) + len(part) <= width:
            lines[-1] += sep + part
        else:
            lines.append(part)
    return "\n".join(lines)


_PAGE_W, _USABLE_H = 504.0, 664.0  # Letter less the renderer's margins and a fax header line, less a little


def _lines(text: str, chars_per_pt: float, width: float) -> int:
    """Lines a paragraph takes at a given width (a conservative average character width)."""
    return sum(max(1, -(-int(len(para) * chars_per_pt) // int(width))) for para in text.split("\n"))


def estimated_height(blocks: list[Block], style: Style) -> float:
    """Points the blocks take on a PDF page, estimated from text lengths (over rather than under)."""
    mono = style.font in ("courier", "liberation_mono")
    em = 0.61 if mono else 0.56
    size, total = style.size, 0.0
    for b in blocks:
        if isinstance(b, Title):
            total += b.size * 1.7
        elif isinstance(b, Text):
            bs = b.size or size
            total += _lines(b.text, em * bs * (1.08 if b.bold else 1.0), _PAGE_W) * bs * 1.3 + bs * 0.45
        elif isinstance(b, KV):
            total += size * 1.8 if b.heading else 0
            colw = _PAGE_W / b.cols
            for start in range(0, len(b.rows), b.cols):
                heights = []
                for label, value in b.rows[start:start + b.cols]:
                    if style.kv == "boxed":
                        n = _lines(value, em * size, colw - 8)
                        heights.append(size * 0.9 + n * size * 1.25 + 8)
                    else:
                        n = _lines(value, em * size, colw - (len(label) + 1) * em * size * 1.08 - 13)
                        heights.append(n * size * 1.25 + size * 0.6)
                total += max(heights)
            total += 6
        elif isinstance(b, Table):
            total += size * 1.8 if b.heading else 0
            weights = b.widths or tuple(1.0 for _ in b.header)
            widths = [_PAGE_W * w / sum(weights) for w in weights]
            for row in (b.header, *b.rows):
                n = max(_lines(cell, em * (size - 0.5) * 1.08, w - 6) for cell, w in zip(row, widths, strict=True))
                total += n * (size - 0.5) * 1.25 + 6
            total += 8
        elif isinstance(b, Checks):
            total += size * 1.9
        elif isinstance(b, Rule):
            total += 10
        elif isinstance(b, Gap):
            total += b.height
    return total


def _name(case: Case, rng: Random) -> str:
    middle = f" {initial(rng)}" if rng.random() < 0.35 else ""
    last_up, first_up = case.last.upper(), case.first.upper()
    return rng.choice((f"{last_up}, {case.first}{middle}", f"{last_up}, {first_up}{middle}",
                       f"{case.last}, {case.first}{middle}", f"{case.first}{middle} {case.last}"))


def _member_label(case: Case, rng: Random) -> str:
    if case.plan_style == "mbi":
        return rng.choice(("MBI", "Medicare ID", "Member ID", "HICN/MBI"))
    if case.plan_style == "medicaid":
        return rng.choice(("Medicaid ID", "Recipient ID", "Member ID"))
    return rng.choice(("Member ID", "Subscriber ID", "Ins ID#", "Policy/Member #"))


def _product(case: Case, rng: Random) -> str:
    """The plan's product line, following the plan's name when it says Medicare or Medicaid."""
    if "Medicare" in case.plan or (case.plan_style == "mbi" and "Medicaid" not in case.plan):
        return rng.choice(("Medicare Advantage HMO", "Medicare Advantage PPO", "MA-PD"))
    if "Medicaid" in case.plan or case.plan_style == "medicaid":
        return rng.choice(("Medicaid Managed Care", "Medicaid MCO", "CHIP/Medicaid"))
    return rng.choice(("Commercial PPO", "Commercial HMO", "Exchange EPO", "Employer group POS"))


def _age(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# ---------------------------------------------------------------------------------------------------------------
# The family.


def concurrent_review_update(case: Case, rng: Random) -> Doc:
    """A facility UR nurse's concurrent / continued-stay review asking the plan for more days."""
    ds = rng.choice(STYLES)
    dob_style = ds if ds != "mdy2" or rng.random() < 0.5 else "mdy"
    dob_text = day_text(case.dob, dob_style)
    code = case.icd10[0][0]
    pic = picture_of(code)
    loc = rng.choice(pic.locs)
    observation = loc == "Observation"
    post_acute = loc.startswith(("SNF", "Acute Rehab", "Inpatient Rehab"))
    psych = pic is P_PSYCH
    short = len(case.cpt) + len(case.hcpcs) <= 1 or rng.random() < 0.4
    two_pages = not short

    # --- dates: the extension starts on the service date; everything else is placed around it.
    start = case.service_date
    if observation:
        approved_days = 0
        admit = start - dt.timedelta(days=1)
        requested_days = rng.randint(2, 3)
    elif post_acute:
        approved_days = rng.randint(5, 14)
        admit = start - dt.timedelta(days=approved_days)
        requested_days = rng.choice((5, 7, 7, 10))
    else:
        approved_days = rng.randint(3, 7) if psych else rng.randint(2, 5)
        admit = start - dt.timedelta(days=approved_days)
        requested_days = rng.randint(2, 5) if psych else rng.randint(2, 4)
    last_approved = start - dt.timedelta(days=1)
    through = start + dt.timedelta(days=requested_days - 1)
    review_day = start - dt.timedelta(days=rng.choice((1, 1, 0))) if not observation else start
    review_day = max(review_day, admit)
    next_review = through + dt.timedelta(days=rng.choice((0, 1)))
    edd = through + dt.timedelta(days=rng.choice((0, 1, 2)))
    hospital_day = (review_day - admit).days + 1

    # --- who
    if psych:
        facility = rng.choice(PSYCH_FACILITIES)
    elif loc.startswith("SNF"):
        facility = rng.choice(SNF_FACILITIES)
    elif post_acute:
        facility = rng.choice(REHAB_FACILITIES)
    else:
        facility = rng.choice(ACUTE_FACILITIES)
    sv = case.servicing
    fac_addr = f"{rng.randint(100, 4899)} {rng.choice(FACILITY_STREETS)}, {sv.city}, {sv.state} {sv.zip}"
    fac_npi = sv.npi if sv.npi != case.requesting.npi else make_npi(rng)
    show_fac_npi = rng.random() < 0.7
    tin = tax_id(rng)
    nurse = f"{rng.choice(NURSE_FIRST)} {rng.choice(NURSE_LAST)}, {rng.choice(CREDENTIALS)}"
    nurse_phone, ur_fax = fictional_phone(rng), fictional_phone(rng)
    dept = rng.choice(DEPARTMENTS)
    attending = case.requesting
    service = rng.choice(pic.consults)
    consultant = service if service in NOT_PHYSICIANS else f"{service} (Dr. {rng.choice(CONSULT_LAST)})"

    # --- patient
    name = _name(case, rng)
    mrn = case.mrn.removeprefix("MRN")
    acct = f"{rng.randint(3, 9)}{rng.randint(10 ** 7, 10 ** 8 - 1)}"
    age = _age(case.dob, review_day)
    room = f"{rng.choice(('3', '4', '5', '6'))}{rng.choice(('W', 'E', 'N', 'S'))}-{rng.randint(301, 699)}"
    member_label = _member_label(case, rng)
    dob_label = rng.choice(("DOB", "D.O.B.", "Birth date"))
    show_ref = rng.random() < 0.85
    ref_label = rng.choice(("Auth #", "Plan auth/ref #", "Authorization no.", "Payer ref #"))
    ur_case = f"UR-{review_day:%y}-{rng.randint(10000, 99999)}"

    style = Style(rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "courier", "liberation_mono",
                              "times")), rng.choice((8.5, 9.0)) if short else rng.choice((9.0, 9.5)),
                  rng.choice(("inline", "boxed", "underline")))
    doc_title = rng.choice(("CONCURRENT REVIEW - CLINICAL UPDATE", "CONTINUED STAY REVIEW",
                            "UTILIZATION REVIEW: CONTINUED STAY REQUEST",
                            "Concurrent Review / Request for Additional Days"))
    blocks: list[Block] = []

    # --- header: a letterhead of lines, or a From/To grid
    if rng.random() < 0.5:
        blocks += [
            Title(facility.upper(), 12, rng.choice(("left", "center"))),
            Text(f"{dept}  |  {fac_addr}", size=style.size - 1),
            Text(pack([f"UR Nurse: {nurse}", f"Direct: {nurse_phone}", f"Fax: {ur_fax}"])),
            Text(pack([f"{rng.choice(('TO', 'Attn', 'TO'))}: {case.plan} Utilization Management",
                       f"Fax: {case.plan_fax}"]), bold=True),
            Rule(),
            Title(doc_title, 11, "left"),
        ]
    else:
        blocks += [
            Title(doc_title, 12, rng.choice(("left", "center"))),
            KV((("From", facility), ("To", f"{case.plan} - {rng.choice(('UM', 'Utilization Mgmt', 'Inpatient UM'))}"),
                (rng.choice(("UR contact", "Reviewer", "Case manager")), nurse), ("Plan fax", case.plan_fax),
                (rng.choice(("Direct line", "Phone", "Direct")), nurse_phone), ("Return fax", ur_fax)), cols=2),
            Text(f"{dept} - {fac_addr}", size=style.size - 1),
        ]

    # --- urgency: typed wording and/or a Standard / Expedited box pair (a routine review may say nothing)
    boxes = rng.random() < 0.45
    if case.urgent and (not boxes or rng.random() < 0.5):
        blocks.append(Text(rng.choice(("EXPEDITED - patient currently inpatient",
                                       "** EXPEDITED REVIEW REQUESTED - MEMBER CURRENTLY IN FACILITY **",
                                       "URGENT concurrent review - patient is in house, please expedite")), bold=True))
    elif not case.urgent and not boxes and rng.random() < 0.5:
        blocks.append(Text(f"Priority: {rng.choice(('Standard', 'Routine', 'Standard (non-urgent)'))}"))
    if boxes:
        blocks.append(Checks((("Standard", not case.urgent, None), ("Expedited", case.urgent, "urgent")),
                             label="Priority:"))

    # --- the review: identifiers and dates in a two-column grid, the days (long values) one to a line
    review_rows: list[tuple[str, str]] = []
    if show_ref:
        review_rows.append((ref_label, case.reference_id))
    review_rows += [
        (rng.choice(("Review type", "Type of review", "Review")),
         rng.choice(("Concurrent / Continued Stay", "Continued stay (concurrent)", "Concurrent - continued stay"))),
        (rng.choice(("Review date", "Date of review", "Reviewed")), stamp(review_day, ds, rng, 7, 16)),
        (rng.choice(("Admit date", "Admission date/time", "Adm")), stamp(admit, ds, rng)),
    ]
    loc_row = (rng.choice(("Level of care", "LOC", "Current level of care")), loc)
    days_rows: list[tuple[str, str]] = [loc_row]
    ledger = not observation and rng.random() < 0.4
    if observation:
        obs_hours = rng.randint(20, 30)
        days_rows += [
            (rng.choice(("Days approved to date", "Approved days")), f"0 - observation ({obs_hours} h so far)"),
            (rng.choice(("Requested", "Request")),
             rng.choice((f"Convert to inpatient effective {day_text(start, ds)} ({requested_days} days)",
                         f"Inpatient admission from {day_text(start, ds)}, {requested_days} days"))),
        ]
    elif ledger:
        review_rows.append(loc_row)
        days_rows = []
    else:
        approved_text = rng.choice((
            f"{approved_days} days ({day_text(admit, ds)} - {day_text(last_approved, ds)})",
            f"{approved_days}, through {day_text(last_approved, ds)}",
            f"Approved through {day_text(last_approved, ds)} ({approved_days} days)"))
        requested_text = rng.choice((
            f"{requested_days} days: {day_text(start, ds)} - {day_text(through, ds)}",
            f"{requested_days} (from {day_text(start, ds)} through {day_text(through, ds)})",
            f"{requested_days} days beginning {day_text(start, ds)}"))
        days_rows += [
            (rng.choice(("Days approved to date", "Days authorized so far", "Approved days")), approved_text),
            (rng.choice(("Additional days requested", "Extension requested", "Days requested")), requested_text),
        ]
    review_rows.append((rng.choice(("Next review date", "Next review due", "NRD")), day_text(next_review, ds)))
    if rng.random() < 0.5:
        review_rows.append((rng.choice(("Facility UR #", "UR case #")), ur_case))
    blocks.append(KV(tuple(review_rows), cols=2,
                     heading=rng.choice(("", "Review information", "REVIEW")) if not short else ""))
    if days_rows:
        blocks.append(KV(tuple(days_rows), cols=1))
    if ledger:
        rows: list[tuple[str, ...]] = []
        if approved_days >= 4 and rng.random() < 0.6:
            split = admit + dt.timedelta(days=approved_days // 2)
            rows += [(day_text(admit, ds), day_text(split - dt.timedelta(days=1), ds), loc,
                      str((split - admit).days), "Approved"),
                     (day_text(split, ds), day_text(last_approved, ds), loc, str((start - split).days),
                      "Approved (ext.)")]
        else:
            rows.append((day_text(admit, ds), day_text(last_approved, ds), loc, str(approved_days), "Approved"))
        rows.append((day_text(start, ds), day_text(through, ds), loc, str(requested_days),
                     rng.choice(("REQUESTED", "Pending - this review", "Requested"))))
        blocks.append(Table(rng.choice((("From", "Through", "Level of care", "Days", "Status"),
                                        ("Begin", "End", "LOC", "# Days", "Auth status"))),
                            tuple(rows), widths=(1.6, 1.6, 2.0, 0.65, 1.3),
                            heading=rng.choice(("Days", "Authorized / requested days", "Bed days"))))

    # --- patient identity: compact lines, a label grid, or a two-column table
    product = _product(case, rng)
    id_style = rng.randrange(3)
    sex_age = rng.choice((f"{age} y/o {case.sex}", f"{age}{case.sex}", f"Age/Sex: {age}/{case.sex}"))
    if id_style == 0:
        parts = [f"{rng.choice(('Pt', 'Patient', 'Name'))}: {name}", f"{dob_label}: {dob_text}", sex_age,
                 f"MRN: {mrn}", f"{rng.choice(('Acct#', 'FIN', 'HAR'))}: {acct}",
                 f"{member_label}: {case.policy_printed}", f"Plan: {case.plan}"]
        if rng.random() < 0.5:
            parts.append(f"Grp: {case.group_number}")
        parts.append(f"Rm: {room}")
        blocks.append(Text(pack(parts)))
    elif id_style == 1:
        rows_kv = [("Patient", name), (dob_label, dob_text), (member_label, case.policy_printed),
                   ("Plan", case.plan), ("MRN", mrn), (rng.choice(("Account #", "Acct #", "Visit #")), acct),
                   ("Age / sex", f"{age} / {case.sex}"), ("Room", room)]
        keys: tuple[str | None, ...] = (None, None, "policy_id")
        blocks.append(KV(tuple(rows_kv), cols=2, keys=keys,
                         heading=rng.choice(("Patient", "PATIENT / COVERAGE", "Member information"))))
    else:
        rows_t = [(f"Name: {name}", f"Payer: {case.plan}"), (f"{dob_label}: {dob_text}  ({age} {case.sex})",
                                                           f"{member_label}: {case.policy_printed}"),
                  (f"MRN: {mrn}   Acct: {acct}", f"Product: {product}"),
                  (f"Room/bed: {room}", f"Group: {case.group_number}")]
        blocks.append(Table(("PATIENT", "COVERAGE"), tuple(rows_t)))

    # --- providers
    prov_parts = [f"{rng.choice(('Attending', 'Attending MD', 'Attending physician'))}: {attending.name}",
                  f"NPI {attending.npi}" if rng.random() < 0.5 else f"NPI: {attending.npi}"]
    if show_fac_npi:
        prov_parts.append(f"{rng.choice(('Facility NPI', 'Hospital NPI', 'Billing NPI'))}: {fac_npi}")
    if rng.random() < 0.7:
        prov_parts.append(f"{rng.choice(('TIN', 'Tax ID', 'Fed Tax ID'))}: {tin}")
    blocks.append(Text(pack(prov_parts)))
    if not short and rng.random() < 0.6:
        blocks.append(Text(f"Consults: {consultant}"))

    # --- sections of the clinical update
    sections = _sections(case, rng, pic, ds, admit, review_day, hospital_day, edd, short, psych, consultant,
                         observation)
    order = rng.choice((
        ("reason", "update", "dx", "px", "criteria", "dc"),
        ("dx", "px", "reason", "update", "criteria", "dc"),
        ("reason", "dx", "update", "criteria", "px", "dc"),
        ("dx", "reason", "update", "px", "dc", "criteria"),
    ))
    body: list[list[Block]] = [sections[k] for k in order if sections[k]]
    if two_pages:
        # Page 1 ends after the second, fourth or fifth section, or earlier when that would not fit.
        cut = min(rng.choice((2, 4, 5, 5)), len(body) - 1)
        while cut > 1 and estimated_height(blocks + [b for part in body[:cut] for b in part], style) > _USABLE_H:
            cut -= 1
        hdr = rng.choice((
            f"{name} | {dob_label} {dob_text} | MRN {mrn} | Concurrent review cont. | Page 2 of 2",
            f"RE: {name}  (Acct {acct})  -  continued stay review, continued  -  Page 2 of 2",
            f"Continued stay review (Page 2 of 2) - Pt: {name}, {dob_label} {dob_text}",
        ))
        for part in body[:cut]:
            blocks += part
        blocks += [PageBreak(), Text(hdr, size=style.size - 1), Rule()]
        for part in body[cut:]:
            blocks += part
    else:
        for part in body:
            blocks += part

    # --- sign-off
    sign_time = stamp(review_day, ds, rng, 9, 17)
    blocks += [
        Gap(4),
        Text(rng.choice((f"Review completed by: {nurse}   {sign_time}",
                         f"Submitted by {nurse}, UR dept. - {sign_time}",
                         f"UR nurse: {nurse}     Date/time: {sign_time}"))),
        Text(rng.choice((f"Please fax determination to {ur_fax} or call {nurse_phone}.",
                         f"Send auth decision / additional days to UR fax {ur_fax}. Questions: {nurse_phone}.",
                         f"Peer-to-peer requests: contact {nurse_phone} to reach the attending."))),
    ]
    if two_pages and rng.random() < 0.6:
        blocks.append(Text("FOR PLAN USE:  Approved ____ days   Denied ____   Pended ____   Reviewer ____________",
                           size=style.size - 1))
    notice = rng.random() < 0.5
    if notice:
        blocks.append(Text("CONFIDENTIAL: this fax contains protected health information. If received in error, "
                           "notify the sender and destroy all copies.", size=style.size - 1.5))
    if not two_pages:
        # A one-page review stays on one page: drop the notice, then print smaller, as a UR print-out would.
        if notice and estimated_height(blocks, style) > _USABLE_H:
            blocks.pop()
        for smaller in (8.0, 7.5):
            if estimated_height(blocks, style) <= _USABLE_H:
                break
            style = Style(style.font, smaller, style.kv)

    footer = rng.choice(("", f"{facility} - Case Management - Page {{page}} of {{pages}}",
                         "UR/CM  pg {page}/{pages}", "Confidential - Page {page} of {pages}"))
    npis = [attending.npi] + ([fac_npi] if show_fac_npi else [])
    truth = Truth(
        reference_id=case.reference_id if show_ref else None,
        policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=npis,
        cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
        service_date=start, urgent=case.urgent,
    )
    contains = [case.policy_printed, dob_text, name] + ([case.reference_id] if show_ref else [])
    return Doc("concurrent_review_update", "pa_request_form", style, blocks, truth, contains, footer=footer,
               title="Concurrent review")


def _sections(case: Case, rng: Random, pic: Picture, ds: str, admit: dt.date, review_day: dt.date,
              hospital_day: int, edd: dt.date, short: bool, psych: bool, consultant: str,
              observation: bool) -> dict[str, list[Block]]:
    """The clinical update's sections by name: reason, update, dx, px, criteria, dc (terse on a one-page review)."""
    code = case.icd10[0][0]
    o2 = rng.choice(pic.o2)
    out: dict[str, list[Block]] = {}

    def sec(titles: tuple[str, ...], text: str) -> list[Block]:
        """A heading over its text, or (one-page review) the heading run into the text's first line."""
        title = rng.choice(titles)
        return [Text(f"{title} {text}")] if short else [Text(title, bold=True), Text(text)]

    # reason for admission
    why = _why(pic, code, rng)
    age_sex = f"{_age(case.dob, review_day)} y/o {'M' if case.sex == 'M' else 'F'}"
    day_word = rng.choice((f"HD#{hospital_day}", f"hospital day {hospital_day}", f"LOS day {hospital_day}"))
    out["reason"] = sec(("Reason for admission:", "Admission summary:", "HPI / reason for stay:"),
                        f"{age_sex} {why}. Admitted {short_day(admit, ds)}; now {day_word}.")

    # clinical update: vitals, status, labs, meds
    t_lo, t_hi, hr_lo, hr_hi, sbp_lo, sbp_hi, rr_lo, rr_hi, sat_lo, sat_hi = pic.vitals
    temp = rng.uniform(t_lo, t_hi)
    sbp = rng.randint(sbp_lo, sbp_hi)
    dbp = max(48, sbp - rng.randint(38, 64))
    hr = rng.randint(hr_lo, hr_hi)
    rr = rng.randint(rr_lo, rr_hi)
    sat = rng.randint(sat_lo, sat_hi)
    o2_text = "RA" if o2 == "RA" else f"on {o2}"
    vitals = rng.choice((
        f"VS: T {temp:.1f} HR {hr} BP {sbp}/{dbp} RR {rr} SpO2 {sat}% {o2_text}",
        f"Tmax {temp:.1f} C ({temp * 9 / 5 + 32:.1f} F) | HR {hr - 6}-{hr} | BP {sbp}/{dbp} | RR {rr} | "
        f"SpO2 {sat}% {o2_text}",
        f"Vitals (last 24 h): Tmax {temp:.1f}, HR {hr}, BP {sbp}/{dbp}, RR {rr}, sat {sat}% {o2_text}",
    ))
    status = rng.choice(pic.status).replace("{o2}", o2 if o2 != "RA" else "room air")
    n_labs = 3 if short else rng.randint(min(4, len(pic.labs)), min(6, len(pic.labs)))
    labs = rng.sample(pic.labs, min(n_labs, len(pic.labs)))
    lab_day = max(admit, review_day - dt.timedelta(days=rng.choice((0, 0, 1))))
    lab_time = clock(rng, 3, 6)
    first_day_lab = f"{short_day(admit, ds)} {clock(rng, 0, 23)}"
    update = sec((f"Clinical update ({day_word}):", "Current clinical status:", "Clinical update:"),
                 f"{vitals}\n{status}")
    if pic.therapy and not short and rng.random() < 0.7:
        update.append(Text(f"{rng.choice(('Therapy', 'PT/OT', 'Function'))}: {rng.choice(pic.therapy)}"))
    lab_style = rng.randrange(3) if not short else rng.randrange(2)
    if lab_style == 0:
        vals = ", ".join(f"{n} {_lab_value(lo, hi, p, rng)}" for n, lo, hi, p in labs)
        update.append(Text(f"Labs {short_day(lab_day, ds)} {lab_time}: {vals}"))
    elif lab_style == 1:
        vals = "; ".join(f"{n} {_lab_value(lo, hi, p, rng)} -> {_lab_value(lo, hi, p, rng)}"
                         for n, lo, hi, p in labs[:3])
        update.append(Text(f"Lab trend ({first_day_lab} -> {short_day(lab_day, ds)} {lab_time}): {vals}"))
    else:
        drawn = stamp(lab_day, ds, rng, 3, 6)
        rows = tuple((drawn if i else stamp(admit, ds, rng), n, _lab_value(lo, hi, p, rng),
                      rng.choice(("Final", "Final", "Prelim"))) for i, (n, lo, hi, p) in enumerate(labs))
        update.append(Table(("Collected", "Test", "Result", "Status"), rows, widths=(2.0, 2.0, 1.2, 0.8)))
    if pic.cultures and not short and rng.random() < 0.7:
        update.append(Text(rng.choice((
            f"Blood cx x2 {short_day(admit, ds)}: no growth to date. Urine cx {short_day(admit, ds)}: pending.",
            f"Cultures {day_text(admit, ds)}: blood x2 NGTD at 48 h; sputum - normal flora.",
            f"BCx {short_day(admit, ds)} {clock(rng)} - 1 of 2 bottles GPC in clusters, likely contaminant; "
            f"repeat {short_day(lab_day, ds)} pending."))))
    n_meds = 2 if short else rng.randint(3, min(4, len(pic.meds)))
    med_head = "Meds/Tx" if psych else rng.choice(("IV meds/Tx", "IV medications", "Treatments"))
    meds = rng.sample(pic.meds, n_meds)
    if short or rng.random() < 0.5:
        update.append(Text(f"{med_head}: " + "; ".join(meds)))
    else:
        update.append(Text(f"{med_head}:\n" + "\n".join(f"- {m}" for m in meds)))
    for hc, desc in case.hcpcs:
        if hc.startswith("J"):
            update.append(Text(f"Drug given/ordered this stay: {_lc(desc)} (HCPCS {hc})"))
        elif hc.startswith("G"):
            update.append(Text(f"Services: {_lc(desc)} - {hc}, daily per treatment plan"))
    out["update"] = update

    # diagnoses
    dx_style = rng.randrange(3)
    first_code, first_desc = case.icd10[0]
    rest = case.icd10[1:]
    if dx_style == 0:
        line = f"Working dx: {first_desc} ({first_code})"
        if rest:
            line += "; secondary: " + ", ".join(f"{_lc(d)} ({c})" for c, d in rest)
        out["dx"] = [Text(line)]
    elif dx_style == 1:
        out["dx"] = sec(("Diagnoses (ICD-10-CM):", "Dx:", "Diagnosis codes:"),
                        "\n".join(f"{i}. {c}  {d}" + ("  (principal)" if i == 1 else "")
                                  for i, (c, d) in enumerate(case.icd10, start=1)))
    else:
        out["dx"] = [Text(f"Principal: {first_code} - {first_desc}" + "".join(
            f" | Secondary: {c} - {d}" for c, d in rest))]

    # procedures (done with their dates, planned without)
    px_lines = []
    for i, (cpt, desc) in enumerate(case.cpt):
        if i == 0 and (pic.surgical or rng.random() < 0.5):
            when = admit if pic.surgical else min(review_day, admit + dt.timedelta(days=1))
            px_lines.append(rng.choice((f"{desc} (CPT {cpt}) - done {short_day(when, ds)}",
                                        f"{cpt} {_lc(desc)}, performed {day_text(when, ds)}")))
        else:
            px_lines.append(rng.choice((f"{desc} (CPT {cpt}) - planned this stay",
                                        f"{cpt} {_lc(desc)} - pending / to be scheduled",
                                        f"{desc} (CPT {cpt}) - ordered, awaiting")))
    out["px"] = sec(("Procedures:", "Procedures this admission:", "Px done / planned:"), "\n".join(px_lines))

    # criteria
    subset = rng.choice(pic.subsets)
    product = "Behavioral Health" if psych else "Rehabilitation" if pic is P_REHAB else "Acute Adult"
    point_a = f"{rng.randint(2, 6)}.{rng.randint(1, 4)}"
    point_b = f"{rng.randint(2, 6)}.{rng.randint(1, 4)}.{rng.randint(1, 3)}"
    criteria = rng.choice((
        f"Criteria met: InterQual {review_day.year} {product} - {subset}, Day {min(hospital_day, 4)} "
        f"(points {point_a}, {point_b})",
        f"Criteria: MCG {rng.choice(('27th', '28th', '29th'))} ed., {subset} (ORG: M-{rng.randint(100, 599)}); "
        f"GLOS {rng.randint(2, 5)} days - extended stay rationale documented",
        f"Screening criteria: IQ {subset} subset - continued stay criteria MET "
        f"({rng.choice(('intensity of service', 'severity of illness'))} {rng.randint(3, 9)}.{rng.randint(1, 9)})",
    ))
    if observation:
        criteria += ". Does not meet observation discharge screens; inpatient criteria met."
    out["criteria"] = [Text(criteria, bold=rng.random() < 0.3)]

    # discharge planning, with DME / supplies (HCPCS other than drugs and G-code services)
    barriers = rng.sample(pic.barriers, 1 if short else min(2, len(pic.barriers)))
    dc_lines = [f"Plan: {rng.choice(pic.plans)}", "Barriers: " + "; ".join(barriers)]
    for hc, desc in case.hcpcs:
        if not hc.startswith(("J", "G")):
            dc_lines.append(rng.choice((f"DME needed at DC: {_lc(desc)} (HCPCS {hc})",
                                        f"Anticipated DME: {hc} - {_lc(desc)}")))
    dc_lines.append(f"{rng.choice(('EDD', 'Anticipated DC', 'Est. discharge'))}: {day_text(edd, ds)}")
    if not short:
        dc_lines.append(f"{consultant} following; CM/SW following for dispo." if "(Dr." in consultant
                        else "CM/SW following for dispo.")
    out["dc"] = sec(("Discharge plan / barriers:", "DC planning:", "Dispo:"), "\n".join(dc_lines))
    return out
