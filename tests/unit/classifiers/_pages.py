"""Invented page texts for the classifier tests (no real patient data)."""

from __future__ import annotations

from docintake.model import Page, PageSource, Word


def page(number: int, text: str) -> Page:
    """A flow page (no geometry) holding the text; words split on whitespace, one line per text line."""
    words = tuple(Word(w, None, 0.99, line=i) for i, line in enumerate(text.splitlines()) for w in line.split())
    return Page(number=number, words=words, text=text, source=PageSource.FLOW)


def cover(ref: str = "PA1234567897") -> str:
    return (
        "F A X\nLakeshore Orthopedic Associates\n4410 Juniper St, Fairview, TX 75001\n"
        "To: Utilization Management\nFrom: Miriam Halvorsen, MD\nFax: (800) 555-0141\nPhone: (217) 555-0143\n"
        "Date: 11/18/2026\nPages: 4 (including cover)\n"
        f"Re: Prior authorization - Ref #: {ref}\n[ ] Urgent [X] For Review [ ] Please Reply\n"
        "CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and "
        "confidential. If you received this fax in error, notify the sender and destroy all pages.\n"
    )


def request_form(name: str, member_id: str, dob: str) -> str:
    return (
        "STANDARD PRIOR AUTHORIZATION REQUEST FORM\nII. Review Type: X Non-Urgent Urgent\n"
        "III. Request Type: X Initial Request Extension/Renewal/Amendment\nIV. Patient Information\n"
        f"Patient Name: {name}\nDOB: {dob}\nMember ID #: {member_id}\nGroup #: 614157-839\n"
        "V. Requesting Provider or Facility\nName: Rafael Villanueva, MD\nNPI #: 1234567893\n"
        "VII. Services Requested (with CPT, CDT, HCPCS or ICD Coding)\n"
        "Planned Service or Procedure Code Start Date End Date Diagnosis Description Code\n"
        "Total knee replacement 27447 12/01/2026 12/31/2026 Primary osteoarthritis, right knee M17.11\n"
        "Setting: Outpatient\nSignature: Rafael Villanueva, MD Date: 11/17/2026\n"
    )


def progress_note(name: str, member_id: str, dob: str, visit: str = "11/02/2026") -> str:
    return (
        "OFFICE VISIT - PROGRESS NOTE\nWillow Creek Family Medicine Tel (469) 555-0142\n"
        f"Patient: {name}\nMRN: MRN4455667\nDOB: {dob}\nVisit Date: {visit}\nMember ID: {member_id}\n"
        "S: Patient reports worsening knee pain over the past three months, pain 7/10, interfering with sleep.\n"
        "O: BP 132/84, HR 76. Tenderness and reduced range of motion on examination.\n"
        "A: 1. Primary osteoarthritis, right knee - M17.11\n"
        "P: Request prior authorization for 27447. Follow up in 4 weeks.\n"
        "Electronically signed by Rafael Villanueva, MD\n"
    )


def note_continuation(k: int, n: int) -> str:
    return (
        "Medication reconciliation reviewed with the patient. Home exercise program continued. Gait steady with a "
        "cane. Discussed risks and benefits of surgery; questions answered. Labs from last visit reviewed: "
        "hemoglobin stable, renal function normal. Plan unchanged; follow up after imaging.\n"
        f"Progress notes - page {k} of {n}\n"
    )


# Pages in layouts and wordings that none of the generator's families has (written for these tests).
ULTRASOUND_REPORT = (
    "Sonography Dept - Westfield Community Hospital\n"
    "Patient: DOE-SMITH, ALEX   DOB 4/2/1961   Ins# QZX771234455\n"
    "STUDY: Ultrasound, left lower extremity venous\n"
    "Ordered for swelling and calf pain after a long flight.\n"
    "RESULT: Deep veins compress completely from the groin to the calf. Flow is phasic.\n"
    "No echogenic thrombus. Superficial veins are unremarkable.\n"
    "CONCLUSION: Negative for DVT in the left leg.\n"
    "Reading physician: K. Obuya, MD\n"
)
CHEST_FILM = (
    "NAME ALEX DOE-SMITH  BIRTHDATE 04/02/1961\n"
    "CHEST, TWO VIEWS\n"
    "The lungs are expanded and clear. There is no pleural fluid. Heart and mediastinum are normal.\n"
    "Old healed fracture of a left rib.\n"
    "IMPRESSION No active disease in the chest.\n"
)
HOSPITAL_SUMMARY = (
    "Westfield Community Hospital\n"
    "Patient: Alex Doe-Smith   Acct 5512099   DOB 04/02/1961\n"
    "Date admitted 10/30/2026    Date discharged 11/04/2026\n"
    "Principal problem: Acute pancreatitis\n"
    "Summary: Admitted with epigastric pain and lipase above 2000. Managed with fluids, bowel rest and pain "
    "control.\nDiet advanced on day 3. Gallbladder ultrasound negative.\n"
    "Going home on: pantoprazole 40 mg daily.\n"
    "Follow-up with gastroenterology in two weeks.\n"
)
MEMBER_APPEAL = (
    "Dear Appeals Department,\n"
    "Re: Alex Doe-Smith, ID 88812345, your letter of October 2, 2026\n"
    "You turned down the request for the sleep study my doctor ordered. I do not agree.\n"
    "I snore, stop breathing at night and fall asleep while driving. Please look at this again and\n"
    "change your decision so I can get the test.\n"
    "Thank you,\nAlex Doe-Smith\n"
)
PLAIN_LAB = (
    "WESTFIELD HOSPITAL LAB\n"
    "Patient Alex Doe-Smith  DOB 04/02/1961\n"
    "Drawn 11/01/2026 06:10\n"
    "LIPASE 2140 U/L  (13-60)  HIGH\n"
    "AMYLASE 610 U/L  (28-100)  HIGH\n"
    "CALCIUM 8.9 mg/dL (8.6-10.3)\n"
    "WBC 14.2 K/uL (4.0-11.0) HIGH\n"
)
EQUIPMENT_ORDER = (
    "WESTERN PLAINS HEALTH - EQUIPMENT ORDER\n"
    "Beneficiary: Alex Doe-Smith    Policy #: 88812345   Birth date: 04/02/1961\n"
    "Item: E0601 CPAP device, purchase; A7030 full face mask x1 per 3 months\n"
    "Diagnosis: G47.33 obstructive sleep apnea\n"
    "Ordering practitioner: Rosa Ruiz MD   NPI 1234567893\n"
    "Priority: Routine [X]   Rush [ ]\n"
    "Length of need: 99 months\n"
)
GRID_COVER = (
    "FACSIMILE\n"
    "TO: UM Department    FROM: Riverbend Neurology\n"
    "PATIENT: Alex Doe-Smith   DOB: 04/02/1961\n"
    "FAX: 800-555-0100   PAGES: 5\n"
    "URGENT [ ]  ROUTINE [X]\n"
    "RE: Additional records\n"
)
VENDOR_NOTE = (
    "Brookside Paper Company\n"
    "Dear customer,\n"
    "Thank you for your order. Your catalog pricing is guaranteed through the spring. Our sales team will call "
    "to confirm your standing order next week.\n"
    "Kind regards,\nBrookside Sales\n"
)
SPECIALIST_NOTE = (
    "Riverbend Neurology\n"
    "NEW PATIENT CONSULT\n"
    "Pt: Alex Doe-Smith   DOB 04/02/1961   Member 88812345\n"
    "Referred by Dr. Ruiz for numbness in both feet.\n"
    "History: Numbness began a year ago, now up to the ankles. Diabetic for ten years.\n"
    "Exam: Reduced vibration sense at the toes. Ankle reflexes absent.\n"
    "Impression: Diabetic peripheral neuropathy (E11.42).\n"
    "Recommendations: Nerve conduction study (95910). B12 level. Follow up after testing.\n"
)


def appeal_pages(name: str, member_id: str, dob: str) -> list[str]:
    """A provider's two-page appeal letter; the second page is prose that could belong to any letter."""
    first = (
        "Riverbend Neurology\n1200 Lake Rd, Westfield, OH 44000\nNovember 12, 2026\n"
        "Appeals Unit, Western Plains Health\n"
        f"Re: Request for reconsideration - {name}, DOB {dob}, Member ID {member_id}\n"
        "Authorization #: PA1234567897   Date of denial: 10/30/2026\n"
        "Dear Appeals Committee:\n"
        f"I am writing to appeal the denial of a nerve conduction study (95910) for my patient, {name}. "
        "The request was denied as not medically necessary. We believe the reviewer did not have the full "
        "record.\n"
    )
    second = (
        f"{name}   DOB {dob}\n"
        "The patient has progressive numbness in both feet despite good glucose control, and the examination "
        "shows absent ankle reflexes. Testing will decide between treatable causes. We respectfully ask that the "
        "decision be overturned and the study approved.\n"
        "Sincerely,\n\nRosa Ruiz, MD\nNeurology, NPI 1234567893\n"
    )
    return [first, second]
