"""Procedure and diagnosis codes by clinical scenario; ICD-10-CM codes are checked against the official set."""

from __future__ import annotations

from functools import cache

# Plausible utilization-management scenarios: CPT (Category I and III), HCPCS Level II, billable ICD-10-CM.
# Lay descriptions are our own words (CPT descriptors are AMA-licensed and must not be shipped).
SCENARIOS: tuple[dict[str, tuple[tuple[str, str], ...]], ...] = (
    {"cpt": (("27447", "Total knee replacement"), ("01402", "Anesthesia for knee replacement")),
     "hcpcs": (("L1833", "Knee brace"),),
     "icd": (("M17.11", "Primary osteoarthritis, right knee"), ("M17.12", "Primary osteoarthritis, left knee"),
             ("M25.561", "Pain in right knee"), ("Z96.651", "Presence of right artificial knee joint"))},
    {"cpt": (("72148", "MRI lumbar spine without contrast"), ("64483", "Lumbar epidural steroid injection"),
             ("63030", "Lumbar laminotomy, one level"), ("0275T", "Percutaneous laminotomy")),
     "hcpcs": (),
     "icd": (("M54.16", "Radiculopathy, lumbar region"), ("M51.16", "Disc disorder with radiculopathy, lumbar"),
             ("M48.061", "Spinal stenosis, lumbar, without neurogenic claudication"),
             ("M54.50", "Low back pain, unspecified"))},
    {"cpt": (("95810", "Attended sleep study"), ("95811", "Sleep study with CPAP titration")),
     "hcpcs": (("E0601", "CPAP device"), ("A7030", "Full face mask"), ("E0470", "Bi-level device")),
     "icd": (("G47.33", "Obstructive sleep apnea"), ("G47.10", "Hypersomnia, unspecified"),
             ("R06.83", "Snoring"), ("E66.9", "Obesity, unspecified"))},
    {"cpt": (("19301", "Partial mastectomy"), ("77067", "Screening mammography, bilateral"),
             ("96413", "Chemotherapy infusion, first hour")),
     "hcpcs": (("J9271", "Pembrolizumab injection"), ("J2505", "Pegfilgrastim injection")),
     "icd": (("C50.911", "Malignant neoplasm of right female breast"),
             ("C50.912", "Malignant neoplasm of left female breast"), ("Z85.3", "History of breast cancer"),
             ("Z17.0", "Estrogen receptor positive status"))},
    {"cpt": (("93458", "Left heart catheterization"), ("92928", "Coronary stent placement"),
             ("78452", "Myocardial perfusion imaging")),
     "hcpcs": (),
     "icd": (("I25.10", "Atherosclerotic heart disease of native coronary artery"),
             ("I20.9", "Angina pectoris, unspecified"), ("I10", "Essential hypertension"),
             ("E78.5", "Hyperlipidemia, unspecified"))},
    {"cpt": (("95251", "Continuous glucose monitoring interpretation"), ("83036", "Hemoglobin A1c")),
     "hcpcs": (("A4253", "Blood glucose test strips"), ("E2103", "Continuous glucose monitor receiver")),
     "icd": (("E11.9", "Type 2 diabetes mellitus without complications"),
             ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
             ("E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"),
             ("Z79.4", "Long term use of insulin"))},
    {"cpt": (("29881", "Knee arthroscopy with meniscectomy"), ("73721", "MRI knee without contrast")),
     "hcpcs": (),
     "icd": (("S83.241A", "Other tear of medial meniscus, right knee, initial encounter"),
             ("S83.242A", "Other tear of medial meniscus, left knee, initial encounter"),
             ("M23.221", "Derangement of posterior horn of medial meniscus, right knee"))},
    {"cpt": (("96365", "IV infusion, first hour"),),
     "hcpcs": (("J1745", "Infliximab injection"), ("J0897", "Denosumab injection")),
     "icd": (("M05.79", "Rheumatoid arthritis with rheumatoid factor of multiple sites"),
             ("M06.9", "Rheumatoid arthritis, unspecified"), ("K50.90", "Crohn's disease, unspecified"),
             ("M81.0", "Age-related osteoporosis without current pathological fracture"))},
    {"cpt": (("43775", "Laparoscopic sleeve gastrectomy"), ("43644", "Laparoscopic gastric bypass")),
     "hcpcs": (),
     "icd": (("E66.01", "Morbid obesity due to excess calories"), ("Z68.41", "Body mass index 40.0-44.9, adult"),
             ("K21.9", "Gastro-esophageal reflux disease without esophagitis"))},
    {"cpt": (("70553", "MRI brain with and without contrast"), ("0042T", "Cerebral perfusion CT")),
     "hcpcs": (("J1950", "Leuprolide injection"),),
     "icd": (("G43.909", "Migraine, unspecified, not intractable"), ("R51.9", "Headache, unspecified"),
             ("G40.909", "Epilepsy, unspecified, not intractable"), ("R42", "Dizziness and giddiness"))},
    {"cpt": (("29827", "Shoulder arthroscopy, rotator cuff repair"), ("73221", "MRI shoulder without contrast"),
             ("97110", "Therapeutic exercise")),
     "hcpcs": (("L3960", "Shoulder abduction orthosis"),),
     "icd": (("M75.121", "Complete rotator cuff tear, right shoulder"),
             ("M75.41", "Impingement syndrome of right shoulder"),
             ("S46.011A", "Strain of rotator cuff, right shoulder"))},
    {"cpt": (("71250", "CT chest without contrast"), ("94010", "Spirometry")),
     "hcpcs": (("E1390", "Oxygen concentrator"), ("E0431", "Portable oxygen system")),
     "icd": (("J44.9", "Chronic obstructive pulmonary disease, unspecified"),
             ("J44.1", "COPD with acute exacerbation"), ("R91.1", "Solitary pulmonary nodule"),
             ("J96.11", "Chronic respiratory failure with hypoxia"))},
    {"cpt": (("97161", "Physical therapy evaluation"), ("97140", "Manual therapy"),
             ("0232T", "Platelet-rich plasma injection")),
     "hcpcs": (("K0856", "Power wheelchair"), ("E0260", "Semi-electric hospital bed")),
     "icd": (("M62.81", "Muscle weakness (generalized)"),
             ("I69.351", "Hemiplegia following cerebral infarction, right side"),
             ("G82.20", "Paraplegia, unspecified"), ("R26.2", "Difficulty in walking"))},
    {"cpt": (("66984", "Cataract removal with lens implant"), ("92134", "Retinal imaging (OCT)")),
     "hcpcs": (("J0178", "Aflibercept injection"),),
     "icd": (("H25.11", "Age-related nuclear cataract, right eye"),
             ("H35.3211", "Exudative macular degeneration, right eye, with active neovascularization"),
             ("E11.3293", "Type 2 diabetes with mild nonproliferative retinopathy, bilateral"))},
    {"cpt": (("58571", "Laparoscopic hysterectomy"), ("76856", "Pelvic ultrasound")),
     "hcpcs": (),
     "icd": (("D25.1", "Intramural leiomyoma of uterus"), ("N92.0", "Excessive and frequent menstruation"),
             ("D50.0", "Iron deficiency anemia secondary to blood loss"), ("N80.00", "Endometriosis of the uterus"))},
    {"cpt": (("90837", "Psychotherapy, 60 minutes"), ("96130", "Psychological testing evaluation")),
     "hcpcs": (("G0176", "Activity therapy"),),
     "icd": (("F33.1", "Major depressive disorder, recurrent, moderate"), ("F41.1", "Generalized anxiety disorder"),
             ("F43.10", "Post-traumatic stress disorder, unspecified"), ("F90.2", "ADHD, combined type"))},
)

BILLABLE_DROPPED: list[str] = []


@cache
def billable_icd10() -> frozenset[str]:
    """The scenario ICD-10-CM codes that the official code set confirms billable; others are dropped and noted."""
    import simple_icd_10_cm as icd  # slow import (about 1.3 s): once per process, only when needed

    good: set[str] = set()
    for scenario in SCENARIOS:
        for code, _ in scenario["icd"]:
            if icd.is_valid_item(code) and icd.is_category_or_subcategory(code) and icd.is_leaf(code):
                good.add(code)
            else:
                BILLABLE_DROPPED.append(code)
    return frozenset(good)
