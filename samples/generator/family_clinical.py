"""Template families of correspondence, clinical records and fax cover sheets."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.wording import (
    CONFIDENTIALITY,
    DOB_LABELS,
    MEMBER_LABELS,
    code_list,
    d,
    distinctive,
    pick_date_style,
    printed_name,
    request_truth,
)


def _letterhead(case: Case) -> list[Text | Rule]:
    rq = case.requesting
    return [
        Text(rq.practice, bold=True, size=13),
        Text(f"{rq.street}  |  {rq.city}, {rq.state} {rq.zip}  |  Tel {rq.phone}  |  Fax {rq.fax}", size=8.5),
        Rule(),
    ]


def _codes_in_prose(case: Case) -> str:
    procs = "; ".join(f"{desc.lower()} (CPT {c})" for c, desc in case.cpt)
    supplies = "; ".join(f"{desc.lower()} (HCPCS {c})" for c, desc in case.hcpcs)
    return " and ".join(p for p in (procs, supplies) if p)


def _dx_in_prose(case: Case) -> str:
    return ", ".join(f"{desc.lower()} (ICD-10-CM {c})" for c, desc in case.icd10)


def lmn_letter(case: Case, rng: Random, *, follow_up: bool = False) -> Doc:
    """A letter of medical necessity in prose; a follow-up letter also quotes the Reference ID."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    rq = case.requesting
    member_label = rng.choice(MEMBER_LABELS)
    re_line = rng.choice((
        f"RE: {case.full_name}, DOB {dob}, {member_label} {case.policy_printed}",
        f"Re: Letter of Medical Necessity for {case.full_name} ({rng.choice(DOB_LABELS)}: {dob}; "
        f"{member_label}: {case.policy_printed})",
    ))
    blocks: list = [*_letterhead(case), Text(d(case.signature_date, ds)), Gap(6),
                    Text(f"Utilization Management Department\n{case.plan}\nFax: {case.plan_fax}"), Gap(6),
                    Text(re_line, bold=True)]
    if follow_up:
        blocks.append(Text(f"Case Reference: {case.reference_id} (additional information)", bold=True))
    blocks += [
        Gap(6),
        Text("To Whom It May Concern:"),
        Text(f"I am writing on behalf of my patient, {case.full_name}, to request authorization for "
             f"{_codes_in_prose(case)}, planned for {d(case.service_date, ds)} at {case.servicing.practice} "
             f"(NPI {case.servicing.npi})."),
        Text(f"The patient has been under my care for {rng.randint(2, 9)} years with {_dx_in_prose(case)}. "
             "Symptoms have progressed despite an adequate trial of conservative management, including "
             "physical therapy, activity modification and medication, and now limit daily activities."),
    ]
    if case.urgent:
        blocks.append(Text("Because a delay would seriously jeopardize the patient's health, I ask that this "
                           "request be handled as an EXPEDITED (urgent) review.", bold=True))
    blocks += [
        PageBreak(),
        Text(f"{case.full_name} - page two", size=9),
        Text("Treatment history: the patient completed a supervised program of therapy and has tried two "
             "medication classes without durable relief. Objective findings on examination and imaging "
             "support the diagnosis above. The requested service is consistent with accepted standards of "
             "care, and alternatives have been considered and are not appropriate for this patient."),
        Text("Please contact my office with any questions. Clinical notes are enclosed."),
        Gap(10),
        Text(f"Sincerely,\n\n{rq.name}\n{rq.specialty}, NPI {rq.npi}\nSigned {d(case.signature_date, ds)}"),
    ]
    truth = request_truth(case, reference=follow_up)
    extra = [case.reference_id] if follow_up else []
    return Doc("lmn_letter", "letter_of_medical_necessity", Style("liberation_serif", 11), blocks, truth,
               distinctive(case, dob, case.full_name, *extra), title="Letter of medical necessity")


def progress_note(case: Case, rng: Random) -> Doc:
    """An office progress note (SOAP) in Courier; the MRN and visit date are distractors."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    visit = case.signature_date - dt.timedelta(days=rng.randint(1, 30))
    dx_lines = "\n".join(f"  {i}. {desc} - {c}" for i, (c, desc) in enumerate(case.icd10, 1))
    codes = ", ".join(c for c, _ in code_list(case))
    blocks: list = [
        Title("OFFICE VISIT - PROGRESS NOTE", 13, "left"),
        Text(f"{case.requesting.practice}   Tel {rq.phone}", size=9),
        Rule(),
        KV((("Patient", name), ("MRN", case.mrn), (rng.choice(DOB_LABELS), dob),
            ("Visit Date", d(visit, ds)), ("Insurance", case.plan), (rng.choice(MEMBER_LABELS), case.policy_printed),
            ("Provider", f"{rq.name} (NPI {rq.npi})")), cols=1, keys=(None, None, None, None, None, "policy_id")),
        Rule(),
        Text("S: Patient reports worsening symptoms over the past three months, pain 7/10, interfering with "
             "sleep and work. Failed home exercise program and NSAIDs."),
        Text("O: BP 132/84, HR 76, BMI 31.2. Tenderness and reduced range of motion on examination."),
        Text("A:\n" + dx_lines),
        Text(f"P: Request prior authorization for {codes}. Target date {d(case.service_date, ds)}. "
             "Follow up in 4 weeks." + (" URGENT: expedited review requested." if case.urgent else "")),
        Gap(8),
        Text(f"Electronically signed by {rq.name} on {d(case.signature_date, ds)}", size=9),
    ]
    truth = request_truth(case, servicing=False)
    return Doc("progress_note", "clinical_note", Style("courier", 9.5), blocks, truth,
               distinctive(case, dob, name, case.mrn), title="Progress note")


LAB_TESTS = (
    ("Hemoglobin A1c", "83036", "8.4", "H", "4.0-5.6", "%"),
    ("Lipid panel - LDL", "80061", "162", "H", "<100", "mg/dL"),
    ("Comprehensive metabolic panel - Glucose", "80053", "188", "H", "70-99", "mg/dL"),
    ("Complete blood count - Hemoglobin", "85025", "11.2", "L", "12.0-15.5", "g/dL"),
    ("TSH", "84443", "2.1", "", "0.4-4.0", "mIU/L"),
    ("Vitamin D, 25-hydroxy", "82306", "17", "L", "30-100", "ng/mL"),
)


def lab_report(case: Case, rng: Random) -> Doc:
    """A reference-lab result report in Liberation Mono; CPT codes are the tests' own, the MRN a distractor."""
    ds = pick_date_style(rng)
    dob = d(case.dob, ds)
    name = printed_name(case, rng)
    rq = case.requesting
    tests = rng.sample(LAB_TESTS, rng.randint(2, 4))
    collected = case.service_date
    blocks: list = [
        Title("NORTHFIELD REFERENCE LABORATORIES", 13),
        Text("CLIA 99D9999999 (fictitious)   4410 Assay Way, Clinton, OH 45099   Client services (614) 555-0190",
             size=8),
        Title("CLINICAL LABORATORY REPORT", 11),
        KV((("Patient Name", name), ("Patient ID", case.mrn), ("DOB", dob), ("Sex", case.sex),
            ("Insurance ID", case.policy_printed), ("Plan", case.plan)),
           cols=2, keys=(None, None, None, None, "policy_id")),
        KV((("Ordering Physician", rq.name), ("NPI", rq.npi), ("Collected", f"{d(collected, ds)} 08:15"),
            ("Received", f"{d(collected, ds)} 13:02"),
            ("Reported", f"{d(collected + dt.timedelta(days=1), ds)} 06:40"),
            ("Diagnosis", ", ".join(c for c, _ in case.icd10))), cols=2),
        Table(("Test", "CPT", "Result", "Flag", "Reference Range", "Units"), tuple(tests),
              widths=(3.0, 0.8, 0.8, 0.5, 1.3, 0.8)),
        Text("H = above reference range, L = below reference range. Results reviewed by laboratory director.",
             size=8),
    ]
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=[rq.npi],
                  cpt=[t[1] for t in tests], icd10=[c for c, _ in case.icd10], service_date=collected)
    return Doc("lab_report", "lab_report", Style("liberation_mono", 8.5), blocks, truth,
               distinctive(case, dob, name, tests[0][1]), footer="Page {page} of {pages} - FINAL REPORT",
               title="Laboratory report")


def fax_cover_memo(case: Case, rng: Random) -> Doc:
    """A memo-style fax cover: To/From/Fax/Phone/Date/Re/Pages, check boxes, the Reference ID in `Re:`."""
    rq = case.requesting
    ref_label = rng.choice(("Case Ref", "Ref #", "Reference ID", "Auth Ref"))
    blocks: list = [
        Title("F A X", 28, "left"),
        Text(rq.practice, bold=True),
        Text(f"{rq.street}, {rq.city}, {rq.state} {rq.zip}", size=9),
        Rule(),
        KV((("To", "Utilization Management"), ("From", rq.name), ("Fax", case.plan_fax), ("Fax", rq.fax),
            ("Phone", case.plan_phone), ("Phone", rq.phone), ("Date", case.fax.sent.strftime("%m/%d/%Y")),
            ("Pages", "{fax_pages} (including cover)")), cols=2),
        KV((("Re", f"Prior authorization - {ref_label}: {case.reference_id}"),), cols=1),
        Checks((("Urgent", case.urgent, "urgent"), ("For Review", True, None), ("Please Comment", False, None),
                ("Please Reply", False, None))),
        Rule(),
        Text("Comments: Additional clinical documentation for the request referenced above. Please attach to "
             "the existing case."),
        Gap(30),
        Text(CONFIDENTIALITY, size=8),
    ]
    return Doc("fax_cover_memo", "fax_cover", Style("helvetica", 11), blocks,
               Truth(reference_id=case.reference_id, urgent=case.urgent), [case.reference_id],
               title="Fax cover (memo)")
