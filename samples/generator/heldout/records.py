"""Held out: a consultation note, a hospital discharge summary and a CT/ultrasound report."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.family_imaging import _CENTERS, _radiologist
from samples.generator.wording import (
    DOB_LABELS,
    MEMBER_LABELS,
    code_list,
    d,
    distinctive,
    pick_date_style,
    printed_name,
    request_truth,
)


def consult_note(case: Case, rng: Random) -> Doc:
    """A specialist consultation note (HPI, exam, assessment and plan), DejaVu Sans; held out."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    seen = case.signature_date - dt.timedelta(days=rng.randint(1, 20))
    blocks: list = [
        Title(f"{rq.specialty.upper()} CONSULTATION", 12, "left"),
        Text(f"{rq.practice} | {rq.phone}", size=8.5),
        Rule(),
        # One identifier a line, so that no wrapping splits a printed ID.
        Text(f"Patient: {name}   {rng.choice(DOB_LABELS)}: {dob}\n{rng.choice(MEMBER_LABELS)}: "
             f"{case.policy_printed}\nDate of consultation: {d(seen, ds)}   Referred by primary care"),
        Text("History of present illness:", bold=True),
        Text(rng.choice((
            "Referred for evaluation of persistent symptoms despite medical therapy. Reports gradual worsening "
            "over six months with functional limitation at work and at home.",
            "Seen at the request of the primary physician. Long-standing complaints, recently worse; prior "
            "treatment with medication and therapy gave only partial relief.",
        ))),
        Text("Past history: hypertension, hyperlipidemia. Allergies: no known drug allergies.\n"
             "Medications: reviewed and reconciled."),
        Text("Examination: alert, oriented, no distress. Focused findings consistent with the history."),
        Text("Impression:", bold=True),
        Text("\n".join(f"{desc} - {c}" for c, desc in case.icd10)),
        Text("Recommendations:", bold=True),
        Text(f"Proceed with {', '.join(c for c, _ in code_list(case))} on or after {d(case.service_date, ds)}; "
             "prior authorization to be requested. Return visit after the procedure."
             + (" Urgent: please expedite review." if case.urgent else "")),
        Gap(6),
        Text(f"{rq.name}, NPI {rq.npi}", size=9),
    ]
    return Doc("consult_note", "clinical_note", Style("dejavu_sans", 9.5), blocks, request_truth(case, servicing=False),
               distinctive(case, dob, name), title="Consultation note")
def discharge_summary(case: Case, rng: Random) -> Doc:
    """A hospital discharge summary asking for post-discharge services (two pages), DejaVu Serif."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    discharge = case.service_date - dt.timedelta(days=rng.randint(1, 4))
    admit = discharge - dt.timedelta(days=rng.randint(2, 6))
    blocks: list = [
        Title("ST. BRENDAN COMMUNITY HOSPITAL", 13),
        Title("DISCHARGE SUMMARY", 12),
        KV((("Patient", name), ("Account #", case.mrn), ("Date of Birth", dob),
            ("Member ID", case.policy_printed), ("Admission Date", d(admit, ds)),
            ("Discharge Date", d(discharge, ds)), ("Attending", rq.name), ("Attending NPI", rq.npi)),
           cols=2, keys=(None, None, None, "policy_id")),
        Text("Discharge diagnoses:", bold=True),
        Text("\n".join(f"{c}  {desc}" for c, desc in case.icd10)),
        Text("Hospital course:", bold=True),
        Text("The patient was admitted for evaluation and management. Course was uncomplicated after the "
             "first 48 hours; pain controlled on oral agents; ambulating with assistance at discharge. "
             "Condition at discharge: stable."),
        PageBreak(),
        Text("Post-discharge services requested:", bold=True),
        Table(("Code", "Service", "Start"), tuple((c, desc, d(case.service_date, ds)) for c, desc in code_list(case)),
              widths=(1.0, 4.0, 1.2)),
        Text(f"Servicing provider: {case.servicing.practice}, NPI {case.servicing.npi}, phone {case.servicing.phone}."),
        Text("Authorization is requested on an expedited basis to permit a safe discharge." if case.urgent
             else "Routine authorization requested."),
        Gap(8),
        Text(f"Dictated {d(discharge, ds)}; signed {d(case.signature_date, ds)} by {rq.name}", size=9),
    ]
    return Doc("discharge_summary", "discharge_summary", Style("dejavu_serif", 10), blocks, request_truth(case),
               distinctive(case, dob, name), footer="Discharge Summary - {page}/{pages}", title="Discharge summary")


_CT_EXAMS = (
    ("CT ABDOMEN AND PELVIS WITH IV CONTRAST", "Helical CT after intravenous contrast; coronal reformats.",
     ("LIVER: normal size, no focal lesion.", "KIDNEYS: no hydronephrosis; 4 mm nonobstructing left renal stone.",
      "BOWEL: no obstruction. Appendix normal.", "LYMPH NODES: no adenopathy.")),
    ("CT CHEST WITHOUT CONTRAST", "Contiguous axial images of the chest, lung and soft tissue windows.",
     ("LUNGS: 6 mm solid nodule, right upper lobe.", "PLEURA: no effusion.",
      "MEDIASTINUM: no enlarged lymph nodes.", "BONES: degenerative changes only.")),
    ("US ABDOMEN COMPLETE", "Real-time grayscale and color Doppler sonography.",
     ("GALLBLADDER: multiple mobile stones, no wall thickening.", "COMMON DUCT: 4 mm.",
      "LIVER: increased echogenicity consistent with steatosis.", "SPLEEN: normal.")),
    ("CT HEAD WITHOUT CONTRAST", "Axial images from skull base to vertex.",
     ("No intracranial hemorrhage, mass effect or midline shift.", "Gray-white differentiation preserved.",
      "Paranasal sinuses clear.")),
)


def imaging_ct_report(case: Case, rng: Random) -> Doc:
    """A CT or ultrasound report in Times, headed by the exam name; two pages with an addendum page."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    exam, technique, findings = rng.choice(_CT_EXAMS)
    exam_day = case.signature_date - dt.timedelta(days=rng.randint(2, 40))
    blocks: list = [
        Text(rng.choice(_CENTERS), bold=True, size=12),
        Text(f"Tel {case.servicing.phone}   Fax {case.servicing.fax}", size=8.5),
        Rule(),
        Title(exam, 12, "left"),
        Text(f"Name: {name}    {rng.choice(DOB_LABELS)}: {dob}\nInsurance ID: {case.policy_printed}\n"
             f"Study date: {d(exam_day, ds)}    Ordered by: {rq.name}, NPI {rq.npi}"),
        Rule(),
        Text(f"HISTORY: {case.icd10[0][1]} ({case.icd10[0][0]}). "
             f"{rng.choice(('Pain and tenderness.', 'Evaluate for progression.', 'Preoperative evaluation.'))}"),
        Text(f"PROCEDURE: {technique} Dose-reduction technique used."),
        Text("RESULTS:\n" + "\n".join(findings)),
        PageBreak(),
        Text(f"{name} - {exam} - continued", size=9),
        Text("CONCLUSION:", bold=True),
        Text("\n".join(f"- {f}" for f in findings[:2])),
        Text("Critical results: none. Report sent to the ordering provider."),
        Gap(8),
        Text(f"Interpreting radiologist: {_radiologist(rng)}. Final report {d(exam_day, ds)}.", size=9),
    ]
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=[rq.npi],
                  icd10=[case.icd10[0][0]])
    return Doc("imaging_ct_report", "imaging_report", Style("times", 10.5), blocks, truth,
               distinctive(case, dob, name), title="CT report")
