"""Clinical notes (SOAP, H&P, consultation, follow-up, therapy, telehealth) and discharge summaries."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.variety.common import (
    bullets,
    codes_text,
    continuation_header,
    date,
    doctor,
    heading,
    identity_pairs,
    labelled,
    pick,
    practice_header,
    run_in,
    some,
)

_COMPLAINTS = (
    "low back pain radiating to the left leg",
    "right knee pain and swelling",
    "shortness of breath on exertion",
    "daytime sleepiness and loud snoring",
    "neck pain with numbness in the hand",
    "chronic left shoulder pain",
    "uncontrolled blood sugars",
    "recurrent headaches",
    "fatigue and weight loss",
    "palpitations",
    "joint stiffness in both hands",
    "worsening hip pain with walking",
)
_TRIED = (
    "physical therapy for 8 weeks",
    "NSAIDs",
    "a home exercise program",
    "oral steroids",
    "a corticosteroid injection",
    "chiropractic care",
    "metformin",
    "activity modification",
    "gabapentin",
    "a knee brace",
    "weight loss counseling",
    "acetaminophen",
    "a CPAP trial",
    "muscle relaxants",
)
_ROS = (
    "Constitutional: negative for fever, chills.",
    "Eyes: no vision change.",
    "Cardiovascular: no chest pain.",
    "Respiratory: denies cough.",
    "GI: no nausea or vomiting.",
    "GU: negative.",
    "Musculoskeletal: positive for joint pain.",
    "Neuro: positive for tingling, no weakness.",
    "Psych: mood stable.",
    "Skin: no rash.",
    "All other systems reviewed and negative.",
)
_EXAM = (
    "General: alert, in no acute distress.",
    "HEENT: normocephalic, atraumatic.",
    "Neck: supple, no adenopathy.",
    "Lungs: clear to auscultation bilaterally.",
    "Heart: regular rate and rhythm, no murmur.",
    "Abdomen: soft, non-tender.",
    "Extremities: no edema.",
    "MSK: tenderness along the joint line, crepitus with flexion.",
    "Neuro: strength 5/5 except 4/5 ankle dorsiflexion; reflexes symmetric.",
    "Gait: antalgic.",
    "Skin: warm and dry.",
    "Spine: positive straight leg raise on the left at 40 degrees.",
)
_PMH = (
    "Hypertension",
    "Type 2 diabetes",
    "Hyperlipidemia",
    "GERD",
    "Obesity",
    "Depression",
    "Asthma",
    "Hypothyroidism",
    "Osteoarthritis",
    "Atrial fibrillation",
    "Chronic kidney disease stage 3",
)
_MEDS = (
    "lisinopril 10 mg daily",
    "metformin 500 mg BID",
    "atorvastatin 40 mg nightly",
    "omeprazole 20 mg daily",
    "levothyroxine 75 mcg daily",
    "sertraline 50 mg daily",
    "meloxicam 15 mg daily",
    "apixaban 5 mg BID",
    "albuterol inhaler PRN",
    "amlodipine 5 mg daily",
    "insulin glargine 20 units at bedtime",
)


# A hospital course told in five steps, each picked from its own options.
_COURSE = (
    ("The patient was admitted", "Patient was admitted", "Admitted"),
    (
        "from the emergency department",
        "as a direct admission",
        "after transfer from an outside facility",
        "for a planned procedure",
    ),
    (
        "and started on IV antibiotics.",
        "and diuresed with IV furosemide.",
        "and taken to the operating room on hospital day 1.",
        "and placed on an insulin drip.",
        "and started on steroids and nebulizers.",
        "and managed with multimodal analgesia.",
    ),
    (
        "Clinical status improved steadily.",
        "The hospital stay was uncomplicated.",
        "Course complicated by transient delirium, resolved.",
        "Tolerated diet by day 2.",
    ),
    (
        "Physical therapy evaluated and recommended home health services.",
        "Case management arranged outpatient therapy.",
        "Social work assisted with skilled nursing placement.",
        "DME was arranged for home.",
    ),
)
_DISPOSITIONS = ("Home", "Home with home health", "Skilled nursing facility", "Acute rehab", "Home with family")


def _vitals(rng: Random) -> str:
    items = [
        f"BP {rng.randint(104, 168)}/{rng.randint(60, 98)}",
        f"HR {rng.randint(54, 108)}",
        f"RR {rng.randint(12, 20)}",
        f"T {rng.choice(('98.2', '98.6', '99.1', '36.8 C'))}",
        f"SpO2 {rng.randint(92, 100)}%",
        f"Wt {rng.randint(120, 290)} lb",
        f"BMI {rng.uniform(19, 42):.1f}",
    ]
    return pick(rng, ("Vitals: ", "VS: ", "Vital signs: ", "")) + ", ".join(some(rng, items, 3, 7))


def _hpi(case: Case, rng: Random, age: int) -> str:
    who = pick(
        rng,
        (
            f"{age}-year-old {'female' if case.sex == 'F' else 'male'}",
            f"{age} y/o {'F' if case.sex == 'F' else 'M'}",
            "The patient",
            "Pt",
        ),
    )
    tried = ", ".join(some(rng, _TRIED, 2, 4))
    return (
        f"{who} {pick(rng, ('presents with', 'here for', 'seen today for', 'returns with', 'c/o'))} "
        f"{pick(rng, _COMPLAINTS)} for {rng.randint(2, 18)} {pick(rng, ('weeks', 'months'))}. "
        f"{pick(rng, ('Has tried', 'Treated with', 'Prior treatment includes', 'Failed'))} {tried} "
        f"{pick(rng, ('without lasting relief', 'with minimal improvement', 'with partial benefit'))}. "
        f"{pick(rng, ('Pain rated 6/10.', 'Symptoms worse at night.', 'Denies trauma.', 'No red flag symptoms.', ''))}"
    )


def _plan_items(case: Case, rng: Random) -> list[str]:
    items = [
        pick(
            rng,
            (
                f"Request authorization for {codes_text(case, rng)}.",
                f"Will obtain prior auth for {codes_text(case, rng)}.",
                f"Order {codes_text(case, rng)}; PA submitted.",
                f"Schedule {codes_text(case, rng)}.",
            ),
        )
    ]
    items += some(
        rng,
        (
            "Continue current medications.",
            "Return to clinic in 4-6 weeks.",
            "Labs ordered today.",
            "Referral to physical therapy.",
            "Discussed risks, benefits and alternatives.",
            "Patient education provided; questions answered.",
            "Follow up sooner if symptoms worsen.",
            "Ice and elevation as needed.",
            "Sleep hygiene reviewed.",
        ),
        1,
        4,
    )
    return items


def clinical_note(case: Case, rng: Random) -> list[str]:
    """One visit's note in a writer's choice of shape; sections vary in name, order and presence."""
    kind = pick(rng, ("soap", "soap_words", "hp", "consult", "followup", "telehealth", "therapy", "preop", "brief"))
    age = (dt.date(2026, 11, 20) - case.dob).days // 365
    visit = case.signature_date - dt.timedelta(days=rng.randint(0, 30))
    titles = {
        "soap": ("Progress Note", "OFFICE NOTE", "Clinic Note", "Visit Note", ""),
        "soap_words": ("PROGRESS NOTE", "Established Patient Visit", "Office Visit", "Outpatient Note"),
        "hp": ("HISTORY AND PHYSICAL", "H&P", "New Patient Evaluation", "Initial Visit", "Comprehensive Exam"),
        "consult": (
            "CONSULTATION",
            "Consult Note",
            "Outpatient Consultation",
            "Specialty Consultation",
            "Consultation Report",
            "Referral Consultation",
        ),
        "followup": ("Follow-Up Visit", "RETURN VISIT", "Follow up note", "Recheck"),
        "telehealth": ("Telehealth Visit", "Video Visit Note", "TELEMEDICINE ENCOUNTER", "Virtual Visit"),
        "therapy": (
            "PHYSICAL THERAPY EVALUATION",
            "PT Progress Report",
            "Occupational Therapy Note",
            "Plan of Care / Re-evaluation",
        ),
        "preop": ("PREOPERATIVE EVALUATION", "Pre-op H&P", "Surgical Clearance"),
        "brief": ("Clinic note", "Office visit", "Encounter note"),
    }
    lines = practice_header(rng, case) if rng.random() < 0.6 else []
    title = pick(rng, titles[kind])
    if title:
        lines.insert(rng.randint(0, len(lines)), title)
    pairs = identity_pairs(rng, case, member=0.55, mrn=0.6)
    pairs.append(
        (pick(rng, ("Date of Service", "Visit Date", "DOS", "Date", "Encounter Date", "Seen")), date(rng, visit))
    )
    if rng.random() < 0.6:
        pairs.append((pick(rng, ("Provider", "Attending", "Clinician", "Seen by", "Physician")), doctor(rng, case)))
    if kind == "consult" or rng.random() < 0.15:
        pairs.append(
            (
                pick(rng, ("Referring Physician", "Referred by", "Requesting physician", "PCP")),
                pick(rng, ("Dr. Imani Castell", "Dr. Oren Falk", "Dr. Petra Lund", "self-referred")),
            )
        )
    lines += labelled(rng, pairs)
    style = rng.randrange(4)
    hpi = _hpi(case, rng, age)
    dx = [f"{desc} ({code})" if rng.random() < 0.6 else f"{code} - {desc}" for code, desc in case.icd10]
    plan = _plan_items(case, rng)
    exam = some(rng, _EXAM, 3, 7)
    if kind in ("soap", "brief"):
        s, o, a, p = ("S:", "O:", "A:", "P:") if rng.random() < 0.7 else ("S)", "O)", "A)", "P)")
        body = [
            f"{s} {hpi}",
            f"{o} {_vitals(rng)}. {' '.join(exam[:3])}",
            f"{a} " + "; ".join(dx),
            f"{p} " + " ".join(plan),
        ]
        if kind == "brief":
            body = [hpi, _vitals(rng), "Assessment/Plan: " + "; ".join(dx) + ". " + " ".join(plan)]
    else:
        sec = {
            "cc": [
                heading(rng, pick(rng, ("Chief Complaint", "CC", "Reason for Visit", "Presenting Problem")), style),
                pick(rng, _COMPLAINTS).capitalize(),
            ],
            "hpi": [
                heading(
                    rng,
                    pick(rng, ("History of Present Illness", "HPI", "Subjective", "Interval History", "History")),
                    style,
                ),
                hpi,
            ],
            "pmh": [
                heading(rng, pick(rng, ("Past Medical History", "PMH", "PMHx", "Medical History")), style),
                ", ".join(some(rng, _PMH, 2, 5)),
            ],
            "meds": [
                heading(rng, pick(rng, ("Medications", "Current Medications", "Meds", "Home meds")), style),
                *bullets(rng, some(rng, _MEDS, 2, 5)),
            ],
            "allergies": [
                f"{heading(rng, pick(rng, ('Allergies', 'ALLERGIES', 'Allergy')), 1)}: "
                f"{pick(rng, ('NKDA', 'Penicillin (rash)', 'Sulfa', 'No known drug allergies'))}"
            ],
            "social": [
                heading(rng, pick(rng, ("Social History", "SH", "Social")), style),
                pick(
                    rng,
                    (
                        "Never smoker. Occasional alcohol.",
                        "Former smoker, quit 2015. Works as a teacher.",
                        "Lives with spouse. No tobacco.",
                    ),
                ),
            ],
            "ros": [heading(rng, pick(rng, ("Review of Systems", "ROS")), style), *some(rng, _ROS, 3, 7)],
            "exam": [
                heading(rng, pick(rng, ("Physical Exam", "Physical Examination", "Exam", "PE", "Objective")), style),
                _vitals(rng),
                *exam,
            ],
            "data": [
                heading(rng, pick(rng, ("Data Reviewed", "Results", "Studies", "Imaging/Labs")), style),
                pick(
                    rng,
                    (
                        "Recent labs reviewed with the patient.",
                        "Outside imaging reviewed; see report.",
                        "A1c 8.9% last month.",
                        "Prior MRI shows disc disease at two levels.",
                    ),
                ),
            ],
            "assessment": [
                heading(
                    rng,
                    pick(
                        rng,
                        ("Assessment", "Impression", "Diagnoses", "Assessment and Plan", "A/P", "Clinical Impression"),
                    ),
                    style,
                ),
                *bullets(rng, dx),
            ],
            "plan": [
                heading(
                    rng, pick(rng, ("Plan", "Recommendations", "Treatment Plan", "Plan of care", "Disposition")), style
                ),
                *bullets(rng, plan),
            ],
        }
        if kind == "therapy":
            sec["exam"] = [
                heading(rng, pick(rng, ("Objective Measures", "Objective", "Examination")), style),
                f"Knee flexion AROM {rng.randint(70, 120)} deg; strength {rng.randint(3, 4)}+/5.",
                f"Timed up and go {rng.randint(9, 20)} s; pain {rng.randint(2, 8)}/10.",
            ]
            sec["plan"] = [
                heading(rng, pick(rng, ("Goals", "Plan", "Plan of Care")), style),
                *bullets(
                    rng,
                    [
                        f"{rng.randint(2, 3)}x/week for {rng.randint(4, 8)} weeks",
                        "Improve ambulation to community distances",
                        "Independent with HEP",
                        f"Requesting authorization for {rng.randint(8, 24)} visits",
                    ],
                ),
            ]
        order = {
            "hp": ["cc", "hpi", "pmh", "meds", "allergies", "social", "ros", "exam", "data", "assessment", "plan"],
            "consult": ["hpi", "pmh", "meds", "ros", "exam", "data", "assessment", "plan"],
            "followup": ["hpi", "meds", "exam", "assessment", "plan"],
            "telehealth": ["cc", "hpi", "ros", "assessment", "plan"],
            "therapy": ["hpi", "exam", "assessment", "plan"],
            "preop": ["hpi", "pmh", "meds", "allergies", "exam", "assessment", "plan"],
            "soap_words": ["hpi", "exam", "assessment", "plan"],
        }[kind]
        order = [k for k in order if k in ("hpi", "assessment", "plan") or rng.random() < 0.75]
        if kind == "soap_words":
            sec["hpi"][0] = heading(rng, "Subjective", style)
            sec["exam"][0] = heading(rng, "Objective", style)
        if kind in ("consult", "hp", "followup", "preop") and rng.random() < 0.5:
            # The specialist's plain headings, which an imaging report may share (history, exam, impression).
            sec["hpi"][0] = heading(rng, pick(rng, ("History", "History of present illness", "Hx")), style)
            sec["exam"][0] = heading(rng, pick(rng, ("Exam", "Examination", "On examination")), style)
            sec["assessment"][0] = heading(rng, pick(rng, ("Impression", "Impressions", "Clinical impression")), style)
            sec["plan"][0] = heading(rng, pick(rng, ("Recommendations", "Recommendation", "Plan")), style)
        inline = rng.random() < 0.5
        body = [ln for k in order for ln in run_in(rng, sec[k], inline)]
        if kind == "consult":
            body.insert(
                0,
                pick(
                    rng,
                    (
                        f"Thank you for asking me to see {case.first} in consultation regarding "
                        f"{pick(rng, _COMPLAINTS)}.",
                        f"Reason for consultation: {pick(rng, _COMPLAINTS)}.",
                        "I saw the patient at the request of the referring physician.",
                    ),
                ),
            )
            body.append(
                pick(
                    rng,
                    (
                        "Thank you for this referral. I will keep you informed.",
                        "Please do not hesitate to contact me with questions.",
                        "",
                    ),
                )
            )
        if kind == "telehealth":
            body.insert(0, "Visit conducted via secure two-way audio and video; patient consented. Location: home.")
    sign = pick(
        rng,
        (
            f"Electronically signed by {doctor(rng, case)} {date(rng, visit)}",
            f"{doctor(rng, case)}",
            f"Signed: {doctor(rng, case)}  Time spent: {rng.randint(15, 60)} min",
            f"Note completed by {doctor(rng, case)}. This note was dictated using voice recognition.",
        ),
    )
    if len(body) > 12 and rng.random() < 0.4:
        cut = rng.randint(len(body) // 2, len(body) - 2)
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:] + [sign])]
    return ["\n".join(lines + body + [sign])]


def consult_letter(case: Case, rng: Random) -> list[str]:
    """A specialist's letter back to the referring physician, in prose paragraphs, or the same visit as a consult
    note in sections (reason, history, exam, impression, recommendations)."""
    age = (dt.date(2026, 11, 20) - case.dob).days // 365
    seen = case.signature_date - dt.timedelta(days=rng.randint(0, 20))
    referrer = pick(rng, ("Dr. Imani Castell", "Dr. Oren Falk", "Dr. Petra Lund", "Dr. Wes Abara"))
    lines = [*practice_header(rng, case), date(rng, seen), referrer]
    lines += [f"{pick(rng, ('RE:', 'Re:', 'Patient:'))} " + ", ".join(f"{k} {v}" for k, v in identity_pairs(rng, case))]
    exam = " ".join(some(rng, _EXAM, 2, 4))
    dx = "; ".join(f"{desc} ({code})" for code, desc in case.icd10)
    paras = [
        f"Dear {referrer.split()[-1] if rng.random() < 0.5 else referrer},",
        pick(
            rng,
            (
                f"Thank you for referring {case.first}, a {age}-year-old, whom I saw today for "
                f"{pick(rng, _COMPLAINTS)}.",
                f"I had the pleasure of seeing your patient in the {case.requesting.specialty.lower()} clinic "
                f"on {date(rng, seen)}.",
                f"Many thanks for asking me to assess {case.first} regarding {pick(rng, _COMPLAINTS)}.",
            ),
        ),
        _hpi(case, rng, age),
        pick(rng, ("On examination: ", "Examination today: ", "Exam showed: ", "")) + exam,
        pick(rng, ("My impression is ", "I think this represents ", "Diagnosis: ", "In summary, ")) + dx + ".",
        pick(rng, ("I have recommended ", "My plan is ", "We agreed on ", "I suggest "))
        + " ".join(_plan_items(case, rng)).lower(),
        pick(
            rng,
            (
                "I will see her again after the procedure."
                if case.sex == "F"
                else "I will see him again after the procedure.",
                "I will keep you updated.",
                "Please let me know if I can help further.",
            ),
        ),
        pick(rng, ("Yours sincerely,", "With kind regards,", "Best wishes,", "Sincerely,")),
        doctor(rng, case),
        pick(rng, (case.requesting.specialty, f"{case.requesting.specialty}, {case.requesting.practice}", "")),
        pick(rng, (f"cc: {referrer}", "cc: patient", "")),
    ]
    if rng.random() < 0.5:
        # The same visit written as a consult note, in the sections specialists print it in.
        title = pick(rng, ("NEW PATIENT CONSULT", "CONSULTATION NOTE", "Specialist Consultation", "Consult Visit",
                           "OUTPATIENT CONSULTATION"))
        sections = [
            (pick(rng, ("Reason for consult:", "Referred by", "Reason for referral:")),
             f"{referrer} for {pick(rng, _COMPLAINTS)}." if rng.random() < 0.5 else pick(rng, _COMPLAINTS) + "."),
            (pick(rng, ("History:", "HPI:", "History of present illness:")), _hpi(case, rng, age)),
            (pick(rng, ("Exam:", "Examination:", "PE:")), exam),
            (pick(rng, ("Impression:", "Assessment:", "Impression/Plan:")), dx + "."),
            (pick(rng, ("Recommendations:", "Plan:", "Recommend:")), " ".join(_plan_items(case, rng))),
        ]
        body = [f"{head} {text}" for head, text in sections]
        return ["\n".join([*practice_header(rng, case), title, lines[-1], *body, doctor(rng, case)])]
    body = [p for p in paras if p]
    if rng.random() < 0.3:
        cut = rng.randint(3, len(body) - 3)
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:])]
    return ["\n".join(lines + body)]


def referral_letter(case: Case, rng: Random) -> list[str]:
    """A clinician's letter asking a colleague to see a patient: history, findings, the question, the
    medications. Clinical content in letter form addressed to a doctor, not to a plan (so no necessity plea)."""
    age = (dt.date(2026, 11, 20) - case.dob).days // 365
    written = case.signature_date - dt.timedelta(days=rng.randint(0, 10))
    specialist = pick(rng, ("Dr. Anika Roth", "Dr. Samuel Ekwueme", "Dr. Lena Varga", "Dr. Tomas Quist",
                            "the on-call surgeon", "Colleague"))
    clinic = pick(rng, ("Orthopaedic Clinic", "Cardiology Department", "Neurology Outpatients",
                        "Pain Management Service", "General Surgery", "Sleep Medicine", "Endocrine Clinic"))
    lines = [*practice_header(rng, case), date(rng, written), specialist, clinic]
    if rng.random() < 0.7:
        lines.append(f"{pick(rng, ('RE:', 'Re:', 'Referral:', 'Patient:'))} "
                     + ", ".join(f"{k} {v}" for k, v in identity_pairs(rng, case)))
    meds = ", ".join(some(rng, ("metformin 500 mg BID", "lisinopril 10 mg daily", "atorvastatin 20 mg",
                                "ibuprofen as needed", "levothyroxine 75 mcg", "omeprazole 20 mg",
                                "sertraline 50 mg", "amlodipine 5 mg"), 1, 4))
    dx = "; ".join(f"{desc} ({code})" for code, desc in case.icd10)
    who = "she" if case.sex == "F" else "he"
    paras = [
        pick(rng, (f"Dear {specialist},", "Dear Colleague,", f"Dear {specialist.split()[-1]},",
                   "To the consultant,")),
        pick(rng, (
            f"I would be grateful if you could see {case.first}, a {age}-year-old patient of mine, with "
            f"{pick(rng, _COMPLAINTS)}.",
            f"I am referring {case.first} {case.last} for your opinion on {pick(rng, _COMPLAINTS)}.",
            f"Please could you assess this {age}-year-old, who has had {pick(rng, _COMPLAINTS)}.",
            f"Thank you for agreeing to see {case.first} at short notice regarding {pick(rng, _COMPLAINTS)}.",
        )),
        _hpi(case, rng, age),
        pick(rng, ("When I examined", "On my examination", "At the visit", "Today")) + f" {who} had "
        + " ".join(some(rng, _EXAM, 1, 3)).lower(),
        pick(rng, ("Working diagnosis: ", "Problems: ", "My working diagnosis is ", "Relevant history: ")) + dx + ".",
        pick(rng, ("Current medications: ", "Medications: ", "Regular medicines: ")) + meds + ".",
        # Referrals often ask the specialist to do something, and say the plan has been asked for approval.
        (pick(rng, ("I would be grateful if you would arrange ", "Please go ahead with ", "Could you book ",
                    "I have suggested "))
         + codes_text(case, rng)
         + pick(rng, ("", ", ideally on " + date(rng, case.service_date), " at your earliest convenience"))
         + "." + pick(rng, ("", " I have asked the health plan for prior authorization.",
                            " The plan's approval has been requested.")))
        if rng.random() < 0.6 else "",
        pick(rng, (
            "I would value your advice on further management and whether intervention is indicated.",
            "The question is whether a procedure is warranted or conservative care should continue.",
            f"{'She' if case.sex == 'F' else 'He'} is keen to discuss the options with you.",
            "Could you advise on investigations and treatment?",
        )),
        pick(rng, ("Many thanks for your help.", "Thank you for seeing this patient.", "With thanks,", "")),
        pick(rng, ("Yours sincerely,", "Kind regards,", "Best wishes,", "Sincerely,")),
        doctor(rng, case),
        pick(rng, ("Primary Care Physician", "Family Medicine", f"{case.requesting.practice}", "")),
        pick(rng, ("Enc: recent results", "cc: patient", "")),
    ]
    body = [p for p in paras if p]
    if rng.random() < 0.25:
        cut = rng.randint(3, len(body) - 3)
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:])]
    return ["\n".join(lines + body)]


def discharge_summary(case: Case, rng: Random) -> list[str]:
    """A hospital, rehab or behavioural-health discharge summary, 1-3 pages."""
    setting = pick(rng, ("acute", "acute", "rehab", "snf", "obs", "psych"))
    discharged = case.service_date - dt.timedelta(days=rng.randint(1, 10))
    admitted = discharged - dt.timedelta(days=rng.randint(1, 21))
    hospital = (
        f"{pick(rng, ('St. Brendan', 'Mercy Ridge', 'Oakview', 'Good Shepherd', 'Lakeside General', 'County'))}"
        f" {pick(rng, ('Hospital', 'Medical Center', 'Regional Medical Center', 'Health Campus'))}"
    )
    title = pick(
        rng,
        {
            "acute": (
                "DISCHARGE SUMMARY",
                "Hospital Discharge Summary",
                "Discharge Summary - Inpatient",
                "Physician Discharge Summary",
                "Discharge Note",
            ),
            "rehab": ("Rehabilitation Discharge Summary", "IRF DISCHARGE REPORT"),
            "snf": ("SNF Discharge Summary", "Skilled Nursing Discharge/Transition of Care"),
            "obs": ("Observation Discharge Summary", "Short Stay Summary"),
            "psych": ("Behavioral Health Discharge Summary", "Inpatient Psychiatry Discharge"),
        }[setting],
    )
    lines = [hospital, title] if rng.random() < 0.6 else [title, hospital]
    pairs = identity_pairs(rng, case, member=0.6, mrn=0.7)
    pairs += [
        (pick(rng, ("Admission Date", "Date of Admission", "Admit Date", "Admitted", "Adm")), date(rng, admitted)),
        (pick(rng, ("Discharge Date", "Date of Discharge", "D/C Date", "Discharged", "Disch")), date(rng, discharged)),
    ]
    if rng.random() < 0.5:
        pairs.append((pick(rng, ("Length of Stay", "LOS")), f"{(discharged - admitted).days} days"))
    pairs.append(
        (pick(rng, ("Attending", "Attending Physician", "Discharging Physician", "Hospitalist")), doctor(rng, case))
    )
    if rng.random() < 0.5:
        pairs.append((pick(rng, ("PCP", "Primary Care", "Follow-up Physician")), "Dr. Noemi Achterberg"))
    lines += labelled(rng, pairs)
    style = rng.randrange(4)
    reason = pick(
        rng,
        (
            "Community-acquired pneumonia with hypoxia.",
            "Acute decompensated heart failure.",
            "Elective total knee arthroplasty.",
            "Sepsis secondary to urinary tract infection.",
            "Fall with left hip fracture, status post ORIF.",
            "COPD exacerbation.",
            "Diabetic ketoacidosis.",
            "Acute on chronic low back pain, unable to ambulate.",
            "Major depressive episode with suicidal ideation.",
            "Cellulitis of the right lower leg.",
        ),
    )
    course = " ".join(pick(rng, options) for options in _COURSE)
    meds = some(rng, _MEDS, 3, 7)
    sec = {
        "reason": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Reason for Admission",
                        "Admitting Diagnosis",
                        "Chief Complaint",
                        "Reason for Hospitalization",
                        "Presenting Problem",
                    ),
                ),
                style,
            ),
            reason,
        ],
        "dx": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Discharge Diagnoses",
                        "Principal Diagnosis",
                        "Final Diagnosis",
                        "Diagnoses at Discharge",
                        "Discharge Diagnosis",
                    ),
                ),
                style,
            ),
            *bullets(rng, [f"{desc} ({code})" for code, desc in case.icd10]),
        ],
        "procedures": [
            heading(rng, pick(rng, ("Procedures", "Procedures Performed", "Operations/Procedures")), style),
            pick(
                rng,
                (
                    "None.",
                    "Right total knee arthroplasty.",
                    "Transthoracic echocardiogram.",
                    "PICC line placement.",
                    "Lumbar puncture.",
                ),
            ),
        ],
        "course": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Hospital Course",
                        "Brief Hospital Course",
                        "Course in Hospital",
                        "Summary of Stay",
                        "Clinical Course",
                    ),
                ),
                style,
            ),
            course,
        ],
        "consults": [
            heading(rng, pick(rng, ("Consultations", "Consults")), style),
            ", ".join(
                some(rng, ("Cardiology", "Infectious disease", "PT/OT", "Nephrology", "Psychiatry", "Wound care"), 1, 3)
            ),
        ],
        "condition": [
            f"{heading(rng, pick(rng, ('Condition at Discharge', 'Discharge Condition', 'Condition')), 1)}"
            f": {pick(rng, ('Stable', 'Improved', 'Good', 'Fair'))}"
        ],
        "disposition": [
            f"{heading(rng, pick(rng, ('Disposition', 'Discharge Disposition', 'Discharged to')), 1)}: "
            f"{pick(rng, _DISPOSITIONS)}"
        ],
        "meds": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Discharge Medications",
                        "Medications at Discharge",
                        "Discharge Med List",
                        "Medication Reconciliation",
                    ),
                ),
                style,
            ),
            *bullets(rng, [f"{m}{pick(rng, ('', ' (NEW)', ' - continue', ' - changed dose', ''))}" for m in meds]),
        ],
        "followup": [
            heading(
                rng,
                pick(rng, ("Follow-up", "Follow-Up Appointments", "Discharge Instructions", "Post-discharge Plan")),
                style,
            ),
            *bullets(
                rng,
                some(
                    rng,
                    (
                        "PCP within 7 days",
                        "Orthopedics in 2 weeks for wound check",
                        f"Home health start {date(rng, case.service_date)}: {codes_text(case, rng)}",
                        "Labs (BMP) in 1 week",
                        "Return to ED for fever or chest pain",
                        f"Outpatient services requested: {codes_text(case, rng)}",
                        "Diet: low sodium, diabetic",
                        "Activity: as tolerated, walker",
                    ),
                    2,
                    5,
                ),
            ),
        ],
        "pending": [
            heading(rng, pick(rng, ("Pending Results", "Results Pending at Discharge")), style),
            pick(rng, ("Blood cultures, final.", "None.", "Pathology from procedure.")),
        ],
    }
    if rng.random() < 0.45:
        # Services ordered at discharge, often needing authorization: a small table of codes and start dates.
        start = date(rng, case.service_date)
        sec["followup"] += [
            pick(
                rng,
                (
                    "Services ordered at discharge:",
                    "Post-acute services (authorization requested):",
                    "Home health / DME orders:",
                    "Outpatient follow-up services:",
                ),
            ),
            pick(rng, ("Code  Description  Start", "Service  Code  Begin date", "HCPCS/CPT  Item  Start of care")),
            *[f"{code}  {desc}  {start}" for code, desc in list(case.cpt) + list(case.hcpcs)],
            f"{pick(rng, ('Agency', 'Provider', 'Vendor'))}: {case.servicing.practice} (NPI {case.servicing.npi})",
        ]
    order = [
        "reason",
        "dx",
        "procedures",
        "course",
        "consults",
        "condition",
        "disposition",
        "meds",
        "followup",
        "pending",
    ]
    order = [k for k in order if k in ("dx", "course", "meds") or rng.random() < 0.7]
    if rng.random() < 0.3:
        order.remove("dx")
        order.insert(len(order) - 2, "dx")
    inline = rng.random() < 0.4
    body = [ln for k in order for ln in run_in(rng, sec[k], inline)]
    sign = pick(
        rng,
        (
            f"Dictated by {doctor(rng, case)}; signed {date(rng, discharged)}",
            f"Electronically signed: {doctor(rng, case)}",
            f"{doctor(rng, case)}, Hospitalist Service",
            f"Time spent on discharge: more than 30 minutes. {doctor(rng, case)}",
        ),
    )
    if len(body) > 10 and rng.random() < 0.6:
        cut = rng.randint(len(body) // 3, len(body) - 3)
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:] + [sign])]
    return ["\n".join(lines + body + [sign])]
