"""Held out, written blind (session 4): a molecular / genetic testing lab requisition with a prior-auth section.

Only the ticked tests' CPT codes are requested; the rest of the test menu, the lab's own test numbers, the
secondary insurance's subscriber ID, the requisition and account numbers, CLIA, ZIP and phone numbers and every
date except the planned collection date are distractors.
"""

from __future__ import annotations

import datetime as dt
from random import Random

from samples.generator.codes import SCENARIOS
from samples.generator.data import PLANS, Case, make_policy_id
from samples.generator.document import KV, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.heldout.common import initial

_LABS = (
    "Helixpoint Molecular Laboratory", "Cobalt Ridge Genomics", "Tidewater Reference Laboratories",
    "Brightfield Genetic Diagnostics", "Marrowstone Molecular Pathology",
)
_TITLES = (
    "MOLECULAR / GENETIC TESTING REQUISITION", "GENETIC TEST REQUEST FORM", "TEST REQUISITION - MOLECULAR GENETICS",
    "Genomic Testing Order and Insurance Pre-Authorization Form",
)
# Test menus by clinical area: (lay test name, CPT code(s) as printed). Lay wording is ours, not AMA descriptors.
_MENUS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "cancer": ("HEREDITARY CANCER / ONCOLOGY", (
        ("BRCA1 and BRCA2 full sequencing + del/dup", "81162"),
        ("BRCA1 and BRCA2 sequencing only", "81163"),
        ("BRCA1 single familial variant", "81215"),
        ("Hereditary breast cancer multigene panel", "81432"),
        ("Lynch syndrome / hereditary colorectal panel", "81435"),
        ("Breast tumor 21-gene recurrence score", "81519"),
        ("Solid tumor genomic profile (tissue)", "0037U"),
    )),
    "pgx": ("PHARMACOGENOMICS", (
        ("CYP2D6 genotype", "81226"),
        ("CYP2C19 genotype", "81225"),
        ("CYP2C9 genotype", "81227"),
        ("SLCO1B1 genotype (statin response)", "81328"),
        ("HLA-B*15:02 before carbamazepine", "81381"),
        ("Psychotropic response multigene panel", "0345U"),
        ("Drug metabolism panel, 6 or more genes", "81418"),
    )),
    "cardio": ("CARDIOVASCULAR GENETICS", (
        ("CYP2C19 genotype (clopidogrel response)", "81225"),
        ("Inherited cardiomyopathy panel", "81439"),
        ("Cardiac ion channel (arrhythmia) panel", "81413"),
        ("Ion channel panel, deletion/duplication", "81414"),
        ("SLCO1B1 genotype (statin myopathy risk)", "81328"),
        ("Familial hypercholesterolemia panel", "81479"),
    )),
    "neuro": ("NEUROLOGY / NEURODEVELOPMENT", (
        ("Epilepsy multigene panel", "81419"),
        ("Chromosomal microarray (copy number)", "81228"),
        ("Chromosomal microarray with SNP", "81229"),
        ("Exome sequencing, patient", "81415"),
        ("Exome sequencing, each parent comparator", "81416"),
        ("Fragile X (FMR1) repeat analysis", "81243"),
        ("HLA-B*15:02 before carbamazepine", "81381"),
    )),
    "general": ("THROMBOPHILIA / DRUG RESPONSE", (
        ("Factor V Leiden (F5) variant", "81241"),
        ("Prothrombin (F2) 20210 variant", "81240"),
        ("MTHFR common variants", "81291"),
        ("Hemochromatosis (HFE) common variants", "81256"),
        ("Warfarin dosing: CYP2C9 + VKORC1", "81227, 81355"),
        ("Drug metabolism panel, 6 or more genes", "81418"),
    )),
}
_SCENARIO_MENU = {3: "cancer", 15: "pgx", 4: "cardio", 9: "neuro"}
_COUNSELING = ("Pre-test genetic counseling, per 15 min", "S0265")

_MEMBER = ("Member ID", "Subscriber / Member ID", "Policy Number", "ID #", "Insured's ID No.")
_START = ("Planned Collection Date", "Scheduled Draw Date", "Date Specimen to Be Collected",
          "Anticipated Collection Date")
_SPECIMENS = ("Blood (EDTA, lavender top)", "Saliva kit", "Buccal swab", "Extracted DNA")
_RELATIVES = ("Mother", "Father", "Sister", "Brother", "Maternal aunt", "Paternal grandmother", "Maternal uncle")
_CONDITIONS = {
    "cancer": ("breast cancer", "ovarian cancer", "colon cancer", "pancreatic cancer", "prostate cancer"),
    "pgx": ("poor response to SSRIs", "depression", "adverse reaction to codeine", "bipolar disorder"),
    "cardio": ("sudden cardiac death", "MI before 50", "cardiomyopathy", "very high LDL"),
    "neuro": ("seizures in childhood", "developmental delay", "migraine with aura", "intellectual disability"),
    "general": ("DVT / pulmonary embolism", "stroke before 50", "recurrent miscarriage", "iron overload"),
}
_COUNSELORS = ("A. Featherstone, MS, CGC", "R. Takahashi, MS, LCGC", "D. Oyelaran, MS, CGC")


def _date(day: dt.date, style: str) -> str:
    """`03/04/1961`, `03 04 1961` (boxed digits), `4-Mar-61` or `03/04/61`."""
    if style == "spaced":
        return day.strftime("%m %d %Y")
    if style == "d_mon_yy":
        return f"{day.day}-{day:%b}-{day:%y}"
    if style == "mdy_yy":
        return day.strftime("%m/%d/%y")
    return day.strftime("%m/%d/%Y")


def _date_hint(style: str) -> str:
    return {"spaced": " (MM DD YYYY)", "mdy_yy": " (mm/dd/yy)", "mdy": " (MM/DD/YYYY)"}.get(style, "")


def _menu_key(case: Case) -> str:
    first_dx = case.icd10[0][0]
    for i, scenario in enumerate(SCENARIOS):
        if any(code == first_dx for code, _ in scenario["icd"]):
            return _SCENARIO_MENU.get(i, "general")
    return "general"


def _test_number(rng: Random, manner: int, n: int) -> str:
    """The lab's own order code (never a CPT code): 4 digits, 6 digits or `MG` + 3 digits."""
    if manner == 0:
        return f"{2000 + n * 37 + rng.randint(0, 30):04d}"
    if manner == 1:
        return f"{rng.randint(400000, 899999)}"
    return f"MG{100 + n * 11 + rng.randint(0, 9)}"


def genetic_test_requisition(case: Case, rng: Random) -> Doc:
    """A reference lab's requisition: demographics, primary and secondary insurance, ordering physician, a
    test menu with ticks, ICD-10 boxes, specimen and a planned collection date (the service date)."""
    ds = rng.choice(("mdy", "spaced", "d_mon_yy", "mdy_yy"))
    rq, sv = case.requesting, case.servicing
    lab = rng.choice(_LABS)
    lab_npi_shown = sv.npi != rq.npi
    dob = _date(case.dob, ds)
    hint = _date_hint(ds)
    mi = initial(rng)
    req_no = f"{rng.choice('QRTX')}{rng.randint(1, 9)}-{rng.randint(1000000, 9999999)}"
    account = f"{rng.randint(10, 99)}-{rng.randint(10000, 99999)}"
    clia = f"{rng.randint(10, 99)}D{rng.randint(1000000, 9999999)}"

    # Patient ---------------------------------------------------------------------------------------------
    split_name = rng.random() < 0.55
    if split_name:
        upper = rng.random() < 0.5
        last_shown = case.last.upper() if upper else case.last
        name_rows: list[tuple[str, str]] = [("Last Name", last_shown),
                                            ("First Name", case.first.upper() if upper else case.first),
                                            ("MI", mi)]
        name_shown = last_shown
    else:
        name_shown = f"{case.last.upper()}, {case.first.upper()} {mi}"
        name_rows = [("Patient Name (Last, First, MI)", name_shown)]
    pt_city = rng.choice((("Lakewood", "CO"), ("Brookhaven", "GA"), ("Oak Park", "MI"), ("Bay Ridge", "NY")))
    pt_zip = f"{rng.randint(10000, 99899):05d}"
    patient_rows = [
        *name_rows,
        (f"Date of Birth{hint}" if hint else rng.choice(("DOB", "Birthdate")), dob),
        ("Sex", {"F": "Female", "M": "Male"}[case.sex]),
        ("Patient ID / MRN", case.mrn),
        ("Address", f"{rng.randint(10, 9899)} {rng.choice(('Birch', 'Aspen', 'Cypress', 'Linden'))} "
                    f"{rng.choice(('Ct', 'Dr', 'St', 'Ter'))}"),
        ("City / State / ZIP", f"{pt_city[0]}, {pt_city[1]} {pt_zip}"),
    ]
    if split_name:
        patient_rows.append(("Phone", f"({rng.choice(('303', '404', '248', '718'))}) 555-01{rng.randint(0, 99):02d}"))

    # Insurance: the primary member ID is the policy ID; the secondary's is a distractor ----------------------
    member_label = rng.choice(_MEMBER)
    primary_rows = [("Insurance Carrier", case.plan), (member_label, case.policy_printed),
                    ("Group #", case.group_number), ("Subscriber / Relationship", "Self")]
    secondary_kind = rng.randrange(3)
    if secondary_kind == 0:
        secondary_rows = [("Insurance Carrier", "None"), (member_label, "N/A")]
    else:
        other_style = rng.choice([s for s in ("mbi", "blue", "medicaid", "generic") if s != case.plan_style])
        _, other_printed = make_policy_id(rng, other_style)
        other_plan = rng.choice([p for p in PLANS if p != case.plan])
        if secondary_kind == 1:
            spouse = f"{case.last}, {rng.choice(('Harold', 'Marguerite', 'Dmitri', 'Celeste', 'Owen'))}"
            secondary_rows = [("Insurance Carrier", other_plan), (member_label, other_printed),
                              ("Group #", "-"), ("Subscriber / Relationship", f"{spouse} (spouse)")]
        else:
            secondary_rows = [("Insurance Carrier", other_plan), (member_label, other_printed),
                              ("Group #", f"{rng.randint(100000, 999999)}"), ("Subscriber / Relationship", "Self")]

    # Ordering physician (requesting NPI) and performing lab (servicing NPI when it is another provider) -----
    physician_rows = [("Ordering Physician", rq.name), ("NPI", rq.npi), ("Practice", rq.practice),
                      ("Phone", rq.phone), ("Fax Results To", rq.fax), ("Lab Account #", account)]
    if rng.random() < 0.5:
        physician_rows.append(("Genetic Counselor (cc)", rng.choice(_COUNSELORS)))

    # Test menu ---------------------------------------------------------------------------------------------
    key = _menu_key(case)
    heading, full_menu = _MENUS[key]
    # A lab prints its own selection of the area's tests: five or six of them, in menu order.
    keep = sorted(rng.sample(range(len(full_menu)), min(len(full_menu), rng.choice((5, 6)))))
    menu = tuple(full_menu[i] for i in keep)
    n_checked = rng.choice((1, 1, 2, 2, 3))
    checked = set(rng.sample(range(len(menu)), n_checked))
    manner = rng.randrange(3)
    numbers = [_test_number(rng, manner, i) for i in range(len(menu))]
    cpt: list[str] = []
    for i in sorted(checked):
        cpt += [c.strip() for c in menu[i][1].split(",") if c.strip() not in cpt]
    counseling = bool(case.hcpcs)
    menu_blocks: list = []
    table_menu = rng.random() < 0.5
    if table_menu:
        rows = [("X" if i in checked else "", numbers[i], name, code) for i, (name, code) in enumerate(menu)]
        rows.append(("X" if counseling else "", "GC15", _COUNSELING[0], _COUNSELING[1]))
        menu_blocks.append(Table((rng.choice(("Order", "Check", "Sel.")), "Test #", "Test Name", "CPT Code(s)"),
                                 tuple(rows), widths=(0.6, 0.9, 4.0, 1.2), heading=f"TESTS ORDERED - {heading}"))
    else:
        menu_blocks.append(Text(f"TESTS ORDERED - {heading}  (check all that apply; CPT codes in brackets)",
                                bold=True))
        for i, (name, code) in enumerate(menu):
            menu_blocks.append(Checks(((f"{numbers[i]}  {name}  [CPT {code}]", i in checked, None),)))
        menu_blocks.append(Checks(((f"GC15  {_COUNSELING[0]}  [HCPCS {_COUNSELING[1]}]", counseling, None),)))
    hcpcs = [_COUNSELING[1]] if counseling else []

    # Diagnosis codes in a row of boxes ----------------------------------------------------------------------
    dx_rows = [(f"ICD-10 #{i + 1}", case.icd10[i][0] if i < len(case.icd10) else "") for i in range(4)]
    dx_text = "; ".join(f"{c} {desc.lower()}" for c, desc in case.icd10)

    # Specimen and dates -------------------------------------------------------------------------------------
    specimen = rng.randrange(len(_SPECIMENS))
    start_label = rng.choice(_START)
    # The order is written before the planned draw, whatever day the fax goes out.
    order_date = (case.signature_date if case.signature_date < case.service_date
                  else case.service_date - dt.timedelta(days=rng.randint(2, 12)))
    prior_test_year = rng.randint(2009, 2023)
    priority_manner = rng.randrange(2)
    if priority_manner == 0:
        priority = Checks((("Routine", not case.urgent, "non_urgent"), ("STAT", case.urgent, "urgent")),
                          label="Priority:")
    else:
        priority = Checks((("Y", case.urgent, "urgent"), ("N", not case.urgent, "non_urgent")),
                          label="Medically urgent (expedited prior-auth review)?")
    with_ref = rng.random() < 0.3
    auth_line = (f"Prior authorization: [X] Requested / in review   Auth / Ref #: {case.reference_id}" if with_ref
                 else "Prior authorization: [X] Lab to obtain (this form is the request)   "
                      "[ ] Already approved - Auth #: ______________")

    style_kv = rng.choice(("boxed", "boxed", "stacked", "underline"))
    cols = 3 if style_kv != "underline" else 2  # a label beside its value needs the wider column
    ins_cols = 4 if cols == 3 else 2
    font = rng.choice(("helvetica", "liberation_sans", "dejavu_sans"))

    header: list = [
        Text(f"{lab.upper()}\n{rng.randint(100, 9899)} {rng.choice(('Research Blvd', 'Innovation Dr', 'Genome Way'))}"
             f", {rng.choice(('Durham, NC', 'Salt Lake City, UT', 'Madison, WI'))} {rng.randint(10000, 99899):05d}"
             f"   Client Services {rng.choice(('(800) 555-0137', '1-888-555-0162', '877.555.0119'))}   "
             f"CLIA# {clia}", size=8),
        Text(f"Requisition # {req_no}      *{req_no.replace('-', '')}*", size=9, bold=True),
        Title(rng.choice(_TITLES), 12, rng.choice(("left", "center"))),
        priority,
        Text(auth_line, size=8.5),
    ]
    if lab_npi_shown:
        header.append(Text(f"Performing laboratory: {lab} - Laboratory NPI {sv.npi}", size=8.5))
    if style_kv == "underline" and not split_name:
        # The whole name on its own line, then the rest two to a line.
        patient: list = [KV(tuple(name_rows), cols=1, heading="PATIENT INFORMATION"),
                         KV(tuple(patient_rows[1:]), cols=cols)]
    else:
        patient = [KV(tuple(patient_rows), cols=cols, heading="PATIENT INFORMATION")]
    if rng.random() < 0.5:
        # Side by side, as many requisitions print them: one row per item, a column per insurance.
        secondary = dict(secondary_rows)
        ins_rows = tuple((label, value, secondary.get(label, "")) for label, value in primary_rows)
        insurance: list = [Table(("Insurance", "Primary Insurance", "Secondary Insurance"), ins_rows,
                                 widths=(1.6, 2.5, 2.5), heading="INSURANCE / BILLING (bill to: insurance)")]
    else:
        insurance = [
            KV(tuple(primary_rows), cols=ins_cols, keys=(None, "policy_id"), heading="PRIMARY INSURANCE"),
            KV(tuple(secondary_rows), cols=ins_cols, heading="SECONDARY INSURANCE"),
        ]
    physician = KV(tuple(physician_rows), cols=cols, heading="ORDERING PHYSICIAN / ACCOUNT")
    dx = [KV(tuple(dx_rows), cols=4, heading="DIAGNOSIS CODES (ICD-10-CM, required)")]
    specimen_blocks: list = [
        Checks(tuple((s, i == specimen, None) for i, s in enumerate(_SPECIMENS)), label="Specimen:"),
        KV(((f"{start_label}{_date_hint(ds)}", _date(case.service_date, ds)),
            ("Date of Order", _date(order_date, ds)),
            ("Collection site", rng.choice(("In-office draw", "Patient service center", "Mobile phlebotomy",
                                            "Kit mailed to patient")))), cols=cols),
    ]
    order = rng.randrange(2)
    body = ([*header, *patient, *insurance, physician] if order == 0
            else [*header, physician, *patient, *insurance])

    # Page 2: clinical history, family history with years, medical necessity, signatures ---------------------
    fam_rows = []
    relatives = rng.sample(_RELATIVES, rng.randint(2, 4))
    conditions = [rng.choice(_CONDITIONS[key]) for _ in relatives]
    for rel, condition in zip(relatives, conditions, strict=True):
        age = rng.randint(34, 71)
        side = rel.split()[0] if rel.split()[0] in ("Maternal", "Paternal") else "-"
        fam_rows.append((rel, side, condition, str(age), f"dx {rng.randint(1978, 2021)}"))
    reason = rng.choice({"cancer": (0, 1), "pgx": (2,), "cardio": (0, 1, 2), "neuro": (0,)}.get(key, (0, 1, 2)))
    page2: list = [
        Text(f"Requisition # {req_no} - page 2 - Patient: {case.last.upper()}, {case.first.upper()}", size=8),
        Rule(),
        Text("CLINICAL HISTORY AND MEDICAL NECESSITY", bold=True),
        Text(f"Clinical indication: {dx_text}", size=9),
        Checks((("Diagnostic (symptomatic)", reason == 0, None), ("Predictive (family history)", reason == 1, None),
                ("Therapy selection", reason == 2, None), ("Carrier screening", reason == 3, None)),
               label="Reason for testing:"),
        Text("Prior genetic testing: " + rng.choice((
            "none.", f"targeted testing in {prior_test_year}, negative (report attached).",
            f"single-gene test {prior_test_year} - variant of uncertain significance.")), size=9),
        Table(("Relative", "Side", "Condition", "Age at dx", "Year"), tuple(fam_rows),
              widths=(1.5, 1.0, 2.6, 0.9, 0.9), heading="FAMILY HISTORY"),
        Text("How will the result change management? " + rng.choice((
            "A positive result changes surveillance and surgical options and enables cascade testing of "
            "relatives.", "The result guides drug and dose selection after failure of first-line therapy.",
            "A diagnosis would end the diagnostic work-up and direct treatment and referrals.")), size=9),
    ]
    if case.urgent:
        page2.append(Text(rng.choice((
            "Expedited review requested: results are needed before treatment decisions scheduled within 2 weeks.",
            "URGENT: the standard review time frame could seriously jeopardize the patient's health; please "
            "expedite the authorization.")), size=9, bold=True))
    page2 += [
        Gap(6),
        Text("PATIENT CONSENT: I consent to the testing above and to release of results to the ordering "
             "physician and my health plan for payment. Patient signature: ________________  Date: ________",
             size=8),
        Text(f"PHYSICIAN ATTESTATION: Testing is medically necessary and the patient has been counseled. "
             f"Signature: /s/ {rq.name}   Date: {_date(order_date, ds)}", size=8.5),
        Text("FOR LAB USE: Received ____/____/______ ____:____  Accession # ______________  Temp: ____", size=7.5),
    ]
    blocks: list = [*body, *menu_blocks, *dx, *specimen_blocks, PageBreak(), *page2]
    truth = Truth(
        reference_id=case.reference_id if with_ref else None, policy_id=case.policy_id, dob=case.dob,
        patient_name=(case.first, case.last),
        npi=[rq.npi, *([sv.npi] if lab_npi_shown else [])],
        cpt=cpt, hcpcs=hcpcs, icd10=[c for c, _ in case.icd10], service_date=case.service_date,
        urgent=case.urgent,
    )
    size = 7.5 if style_kv == "stacked" else 8  # stacked boxes are taller: keep the order on page 1
    return Doc("genetic_test_requisition", "pa_request_form", Style(font, size, style_kv), blocks, truth,
               [case.policy_printed, dob, name_shown, rq.npi, cpt[0]],
               footer=f"{lab} - Form MG-{rng.randint(100, 999)} rev. {rng.randint(1, 12)}/{rng.randint(2022, 2025)}"
                      "   Page {page} of {pages}",
               title="Genetic test requisition")
