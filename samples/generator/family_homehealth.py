"""Tune family added to show a CMS-485-style home health plan of care: a home health agency faxes its
"Home Health Certification and Plan of Care" to a plan to get its visits authorized. The page is a dense grid of
numbered boxes, each with a small label above its value: the member ID in box 1, the start of care (box 2) or the
certification period (box 3) as the service date, the patient's name on the first line of a name-and-address box
(6), the agency (7) and the physician with the NPI (24). Visit frequencies (`SN 2W4, PT 3W3`) and HCPCS G-codes
sit in the orders (21). Onset, surgery, verbal-order, signature and receipt dates, the medical record and
provider numbers, ZIP codes and telephone numbers are distractors.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.data import CITIES, STREETS, Case, fictional_phone, make_npi
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Style, Table, Text, Truth
from samples.generator.wording import d

_DAY = dt.timedelta(days=1)
# Compact styles (as agency software prints them) and, now and then, the month spelled short.
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "dd_mon_yyyy", "iso", "mon_d_y")

AGENCIES = ("Hearthstone Home Health Services", "BrightPath Home Care", "Cardinal Visiting Nurse Association",
            "Prairie Rose Home Health", "Lakeside Skilled Home Care", "Evening Star Home Health Agency",
            "Tri-County Visiting Nurses", "Harvest Moon Home Health, LLC")
NURSES = ("J. Whitcombe, RN", "Dana Pruitt, RN", "M. Okafor, RN, BSN", "Lena Marsh, RN", "T. Albrecht, RN")

# Box 1: the member ID; Medicare's own wording only when the ID is a Medicare number.
_ID_LABELS_MBI = ("1. Patient's HI Claim No.", "1. Patient's Medicare No.", "1. Medicare Beneficiary ID")
_ID_LABELS_PLAN = ("1. Member ID", "1. Member ID No.", "1. Patient's Member ID", "1. Patient's HI Claim No.")
_SOC_LABELS = ("2. Start Of Care Date", "2. SOC Date", "2. Start of Care")
_CERT_LABELS = ("3. Certification Period", "3. Cert. Period")
_CERT_TO = ("To:", "Through:", "Thru:")
_MR_LABELS = ("4. Medical Record No.", "4. Medical Record #", "4. MR No.")
_PROV_NO_LABELS = ("5. Provider No.", "5. Provider Number", "5. Medicare Provider No.")
_PT_LABELS = ("6. Patient's Name and Address", "6. Patient's Name and Address", "6. Patient Name / Address")
_AGENCY_LABELS = ("7. Provider's Name, Address and Telephone Number", "7. Provider's Name, Address and Phone No.",
                  "7. Agency Name, Address and Telephone Number")
_DOB_LABELS = ("8. Date of Birth", "8. Date of Birth", "8. DOB", "8. Birth Date")
_SEX_LABELS = ("9. Sex", "9. Sex", "9. Gender")
_MED_LABELS = ("10. Medications: Dose/Freq./Route (N)ew (C)hanged", "10. Medications: Dose/Frequency/Route")
_DX_HEADERS = (("11. ICD-10-CM", "Principal Diagnosis", "Date"), ("11. ICD Code", "Principal Diagnosis", "Date"),
               ("11. ICD-10", "Principal Dx", "Onset/Exac. Date"))
_PROC_HEADERS = (("12. ICD-10-PCS", "Surgical Procedure", "Date"), ("12. ICD Code", "Surgical Procedure", "Date"))
_OTHER_HEADERS = (("13. ICD-10-CM", "Other Pertinent Diagnoses", "Date"),
                  ("13. ICD Code", "Other Pertinent Dx", "Date"),
                  ("13. ICD-10", "Other Pertinent Diagnoses", "Onset/Exac. Date"))
_ORDERS_LABELS = ("21. Orders for Discipline and Treatments (Specify Amount/Frequency/Duration)",
                  "21. Orders for Discipline and Treatments")
_GOALS_LABELS = ("22. Goals/Rehabilitation Potential/Discharge Plans", "22. Goals / Rehab Potential / D/C Plans")
_PHYS_LABELS = ("24. Physician's Name and Address", "24. Attending Physician's Name and Address",
                "24. Physician's Name, Address and NPI")
_RECEIVED_LABELS = ("25. Date HHA Received Signed POT", "25. Date HHA Received Signed POC")
_SIGNED_LABELS = ("27. Attending Physician's Signature and Date Signed", "27. Physician's Signature and Date Signed")
_NPI_LABELS = ("NPI:", "NPI #", "NPI No.")

_CERT_STATEMENT = ("26. I certify/recertify that this patient is confined to his/her home and needs intermittent "
                   "skilled nursing care, physical therapy and/or speech therapy or continues to need occupational "
                   "therapy. The patient is under my care, and I have authorized the services on this plan of care "
                   "and will periodically review the plan.")
_PENALTY = ("28. Anyone who misrepresents, falsifies, or conceals essential information required for payment of "
            "Federal funds may be subject to fine, imprisonment, or civil penalty under applicable Federal statutes.")

_LIMITATIONS = ("1 Amputation", "2 Bowel/Bladder (Incontinence)", "3 Contracture", "4 Hearing", "5 Paralysis",
                "6 Endurance", "7 Ambulation", "8 Speech", "9 Legally Blind", "A Dyspnea With Minimal Exertion",
                "B Other")
_ACTIVITIES = ("1 Complete Bedrest", "2 Bedrest BRP", "3 Up As Tolerated", "4 Transfer Bed/Chair",
               "5 Exercises Prescribed", "6 Partial Weight Bearing", "7 Independent At Home", "8 Crutches", "9 Cane",
               "A Wheelchair", "B Walker", "C No Restrictions")
_ACTIVITIES_LIKELY = ("3 Up As Tolerated", "4 Transfer Bed/Chair", "5 Exercises Prescribed", "7 Independent At Home",
                      "9 Cane", "A Wheelchair", "B Walker")
_MENTAL_LIKELY = ("1 Oriented", "1 Oriented", "3 Forgetful", "4 Depressed", "5 Disoriented")
_PROGNOSIS = ("1 Poor", "2 Guarded", "3 Fair", "4 Good", "5 Excellent")

# Home health HCPCS Level II codes (CMS): per-visit disciplines.
_G_SN = (("G0299", "RN direct skilled nursing"), ("G0300", "LPN direct skilled nursing"),
         ("G0493", "RN observation and assessment"), ("G0495", "RN training and education"))
_G_PT, _G_OT, _G_ST = ("G0151", "PT"), ("G0152", "OT"), ("G0153", "ST")
_G_MSW, _G_AIDE = ("G0155", "MSW"), ("G0156", "HHA")
_REV = {"SN": "0551", "PT": "0421", "OT": "0431", "ST": "0441", "MSW": "0561", "HHA": "0571"}
# Physician work around the plan of care: certification (HCPCS) and the home visit (CPT, our own lay wording).
_CERT_CODES = {"initial": ("G0180", "physician certification of home health plan of care"),
               "recert": ("G0179", "physician recertification of home health plan of care")}
_HOME_VISITS = (("99348", "home visit, established patient"), ("99349", "home visit, established patient"),
                ("99347", "home visit, established patient"), ("99342", "home visit, new patient"))

# What the skilled nurse does and what the patient takes, by the principal diagnosis' first characters.
_CLINICAL: tuple[tuple[tuple[str, ...], str, tuple[str, ...], str], ...] = (
    (("E11", "Z79.4"), "assess blood glucose log, diabetic foot care and insulin/oral agent teaching",
     ("Metformin 500 mg PO BID", "Insulin glargine 20 units SQ at bedtime (C)", "Atorvastatin 40 mg PO at bedtime",
      "Lisinopril 10 mg PO daily"), "ADA 1800 kcal, consistent carbohydrate"),
    (("J44", "J96", "R91"), "assess cardiopulmonary status, O2 saturation and inhaler technique",
     ("Tiotropium 18 mcg inhaled daily", "Albuterol HFA 2 puffs q4h PRN SOB", "Prednisone 20 mg PO daily x 5 days (N)",
      "Oxygen 2 L/min via nasal cannula continuous"), "Regular, encourage fluids"),
    (("I25", "I20", "I10", "E78"), "assess cardiac status, BP, edema and weight; teach low-sodium diet",
     ("Metoprolol tartrate 25 mg PO BID", "Aspirin 81 mg PO daily", "Clopidogrel 75 mg PO daily (N)",
      "Furosemide 20 mg PO daily", "Atorvastatin 80 mg PO at bedtime"), "2 gm Na, cardiac"),
    (("C50", "Z85", "Z17"), "assess pain, nutrition and post-operative incision; teach signs of infection",
     ("Anastrozole 1 mg PO daily", "Ondansetron 4 mg PO q8h PRN nausea", "Oxycodone 5 mg PO q6h PRN pain (N)",
      "Docusate 100 mg PO BID"), "High protein, small frequent meals"),
    (("F3", "F4", "F9"), "psychiatric nursing: assess mood, safety and medication adherence",
     ("Sertraline 100 mg PO daily (C)", "Hydroxyzine 25 mg PO q6h PRN anxiety", "Trazodone 50 mg PO at bedtime"),
     "Regular"),
)
_DEFAULT_CLINICAL = ("assess pain, incision/skin integrity and home safety; medication management and teaching",
                     ("Acetaminophen 650 mg PO q6h PRN pain", "Enoxaparin 40 mg SQ daily x 14 days (N)",
                      "Oxycodone 5 mg PO q6h PRN severe pain (N)", "Docusate 100 mg PO BID",
                      "Lisinopril 10 mg PO daily"), "Regular")
# Surgical procedure for box 12 (ICD-10-PCS where we are sure of the code), keyed by the case's first CPT.
_SURGERY = {"27447": ("0SRC0J9", "Replacement of R knee joint, synthetic, cemented"),
            "19301": ("0HBT0ZZ", "Excision of right breast, open"),
            "92928": ("02703DZ", "Dilation of coronary artery with stent, percutaneous"),
            "43775": ("0DB64Z3", "Laparoscopic sleeve gastrectomy"),
            "29827": ("", "Arthroscopic rotator cuff repair"), "29881": ("", "Knee arthroscopy, meniscectomy"),
            "63030": ("", "Lumbar laminotomy"), "58571": ("", "Laparoscopic hysterectomy")}
_THERAPY_DX = ("M17", "M25", "M75", "M62", "I69", "G82", "R26", "S83", "S46", "M54", "M51", "M48", "Z96", "M05",
               "M06", "M81")


def _date(day: dt.date, style: str) -> str:
    return d(day, style)


def _name(case: Case, rng: Random) -> str:
    """Box 6's first line: `LAST, FIRST M`, `Last, First M`, `First Last` or `FIRST LAST`."""
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    variant = rng.randrange(5)
    if variant == 0:
        return f"{case.last.upper()}, {case.first.upper()} {mi}"
    if variant == 1:
        return f"{case.last}, {case.first} {mi}"
    if variant == 2:
        return f"{case.last.upper()}, {case.first.upper()}"
    if variant == 3:
        return f"{case.first.upper()} {case.last.upper()}"
    return f"{case.first} {case.last}"


def _zip(rng: Random) -> str:
    z = f"{rng.randint(10000, 99899):05d}"
    return f"{z}-{rng.randint(1000, 9999)}" if rng.random() < 0.25 else z


def _clinical(case: Case) -> tuple[str, tuple[str, ...], str]:
    principal = case.icd10[0][0]
    for prefixes, focus, meds, diet in _CLINICAL:
        if principal.startswith(prefixes):
            return focus, meds, diet
    return _DEFAULT_CLINICAL


def _orders(case: Case, rng: Random, episode: str, with_codes: bool, code_style: int,
            cpt_visit: tuple[str, str] | None, cert_code: bool) -> tuple[str, list[str], list[str]]:
    """Box 21: one line per discipline with its frequency (`SN 1W1, 2W4`), maybe its G-code; the codes printed."""
    focus, _, _ = _clinical(case)
    therapy = any(c.startswith(_THERAPY_DX) for c, _ in case.icd10)
    sn_code = rng.choice(_G_SN)
    lines: list[tuple[str, str, str, str]] = []  # (discipline, frequency, code, what)
    sn_freq = rng.choice(("1W1, 2W4, 1W4", "2W4, 1W5", "3W1, 2W3, 1W5", "1W9", "2W3, 1W6"))
    lines.append(("SN", sn_freq, sn_code[0], f"{sn_code[1]}: {focus}"))
    if therapy or rng.random() < 0.35:
        lines.append(("PT", rng.choice(("3W3, 2W3", "2W4", "3W2, 2W4, 1W2", "1W1, 3W3")), _G_PT[0],
                      "evaluate and treat: gait training, transfer training, therapeutic exercise, home exercise "
                      "program"))
    if therapy and rng.random() < 0.5:
        lines.append(("OT", rng.choice(("1W1, 2W3", "2W3", "1W4")), _G_OT[0],
                      "ADL retraining, energy conservation, adaptive equipment"))
    if rng.random() < 0.2:
        lines.append(("ST", "1W1, 2W3", _G_ST[0], "swallow evaluation and cognitive-linguistic treatment"))
    if rng.random() < 0.5:
        lines.append(("HHA", rng.choice(("2W4", "3W4", "2W8")), _G_AIDE[0],
                      "personal care: bathing, grooming, light meal preparation"))
    if rng.random() < 0.3:
        lines.append(("MSW", "1-2 visits PRN", _G_MSW[0], "assess community resources and long-range planning"))

    out, hcpcs = [], []
    for disc, freq, code, what in lines:
        if not with_codes:
            out.append(f"{disc} {freq}: {what}")
            continue
        hcpcs.append(code)
        if code_style == 0:
            out.append(f"{disc} ({code}) {freq}: {what}")
        elif code_style == 1:
            out.append(f"{disc} {freq} - HCPCS {code} - {what}")
        else:
            out.append(f"{disc} {freq} [Rev {_REV[disc]} / {code}]: {what}")
    out.append(rng.choice(("SN 2 PRN visits for complications (catheter, wound, medication issues).",
                           "SN may draw labs as ordered by physician; report results within 24 hours.",
                           "All disciplines: fall precautions; notify MD of any acute change.")))
    cpt: list[str] = []
    if cpt_visit:
        cpt.append(cpt_visit[0])
        out.append(f"Physician {cpt_visit[1]} (CPT {cpt_visit[0]}) for face-to-face encounter and plan review.")
    if cert_code:
        code, what = _CERT_CODES[episode]
        hcpcs.append(code)
        out.append(f"MD: {what} ({code}).")
    return "\n".join(out), hcpcs, cpt


def home_health_plan_of_care(case: Case, rng: Random) -> Doc:
    """A CMS-485-style home health certification and plan of care, faxed to a plan for visit authorization."""
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    rq = case.requesting
    s = case.service_date
    # One convention per document: a start-of-care episode (box 2 = box 3 From = the service date) or a
    # recertification (box 2 is the original start of care, a past date; box 3 From is the service date).
    episode = "initial" if rng.random() < 0.55 else "recert"
    cert_from, cert_to = s, s + _DAY * 59
    soc = s if episode == "initial" else s - _DAY * 60 * rng.randint(1, 4)
    signed = case.signature_date if case.signature_date != s else case.signature_date - _DAY
    received = min(signed + _DAY * rng.randint(0, 2), case.fax.sent.date())  # never after the fax went out
    if received in (s, soc):
        received = signed
    # The verbal start-of-care order comes before both the start of care and the written signature.
    verbal = (min(soc, signed) - _DAY * rng.randint(1, 3)) if episode == "initial" else None
    onset = soc - _DAY * rng.randint(3, 45)
    onset_flag = rng.choice(("E", "O"))
    lead = (s - case.fax.sent.date()).days
    soon = "past" if lead < 0 else "now" if lead <= 2 else "later"

    # --- identity, agency and physician
    name = _name(case, rng)
    only_box6 = rng.random() < 0.5
    city, state = rng.choice(CITIES)
    street = f"{rng.randint(10, 9899)} {rng.choice(STREETS)}" + (f", Apt {rng.randint(1, 40)}{rng.choice('ABCD')}"
                                                                  if rng.random() < 0.3 else "")
    pt_phone = fictional_phone(rng)
    pt_lines = [name, street, f"{city}, {state} {_zip(rng)}"]
    if rng.random() < 0.7:
        pt_lines.append(rng.choice(("Phone: ", "Tel ", "Ph: ", "")) + pt_phone)
    agency = rng.choice(AGENCIES)
    a_city, a_state = rng.choice(CITIES)
    agency_npi = case.servicing.npi if case.servicing.npi != rq.npi else make_npi(rng)
    agency_npi_shown = rng.random() < 0.5
    agency_lines = [agency, f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, Suite {rng.randint(100, 450)}",
                    f"{a_city}, {a_state} {_zip(rng)}",
                    f"Tel {fictional_phone(rng)}  Fax {fictional_phone(rng)}"]
    if agency_npi_shown:
        agency_lines.append(f"Agency NPI {agency_npi}")
    provider_no = f"{rng.randint(1, 67):02d}{rng.randint(7000, 8499)}"  # a home health agency's CMS number
    mrn = rng.choice((case.mrn, f"HH{rng.randint(100000, 999999)}",
                      f"{rng.randint(10, 99)}-{rng.randint(10000, 99999)}"))
    npi_label = rng.choice(_NPI_LABELS)
    phys_lines = [rq.name, rq.practice, rq.street, f"{rq.city}, {rq.state} {rq.zip}",
                  f"Phone {rq.phone}  Fax {rq.fax}", f"{npi_label} {rq.npi}"]
    if rng.random() < 0.4:
        phys_lines.insert(-1, phys_lines.pop())  # NPI above the phone line

    # --- codes
    with_codes = rng.random() < 0.75
    cpt_visit = rng.choice(_HOME_VISITS) if rng.random() < 0.35 else None
    cert_code = rng.random() < 0.3
    orders, hcpcs, cpt = _orders(case, rng, episode, with_codes, rng.randrange(3), cpt_visit, cert_code)
    _, meds, diet = _clinical(case)

    # --- box 1-5: the top row
    id_label = rng.choice(_ID_LABELS_MBI if case.plan_style == "mbi" else _ID_LABELS_PLAN)
    to_word = rng.choice(_CERT_TO)
    cert_value = f"From: {f(cert_from)}\n{to_word} {f(cert_to)}"
    dob_label = rng.choice(_DOB_LABELS)
    if ds == "mdy" and rng.random() < 0.4:
        dob_label = "8. Date of Birth (MM/DD/YYYY)"
    dob = f(case.dob)
    sex = case.sex if rng.random() < 0.6 else {"F": "Female", "M": "Male"}[case.sex]

    blocks: list = []
    header = rng.random() < 0.7
    if header:
        blocks.append(Text("Department of Health and Human Services\nCenters for Medicare & Medicaid Services\n"
                           "Form Approved OMB No. 0938-0357", size=7))
    blocks.append(Text(rng.choice(("HOME HEALTH CERTIFICATION AND PLAN OF CARE",
                                   "Home Health Certification and Plan of Care",
                                   "HOME HEALTH CERTIFICATION AND PLAN OF CARE (CMS-485)")), bold=True, size=12))
    request_line = rng.choice((
        f"Submitted to {case.plan} Utilization Management (fax {case.plan_fax}) - request for authorization of home "
        "health visits as ordered below.",
        f"PRIOR AUTHORIZATION REQUEST - home health services - {case.plan} - fax {case.plan_fax}",
        f"Attn: {case.plan} Prior Authorization Dept. Please authorize the skilled visits in box 21.",
        "",
    ))
    if not only_box6 and rng.random() < 0.5:
        request_line = (request_line + f" Patient: {name}.").strip()
    if request_line:
        blocks.append(Text(request_line, size=8))
    if episode == "recert" and rng.random() < 0.6:
        blocks.append(Text(rng.choice(("Recertification", "Episode type: Recertification",
                                       f"RECERT - certification period {rng.randint(2, 5)}")), size=8))
    elif episode == "initial" and rng.random() < 0.4:
        blocks.append(Text(rng.choice(("Start of Care", "Episode type: Start of Care (initial certification)")),
                           size=8))
    if case.urgent and rng.random() < 0.5:
        blocks.append(Text(_urgent_note(rng, soon), bold=True, size=9))
        urgent_done = True
    else:
        urgent_done = False
    if not case.urgent and rng.random() < 0.3:
        blocks.append(Text(rng.choice(("Review type: Standard", "Routine request", "Request type: Routine")),
                           size=8))

    blocks += [
        KV(((id_label, case.policy_printed), (rng.choice(_SOC_LABELS), f(soc)),
            (rng.choice(_CERT_LABELS), cert_value), (rng.choice(_MR_LABELS), mrn),
            (rng.choice(_PROV_NO_LABELS), provider_no)), cols=5, keys=("policy_id",)),
        KV(((rng.choice(_PT_LABELS), "\n".join(pt_lines)), (rng.choice(_AGENCY_LABELS), "\n".join(agency_lines))),
           cols=2),
        KV(((dob_label, dob), (rng.choice(_SEX_LABELS), sex),
            (rng.choice(_MED_LABELS), "\n".join(rng.sample(meds, min(len(meds), rng.randint(3, 5)))))), cols=3),
    ]
    # --- boxes 11-13: diagnoses and the surgical procedure, each with a date
    (principal, principal_desc), *others = case.icd10
    blocks.append(Table(rng.choice(_DX_HEADERS), ((principal, principal_desc, f"{onset_flag} {f(onset)}"),),
                        widths=(1.1, 4.0, 1.4)))
    surgery = _SURGERY.get(case.cpt[0][0]) if case.cpt else None
    if surgery and rng.random() < 0.8:
        surgery_date = onset + _DAY * rng.randint(0, (soc - onset).days - 1)
        proc_row = (surgery[0], surgery[1], f(surgery_date))
    else:
        proc_row = ("", rng.choice(("N/A", "None", "")), "")
    blocks.append(Table(rng.choice(_PROC_HEADERS), (proc_row,), widths=(1.1, 4.0, 1.4)))
    if others:
        other_rows = tuple((code, desc, f"O {f(_past(case, s, rng))}") for code, desc in others)
    else:
        other_rows = (("", rng.choice(("None", "N/A", "")), ""),)
    blocks.append(Table(rng.choice(_OTHER_HEADERS), other_rows, widths=(1.1, 4.0, 1.4)))
    # --- boxes 14-20
    blocks += [
        KV((("14. DME and Supplies", rng.choice(("Rolling walker, shower chair, raised toilet seat",
                                                 "Glucometer, test strips, lancets, sharps container",
                                                 "Oxygen concentrator, portable tanks, nasal cannula",
                                                 "Hospital bed, bedside commode, gait belt",
                                                 "Wound care supplies: gauze, tape, saline")) ),
            ("15. Safety Measures", rng.choice(("Fall precautions, clear pathways, emergency plan",
                                                "Bleeding precautions, fall precautions, 911 protocol",
                                                "Oxygen safety, no smoking, fall precautions")))), cols=2),
        KV((("16. Nutritional Req.", diet),
            ("17. Allergies", rng.choice(("NKDA", "Penicillin (rash)", "Sulfa drugs", "Codeine, latex",
                                          "No known allergies")))), cols=2),
        Checks(_ticked(_LIMITATIONS, rng, 2, 4), label="18.A. Functional Limitations"),
        Checks(_ticked(_ACTIVITIES, rng, 2, 4, _ACTIVITIES_LIKELY), label="18.B. Activities Permitted"),
        KV((("19. Mental Status", ", ".join(sorted(set(rng.sample(_MENTAL_LIKELY, rng.randint(1, 2)))))),
            ("20. Prognosis", rng.choice(_PROGNOSIS[1:4]))), cols=2),
    ]
    # --- boxes 21-28 (often on an addendum page with a running header)
    if rng.random() < 0.6:
        blocks.append(PageBreak())
        if only_box6:
            blocks.append(Text(f"Plan of care (continued) - {id_label[3:]}: {case.policy_printed}  "
                               f"Cert. period {f(cert_from)} - {f(cert_to)}", size=8))
        else:
            blocks.append(Text(f"Patient: {name}   {id_label[3:]}: {case.policy_printed}   "
                               f"MR# {mrn}   Page 2", size=8))
    blocks.append(KV(((rng.choice(_ORDERS_LABELS), orders),), cols=1))
    if case.urgent and not urgent_done:
        blocks.append(Text(_urgent_note(rng, soon), bold=True, size=9))
    goals = rng.choice((
        "Patient/caregiver will verbalize and demonstrate the medication regimen within 4 weeks. Rehab potential: "
        "good for stated goals. Discharge plan: to self-care with caregiver support when goals are met.",
        "Safe independent ambulation in the home with device; no falls during the certification period. Rehab "
        "potential: fair. D/C when goals are met and the patient can reach outpatient services.",
        "Stable vital signs and no hospital readmission within 60 days. Rehab potential: good. Discharge to the "
        "care of the primary physician.",
    ))
    blocks.append(KV(((rng.choice(_GOALS_LABELS), goals),), cols=1))
    verbal_value = f"{rng.choice(NURSES)}  Verbal SOC {f(verbal)}" if verbal else rng.choice(("N/A", ""))
    received_value = f(received) if rng.random() < 0.6 else ""
    signed_value = rng.choice((f"Electronically signed by {rq.name}  {f(signed)}", f"Signature on file   {f(signed)}",
                               f"/s/ {rq.name}   Date: {f(signed)}"))
    blocks += [
        KV((("23. Nurse's Signature and Date of Verbal SOC Where Applicable", verbal_value),
            (rng.choice(_RECEIVED_LABELS), received_value)), cols=2),
        KV(((rng.choice(_PHYS_LABELS), "\n".join(phys_lines)), ("26. Certification", _CERT_STATEMENT[4:])), cols=2),
        KV(((rng.choice(_SIGNED_LABELS), signed_value),), cols=1),
        Gap(2),
        Text(_PENALTY, size=6.5),
    ]

    npi = [rq.npi] + ([agency_npi] if agency_npi_shown else [])
    truth = Truth(policy_id=case.policy_id, dob=case.dob, patient_name=(case.first, case.last), npi=npi, cpt=cpt,
                  hcpcs=hcpcs, icd10=[c for c, _ in case.icd10], service_date=s, urgent=case.urgent)
    font = rng.choice(("helvetica", "helvetica", "liberation_sans", "dejavu_sans"))
    size = 8.5 if font == "dejavu_sans" else 9.0
    footer = rng.choice(("Form CMS-485 (C-3) (02-94)    Page {page} of {pages}",
                         f"{agency} - Plan of Care  {{page}}/{{pages}}",
                         "CMS-485  Page {page} of {pages}"))
    return Doc("home_health_plan_of_care", "pa_request_form", Style(font, size, "boxed"), blocks, truth,
               [case.policy_printed, dob, name, rq.npi], footer=footer,
               title="Home health certification and plan of care")


def _past(case: Case, s: dt.date, rng: Random) -> dt.date:
    """An onset date of a chronic diagnosis: months or years before the service date, after the birth date."""
    day = s - _DAY * rng.randint(120, 3000)  # the DOB is at least 19 years before the corpus date
    return day if day > case.dob else case.dob + _DAY


def _ticked(options: tuple[str, ...], rng: Random, lo: int, hi: int,
            likely: tuple[str, ...] = ()) -> tuple[tuple[str, bool, None], ...]:
    """Every option of a numbered check-box list, some of them ticked (from `likely` when given)."""
    chosen = set(rng.sample(likely or options, rng.randint(lo, hi)))
    return tuple((o, o in chosen, None) for o in options)


def _urgent_note(rng: Random, soon: str) -> str:
    """A typed expedited-review note (home health is usually routine); "today" only when care starts at once."""
    if soon == "past":
        return rng.choice((
            "Expedited review requested: care began at hospital discharge and skilled visits cannot be interrupted "
            "while this request is pending.",
            "URGENT - patient already home after a hospital stay; please expedite so nursing visits can continue.",
        ))
    if soon == "later":
        return rng.choice((
            "Expedited review requested - hospital discharge is planned; home health must begin on the start of "
            "care date to avoid a readmission.",
            "URGENT: please expedite this request - the patient goes home on IV therapy and cannot go without "
            "skilled nursing at start of care.",
        ))
    return rng.choice((
        "Expedited review requested - patient discharged from the hospital today; the first skilled nursing visit "
        "is needed within 24 hours.",
        "EXPEDITED REVIEW REQUESTED: discharged home today on IV antibiotics; a delay in nursing would seriously "
        "jeopardize the patient's health.",
        "Please expedite - hospital discharge today with a new wound vac; start of care cannot wait for a standard "
        "review.",
    ))
