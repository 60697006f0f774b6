"""Template families of imaging reports (radiology results, not requests): MRI/X-ray and CT/ultrasound."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, Rule, Style, Text, Title, Truth
from samples.generator.wording import DOB_LABELS, MEMBER_LABELS, d, distinctive, pick_date_style, printed_name

_MRI_EXAMS = (
    ("MRI LUMBAR SPINE WITHOUT CONTRAST", "Sagittal and axial T1 and T2 weighted images of the lumbar spine.",
     ("L4-L5: broad-based disc bulge with mild bilateral foraminal narrowing.",
      "L5-S1: small central protrusion contacting the descending S1 nerve roots.",
      "Conus terminates normally at L1. No marrow replacing lesion.")),
    ("MRI RIGHT KNEE WITHOUT CONTRAST", "Multiplanar proton density and T2 fat-saturated sequences.",
     ("Complex tear of the posterior horn of the medial meniscus.",
      "Moderate joint effusion. Tricompartmental cartilage thinning, worst medially.",
      "Anterior cruciate ligament intact.")),
    ("MRI BRAIN WITH AND WITHOUT CONTRAST", "Axial FLAIR, DWI, T2 and post-gadolinium T1 images.",
     ("No acute infarct on diffusion-weighted images.",
      "Scattered punctate white matter hyperintensities, nonspecific.",
      "No abnormal enhancement. Ventricles normal in size.")),
    ("XR CHEST 2 VIEWS", "PA and lateral radiographs of the chest.",
     ("Lungs are clear. No pleural effusion or pneumothorax.", "Cardiomediastinal silhouette within normal limits.",
      "Mild degenerative change of the thoracic spine.")),
    ("XR LEFT HIP 2 VIEWS", "AP pelvis and frog-leg lateral of the left hip.",
     ("Severe joint space narrowing of the left hip with subchondral sclerosis.",
      "Marginal osteophytes. No fracture or dislocation.", "Right hip joint space preserved.")),
)

_CENTERS = ("Riverside Imaging Partners", "Lakeview Diagnostic Radiology", "Summit Open MRI",
            "Granite Peak Imaging Center", "Bayside Radiology Associates")


def _radiologist(rng: Random) -> str:
    return f"{rng.choice(('Helena', 'Victor', 'Ingrid', 'Samuel', 'Noor'))} " \
           f"{rng.choice(('Marchetti', 'Osei', 'Brandt', 'Kowalczyk', 'Tran'))}, MD"


def imaging_mri_report(case: Case, rng: Random) -> Doc:
    """A radiology result report (MRI or X-ray): header grid, technique, findings, impression, e-signature."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    exam, technique, findings = rng.choice(_MRI_EXAMS)
    exam_day = case.signature_date - dt.timedelta(days=rng.randint(2, 40))
    accession = f"ACC{rng.randint(10000000, 99999999)}"
    blocks: list = [
        Title(rng.choice(_CENTERS).upper(), 13),
        Title(rng.choice(("RADIOLOGY REPORT", "DIAGNOSTIC IMAGING REPORT", "IMAGING RESULTS")), 11),
        KV((("Patient", name), (rng.choice(DOB_LABELS), dob), ("MRN", case.mrn),
            (rng.choice(MEMBER_LABELS), case.policy_printed), ("Exam Date", d(exam_day, ds)),
            ("Accession", accession), ("Referring Physician", rq.name), ("Referring NPI", rq.npi)),
           cols=2, keys=(None, None, None, "policy_id")),
        Rule(),
        Text(f"EXAMINATION: {exam}", bold=True),
        Text("CLINICAL INDICATION: " + "; ".join(f"{desc} ({c})" for c, desc in case.icd10)),
        Text(f"TECHNIQUE: {technique}"),
        Text(f"COMPARISON: {rng.choice(('None available.', 'Prior study from last year.', 'None.'))}"),
        Text("FINDINGS:", bold=True),
        Text("\n".join(findings)),
        Text("IMPRESSION:", bold=True),
        Text(f"1. {findings[0]}\n2. {rng.choice(('No acute abnormality otherwise.', 'Clinical correlation advised.', 'Follow-up imaging as clinically indicated.'))}"),  # noqa: E501
        Gap(8),
        Text(f"Electronically signed by {_radiologist(rng)} (radiologist) on {d(exam_day, ds)}", size=9),
    ]
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=[rq.npi],
                  icd10=[c for c, _ in case.icd10])
    return Doc("imaging_mri_report", "imaging_report", Style("dejavu_sans", 9.5), blocks, truth,
               distinctive(case, dob, name, accession), footer="Radiology report - page {page} of {pages}",
               title="Imaging report")
