"""Tune family added to show a registration face sheet sent as page 1 of a pre-certification request.

A hospital or ambulatory surgery center faxes the plan the dense demographics page its registration system
prints (the "face sheet"), followed by a short precert request page with the procedure(s), the diagnoses and the
scheduled date. The face sheet is a grid of small label/value cells holding many people besides the patient
(subscriber or insured, guarantor, emergency contact, next of kin, attending / admitting / referring physicians,
the registration clerk), many identifiers besides the member ID (secondary insurance ID, group number, MRN,
account / visit / FIN number, masked SSN, payer ID, employer code, a blank authorization number) and many dates
besides the DOB (subscriber DOB, registration / admit date, date printed, last visit, insurance effective and
verification dates). Only the patient's name, the primary insurance's member ID and the patient's DOB are truth;
the service date is the scheduled procedure date on page 2; urgent when the admission type is Urgent or Emergency.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import (
    CITIES,
    DOCTOR_FIRST,
    DOCTOR_LAST,
    FIRST_NAMES,
    LAST_NAMES,
    PLANS,
    STREETS,
    TODAY,
    Case,
    fictional_phone,
    make_npi,
    make_policy_id,
)
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.family_general import _date

_DAY = dt.timedelta(days=1)
# Registration systems print compact dates; some print the month as letters.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "dd_mon_yyyy", "iso", "mon_d_y", "abbr_dot")

_FACILITIES = (
    ("Granite Valley Regional Medical Center", "hospital"), ("St. Brendan Community Hospital", "hospital"),
    ("Cypress Bend Medical Center", "hospital"), ("Mercy Crossing Hospital", "hospital"),
    ("Millbrook Surgery Center", "asc"), ("Northfield Ambulatory Surgery Center", "asc"),
    ("Lakeview Outpatient Surgical Center, LLC", "asc"), ("Foxhollow Day Surgery", "asc"),
)
_EMPLOYERS = ("Tri-State Logistics", "Halcyon Foods Inc", "Riverbend School District", "Kestrel Manufacturing",
              "County of Fairview", "Bluestem Credit Union", "Marlowe & Finch LLP", "Northpoint Hardware")
_NO_EMPLOYER = ("Retired", "Self-employed", "Not employed", "Disabled", "Student")
_SECONDARY_PLANS = ("Keystone Medigap Supplement", "Lakeland Mutual Insurance Co.", "Prairie State Employees Plan",
                    "Unity Teachers Health Trust", "Redwood Casualty & Health", "Heartland State Medicaid")
_CLERKS = ("REG.JLM", "PATACC\\TKW", "admit.rsm", "PAS-DNH", "REGCLK04", "jporter")
_COORDINATORS = ("Tamsin Oduya", "Renata Beaumont", "Cole Fairley", "Dana Whitford", "Lorna Keyes")

_TITLES = ("PATIENT FACE SHEET", "REGISTRATION FACE SHEET", "ADMISSION FACE SHEET", "Face Sheet",
           "Patient Registration Summary", "FACESHEET / DEMOGRAPHICS")
_NAME_LABELS = ("Patient Name", "PATIENT NAME", "Pt Name", "Name (Last, First MI)", "Patient")
_DOB_LABELS = ("DOB", "Birth Date", "Date of Birth", "Pt DOB", "DOB/Age")
_ACCT_LABELS = ("Account #", "Acct No.", "FIN", "Visit #", "Encounter #", "Patient Acct #", "HAR")
_MRN_LABELS = ("MRN", "Med Rec #", "Medical Record No.", "CMRN", "Unit No.")
_REG_LABELS = ("Reg Date", "Registration Date", "Pre-Reg Date", "Date Registered")
_ADMIT_LABELS = ("Admit Date", "Adm Date", "Admission Date")
_SCHED_FS_LABELS = ("Sched. Admit Date", "Expected DOS", "Scheduled Svc Date", "Exp. Admit Date")
_TYPE_LABELS = ("Admission Type", "Adm Type", "Admit Type", "Type of Admission")
_CLASS_LABELS = ("Patient Type", "Pt Class", "Patient Class", "Visit Type")
_LAST_VISIT_LABELS = ("Last Visit", "Last Visit Date", "Prior Visit", "Last Seen")
_PRIMARY_HEADINGS = ("PRIMARY INSURANCE", "Insurance 1 - Primary", "Primary Payer", "INS 1 (PRIMARY)")
_SECONDARY_HEADINGS = ("SECONDARY INSURANCE", "Insurance 2 - Secondary", "Secondary Payer", "INS 2 (SECONDARY)")
_SUBSCRIBER_LABELS = ("Subscriber Name", "Insured Name", "Policy Holder", "Subscriber")
_SUB_DOB_LABELS = ("Subscriber DOB", "Insured DOB", "Policy Holder DOB", "Sub. Birth Date")
_REL_LABELS = ("Relationship to Insured", "Pt Rel to Subscriber", "Patient Rel. to Insured", "Rel to Sub")
_MEMBER_LABELS = ("Subscriber ID", "Policy #", "Member ID", "ID #", "Policy/Cert #", "Insured ID #", "Subscriber #")
_MBI_LABELS = ("Medicare ID (MBI)", "MBI", "Member ID", "Subscriber ID", "Policy #")
_GROUP_LABELS = ("Group #", "Group No.", "Grp #", "Group Number")
_EFF_LABELS = ("Effective Date", "Eff. Date", "Coverage Eff.", "Eff Dt")
_AUTH_LABELS = ("Auth #", "Authorization #", "Precert #", "Auth/Precert No.")
_SCHED_LABELS = ("Scheduled Surgery Date", "Date of Surgery", "Procedure Date", "Scheduled Date of Service",
                 "Surgery Date (scheduled)", "Requested Date of Service", "DOS")
_REL_WORDS = {"self": ("Self", "18 - Self", "SELF"), "spouse": ("Spouse", "01 - Spouse", "SPOUSE"),
              "child": ("Child", "19 - Child", "Dependent child")}
# UB-04 admission type codes: 1 Emergency, 2 Urgent, 3 Elective.
_ADM_TYPES = {"elective": ("Elective", "3 - Elective", "ELECTIVE"), "urgent": ("Urgent", "2 - Urgent", "URGENT"),
              "emergency": ("Emergency", "1 - Emergency", "EMERGENCY")}
# Hospital service by the first procedure code's leading digits (first match wins).
_SERVICES = ((("274", "298", "01", "73"), "Orthopedic Surgery"), (("63", "64", "72", "0275T"), "Spine Surgery"),
             (("66", "92134"), "Ophthalmology"), (("93", "929", "78"), "Cardiology"),
             (("437", "436"), "Bariatric Surgery"), (("585", "76"), "Gynecology"),
             (("90", "96130"), "Behavioral Health"), (("19", "77", "96"), "Oncology"), (("70", "0042T"), "Neurology"),
             (("95",), "Sleep Medicine"), (("71", "94"), "Pulmonology"), (("97", "0232T"), "Rehabilitation"))
_SIDES = {"27447": "RT", "29881": "LT", "29827": "RT", "66984": "RT", "19301": "RT", "L1833": "RT", "L3960": "RT"}


def _age(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _person(first: str, last: str, style: str, mi: str) -> str:
    """A person's name in the face sheet's one name style."""
    if style == "LAST, FIRST M":
        return f"{last.upper()}, {first.upper()} {mi}"
    if style == "LAST, FIRST":
        return f"{last.upper()}, {first.upper()}"
    if style == "Last, First":
        return f"{last}, {first}"
    if style == "Last, First M":
        return f"{last}, {first} {mi}"
    if style == "FIRST LAST":
        return f"{first.upper()} {last.upper()}"
    return f"{first} {last}"


def _doctor(name: str, style: str) -> str:
    """A physician (`First Last, MD`) in the sheet's name style, with the credential."""
    first, last = name.removesuffix(", MD").split(" ", 1)
    if style.startswith(("LAST", "Last")):
        return f"{_person(first, last, style.replace(' M', ''), '')} MD"
    return f"{_person(first, last, style, '')}, MD"


def _service(case: Case) -> str:
    """The hospital service the surgery is booked under, from the first procedure code."""
    first = case.cpt[0][0] if case.cpt else ""
    for prefixes, service in _SERVICES:
        if first.startswith(prefixes):
            return service
    return case.requesting.specialty


def _away(day: dt.date, avoid: set[dt.date]) -> dt.date:
    """The day, moved back until it is none of the reserved ones (the DOB, the service date)."""
    while day in avoid:
        day -= _DAY
    return day


def _zip(rng: Random) -> str:
    z = f"{rng.randint(10000, 99899):05d}"
    return f"{z}-{rng.randint(1000, 9999)}" if rng.random() < 0.2 else z


def facesheet_precert_request(case: Case, rng: Random) -> Doc:
    """Page 1: a registration face sheet; page 2: the precert request (procedures, diagnoses, scheduled date)."""
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    rq = case.requesting
    s = case.service_date
    faxed = case.fax.sent.date()
    avoid = {case.dob, s}

    # --- urgency and timeline: an emergency admission is already in the house (admitted before the surgery)
    if case.urgent:
        adm_type = "emergency" if (s - faxed).days <= 2 and rng.random() < 0.6 else "urgent"
    else:
        adm_type = "elective"
    printed = _away(faxed - _DAY * rng.randint(0, 1), avoid)
    if adm_type == "emergency":
        admit: dt.date | None = _away(min(s - _DAY * rng.randint(1, 2), printed), avoid)
        reg = admit
    else:
        admit = None
        reg = _away(min(printed, s) - _DAY * rng.randint(1, 12), avoid)
    last_visit = _away(reg - _DAY * rng.randint(14, 240), avoid)
    signed = _away(case.signature_date, avoid)
    verified = _away(reg + _DAY * rng.randint(0, max(0, (printed - reg).days)), avoid)
    age = _age(case.dob, printed)

    # --- people: one name style for the whole sheet
    style = rng.choice(("LAST, FIRST M", "LAST, FIRST M", "LAST, FIRST", "Last, First", "Last, First M",
                        "FIRST LAST", "First Last"))
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    patient = _person(case.first, case.last, style, mi)
    others = [n for n in FIRST_NAMES if n != case.first]

    def someone(last: str | None = None) -> tuple[str, str, str]:
        """Another person: a first name not the patient's, the patient's surname or another, a middle initial."""
        surname = last or rng.choice([n for n in LAST_NAMES if n != case.last])
        return rng.choice(others), surname, rng.choice("ABCDEFGHJKLMNPRSTW")

    def shown(person: tuple[str, str, str]) -> str:
        return _person(person[0], person[1], style, person[2])

    roll = rng.random()
    if age < 26 and roll < 0.6:
        rel = "child"
    elif roll < 0.5:
        rel = "self"
    else:
        rel = "spouse"
    spouse = someone(case.last if rng.random() < 0.7 else None) if (rel == "spouse" or rng.random() < 0.4) else None
    spouse_dob = case.dob + _DAY * rng.choice((-1, 1)) * rng.randint(60, 3000)
    if _age(spouse_dob, TODAY) < 19:
        spouse_dob = case.dob - _DAY * rng.randint(60, 1500)
    spouse_dob = _away(spouse_dob, avoid)
    parent = someone(case.last if rng.random() < 0.85 else None) if rel == "child" else None
    parent_dob = _away(case.dob - _DAY * rng.randint(22 * 365, 40 * 365), avoid)
    subscriber = spouse if rel == "spouse" else parent if rel == "child" else None
    if subscriber is None:
        sub_name = rng.choice((patient, patient, "SAME AS PATIENT", "SELF"))
        sub_dob_text = rng.choice((f(case.dob), f(case.dob), ""))
    else:
        sub_name, sub_dob_text = shown(subscriber), f(spouse_dob if rel == "spouse" else parent_dob)

    # Guarantor: the patient, the subscriber, or a parent / spouse.
    g_roll = rng.random()
    if g_roll < 0.4:
        guarantor, g_rel, g_dob = patient, "Self", f(case.dob)
    elif subscriber is not None and g_roll < 0.8:
        guarantor, g_rel, g_dob = sub_name, "Parent" if rel == "child" else "Spouse", sub_dob_text
    elif spouse is not None:
        guarantor, g_rel, g_dob = shown(spouse), "Spouse", ""
    else:
        guarantor, g_rel, g_dob = patient, "Self", ""
    contacts: list[tuple[str, str]] = []
    if spouse is not None:
        contacts.append((shown(spouse), "Spouse"))
    if parent is not None:
        contacts.append((shown(parent), rng.choice(("Parent", "Parent/Guardian"))))
    if age > 45 and rng.random() < 0.6:
        contacts.append((shown(someone(case.last)), rng.choice(("Child", "Adult child"))))
    if len(contacts) < 2:
        contacts.append((shown(someone()), rng.choice(("Friend", "Sibling", "Neighbor", "Other relative"))))
    rng.shuffle(contacts)

    # --- physicians, facility and identifiers
    docs = [f"{a} {b}, MD" for a in DOCTOR_FIRST for b in DOCTOR_LAST if f"{a} {b}, MD" != rq.name]
    admitting = rq.name if rng.random() < 0.5 else rng.choice(docs)
    referring = rng.choice(docs)
    facility, fac_kind = rng.choice([fk for fk in _FACILITIES if adm_type != "emergency" or fk[1] == "hospital"])
    f_city, f_state = rng.choice(CITIES)
    fac_addr = f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {f_city}, {f_state} {_zip(rng)}"
    fac_npi = case.servicing.npi if case.servicing.npi != rq.npi else make_npi(rng)
    fac_npi_where = rng.choice(("none", "header", "request", "request", "both"))
    acct = rng.choice((f"{rng.randint(10000000, 99999999)}", f"V{rng.randint(1000000, 9999999)}",
                       f"{rng.randint(100000000, 199999999)}", f"{rng.randint(10000, 99999)}"))
    mrn = rng.choice((case.mrn, f"E{rng.randint(100000, 999999):07d}", f"{rng.randint(100000, 999999)}"))
    ssn = rng.choice(("XXX-XX-", "***-**-", "xxx-xx-")) + f"{rng.randint(0, 9999):04d}"
    payer_id = f"{rng.randint(10000, 99999)}"
    clerk = rng.choice(_CLERKS)
    p_city, p_state = rng.choice(CITIES)
    p_street = f"{rng.randint(10, 9899)} {rng.choice(STREETS)}" + (f" Apt {rng.randint(1, 40)}" if rng.random() < 0.3
                                                                    else "")
    p_zip = _zip(rng)
    employer = rng.choice(_NO_EMPLOYER) if age > 66 or rng.random() < 0.25 else rng.choice(_EMPLOYERS)
    pt_class = rng.choice(("Outpatient Surgery", "Same Day Surgery", "OP Surgery") if fac_kind == "asc" else
                          ("Inpatient", "Outpatient Surgery", "Same Day Surgery", "Observation", "Pre-Admit"))
    if adm_type == "emergency":
        pt_class = rng.choice(("Inpatient", "Observation"))
    los = "0" if "Surgery" in pt_class or pt_class == "Pre-Admit" else str(rng.randint(1, 4))
    room = (rng.choice(("SDS-", "PREOP-", "ASU ")) + f"{rng.randint(1, 24):02d}" if "Surgery" in pt_class
            else f"{rng.randint(2, 7)}{rng.randint(10, 40)}-{rng.choice('AB')}")

    # --- primary and secondary insurance
    mbi = case.plan_style == "mbi"
    member_label = rng.choice(_MBI_LABELS if mbi else _MEMBER_LABELS)
    eff = _away(dt.date(reg.year - rng.randint(0, 6), rng.choice((1, 1, 1, 4, 7, 10)), 1), avoid)
    group_name = employer if employer in _EMPLOYERS else rng.choice(_EMPLOYERS)
    secondary = case.plan_style != "medicaid" and rng.random() < 0.65
    sec_plan = sec_printed = sec_sub = sec_dob = sec_group = ""
    sec_rel, sec_eff = "self", eff
    if secondary:
        sec_style = rng.choice([st for st in ("blue", "generic", "medicaid") if st != case.plan_style
                                and (st != "medicaid" or mbi)])
        sec_id, sec_printed = make_policy_id(rng, sec_style)
        while sec_id == case.policy_id:
            sec_id, sec_printed = make_policy_id(rng, sec_style)
        sec_plan = rng.choice([p for p in (*PLANS, *_SECONDARY_PLANS) if p != case.plan
                               and ("Medicaid" in p) == (sec_style == "medicaid")])
        if sec_style == "medicaid" or spouse is None or rng.random() < 0.4:
            sec_sub, sec_rel, sec_dob = (sub_name if subscriber is None else patient), "self", f(case.dob)
        else:
            sec_sub, sec_rel, sec_dob = shown(spouse), "spouse", f(spouse_dob)
        sec_group = rng.choice((f"{rng.randint(100000, 999999)}", f"G{rng.randint(10000, 99999)}", ""))
        sec_eff = _away(dt.date(reg.year - rng.randint(0, 4), rng.choice((1, 7)), 1), avoid)
    rel_word = rng.choice(_REL_WORDS[rel])
    ins_phone = case.plan_phone

    # --- face sheet blocks
    header_lines = [facility.upper() if rng.random() < 0.5 else facility,
                    f"{fac_addr}   Main {fictional_phone(rng)}"
                    + (f"   NPI {fac_npi}" if fac_npi_where in ("header", "both") else "")]
    time_printed = f"{rng.randint(6, 17):02d}:{rng.randint(0, 59):02d}"
    blocks: list = [
        Text(header_lines[0], bold=True, size=11),
        Text(header_lines[1], size=7.5),
        Title(rng.choice(_TITLES), 12.5, rng.choice(("center", "left"))),
        Text(rng.choice((f"Printed: {f(printed)} {time_printed}   User: {clerk}",
                         f"Print Date/Time: {f(printed)} {time_printed}  by {clerk}",
                         f"{f(printed)} {time_printed}  {clerk}   Page 1"))
             + rng.choice(("", f"   {rng.choice(_ACCT_LABELS)}: {acct}")), size=7.5),
    ]
    acct_label = rng.choice(_ACCT_LABELS)
    type_value = rng.choice(_ADM_TYPES[adm_type])
    visit_rows: list[tuple[str, str]] = [
        (acct_label, acct), (rng.choice(_MRN_LABELS), mrn),
        ((rng.choice(_ADMIT_LABELS), f(admit)) if admit else (rng.choice(_REG_LABELS), f(reg))),
        (rng.choice(_TYPE_LABELS), type_value),
        (rng.choice(_CLASS_LABELS), pt_class),
        (rng.choice(("Room/Bed", "Rm/Bed", "Location")), room),
        (rng.choice(("Hosp Svc", "Service", "Hospital Service")), _service(case)),
        (rng.choice(("Admit Source", "Source")), "Emergency Room" if adm_type == "emergency" else
         rng.choice(("Physician Referral", "Clinic Referral", "Physician/Clinic"))),
    ]
    if admit is None and rng.random() < 0.5:
        visit_rows.append((rng.choice(_SCHED_FS_LABELS), f(s)))
    if rng.random() < 0.6:
        visit_rows.append((rng.choice(_LAST_VISIT_LABELS), f(last_visit)))
    if rng.random() < 0.5:
        visit_rows.append((rng.choice(("Est LOS", "Exp. LOS (days)", "LOS")), los))
    visit_heading = rng.choice(("VISIT INFORMATION", "Encounter", "ADMISSION INFORMATION", "Account Information"))
    physician_rows = ((rng.choice(("Attending Physician", "Attending", "Attending MD")), _doctor(rq.name, style)),
                      (rng.choice(("Admitting Physician", "Admitting", "Admitting MD")), _doctor(admitting, style)),
                      (rng.choice(("Referring Physician", "PCP", "Referring MD", "Primary Care Phys.")),
                       _doctor(referring, style)))
    visit = [KV(tuple(visit_rows), cols=4, heading=visit_heading), KV(physician_rows, cols=3)]

    dob_label = rng.choice(_DOB_LABELS)
    dob = f(case.dob)
    dob_value = f"{dob} ({age}Y)" if dob_label == "DOB/Age" else dob
    name_row: list[tuple[str, str]] = [(rng.choice(_NAME_LABELS), patient), (dob_label, dob_value),
                                       ("Age/Sex", f"{age} / {case.sex}") if dob_label != "DOB/Age"
                                       else ("Sex", {"F": "Female", "M": "Male"}[case.sex])]
    if rng.random() < 0.3:
        name_row.insert(0, name_row.pop(1))  # DOB cell before the name cell
    patient_blocks = [
        KV(tuple(name_row), cols=3, heading=rng.choice(("PATIENT INFORMATION", "Patient Demographics", "PATIENT"))),
        KV(((rng.choice(("SSN", "Soc Sec #", "SSN (last 4)")), ssn),
            (rng.choice(("Marital Status", "Marital")), "Married" if spouse else rng.choice(("Single", "Widowed",
                                                                                              "Divorced"))),
            ("Language", rng.choice(("English", "ENG", "Spanish"))),
            (rng.choice(("Religion", "Race")), rng.choice(("Declined", "None", "Unknown", "Other")))), cols=4),
        KV(((rng.choice(("Address", "Street")), p_street), ("City/State/ZIP", f"{p_city}, {p_state} {p_zip}"),
            (rng.choice(("Home Phone", "Phone")), fictional_phone(rng))), cols=3),
        KV(((rng.choice(("Cell Phone", "Mobile")), fictional_phone(rng)),
            (rng.choice(("Employer", "Pt Employer")), employer),
            (rng.choice(("Employer Code", "Emp ID")), f"{rng.randint(10000, 99999)}" if employer in _EMPLOYERS
             else "")), cols=3),
    ]
    guarantor_blocks = [
        KV(((rng.choice(("Guarantor Name", "Guarantor", "Responsible Party")), guarantor),
            (rng.choice(("Relationship to Patient", "Guar Rel to Pt")), g_rel),
            (rng.choice(("Guarantor DOB", "Guar DOB")), g_dob)), cols=3,
           heading=rng.choice(("GUARANTOR", "Guarantor Information", "RESPONSIBLE PARTY"))),
        KV(((rng.choice(("Guar Address", "Address")), f"{p_street}, {p_city}, {p_state} {p_zip}"),
            (rng.choice(("Guar Phone", "Phone")), fictional_phone(rng)),
            (rng.choice(("Guar SSN", "SSN")), rng.choice(("XXX-XX-", "***-**-")) + f"{rng.randint(0, 9999):04d}")),
           cols=3),
    ]
    contact_heading = rng.choice(("EMERGENCY CONTACT / NEXT OF KIN", "Emergency Contacts", "CONTACTS"))
    if rng.random() < 0.5:
        contact_blocks: list = [Table(("Contact Name", "Relationship", "Home Phone", "Cell Phone"),
                                      tuple((n, r, fictional_phone(rng), fictional_phone(rng)) for n, r in contacts),
                                      widths=(2.2, 1.2, 1.3, 1.3), heading=contact_heading)]
    else:
        rows: list[tuple[str, str]] = []
        for i, (n, r) in enumerate(contacts):
            label = ("Emergency Contact", "Next of Kin")[i] if i < 2 else "Contact"
            rows += [(label, n), ("Relationship", r), ("Phone", fictional_phone(rng))]
        contact_blocks = [KV(tuple(rows), cols=3, heading=contact_heading)]

    group_label = rng.choice(_GROUP_LABELS)
    auth_label = rng.choice(_AUTH_LABELS)
    if rng.random() < 0.4:
        # Primary and secondary side by side: one row per item, one column per payer.
        rows2: list[tuple[str, str, str]] = [
            ("Plan / Payer", case.plan, sec_plan if secondary else "NONE"),
            ("Payer ID", payer_id, f"{rng.randint(10000, 99999)}" if secondary else ""),
            (rng.choice(_SUBSCRIBER_LABELS), sub_name, sec_sub if secondary else ""),
            (rng.choice(_SUB_DOB_LABELS), sub_dob_text, sec_dob if secondary else ""),
            (rng.choice(_REL_LABELS), rel_word, rng.choice(_REL_WORDS[sec_rel]) if secondary else ""),
            (member_label, case.policy_printed, sec_printed if secondary else ""),
            (group_label, case.group_number, sec_group if secondary else ""),
            (rng.choice(_EFF_LABELS), f(eff), f(sec_eff) if secondary else ""),
            (auth_label, "", ""),
        ]
        insurance: list = [Table(("", rng.choice(("Primary", "Primary Insurance", "Ins 1")),
                                  rng.choice(("Secondary", "Secondary Insurance", "Ins 2"))),
                                 tuple(rows2), widths=(1.5, 2.4, 2.4),
                                 heading=rng.choice(("INSURANCE", "Insurance Information", "COVERAGE")))]
    else:
        insurance = [
            KV(((rng.choice(("Plan", "Insurance", "Payer")), case.plan), ("Payer ID", payer_id),
                (rng.choice(("Ins Phone", "Payer Phone")), ins_phone)), cols=3,
               heading=rng.choice(_PRIMARY_HEADINGS)),
            KV(((rng.choice(_SUBSCRIBER_LABELS), sub_name), (rng.choice(_SUB_DOB_LABELS), sub_dob_text),
                (rng.choice(_REL_LABELS), rel_word)), cols=3),
            KV(((member_label, case.policy_printed), (group_label, case.group_number),
                (rng.choice(("Group Name", "Employer Group")), group_name), (rng.choice(_EFF_LABELS), f(eff))),
               cols=4, keys=("policy_id",)),
            KV(((auth_label, ""), (rng.choice(("Verified", "Elig. Verified")), f"{f(verified)} {clerk}")), cols=2),
        ]
        if secondary:
            insurance += [
                KV(((rng.choice(("Plan", "Insurance", "Payer")), sec_plan),
                    (rng.choice(_SUBSCRIBER_LABELS), sec_sub), (rng.choice(_REL_LABELS),
                                                                rng.choice(_REL_WORDS[sec_rel]))), cols=3,
                   heading=rng.choice(_SECONDARY_HEADINGS)),
                KV(((rng.choice(_MEMBER_LABELS), sec_printed), (group_label, sec_group),
                    (rng.choice(_SUB_DOB_LABELS), sec_dob), (rng.choice(_EFF_LABELS), f(sec_eff))), cols=4),
            ]
        elif rng.random() < 0.6:
            insurance.append(Text(rng.choice(("SECONDARY INSURANCE: NONE ON FILE", "Secondary: none",
                                              "Ins 2: -- no secondary coverage --")), size=8))

    sections = [patient_blocks, guarantor_blocks, contact_blocks, insurance]
    if rng.random() < 0.5:
        middle = sections[1:]
        rng.shuffle(middle)
        sections = [sections[0], *middle]
    sections.insert(0 if rng.random() < 0.6 else 1, visit)
    for section in sections:
        blocks += section
    if rng.random() < 0.5:
        blocks.append(Text(rng.choice((
            "Patient signature on file for consent to treat and assignment of benefits.",
            "COB verified with patient at registration. HIPAA notice given.",
            "Advance directive: none on file. Consent to treat signed.")), size=7.5))

    # --- page 2: the precert request
    blocks.append(PageBreak())
    coordinator = rng.choice(_COORDINATORS)
    c_phone, c_fax = fictional_phone(rng), fictional_phone(rng)
    blocks += [
        Title(rng.choice(("PRE-CERTIFICATION REQUEST", "Surgical Precertification / Prior Authorization Request",
                          "OUTPATIENT PROCEDURE PRE-AUTHORIZATION REQUEST", "Precert Request - Surgery Scheduling")),
              12.5, rng.choice(("center", "left"))),
        Text(f"To: {case.plan} - {rng.choice(('Utilization Management', 'Precertification Dept.', 'Prior Auth'))}"
             f"   Fax {case.plan_fax}\nFrom: {facility} - Patient Access / Precertification   "
             f"{coordinator}   Ph {c_phone}   Fax {c_fax}", size=8.5),
        Rule(),
    ]
    repeat = rng.random()
    if repeat < 0.35:
        blocks.append(Text(f"Re: {patient}   {rng.choice(('DOB', 'Birth Date'))} {dob}   {acct_label} {acct}",
                           size=9))
    elif repeat < 0.6:
        blocks.append(KV(((rng.choice(("Patient", "Patient Name")), patient), ("DOB", dob),
                          (member_label, case.policy_printed)), cols=3, keys=(None, None, "policy_id")))
    else:
        blocks.append(Text(rng.choice((f"Demographics and insurance: see attached face sheet ({acct_label} {acct}).",
                                       f"Patient and coverage information on the attached face sheet. MRN {mrn}.")),
                           size=8.5))
    if rng.random() < 0.5:
        blocks.append(Checks(tuple((word, key == adm_type, "urgent" if key != "elective" else "non_urgent")
                                   for key, word in (("elective", "Elective"), ("urgent", "Urgent"),
                                                     ("emergency", "Emergency"))),
                             label=rng.choice(("Admission Type:", "Type:", "Case Type:"))))
    else:
        blocks.append(Checks((("Standard", not case.urgent, "non_urgent"),
                              (rng.choice(("Expedited / Urgent", "Urgent (72 hours)", "Expedited")), case.urgent,
                               "urgent")), label=rng.choice(("Review Requested:", "Priority:"))))
    sched_label = rng.choice(_SCHED_LABELS)
    sched_rows: list[tuple[str, str]] = [
        (sched_label, f(s)),
        (rng.choice(("Scheduled Time", "OR Time", "Arrival Time")),
         f"{rng.choice((6, 7, 7, 8, 9, 10, 12, 13))}:{rng.choice(('00', '15', '30', '45'))}"),
        (rng.choice(("Setting", "Patient Class", "Level of Care")), pt_class),
        (rng.choice(("Est. Length of Stay", "Expected LOS", "LOS (days)")), f"{los} day(s)" if los != "0" else "0"),
    ]
    if admit is not None:
        sched_rows.insert(1, (rng.choice(_ADMIT_LABELS), f(admit)))
    if rng.random() < 0.6:
        sched_rows.append((rng.choice(("Surgical Case #", "OR Case #", "Booking #")), f"{rng.randint(10000, 99999)}"))
    if rng.random() < 0.5:
        sched_rows.append((rng.choice(("Anesthesia", "Anesthesia Type")),
                           rng.choice(("General", "MAC", "Regional / block", "Spinal"))))
    blocks.append(KV(tuple(sched_rows), cols=rng.choice((2, 3)),
                     heading=rng.choice(("Scheduling", "SERVICE REQUESTED", "Procedure Scheduling"))))

    procs = [(c, desc) for c, desc in (*case.cpt, *case.hcpcs)]
    proc_style = rng.random()
    if proc_style < 0.6:
        header = rng.choice((("CPT/HCPCS", "Procedure Description", "Mod", "Units"),
                             ("Procedure Code", "Description", "Modifier", "Qty"),
                             ("Code", "Procedure", "Side", "Units")))
        blocks.append(Table(header, tuple((c, desc, _SIDES.get(c, ""), "1") for c, desc in procs),
                            widths=(1.2, 3.6, 0.8, 0.7),
                            heading=rng.choice(("Procedure(s)", "PROCEDURES REQUESTED", "Planned Procedures"))))
    else:
        parts = [f"{desc} ({'HCPCS' if c[0].isalpha() else 'CPT'} {c})" for c, desc in procs]
        blocks.append(Text(f"{rng.choice(('Procedure(s)', 'Planned procedure', 'Procedures requested'))}: "
                           + "; ".join(parts)))
    dx_style = rng.random()
    if dx_style < 0.5:
        blocks.append(Table(rng.choice((("ICD-10-CM", "Diagnosis Description"), ("Dx Code", "Description"),
                                        ("ICD-10", "Diagnosis"))),
                            tuple((c, desc) for c, desc in case.icd10), widths=(1.2, 5.1),
                            heading=rng.choice(("Diagnoses", "DIAGNOSIS CODES", ""))))
    elif dx_style < 0.8:
        blocks.append(KV(tuple((f"Dx {i}" if i > 1 else rng.choice(("Primary Dx", "Dx 1")), f"{c} {desc}")
                               for i, (c, desc) in enumerate(case.icd10, 1)), cols=1,
                         heading=rng.choice(("Diagnoses", "DIAGNOSIS"))))
    else:
        blocks.append(Text("Diagnosis: " + "; ".join(f"{desc} ({c})" for c, desc in case.icd10) + "."))

    fac_npi_printed = fac_npi_where != "none"
    provider_rows: list[tuple[str, str]] = [
        (rng.choice(("Surgeon", "Performing Physician", "Ordering/Performing MD")), rq.name),
        (rng.choice(("Surgeon NPI", "NPI", "Physician NPI")), rq.npi),
        (rng.choice(("Office Phone", "Phone")), rq.phone),
        (rng.choice(("Facility", "Place of Service", "Facility Name")), facility),
    ]
    if fac_npi_where in ("request", "both"):
        provider_rows.append((rng.choice(("Facility NPI", "NPI (Facility)", "Group/Facility NPI")), fac_npi))
    provider_rows.append((rng.choice(("Facility Tax ID", "TIN")),
                          f"{rng.randint(20, 98)}-{rng.randint(1000000, 9999999)}"))
    blocks.append(KV(tuple(provider_rows), cols=3, heading=rng.choice(("Providers", "PHYSICIAN / FACILITY"))))
    if case.urgent and rng.random() < 0.6:
        blocks.append(Text(rng.choice((
            "URGENT: patient admitted through the emergency department; surgery cannot be safely delayed. "
            "Please expedite." if adm_type == "emergency" else
            "Urgent request - the surgeon documents that waiting for a standard review could seriously "
            "jeopardize the patient's health. Please expedite.",
            "Expedited review requested due to the clinical urgency documented in the attached notes.")), bold=True,
            size=9))
    blocks += [
        Text(rng.choice(("Clinical notes, imaging and conservative-treatment history are attached.",
                         "Office notes and the surgeon's H&P are attached for medical necessity review.",
                         "Please fax the determination to the number above.")), size=8.5),
        Gap(4),
        KV(((rng.choice(("Submitted by", "Precert Coordinator")), coordinator), ("Date", f(signed)),
            (rng.choice(("Authorization # (payer use)", "Auth # assigned")), "")), cols=3),
    ]

    npi = [rq.npi] + ([fac_npi] if fac_npi_printed else [])
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=npi,
                  cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
                  service_date=s, urgent=case.urgent)
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans", "courier", "liberation_mono"))
    size = {"dejavu_sans": 7.5, "courier": 7.5, "liberation_mono": 7.5}.get(font, 8.0)
    kv_style = rng.choice(("boxed", "boxed", "stacked"))
    footer = rng.choice(("{page}/{pages}", f"{facility} - Face Sheet / Precert  Page {{page}} of {{pages}}",
                         f"Acct {acct}   pg {{page}}"))
    return Doc("facesheet_precert_request", "pa_request_form", Style(font, size, kv_style), blocks, truth,
               [case.policy_printed, dob, patient, rq.npi], footer=footer,
               title="Registration face sheet and precertification request")
