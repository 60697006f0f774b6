"""Held-out family written blind (session 5): a state-mandated uniform / standardized PA request form.

Numbered sections in roman numerals, every field a ruled box with its caption at the top-left (or just above it)
and the typed value beneath, the patient's name split into Last / First / MI boxes, a review-type row of check
boxes, a service-line table and a row of four numbered diagnosis boxes. Wording is this module's own.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import (
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    STREETS,
    TODAY,
    Case,
    Provider,
    fictional_phone,
)
from samples.generator.document import KV, Banner, Block, Checks, Doc, Gap, Rule, Style, Table, Text, Title
from samples.generator.heldout.common import DATE_STYLES, fmt, initial, tax_id
from samples.generator.wording import request_truth

FAMILY = "uniform_pa_request"

# This family's date styles: the held-out ones plus month-day-year with hyphens.
_STYLES = (*DATE_STYLES, "mdy_dash")

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

_TITLES = (
    ("UNIFORM PRIOR AUTHORIZATION REQUEST FORM", "For Health Care Services (not for prescription drugs)"),
    ("STANDARDIZED PRIOR AUTHORIZATION REQUEST", "Medical and Surgical Services, Imaging, DME and Outpatient Care"),
    ("PRIOR AUTHORIZATION REQUEST - STATE UNIFORM FORM", "Health Care Services Request for Review"),
)
_AUTHORITY = (
    "This form is prescribed for use by every health carrier and utilization review agent in the state. "
    "Carriers may not require additional forms for the same request.",
    "Issuers must accept this standardized form for any service that requires prior authorization. "
    "Submit one form per patient; attach supporting clinical records.",
    "Complete every section that applies. An incomplete form may be returned and will not start the review "
    "time frame. Do not use this form for outpatient pharmacy benefits.",
)

# Caption variants (two or three per field, chosen per document).
_CAP = {
    "last": ("Last Name", "Patient Last Name", "Member Last Name"),
    "first": ("First Name", "Patient First Name", "First"),
    "mi": ("MI", "M.I.", "Middle Initial"),
    "member": ("Member ID #", "Health Plan ID No.", "Subscriber/Member Number"),
    "group": ("Group #", "Group No.", "Employer Group Number"),
    "dob": ("Date of Birth", "Birth Date", "DOB"),
    "sex": ("Sex", "Gender", "Sex (M/F/U)"),
    "pt_phone": ("Patient Phone", "Home / Cell Phone", "Phone Number"),
    "street": ("Street Address", "Home Address", "Mailing Address"),
    "city": ("City", "City / Town"),
    "state": ("State", "ST"),
    "zip": ("ZIP Code", "ZIP", "Zip + 4"),
    "prov": ("Provider Name", "Requesting Physician / Practitioner", "Name and Credentials"),
    "group_prac": ("Practice / Group Name", "Clinic or Group", "Organization Name"),
    "npi": ("NPI", "NPI #", "National Provider ID (NPI)"),
    "tin": ("TIN", "Tax ID #", "Federal Tax ID No."),
    "specialty": ("Specialty", "Specialty / Taxonomy", "Provider Type / Specialty"),
    "phone": ("Phone", "Telephone", "Office Phone"),
    "fax": ("Fax", "Fax #", "Secure Fax Number"),
    "contact": ("Contact Name", "Office Contact", "Person Completing Form"),
    "facility": ("Facility / Provider Name", "Servicing Provider or Facility Name", "Rendering Provider / Facility"),
    "prev": ("Previous Authorization #", "Existing Auth. No. (if any)", "Prior Auth Number"),
    "submitted": ("Date of Request", "Submission Date", "Date Submitted"),
}
_MEMBER_BY_PLAN = {"mbi": "Medicare ID (MBI) / Member #", "medicaid": "Medicaid / Member ID No.",
                   "blue": "Subscriber ID (incl. prefix)", "generic": "Member ID #"}
_SECTION = {
    "review": ("Submission and Review Type", "Submission / Review Type", "Request Information"),
    "patient": ("Patient Information", "Member / Patient Information", "Patient"),
    "requesting": ("Requesting Provider", "Requesting Provider Information", "Ordering / Requesting Provider"),
    "servicing": ("Servicing / Rendering Provider or Facility", "Service Provider or Facility",
                  "Rendering Provider / Facility Information"),
    "services": ("Services Requested", "Requested Services (CPT / HCPCS)", "Service Detail"),
    "dx": ("Diagnosis", "Diagnosis Codes (ICD-10-CM)", "Diagnoses"),
    "clinical": ("Clinical Documentation", "Clinical Information", "Supporting Documentation"),
    "attest": ("Attestation and Signature", "Provider Attestation", "Signature"),
}


def _date(day: dt.date, style: str) -> str:
    if style == "mdy_dash":
        return day.strftime("%m-%d-%Y")
    return fmt(day, style)


class _Grid:
    """Emits rows of caption-above boxes in one of three drawings (caption in the box, above it, or a band)."""

    def __init__(self, drawing: str) -> None:
        self.drawing = drawing
        self.blocks: list[Block] = []

    def heading(self, text: str, rule: bool) -> None:
        if rule:
            self.blocks.append(Rule())
        self.blocks.append(Text(text, bold=True, size=10))

    def row(self, *cells: tuple[str, str], key_at: int | None = None, widths: tuple[float, ...] = ()) -> None:
        if self.drawing == "band":
            # A shaded strip of captions over one ruled row of values.
            self.blocks.append(Table(tuple(c for c, _ in cells), (tuple(v for _, v in cells),), widths=widths))
            return
        keys = tuple("policy_id" if i == key_at else None for i in range(len(cells)))
        self.blocks.append(KV(tuple(cells), cols=len(cells), keys=keys))


def _person(rng: Random, avoid: str) -> str:
    first = rng.choice([f for f in FIRST_NAMES if f != avoid])
    return f"{first} {rng.choice(LAST_NAMES)}" if rng.random() < 0.5 else f"{first} {initial(rng)}."


def _units_and_mod(code: str, rng: Random, side: str) -> tuple[str, str]:
    if code[0] == "J":
        return str(rng.choice((1, 2, 4, 10, 40))), ""
    if code[0] == "A":
        return str(rng.choice((1, 3, 100))), rng.choice(("", "NU"))
    if code[0] in "EK":
        return "1", rng.choice(("NU", "RR", ""))
    if code in ("97110", "97140"):
        return str(rng.choice((8, 12, 16))), rng.choice(("GP", ""))
    if code[0] == "L" or code.startswith(("27", "29", "66", "73")):
        return "1", side if rng.random() < 0.7 else ""
    return "1", ""


def _provider_rows(g: _Grid, p: Provider, rng: Random, cap: dict[str, str], contact: str, tin: str, *,
                   facility: bool) -> None:
    name_cap = cap["facility"] if facility else cap["prov"]
    if facility:
        g.row((name_cap, p.practice), ("Attending / Rendering Practitioner", p.name), widths=(1.2, 1.0))
    else:
        g.row((name_cap, p.name), (cap["group_prac"], p.practice), widths=(1.0, 1.2))
    g.row((cap["npi"], p.npi), (cap["tin"], tin), (cap["specialty"], p.specialty))
    g.row((cap["phone"], p.phone), (cap["fax"], p.fax), (cap["contact"], contact))
    g.row((rng.choice(("Address", "Street Address", "Office Address")), p.street),
          (cap["city"], p.city), (cap["state"], p.state), (cap["zip"], p.zip), widths=(2.0, 1.3, 0.6, 0.9))


def uniform_pa_request(case: Case, rng: Random) -> Doc:
    """A state uniform PA request form: roman-numbered sections of caption-above boxed fields, 1-2 pages."""
    ds = rng.choice(_STYLES)
    cap = {k: rng.choice(v) for k, v in _CAP.items()}
    if rng.random() < 0.3:
        cap["member"] = _MEMBER_BY_PLAN[case.plan_style]
    if ds == "mdy" and rng.random() < 0.7:
        cap["dob"] = rng.choice(("Date of Birth (MM/DD/YYYY)", "DOB (mm/dd/yyyy)"))
    sec = {k: rng.choice(v) for k, v in _SECTION.items()}
    drawing = rng.choices(("boxed", "stacked", "band"), weights=(4, 4, 2))[0]
    rules = rng.random() < 0.5
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))
    rq, sv = case.requesting, case.servicing
    dob = _date(case.dob, ds)
    upper = rng.random() < 0.5
    last = case.last.upper() if upper else case.last
    first = case.first.upper() if upper else case.first
    mi = initial(rng)

    # Review type: urgent per the case; otherwise standard, an extension of an existing auth, or retro.
    kind = "urgent" if case.urgent else rng.choices(("standard", "extension", "retro"), weights=(6, 3, 1))[0]
    if kind == "retro" and case.service_date >= case.signature_date:
        kind = "standard"
    has_ref = kind == "extension" or (kind == "standard" and rng.random() < 0.1)
    prev = case.reference_id if has_ref else rng.choice(("", "", "N/A", "None"))
    ext_label = "Extension / Renewal of Auth #" + (f" {case.reference_id}" if has_ref and rng.random() < 0.4
                                                    else " ________")
    urgent_label = rng.choice((
        "Urgent / Expedited - a delay could seriously jeopardize life, health or function",
        "Urgent (expedited): the standard time frame could seriously jeopardize health",
        "Expedited / Urgent - provider certifies a standard review could cause serious harm",
    ))
    review = Checks((
        ("Standard (non-urgent)" if rng.random() < 0.5 else "Standard", kind == "standard", "non_urgent"),
        (urgent_label, kind == "urgent", "urgent"),
        ("Retro / Retrospective", kind == "retro", None),
        (ext_label, kind == "extension", None),
    ), label=rng.choice(("Review Type:", "Type of Review:", "Request Type:")))

    form_no = f"{rng.randint(1000, 9899)}-{rng.choice('ABCDE')}"
    rev = dt.date(TODAY.year - rng.randint(1, 3), rng.randint(1, 12), 1)
    footer = rng.choice((
        f"Form {form_no} Rev. {rev:%m/%Y}" + "          Page {page} of {pages}",
        "Page {page} of {pages}" + f"          Form {form_no} (Rev. {rev:%m/%y})",
        f"UPA Form {form_no}  |  Revised {rev:%m/%Y}" + "  |  Page {page} of {pages}",
    ))
    submitted = _date(case.fax.sent.date(), ds)
    contact_rq = _person(rng, case.first)
    contact_sv = _person(rng, case.first)
    tins = {rq.npi: tax_id(rng), sv.npi: tax_id(rng)}
    g = _Grid(drawing)

    def section_review(n: str) -> None:
        g.heading(f"{n}. {sec['review']}", rules)
        g.row(("Health Plan / Issuer", case.plan), ("Issuer Phone", case.plan_phone), ("Issuer Fax", case.plan_fax),
              (cap["submitted"], submitted), widths=(2.2, 1.2, 1.2, 1.1))
        g.blocks.append(review)
        if kind == "urgent":
            why = rng.choice(("Symptoms progressing; surgery scheduled and delay risks loss of function.",
                              "Rapid clinical decline documented at last visit; see attached notes.",
                              "Treatment must start promptly to avoid hospitalization."))
        else:
            why = rng.choice(("", "N/A"))
        g.row((cap["prev"], prev), ("Reason for Expedited Review (if urgent)", why), widths=(1.0, 2.4))

    def section_patient(n: str) -> None:
        g.heading(f"{n}. {sec['patient']}", rules)
        g.row((cap["last"], last), (cap["first"], first), (cap["mi"], mi), widths=(1.6, 1.6, 0.5))
        pt_phone = fictional_phone(rng)
        city, state = rng.choice(CITIES)
        if rng.random() < 0.5:
            g.row((cap["member"], case.policy_printed), (cap["group"], case.group_number), (cap["dob"], dob),
                  (cap["sex"], case.sex), key_at=0, widths=(1.6, 1.2, 1.3, 0.6))
            g.row((cap["street"], f"{rng.randint(10, 9899)} {rng.choice(STREETS)}"), (cap["city"], city),
                  (cap["state"], state), (cap["zip"], f"{rng.randint(10000, 99899):05d}"),
                  (cap["pt_phone"], pt_phone), widths=(1.8, 1.2, 0.5, 0.8, 1.3))
        else:
            g.row((cap["dob"], dob), (cap["sex"], case.sex), (cap["pt_phone"], pt_phone), widths=(1.3, 0.6, 1.3))
            g.row((cap["member"], case.policy_printed), (cap["group"], case.group_number),
                  ("Health Plan", case.plan), key_at=0, widths=(1.4, 1.1, 2.0))
            g.row((cap["street"], f"{rng.randint(10, 9899)} {rng.choice(STREETS)}"), (cap["city"], city),
                  (cap["state"], state), (cap["zip"], f"{rng.randint(10000, 99899):05d}"),
                  widths=(2.0, 1.3, 0.6, 0.9))

    def section_requesting(n: str) -> None:
        g.heading(f"{n}. {sec['requesting']}", rules)
        _provider_rows(g, rq, rng, cap, contact_rq, tins[rq.npi], facility=False)

    def section_servicing(n: str) -> None:
        g.heading(f"{n}. {sec['servicing']}", rules)
        same = sv.npi == rq.npi
        if same and rng.random() < 0.5:
            g.blocks.append(Checks((("Same as requesting provider (skip this section)", True, None),)))
            return
        _provider_rows(g, sv, rng, cap, contact_rq if same else contact_sv, tins[sv.npi], facility=True)
        setting = rng.choice(("Outpatient Hospital", "Office", "Ambulatory Surgery Center", "Inpatient", "Home"))
        g.blocks.append(Checks(tuple((s, s == setting, None) for s in (
            "Inpatient", "Outpatient Hospital", "Ambulatory Surgery Center", "Office", "Home")),
            label="Place of Service:"))

    dx = list(case.icd10)

    def section_services(n: str) -> None:
        g.heading(f"{n}. {sec['services']}", rules)
        start, end = _date(case.service_date, ds), _date(case.service_end, ds)
        ptr_all = ",".join(str(i + 1) for i in range(len(dx)))
        descs = " ".join(desc.lower() for _, desc in dx)
        side = "RT" if "right" in descs else "LT" if "left" in descs else ""
        rows = []
        for i, (code, desc) in enumerate(list(case.cpt) + list(case.hcpcs)):
            units, mod = _units_and_mod(code, rng, side)
            ptr = rng.choice(("1", ptr_all))
            rows.append((str(i + 1), start, end, code, mod, units, desc, ptr))
        for i in range(len(rows), rng.choice((len(rows), len(rows) + 1, 4))):
            rows.append((str(i + 1), "", "", "", "", "", "", ""))
        header = (rng.choice(("Line", "#", "Ln")), rng.choice(("From", "Start Date", "DOS From")),
                  rng.choice(("Through", "End Date", "DOS To")), rng.choice(("CPT / HCPCS", "Procedure Code",
                                                                           "Service Code")),
                  rng.choice(("Mod", "Mod.")), rng.choice(("Units", "Qty", "Visits")),
                  "Description of Service", rng.choice(("Dx Ptr", "Dx Pointer", "ICD #")))
        g.blocks.append(Table(header, tuple(rows), widths=(0.35, 1.05, 1.05, 0.9, 0.45, 0.55, 2.6, 0.6)))

    def section_dx(n: str) -> None:
        g.heading(f"{n}. {sec['dx']}", rules)
        caps = [rng.choice(("1 - Primary", "ICD-10 #1 (Primary)", "1. Primary Dx")), "2", "3", "4"]
        if caps[0].startswith("ICD"):
            caps[1:] = ["ICD-10 #2", "ICD-10 #3", "ICD-10 #4"]
        elif caps[0].startswith("1."):
            caps[1:] = ["2.", "3.", "4."]
        codes = [c for c, _ in dx] + [""] * (4 - len(dx))
        g.row(*zip(caps, codes, strict=True))
        g.row(("Diagnosis description(s)", "; ".join(f"{i + 1}) {desc}" for i, (_, desc) in enumerate(dx))))

    def section_clinical(n: str) -> None:
        g.heading(f"{n}. {sec['clinical']}", rules)
        attached = [(a, rng.random() < 0.55, None) for a in (
            "Office / progress notes", "Imaging or test results", "Letter of medical necessity", "Operative plan",
            "Prior treatment history")]
        attached[0] = (attached[0][0], True, None)
        g.blocks.append(Checks(tuple(attached), label="Attached:"))
        tried = rng.choice((
            "Conservative management has been tried and failed; details are in the attached records.",
            "Pertinent history, exam findings and prior treatment are documented in the enclosed notes.",
            "See attached clinical notes for history, duration of symptoms and treatments to date.",
        ))
        g.blocks.append(Text(f"Clinical summary: {tried}", size=8.5))

    def section_attest(n: str) -> None:
        g.heading(f"{n}. {sec['attest']}", rules)
        g.blocks.append(Text(rng.choice((
            "I certify that the information on this form is true and complete to the best of my knowledge and that "
            "the requested services are medically necessary.",
            "By signing, the requesting provider attests that the clinical information submitted is accurate and "
            "supported by the patient's medical record.",
        )), size=8))
        g.row(("Signature of Requesting Provider or Authorized Representative", f"/s/ {rq.name}"),
              ("Date Signed", _date(case.signature_date, ds)), widths=(2.6, 1.0))

    # Section order: submission first (or after the patient); providers before or after the patient;
    # diagnoses before or after the service lines.
    people = ["patient", "requesting", "servicing"] if rng.random() < 0.6 else ["requesting", "servicing", "patient"]
    order = ["review", *people] if rng.random() < 0.7 else [people[0], "review", *people[1:]]
    order += ["services", "dx"] if rng.random() < 0.6 else ["dx", "services"]
    order += ["clinical", "attest"]
    emit = {"review": section_review, "patient": section_patient, "requesting": section_requesting,
            "servicing": section_servicing, "services": section_services, "dx": section_dx,
            "clinical": section_clinical, "attest": section_attest}

    title, sub = rng.choice(_TITLES)
    blocks: list[Block] = []
    if rng.random() < 0.5:
        blocks.append(Banner(title, sub))
    else:
        blocks += [Title(title, 13), Text(sub, bold=True, size=9)]
    blocks.append(Text(f"{rng.choice(_AUTHORITY)} Fax the completed form to {case.plan} at {case.plan_fax}.",
                       size=7.5))
    if rng.random() < 0.5:
        blocks.append(Text("FOR ISSUER USE ONLY   Date received: ________   Auth #: ________   "
                           "Determination: [ ] Approved  [ ] Denied  [ ] Pended", size=7))
    blocks.append(Gap(4))
    for i, name in enumerate(order):
        emit[name](_ROMAN[i])
    blocks += g.blocks

    truth = request_truth(case, reference=has_ref)
    contains = [case.policy_printed, dob, last, rq.npi]
    if has_ref:
        contains.append(case.reference_id)
    style = Style(font, rng.choice((8.5, 9.0)), "stacked" if drawing == "stacked" else "boxed")
    return Doc(FAMILY, "pa_request_form", style, blocks, truth, contains, footer=footer,
               title="Uniform prior authorization request")

