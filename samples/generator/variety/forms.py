"""Fax cover sheets and prior-authorization request forms of many kinds (services, drugs, equipment, stays)."""

from __future__ import annotations

from random import Random

from samples.generator.data import Case
from samples.generator.variety.common import (
    continuation_header,
    date,
    heading,
    identity_pairs,
    labelled,
    name,
    pick,
    some,
)

_NOTICES = (
    "CONFIDENTIALITY NOTICE: The information in this fax is confidential and may be legally privileged. It is "
    "intended only for the named recipient. If you are not the intended recipient, you are notified that any "
    "use or disclosure is strictly prohibited. Please call the sender and destroy the pages received.",
    "This facsimile may contain protected health information (PHI) protected under HIPAA. If you received it in "
    "error, please notify us immediately and destroy it.",
    "The documents accompanying this telecopy transmission contain confidential information belonging to the "
    "sender. Redisclosure without the patient's consent is prohibited by federal and state law.",
    "PRIVILEGED AND CONFIDENTIAL - intended only for the use of the individual or entity named above.",
    "If you have received this communication in error, please notify the sender by phone and return the "
    "original message by mail.",
)


def fax_cover(case: Case, rng: Random) -> list[str]:
    """A fax cover sheet: to/from/fax/phone/date/pages/subject in any order and shape, boxes, a notice."""
    rq = case.requesting
    title = pick(
        rng,
        (
            "FAX",
            "Fax",
            "F A X",
            "Fax Cover Sheet",
            "FACSIMILE COVER SHEET",
            "Fax Transmission",
            "FAX TRANSMITTAL",
            "Confidential Fax",
            "Fax Message",
            "FAX COVER",
            "Secure Fax",
            "Facsimile",
            "Fax Cover Page",
            "Telecopy Cover Sheet",
        ),
    )
    lines = []
    if rng.random() < 0.6:
        lines.append(rq.practice if rng.random() < 0.7 else case.plan)
    lines.insert(rng.randint(0, len(lines)), title)
    pages = rng.randint(2, 24)
    pairs = [
        (
            pick(rng, ("To", "Attn", "Attention", "Recipient", "Deliver to", "TO")),
            pick(
                rng,
                (
                    "Utilization Management",
                    "Prior Authorization Dept",
                    "Intake",
                    "UM Nurse Review",
                    "Appeals",
                    "Medical Records",
                    "Case Management",
                    case.plan,
                ),
            ),
        ),
        (pick(rng, ("Fax", "Fax #", "Fax Number", "Recipient Fax", "To Fax", "Fax No.")), case.plan_fax),
        (
            pick(rng, ("From", "Sender", "From (name)", "FROM")),
            pick(rng, (rq.name, rq.practice, "Referral Coordinator")),
        ),
        (pick(rng, ("Phone", "Tel", "Callback #", "Sender Phone", "Phone No.")), rq.phone),
        (
            pick(rng, ("Date", "Date Sent", "Sent")),
            case.fax.sent.strftime(pick(rng, ("%m/%d/%Y", "%m/%d/%y", "%B %d, %Y"))),
        ),
        (
            pick(
                rng,
                (
                    "Pages",
                    "No. of Pages",
                    "Number of pages (including cover)",
                    "Total pages incl. cover",
                    "# Pages",
                    "Pages (incl. this one)",
                ),
            ),
            str(pages),
        ),
    ]
    if rng.random() < 0.5:
        pairs.append((pick(rng, ("From Fax", "Sender Fax", "Return Fax")), rq.fax))
    if rng.random() < 0.35:
        pairs += [
            (pick(rng, ("Patient", "Member", "Pt")), name(rng, case)),
            (pick(rng, ("DOB", "Date of Birth")), date(rng, case.dob)),
        ]
    if rng.random() < 0.2:
        pairs.append(("CC", pick(rng, ("Chart", "File", "Dr. office"))))
    rng.shuffle(pairs)
    lines += labelled(rng, pairs)
    subject = pick(
        rng,
        (
            "Prior authorization request",
            "Additional clinical information",
            "Records for review",
            "Authorization request - please review",
            "Appeal documents",
            "Requested medical records",
            "Clinicals for pending auth",
            "Precert request",
            "Updated documentation",
            "Response to request for information",
            "Lab and imaging results",
            "Referral",
        ),
    )
    ref = (
        f" {pick(rng, ('Ref', 'Ref #', 'Case', 'Auth #', 'Reference'))} {case.reference_id}"
        if rng.random() < 0.5
        else ""
    )
    lines.append(f"{pick(rng, ('Re', 'RE', 'Subject', 'Regarding'))}: {subject}{ref}")
    boxes = some(
        rng,
        (
            "Urgent",
            "For Review",
            "Please Comment",
            "Please Reply",
            "Please Recycle",
            "FYI",
            "As Requested",
            "ASAP",
            "Routine",
            "Confidential",
        ),
        0,
        5,
    )
    if boxes:
        mark = pick(rng, ("[X]", "X", "☒", "■"))
        lines.append("  ".join(f"{mark} {b}" if rng.random() < 0.4 else f"[ ] {b}" for b in boxes))
    if rng.random() < 0.7:
        lines.append(
            pick(rng, ("Comments:", "Message:", "Notes:", ""))
            + " "
            + pick(
                rng,
                (
                    "Please see attached.",
                    "Attached please find the requested documentation.",
                    "Please call if any pages are missing or illegible.",
                    "Sending clinical notes for the pending request.",
                    f"Attached: {pages - 1} pages.",
                    "Please review and respond at your earliest convenience.",
                ),
            )
        )
    if rng.random() < 0.85:
        lines.append(pick(rng, _NOTICES))
    return ["\n".join(lines)]


# Kinds of request: title words, service table headings, and items (code, description).
_REQUESTS = {
    "outpatient": (
        (
            "Prior Authorization Request",
            "Outpatient Prior Authorization Form",
            "Pre-Service Request",
            "Request for Prior Approval",
            "Precertification Request",
        ),
        ("Procedure Code", "Description", "Units", "From", "To"),
    ),
    "pharmacy": (
        (
            "Medication Prior Authorization Request",
            "Pharmacy Prior Authorization Form",
            "Drug Coverage Request",
            "Specialty Drug PA Request",
            "Formulary Exception Request",
        ),
        ("Drug name / strength", "J-code / NDC", "Qty", "Days supply", "Start"),
    ),
    "dme": (
        (
            "DME Prior Authorization Request",
            "Equipment and Supplies Request",
            "Standard Written Order",
            "Durable Medical Equipment Request",
            "Orthotics & Prosthetics Authorization",
        ),
        ("HCPCS", "Item", "Modifier", "Qty", "Rental/Purchase"),
    ),
    "imaging": (
        ("Advanced Imaging Request", "High-Tech Imaging Pre-Certification", "Radiology Authorization Form"),
        ("CPT", "Study requested", "Contrast", "Body part", "Date"),
    ),
    "inpatient": (
        ("Inpatient Admission Notification", "Inpatient Precertification Form", "Facility Admission Review Request"),
        ("Code", "Procedure", "Admit date", "Expected LOS", ""),
    ),
    "therapy": (
        ("Therapy Authorization Request", "PT/OT/ST Visit Request", "Rehabilitation Services Request"),
        ("CPT", "Modality", "Visits", "Frequency", "Start"),
    ),
    "home": (
        ("Home Health Authorization Request", "Home Care Services Request", "Home Infusion Request"),
        ("Service", "Code", "Visits", "Frequency", "SOC date"),
    ),
    "behavioral": (
        ("Behavioral Health Authorization Request", "Outpatient Mental Health Treatment Request"),
        ("Service", "CPT", "Sessions", "Frequency", "Start"),
    ),
}


def request_form(case: Case, rng: Random) -> list[str]:
    """A prior-authorization request form: member, providers, services with codes, diagnoses, urgency, signature."""
    kind = pick(rng, tuple(_REQUESTS))
    titles, columns = _REQUESTS[kind]
    rq, sv = case.requesting, case.servicing
    box = pick(rng, ("[X]", "X", "☒", "(x)"))

    def boxes(options: list[tuple[str, bool]]) -> str:
        return "  ".join(f"{box} {k}" if on else f"[ ] {k}" for k, on in options)

    lines = [case.plan.upper() if rng.random() < 0.5 else case.plan, pick(rng, titles)]
    if rng.random() < 0.5:
        lines.append(
            pick(
                rng,
                (
                    f"Fax completed form to {case.plan_fax}",
                    "Please print clearly. All fields required.",
                    f"Phone {case.plan_phone} | Fax {case.plan_fax}",
                    "Incomplete requests may delay review.",
                ),
            )
        )
    member_pairs = identity_pairs(rng, case, member=1.0, mrn=0.0)
    if rng.random() < 0.5:
        member_pairs.append((pick(rng, ("Group #", "Group No.", "Group ID")), case.group_number))
    if rng.random() < 0.3:
        member_pairs.append((pick(rng, ("Member Phone", "Phone")), "(555) 555-0100"))
    sections = {
        "member": [
            heading(
                rng,
                pick(rng, ("Member Information", "Patient Information", "Section A: Member", "Enrollee", "1. Member")),
            ),
            *labelled(rng, member_pairs),
        ],
        "requesting": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Requesting Provider",
                        "Ordering Provider",
                        "Prescriber Information",
                        "Section B: Provider",
                        "2. Requesting Physician",
                    ),
                ),
            ),
            *labelled(
                rng,
                [
                    (pick(rng, ("Name", "Provider Name", "Prescriber")), rq.name),
                    (pick(rng, ("NPI", "NPI #", "Provider NPI", "Individual NPI")), rq.npi),
                    *some(
                        rng,
                        [
                            (pick(rng, ("TIN", "Tax ID")), f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"),
                            ("Phone", rq.phone),
                            ("Fax", rq.fax),
                            ("Specialty", rq.specialty),
                            ("Contact", pick(rng, ("Office manager", "Auth coordinator", "Nurse"))),
                        ],
                        1,
                        4,
                    ),
                ],
            ),
        ],
        "servicing": [
            heading(
                rng,
                pick(
                    rng,
                    (
                        "Servicing Provider / Facility",
                        "Rendering Provider",
                        "Facility",
                        "Section C: Servicing Provider",
                        "Where will the service be done?",
                    ),
                ),
            ),
            *labelled(
                rng,
                [
                    (pick(rng, ("Facility Name", "Servicing Provider", "Name")), sv.practice),
                    (pick(rng, ("NPI", "Facility NPI", "Servicing NPI")), sv.npi),
                    (pick(rng, ("Address", "Location")), f"{sv.street}, {sv.city}, {sv.state} {sv.zip}"),
                ],
            ),
        ],
    }
    items = list(case.cpt) + list(case.hcpcs)
    rows = ["  ".join(c for c in columns if c)]
    for code, desc in items:
        extra = {
            "pharmacy": ("1", "30", date(rng, case.service_date)),
            "dme": (pick(rng, ("NU", "RR", "KX", "")), "1", pick(rng, ("Rental", "Purchase"))),
            "therapy": (str(rng.randint(6, 24)), "2x/wk", date(rng, case.service_date)),
        }
        tail = extra.get(kind, (str(rng.randint(1, 12)), date(rng, case.service_date), date(rng, case.service_end)))
        rows.append("  ".join((code, desc, *tail)) if kind != "pharmacy" else "  ".join((desc, code, *tail)))
    sections["services"] = [
        heading(
            rng,
            pick(
                rng,
                (
                    "Services Requested",
                    "Requested Service(s)",
                    "Service Information",
                    "Medication Requested",
                    "Section D: Request Details",
                    "Procedure / Item Information",
                ),
            ),
        ),
        *rows,
    ]
    dx_rows = [f"{code}  {desc}" if rng.random() < 0.6 else f"{desc} - {code}" for code, desc in case.icd10]
    sections["diagnosis"] = [
        heading(
            rng, pick(rng, ("Diagnosis", "Diagnosis Code(s) (ICD-10)", "ICD-10-CM", "Primary/Secondary Diagnosis"))
        ),
        *dx_rows,
    ]
    sections["urgency"] = [
        pick(rng, ("Review type:", "Priority:", "Request type:", "Urgency:"))
        + " "
        + boxes(
            [
                (pick(rng, ("Standard", "Routine", "Non-urgent")), not case.urgent),
                (pick(rng, ("Urgent", "Expedited", "Urgent/Expedited")), case.urgent),
            ]
        )
    ]
    if rng.random() < 0.6:
        sections["urgency"].append(
            pick(rng, ("Request:", "This is:"))
            + " "
            + boxes([("Initial", True), ("Extension", False), ("Retro", False)])
        )
    if rng.random() < 0.5:
        sections["urgency"].append(
            "Place of service: "
            + boxes([(p, p == "Outpatient") for p in ("Inpatient", "Outpatient", "Office", "Home", "ASC")])
        )
    clinical = pick(
        rng,
        (
            "Pertinent clinical information / prior treatment:",
            "Clinical justification:",
            "Relevant history (attach notes):",
            "Previous therapies tried and failed:",
        ),
    )
    sections["clinical"] = [
        clinical,
        pick(
            rng,
            (
                "See attached office notes.",
                "Failed 6 weeks of PT and NSAIDs.",
                "Metformin and glipizide x 12 months, A1c above goal.",
                "Prior imaging inconclusive; persistent symptoms.",
                "",
                "Tried and failed two preferred formulary agents.",
            ),
        ),
    ]
    sections["signature"] = [
        pick(
            rng,
            (
                "I attest that the information provided is true and accurate.",
                "Prescriber attestation: information is supported by the medical record.",
                "By signing, I certify medical necessity.",
                "",
            ),
        ),
        f"{pick(rng, ('Signature', 'Provider signature', 'Prescriber signature'))}: "
        f"{rq.name}   Date: {date(rng, case.signature_date)}",
    ]
    order = ["member", "requesting", "servicing", "services", "diagnosis", "urgency", "clinical", "signature"]
    if rng.random() < 0.4:
        order.remove("urgency")
        order.insert(0, "urgency")
    if rng.random() < 0.3:
        order.remove("servicing")
    if rng.random() < 0.3:
        order[3], order[4] = order[4], order[3]
    body = [ln for k in order for ln in sections[k] if ln]
    if rng.random() < 0.3:
        cut = body.index(sections["services"][0])
        return ["\n".join(lines + body[:cut]), "\n".join(continuation_header(rng, case, 2) + body[cut:])]
    return ["\n".join(lines + body)]
