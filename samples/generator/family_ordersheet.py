"""Tune family added to show a ticked menu of exams: an outpatient imaging / diagnostic-testing order form.

Imaging centers hand referring offices a one- or two-page order form that doubles as the pre-authorization
request: patient demographics, primary (and sometimes secondary) insurance, the ordering provider with NPI, a
STAT / Urgent / Routine priority, the reason for the exam as ICD-10 lines, a contrast / MRI safety screening block
(contrast allergy, creatinine with its date, pregnancy, weight in lbs) and, above all, a MENU of 20-45 exams grouped
in sections (MRI, CT, Ultrasound, Nuclear Medicine, X-Ray, Women's imaging, Cardiac), each a check-box line with
the exam name and its CPT code. Only the ticked lines are ordered: the expected CPT list is exactly the ticked
codes (the case's own; codes that no menu lists are written in on an "Other" line), every other menu line is a
real-looking imaging or cardiac code left unticked. Some forms add a contrast / supplies section of HCPCS lines;
the expected HCPCS list is the ticked ones (the case's, when it has them).

Tick marks vary by form: `[X]`/`[ ]`, `[x]`/`[ ]`, `(X)`/`( )`, `_X_`/`___`, an `X` before the line or nothing,
and, with a font that draws them (8 pt at least), `☒`/`☐`, `☑`/`☐`, `■`/`□` or a bare `✔`. A fifth of the forms
use the renderer's own check boxes, which every output keeps in its own way (a drawn box with a typed X in PDF,
`[X]` in text and RTF, `☒` in Word). The unicode marks are not in Windows-1252: this family is not planned as
`txt_cp1252`.

The menu is a grid of 2-3 columns, a (mark | exam | CPT) table of 1-2 groups, check-box rows per section, or one
fixed-width column (monospace fonts) with or without dot leaders; it sits on page 1 or on page 2 under a running
header. The date of order, the creatinine date and a prior-study date are distractors; the service date is the
requested / scheduled exam date when the form prints one (else none). Prior Auth # is blank or holds the
Reference ID (then expected). Urgent when STAT or Urgent is ticked.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations, pairwise
from random import Random
from typing import TypeVar

from samples.generator.data import (
    CITIES,
    DOCTOR_FIRST,
    DOCTOR_LAST,
    PLANS,
    STREETS,
    Case,
    fictional_phone,
    make_npi,
    make_policy_id,
)
from samples.generator.document import KV, Block, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title, Truth
from samples.generator.family_general import _date

_DAY = dt.timedelta(days=1)
T = TypeVar("T")
_DATE_STYLES = ("mdy", "mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long", "abbr_dot")

_CENTERS = ("Harborview Outpatient Imaging", "Tallgrass Diagnostic Imaging Center", "Open Sky MRI & CT",
            "Sandhill Radiology - Outpatient Center", "Quarry Park Imaging & Vascular Lab",
            "Bellmont Diagnostic Center", "Clearbrook Women's & Diagnostic Imaging", "Northshore Advanced Imaging")
_TITLES = ("OUTPATIENT IMAGING ORDER", "Diagnostic Imaging Requisition", "RADIOLOGY ORDER FORM / PRE-AUTHORIZATION",
           "Imaging & Diagnostic Testing Order", "OUTPATIENT DIAGNOSTIC ORDER - PRIOR AUTH REQUEST",
           "Referral for Imaging Services")

# --- the exam menu: section -> (headings, exams). Codes are real CPT codes (70010-79999, 93xxx); the names are
# our own short order-form wording. {wo} / {w} / {wwo}: without / with / without and with contrast.
_SECTIONS: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    "mri": (("MRI", "MRI / MRA", "MAGNETIC RESONANCE (MRI)", "MR IMAGING"), (
        ("70551", "MRI Brain {wo}"), ("70552", "MRI Brain {w}"), ("70553", "MRI Brain {wwo}"),
        ("70543", "MRI Orbit/Face/Neck {wwo}"), ("70544", "MRA Head {wo}"), ("70547", "MRA Neck {wo}"),
        ("72141", "MRI C-Spine {wo}"), ("72156", "MRI C-Spine {wwo}"), ("72146", "MRI T-Spine {wo}"),
        ("72148", "MRI L-Spine {wo}"), ("72158", "MRI L-Spine {wwo}"), ("72195", "MRI Pelvis {wo}"),
        ("72197", "MRI Pelvis {wwo}"), ("73221", "MRI Shoulder/UE Joint {wo}"),
        ("73223", "MRI UE Joint {wwo}"), ("73721", "MRI Knee/LE Joint {wo}"), ("73723", "MRI LE Joint {wwo}"),
        ("74181", "MRI Abdomen {wo}"), ("74183", "MRI Abdomen {wwo}"), ("71550", "MRI Chest {wo}"))),
    "ct": (("CT", "CT / CTA", "COMPUTED TOMOGRAPHY", "CAT SCAN (CT)"), (
        ("70450", "CT Head {wo}"), ("70460", "CT Head {w}"), ("70470", "CT Head {wwo}"),
        ("70486", "CT Sinus/Maxillofacial {wo}"), ("70491", "CT Soft Tissue Neck {w}"), ("71250", "CT Chest {wo}"),
        ("71260", "CT Chest {w}"), ("71271", "CT Lung Screening low dose"), ("72125", "CT C-Spine {wo}"),
        ("72131", "CT L-Spine {wo}"), ("74150", "CT Abdomen {wo}"), ("74176", "CT Abd/Pelvis {wo}"),
        ("74177", "CT Abd/Pelvis {w}"), ("74178", "CT Abd/Pelvis {wwo}"), ("70496", "CTA Head"),
        ("70498", "CTA Neck"), ("71275", "CTA Chest (PE protocol)"), ("74174", "CTA Abd/Pelvis"),
        ("73700", "CT Lower Extremity {wo}"), ("73200", "CT Upper Extremity {wo}"))),
    "us": (("ULTRASOUND", "ULTRASOUND / VASCULAR", "SONOGRAPHY", "US & DOPPLER"), (
        ("76700", "US Abdomen complete"), ("76705", "US Abdomen limited (RUQ)"), ("76770", "US Renal/Retroperitoneal"),
        ("76775", "US Renal limited"), ("76536", "US Thyroid/Neck"), ("76856", "US Pelvis non-OB complete"),
        ("76830", "US Transvaginal"), ("76801", "US OB < 14 wks"), ("76805", "US OB 14+ wks"),
        ("76870", "US Scrotum"), ("76881", "US Extremity joint complete"), ("76604", "US Chest"),
        ("93880", "Duplex Carotid bilat"), ("93970", "Venous Duplex ext bilat"),
        ("93971", "Venous Duplex ext unilat"), ("93925", "Arterial Duplex LE bilat"),
        ("93978", "Duplex Aorta/IVC/Iliac"))),
    "nm": (("NUCLEAR MEDICINE", "NUC MED / PET", "NM & PET/CT", "NUCLEAR MEDICINE / PET"), (
        ("78452", "NM Myocardial Perfusion SPECT"), ("78306", "NM Bone Scan whole body"),
        ("78815", "PET/CT skull base-thigh"), ("78816", "PET/CT whole body"), ("78226", "NM Hepatobiliary (HIDA)"),
        ("78227", "HIDA w/ CCK"), ("78264", "NM Gastric Emptying"), ("78582", "NM Lung V/Q"),
        ("78014", "NM Thyroid uptake & scan"), ("78472", "NM MUGA"), ("78608", "PET Brain"))),
    "xr": (("X-RAY", "GENERAL RADIOGRAPHY", "DIAGNOSTIC X-RAY", "PLAIN FILMS (XR)"), (
        ("71046", "XR Chest 2 views"), ("71045", "XR Chest 1 view"), ("72040", "XR C-Spine 2-3 views"),
        ("72100", "XR L-Spine 2-3 views"), ("72110", "XR L-Spine 4+ views"), ("73030", "XR Shoulder 2+ views"),
        ("73110", "XR Wrist 3+ views"), ("73130", "XR Hand 3+ views"), ("73562", "XR Knee 3 views"),
        ("73564", "XR Knee 4+ views"), ("73610", "XR Ankle 3+ views"), ("73630", "XR Foot 3+ views"),
        ("73502", "XR Hip 2-3 views"), ("72170", "XR Pelvis 1-2 views"), ("74018", "XR Abdomen 1 view (KUB)"),
        ("77074", "XR Bone survey limited"))),
    "women": (("WOMEN'S IMAGING", "BREAST IMAGING / DEXA", "BREAST CENTER", "WOMEN'S HEALTH IMAGING"), (
        ("77067", "Mammo screening bilat"), ("77066", "Mammo diagnostic bilat"), ("77065", "Mammo diagnostic unilat"),
        ("77063", "Breast tomo (3D) screening"), ("76641", "US Breast complete"), ("76642", "US Breast limited"),
        ("77080", "DXA bone density"), ("77046", "MRI Breast unilat {wo}"), ("77049", "MRI Breast bilat {wwo}"))),
    "cardiac": (("CARDIAC", "CARDIOLOGY / NON-INVASIVE", "CARDIAC TESTING", "HEART & VASCULAR"), (
        ("93306", "Echo TTE complete w/ Doppler"), ("93308", "Echo limited"), ("93350", "Stress Echo"),
        ("93015", "Exercise stress test (ECG)"), ("93000", "ECG 12-lead"), ("93224", "Holter monitor 48 hr"),
        ("93312", "TEE"), ("93922", "ABI bilateral"), ("75571", "CT Coronary Calcium Score"),
        ("75574", "CTA Coronary (CCTA)"))),
}
_OTHER_HEADINGS = ("OTHER", "OTHER / SPECIAL PROCEDURES", "ADDITIONAL PROCEDURES", "OTHER (WRITE IN)")
_HCPCS_HEADINGS = ("CONTRAST / AGENTS (HCPCS)", "CONTRAST & SUPPLIES", "CONTRAST AGENT (HCPCS)",
                   "RADIOPHARMACEUTICAL / CONTRAST / OTHER HCPCS")
# HCPCS Level II contrast agents and radiopharmaceuticals (our own short wording).
_CONTRAST = (("Q9967", "LOCM 300-399, per mL"), ("Q9966", "LOCM 200-299, per mL"),
             ("Q9965", "LOCM 100-199, per mL"), ("A9579", "Gadolinium NOS, per mL"),
             ("A9577", "Gadobenate, per mL"), ("A9576", "Gadoteridol, per mL"), ("A9585", "Gadobutrol, per 0.1 mL"),
             ("A9575", "Gadoterate, per 0.1 mL"), ("A9500", "Tc-99m sestamibi, per dose"),
             ("A9502", "Tc-99m tetrofosmin, per dose"), ("A9552", "F-18 FDG, per dose"),
             ("Q9950", "SF6 microspheres (US), per mL"), ("Q9957", "Perflutren (echo), per mL"))
_CATALOG = {code: key for key, (_, exams) in _SECTIONS.items() for code, _ in exams}

_CONTRAST_WORDS = (("w/o", "w/", "w/o & w/"), ("w/o contrast", "w/ contrast", "w/o & w/ contrast"),
                   ("WO", "W", "W/WO"), ("without", "with", "without & with"), ("non-con", "w/ con", "w/ & w/o con"))

# Tick marks: (ticked, unticked, fonts that draw them).
_ALL_FONTS = frozenset(("dejavu_sans", "liberation_sans", "helvetica", "liberation_mono", "courier"))
_MARKS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("[X]", "[ ]", _ALL_FONTS), ("[x]", "[ ]", _ALL_FONTS), ("(X)", "( )", _ALL_FONTS), ("_X_", "___", _ALL_FONTS),
    ("X", " ", _ALL_FONTS),
    ("\u2612", "\u2610", frozenset(("dejavu_sans",))),  # ☒ / ☐
    ("\u2611", "\u2610", frozenset(("dejavu_sans",))),  # ☑ / ☐
    ("\u2714", " ", frozenset(("dejavu_sans",))),  # ✔ / nothing
    ("\u25a0", "\u25a1", frozenset(("dejavu_sans", "liberation_sans", "liberation_mono"))),  # ■ / □
)

_NAME_LABELS = ("Patient Name", "Patient", "Name (Last, First)", "Pt Name", "Patient Name (Last, First, MI)")
_DOB_LABELS = ("DOB", "Date of Birth", "Birth Date", "D.O.B.", "DOB (mm/dd/yyyy)")
_MEMBER_LABELS = ("Member ID", "Subscriber ID", "Policy #", "ID #", "Member ID #", "Insurance ID", "Policy/ID No.")
_SEC_LABELS = ("Secondary Member ID", "Sec. Ins. ID", "Secondary Policy #", "Secondary ID #")
_SEC_PLANS = ("Keystone Medigap Supplement", "Lakeland Mutual Insurance Co.", "Prairie State Employees Plan",
              "Unity Teachers Health Trust", "Redwood Casualty & Health")
_AUTH_LABELS = ("Prior Auth #", "Prior Authorization #", "Auth #", "Pre-Auth / Precert #", "Insurance Auth No.")
_SCHED_LABELS = ("Requested Exam Date", "Requested Date of Exam", "Scheduled Date", "Appointment Date",
                 "Exam Date (scheduled)", "Date of Service Requested", "Preferred Exam Date")
_ORDER_LABELS = ("Date of Order", "Order Date", "Date Ordered", "Date")
_NPI_LABELS = ("NPI", "NPI #", "Ordering NPI", "Provider NPI")
_FACILITY_NPI_LABELS = ("Facility NPI", "Performing Site NPI", "Imaging Center NPI")


def _away(day: dt.date, avoid: set[dt.date]) -> dt.date:
    """The day, moved back until it is none of the reserved ones (the DOB, the service date)."""
    while day in avoid:
        day -= _DAY
    return day


def _clock(rng: Random) -> str:
    """An appointment time in office hours."""
    hour = rng.choice((7, 8, 9, 10, 11, 13, 14, 15))
    return f"{hour if hour <= 12 else hour - 12}:{rng.choice(('00', '15', '30', '45'))} {'AM' if hour < 12 else 'PM'}"


def _patient_name(case: Case, rng: Random) -> tuple[tuple[tuple[str, str], ...], str]:
    """The name rows (one cell, or Last / First / MI cells) and the string a reader must find."""
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    style = rng.randrange(6)
    if style == 5:
        return (("Last Name", case.last), ("First Name", case.first), ("MI", mi)), case.last
    shown = (case.full_name, f"{case.last}, {case.first}", f"{case.last.upper()}, {case.first.upper()}",
             f"{case.last.upper()}, {case.first.upper()} {mi}", f"{case.first} {mi}. {case.last}")[style]
    # A label that names the order ("Last, First") only over a name printed in that order.
    labels = _NAME_LABELS if style in (1, 2, 3) else tuple(x for x in _NAME_LABELS if "Last" not in x)
    return ((rng.choice(labels), shown),), shown


class _Menu:
    """The form's exam menu: sections of (code, name, ticked) lines, and how its lines are printed."""

    def __init__(self, case: Case, rng: Random, most: int) -> None:
        self.rng = rng
        wo, w, wwo = rng.choice(_CONTRAST_WORDS)
        self.words = {"wo": wo, "w": w, "wwo": wwo}
        ticked = [c for c, _ in case.cpt]
        desc = dict(case.cpt)
        by_section: dict[str, list[str]] = {}
        write_ins: list[tuple[str, str]] = []
        for code in ticked:
            if code in _CATALOG:
                by_section.setdefault(_CATALOG[code], []).append(code)
            else:
                write_ins.append((code, desc[code]))
        keys = list(_SECTIONS)
        n_sections = rng.randint(max(4, len(by_section)), 7)
        chosen = list(by_section) + rng.sample([k for k in keys if k not in by_section], n_sections - len(by_section))
        if rng.random() < 0.5:
            order = keys[:]
            rng.shuffle(order)
        else:
            order = keys
        chosen = [k for k in order if k in chosen]
        target = rng.randint(20, most) - len(write_ins)
        quota = {k: 3 for k in chosen}
        for _ in range(max(0, target - 3 * len(chosen))):
            k = rng.choice([k for k in chosen if quota[k] < len(_SECTIONS[k][1])])
            quota[k] += 1
        self.sections: list[tuple[str, list[tuple[str, str, bool]]]] = []
        for k in chosen:
            headings, exams = _SECTIONS[k]
            mine = set(by_section.get(k, []))
            rest = [c for c, _ in exams if c not in mine]
            keep = mine | set(rng.sample(rest, max(0, min(len(rest), quota[k] - len(mine)))))
            lines = [(c, self._name(n), c in mine) for c, n in exams if c in keep]
            self.sections.append((rng.choice(headings), lines))
        if write_ins or rng.random() < 0.4:
            lines = [(c, f"Other: {d}", True) for c, d in write_ins]
            if not write_ins or rng.random() < 0.5:
                lines.append(("", "Other: ____________________", False))
            self.sections.append((rng.choice(_OTHER_HEADINGS), lines))
        if case.hcpcs or rng.random() < 0.45:
            mine_h = dict(case.hcpcs)
            pool = [(c, n) for c, n in _CONTRAST if c not in mine_h]
            extra = rng.sample(pool, rng.randint(2, 5))
            lines = [(c, n, c in mine_h) for c, n in [*case.hcpcs, *extra]]
            if rng.random() < 0.7:
                lines = sorted(lines, key=lambda t: t[0])
            self.sections.append((rng.choice(_HCPCS_HEADINGS), lines))
        self.code_style = rng.choice(("after", "after", "paren", "before", "before_dash", "cpt_label"))
        self.write_in = rng.randrange(3)

    def _name(self, template: str) -> str:
        return template.format(**self.words)

    def item(self, code: str, name: str) -> str:
        """An exam's text without its mark: name and code in the form's one order."""
        if not code:
            return name
        if name.startswith("Other: "):  # written in by the office: the code after the words
            desc = name.removeprefix("Other: ")
            return (f"Other: {desc} {code}", f"Other: {desc} (CPT {code})",
                    f"Other (CPT {code}): {desc}")[self.write_in]
        s = self.code_style
        if s == "paren":
            return f"{name} ({code})"
        if s == "before":
            return f"{code} {name}"
        if s == "before_dash":
            return f"{code} - {name}"
        if s == "cpt_label":
            return f"{name} - {'HCPCS' if code[0].isalpha() else 'CPT'} {code}"
        return f"{name} {code}"

    @property
    def ticked_cpt(self) -> list[str]:
        return [c for _, lines in self.sections for c, _, t in lines if t and c and not c[0].isalpha()]

    @property
    def ticked_hcpcs(self) -> list[str]:
        return [c for _, lines in self.sections for c, _, t in lines if t and c and c[0].isalpha()]


def _kv(rows: tuple[tuple[str, str], ...], cols: int, *, heading: str = "",
        keys: tuple[str | None, ...] = ()) -> KV:
    """A label/value block with no more columns than rows (a stacked text grid needs every column filled)."""
    return KV(rows, cols=max(1, min(cols, len(rows))), keys=keys, heading=heading)


def _columns(sections: list[tuple[T, list[T]]], n: int) -> list[list[T]]:
    """Sections (heading, lines) flowed in order into n columns, whole, with the longest column as short as can be."""
    sizes = [1 + len(lines) for _, lines in sections]
    best: tuple[int, ...] = ()
    best_len = sum(sizes) + 1
    for cuts in combinations(range(1, len(sections)), min(n, len(sections)) - 1):
        edges = (0, *cuts, len(sections))
        longest = max(sum(sizes[a:b]) for a, b in pairwise(edges))
        if longest < best_len:
            best, best_len = cuts, longest
    edges = (0, *best, len(sections))
    cols = [[x for heading, lines in sections[a:b] for x in (heading, *lines)] for a, b in pairwise(edges)]
    return cols + [[] for _ in range(n - len(cols))]


def imaging_order_checklist(case: Case, rng: Random) -> Doc:
    """An imaging center's order form: demographics, insurance, ordering NPI, priority, ICD-10, a ticked menu."""
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    rq = case.requesting
    s = case.service_date
    avoid = {case.dob, s}
    page2 = rng.random() < 0.35  # the menu on its own second page
    layout = rng.choice(("grid", "grid", "split", "checks", "mono"))
    if layout == "mono":
        font = rng.choice(("liberation_mono", "courier"))
    elif layout == "checks":
        font = rng.choice(("dejavu_sans", "liberation_sans", "helvetica", "liberation_mono"))
    else:
        font = rng.choice(("dejavu_sans", "dejavu_sans", "liberation_sans", "helvetica", "liberation_mono"))
    size = rng.choice((7.0, 7.5, 7.5, 8.0))
    # A mono menu aligns its codes: its unticked mark must take room (a PDF text line loses leading blanks).
    on, off, _ = rng.choice([m for m in _MARKS if font in m[2] and (layout != "mono" or m[1].strip())])
    if not on.isascii():
        size = max(size, 8.0)  # thin box glyphs must survive a standard-resolution fax
    # Yes/No, priority and other small ticks: a visible box even when the menu marks only the ticked lines.
    y_on, y_off = (on, off) if off.strip() else ("[X]", "[ ]")
    native = layout == "checks"  # the renderer's own boxes everywhere

    def ticks(options: tuple[tuple[str, bool], ...], label: str) -> str:
        return f"{label} " + "  ".join(f"{y_on if t else y_off} {o}" for o, t in options)

    def marks(options: tuple[tuple[str, bool], ...], label: str) -> Block:
        if native:
            return Checks(tuple((o, t, None) for o, t in options), label=label)
        return Text(ticks(options, label), size=size)

    # --- dates: the order precedes the requested exam; creatinine drawn before the order
    sched_shown = rng.random() < 0.8
    order_day = case.signature_date
    if sched_shown and order_day >= s:
        order_day = s - _DAY * rng.randint(1, 10)
    order_day = _away(order_day, avoid)
    creat_day = _away(order_day - _DAY * rng.randint(2, 45), avoid)
    prior_day = _away(order_day - _DAY * rng.randint(90, 900), avoid)

    center = rng.choice(_CENTERS)
    c_city, c_state = rng.choice(CITIES)
    center_npi = case.servicing.npi if case.servicing.npi != rq.npi else make_npi(rng)
    npi_where = rng.choice(("none", "none", "header", "provider"))
    sched_phone, orders_fax = fictional_phone(rng), fictional_phone(rng)
    header = f"{rng.randint(100, 9899)} {rng.choice(STREETS)}, {c_city}, {c_state} {rng.randint(10000, 99899)}" \
             f"   Scheduling {sched_phone}   Fax orders to {orders_fax}"
    if npi_where == "header":
        header += f"   NPI {center_npi}"
    form_no = f"{rng.choice(('IMG', 'RAD', 'DX', 'OP'))}-{rng.randint(100, 999)}"
    title = rng.choice(_TITLES)
    blocks: list[Block] = [
        Text(center.upper() if rng.random() < 0.5 else center, bold=True, size=size + 3),
        Text(header, size=size - 0.5),
        Title(title, size + 4.5, rng.choice(("center", "left"))),
    ]
    if rng.random() < 0.6:
        blocks.append(Text(rng.choice((
            f"Fax the completed order with a copy of the insurance card to {orders_fax}. Orders without ICD-10 "
            "codes or a signature will be returned.",
            "ALL FIELDS REQUIRED. Check the exam(s) ordered; one order per body part. Prior authorization is the "
            "ordering office's responsibility.",
            f"Questions or add-on exams: call scheduling at {sched_phone}. Please allow 2 business days for "
            "pre-authorization.")), size=size - 0.5))

    # --- priority
    urgent_word = rng.choice(("STAT", "Urgent")) if case.urgent else ""
    routine = rng.choice(("Routine", "Routine", "ROUTINE"))
    urgent_label = rng.choice(("Urgent", "URGENT (24-48 h)", "Urgent"))
    priority = (("STAT", urgent_word == "STAT"), (urgent_label, urgent_word == "Urgent"),
                (routine, not case.urgent))
    if rng.random() < 0.3:
        priority = (priority[2], priority[1], priority[0])
    priority_block = marks(priority, rng.choice(("Priority:", "PRIORITY:", "Exam Priority:", "Scheduling Priority:")))

    # --- patient
    name_rows, name_shown = _patient_name(case, rng)
    running_name = name_shown if len(name_rows) == 1 else f"{case.last.upper()}, {case.first.upper()}"
    dob_text = f(case.dob)
    p_city, p_state = rng.choice(CITIES)
    weight = rng.randint(98, 310)
    sex_text = rng.choice(({"F": "F", "M": "M"}, {"F": "Female", "M": "Male"}))[case.sex]
    patient_rows: list[tuple[str, str]] = [*name_rows, (rng.choice(_DOB_LABELS), dob_text),
                                           (rng.choice(("Sex", "Gender", "Sex (M/F)")), sex_text),
                                           (rng.choice(("Phone", "Home Phone", "Pt Phone", "Best Contact #")),
                                            fictional_phone(rng)),
                                           (rng.choice(("Address", "Street Address")),
                                            f"{rng.randint(10, 9899)} {rng.choice(STREETS)}"),
                                           (rng.choice(("City/State/ZIP", "City, State ZIP")),
                                            f"{p_city}, {p_state} {rng.randint(10000, 99899)}")]
    if rng.random() < 0.5:
        patient_rows.append((rng.choice(("Weight (lbs)", "Wt", "Weight")), f"{weight} lbs"))
        weight_shown = True
    else:
        weight_shown = False
    cols = rng.choice((2, 3, 3))
    patient = _kv(tuple(patient_rows), cols,
                 heading=rng.choice(("PATIENT INFORMATION", "Patient", "PATIENT DEMOGRAPHICS")))

    # --- insurance (Prior Auth # blank or the Reference ID)
    with_ref = rng.random() < 0.4
    auth_label = rng.choice(_AUTH_LABELS)
    auth_value = case.reference_id if with_ref else rng.choice(("", "", "________", "pending", "N/A"))
    member_label = rng.choice(_MEMBER_LABELS)
    ins_rows: list[tuple[str, str]] = [(rng.choice(("Primary Insurance", "Insurance", "Health Plan", "Plan Name")),
                                        case.plan), (member_label, case.policy_printed),
                                       (rng.choice(("Group #", "Group No.", "Grp #")), case.group_number)]
    keys: list[str | None] = [None, "policy_id", None]
    if case.plan_style != "medicaid" and rng.random() < 0.35:
        sec_style = rng.choice([st for st in ("blue", "generic", "medicaid") if st != case.plan_style])
        _, sec_printed = make_policy_id(rng, sec_style)
        sec_plan = rng.choice([p for p in (*PLANS, *_SEC_PLANS) if p != case.plan and "Medicaid" not in p])
        ins_rows += [(rng.choice(("Secondary Insurance", "Secondary Plan", "2nd Insurance")), sec_plan),
                     (rng.choice(_SEC_LABELS), sec_printed)]
        keys += [None, None]
    auth_in_insurance = rng.random() < 0.6
    if auth_in_insurance:
        ins_rows.append((auth_label, auth_value))
    insurance = _kv(tuple(ins_rows), rng.choice((2, 3, 3)), keys=tuple(keys),
                   heading=rng.choice(("INSURANCE", "Insurance Information", "BILLING / INSURANCE")))

    # --- ordering provider
    prov_rows: list[tuple[str, str]] = [
        (rng.choice(("Ordering Physician", "Ordering Provider", "Referring Physician")), rq.name),
        (rng.choice(_NPI_LABELS), rq.npi), (rng.choice(("Practice", "Office", "Clinic")), rq.practice),
        (rng.choice(("Phone", "Office Phone")), rq.phone),
        (rng.choice(("Fax", "Office Fax", "Fax results to")), rq.fax),
    ]
    if rng.random() < 0.4:
        prov_rows.append((rng.choice(("Office Contact", "Contact Person", "Nurse/MA")),
                          rng.choice(("Tamsin Oduya", "Renata Beaumont", "Cole Fairley", "Dana Whitford"))))
    if rng.random() < 0.35:
        prov_rows.append((rng.choice(("cc: Results to", "Copy to (PCP)", "Additional copy to")),
                          f"{rng.choice(DOCTOR_FIRST)} {rng.choice(DOCTOR_LAST)}, MD"))
    if npi_where == "provider":
        prov_rows.append((rng.choice(_FACILITY_NPI_LABELS), center_npi))
    provider = _kv(tuple(prov_rows), rng.choice((2, 3, 3)),
                  heading=rng.choice(("ORDERING PROVIDER", "Ordering Physician", "REFERRING PROVIDER")))

    # --- reason for exam: ICD-10 lines, sometimes with descriptions
    dx_style = rng.randrange(5)
    dx_heading = rng.choice(("REASON FOR EXAM / DIAGNOSIS (ICD-10 required)", "Diagnosis (ICD-10-CM)",
                             "CLINICAL INDICATION / ICD-10", "Reason for Exam"))
    if dx_style == 0:
        dx: list[Block] = [KV(tuple((f"ICD-10 #{i}", f"{c}  {desc}" if rng.random() < 0.7 else c)
                                    for i, (c, desc) in enumerate(case.icd10, 1)), cols=1, heading=dx_heading)]
    elif dx_style == 1:
        dx = [Table(rng.choice((("ICD-10 Code", "Description"), ("Dx Code", "Diagnosis"), ("ICD-10", "Reason"))),
                    tuple((c, desc) for c, desc in case.icd10), widths=(1.0, 4.0), heading=dx_heading)]
    elif dx_style == 2:
        dx = [Text(f"{dx_heading}:", bold=True, size=size),
              Text("\n".join(f"{i}. {c} - {desc}" for i, (c, desc) in enumerate(case.icd10, 1)), size=size)]
    elif dx_style == 3:
        dx = [Text(f"{rng.choice(('Dx codes', 'ICD-10 code(s)', 'Diagnosis codes'))}: "
                   + ", ".join(c for c, _ in case.icd10), size=size)]
    else:
        dx = [Text(f"{dx_heading}: " + "; ".join(f"{desc} ({c})" for c, desc in case.icd10) + ".", size=size)]
    if rng.random() < 0.6:
        weeks = rng.randint(2, 16)
        dx.append(Text(f"{rng.choice(('Clinical history / symptoms', 'History', 'Signs & symptoms'))}: "
                       f"{case.icd10[0][1].lower()}, {weeks} weeks; "
                       + rng.choice(("failed conservative care.", "worsening despite treatment.",
                                     "evaluate and rule out other causes.", "pre-operative planning.")), size=size))

    # --- contrast / MRI safety screening
    screen: list[Block] = []
    yn = [(rng.choice(("Contrast allergy?", "Allergy to contrast (iodine/gad)?", "Hx contrast reaction?")),
           rng.random() < 0.1)]
    if rng.random() < 0.6:
        yn.append((rng.choice(("Diabetic / on metformin?", "Metformin?")), rng.random() < 0.2))
    if rng.random() < 0.6:
        yn.append((rng.choice(("Pacemaker / implant / metal?", "MRI implants or devices?")), False))
    if rng.random() < 0.4:
        yn.append((rng.choice(("Claustrophobic?", "Sedation needed?")), rng.random() < 0.3))
    preg = rng.random() < 0.7
    screen_heading = rng.choice(("SCREENING / CONTRAST", "Contrast & Safety Screening", "PATIENT SAFETY"))
    screen.append(Text(screen_heading, bold=True, size=size))
    questions = [((("Yes", yes), ("No", not yes)), label) for label, yes in yn]
    if preg:
        questions.append(((("Yes", False), ("No", case.sex == "F"), ("N/A", case.sex == "M")),
                          rng.choice(("Pregnant?", "Pregnancy possible?", "Pregnant (female 12-55)?"))))
    if native:
        screen += [marks(opts, label) for opts, label in questions]
    else:
        # One or two questions a line (two only when the pair fits a 78-column text line).
        pair = rng.random() < 0.7
        gap = " " * rng.randint(4, 6)
        lines: list[str] = []
        for opts, label in questions:
            one = ticks(opts, label)
            if pair and lines and "    " not in lines[-1] and len(lines[-1]) + len(gap) + len(one) <= 78:
                lines[-1] += gap + one
            else:
                lines.append(one)
        screen.append(Text("\n".join(lines), size=size))
    creat = f"{rng.randint(6, 14) / 10:.1f}"
    lab_rows: list[tuple[str, str]] = [
        (rng.choice(("Creatinine", "Serum Creatinine", "Cr")), f"{creat} mg/dL"),
        (rng.choice(("Date drawn", "Creatinine Date", "Lab Date")), f(creat_day)),
    ]
    if rng.random() < 0.6:
        lab_rows.append(("eGFR", str(rng.randint(45, 118))))
    if not weight_shown:
        lab_rows.append((rng.choice(("Weight (lbs)", "Pt Weight", "Wt (lbs)")), f"{weight} lbs"))
    if rng.random() < 0.3:
        lab_rows.append((rng.choice(("Prior study of same area", "Last imaging date")), f(prior_day)))
    screen.append(_kv(tuple(lab_rows), rng.choice((2, 3, 4))))

    # --- scheduling and signature
    sched_label = rng.choice(_SCHED_LABELS)
    if sched_shown:
        sched_rows: list[tuple[str, str]] = [(sched_label, f(s))]
        if rng.random() < 0.5:
            sched_rows.append((rng.choice(("Time", "Appt Time")),
                               _clock(rng)))
    else:
        sched_rows = [(rng.choice(("Scheduled Date", "Appt Date", "Exam Date")),
                       rng.choice(("________", "to be scheduled", "center will call patient", "")))]
    if rng.random() < 0.4:
        sched_rows.append((rng.choice(("Location", "Site")), rng.choice(("Main campus", "Any location", center))))
    if not auth_in_insurance:
        sched_rows.append((auth_label, auth_value))
    signature = rng.choice((f"/s/ {rq.name}", f"{rq.name} (electronically signed)", "[signed]",
                            f"e-signed: {rq.name}"))
    sign_rows: tuple[tuple[str, str], ...] = (
        (rng.choice(("Ordering Physician Signature", "Physician Signature", "Signature")), signature),
        (rng.choice(_ORDER_LABELS), f(order_day)))
    tail: list[Block] = [
        _kv(tuple(sched_rows), 3,
           heading=rng.choice(("SCHEDULING", "Scheduling (imaging center use)", "APPOINTMENT"))),
        KV(sign_rows, cols=2),
    ]
    if case.urgent and rng.random() < 0.5:
        tail.insert(0, Text(rng.choice((
            f"{urgent_word}: please schedule within 24-48 hours and expedite the prior authorization.",
            f"{urgent_word.upper()} - clinically urgent; expedited review requested.")), bold=True, size=size))

    # --- the menu
    menu = _Menu(case, rng, 45 if page2 else 28)
    menu_title = rng.choice(("EXAM(S) ORDERED - check all that apply", "EXAMS REQUESTED (check)",
                             "Select exam(s):", "PROCEDURES ORDERED", "EXAM / CPT"))
    menu_blocks: list[Block] = [Text(menu_title, bold=True, size=size + 0.5)]
    if layout == "checks":
        per_row = rng.choice((3, 4))
        for heading, lines in menu.sections:
            items = [(menu.item(c, n), t, None) for c, n, t in lines]
            for i in range(0, len(items), per_row):
                menu_blocks.append(Checks(tuple(items[i:i + per_row]), label=f"{heading}:" if i == 0 else ""))
    elif layout == "mono":
        # One fixed-width column (a text layer keeps single spaces only, so no side-by-side columns).
        dots = rng.random() < 0.5
        width = max(len(n) for _, lines in menu.sections for _, n, _ in lines) + 1
        mark_w = max(len(on), len(off))

        def mono_line(code: str, name: str, ticked: bool) -> str:
            mark = (on if ticked else off).ljust(mark_w)
            if dots and code:
                return f"{mark} {(name + ' ').ljust(width + 1, '.')} {code}"
            return f"{mark} {menu.item(code, name)}"

        text_lines = [x for heading, lines in menu.sections
                      for x in (heading, *(mono_line(c, n, t) for c, n, t in lines))]
        menu_blocks.append(Text("\n".join(text_lines), size=size))
    elif layout == "split":
        groups = rng.choice((1, 2)) if page2 else 2
        cells = [(("", heading, ""), [(on if t else off, n, c) for c, n, t in lines])
                 for heading, lines in menu.sections]
        flat = _columns(cells, groups)
        n_rows = max(len(g) for g in flat)
        head = rng.choice((("", "Exam", "CPT"), ("Order", "Study", "Code"), ("Chk", "Exam / Procedure", "CPT/HCPCS")))
        table_rows = tuple(tuple(x for g in flat for x in (g[i] if i < len(g) else ("", "", "")))
                           for i in range(n_rows))
        menu_blocks.append(Table(head * groups, table_rows, widths=(0.45, 3.0, 0.9) * groups))
    else:
        n_cols = rng.choice((2, 3, 3)) if page2 else 3
        sections = [(heading, [f"{on if t else off} {menu.item(c, n)}" for c, n, t in lines])
                    for heading, lines in menu.sections]
        cols_text = _columns(sections, n_cols)
        header = tuple(c[0] if c else "" for c in cols_text)
        bodies = [c[1:] for c in cols_text]
        n_rows = max(len(b) for b in bodies)
        menu_blocks.append(Table(header, tuple(tuple(b[i] if i < len(b) else "" for b in bodies)
                                               for i in range(n_rows))))
    if rng.random() < 0.4:
        menu_blocks.append(Text(rng.choice((
            "Exams not listed: write in the exam and CPT code under Other.",
            "Contrast per radiologist protocol unless specified.",
            "L / R / Bilateral: specify laterality in the clinical history.")), size=size - 0.5))

    # --- assemble: sections in a varied order, the menu on page 1 or on page 2 under a running header
    front: list[Block] = [priority_block]
    parts = [patient, insurance]
    if rng.random() < 0.4:
        parts.reverse()
    if rng.random() < 0.35:
        front += [provider, *parts]
    else:
        front += [*parts, provider]
    front.append(Rule())
    if page2:
        blocks += [*front, *dx, *screen, *tail]
        running = rng.choice((f"Patient: {running_name}   DOB: {dob_text}",
                              f"{title} - page 2 - {running_name} ({dob_text})",
                              f"Pt: {running_name} | {dob_text} | {center}"))
        blocks += [PageBreak(), Text(running, size=size), Rule(), *menu_blocks]
    else:
        if rng.random() < 0.5:
            blocks += [*front, *dx, Gap(4), *menu_blocks, Rule(), *screen, *tail]
        else:
            blocks += [*front, *menu_blocks, Rule(), *dx, *screen, *tail]

    npi = [rq.npi] + ([center_npi] if npi_where != "none" else [])
    truth = Truth(reference_id=case.reference_id if with_ref else None, policy_id=case.policy_id, dob=case.dob,
                  patient_name=(case.first, case.last), npi=npi, cpt=menu.ticked_cpt, hcpcs=menu.ticked_hcpcs,
                  icd10=[c for c, _ in case.icd10], service_date=s if sched_shown else None, urgent=case.urgent)
    kv_style = "inline" if font in ("courier", "liberation_mono") else rng.choice(("boxed", "inline", "inline",
                                                                                    "underline", "stacked"))
    footer = rng.choice((f"Form {form_no} rev. {rng.randint(1, 12):02d}/{rng.randint(21, 25)}    "
                         "Page {page} of {pages}", f"{center} - Imaging Order   {{page}}/{{pages}}",
                         "Page {page}", ""))
    contains = [case.policy_printed, dob_text, name_shown, rq.npi] + ([case.reference_id] if with_ref else [])
    return Doc("imaging_order_checklist", "pa_request_form", Style(font, size, kv_style), blocks, truth, contains,
               footer=footer, title="Outpatient imaging order")
