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
