"""Tune family added for the scheduled procedure date among many other dates: an outpatient surgery / procedure
precertification request as a surgeon's office or an ambulatory surgery center's scheduler faxes it to a plan.

Four layouts, 1-2 pages: an ASC / hospital "Surgery Scheduling & Precertification Worksheet" (boxed or stacked
captions above values, a procedures table, an implants / supplies table, pre-op and post-op lines), a surgeon's
office "Procedure Authorization Request" (two-column `label: value`, codes in prose or a comma list, a clinical
history paragraph), a plan-style "Outpatient Surgery / Procedure Prior Authorization Request" (a service table with
a date column and diagnosis pointers) and a short cover letter in prose, sometimes followed by a scheduling sheet on
page 2. The codes, or the whole clinical half, sometimes land on page 2 under a running header naming the patient.
Procedures come from this module's catalogue (orthopaedic arthroscopy and arthroplasty, joint injections, epidural,
facet and radiofrequency procedures, lumbar decompression, partial mastectomy, cardiac catheterization, bariatric
surgery, cataract surgery, intravitreal injections, hysterectomy / hysteroscopy, endoscopy, hypoglossal nerve and
vagus nerve stimulator implants, navigational bronchoscopy, ECT, chemodenervation), picked to fit the case's CPT
codes or diagnoses.

What it exercises:
- The service date (the scheduled procedure date) under one wording per document: `Date of Surgery`, `Surgery
  Date`, `DOS`, `Procedure Date`, `Scheduled for`, `Sched. Date`, `Date of procedure (requested)`, `OR Date`,
  `Case Date`, `Proposed Date`, ... often with a time, arrival time, OR / room and facility; a date column of the
  procedures table; a staged series (`Injection #1 / #2 / #3`, ECT sessions, monthly intravitreal injections,
  weekly viscosupplementation) whose first row is the service date; a line of several `label: value` dates; or
  prose (`... is scheduled to undergo ... on December 3rd, 2026`). Letters may repeat it without a year (`on 12/3`)
  when the full date is printed elsewhere. Date styles: data.py's five, `December 3, 2026` and, in prose,
  `December 3rd, 2026`.
- Distracting dates: office visit / consult, pre-op H&P, pre-admission testing, date of injury or onset, physical
  therapy from / to, last injection, imaging (`MRI right knee 10/14/2026`), previous surgery, diagnosis / biopsy,
  request, signature and fax dates, post-op follow-up, the later sessions of a series, the end of a requested
  window and, in a reschedule, the originally scheduled date.
- Codes: CPT with modifiers (`29881-RT`, `64483-50`, `29876-59-RT`, `93458-26`, `92928-LD`, `71250-TC`), add-on
  codes printed with a `+`, units, in a table, a comma list or prose (`CPT 29881 and 29876`); anaesthesia codes
  (00xxx / 01xxx) in about a third of the documents whose procedure has one; HCPCS implants, braces, drugs and
  contrast (C1713, L1833, J3301 x 4 units, Q9967, ...) in about half; ICD-10-CM with laterality, dotted or (in
  about a fifth of the documents) undotted; comorbidities sometimes in words only. Number distractors: ZIP codes
  (sometimes ZIP+4), phone extensions, case / booking numbers, OR and room numbers, implant catalog and lot
  numbers, IOL powers, spinal levels, quantities, place-of-service codes, Tax IDs, DEA numbers (2 letters + 7
  digits), state license numbers, Medicare CCNs and Medicaid provider numbers.
- Identity: Patient / Member / Insured / Pt name as `First Last`, `Last, First`, `LAST, FIRST`, `LAST, First` or
  split Last / First (/ MI) boxes; the member ID as Member ID, Subscriber #, Insurance ID, Policy Number, Cert #,
  ID#, ... beside a group number; DOB, Birth Date, Date of Birth, D.O.B.
- Urgency: mostly routine (`Urgent: [ ] Yes [X] No`, a ticked Routine / Elective box, `Review type: Standard`, or
  nothing); when the case is urgent, a ticked Urgent / Expedited box or `Urgent: [X] Yes`, and / or typed wording
  (`URGENT - scheduled within 72 hours` only when the procedure is 0-3 days after the fax date).

Truth conventions:
- service_date: the scheduled (or, in a retro request, performed) procedure date, which is the case's service
  date; for a staged series, the first session; when the date is `TBD` with a requested window (`Requested window:
  12/01/2026 - 12/31/2026`, `to be scheduled between ... and ...`), the start of the window. A reschedule's
  original date is a distractor.
- cpt: every CPT code printed as a requested procedure, add-on and anaesthesia codes included (imaging and other
  past services are described in words, without codes). hcpcs: every HCPCS code printed (implants, braces, drugs,
  contrast). icd10: every diagnosis printed with a code (in the normal dotted form, even when printed undotted);
  comorbidities named in words only are not included.
- npi: the surgeon's (requesting), the facility's when it is another provider and printed, and the assistant
  surgeon's when printed with an NPI. Tax ID, DEA, license, CCN and Medicaid provider numbers are never NPIs.
- reference_id: only in a reschedule / date-change request that quotes the existing authorization.
- urgent: the case's urgency, always printed when true (a ticked box and / or typed wording); never printed as
  urgent otherwise.
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

FAMILY = "surgery_precert_request"
_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]

# data.py's styles (MM/DD/YYYY weighted up) plus the month spelled out.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long")


def _fmt(day: dt.date, style: str) -> str:
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    return fmt_date(day, style)


def _ordinal(day: dt.date) -> str:
    """`December 3rd, 2026`."""
    n = day.day
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{day:%B} {n}{suffix}, {day.year}"


def _no_year(day: dt.date) -> str:
    """`12/3`, as people write a date in the same season."""
    return f"{day.month}/{day.day}"


_ICD_DESC = {code: desc for sc in SCENARIOS for code, desc in sc["icd"]}
_RIGHT = frozenset({"M17.11", "M25.561", "S83.241A", "M23.221", "M75.121", "M75.41", "S46.011A", "C50.911",
                    "H25.11", "H35.3211"})
_LEFT = frozenset({"M17.12", "S83.242A", "C50.912"})
_FEMALE_DX = frozenset({"C50.911", "C50.912", "D25.1", "N92.0", "N80.00"})


# --- the procedure catalogue (real code numbers; the lay wording is our own) -----------------------------------
@dataclass(frozen=True)
class _P:
    code: str
    desc: str
    sided: bool = False  # takes the RT / LT / 50 modifier
    addon: bool = False  # an add-on code (printed with a + now and then; units may exceed 1)
    mods: tuple[str, ...] = ()  # other modifiers it may carry (59, XS, 26, TC, LD, ...)
    needs: str = ""  # only with this main code


@dataclass(frozen=True)
class _Pkg:
    key: str
    line: str  # service line: practice and facility names, titles
    words: str  # prose, with {side}
    main: tuple[_P, ...]  # alternatives: one is the primary procedure
    extra: tuple[_P, ...]  # optional further procedures
    anesthesia: tuple[str, str] | None  # (code, lay description)
    anes_types: tuple[str, ...]
    supplies: tuple[tuple[str, str, tuple[int, int]], ...]  # (HCPCS, description, units range)
    dx: tuple[str, ...]  # indications (scenario codes, so the billable check knows them)
    sided: str = ""  # "dx": side from the primary diagnosis; "any": RT / LT / 50 at random; "": none
    settings: tuple[str, ...] = ("ASC", "HOPD")
    series: int = 0  # sessions of a staged series (0: a single procedure)
    interval: int = 0  # days between sessions
    session: str = "Injection"
    injury: bool = False
    imaging: str = ""  # "MRI {side} knee"
    findings: tuple[str, ...] = ()
    conservative: tuple[str, ...] = ()
    female: bool = False
    duration: tuple[int, int] = (30, 90)
    levels: bool = False  # spinal levels in the prose (L4-L5, L5-S1)


_PKGS: tuple[_Pkg, ...] = (
    _Pkg("knee_scope", "ortho", "{side} knee arthroscopy with partial meniscectomy",
         (_P("29881", "Arthroscopy, knee, partial meniscectomy (medial or lateral) incl. debridement", True),
          _P("29880", "Arthroscopy, knee, meniscectomy medial and lateral", True)),
         (_P("29876", "Arthroscopy, knee, major synovectomy (2+ compartments)", True, mods=("59", "XS")),
          _P("29882", "Arthroscopy, knee, meniscus repair", True, mods=("59",))),
         ("01400", "Anesthesia, open or arthroscopic knee procedure"), ("General", "Regional (adductor canal) + MAC"),
         (("L1833", "Knee orthosis, adjustable joints, prefabricated", (1, 1)),),
         ("S83.241A", "S83.242A", "M23.221", "M25.561"), "dx", injury=True, imaging="MRI {side} knee",
         findings=("complex tear, posterior horn of the medial meniscus", "horizontal cleavage tear, medial meniscus,"
                   " small effusion", "bucket-handle tear with displaced fragment"),
         conservative=("physical therapy", "NSAIDs", "activity modification", "corticosteroid injection"),
         duration=(40, 75)),
    _Pkg("tka", "ortho", "{side} total knee arthroplasty (same-day discharge pathway)",
         (_P("27447", "Total knee arthroplasty", True),), (),
         ("01402", "Anesthesia, total knee arthroplasty"), ("Spinal + adductor canal block", "General"),
         (("C1776", "Joint device (implantable)", (1, 1)), ("E0935", "Continuous passive motion device, knee",
                                                             (1, 1)),
          ("L1833", "Knee orthosis, adjustable joints, prefabricated", (1, 1))),
         ("M17.11", "M17.12", "M25.561"), "dx", settings=("HOPD", "ASC"), imaging="weight-bearing X-rays, {side} knee",
         findings=("bone-on-bone medial compartment, osteophytes", "severe tricompartmental joint-space narrowing"),
         conservative=("physical therapy", "NSAIDs", "corticosteroid injections", "hyaluronic acid injections",
                       "weight loss program", "cane"), duration=(90, 130)),
    _Pkg("knee_inj", "ortho", "a series of {side} knee viscosupplementation injections",
         (_P("20610", "Arthrocentesis / injection, major joint, without ultrasound", True),
          _P("20611", "Arthrocentesis / injection, major joint, with ultrasound guidance", True)), (),
         None, ("Local",),
         (("J7321", "Hyaluronan (sodium hyaluronate), per dose", (1, 1)),),
         ("M17.11", "M17.12", "M25.561"), "dx", settings=("Office",), series=3, interval=7,
         imaging="X-rays, {side} knee", findings=("moderate medial joint-space narrowing",),
         conservative=("physical therapy", "NSAIDs", "corticosteroid injection", "knee sleeve"), duration=(15, 20)),
    _Pkg("knee_prp", "ortho", "a {side} knee platelet-rich plasma injection",
         (_P("0232T", "Platelet-rich plasma injection incl. harvest and preparation", True),), (),
         None, ("Local",), (), ("M17.11", "M17.12", "M25.561", "M62.81"), "dx", settings=("Office",),
         imaging="X-rays, {side} knee", findings=("mild to moderate degenerative change",),
         conservative=("physical therapy", "NSAIDs", "corticosteroid injection"), duration=(30, 45)),
    _Pkg("shoulder", "ortho", "{side} shoulder arthroscopy with rotator cuff repair",
         (_P("29827", "Arthroscopy, shoulder, rotator cuff repair", True),),
         (_P("29826", "Arthroscopic subacromial decompression (add-on)", True, True),
          _P("29824", "Arthroscopic distal claviculectomy (Mumford)", True, mods=("59",)),
          _P("64415", "Interscalene brachial plexus block, single injection", True)),
         ("01630", "Anesthesia, open or arthroscopic shoulder procedure"), ("General + interscalene block",),
         (("C1713", "Anchor / screw for bone-to-soft-tissue fixation", (2, 4)),
          ("L3960", "Shoulder abduction positioning orthosis, prefabricated", (1, 1))),
         ("M75.121", "M75.41", "S46.011A"), "dx", injury=True, imaging="MRI {side} shoulder",
         findings=("full-thickness supraspinatus tear, 1.8 cm retraction", "full-thickness tear of the supraspinatus "
                   "with type II acromion"),
         conservative=("physical therapy", "NSAIDs", "subacromial corticosteroid injection", "home exercise program"),
         duration=(90, 150)),
    _Pkg("esi", "spine", "{side} {level} transforaminal epidural steroid injection",
         (_P("64483", "Transforaminal epidural injection, lumbar/sacral, single level, with imaging", True),
          _P("62323", "Interlaminar epidural injection, lumbar/sacral, with imaging guidance")),
         (_P("64484", "Transforaminal epidural injection, each additional lumbar level", True, True,
             needs="64483"),),
         ("01938", "Anesthesia, image-guided lumbar spine injection"), ("Local", "Local + light sedation"),
         (("J1030", "Methylprednisolone acetate, 40 mg", (1, 2)), ("J3301", "Triamcinolone acetonide, per 10 mg",
                                                                   (4, 8)),
          ("J1100", "Dexamethasone sodium phosphate, 1 mg", (4, 10)), ("Q9967", "Low-osmolar contrast, per ml",
                                                                       (1, 3))),
         ("M54.16", "M51.16", "M48.061", "M54.50"), "any", settings=("ASC", "Office"), series=3, interval=14,
         imaging="MRI lumbar spine", findings=("L4-5 disc protrusion contacting the traversing L5 root",
                                               "foraminal narrowing L5-S1 with disc bulge"),
         conservative=("physical therapy", "NSAIDs", "gabapentin", "chiropractic care", "home exercise program"),
         duration=(20, 30), levels=True),
    _Pkg("facet", "spine", "{side} lumbar medial branch blocks at {level}",
         (_P("64493", "Facet joint / medial branch injection, lumbar, single level, with imaging", True),
          _P("64635", "Radiofrequency ablation, lumbar facet nerves, single level", True)),
         (_P("64494", "Facet joint injection, lumbar, second level (add-on)", True, True, needs="64493"),
          _P("64636", "Radiofrequency ablation, lumbar, each additional level (add-on)", True, True, needs="64635")),
         ("01938", "Anesthesia, image-guided lumbar spine injection"), ("Local", "MAC"),
         (("J3301", "Triamcinolone acetonide, per 10 mg", (2, 4)),),
         ("M54.50", "M54.16"), "any", settings=("ASC", "Office"), series=2, interval=10, session="Block",
         imaging="MRI lumbar spine", findings=("facet arthropathy L4-5 and L5-S1, no stenosis",),
         conservative=("physical therapy", "NSAIDs", "chiropractic care", "home exercise program"), duration=(20, 40),
         levels=True),
    _Pkg("decompression", "spine", "{level} lumbar laminotomy and decompression",
         (_P("63030", "Laminotomy with decompression, one lumbar interspace"),
          _P("0275T", "Percutaneous laminotomy / laminectomy, lumbar (image-guided)")),
         (_P("63035", "Laminotomy, each additional lumbar interspace (add-on)", addon=True, needs="63030"),),
         ("00630", "Anesthesia, lumbar region procedure"), ("General",),
         (("L0650", "Lumbar-sacral orthosis, sagittal control, prefabricated", (1, 1)),),
         ("M48.061", "M51.16", "M54.16"), settings=("HOPD", "ASC"), imaging="MRI lumbar spine",
         findings=("moderate central stenosis L4-5 with lateral recess narrowing", "large L4-5 disc extrusion"),
         conservative=("physical therapy", "epidural steroid injections", "NSAIDs", "gabapentin"),
         duration=(90, 150), levels=True),
    _Pkg("breast", "general", "{side} breast partial mastectomy (lumpectomy) with sentinel node biopsy",
         (_P("19301", "Partial mastectomy (lumpectomy)", True),),
         (_P("38525", "Excision of deep axillary lymph node(s)", True),
          _P("38792", "Injection of radioactive tracer for sentinel node", True),
          _P("19281", "Placement of breast localization device, mammographic guidance", True)),
         ("00400", "Anesthesia, procedure on the anterior trunk"), ("General",),
         (("A9541", "Technetium Tc-99m sulfur colloid, per study dose", (1, 1)),),
         ("C50.911", "C50.912", "Z17.0"), "dx", settings=("HOPD", "ASC"), imaging="diagnostic mammogram",
         findings=("1.4 cm spiculated mass, upper outer quadrant", "irregular 1.1 cm mass at 10 o'clock"),
         conservative=(), female=True, duration=(60, 120)),
    _Pkg("cath", "cardio", "left heart catheterization with coronary angiography, possible PCI",
         (_P("93458", "Left heart catheterization with coronary angiography", mods=("26",)),),
         (_P("92928", "Percutaneous coronary stent, single major artery", mods=("LD", "RC", "LC")),
          _P("93571", "Intravascular coronary flow reserve (FFR), initial vessel (add-on)", addon=True, mods=("26",)),
          _P("99152", "Moderate sedation, same physician, initial 15 min")),
         None, ("Moderate sedation",),
         (("C1874", "Stent, coated / covered, with delivery system", (1, 2)),
          ("C1725", "Catheter, transluminal angioplasty, non-laser", (1, 2)),
          ("C1769", "Guide wire", (1, 3)), ("C1894", "Introducer / sheath, non-laser", (1, 1))),
         ("I25.10", "I20.9", "I10", "E78.5"), settings=("HOPD",), imaging="nuclear stress test",
         findings=("reversible anterior wall defect, EF 52%", "inferolateral ischemia, moderate extent"),
         conservative=("aspirin", "beta blocker", "high-intensity statin", "long-acting nitrate"), duration=(45, 90)),
    _Pkg("bariatric", "bariatric", "laparoscopic bariatric surgery",
         (_P("43775", "Laparoscopic sleeve gastrectomy"), _P("43644", "Laparoscopic gastric bypass (Roux-en-Y)")),
         (), ("00797", "Anesthesia, gastric restrictive procedure for morbid obesity"), ("General",), (),
         ("E66.01", "Z68.41", "K21.9"), settings=("HOPD",), imaging="upper GI series",
         findings=("small sliding hiatal hernia", "no hiatal hernia, normal contour"),
         conservative=("6-month medically supervised weight-loss program", "dietitian visits",
                       "psychological evaluation", "exercise program"), duration=(90, 180)),
    _Pkg("cataract", "eye", "{side} eye cataract extraction with intraocular lens",
         (_P("66984", "Cataract removal with intraocular lens, one stage", True),
          _P("66982", "Cataract removal with intraocular lens, complex", True)), (),
         ("00142", "Anesthesia, lens surgery"), ("Topical + MAC",),
         (("V2632", "Posterior chamber intraocular lens", (1, 1)),
          ("J1097", "Phenylephrine / ketorolac intraocular irrigation, 1 ml", (1, 4))),
         ("H25.11",), "dx", settings=("ASC",), imaging="optical biometry (IOL calculation)",
         findings=("axial length 23.41 mm; IOL +21.5 D selected", "axial length 24.02 mm; IOL +20.0 D"),
         conservative=("updated spectacle prescription", "anti-glare lenses"), duration=(15, 25)),
    _Pkg("eye_inj", "eye", "{side} eye intravitreal anti-VEGF injections",
         (_P("67028", "Intravitreal injection of a drug", True),), (), None, ("Topical",),
         (("J0178", "Aflibercept injection, 1 mg", (2, 2)),),
         ("H35.3211", "E11.3293"), "dx", settings=("Office",), series=3, interval=28,
         imaging="OCT macula", findings=("subretinal fluid with pigment epithelial detachment",),
         conservative=(), duration=(10, 15)),
    _Pkg("gyn", "gyn", "laparoscopic total hysterectomy",
         (_P("58571", "Laparoscopic total hysterectomy with removal of tube(s) / ovary(s)"),
          _P("58558", "Hysteroscopy with endometrial sampling / polypectomy"),
          _P("58563", "Hysteroscopy with endometrial ablation")), (),
         ("00840", "Anesthesia, intraperitoneal procedure, lower abdomen"), ("General",), (),
         ("D25.1", "N92.0", "D50.0", "N80.00"), settings=("HOPD", "ASC"), imaging="pelvic ultrasound",
         findings=("enlarged uterus with 4.2 cm intramural fibroid", "multiple intramural leiomyomas"),
         conservative=("oral contraceptives", "tranexamic acid", "levonorgestrel IUD", "iron supplementation"),
         female=True, duration=(60, 150)),
    _Pkg("endoscopy", "gi", "colonoscopy and upper endoscopy",
         (_P("45378", "Colonoscopy, diagnostic"), _P("45380", "Colonoscopy with biopsy"),
          _P("45385", "Colonoscopy with snare polypectomy")),
         (_P("43239", "Upper GI endoscopy (EGD) with biopsy"),),
         ("00811", "Anesthesia, lower intestinal endoscopy"), ("MAC (propofol)",), (),
         ("K50.90", "D50.0", "K21.9"), settings=("ASC",), imaging="CT abdomen / pelvis",
         findings=("terminal ileal wall thickening", "no acute findings"),
         conservative=("oral iron", "proton pump inhibitor", "mesalamine"), duration=(20, 45)),
    _Pkg("hgns", "ent", "hypoglossal nerve stimulator implantation",
         (_P("64582", "Open implantation of hypoglossal nerve neurostimulator array and generator"),
          _P("42975", "Drug-induced sleep endoscopy")), (),
         None, ("General",),
         (("C1767", "Neurostimulator generator, non-rechargeable", (1, 1)),
          ("C1778", "Neurostimulator lead", (1, 1)), ("C1787", "Patient programmer, neurostimulator", (1, 1))),
         ("G47.33", "R06.83", "E66.9"), settings=("HOPD", "ASC"), imaging="in-lab polysomnogram",
         findings=("AHI 38 events/hour, central apneas under 25%", "AHI 31/hr, nadir SpO2 81%"),
         conservative=("CPAP trial", "auto-PAP with mask refits", "positional therapy", "oral appliance"),
         duration=(90, 150)),
    _Pkg("bronch", "pulm", "navigational bronchoscopy with transbronchial biopsy",
         (_P("31628", "Bronchoscopy with transbronchial lung biopsy, single lobe"),
          _P("31652", "Bronchoscopy with EBUS-guided sampling, 1-2 node stations")),
         (_P("31627", "Computer-assisted (navigational) bronchoscopy (add-on)", addon=True),
          _P("31624", "Bronchoscopy with bronchial alveolar lavage"),
          _P("71250", "CT chest without contrast, navigation planning", mods=("TC", "26"))),
         ("00520", "Anesthesia, closed chest procedure (bronchoscopy)"), ("General",),
         (("A4648", "Tissue marker, implantable (fiducial)", (1, 3)),),
         ("R91.1", "J44.9", "J44.1"), settings=("HOPD",), imaging="CT chest",
         findings=("enlarging 1.6 cm right upper lobe nodule", "spiculated 1.9 cm left lower lobe nodule"),
         conservative=(), duration=(60, 90)),
    _Pkg("ect", "psych", "a course of electroconvulsive therapy (ECT)",
         (_P("90870", "Electroconvulsive therapy, incl. monitoring"),), (),
         ("00104", "Anesthesia, electroconvulsive therapy"), ("General (brief)",), (),
         ("F33.1",), settings=("HOPD",), series=6, interval=2, session="Treatment",
         conservative=("sertraline", "bupropion XL", "venlafaxine", "aripiprazole augmentation", "psychotherapy"),
         duration=(15, 20)),
    _Pkg("chemodenervation", "pmr", "{side} upper extremity chemodenervation for spasticity",
         (_P("64642", "Chemodenervation, one extremity, 1-4 muscles", True),),
         (_P("64643", "Chemodenervation, each additional extremity, 1-4 muscles (add-on)", addon=True),
          _P("95874", "Needle EMG guidance for chemodenervation (add-on)", addon=True)),
         None, ("None",),
         (("J0585", "OnabotulinumtoxinA, per unit", (200, 400)),),
         ("I69.351", "G82.20", "M62.81", "R26.2"), "any", settings=("Office",),
         conservative=("stretching program", "baclofen", "tizanidine", "serial casting"), duration=(30, 45)),
    _Pkg("migraine", "neuro", "chemodenervation for chronic migraine (155-unit protocol)",
         (_P("64615", "Chemodenervation for chronic migraine (facial / cervical muscles)"),
          _P("64405", "Greater occipital nerve block")), (),
         None, ("None",), (("J0585", "OnabotulinumtoxinA, per unit", (155, 200)),),
         ("G43.909", "R51.9"), settings=("Office",),
         conservative=("topiramate", "propranolol", "amitriptyline", "a CGRP antibody"), duration=(15, 30)),
    _Pkg("vns", "neuro", "vagus nerve stimulator implantation",
         (_P("64568", "Implantation of cranial nerve neurostimulator electrode array and generator"),), (),
         None, ("General",),
         (("C1767", "Neurostimulator generator, non-rechargeable", (1, 1)), ("C1778", "Neurostimulator lead",
                                                                             (1, 1))),
         ("G40.909",), settings=("HOPD",), imaging="video EEG monitoring",
         findings=("left temporal onset, not a resection candidate",),
         conservative=("levetiracetam", "lamotrigine", "lacosamide", "ketogenic diet consult"), duration=(60, 90)),
    _Pkg("joint_inj", "rheum", "{side} knee intra-articular corticosteroid injection",
         (_P("20610", "Arthrocentesis / injection, major joint, without ultrasound", True),
          _P("20611", "Arthrocentesis / injection, major joint, with ultrasound guidance", True)), (),
         None, ("Local",),
         (("J3301", "Triamcinolone acetonide, per 10 mg", (4, 4)), ("J1030", "Methylprednisolone acetate, 40 mg",
                                                                    (1, 2))),
         ("M05.79", "M06.9"), "any", settings=("Office",),
         conservative=("methotrexate", "hydroxychloroquine", "prednisone taper"), duration=(15, 20)),
)

# --- places and people (invented) -------------------------------------------------------------------------------
_PRACTICES = {
    "ortho": ("Lakeshore Orthopedic Associates", "Granite Peak Orthopaedics & Sports Medicine",
              "Bayside Bone & Joint Surgeons"),
    "spine": ("Northgate Spine & Pain Institute", "Keystone Interventional Pain Center", "Summit Spine Specialists"),
    "general": ("Copperfield Surgical Associates", "Maple Hollow General & Breast Surgery"),
    "cardio": ("Pinecrest Cardiology Group", "Heartland Cardiovascular Consultants"),
    "bariatric": ("Riverbend Bariatric & Metabolic Surgery", "Copperfield Surgical Associates"),
    "eye": ("Clearview Eye Surgeons", "Lakeside Retina & Cataract Center"),
    "gyn": ("Willowbrook Women's Health & GYN Surgery", "Fairhaven OB/GYN Associates"),
    "gi": ("Cedar Hollow Gastroenterology", "Tri-County Digestive Health"),
    "ent": ("Harbor ENT & Sleep Surgery", "Meadowbrook Sleep & Airway Center"),
    "pulm": ("Prairie Pulmonary & Critical Care", "Ridgeline Lung & Chest Associates"),
    "psych": ("Stillwater Psychiatric Associates", "Beacon Interventional Psychiatry"),
    "pmr": ("Ridgeway Physical Medicine & Rehabilitation", "Northgate Spine & Pain Institute"),
    "neuro": ("Brookfield Neurology & Headache Center", "Riverside Neuroscience Associates"),
    "rheum": ("Stonebridge Rheumatology", "Tallgrass Arthritis & Rheumatology"),
}
_SPECIALTY = {"ortho": "Orthopaedic Surgery", "spine": "Pain Medicine", "general": "General Surgery",
              "cardio": "Interventional Cardiology", "bariatric": "Bariatric Surgery", "eye": "Ophthalmology",
              "gyn": "Gynecology", "gi": "Gastroenterology", "ent": "Otolaryngology", "pulm": "Pulmonology",
              "psych": "Psychiatry", "pmr": "Physical Medicine & Rehab", "neuro": "Neurology",
              "rheum": "Rheumatology"}
_ASC = ("Harbor Point Surgery Center", "Eastgate Ambulatory Surgery Center", "Meridian Outpatient Surgical Suites",
        "Juniper Valley Surgery Center", "Lantern Ridge ASC")
_ASC_BY_LINE = {"gi": ("Clearwater Endoscopy Center", "Tri-County Endoscopy ASC"),
                "eye": ("Northfield Eye Surgery Center", "Clearview Laser & Surgery Center"),
                "spine": ("Summit Pain & Spine ASC", "Keystone Procedure Center")}
_HOPD = ("St. Brendan Regional Medical Center - Outpatient Surgery", "Lakeview Community Hospital (HOPD)",
         "Mercy Valley Hospital - Same Day Surgery", "Foundry Park Medical Center Ambulatory Pavilion")
_HOPD_BY_LINE = {"cardio": ("Mercy Valley Hospital - Cardiac Cath Lab", "St. Brendan Heart & Vascular - Cath Lab"),
                 "psych": ("Lakeview Community Hospital - ECT Suite",),
                 "pulm": ("St. Brendan Regional - Bronchoscopy Suite",)}
_POS = {"ASC": ("24", "Ambulatory Surgical Center"), "HOPD": ("22", "On-campus outpatient hospital"),
        "Office": ("11", "Office")}
_ASSISTANTS = ("Corbin Ashby, PA-C", "Delia Fenwick, PA-C", "Rowan Tibbets, RNFA", "Lucan Merriday, MD",
               "Saoirse Quill, PA-C", "Emmett Harrowgate, MD")
_SCHEDULERS = ("Tamsyn Oduya, surgery scheduler", "Bram Kowalczyk, precert coordinator",
               "Nadine Ferreira, surgical coordinator", "Hollis Brandt, scheduling", "Ofelia Marsh, MA")
_ANES_GROUPS = ("Lakeside Anesthesia Partners", "Cedar Valley Anesthesiology", "Bayfront Anesthesia Associates")
_MAKERS = ("Kestrel Ortho", "Norrland Medical", "Vireo Surgical", "Halcyon Devices", "Brightline Cardio",
           "Tamarack Medical")
_LEVELS = ("L4-L5", "L5-S1", "L3-L4")
# Why an urgent request cannot wait, by procedure (typed after "EXPEDITED REVIEW REQUESTED -").
_URGENT_WHY = {
    "breast": "newly diagnosed malignancy; surgery should not be delayed",
    "cath": "accelerating angina despite maximal medical therapy",
    "bronch": "enlarging nodule suspicious for malignancy",
    "esi": "progressive radicular pain and weakness",
    "decompression": "progressive neurologic deficit (foot drop)",
    "ect": "severe depression with poor oral intake; admission likely if delayed",
    "eye_inj": "active neovascular disease; vision at risk",
    "knee_scope": "locked knee from a displaced meniscal fragment",
    "shoulder": "acute traumatic cuff tear; repair should not be delayed",
    "gyn": "heavy bleeding with symptomatic anemia",
    "endoscopy": "iron-deficiency anemia with a falling hemoglobin",
}
_LEVEL_PAIRS = ("L4-L5 and L5-S1", "L3-L4 and L4-L5")

# --- labels -----------------------------------------------------------------------------------------------------
_S_LABELS = ("Date of Surgery", "Surgery Date", "DOS", "Procedure Date", "Scheduled for", "Sched. Date",
             "Date of procedure (requested)", "OR Date", "Case Date", "Proposed Date", "Scheduled Surgery Date",
             "Requested DOS", "Date of Service", "Planned procedure date")
_S_LABELS_RETRO = ("Date of Surgery (performed)", "DOS (retro)", "Procedure performed on", "Date of service")
_S_TABLE = ("DOS", "Date of Service", "Sched. Date", "Proc. Date", "Surgery Date", "Date")
_MEMBER_ANY = ("Member ID", "Subscriber #", "Insurance ID", "Policy Number", "Cert #", "ID#", "Member ID #",
               "Ins. ID No.", "Subscriber ID")
_MEMBER_STYLE = {"mbi": ("Medicare ID (MBI)", "MBI"), "medicaid": ("Medicaid ID #", "Recipient ID"),
                 "blue": ("Subscriber ID (incl. prefix)", "Member ID (with prefix)"), "generic": ("Member No.",)}
_DOB_LABELS = ("DOB", "Birth Date", "Date of Birth", "D.O.B.", "Birthdate")
_GROUP_LABELS = ("Group #", "Group No.", "Grp #", "Group Number", "Employer Group #")


@dataclass
class _Line:
    """One printed code: a procedure, an anaesthesia code or a HCPCS item."""

    code: str
    desc: str
    mods: list[str]
    units: int
    kind: str  # cpt | anes | hcpcs
    addon: bool = False
    catalog: str = ""

    def coded(self, plus: bool) -> str:
        """`29881-RT`, `29876-59-RT`, `+64484`, `64483-50` (modifiers joined by dashes)."""
        head = ("+" if self.addon and plus else "") + self.code
        return "-".join([head, *self.mods])

    def spaced(self) -> str:
        return " ".join([self.code, *self.mods])


@dataclass
class _Ctx:
    """Everything one request prints, decided once; the layouts only arrange it."""

    case: Case
    rng: Random
    f: Fmt
    pkg: _Pkg
    side: str  # RT | LT | 50 | ""
    side_word: str
    level: str
    procs: list[_Line]
    anes: _Line | None  # printed anaesthesia code (None: type only)
    anes_type: str
    supplies: list[_Line]
    dx: list[tuple[str, str]]
    undotted: bool
    comorbid_words: str
    dates: dict[str, dt.date]
    series: list[dt.date]
    retro: bool
    reschedule: bool
    near: bool  # the procedure is 0-3 days after the fax date
    name: str  # as printed ("" when split into boxes)
    name_rows: list[tuple[str, str]]
    name_shown: str
    person: str
    dob: str
    dob_label: str
    member_label: str
    group_label: str
    practice: str
    practice_addr: str
    tin: str
    dea: str
    license: str
    facility: str
    facility_kind: str
    facility_npi: str | None  # printed only when not None
    facility_addr: str
    facility_same: bool  # the facility is the surgeon's own office suite
    assistant: tuple[str, str | None] | None  # (name, NPI printed or None)
    case_no: str
    room: str
    time: str
    arrival: str
    scheduler: str
    extension: str
    npis: list[str] = field(default_factory=list)
    memo: dict[str, str] = field(default_factory=dict)
    tbd: bool = False  # the date is TBD with a requested window (set by the layout)

    def dx_code(self, code: str) -> str:
        return code.replace(".", "") if self.undotted else code


# --- the timeline ----------------------------------------------------------------------------------------------
def _signed(case: Case) -> dt.date:
    """The signature date, moved to the fax date when it falls on the procedure date (make_case keeps the fax
    date off the service date)."""
    return case.fax.sent.date() if case.signature_date == case.service_date else case.signature_date


def _timeline(case: Case, rng: Random, pkg: _Pkg, retro: bool) -> tuple[dict[str, dt.date], list[dt.date]]:
    """The service date S and every distracting date: none equal to S, the DOB or one another (where it matters)."""
    s = case.service_date
    faxed, signed = case.fax.sent.date(), _signed(case)
    taken = {s, case.dob, faxed, signed}
    t: dict[str, dt.date] = {"s": s, "faxed": faxed, "signed": signed}
    cap = min(signed, s) - _DAY
    t["visit"] = distinct_date(cap - rng.randint(1, 30) * _DAY, taken)
    t["imaging"] = distinct_date(t["visit"] - rng.randint(3, 60) * _DAY, taken)
    t["pt_end"] = distinct_date(t["visit"] - rng.randint(3, 30) * _DAY, taken)
    t["pt_start"] = distinct_date(t["pt_end"] - rng.randint(28, 70) * _DAY, taken)
    t["last_inj"] = distinct_date(t["visit"] - rng.randint(10, 120) * _DAY, taken)
    # The injury or onset came before the imaging and every conservative treatment.
    first_care = min(t["imaging"], t["pt_start"], t["last_inj"])
    t["injury"] = distinct_date(first_care - rng.randint(5, 60) * _DAY, taken)
    t["onset"] = distinct_date(first_care - rng.randint(20, 500) * _DAY, taken)
    t["diagnosis"] = distinct_date(t["imaging"] + rng.randint(1, 3) * _DAY, taken, 1)  # a biopsy after the imaging
    prior = max(t["onset"] - rng.randint(200, 3000) * _DAY, case.dob + 16 * 365 * _DAY)
    t["prior_surgery"] = distinct_date(prior, taken)
    lead = (s - signed).days
    if not retro and lead > 4:
        # Pre-op visits fall between the request and the procedure.
        t["hp"] = distinct_date(s - rng.randint(2, min(21, lead - 1)) * _DAY, taken)
        t["pat"] = distinct_date(s - rng.randint(1, min(7, lead - 1)) * _DAY, taken)
    else:
        t["hp"] = distinct_date(cap - rng.randint(0, 10) * _DAY, taken)
        after_hp = t["hp"] + _DAY < s
        t["pat"] = distinct_date(t["hp"] + _DAY, taken, 1) if after_hp else distinct_date(t["hp"] - _DAY, taken)
    t["postop"] = distinct_date(s + rng.randint(7, 16) * _DAY, taken, 1)
    t["window_end"] = distinct_date(s + rng.randint(21, 45) * _DAY, taken, 1)
    t["orig"] = distinct_date(s + rng.choice((-1, 1)) * rng.randint(4, 21) * _DAY, taken)
    series = [s]
    if pkg.series:
        for _ in range(1, pkg.series):
            gap = pkg.interval + (rng.randint(0, 3) if pkg.interval > 5 else 0)
            series.append(distinct_date(series[-1] + gap * _DAY, taken, 1))
    for key, day in t.items():
        if key != "s" and day == s:
            raise AssertionError(f"surgery timeline: {key} equals the service date")
    return t, series


# --- what is requested ------------------------------------------------------------------------------------------
def _pick_package(case: Case, rng: Random) -> _Pkg:
    own = {c for c, _ in case.cpt}
    billable = billable_icd10()
    female_ok = case.sex == "F"

    def allowed(p: _Pkg) -> bool:
        return (female_ok or not p.female) and any(code in billable for code in p.dx)

    by_code = [p for p in _PKGS if allowed(p) and own & {x.code for x in (*p.main, *p.extra)}]
    if by_code:
        return rng.choice(by_code)
    dx = {c for c, _ in case.icd10}
    by_dx = [p for p in _PKGS if allowed(p) and dx & set(p.dx)]
    if by_dx:
        return rng.choice(by_dx)
    return rng.choice([p for p in _PKGS if allowed(p)])


def _diagnoses(case: Case, rng: Random, pkg: _Pkg) -> tuple[list[tuple[str, str]], str]:
    """(code, description) rows, the procedure's indication first; other case codes as comorbidities, coded or
    (sometimes) only in words."""
    billable = billable_icd10()
    case_dx = [(c, d) for c, d in case.icd10 if c in billable]
    fitting = [x for x in case_dx if x[0] in pkg.dx]
    if fitting:
        primary = fitting[0]
    else:
        code = rng.choice([c for c in pkg.dx if c in billable])
        primary = (code, _ICD_DESC[code])
    rows = [primary, *fitting[1:]]
    others = [x for x in case_dx if x not in rows]
    words = ""
    if others and rng.random() < 0.25:
        words = "; ".join(d.lower() for _, d in others)
    else:
        rows += others
    if len(rows) == 1 and rng.random() < 0.4:
        extra = [c for c in pkg.dx if c in billable and c != primary[0] and not _conflicts(c, primary[0])]
        if extra:
            code = rng.choice(extra)
            rows.append((code, _ICD_DESC[code]))
    return rows[:4], words


def _conflicts(a: str, b: str) -> bool:
    """Two codes of opposite sides (a right-sided primary with a left-sided extra, or the reverse)."""
    return (a in _RIGHT and b in _LEFT) or (a in _LEFT and b in _RIGHT)


def _side(c_rng: Random, pkg: _Pkg, primary: str) -> str:
    if pkg.sided == "dx":
        if primary in _RIGHT:
            return "RT"
        if primary in _LEFT:
            return "LT"
        return c_rng.choice(("RT", "LT"))
    if pkg.sided == "any":
        return c_rng.choice(("RT", "LT", "50")) if pkg.key in ("esi", "facet") else c_rng.choice(("RT", "LT"))
    return ""


def _procedures(case: Case, rng: Random, pkg: _Pkg, side: str) -> list[_Line]:
    own = {c for c, _ in case.cpt}
    mains = [p for p in pkg.main if p.code in own] or list(pkg.main)
    main = rng.choice(mains)
    picked = [main]
    for p in pkg.extra:
        if p.needs and p.needs != main.code:
            continue
        if p.code in own or rng.random() < 0.4:
            picked.append(p)
    picked = picked[:3]
    lines = []
    for i, p in enumerate(picked):
        mods: list[str] = []
        if p.mods and (i > 0 or rng.random() < 0.6):
            mods.append(rng.choice(p.mods))
        if p.sided and side:
            if side == "50" and p.addon:
                mods.append(rng.choice(("RT", "LT")) if rng.random() < 0.2 else "50")
            else:
                mods.append(side)
        units = rng.randint(1, 2) if p.addon and p.code in ("64484", "64494", "64636", "63035") else 1
        lines.append(_Line(p.code, p.desc, mods, units, "cpt", p.addon))
    return lines


def _supplies(case: Case, rng: Random, pkg: _Pkg) -> list[_Line]:
    own = {c for c, _ in case.hcpcs}
    if not pkg.supplies:
        return []
    must = [s for s in pkg.supplies if s[0] in own]
    needed = pkg.key in ("eye_inj", "knee_inj", "chemodenervation") or (pkg.key == "migraine" and rng.random() < 0.8)
    if not must and not needed and rng.random() > (0.65 if case.hcpcs else 0.45):
        return []
    pool = [s for s in pkg.supplies if s not in must]
    chosen = must + rng.sample(pool, min(len(pool), rng.randint(0 if must else 1, 2)))
    out = []
    for code, desc, (lo, hi) in chosen:
        units = rng.choice((155, 195, 200)) if pkg.key == "migraine" and code == "J0585" else rng.randint(lo, hi)
        catalog = ""
        if code.startswith(("C", "L", "E", "V", "A")):
            catalog = rng.choice((f"REF {rng.randint(1000, 9999)}-{rng.randint(100, 999)}",
                                  f"Cat# {rng.randint(10000, 99999)}",
                                  f"REF {rng.choice('KNVHT')}{rng.choice('ABCMR')}-{rng.randint(1000, 9999)}"))
        out.append(_Line(code, desc, [], units, "hcpcs", catalog=catalog))
    return out


def _dea(rng: Random, last: str) -> str:
    """A DEA-shaped number: registrant letter, the surname's initial, 6 digits and the check digit."""
    digits = [rng.randint(0, 9) for _ in range(6)]
    check = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    return rng.choice("ABFG") + last[0].upper() + "".join(map(str, digits)) + str(check)


def _context(case: Case, rng: Random) -> _Ctx:
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _fmt(day, ds)

    pkg = _pick_package(case, rng)
    dx, comorbid_words = _diagnoses(case, rng, pkg)
    side = _side(rng, pkg, dx[0][0])
    side_word = {"RT": "right", "LT": "left", "50": "bilateral"}.get(side, "")
    procs = _procedures(case, rng, pkg, side)
    anes = None
    if pkg.anesthesia and (pkg.anesthesia[0] in {c for c, _ in case.cpt} or rng.random() < 0.35):
        anes = _Line(pkg.anesthesia[0], pkg.anesthesia[1], [], 1, "anes")
    supplies = _supplies(case, rng, pkg)
    s = case.service_date
    retro = s <= _signed(case)
    dates, series = _timeline(case, rng, pkg, retro)
    near = not retro and 0 <= (s - case.fax.sent.date()).days <= 3
    level = ""
    if pkg.levels:
        two = any(p.code in ("64484", "64494", "64636", "63035") for p in procs)
        level = rng.choice(_LEVEL_PAIRS) if two else rng.choice(_LEVELS)

    # --- identity
    person = rng.choice(("Patient", "Member", "Insured", "Pt", "Patient"))
    variant = rng.choice(("First Last", "Last, First", "LAST, FIRST", "LAST, First", "split"))
    if variant == "split":
        last_label, first_label = rng.choice(((f"{person} Last Name", "First Name"), ("Last Name", "First Name"),
                                              ("Last", "First"), (f"{person} Last", f"{person} First")))
        name_rows = [(last_label, case.last), (first_label, case.first)]
        if rng.random() < 0.4:
            name_rows.append(("MI", rng.choice("ABCDEFGHJKLMNPRSTW")))
        name, name_shown = "", case.last
    else:
        name = {"First Last": case.full_name, "Last, First": f"{case.last}, {case.first}",
                "LAST, FIRST": f"{case.last.upper()}, {case.first.upper()}",
                "LAST, First": f"{case.last.upper()}, {case.first}"}[variant]
        labels = [f"{person} Name", "Patient", "Name"]
        if "," in name:
            labels += [f"{person} Name (Last, First)", "Name (Last, First)"]
        name_rows = [(rng.choice(labels), name)]
        name_shown = name
    style = case.plan_style if case.plan_style in _MEMBER_STYLE else "generic"
    member_label = rng.choice(_MEMBER_ANY + _MEMBER_STYLE[style])

    # --- the surgeon's practice and the facility
    rq, sv = case.requesting, case.servicing
    practice = rng.choice(_PRACTICES[pkg.line])
    practice_addr = f"{rq.street}, Suite {rng.randint(100, 450)}, {rq.city}, {rq.state} {rq.zip}"
    kind = rng.choice(pkg.settings)
    facility_same = False
    facility_npi: str | None = None
    if kind == "Office":
        facility, facility_npi, facility_same = f"{practice} - office procedure suite", None, True
        facility_addr = practice_addr
    else:
        names = (_ASC_BY_LINE.get(pkg.line, ()) + _ASC) if kind == "ASC" else (_HOPD_BY_LINE.get(pkg.line, ()) + _HOPD)
        facility = rng.choice(names)
        if sv.npi != rq.npi:
            facility_npi = sv.npi
            facility_addr = f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"
        else:
            city, state = rng.choice(CITIES)
            facility_npi = make_npi(rng)
            facility_addr = f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {city}, {state} " \
                            f"{rng.randint(10000, 99899):05d}"
        if rng.random() < 0.15:
            facility_npi = None  # the form leaves the facility's NPI blank
    if rng.random() < 0.3:
        facility_addr += f"-{rng.randint(1000, 9999)}"  # ZIP+4
    assistant = None
    if pkg.duration[1] >= 75 and not pkg.series and rng.random() < 0.45:
        assistant = (rng.choice(_ASSISTANTS), make_npi(rng) if rng.random() < 0.7 else None)
    hour = rng.choice((6, 7, 7, 8, 9, 10, 11, 12, 13, 14))
    minute = rng.choice((0, 15, 30, 45))
    time_style = rng.randrange(3)
    if time_style == 0:
        time = f"{hour:02d}:{minute:02d}"
    elif time_style == 1:
        time = f"{hour:02d}{minute:02d}"
    else:
        time = f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    arr_h, arr_m = divmod(hour * 60 + minute - rng.choice((60, 90, 120)), 60)
    arrival = f"{arr_h:02d}:{arr_m:02d}" if time_style != 2 else f"{arr_h % 12 or 12}:{arr_m:02d} " \
                                                                 f"{'AM' if arr_h < 12 else 'PM'}"
    if kind == "Office":
        room = rng.choice(("Procedure Rm 2", "Room 4", "Proc. Room B", "Exam/Proc 12"))
    elif pkg.line == "cardio":
        room = rng.choice(("Cath Lab 2", "Lab 3", "CVL Room 1"))
    else:
        room = rng.choice(("OR 4", "OR 2", "OR #7", "Room 11", "Suite 3", "Endo Rm 2" if pkg.line == "gi" else "OR 1"))
    case_no = rng.choice((f"{s:%y}-{rng.randint(10000, 99999)}", f"SC{rng.randint(100000, 999999)}",
                          f"{rng.randint(400000, 899999)}", f"BK-{rng.randint(1000, 9999)}"))
    lic_state = rq.state
    license_no = rng.choice((f"{lic_state} {rng.randint(100000, 999999)}", f"MD{rng.randint(10000, 99999)}",
                             f"{rng.choice('GAC')}{rng.randint(10000, 99999)}",
                             f"{rng.randint(25, 36)}.0{rng.randint(10000, 99999)}"))
    ctx = _Ctx(
        case=case, rng=rng, f=f, pkg=pkg, side=side, side_word=side_word, level=level, procs=procs, anes=anes,
        anes_type=rng.choice(pkg.anes_types), supplies=supplies, dx=dx, undotted=rng.random() < 0.2,
        comorbid_words=comorbid_words, dates=dates, series=series, retro=retro,
        reschedule=not retro and rng.random() < 0.15, near=near, name=name, name_rows=name_rows,
        name_shown=name_shown, person=person,
        dob=_fmt(case.dob, "mdy" if rng.random() < 0.25 else ds), dob_label=rng.choice(_DOB_LABELS),
        member_label=member_label, group_label=rng.choice(_GROUP_LABELS), practice=practice,
        practice_addr=practice_addr, tin=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
        dea=_dea(rng, rq.name.split()[-2]), license=license_no, facility=facility, facility_kind=kind,
        facility_npi=facility_npi, facility_addr=facility_addr, facility_same=facility_same, assistant=assistant,
        case_no=case_no, room=room, time=time, arrival=arrival, scheduler=rng.choice(_SCHEDULERS),
        extension=rng.choice((f"ext. {rng.randint(200, 4999)}", f"x{rng.randint(100, 999)}",
                              f"ext {rng.randint(10, 99)}")),
    )
    ctx.npis = [rq.npi]
    if facility_npi and facility_npi != rq.npi:
        ctx.npis.append(facility_npi)
    if assistant and assistant[1]:
        ctx.npis.append(assistant[1])
    return ctx


# --- pieces the layouts share -----------------------------------------------------------------------------------
def _side_text(c: _Ctx) -> str:
    return {"RT": "Right", "LT": "Left", "50": "Bilateral"}.get(c.side, "N/A")


def _words(c: _Ctx) -> str:
    text = c.pkg.words.replace("{side}", c.side_word).replace("{level}", c.level or "L4-L5")
    text = " ".join(text.split())
    if c.pkg.key == "endoscopy" and not any(p.code == "43239" for p in c.procs):
        text = "colonoscopy"
    if c.pkg.key == "esi" and c.procs[0].code == "62323":
        text = f"{c.level} interlaminar epidural steroid injection"
    if c.pkg.key == "facet" and c.procs[0].code == "64635":
        text = f"{c.side_word} lumbar radiofrequency ablation at {c.level}".strip()
    if c.pkg.key == "hgns" and c.procs[0].code == "42975":
        text = "drug-induced sleep endoscopy (DISE)"
    if c.pkg.key == "gyn" and c.procs[0].code != "58571":
        text = "operative hysteroscopy"
    if c.pkg.key == "bronch" and c.procs[0].code == "31652":
        text = "bronchoscopy with EBUS-guided nodal sampling"
    if c.pkg.key == "migraine" and c.procs[0].code == "64405":
        text = "greater occipital nerve blocks"
    return text


def _s_label(c: _Ctx) -> str:
    return c.rng.choice(_S_LABELS_RETRO if c.retro else _S_LABELS)


def _s_value(c: _Ctx, with_time: bool) -> str:
    """The service date as a scheduling field prints it, sometimes with a time and the room."""
    s = c.f(c.dates["s"])
    if not with_time or c.retro:
        return s
    return c.rng.choice((f"{s} @ {c.time}", f"{s}  {c.time}", f"{s} at {c.time} ({c.room})", f"{s}, {c.time}"))


def _all_lines(c: _Ctx) -> list[_Line]:
    return [*c.procs, *([c.anes] if c.anes else []), *c.supplies]


def _urgency(c: _Ctx) -> list[Block]:
    """Mostly routine; urgent only when the case is: a ticked box, a Yes, typed wording, or several."""
    rng, urgent, f, d = c.rng, c.case.urgent, c.f, c.dates
    how = rng.randrange(5)
    out: list[Block] = []
    if how == 0:
        out.append(Checks((("Yes", urgent, "urgent"), ("No", not urgent, "non_urgent")),
                          label=rng.choice(("Urgent:", "Urgent request?", "Expedited review?"))))
    elif how == 1:
        out.append(Checks((("Routine / elective", not urgent, "non_urgent"),
                           (rng.choice(("Urgent (72 hours)", "Expedited", "URGENT")), urgent, "urgent")),
                          label=rng.choice(("Review type:", "Priority:", "Request type:"))))
    elif how == 2:
        out.append(Checks((("Elective", not urgent, "non_urgent"), ("Urgent", urgent, "urgent"),
                           ("Retro", c.retro, None)), label="Case type:"))
    elif how == 3 and not urgent:
        out.append(Text(rng.choice(("Review type: Standard (non-urgent)", "Priority: Routine / elective",
                                    "Elective procedure - standard review")), bold=True))
    if urgent and (how >= 3 or rng.random() < 0.5):
        why = _URGENT_WHY.get(c.pkg.key, "worsening function; delay could seriously jeopardize the patient's health")
        if c.retro:
            options = ["URGENT / EMERGENT add-on case - could not be authorized before the procedure; expedited "
                       "retro review requested."]
            if c.pkg.key in _URGENT_WHY:
                options.append(f"Urgent retro request: {why}; the procedure could not wait for review.")
        elif c.near and rng.random() < 0.75:
            options = [f"URGENT - scheduled within 72 hours ({f(d['s'])}).", "URGENT - scheduled within 72 hours",
                       f"URGENT \u2013 scheduled within 72 hours: {why}."]
        else:
            options = [f"EXPEDITED REVIEW REQUESTED - {why}.", f"** URGENT ** Please expedite: {why}."]
        out.append(Text(rng.choice(options), bold=True))
    elif not urgent and rng.random() < 0.2:
        out.append(Text(f"For urgent cases (surgery within 72 hours) call {c.case.plan_phone} before faxing.",
                        size=7.5))
    return out


def _identity_rows(c: _Ctx, group: bool = True) -> tuple[list[tuple[str, str]], tuple[str | None, ...]]:
    case, rng = c.case, c.rng
    rows = [*c.name_rows, (c.dob_label, c.dob)]
    if rng.random() < 0.5 and not ({d for d, _ in c.dx} & _FEMALE_DX and case.sex == "M"):
        rows.append(("Sex", {"F": "Female", "M": "Male"}[case.sex] if rng.random() < 0.5 else case.sex))
    rows.append((c.member_label, case.policy_printed))
    keys: tuple[str | None, ...] = (None,) * (len(rows) - 1) + ("policy_id",)
    if group:
        rows.append((c.group_label, case.group_number))
    if rng.random() < 0.4:
        rows.append(("MRN", case.mrn))
    if rng.random() < 0.4:
        rows.append(("Phone", fictional_phone(rng)))
    return rows, keys


def _insurance_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng, case = c.rng, c.case
    rows = [("Insurance / Plan", case.plan)]
    if rng.random() < 0.5:
        rows.append(("Subscriber", rng.choice(("Self", "Self (18)", "same as patient"))))
    if rng.random() < 0.4:
        rows.append(("Plan phone / fax", f"{case.plan_phone} / {case.plan_fax}"))
    if rng.random() < 0.3:
        rows.append(("Secondary insurance", rng.choice(("None", "N/A", "none on file"))))
    return rows


def _surgeon_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng, rq = c.rng, c.case.requesting
    rows = [(rng.choice(("Surgeon", "Attending Surgeon", "Performing Physician", "Requesting Provider")), rq.name),
            (rng.choice(("Surgeon NPI", "NPI", "NPI #", "Rendering NPI", "Individual NPI")), rq.npi),
            (rng.choice(("Practice", "Group", "Practice Name")), c.practice)]
    if rng.random() < 0.6:
        rows.append((rng.choice(("Tax ID", "TIN", "Federal Tax ID #")), c.tin))
    if rng.random() < 0.45:
        rows.append((rng.choice(("DEA #", "DEA")), c.dea))
    if rng.random() < 0.45:
        rows.append((rng.choice(("State License #", "Lic. #", "Medical License")), c.license))
    if c.case.plan_style == "medicaid" and rng.random() < 0.5:
        rows.append(("Medicaid Provider #", f"{rng.randint(1000000, 99999999)}"))
    rows += [("Phone", f"{rq.phone} {c.extension}"), ("Fax", rq.fax)]
    if rng.random() < 0.5:
        rows.append((rng.choice(("Contact", "Office contact", "Scheduler")), c.scheduler))
    return rows


def _assistant_rows(c: _Ctx) -> list[tuple[str, str]]:
    if not c.assistant:
        return [("Assistant surgeon", c.rng.choice(("None", "N/A", "none requested")))] if c.rng.random() < 0.3 \
            else []
    who, npi = c.assistant
    rows = [(c.rng.choice(("Assistant Surgeon", "Assistant", "Asst. Surgeon")), who)]
    if npi:
        rows.append((c.rng.choice(("Assistant NPI", "Asst. Surgeon NPI")), npi))
    return rows


def _facility_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    pos, pos_words = _POS[c.facility_kind]
    rows = [(rng.choice(("Facility", "Place of Service", "Location", "Servicing Facility")), c.facility)]
    if c.facility_npi:
        rows.append((rng.choice(("Facility NPI", "ASC NPI" if c.facility_kind == "ASC" else "Hospital NPI",
                                 "Servicing Facility NPI", "Facility NPI #")), c.facility_npi))
    elif c.facility_same and rng.random() < 0.5:
        rows.append(("Facility NPI", "same as surgeon"))
    rows.append(("Address", c.facility_addr))
    rows.append((rng.choice(("POS", "Place of service code", "Setting")),
                 rng.choice((f"{pos} - {pos_words}", pos_words, f"{pos_words} ({pos})"))))
    if c.facility_kind == "ASC" and rng.random() < 0.4:
        rows.append(("Medicare CCN", f"{rng.randint(10, 52)}C{rng.randint(1000000, 9999999)}"))
    if c.facility_kind != "Office" and rng.random() < 0.35:
        rows.append(("Facility Tax ID", f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"))
    return rows


def _schedule_rows(c: _Ctx, with_s: bool) -> list[tuple[str, str]]:
    """Scheduling fields; the service date among time, arrival, room, case number and length."""
    rng = c.rng
    rows: list[tuple[str, str]] = []
    if c.retro and rng.random() < 0.6:
        rows.append(("Request type", rng.choice(("Retro authorization (procedure performed)", "Retro review"))))
    if c.reschedule:
        rows.append((rng.choice(("Originally scheduled", "Original DOS", "Previous date")),
                     f"{c.f(c.dates['orig'])} (rescheduled)"))
    if with_s:
        separate_time = rng.random() < 0.5
        rows.append((_s_label(c), _s_value(c, not separate_time)))
        if separate_time and not c.retro:
            rows.append((rng.choice(("Time", "Start time", "OR time", "Case start")), c.time))
    if not c.retro and not c.tbd and rng.random() < 0.6:
        rows.append((rng.choice(("Arrival", "Arrival time", "Check-in")), c.arrival))
    if c.side and rng.random() < 0.5:
        rows.append((rng.choice(("Laterality", "Side", "Operative side")), _side_text(c)))
    rows.append((rng.choice(("OR / Room", "Room", "OR #", "Location / Room")), c.room))
    rows.append((rng.choice(("Case #", "Booking #", "Surgical Case ID", "Scheduling #")), c.case_no))
    lo, hi = c.pkg.duration
    rows.append((rng.choice(("Est. duration", "Length of case", "Time requested")),
                 f"{rng.randrange(lo, hi + 1, 5)} min"))
    if c.facility_kind != "Office":
        rows.append((rng.choice(("Admission type", "Status", "Patient class")),
                     rng.choice(("Outpatient / same day", "Outpatient", "23-hr observation", "Ambulatory"))))
    rows.append((rng.choice(("Anesthesia", "Anesthesia type")), c.anes_type))
    return rows


def _tbd_rows(c: _Ctx) -> list[tuple[str, str]]:
    """The date to be set once authorized: the requested window's start is the service date."""
    f, d, rng = c.f, c.dates, c.rng
    label = rng.choice(("Date of Surgery", "Surgery Date", "DOS", "Procedure Date", "Sched. Date"))
    rows = [(label, rng.choice(("TBD", "TBD - pending authorization", "To be scheduled", "Pending auth")))]
    rows.append((rng.choice(("Requested window", "Requested date range", "Schedule between", "Window")),
                 f"{f(d['s'])} - {f(d['window_end'])}"))
    return rows


def _code_table(c: _Ctx, with_date: bool, pointers: bool) -> Table:
    """The requested codes: CPT lines, the anaesthesia line when it is coded, HCPCS lines; a DOS column when the
    service date goes here (a series prints its first date)."""
    rng, f = c.rng, c.f
    lines = _all_lines(c)
    heads = rng.choice((("CPT / HCPCS", "Mod", "Description", "Units"),
                        ("Procedure Code", "Modifier(s)", "Procedure Description", "Qty"),
                        ("Code", "Mod", "Description", "Units")))
    if pointers:
        heads = (*heads, "Dx Ptr")
    if with_date:
        heads = (rng.choice(_S_TABLE), *heads)
    letters = "ABCD"[: len(c.dx)]
    rows = []
    for ln in lines:
        code = ("+" if ln.addon and rng.random() < 0.5 else "") + ln.code
        desc = ln.desc if not ln.catalog or rng.random() < 0.5 else f"{ln.desc} ({ln.catalog})"
        row = [code, ", ".join(ln.mods) if ln.mods else "", desc, str(ln.units)]
        if pointers:
            row.append(letters if ln.kind != "anes" else letters[:1])
        if with_date:
            row.insert(0, f(c.dates["s"]))
        rows.append(tuple(row))
    widths = (1.0, 0.7, 3.6, 0.6) + ((0.7,) if pointers else ())
    if with_date:
        widths = (1.55 if len(f(c.dates["s"])) > 11 else 1.1, *widths)
    heading = rng.choice(("Procedure(s) Requested", "PROCEDURES / CODES", "Requested Services", "CPT / HCPCS"))
    return Table(heads, tuple(rows), widths=widths, heading=heading)


def _dx_blocks(c: _Ctx, pointers: bool = False) -> list[Block]:
    rng = c.rng
    how = 0 if pointers else rng.randrange(3)
    if how == 0:
        head = rng.choice((("Ptr", "ICD-10-CM", "Diagnosis"), ("", "ICD-10", "Description")))
        rows = tuple(("ABCD"[i], c.dx_code(code), desc) for i, (code, desc) in enumerate(c.dx))
        out: list[Block] = [Table(head, rows, widths=(0.5, 1.2, 4.6),
                                  heading=rng.choice(("Diagnosis Codes", "DIAGNOSES (ICD-10-CM)", "Diagnosis")))]
    elif how == 1:
        lines = [f"{'Primary' if i == 0 else 'Secondary'} Dx: {c.dx_code(code)} - {desc}"
                 for i, (code, desc) in enumerate(c.dx)]
        out = [Text(rng.choice(("Diagnoses", "Diagnosis (ICD-10)", "DIAGNOSIS")), bold=True), Text("\n".join(lines))]
    else:
        rows = [("Primary ICD-10", f"{c.dx_code(c.dx[0][0])} {c.dx[0][1]}")]
        if len(c.dx) > 1:
            rows.append(("Secondary ICD-10", ", ".join(c.dx_code(code) for code, _ in c.dx[1:])))
        out = [kv(rows, "Diagnosis", cols=1)]
    if c.comorbid_words:
        out.append(Text(f"Comorbidities: {c.comorbid_words}.", size=8.5))
    return out


def _supplies_table(c: _Ctx) -> Table:
    rng = c.rng
    rows = []
    for ln in c.supplies:
        maker = rng.choice(_MAKERS) if ln.catalog else "-"
        ref = ln.catalog or (f"Lot {rng.randint(100000, 999999)}" if ln.code.startswith("J") else "-")
        rows.append((ln.code, ln.desc, f"{maker} {ref}".strip(" -") or "-", str(ln.units)))
    return Table(("HCPCS", "Item / Drug", "Manufacturer / Ref", "Qty"), tuple(rows), widths=(0.9, 3.0, 2.2, 0.6),
                 heading=rng.choice(("Implants / Supplies / Drugs", "IMPLANTS & SUPPLIES", "Billable supplies")))


def _codes_prose(c: _Ctx) -> str:
    """The codes in a sentence or a comma list: `CPT 29881-RT and 29876-59-RT`, `HCPCS L1833 x1`."""
    rng = c.rng
    coded = [ln.coded(rng.random() < 0.4) if rng.random() < 0.7 else ln.spaced() for ln in c.procs]
    joiner = rng.choice((" and ", ", ", " & "))
    cpt = coded[0] if len(coded) == 1 else ", ".join(coded[:-1]) + joiner + coded[-1]
    parts = [rng.choice((f"CPT {cpt}", f"CPT code(s): {cpt}", f"Procedure codes {cpt}"))]
    if c.anes:
        parts.append(rng.choice((f"anesthesia {c.anes.code}", f"anesthesia CPT {c.anes.code} ({c.anes_type})")))
    if c.supplies:
        items = ", ".join(f"{ln.code} x{ln.units}" if ln.units > 1 else ln.code for ln in c.supplies)
        parts.append(rng.choice((f"HCPCS {items}", f"supplies/drugs {items}")))
    return "; ".join(parts)


def _history(c: _Ctx) -> str:
    """Clinical history with its own dates (all distractors)."""
    rng, f, d, pkg = c.rng, c.f, c.dates, c.pkg
    side = c.side_word
    primary = c.dx[0][1].lower()
    parts = []
    if pkg.injury and rng.random() < 0.7:
        how = rng.choice(("twisting injury at work", "fall on ice", "lifting injury", "sports injury"))
        parts.append(rng.choice((f"Injured {f(d['injury'])} ({how}).", f"Date of injury: {f(d['injury'])}.")))
    else:
        parts.append(rng.choice((f"Symptoms since {f(d['onset'])}.", f"Onset {f(d['onset'])}; {primary}.",
                                 f"Patient reports {primary} since {f(d['onset'])}.")))
    if pkg.imaging:
        finding = rng.choice(pkg.findings) if pkg.findings else "see report"
        img = pkg.imaging.replace("{side}", side).replace("  ", " ").strip()
        parts.append(rng.choice((f"{img[0].upper()}{img[1:]} ({f(d['imaging'])}): {finding}.",
                                 f"{img[0].upper()}{img[1:]} done {f(d['imaging'])} showed {finding}.")))
    if pkg.conservative:
        tried = rng.sample(pkg.conservative, min(len(pkg.conservative), rng.randint(2, 3)))
        if "physical therapy" in tried and rng.random() < 0.7:
            tried.remove("physical therapy")
            parts.append(f"Physical therapy {f(d['pt_start'])} - {f(d['pt_end'])} "
                         f"({rng.randint(6, 18)} visits) without lasting relief.")
        if tried:
            parts.append(f"Failed conservative care: {', '.join(tried)}.")
        if any("injection" in t for t in pkg.conservative) and rng.random() < 0.5:
            parts.append(f"Last injection {f(d['last_inj'])}.")
    if pkg.key == "breast":
        parts.append(f"Core biopsy {f(d['diagnosis'])}: invasive ductal carcinoma, ER positive.")
    if rng.random() < 0.35:
        prior = {"ortho": "contralateral arthroscopy", "spine": "appendectomy", "eye": "LASIK both eyes",
                 "gi": "cholecystectomy", "cardio": "hernia repair"}.get(pkg.line, "cholecystectomy")
        parts.append(f"Prior surgery: {prior} ({f(d['prior_surgery'])}).")
    parts.append(f"Seen in clinic {f(d['visit'])}; {_words(c)} recommended.")
    return " ".join(parts)


def _preop_rows(c: _Ctx) -> list[tuple[str, str]]:
    """The dates around the procedure (distractors): pre-op visit / H&P, testing, clearance, follow-up; an office
    procedure has a last visit and a follow-up visit instead."""
    rng, f, d = c.rng, c.f, c.dates
    # With the date still TBD only relative times can be given for what follows the procedure.
    post = rng.choice(("2 weeks after procedure", "10-14 days post-op", "TBD")) if c.tbd else f(d["postop"])
    if c.facility_kind == "Office":
        return [(rng.choice(("Last office visit", "Consult date", "Last seen")), f(d["visit"])),
                (rng.choice(("Follow-up visit", "Return visit", "Next follow-up")), post)]
    if c.tbd:
        hp = rng.choice((f"last seen {f(d['visit'])}; update within 30 days of surgery", "within 30 days of surgery"))
        return [(rng.choice(("Pre-op H&P", "H&P")), hp), (rng.choice(("Post-op visit", "Post-op follow-up")), post)]
    rows = [(rng.choice(("Pre-op H&P", "H&P date", "Pre-op visit")), f(d["hp"]))]
    if c.facility_kind != "Office" and rng.random() < 0.7:
        rows.append((rng.choice(("PAT (pre-admission testing)", "Pre-admission testing", "PAT / labs / EKG")),
                     f(d["pat"])))
    if rng.random() < 0.4:
        rows.append(("Medical clearance", rng.choice(("PCP - pending", "Cardiology - received", "not required",
                                                     "PCP - received"))))
    rows.append((rng.choice(("Post-op visit", "Post-op follow-up", "1st post-op appt")), post))
    return rows


def _series_table(c: _Ctx) -> Table:
    """A staged series: the first session is the service date, the later ones distractors."""
    rng, f = c.rng, c.f
    label = c.pkg.session
    main = c.procs[0]
    code = main.coded(False)
    rows = []
    for i, day in enumerate(c.series, 1):
        note = rng.choice(("scheduled", "requested", "tentative")) if i > 1 else (
            "performed" if c.retro else rng.choice(("scheduled", "booked", "requested")))
        rows.append((f"{label} #{i}", f(day), code, note))
    heads = ("Session", rng.choice(("Date", "Sched. Date", "Requested date", "Planned date")), "CPT", "Status")
    heading = rng.choice((f"Staged {label.lower()}s - requested series", f"{label} schedule", "Series requested"))
    return Table(heads, tuple(rows), widths=(1.3, 1.4, 1.4, 1.6), heading=heading)


def _prose_s(c: _Ctx, who: str = "") -> str:
    """The service date in a sentence (letter or comment); `who` names the patient (a pronoun after a first
    mention)."""
    rng, d = c.rng, c.dates
    s = d["s"]
    day = rng.choice((_ordinal(s), _ordinal(s), c.f(s), f"{s:%B} {s.day}, {s.year}"))
    who = who or _honorific(c)
    what = _words(c)
    where = c.facility
    if c.retro:
        return rng.choice((f"{who} underwent {what} at {where} on {day}.",
                           f"The procedure ({what}) was performed on {day} at {where}."))
    if c.pkg.series:
        return rng.choice((f"{who} is scheduled to begin {what} on {day}; {len(c.series)} sessions are requested.",
                           f"The first {c.pkg.session.lower()} is scheduled for {day} at {where}."))
    return rng.choice((f"{who} is scheduled to undergo {what} on {day} at {where}.",
                       f"We have scheduled {what} for {day} at {where}.",
                       f"Surgery is booked for {day} ({where}).",
                       f"{who} is scheduled for {what} at {where} on {day} at {c.time}."))


def _honorific(c: _Ctx) -> str:
    """`Ms. Last`, `Mr. Last` or the full name (drawn once per document)."""
    if "who" not in c.memo:
        title = "Ms." if c.case.sex == "F" else "Mr."
        c.memo["who"] = c.rng.choice((f"{title} {c.case.last}", f"{title} {c.case.last}", c.case.full_name))
    return c.memo["who"]


def _pronoun(c: _Ctx) -> str:
    return c.rng.choice(("She" if c.case.sex == "F" else "He", "The patient"))


def _sign_line(c: _Ctx) -> str:
    rng, rq, f = c.rng, c.case.requesting, c.f
    return rng.choice((f"Surgeon signature: {rq.name}    Date: {f(c.dates['signed'])}",
                       f"Requested by: {c.scheduler} for {rq.name}    Date of request: {f(c.dates['signed'])}",
                       f"Signed: {rq.name} (electronically)  {f(c.dates['signed'])}"))


def _running_header(c: _Ctx) -> Text:
    who = c.name or f"{c.case.last.upper()}, {c.case.first.upper()}"
    return Text(c.rng.choice((f"Patient: {who}   {c.dob_label}: {c.dob}   - page 2",
                              f"{who} | {c.dob_label} {c.dob} | {c.member_label} {c.case.policy_printed} | cont.")),
                size=8)


def _reference_rows(c: _Ctx) -> list[tuple[str, str]]:
    rng = c.rng
    if c.reschedule:
        return [(rng.choice(("Existing Auth #", "Auth/Ref # on file", "Reference #")), c.case.reference_id)]
    if rng.random() < 0.35:
        return [(rng.choice(("Auth #", "Precert #", "Authorization #")),
                 rng.choice(("pending", "________", "(plan use)")))]
    return []


# --- the four layouts -------------------------------------------------------------------------------------------
def _title(c: _Ctx) -> str:
    by_line = {
        "spine": ("INTERVENTIONAL PAIN PROCEDURE AUTHORIZATION REQUEST", "Pain Management Procedure Request"),
        "gi": ("ENDOSCOPY SCHEDULING & PRECERTIFICATION FORM",),
        "ortho": ("Orthopaedic Surgery Precertification Request",),
        "eye": ("Ophthalmic Surgery / Injection Authorization Request",),
        "cardio": ("Cardiac Catheterization Lab - Procedure Precertification",),
    }
    common = ("OUTPATIENT SURGERY PRECERTIFICATION REQUEST", "Surgery Scheduling / Precertification Worksheet",
              "SURGICAL PRIOR AUTHORIZATION REQUEST", "Procedure Authorization Request",
              "Request for Precertification - Outpatient Surgery / Procedure")
    return c.rng.choice(common + by_line.get(c.pkg.line, ()))


def _dates_line(c: _Ctx, pre: list[tuple[str, str]]) -> list[Block]:
    """A line of several `label: value` dates with the service date among them (pre-op before, follow-up after)."""
    rng, f, d = c.rng, c.f, c.dates
    pairs = [*pre[:-1], (_s_label(c), f(d["s"])), pre[-1]]
    if c.facility_kind != "Office" and rng.random() < 0.5:
        pairs.insert(0, (rng.choice(("Last office visit", "Consult date")), f(d["visit"])))
    return [Text(rng.choice(("Key dates", "DATES", "Dates")), bold=True),
            Text("    ".join(f"{label}: {value}" for label, value in pairs))]


def _assemble(c: _Ctx, front: list[Block], clinical: list[Block], codes: list[Block], end: list[Block],
              split: bool) -> list[Block]:
    """One page or two: when split, the clinical part stays on page 1 and the codes go to page 2 under a running
    header (as multi-page forms are filled in)."""
    if split:
        return [*front, *clinical, PageBreak(), _running_header(c), *codes, *end]
    return [*front, *codes, *clinical, *end]


def _placement(c: _Ctx, options: tuple[str, ...]) -> str:
    """Where the service date goes; TBD (a requested window) and a staged series when they make sense."""
    d = c.dates
    extra = (("tbd",) if not c.retro and not c.reschedule and (d["s"] - d["signed"]).days > 6 else ()) + (
        ("series",) if c.pkg.series else ())
    chosen = c.rng.choice(options + extra)
    c.tbd = chosen == "tbd"
    return chosen


def _worksheet(c: _Ctx) -> tuple[list[Block], Style, str]:
    """An ASC / hospital surgery scheduling and precertification worksheet: boxed or stacked fields."""
    rng, case, f, d = c.rng, c.case, c.f, c.dates
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    style = Style(font, 8 if font == "dejavu_sans" else 8.5, rng.choice(("boxed", "boxed", "stacked")))
    placement = _placement(c, ("sched", "sched", "table", "line"))
    head = c.facility if not c.facility_same else c.practice
    front: list[Block] = []
    if rng.random() < 0.4:
        sub = f"Surgery Scheduling - fax {fictional_phone(rng)} - phone {fictional_phone(rng)} {c.extension}"
        front += [Banner(head.upper() if len(head) < 40 else head, sub), Title(_title(c), 11.5)]
    else:
        front += [Text(head, bold=True, size=10.5), Title(_title(c), 11.5, rng.choice(("center", "left"))),
                  Text(f"Precert fax to {case.plan}: {case.plan_fax}   Scheduling: {fictional_phone(rng)} "
                       f"{c.extension}", size=7.5)]
    front += _urgency(c)
    sched = _schedule_rows(c, placement == "sched")
    if placement == "tbd":
        sched = _tbd_rows(c) + sched
    sched += _reference_rows(c)
    front.append(kv(sched, rng.choice(("Scheduling", "SURGERY SCHEDULING", "Case Information")), cols=3))
    id_rows, keys = _identity_rows(c)
    front.append(kv(id_rows + _insurance_rows(c)[:2],
                     rng.choice(("Patient / Insurance", "PATIENT", "Patient Information")), cols=3, keys=keys))
    front.append(kv(_surgeon_rows(c) + _assistant_rows(c),
                     rng.choice(("Surgeon", "SURGEON / PROVIDER", "Performing Provider")), cols=3))
    front.append(kv(_facility_rows(c), rng.choice(("Facility", "PLACE OF SERVICE", "Facility Information")),
                     cols=3))
    codes: list[Block] = [_code_table(c, placement == "table", pointers=rng.random() < 0.4)
                          if rng.random() < 0.85 or placement == "table" else Text(_codes_prose(c))]
    if placement == "series":
        codes.append(_series_table(c))
    codes += _dx_blocks(c)
    if c.supplies and rng.random() < 0.5:
        codes.append(_supplies_table(c))
    pre = _preop_rows(c)
    clinical: list[Block] = []
    if placement == "line":
        clinical += _dates_line(c, pre)
    else:
        clinical.append(kv(pre, rng.choice(("Pre-op / Post-op", "PRE-OPERATIVE", "Other dates")), cols=2))
    clinical += [Text(rng.choice(("Clinical summary", "Clinical information / indication", "Indication")), bold=True),
                 Text(_history(c), size=8)]
    end: list[Block] = [Gap(4), Rule(), Text(_sign_line(c), size=8.5)]
    if rng.random() < 0.4:
        end.append(Text(f"Date faxed: {f(d['faxed'])}", size=7.5))
    blocks = _assemble(c, front, clinical, codes, end, rng.random() < 0.4)
    footer = rng.choice(("SCHED-PRECERT rev 03/2026   Page {page} of {pages}", "Page {page} of {pages}",
                         "Surgery scheduling worksheet - {page}/{pages}", ""))
    return blocks, style, footer


def _office_request(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A surgeon's office procedure authorization request: two-column `label: value`, codes in prose or a list."""
    rng, case, rq = c.rng, c.case, c.case.requesting
    font = rng.choice(("helvetica", "times", "liberation_serif", "liberation_sans"))
    style = Style(font, 9 if font in ("times", "liberation_serif") else 8.5, rng.choice(("inline", "underline")))
    placement = _placement(c, ("sched", "line", "prose"))
    front: list[Block] = [
        Text(c.practice, bold=True, size=12),
        Text(f"{c.practice_addr}  |  Tel {rq.phone}  |  Fax {rq.fax}", size=7.5),
        Rule(),
        Title(_title(c), 12, rng.choice(("center", "left"))),
        Text(f"To: {case.plan} - Utilization Management / Precertification   Fax: {case.plan_fax}", size=8.5),
    ]
    front += _urgency(c)
    id_rows, keys = _identity_rows(c)
    if c.name:
        front.append(kv(id_rows[:1], rng.choice(("Patient", "Member Information", "PATIENT")), cols=1))
        front.append(kv(id_rows[1:], cols=2, keys=keys[1:]))
    else:
        front.append(kv(id_rows, rng.choice(("Patient", "Member Information", "PATIENT")), cols=2, keys=keys))
    front.append(kv(_insurance_rows(c) + _reference_rows(c), cols=2))
    front.append(kv(_surgeon_rows(c) + _assistant_rows(c), rng.choice(("Surgeon", "Requesting Provider")), cols=2))
    front.append(kv(_facility_rows(c), rng.choice(("Facility / Place of Service", "Where")), cols=2))
    rows = _schedule_rows(c, placement == "sched")
    if placement == "tbd":
        rows = _tbd_rows(c) + rows
    front.append(kv(rows, rng.choice(("Scheduling", "Surgery Date / Scheduling", "Case details")), cols=2))
    words = _words(c)
    codes: list[Block] = [Text(rng.choice(("Requested procedure(s)", "Procedure requested", "PROCEDURE")), bold=True),
                          Text(f"{words[0].upper()}{words[1:]}. {_codes_prose(c)}.")]
    if placement == "series":
        codes.append(_series_table(c))
    if c.supplies and rng.random() < 0.35:
        codes.append(_supplies_table(c))
    codes += _dx_blocks(c)
    pre = _preop_rows(c)
    clinical: list[Block] = _dates_line(c, pre) if placement == "line" else [kv(pre, cols=2)]
    history = _history(c)
    if placement == "prose":
        history += " " + _prose_s(c)
    clinical += [Text(rng.choice(("Clinical history", "History / medical necessity", "Clinical Information")),
                      bold=True), Text(history)]
    blocks = _assemble(c, front, clinical, codes, [Gap(4), Text(_sign_line(c))], rng.random() < 0.4)
    footer = rng.choice(("Page {page} of {pages}", f"{c.practice} - confidential", ""))
    return blocks, style, footer


def _table_request(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A plan-style outpatient procedure PA request: boxed member and provider grids, a service table with a date
    column and diagnosis pointers."""
    rng, case = c.rng, c.case
    font = rng.choice(("helvetica", "dejavu_sans", "liberation_sans"))
    style = Style(font, 8 if font == "dejavu_sans" else 8.5, rng.choice(("boxed", "boxed", "inline")))
    placement = _placement(c, ("table", "table", "sched"))
    cols = 3 if style.kv == "boxed" else 2
    front: list[Block] = []
    title = rng.choice(("OUTPATIENT SURGERY / PROCEDURE PRIOR AUTHORIZATION REQUEST",
                        "Outpatient Procedure Precertification Request", "SURGICAL SERVICES AUTHORIZATION REQUEST"))
    if rng.random() < 0.5:
        front += [Banner(case.plan, f"Utilization Management - Fax {case.plan_fax} - Phone {case.plan_phone}"),
                  Title(title, 12)]
    else:
        front += [Title(title, 12), Text(f"{case.plan}  |  UM fax {case.plan_fax}  |  phone {case.plan_phone}",
                                         size=8)]
    front += _urgency(c)
    refs = _reference_rows(c)
    if refs:
        front.append(kv(refs, cols=2))
    id_rows, keys = _identity_rows(c)
    front.append(kv(id_rows, rng.choice(("Member Information", "SECTION 1 - MEMBER", "Patient")), cols=cols,
                     keys=keys))
    front.append(kv(_surgeon_rows(c) + _assistant_rows(c),
                     rng.choice(("Requesting / Performing Provider", "SECTION 2 - PROVIDER")), cols=cols))
    front.append(kv(_facility_rows(c), rng.choice(("Servicing Facility", "SECTION 3 - FACILITY")), cols=cols))
    codes: list[Block] = []
    if placement in ("sched", "tbd"):
        rows = _schedule_rows(c, placement == "sched")
        if placement == "tbd":
            rows = _tbd_rows(c) + rows
        codes.append(kv(rows, rng.choice(("Scheduling", "SECTION 4 - DATE / SETTING")), cols=cols))
    codes.append(_code_table(c, placement == "table", pointers=True))
    if placement == "series":
        codes.append(_series_table(c))
    codes += _dx_blocks(c, pointers=True)
    if c.supplies and rng.random() < 0.3:
        codes.append(_supplies_table(c))
    clinical: list[Block] = [
        kv(_preop_rows(c), "Other dates", cols=cols),
        Text(rng.choice(("Clinical information (attach notes)", "Medical necessity")), bold=True),
        Text(_history(c), size=8),
    ]
    end: list[Block] = [Gap(4), Text("I attest that the information above is accurate and supported by the medical "
                                     "record.", size=7.5), Text(_sign_line(c), size=8.5)]
    blocks = _assemble(c, front, clinical, codes, end, rng.random() < 0.35)
    footer = rng.choice(("Form OP-SURG-1 (rev. 01/2026)   Page {page} of {pages}", "Page {page} of {pages}", ""))
    return blocks, style, footer


def _letter(c: _Ctx) -> tuple[list[Block], Style, str]:
    """A short cover letter in prose, sometimes followed by the scheduling sheet."""
    rng, case, f, d, rq = c.rng, c.case, c.f, c.dates, c.case.requesting
    font = rng.choice(("times", "liberation_serif", "dejavu_serif"))
    style = Style(font, 9.5 if font != "dejavu_serif" else 9, rng.choice(("inline", "inline", "boxed")))
    sheet = rng.random() < 0.55
    placement = _placement(c, ("prose", "prose") + (("sheet",) if sheet else ()))
    blocks: list[Block] = [
        Text(c.practice, bold=True, size=13),
        Text(f"{c.practice_addr}\nTel {rq.phone}   Fax {rq.fax}", size=8),
        Rule(),
        Text(f(d["signed"])),
        Text(f"{case.plan}\nUtilization Management - Surgical Precertification\nVia fax: {case.plan_fax}"),
    ]
    id_rows, keys = _identity_rows(c, group=rng.random() < 0.5)
    subject = rng.choice(("Precertification request", "Request for prior authorization - outpatient surgery",
                          "Procedure authorization"))
    re_rows = [("RE", subject), *id_rows]
    if c.reschedule:
        re_rows.append((rng.choice(("Existing Auth #", "Ref #")), case.reference_id))
    blocks.append(kv(re_rows, cols=1, keys=(None, *keys)))
    blocks += _urgency(c)
    who = _honorific(c)
    opening = rng.choice(("To whom it may concern:", "Dear Precertification Team:", "Dear Reviewer:"))
    body = [opening]
    intro = (f"I am requesting authorization for {_words(c)} for my patient, {who}. "
             if placement != "prose" else f"I am requesting prior authorization for my patient, {who}. ")
    if placement == "prose":
        intro += _prose_s(c, _pronoun(c))
    elif placement == "tbd":
        intro += rng.choice((f"Surgery will be scheduled once authorized; we request a window of {f(d['s'])} - "
                             f"{f(d['window_end'])}.",
                             f"The date is TBD; please authorize for the window {f(d['s'])} - {f(d['window_end'])}."))
    elif placement == "series":
        intro += f"The series of {len(c.series)} {c.pkg.session.lower()}s is scheduled as below."
    else:
        intro += rng.choice((f"{_pronoun(c)} is booked for {_no_year(d['s'])} (see the attached scheduling sheet).",
                             f"Surgery is set for {_no_year(d['s'])}; details are on the attached sheet.",
                             "The scheduling details are on the attached sheet."))
    if c.reschedule:
        intro += (f" The procedure was originally scheduled for {f(d['orig'])} under authorization "
                  f"{case.reference_id}; please update the date of service.")
    body.append(intro)
    body.append(_history(c))
    body.append(rng.choice(("The requested codes are ", "We are requesting ")) + _codes_prose(c) + ".")
    dx = ", ".join(f"{c.dx_code(code)} ({desc.lower()})" for code, desc in c.dx)
    body.append(f"Diagnosis: {dx}." + (f" Comorbidities include {c.comorbid_words}." if c.comorbid_words else ""))
    pre = _preop_rows(c)
    if c.facility_kind == "Office":
        body.append(f"{pre[0][0]}: {pre[0][1]}. {pre[-1][0]}: {pre[-1][1]}.")
    else:
        body.append(rng.choice((f"Pre-operative evaluation is set for {pre[0][1]}; the first post-operative visit "
                                f"is planned for {pre[-1][1]}.",
                                f"{pre[0][0]}: {pre[0][1]}. {pre[-1][0]}: {pre[-1][1]}.")))
    place = f"The procedure will be performed at {c.facility}"
    if c.facility_npi:
        place += f" (NPI {c.facility_npi})"
    place += f", {c.facility_addr}."
    if c.assistant:
        place += f" {c.assistant[0]} will assist" + (f" (NPI {c.assistant[1]})." if c.assistant[1] else ".")
    body.append(place)
    body.append(f"Please contact {c.scheduler.split(',')[0]} at {rq.phone} {c.extension} with any questions.")
    blocks += [Text(p) for p in body]
    if placement == "series":
        blocks.append(_series_table(c))
    blocks.append(Text(f"Sincerely,\n\n{rq.name}\n{_SPECIALTY[c.pkg.line]}  |  NPI {rq.npi}"
                       + (f"  |  TIN {c.tin}" if rng.random() < 0.5 else "")
                       + (f"  |  DEA {c.dea}" if rng.random() < 0.3 else "")))
    if sheet:
        sheet_title = ("PROCEDURE SCHEDULING SHEET", "Scheduling Sheet") if c.facility_kind == "Office" else (
            "SURGERY SCHEDULING SHEET", "Scheduling / Booking Sheet")
        blocks += [PageBreak(), Title(rng.choice(sheet_title), 12),
                   _running_header(c)]
        # The sheet carries the date (or the TBD window) whatever the letter says of it.
        rows = _schedule_rows(c, placement != "tbd")
        blocks.append(kv(_tbd_rows(c) + rows if placement == "tbd" else rows, "Scheduling", cols=2))
        blocks.append(kv(_facility_rows(c), "Facility", cols=2))
        blocks.append(_code_table(c, False, pointers=False))
        if c.supplies and rng.random() < 0.5:
            blocks.append(_supplies_table(c))
        blocks.append(kv(_preop_rows(c), "Pre-op / Post-op", cols=2))
    footer = rng.choice(("", "Page {page} of {pages}", f"{c.practice} - confidential"))
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
    forms = (c.f(s), _ordinal(s), f"{s:%B} {s.day}, {s.year}")
    if not any(form in flat for form in forms):
        missing.append(f"service date {s}")
    if missing:
        raise AssertionError(f"{FAMILY}: not printed: {missing}")


def surgery_precert_request(case: Case, rng: Random) -> Doc:
    """An outpatient surgery / procedure precertification request (worksheet, office request, plan form or
    letter)."""
    c = _context(case, rng)
    layout = rng.choice(("worksheet", "worksheet", "office", "table", "letter"))
    blocks, style, footer = {"worksheet": _worksheet, "office": _office_request, "table": _table_request,
                             "letter": _letter}[layout](c)
    codes = _all_lines(c)
    truth = Truth(reference_id=case.reference_id if c.reschedule else None, policy_id=case.policy_id, dob=case.dob,
                  patient_name=(case.first, case.last), npi=list(c.npis),
                  cpt=list(dict.fromkeys(ln.code for ln in codes if ln.kind != "hcpcs")),
                  hcpcs=list(dict.fromkeys(ln.code for ln in codes if ln.kind == "hcpcs")),
                  icd10=[code for code, _ in c.dx], service_date=case.service_date, urgent=case.urgent)
    contains = [case.policy_printed, c.dob, c.name_shown, case.requesting.npi]
    if c.reschedule:
        contains.append(case.reference_id)
    doc = Doc(FAMILY, "pa_request_form", style, blocks, truth, contains, footer=footer,
              title="Outpatient surgery / procedure precertification request")
    _check_printed(doc, c)
    return doc
