"""Tune family added to show identity and request in prose: a provider office's telephone encounter, staff message
or nurse's pre-certification worksheet, printed from the EHR and faxed with a prior-authorization request.

What it exercises: the patient's name in prose (`pt Maria T. Alvarez`, `the patient, Maria Alvarez,`,
`Mrs. Alvarez`), sometimes also in an EHR header (`ALVAREZ, MARIA T`, with or without a `Patient:` label), beside
other people's names (a relative, often with the same surname; call-center reps by first name; nurses and medical
assistants; physicians as `Dr. Kim`); the member ID in prose (`member # ...`, `her MBI is ...`, `Medicaid ID ...`,
`insurance ID on file: ...`) among call reference numbers, the MRN, phone and fax numbers, a claim number and the
group number; the DOB in prose (`born 3/4/1959`, `date of birth is March 4, 1959`) with the age (`67 y/o`); CPT,
HCPCS and ICD-10-CM codes in prose, some with their descriptions in parentheses; the service date in prose
(`scheduled for`, `on or about`, `the week of`, `tentatively 12/14`, or not printed at all) among entry time
stamps, the last visit, symptom onset, prior imaging, faxing and call-back dates; urgency in prose, including
negations (`no need to expedite`); optionally the ordering physician's NPI in a signature line and the Reference ID
a plan rep gave. Layouts: an EHR print (header grid or header line + one note or a thread of 2-4 timestamped
entries, newest first or last), a message thread, or a worksheet narrative.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from reportlab.lib.utils import simpleSplit

from samples.generator.data import DOCTOR_LAST, FIRST_NAMES, LAST_NAMES, Case, fictional_phone, fmt_date
from samples.generator.document import KV, Block, Doc, Gap, Rule, Style, Text, Title, Truth
from samples.generator.render_pdf import MARGIN, PAGE_W, fonts

_DAY = dt.timedelta(days=1)
# How office staff write dates in prose; the EHR prints its own time stamps in one system style.
_PROSE_STYLES = ("mdy", "mdy", "m/d/yyyy", "m/d/yyyy", "mdy_short", "dash", "long", "mon_d_y")
_STAMP_STYLES = ("mdy", "m/d/yyyy", "iso")

# Office staff (invented; none share a name with the patient lists): first, last, credential.
_STAFF = (("Keisha", "Brandt", "MA"), ("Joanne", "Patel", "RN"), ("Luis", "Ortega", "LPN"),
          ("Marguerite", "Sandoval", "RN"), ("Trevor", "Ng", "CMA"), ("Bettina", "Crowe", "Precert Coordinator"),
          ("Dwayne", "Okafor", "RN, BSN"), ("Hollis", "Varga", "Referral Coordinator"), ("Priscilla", "Dunne", "MA"),
          ("Amara", "Lindgren", "RN"), ("Reggie", "Tolliver", "Front Desk"), ("Simone", "Achebe", "LPN"))
# Health-plan call-center representatives are named by first name (sometimes a last initial).
_REPS = ("Tom", "Brianna", "Marcus", "Yolanda", "Derek", "Shonda", "Carl", "Nadia", "Vince", "Lupe", "Gary", "Tasha")
_RELATIONS = {"F": ("husband", "daughter", "son", "granddaughter", "sister"),
              "M": ("wife", "daughter", "son", "grandson", "brother")}
_YOUNG_RELATIONS = ("mother", "father", "sister", "brother")

_TITLES = ("Telephone Encounter", "TELEPHONE ENCOUNTER", "Staff Message", "Patient Communication",
           "Phone Note", "Nurse Note - Prior Authorization", "Pre-Certification Worksheet", "Precert Notes",
           "Clinical Message Thread", "Referral / Authorization Notes")
_ENTRY_TYPES = ("Telephone Encounter", "Phone Note", "Staff Message", "Patient Communication", "Nurse Note",
                "Telephone Call - Outgoing", "Telephone Call - Incoming", "Precert Note", "Orders Note")
_ID_WORDS = {
    "mbi": ("MBI", "Medicare #", "Medicare number", "MBI", "Medicare ID"),
    "medicaid": ("Medicaid ID", "Medicaid #", "recipient ID", "Medicaid ID number"),
    "blue": ("member #", "subscriber ID", "ID number", "member ID", "insurance ID on file:"),
    "generic": ("policy no.", "member ID", "ID number", "subscriber ID", "insurance ID on file:"),
}
_HEADER_ID_LABELS = ("Primary Ins ID", "Insurance ID", "Member ID", "Ins. Member #", "Coverage ID")
_COMPLAINTS = ("worsening symptoms", "symptoms limiting ADLs", "no relief with conservative tx",
               "symptoms getting worse", "failed conservative management", "persistent symptoms despite treatment")
_CLINICALS = ("last 2 OV notes", "office notes and imaging report", "H&P and last office note",
              "clinicals (notes, meds list, imaging)", "PT notes and last OV note")


def _fmt(day: dt.date, style: str) -> str:
    """The corpus's date styles (`data.fmt_date`) and three more a note's prose uses."""
    if style == "m/d/yyyy":
        return f"{day.month}/{day.day}/{day.year}"
    if style == "dash":
        return day.strftime("%m-%d-%Y")
    if style == "long":
        return f"{day:%B} {day.day}, {day.year}"
    return fmt_date(day, style)


def _stamp(at: dt.datetime, style: str) -> str:
    hour = at.hour % 12 or 12
    ampm = "AM" if at.hour < 12 else "PM"
    if style == "iso":
        return f"{at:%Y-%m-%d %H:%M}"
    return f"{_fmt(at.date(), style)} {hour}:{at.minute:02d} {ampm}"


def _age(dob: dt.date, on: dt.date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _away(day: dt.date, avoid: set[dt.date]) -> dt.date:
    """The day, moved back until it is none of the reserved ones (the DOB, the service date)."""
    while day in avoid:
        day -= _DAY
    return day


def _time_on(day: dt.date, sent_at: dt.datetime, avoid: set[dt.date], rng: Random) -> dt.datetime:
    """A time in office hours on that day, before the fax went out (the day before when it left early)."""
    latest = sent_at.hour * 60 + sent_at.minute - 20 if day == sent_at.date() else 17 * 60 + 59
    if latest < 7 * 60:
        day, latest = _away(day - _DAY, avoid), 17 * 60 + 59
    minute = rng.randint(7 * 60, latest)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60))


def _lay(desc: str) -> str:
    """A description as it reads mid-sentence: lower case unless it starts with an acronym (MRI, CT, PT)."""
    return desc if len(desc) > 1 and desc[1].isupper() else desc[:1].lower() + desc[1:]


def _cap(text: str) -> str:
    """The first letter in upper case, the rest untouched (`str.capitalize` would lower `Mrs. Alvarez`)."""
    return text[:1].upper() + text[1:]


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass
class _Entry:
    """One timestamped note in the thread: who wrote it, what kind, its sentences and an optional signature."""

    at: dt.datetime
    author: str
    kind: str
    sentences: list[str] = field(default_factory=list)
    signature: str = ""


@dataclass
class _Facts:
    """What the note must print somewhere (each a sentence), decided once; layouts only place them."""

    identity: list[str]
    request: list[str]
    date: str
    date_entries: int  # how many of the first entries may hold the date (a plan is written before the day)
    urgency: str
    urgency_earlier: str  # a routine remark in an earlier entry, before the physician asked to expedite
    reference: str
    distractors: list[str]
    follow_ups: list[str]  # only in a later entry of a thread


def _codes_phrase(case: Case, rng: Random) -> str:
    """The requested procedure codes in prose: `CPT 72148`, `MRI ... (CPT 72148)`, `J-code J0897`, ..."""
    parts: list[str] = []
    for code, desc in case.cpt:
        parts.append(rng.choice((f"CPT {code}", f"{_lay(desc)} (CPT {code})", f"{code} ({_lay(desc)})",
                                 f"procedure code {code}", f"{_lay(desc)}, CPT code {code}", f"cpt {code}")))
    for code, desc in case.hcpcs:
        forms = [f"HCPCS {code}", f"{_lay(desc)} (HCPCS {code})", f"{code} ({_lay(desc)})", f"HCPCS code {code}"]
        if code.startswith("J"):
            forms += [f"J-code {code}", f"{_lay(desc)}, J-code {code}"]
        parts.append(rng.choice(forms))
    return _join(parts)


def _dx_phrase(case: Case, rng: Random) -> str:
    """The diagnoses in prose: `dx M17.11 and E11.9`, `ICD-10 M54.16 (radiculopathy, lumbar region)`, ..."""
    codes = [c for c, _ in case.icd10]
    style = rng.randrange(4)
    if style == 0:
        return rng.choice(("dx ", "Dx ", "ICD-10 ", "dx codes ", "diagnosis code(s) ")) + _join(codes)
    if style == 1:
        return "dx " + _join([f"{c} ({_lay(desc)})" for c, desc in case.icd10])
    if style == 2:
        return _join([f"{_lay(desc)} (ICD-10 {c})" for c, desc in case.icd10])
    return "ICD-10: " + "; ".join(f"{c} - {_lay(desc)}" for c, desc in case.icd10)


def office_call_note(case: Case, rng: Random) -> Doc:
    """A printed telephone encounter / staff message thread or precert worksheet: the request told in prose."""
    ds = rng.choice(_PROSE_STYLES)
    ts = rng.choice(_STAMP_STYLES)

    def f(day: dt.date) -> str:
        return _fmt(day, ds)

    rq, sv = case.requesting, case.servicing
    s = case.service_date
    sent = case.fax.sent.date()
    avoid = {case.dob, s}
    doc_first, doc_last = rq.name.removesuffix(", MD").split(" ", 1)
    dr = rng.choice((f"Dr. {doc_last}", f"Dr {doc_last}", f"Dr. {doc_last}"))
    other_dr = f"Dr. {rng.choice([n for n in DOCTOR_LAST if n != doc_last])}"

    # --- people
    mi = rng.choice("ABCDEFGHJKLMNPRSTW")
    she, her = ("she", "her") if case.sex == "F" else ("he", "his")
    hon = rng.choice(("Mrs.", "Ms.")) if case.sex == "F" else "Mr."
    staff = rng.sample(_STAFF, 4)
    reps = rng.sample(_REPS, 2)
    rep_names = [r + (f" {rng.choice('BDGKLMPRSTW')}." if rng.random() < 0.4 else "") for r in reps]

    def staff_name(person: tuple[str, str, str]) -> str:
        first, last, cred = person
        return rng.choice((f"{first[0]}. {last}, {cred}", f"{first} {last}, {cred}", f"{last.upper()}, "
                           f"{first.upper()} ({cred})", f"{first} {last[0]}., {cred}"))

    relation_pool = _YOUNG_RELATIONS if _age(case.dob, sent) < 30 else _RELATIONS[case.sex]
    relation = rng.choice(relation_pool)
    fam_first = rng.choice([n for n in FIRST_NAMES if n != case.first])
    fam_last = case.last if rng.random() < 0.75 else rng.choice([n for n in LAST_NAMES if n != case.last])
    family = f"{fam_first} {fam_last}"

    # --- timeline: entries before the fax, other dates around them (never the DOB or the service date)
    n_entries = rng.choice((1, 1, 2, 3, 3, 4))
    first_day = _away(sent - _DAY * rng.randint(n_entries - 1, n_entries + 6), avoid)
    days = sorted({_away(first_day + _DAY * rng.randint(0, max(0, (sent - first_day).days)), avoid)
                   for _ in range(n_entries - 1)} | {first_day})
    while len(days) < n_entries:
        days.append(days[-1])
    sent_at = case.fax.sent
    stamps = sorted(_time_on(day, sent_at, avoid, rng) for day in days)
    # The physician signs after the last entry, the EHR prints the note, then it is faxed: all before sending.
    room = max(2, int((sent_at - stamps[-1]).total_seconds() // 60) - 2)
    signed_at = stamps[-1] + dt.timedelta(minutes=rng.randint(1, min(300, room)))
    printed = signed_at + dt.timedelta(minutes=rng.randint(0, max(0, int((sent_at - signed_at).total_seconds()
                                                                          // 60) - 1)))
    note_day = stamps[0].date()
    age = _age(case.dob, note_day)
    last_visit = _away(note_day - _DAY * rng.randint(3, 60), avoid)
    onset = note_day - _DAY * rng.randint(45, 400)
    prior_imaging = _away(last_visit - _DAY * rng.randint(5, 120), avoid)
    callback = _away(stamps[-1].date() + _DAY * rng.randint(2, 7), avoid)
    callback_text = (f"{callback.month}/{callback.day}" if rng.random() < 0.5 else f(callback))

    # --- numbers besides the member ID
    mrn = rng.choice((case.mrn, f"{rng.randint(100000, 99999999):08d}", f"E{rng.randint(100000, 999999)}"))
    call_refs = [rng.choice((f"{rng.randint(10000, 99999)}", f"{stamps[0]:%Y%m%d}{rng.randint(100, 9999):04d}",
                             f"C{rng.randint(1000000, 9999999)}", f"{rng.randint(100000000, 999999999)}"))
                 for _ in range(2)]
    ref_word = rng.choice(("call ref", "call ref #", "ref#", "call reference number", "interaction ID"))
    claim = f"{rng.randint(2025, 2026)}{rng.randint(100, 365):03d}{rng.randint(10000, 99999)}"
    fam_phone = fictional_phone(rng)

    # --- identity: where the name, DOB and member ID are printed
    header = rng.choice(("grid", "grid", "line", "line", "none", "none"))
    header_name = f"{case.last.upper()}, {case.first.upper()}" + (f" {mi}" if rng.random() < 0.7 else "")
    if header == "grid" and rng.random() < 0.3:
        header_name = f"{case.last}, {case.first}"
    name_in_prose = header == "none" or rng.random() < 0.6
    dob_in_header = header != "none" and rng.random() < 0.5
    dob_in_prose = not dob_in_header or rng.random() < 0.4
    id_in_header = header == "grid" and rng.random() < 0.3
    id_in_prose = not id_in_header or rng.random() < 0.5
    dob_text = f(case.dob)
    header_dob = _fmt(case.dob, rng.choice(("mdy", "m/d/yyyy")))
    member = case.policy_printed
    id_word = rng.choice(_ID_WORDS[case.plan_style])
    prose_name = rng.choice((f"{case.first} {mi}. {case.last}", f"{case.first} {case.last}",
                             f"{hon} {case.first} {case.last}", f"{case.first} {case.last}"))
    short = rng.choice((f"{hon} {case.last}", "pt", "the patient", f"{hon} {case.last}"))
    plan_short = rng.choice((case.plan, " ".join(case.plan.split()[:2]), case.plan))

    def id_is() -> str:
        """The member ID as a clause: `her MBI is 1EG4-TE5-MK73`, `insurance ID on file: ...`."""
        return f"{id_word} {member}" if id_word.endswith(":") else f"{her} {id_word} is {member}"

    identity: list[str] = []
    opening = -1
    dob_said = rng.choice((f"DOB {dob_text}", f"born {dob_text}", f"date of birth {dob_text}", f"D.O.B. {dob_text}"))
    id_said = f"{id_word} {member}"
    if name_in_prose:
        who = prose_name
        opening = rng.randrange(5)
        if opening == 0:
            identity.append(f"Called {plan_short} UM line re: pt {who}" + (f" ({dob_said})" if dob_in_prose else "")
                            + (f", {id_said}," if id_in_prose else "") + " for prior auth.")
        elif opening == 1:
            identity.append(f"Pt is a {age} y/o {case.sex}, {who}" + (f", {dob_said}" if dob_in_prose else "")
                            + (f"; {id_is()}" if id_in_prose else "") + ".")
        elif opening == 2:
            identity.append(f"Spoke with the patient, {who}, who confirmed"
                            + (f" {rng.choice(('DOB', 'date of birth'))} {dob_text} and" if dob_in_prose else "")
                            + (f" {id_said} ({plan_short})." if id_in_prose else " address and phone."))
        elif opening == 3:
            identity.append(f"Precert needed for {who} ({age} y/o {case.sex})."
                            + (f" {_cap(her)} date of birth is {dob_text}." if dob_in_prose else "")
                            + (f" {plan_short} {id_said}." if id_in_prose else ""))
        else:
            identity.append(f"Rec'd call from {family}, {relation} of the patient, {who}"
                            + (f" ({dob_said})" if dob_in_prose else "") + ", asking about the auth."
                            + (f" Insurance: {plan_short}, {id_said}." if id_in_prose else ""))
    else:
        lead = _cap(short)
        if dob_in_prose:
            identity.append(f"{lead} verified {rng.choice(('DOB', 'date of birth', 'D.O.B.'))} {dob_text}.")
        if id_in_prose:
            identity.append(f"{plan_short} - {id_is()}.")
        if not identity:
            identity.append(f"{lead} identity verified (name/DOB).")
    if rng.random() < 0.3 and not (name_in_prose and opening == 4):
        identity.append(f"{_cap(her)} {relation}, {family}, is on the HIPAA release; cb {fam_phone}.")

    # --- the request
    proc = _codes_phrase(case, rng)
    dx = _dx_phrase(case, rng)
    request = [rng.choice((
        f"Per {dr}, please obtain PA for {proc}; {dx}.",
        f"{dr} ordering {proc} for {dx}.",
        f"Need auth for {proc}. {_cap(dx)}.",
        f"Rep states PA required for {proc}. Gave {dx}.",
        f"Requesting {proc} at {sv.practice}; {dx}.",
    ))]
    if rng.random() < 0.6:
        request.append(rng.choice((f"{_cap(short)} has {rng.choice(_COMPLAINTS)}.",
                                   f"Symptoms since {onset.month}/{onset.year}, {rng.choice(_COMPLAINTS)}.",
                                   f"Onset {onset:%B %Y}; {rng.choice(_COMPLAINTS)}.")))

    # --- the service date (or none)
    date_mode = rng.random()
    shown_date: dt.date | None = s
    date_entries = n_entries
    if date_mode < 0.12:
        shown_date = None
        date_sentence = rng.choice(("Will schedule once auth is approved.", "Date TBD pending approval.",
                                    "Scheduling will call pt with a date after auth."))
    elif s <= stamps[0].date():
        date_sentence = rng.choice((f"DOS {f(s)} - requesting retro review.",
                                    f"Service was done {f(s)}; office is asking for retro auth.",
                                    f"Retro request for date of service {f(s)}."))
    else:
        options = [f"Per {dr}, schedule the procedure for on or about {f(s)}.", f"Scheduled for {f(s)}.",
                   f"Planned for the week of {f(s)}.", f"Target DOS {f(s)}.",
                   f"Pt would like it done {f(s)} if approved.", f"Booked at {sv.practice} for {f(s)}."]
        if s.year == stamps[0].year:
            options.append(f"Tentatively {s.month}/{s.day}, pending auth.")
        date_sentence = rng.choice(options)
        date_entries = sum(st.date() < s for st in stamps)

    # --- urgency in prose; routine notes often say so, sometimes with a negation
    if case.urgent:
        urgency = rng.choice((
            f"Requested expedited review because {she} is in severe pain and unable to work.",
            "Pt in severe pain, please rush.",
            f"Asked rep to process as URGENT - per {dr} a delay could seriously jeopardize {her} health.",
            f"{dr} requests EXPEDITED review (symptoms worsening rapidly).",
            "Marked urgent/expedited on the portal; rep confirmed 72 hr turnaround.",
        ))
    else:
        urgency = rng.choice(("Routine request.", "Not urgent.", "Standard review, no need to expedite.",
                              f"Rep asked if urgent - per {dr} no, routine is fine.",
                              "Non-urgent; pt aware decision may take up to 14 days.", "", ""))

    reference = ""
    reference_shown = rng.random() < 0.35
    if reference_shown:
        reference = rng.choice((f"{rep_names[1]} gave case # {case.reference_id}; status pending clinical review.",
                                f"Auth ref # {case.reference_id} created, pending.",
                                f"Plan reference {case.reference_id} - faxing clinicals under this number.",
                                f"Case opened: {case.reference_id}. Determination pending."))

    distractors = [
        f"Spoke w/ rep {rep_names[0]} ({ref_word} {call_refs[0]}) at {case.plan_phone}.",
        f"Faxed {rng.choice(_CLINICALS)} to UM fax {case.plan_fax}.",
        rng.choice((f"Last OV {f(last_visit)}.", f"Seen in office {f(last_visit)} by {dr}.",
                    f"Last seen {f(last_visit)}.")),
        rng.choice((f"Prior x-rays {f(prior_imaging)} reviewed.", f"Previous imaging dated {f(prior_imaging)}.",
                    f"Outside records from {f(prior_imaging)} on file.", f"Labs drawn {f(prior_imaging)}.")),
        f"Will call back {callback_text} for status.",
        rng.choice((f"Group # {case.group_number}.", f"Grp {case.group_number} verified active.")),
    ]
    if rng.random() < 0.4:
        distractors.append(f"Also asked about claim # {claim} (OV {f(last_visit)}) - processed, no action needed.")
    if rng.random() < 0.5:
        distractors.append(f"{other_dr} (PCP) office aware.")
    follow_ups = [f"Called back, spoke w/ {rep_names[1]} ({ref_word} {call_refs[1]})."] if n_entries > 1 else []
    urgency_earlier = ""
    if case.urgent and n_entries > 1 and rng.random() < 0.4:
        urgency_earlier = rng.choice(("Sent as routine.", "Routine request.", "Standard review requested."))
        urgency = rng.choice((f"Update: {dr} now wants this expedited - {she} is worse. Called plan to change to "
                              "URGENT.", f"{dr} asked to upgrade to expedited review; plan notified."))
    facts = _Facts(identity, request, date_sentence, date_entries, urgency, urgency_earlier, reference,
                   distractors, follow_ups)

    # --- NPIs: the ordering physician's in a signature line or in prose, the facility's in prose
    npis: list[str] = []
    signature = ""
    npi_mode = rng.random()
    if npi_mode < 0.45:
        signature = rng.choice((
            f"Electronically signed by {doc_first} {doc_last}, MD (NPI {rq.npi}) on "
            f"{_stamp(signed_at, ts)}",
            f"Reviewed/signed: {dr}, MD  NPI {rq.npi}",
        ))
        npis.append(rq.npi)
    elif npi_mode < 0.6:
        facts.distractors.append(f"Gave rep {dr}'s NPI {rq.npi} and TIN {rng.randint(20, 98)}-"
                                 f"{rng.randint(1000000, 9999999)}.")
        npis.append(rq.npi)
    else:
        signature = rng.choice(("", f"Electronically signed by {doc_first} {doc_last}, MD on "
                                    f"{_stamp(signed_at, ts)}"))
    if sv.npi != rq.npi and rng.random() < 0.35:
        facts.distractors.append(f"Servicing: {sv.practice}, NPI {sv.npi}.")
        npis.append(sv.npi)

    # --- entries: who wrote what
    entries = _entries(facts, stamps, staff, staff_name, rng)
    if signature:
        entries[-1].signature = signature
    newest_first = n_entries > 1 and rng.random() < 0.5
    ordered = list(reversed(entries)) if newest_first else entries

    # --- layout
    blocks: list[Block] = [
        Text(rq.practice.upper() if rng.random() < 0.5 else rq.practice, bold=True, size=11),
        Text(f"{rq.street}, {rq.city}, {rq.state} {rq.zip}   Ph {rq.phone}   Fax {rq.fax}", size=8),
        Title(rng.choice(_TITLES), 12.5, rng.choice(("left", "center"))),
    ]
    if header == "grid":
        rows: list[tuple[str, str]] = [(rng.choice(("Patient", "Patient Name", "Name")), header_name),
                                       (rng.choice(("MRN", "Med Rec #", "Chart #")), mrn)]
        if dob_in_header:
            rows.append((rng.choice(("DOB", "Date of Birth", "Birth Date")), header_dob))
        rows.append(("Age/Sex", f"{age} y.o. {case.sex}"))
        if id_in_header:
            rows.append((rng.choice(_HEADER_ID_LABELS), member))
            rows.append(("Payer", case.plan))
        rows.append((rng.choice(("PCP", "Primary Care")), other_dr))
        rows.append((rng.choice(("Encounter Date", "Enc Date", "Date")), _fmt(stamps[0].date(), ts)
                     if ts != "iso" else stamps[0].date().isoformat()))
        keys = tuple("policy_id" if label in _HEADER_ID_LABELS else None for label, _ in rows)
        blocks.append(KV(tuple(rows), cols=rng.choice((2, 3)), keys=keys))
    elif header == "line":
        line = (rng.choice(("Patient: ", "Pt: ", "")) + f"{header_name}   MRN: {mrn}"
                + (f"   DOB: {header_dob}" if dob_in_header else "") + f"   {age} y.o. {case.sex}")
        blocks.append(Text(line, bold=rng.random() < 0.5, size=9.5))
    blocks.append(Rule())
    layout = rng.randrange(3)
    for i, entry in enumerate(ordered):
        body = " ".join(x for x in entry.sentences if x)
        if layout == 0 or (n_entries == 1 and layout == 2):
            sep = rng.choice(("   ", "  |  ", " - "))
            blocks.append(Text(f"{_stamp(entry.at, ts)}{sep}{entry.kind}{sep}{entry.author}", bold=True, size=9.5))
            blocks.append(Text(body))
        elif layout == 1:
            subject = rng.choice(("PA", "Prior auth", "Auth status", "Precert", "RE: prior auth"))
            blocks.append(Text(f"From: {entry.author}\nSent: {_stamp(entry.at, ts)}\nSubject: {subject}",
                               size=9))
            blocks.append(Text(body))
        else:
            blocks.append(Text(f"{_stamp(entry.at, ts)} {entry.author}: {body}"))
        if entry.signature:
            blocks.append(Text(entry.signature, size=8.5))
        if i < len(ordered) - 1:
            blocks.append(Rule() if rng.random() < 0.5 else Gap(6))
    user = rng.choice(("kbrandt", "JPATEL", "precert2", "frontdesk1", "mscoord"))
    footer = rng.choice((f"Printed {_stamp(printed, ts)} by {user}   Page {{page}} of {{pages}}",
                         f"{rq.practice} - Confidential   {{page}}/{{pages}}", "Page {page}"))

    shown_name = prose_name if name_in_prose else header_name
    truth = Truth(reference_id=case.reference_id if reference_shown else None, policy_id=case.policy_id,
                  dob=case.dob, patient_name=(case.first, case.last), npi=npis,
                  cpt=[c for c, _ in case.cpt], hcpcs=[c for c, _ in case.hcpcs], icd10=[c for c, _ in case.icd10],
                  service_date=shown_date, urgent=case.urgent)
    font = rng.choice(("courier", "liberation_mono", "helvetica", "liberation_sans", "dejavu_sans", "times"))
    size = {"courier": 9.0, "liberation_mono": 9.0, "times": 10.5}.get(font, 9.5)
    style = Style(font, size, rng.choice(("inline", "boxed")))
    # What a reader must find, as printed: the first printing of each that no line break splits.
    candidates = ([member], [dob_text, header_dob], [shown_name, header_name, prose_name, case.last],
                  [c for c, _ in (*case.cpt, *case.icd10)])
    contains = [next(x for x in group if _intact(x, blocks, style)) for group in candidates
                if any(_intact(x, blocks, style) for x in group)]
    return Doc("office_call_note", "clinical_note", style, blocks, truth, contains, footer=footer,
               title="Telephone encounter / staff message")


def _intact(text: str, blocks: list[Block], style: Style) -> bool:
    """Whether `text` is printed somewhere on one line both in the PDF (reportlab wrapping) and as fixed-width text."""
    regular, bold = fonts(style.font)
    in_pdf = in_txt = False
    for b in blocks:
        # A grid cell wraps its value at spaces when the cell is narrow ("FAIRBAIRN,\nMARISOL"): only a value
        # without a space is surely on one line there.
        if isinstance(b, KV) and " " not in text and any(text in value for _, value in b.rows):
            return True
        if not isinstance(b, Text):
            continue
        font, size = (bold if b.bold else regular), (b.size or style.size)
        for para in b.text.split("\n"):
            if text in para:
                in_pdf = in_pdf or any(text in line for line in simpleSplit(para, font, size, PAGE_W - 2 * MARGIN))
                in_txt = in_txt or any(text in line for line in textwrap.wrap(para, 78))
    return in_pdf and in_txt


def _entries(facts: _Facts, stamps: list[dt.datetime], staff: list[tuple[str, str, str]],
             staff_name: Callable[[tuple[str, str, str]], str], rng: Random) -> list[_Entry]:
    """Spread the facts over the entries in time order: the first holds identity, later ones the follow-up."""
    kinds = rng.sample(_ENTRY_TYPES, len(stamps))
    entries = [_Entry(at, staff_name(staff[i]), kinds[i]) for i, at in enumerate(stamps)]
    n = len(entries)
    first, last = entries[0], entries[-1]
    first.sentences += facts.identity
    if n == 1:
        pieces = [*facts.request, facts.date, facts.urgency, *facts.distractors, facts.reference]
        body = pieces[:2]
        rest = pieces[2:]
        rng.shuffle(rest)
        first.sentences += body + rest
        return entries
    # The order (request, date, urgency) may sit in the first or a middle entry; the reference comes last.
    holder = entries[rng.randrange(n - 1)]
    holder.sentences += facts.request
    entries[rng.randrange(max(1, facts.date_entries))].sentences.append(facts.date)
    if facts.urgency_earlier:
        entries[0].sentences.append(facts.urgency_earlier)
        entries[rng.randrange(1, n)].sentences.append(facts.urgency)
    else:
        entries[rng.randrange(n)].sentences.append(facts.urgency)
    for sentence in facts.distractors:
        entries[rng.randrange(n)].sentences.append(sentence)
    for sentence in facts.follow_ups:
        entries[rng.randrange(1, n)].sentences.append(sentence)
    if facts.reference:
        last.sentences.append(facts.reference)
    for entry in entries:
        if not any(entry.sentences):
            entry.sentences.append(rng.choice(("LVM for pt to call back.", "Pt aware, will wait for decision.",
                                               "Status checked on portal - still pending.")))
    return entries
