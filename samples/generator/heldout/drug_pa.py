"""Held out, written blind: a medical-benefit drug prior-authorization form (prescriber, J-code and NDC)."""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Checks, Doc, Gap, Rule, Style, Table, Text, Title
from samples.generator.heldout.common import fmt, initial
from samples.generator.wording import request_truth

# Date styles of this family: the held-out ones plus a dashed month-first date (`01-03-2026`).
_DATE_STYLES = ("long", "dd_mon_yyyy_title", "mdy", "mon_dot", "mdy_dash")

# HCPCS drug code -> (drug as a form prints it, strength, typical dosing). Lay wording, invented dosing text.
_DRUGS = {
    "J9271": ("pembrolizumab", "100 mg/4 mL vial", "200 mg IV every 3 weeks"),
    "J2505": ("pegfilgrastim", "6 mg/0.6 mL syringe", "6 mg SC once per cycle"),
    "J1745": ("infliximab", "100 mg vial", "5 mg/kg IV at weeks 0, 2, 6, then every 8 weeks"),
    "J0897": ("denosumab", "60 mg/mL syringe", "60 mg SC every 6 months"),
    "J1950": ("leuprolide acetate (depot)", "3.75 mg kit", "3.75 mg IM monthly"),
    "J0178": ("aflibercept", "2 mg/0.05 mL vial", "2 mg intravitreal every 4 weeks x 3, then every 8 weeks"),
}
_MEMBER = ("Cardholder ID", "Cardholder ID #", "Member ID (Cardholder)", "Rx Member ID")
_DOB = ("Pt. D.O.B.", "Patient D.O.B.", "DOB (mm/dd/yyyy)", "Pt. Birthdate")
_SITES = ("Physician office", "Hospital outpatient infusion center", "Home infusion", "Ambulatory infusion suite")


def _date(day: dt.date, style: str) -> str:
    return day.strftime("%m-%d-%Y") if style == "mdy_dash" else fmt(day, style)


def _ndc(rng: Random) -> str:
    """An invented 5-4-2 NDC (an 11-digit distractor, not a field)."""
    return f"{rng.randint(10000, 79999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}"


def drug_pa_form(case: Case, rng: Random) -> Doc:
    """Specialty drug (medical benefit) PA form: member, prescriber, medication table, diagnosis, site of care."""
    ds = rng.choice(_DATE_STYLES)
    dob = _date(case.dob, ds)
    rq, sv = case.requesting, case.servicing
    if rng.random() < 0.5:
        name_rows: tuple[tuple[str, str], ...] = (("Patient Last Name", case.last), ("Patient First Name", case.first))
        name_shown = case.last
    else:
        name_shown = f"{case.last.upper()}, {case.first.upper()} {initial(rng)}"
        name_rows = (("Patient Name (Last, First MI)", name_shown),)
    weight = f"{rng.randint(48, 118)} kg"
    drugs = [(code, *_DRUGS.get(code, (desc.lower(), "per label", "as directed"))) for code, desc in case.hcpcs]
    med_rows = tuple((name, strength, code, _ndc(rng), dosing, str(rng.choice((1, 2, 3, 6, 12))))
                     for code, name, strength, dosing in drugs)
    admin = ", ".join(c for c, _ in case.cpt)
    new_or_cont = rng.choice(("New start", "Continuation of therapy"))
    last_dose = case.signature_date - dt.timedelta(days=rng.randint(20, 60))
    start_label = rng.choice(("Requested Start Date", "Anticipated Date of First Dose", "Therapy Start Date"))
    dx_rows = tuple((c, desc) for c, desc in case.icd10)
    prescriber_npi_label = rng.choice(("Prescriber NPI", "Prescriber NPI #", "NPI (Prescriber)"))
    blocks: list = [
        Title(case.plan, 12),
        Title("SPECIALTY MEDICATION PRIOR AUTHORIZATION REQUEST (MEDICAL BENEFIT)", 10.5),
        Text(f"Fax completed form to Pharmacy Services: {case.plan_fax}   Questions: {case.plan_phone}. "
             "Please print clearly; requests without a J-code or NDC will be returned.", size=7.5),
        Checks((("Standard review", not case.urgent, "non_urgent"),
                ("Urgent / exigent - 24 hours", case.urgent, "urgent")), label="Review:"),
        KV((*name_rows, (rng.choice(_DOB), dob), (rng.choice(_MEMBER), case.policy_printed),
            ("Rx Group", case.group_number), ("Weight", weight)),
           cols=2, keys=(*(None for _ in name_rows), None, "policy_id"), heading="1. PATIENT"),
        KV((("Prescriber", rq.name), (prescriber_npi_label, rq.npi), ("Specialty", rq.specialty),
            ("Office Contact / Phone", rq.phone), ("Secure Fax", rq.fax),
            ("Address", f"{rq.street}, {rq.city}, {rq.state} {rq.zip}")),
           cols=2, heading="2. PRESCRIBER"),
        Table(("Drug Name", "Strength", "HCPCS/J-Code", "NDC", "Dose & Frequency", "Qty"), med_rows,
              widths=(1.25, 1.2, 1.1, 1.1, 2.1, 0.45), heading="3. MEDICATION REQUESTED"),
        KV(((start_label, _date(case.service_date, ds)), ("Therapy", new_or_cont),
            (rng.choice(("Administration / related CPT", "CPT code(s)")), admin),
            ("Date of last dose (if continuing)", _date(last_dose, ds))),
           cols=2),
        Table(("ICD-10 Code", "Diagnosis"), dx_rows, widths=(1.1, 5.0), heading="4. DIAGNOSIS"),
    ]
    if sv.npi != rq.npi:
        blocks.append(KV((("Administering Site", sv.practice), ("Site of Care NPI", sv.npi),
                          ("Setting", rng.choice(_SITES))), cols=2, heading="5. SITE OF CARE / BUY AND BILL"))
    else:
        blocks.append(KV((("Administering Site", "Prescriber's office (same as section 2)"),
                          ("Setting", _SITES[0])), cols=2, heading="5. SITE OF CARE / BUY AND BILL"))
    first = drugs[0] if drugs else None
    rationale = (f"Requesting {first[1]} ({first[0]}) for {case.icd10[0][1].lower()} ({case.icd10[0][0]}). "
                 if first else f"Requesting therapy for {case.icd10[0][1].lower()} ({case.icd10[0][0]}). ")
    blocks += [
        Text("6. CLINICAL INFORMATION", bold=True),
        Text(rationale + rng.choice((
            "Patient has tried and failed two formulary alternatives; chart notes and labs attached.",
            "Step therapy requirements met; prior trials documented in the attached notes.",
            "Contraindication to preferred agents documented; recent labs enclosed.",
        )), size=9),
        Text(("Prescriber attests that applying the standard review time frame may seriously jeopardize the "
              "patient's life, health or ability to regain maximum function." if case.urgent else
              "No exigent circumstances."), size=8.5),
        Rule(),
        Gap(4),
        Text(f"Prescriber signature: {rq.name}      Date: {_date(case.signature_date, ds)}", size=9),
    ]
    extra = med_rows[0][2] if med_rows else rq.npi
    return Doc("drug_pa_form", "pa_request_form", Style("liberation_sans", 9, "boxed"), blocks,
               request_truth(case), [case.policy_printed, dob, name_shown, rq.npi, extra],
               footer="RX-MB-PA (synthetic) rev. 2026  page {page} of {pages}",
               title="Specialty medication prior authorization request")
