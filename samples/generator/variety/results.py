"""Imaging reports and laboratory reports in many shapes: modality, section names and order, tables or lines."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.variety.common import (
    bullets,
    continuation_header,
    date,
    diagnoses_text,
    heading,
    identity_pairs,
    labelled,
    pick,
    some,
)

# (modality words, study names, technique lines, findings sentences); all our own wording.
_STUDIES = {
    "mr": (
        ("MRI", "MR", "Magnetic resonance imaging"),
        (
            "MRI CERVICAL SPINE W/O CONTRAST",
            "MR LEFT SHOULDER WITHOUT IV CONTRAST",
            "MRI PELVIS W/WO CONTRAST",
            "MR ANKLE RIGHT",
            "MRI THORACIC SPINE",
            "MR BRAIN STROKE PROTOCOL",
            "MRI hip arthrogram, left",
            "MR ORBITS W AND W/O GADOLINIUM",
            "MRI WRIST LEFT NON-CONTRAST",
        ),
        (
            "Multiplanar multisequence images were obtained on a 1.5 Tesla magnet.",
            "Sagittal STIR, axial and coronal T1/T2 sequences; no intravenous gadolinium.",
            "3T imaging with fat-suppressed proton density sequences in three planes.",
            "Pre- and post-contrast images following 7 mL gadobutrol IV.",
        ),
        (
            "Partial-thickness articular surface tear of the supraspinatus tendon.",
            "C5-C6 disc osteophyte complex with moderate left neural foraminal stenosis.",
            "Bone marrow edema in the medial femoral condyle without discrete fracture line.",
            "No restricted diffusion to suggest acute ischemia.",
            "Mild tenosynovitis of the peroneal tendons; anterior talofibular ligament thickened.",
            "Labral fraying at the anterosuperior acetabulum without paralabral cyst.",
            "Spinal cord is normal in caliber and signal.",
            "Small joint effusion.",
            "No abnormal enhancing lesion identified.",
            "Degenerative facet arthropathy at multiple levels.",
        ),
    ),
    "ct": (
        ("CT", "CTA", "computed tomography", "CAT scan"),
        (
            "CT SINUS W/O CONTRAST",
            "CTA CHEST PE PROTOCOL",
            "CT LUMBAR SPINE WITHOUT CONTRAST",
            "CT ABD/PEL STONE PROTOCOL",
            "CT NECK SOFT TISSUE WITH CONTRAST",
            "CT CERVICAL SPINE TRAUMA",
            "CT RIGHT WRIST NONCONTRAST",
            "CTA HEAD AND NECK",
            "LOW-DOSE CT LUNG CANCER SCREENING",
        ),
        (
            "Axial images with sagittal and coronal reconstructions. Dose reduction technique used.",
            "Thin-section images after a timed bolus of 80 mL iohexol; MIP reconstructions.",
            "Noncontrast helical acquisition, 1.25 mm slices. CTDIvol 9.8 mGy, DLP 410 mGy-cm.",
            "Automated exposure control was used to lower radiation dose.",
        ),
        (
            "No filling defect in the main, lobar or segmental pulmonary arteries.",
            "Mucosal thickening of the bilateral maxillary sinuses with an air-fluid level on the right.",
            "A 3 mm obstructing calculus at the right ureterovesical junction with mild hydroureter.",
            "Compression deformity of the L1 vertebral body, age indeterminate, about 20% height loss.",
            "Scattered subcentimeter nodules, the largest 4 mm in the left lower lobe (series 3 image 88).",
            "No acute fracture or malalignment of the cervical spine.",
            "Vascular calcifications noted.",
            "Emphysematous changes in the upper lobes.",
            "No free air or fluid.",
        ),
    ),
    "xr": (
        ("X-ray", "radiograph", "radiographs", "XR", "plain film"),
        (
            "XR KNEE 3 VIEWS LEFT",
            "X-RAY LUMBAR SPINE 2-3 VIEWS",
            "RADIOGRAPH RIGHT SHOULDER 2 VIEWS",
            "XR FOOT COMPLETE MIN 3 VIEWS",
            "CHEST PA AND LATERAL",
            "XR PELVIS AP",
            "XR HAND 2 VIEWS",
            "Bilateral standing knee radiographs",
            "XR CERVICAL SPINE FLEXION/EXTENSION",
        ),
        (
            "Three views were obtained.",
            "Frontal and lateral projections.",
            "AP, lateral and oblique views.",
            "Weight-bearing views of both knees.",
        ),
        (
            "Moderate medial compartment joint space loss with osteophyte formation.",
            "No acute fracture. Alignment is anatomic.",
            "Heart size is normal. No focal consolidation.",
            "Multilevel degenerative disc disease, most pronounced at L5-S1.",
            "Soft tissue swelling over the lateral malleolus.",
            "Os acromiale incidentally noted.",
            "Postsurgical changes of prior ORIF without hardware complication.",
            "Mild dextroscoliosis of the lumbar spine.",
        ),
    ),
    "us": (
        ("ultrasound", "US", "sonogram", "sonography", "duplex Doppler"),
        (
            "US THYROID",
            "ULTRASOUND RENAL COMPLETE",
            "US PELVIS TRANSVAGINAL",
            "VENOUS DUPLEX LOWER EXTREMITY LEFT",
            "CAROTID DOPPLER BILATERAL",
            "US SCROTUM",
            "US SOFT TISSUE NECK",
            "Ultrasound right upper quadrant",
        ),
        (
            "Grayscale and color Doppler images were obtained.",
            "Real-time transabdominal scanning.",
            "Compression and spectral Doppler evaluation of the deep veins.",
        ),
        (
            "Right thyroid lobe nodule 1.4 x 1.1 x 0.9 cm, solid and hypoechoic, TI-RADS 4.",
            "Normal compressibility of the common femoral, femoral and popliteal veins; no deep venous thrombosis.",
            "Peak systolic velocity in the right internal carotid artery 142 cm/s, consistent with 50-69% stenosis.",
            "Both kidneys are normal in size and echotexture without hydronephrosis.",
            "Endometrial stripe measures 6 mm. Ovaries unremarkable.",
            "No sonographic Murphy sign.",
            "Simple cyst, no internal vascularity.",
        ),
    ),
    "mammo": (
        ("mammogram", "mammography", "tomosynthesis", "breast imaging"),
        (
            "SCREENING MAMMOGRAM BILATERAL WITH TOMOSYNTHESIS",
            "DIAGNOSTIC MAMMOGRAM LEFT",
            "BREAST ULTRASOUND RIGHT",
            "MAMMO DX BILAT",
        ),
        ("Standard CC and MLO views with 3D tomosynthesis.", "Spot compression views of the left breast."),
        (
            "The breasts are heterogeneously dense, which may obscure small masses.",
            "New 8 mm irregular mass at the left breast 2 o'clock position.",
            "No suspicious calcifications or architectural distortion.",
            "BI-RADS 4: suspicious abnormality; biopsy should be considered.",
            "BI-RADS 1: negative. Routine annual screening recommended.",
        ),
    ),
    "nuc": (
        ("nuclear medicine", "PET/CT", "bone scan", "DEXA", "scintigraphy"),
        (
            "NM WHOLE BODY BONE SCAN",
            "PET/CT SKULL BASE TO MID THIGH",
            "DEXA BONE DENSITY",
            "NM MYOCARDIAL PERFUSION SPECT",
            "NM HEPATOBILIARY SCAN",
        ),
        (
            "Images obtained 3 hours after IV administration of 22 mCi Tc-99m MDP.",
            "F-18 FDG 11.2 mCi IV; fasting glucose 96 mg/dL; uptake time 60 minutes.",
            "Dual-energy x-ray absorptiometry of the lumbar spine and left hip.",
        ),
        (
            "Focal increased uptake in the right sixth rib, likely post-traumatic.",
            "Hypermetabolic right hilar node, SUV max 7.4.",
            "Lumbar spine T-score -2.7, consistent with osteoporosis.",
            "Femoral neck T-score -1.8 (osteopenia).",
            "No scintigraphic evidence of inducible ischemia.",
        ),
    ),
}

_CENTER_WORDS = (
    ("Regional", "Valley", "Metro", "Northside", "Parkview", "Cedar", "Lakeland", "Harbor", "Mesa"),
    ("Radiology", "Imaging", "Diagnostic Imaging", "Imaging Associates", "MRI & CT", "Medical Imaging"),
)


def _center(rng: Random) -> str:
    return f"{pick(rng, _CENTER_WORDS[0])} {pick(rng, _CENTER_WORDS[1])}" + pick(
        rng, ("", " Center", ", LLC", " Dept.")
    )


def _reader(rng: Random) -> str:
    first = pick(rng, ("Arjun", "Beatriz", "Colm", "Dagny", "Emeka", "Fiona", "Goran", "Hyejin", "Ilse", "Jonah"))
    last = pick(rng, ("Ferreira", "Lindgren", "Achebe", "Moreau", "Szabo", "Whitcombe", "Iyer", "Castellan"))
    return f"{first} {last}, {pick(rng, ('MD', 'DO', 'MD, DABR'))}"


def imaging_report(case: Case, rng: Random) -> list[str]:
    """A radiology result: exam, indication, technique, comparison, findings, impression, reader; 1-2 pages."""
    kind = pick(rng, tuple(_STUDIES))
    words, studies, techniques, findings = _STUDIES[kind]
    exam = pick(rng, studies)
    exam_day = case.signature_date - dt.timedelta(days=rng.randint(1, 60))
    title = pick(
        rng,
        (
            "Radiology Report",
            "DIAGNOSTIC IMAGING",
            "Imaging Report",
            "FINAL REPORT",
            "Department of Radiology",
            "Radiology Consultation",
            f"{pick(rng, words)} REPORT",
            "Outpatient Imaging Result",
            "Report of Imaging Examination",
            "",
        ),
    )
    lines = [_center(rng)] if rng.random() < 0.7 else []
    lines += [title] if title else []
    pairs = identity_pairs(rng, case, mrn=0.6)
    pairs += [
        (pick(rng, ("Exam Date", "Date of Service", "Study Date", "DOS", "Performed")), date(rng, exam_day)),
        (pick(rng, ("Accession", "Acc #", "Order #", "Exam #")), f"{rng.randint(1000000, 99999999)}"),
    ]
    if rng.random() < 0.7:
        pairs.append(
            (
                pick(rng, ("Ordering Physician", "Referring", "Ordered by", "Requesting MD", "Referring Provider")),
                case.requesting.name,
            )
        )
    if rng.random() < 0.3:
        pairs.append(("Location", pick(rng, ("Outpatient", "OP Imaging", "ED", "Inpatient 4W"))))
    lines += labelled(rng, pairs)
    style = rng.randrange(4)
    inline = rng.random() < 0.5  # "FINDINGS: text" on one line, or the heading on its own line

    def section(label: str, body: list[str]) -> list[str]:
        h = heading(rng, label, style)
        if inline and len(body) == 1:
            return [f"{h.rstrip(':')}: {body[0]}"]
        return [h, *body]

    exam_label = pick(rng, ("Exam", "Examination", "Procedure", "Study", "Exam performed", "Type of exam"))
    history = pick(
        rng,
        (
            "History",
            "Indication",
            "Clinical history",
            "Reason for exam",
            "Clinical information",
            "Clinical indication",
            "Hx",
        ),
    )
    history_text = pick(
        rng,
        (
            diagnoses_text(case, rng),
            f"{pick(rng, ('Pain', 'Follow-up', 'Evaluate'))}. " + diagnoses_text(case, rng),
            "Pain and limited motion for several months.",
            "Rule out fracture.",
            "Abnormal finding on prior study; follow-up.",
        ),
    )
    chosen = some(rng, findings, 2, 5)
    parts = {
        "exam": section(exam_label, [exam]),
        "history": section(history, [history_text]),
        "technique": section(
            pick(rng, ("Technique", "Protocol", "Method", "Procedure details")), [pick(rng, techniques)]
        ),
        "comparison": section(
            pick(rng, ("Comparison", "Prior studies", "Comparisons", "Correlation")),
            [
                pick(
                    rng,
                    (
                        "None.",
                        "None available.",
                        f"{date(rng, exam_day - dt.timedelta(days=400))}.",
                        "Outside study, report only.",
                        "Prior exam from 2 years ago.",
                    ),
                )
            ],
        ),
        "findings": [
            heading(
                rng,
                pick(rng, ("Findings", "Report", "Observations", "Discussion", "Description", "Narrative", "Result")),
                style,
            ),
            *(bullets(rng, chosen) if rng.random() < 0.5 else [" ".join(chosen)]),
        ],
        "impression": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Impression",
                        "Conclusion",
                        "Summary",
                        "Interpretation",
                        "Opinion",
                        "Diagnostic impression",
                        "Final impression",
                    ),
                ),
                style,
            ),
            *bullets(
                rng,
                [
                    chosen[0],
                    pick(
                        rng,
                        (
                            "Otherwise unremarkable.",
                            "Recommend clinical correlation.",
                            "Follow-up study in 6-12 months is suggested.",
                            "No acute findings.",
                        ),
                    ),
                ],
            ),
        ],
    }
    if kind in ("ct", "nuc") and rng.random() < 0.5:
        parts["contrast"] = section(
            pick(rng, ("Contrast", "Radiopharmaceutical", "Dose")),
            [pick(rng, ("None.", "80 mL Omnipaque 350 IV.", "DLP 512 mGy-cm."))],
        )
    order = ["exam", "history", "technique", "comparison", "findings", "impression"]
    if rng.random() < 0.3:
        order.remove("exam")
        lines.insert(0, exam)
    if rng.random() < 0.3:
        order.remove("comparison")
    if rng.random() < 0.25:
        order[1], order[2] = order[2], order[1]
    if "contrast" in parts:
        order.insert(order.index("technique") + 1 if "technique" in order else 2, "contrast")
    body = [ln for key in order for ln in parts[key]]
    sign = pick(
        rng,
        (
            f"Electronically signed by {_reader(rng)} on {date(rng, exam_day)}",
            f"Dictated by: {_reader(rng)}  Transcribed: {date(rng, exam_day)}",
            f"Interpreting radiologist: {_reader(rng)}",
            f"Read by {_reader(rng)}, Diagnostic Radiology",
            f"{_reader(rng)}\nBoard certified radiologist",
            "*** Final ***",
            f"Reviewed and finalized by {_reader(rng)}",
        ),
    )
    tail = sign.split("\n")
    if rng.random() < 0.35:
        cut = body.index(parts["findings"][0])
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:] + tail)]
    return ["\n".join(lines + body + tail)]


# (test, unit, low, high, decimals) for result lines; panels group them.
_PANELS = {
    "Basic metabolic panel": (
        ("Sodium", "mmol/L", 136, 145, 0),
        ("Potassium", "mmol/L", 3.5, 5.1, 1),
        ("Chloride", "mmol/L", 98, 107, 0),
        ("CO2", "mmol/L", 22, 29, 0),
        ("BUN", "mg/dL", 7, 20, 0),
        ("Creatinine", "mg/dL", 0.6, 1.2, 2),
        ("Glucose, fasting", "mg/dL", 70, 99, 0),
        ("Calcium", "mg/dL", 8.6, 10.3, 1),
        ("eGFR", "mL/min/1.73m2", 60, 120, 0),
    ),
    "CBC with differential": (
        ("WBC", "x10^3/uL", 4.0, 11.0, 1),
        ("RBC", "x10^6/uL", 4.2, 5.9, 2),
        ("Hemoglobin", "g/dL", 12.0, 17.5, 1),
        ("Hematocrit", "%", 36, 52, 1),
        ("Platelets", "x10^3/uL", 150, 400, 0),
        ("Neutrophils", "%", 40, 75, 0),
        ("Lymphocytes", "%", 20, 45, 0),
        ("MCV", "fL", 80, 100, 0),
    ),
    "Hepatic function panel": (
        ("AST", "U/L", 10, 40, 0),
        ("ALT", "U/L", 7, 56, 0),
        ("Alkaline phosphatase", "U/L", 44, 147, 0),
        ("Total bilirubin", "mg/dL", 0.1, 1.2, 1),
        ("Albumin", "g/dL", 3.5, 5.0, 1),
        ("Total protein", "g/dL", 6.0, 8.3, 1),
    ),
    "Coagulation": (("Prothrombin time", "sec", 11.0, 13.5, 1), ("INR", "", 0.8, 1.1, 1), ("PTT", "sec", 25, 35, 0)),
    "Urinalysis": (
        ("Specific gravity", "", 1.005, 1.030, 3),
        ("pH", "", 5.0, 8.0, 1),
        ("Protein", "mg/dL", 0, 14, 0),
        ("Leukocyte esterase", "", 0, 0, 0),
        ("WBC, urine", "/hpf", 0, 5, 0),
        ("RBC, urine", "/hpf", 0, 2, 0),
    ),
    "Endocrine": (
        ("TSH", "uIU/mL", 0.45, 4.5, 2),
        ("Free T4", "ng/dL", 0.8, 1.8, 2),
        ("Hgb A1c", "%", 4.0, 5.6, 1),
        ("Insulin, fasting", "uIU/mL", 2.6, 24.9, 1),
        ("Cortisol AM", "ug/dL", 6.2, 19.4, 1),
    ),
    "Lipids": (
        ("Total cholesterol", "mg/dL", 100, 199, 0),
        ("Triglycerides", "mg/dL", 0, 149, 0),
        ("HDL", "mg/dL", 40, 90, 0),
        ("LDL calculated", "mg/dL", 0, 99, 0),
    ),
    "Inflammation": (
        ("ESR", "mm/hr", 0, 20, 0),
        ("C-reactive protein", "mg/L", 0, 8, 1),
        ("Rheumatoid factor", "IU/mL", 0, 14, 0),
        ("Anti-CCP", "U/mL", 0, 19, 0),
        ("Uric acid", "mg/dL", 3.4, 7.0, 1),
    ),
}
_SPECIMENS = ("Serum", "Whole blood EDTA", "Plasma", "Urine, clean catch", "Blood", "SST")


def _result(rng: Random, test: tuple[str, str, float, float, int]) -> tuple[str, str, str, str, str]:
    label, unit, low, high, dec = test
    span = (high - low) or 1
    value = rng.uniform(low - span * 0.4, high + span * 0.4)
    flag = "H" if value > high else "L" if value < low else ""
    if flag and rng.random() < 0.15:
        flag = flag * 2 if rng.random() < 0.5 else "A"
    shown = f"{value:.{dec}f}" if dec else f"{round(value)}"
    ref = pick(rng, (f"{low}-{high}", f"{low} - {high}", f"({low}-{high})"))
    if label == "Leukocyte esterase":
        shown, ref = pick(rng, ("Negative", "Trace", "1+")), "Negative"
        flag = "" if shown == "Negative" else "A"
    return label, shown, flag, unit, ref


def lab_report(case: Case, rng: Random) -> list[str]:
    """Results: specimen and timing labels, then result rows (table, lines, or cumulative columns); 1-2 pages."""
    collected = case.service_date - dt.timedelta(days=rng.randint(0, 20))
    lab = (
        f"{pick(rng, ('Tri-County', 'Westbrook', 'Pioneer', 'Capitol', 'Evergreen', 'Quarry Hill'))} "
        f"{pick(rng, ('Clinical Laboratory', 'Laboratories', 'Pathology Associates', 'Lab Services', 'Medical Lab'))}"
    )
    title = pick(
        rng,
        (
            "LABORATORY REPORT",
            "Lab Results",
            "Patient Report",
            "FINAL REPORT",
            "Cumulative Results",
            "Test Results",
            "CLINICAL PATHOLOGY",
            "Laboratory Results - Final",
            "Result Report",
        ),
    )
    lines = [lab, title] if rng.random() < 0.6 else [title, lab]
    pairs = identity_pairs(rng, case, mrn=0.5)
    pairs += [
        (
            pick(rng, ("Collected", "Collection Date", "Date Collected", "Specimen collected", "Drawn")),
            f"{date(rng, collected)} {rng.randint(6, 11):02d}:{rng.randint(0, 59):02d}",
        ),
        (pick(rng, ("Received", "Rec'd", "Date Received")), date(rng, collected)),
        (pick(rng, ("Reported", "Resulted", "Report Date", "Final")), date(rng, collected + dt.timedelta(days=1))),
    ]
    if rng.random() < 0.7:
        pairs.append(
            (pick(rng, ("Ordering Provider", "Ordering Physician", "Ordered By", "Physician")), case.requesting.name)
        )
    if rng.random() < 0.6:
        pairs.append((pick(rng, ("Specimen", "Specimen Type", "Source")), pick(rng, _SPECIMENS)))
    if rng.random() < 0.5:
        pairs.append(
            (
                pick(rng, ("Accession", "Lab #", "Specimen ID", "Req #")),
                f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}",
            )
        )
    if rng.random() < 0.4:
        pairs.append(("Fasting", pick(rng, ("Yes", "No", "Y", "N"))))
    lines += labelled(rng, pairs)
    panels = rng.sample(sorted(_PANELS), rng.randint(1, 3))
    layout = rng.randrange(4)
    header = pick(
        rng,
        (
            ("Test", "Result", "Flag", "Units", "Reference Range"),
            ("Component", "Value", "Flag", "Units", "Ref Range"),
            ("Analyte", "Result", "Abn", "Unit", "Reference Interval"),
            ("TEST NAME", "RESULT", "", "UNITS", "NORMAL RANGE"),
        ),
    )
    rows: list[str] = []
    for panel in panels:
        rows.append(panel.upper() if rng.random() < 0.5 else panel)
        if layout == 0 and header[0]:
            rows.append("  ".join(h for h in header if h))
        for test in some(rng, _PANELS[panel], 2, 8):
            label, shown, flag, unit, ref = _result(rng, test)
            if layout in (0, 1):
                rows.append("  ".join(x for x in (label, shown, flag, unit, ref) if x))
            elif layout == 2:
                rows.append(f"{label}: {shown} {unit} {('(' + flag + ')') if flag else ''} ref {ref}".rstrip())
            else:
                prior = _result(rng, test)[1]
                rows.append(f"{label}  {shown}{(' ' + flag) if flag else ''}  {prior}  {unit}  [{ref}]")
    if layout == 3:
        rows.insert(0, f"{pick(rng, ('Current', 'Latest'))} {date(rng, collected)}   Prior   Units   Range")
    if layout == 1:
        rows.insert(0, "  ".join(h for h in header if h))
    notes = some(
        rng,
        (
            "H = High, L = Low, A = Abnormal. Values outside the reference interval are flagged.",
            "Critical values were called to the ordering office and read back.",
            "Reference ranges are age and sex specific.",
            "Testing performed at the laboratory listed above. CLIA #: 00D0000000 (fictitious).",
            f"Medical director: {pick(rng, ('R. Okafor', 'L. Benedetti', 'S. Varga'))}, MD",
            "Specimen hemolyzed; potassium may be falsely elevated.",
            "This test was developed and its performance characteristics determined by the laboratory.",
            "Report status: FINAL",
        ),
        1,
        3,
    )
    if len(rows) > 14 and rng.random() < 0.6:
        cut = rng.randint(8, len(rows) - 4)
        return ["\n".join(lines + rows[:cut]), "\n".join(continuation_header(rng, case, 2) + rows[cut:] + notes)]
    return ["\n".join(lines + rows + notes)]


_ORGANISMS = (
    "Escherichia coli",
    "Staphylococcus aureus",
    "Klebsiella pneumoniae",
    "Enterococcus faecalis",
    "Pseudomonas aeruginosa",
)


def micro_or_pathology(case: Case, rng: Random) -> list[str]:
    """A culture and sensitivity report or a surgical pathology report: the lab types that have no number table."""
    received = case.service_date - dt.timedelta(days=rng.randint(2, 20))
    lines = [
        pick(
            rng,
            (
                "MICROBIOLOGY",
                "Culture Report",
                "SURGICAL PATHOLOGY REPORT",
                "Pathology Consultation",
                "Cytology Report",
            ),
        )
    ]
    lines += labelled(
        rng,
        [
            *identity_pairs(rng, case, mrn=0.6),
            (
                pick(rng, ("Specimen", "Source", "Specimen submitted")),
                pick(
                    rng,
                    (
                        "Urine, midstream",
                        "Wound, left foot",
                        "Skin, right forearm, shave biopsy",
                        "Colon, sigmoid, polypectomy",
                        "Thyroid, FNA",
                        "Blood culture x2",
                    ),
                ),
            ),
            (pick(rng, ("Collected", "Received", "Date of procedure")), date(rng, received)),
            (pick(rng, ("Case #", "Accession", "Specimen ID")), f"S{rng.randint(10, 99)}-{rng.randint(1000, 99999)}"),
        ],
    )
    if "ATHOLOGY" in lines[0].upper() or "Cytology" in lines[0]:
        lines += [
            heading(rng, pick(rng, ("Final diagnosis", "Diagnosis", "Pathologic diagnosis"))),
            pick(
                rng,
                (
                    "Tubular adenoma. Negative for high-grade dysplasia.",
                    "Basal cell carcinoma, nodular type; margins free of tumor.",
                    "Benign follicular nodule (Bethesda category II).",
                    "Chronic inflammation; no malignancy identified.",
                ),
            ),
            heading(rng, pick(rng, ("Gross description", "Gross"))),
            f"Received in formalin labeled with the patient's name, a tan fragment {rng.randint(2, 9)} mm.",
            heading(rng, pick(rng, ("Microscopic description", "Microscopic"))),
            "Sections show the findings summarized in the diagnosis above.",
            f"Pathologist: {pick(rng, ('M. Adeyemi', 'K. Sorensen', 'P. Rinaldi'))}, MD (electronically signed)",
        ]
    else:
        org = pick(rng, _ORGANISMS)
        lines += [
            heading(rng, pick(rng, ("Result", "Culture", "Final report"))),
            f">100,000 CFU/mL {org}" if rng.random() < 0.5 else f"Moderate growth of {org}",
            heading(rng, pick(rng, ("Susceptibility", "Sensitivities", "Antibiotic MIC interpretation"))),
            *[
                f"{drug}  {pick(rng, ('<=1', '2', '>=16', '0.5'))}  {pick(rng, ('S', 'S', 'R', 'I'))}"
                for drug in some(
                    rng,
                    (
                        "Ampicillin",
                        "Cefazolin",
                        "Ciprofloxacin",
                        "Nitrofurantoin",
                        "Trimethoprim/Sulfa",
                        "Vancomycin",
                        "Gentamicin",
                    ),
                    3,
                    6,
                )
            ],
            "S = susceptible, I = intermediate, R = resistant",
        ]
    return ["\n".join(lines)]
