"""Tune family added to show competing dates: a request to continue or extend a service (continuation, extension,
renewal or concurrent review), where the date of service, the start of the requested new period, sits among
several other dates with other roles (onset, last visit, last dose, the previous authorization period, the
original approval, a hospital stay, a surgery, labs, signature, fax and notification dates, the next follow-up).
Only the label or wording tells the service date apart: it is neither the first nor the only date on the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from random import Random

from samples.generator.data import Case
from samples.generator.document import KV, Banner, Checks, Doc, Gap, PageBreak, Rule, Style, Table, Text, Title
from samples.generator.family_general import _date
from samples.generator.wording import DOB_LABELS, code_list, printed_name, request_truth

# Date styles: the five of data.DATE_STYLES and the spelled-out ones (`March 5, 2026`, `Mar. 5, 2026`).
_DATE_STYLES = ("mdy", "mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso", "long", "abbr_dot")
_DAY = dt.timedelta(days=1)
Fmt = Callable[[dt.date], str]


# The start of the requested period (the service date) and its end, as continuation forms label them. The last
# element says whether the label only makes sense under a heading naming the new period ("Begin Date").
_START_LABELS: tuple[tuple[str, str, bool], ...] = (
    ("Requested Start Date", "Requested End Date", False),
    ("Date(s) of Service From", "Date(s) of Service To", False),
    ("Extension Start", "Extension End", False),
    ("New Period From", "New Period Through", False),
    ("Proposed Date of Service", "Proposed End Date", False),
    ("Begin Date", "End Date", True),
    ("Continue Therapy Beginning", "Continue Therapy Through", False),
    ("Requested Period From", "Requested Period Through", False),
    ("Renewal Start Date", "Renewal End Date", False),
    ("Start of Continued Services", "Continued Services End", False),
    ("From", "Through", True),
    ("Extension Requested From", "Extension Requested To", False),
)
# The requested period as one range ("Requested Period: S - E") and the previous one beside it.
_NEW_RANGE_LABELS = ("Requested Period", "New Auth Period", "Extension Period", "Dates of Service Requested",
                     "Continuation Period", "Period Requested")
_PREV_RANGE_LABELS = ("Previous Auth Period", "Current Auth Period", "Prior Approved Period", "Existing Authorization",
                      "Approved Dates (current)", "Previously Authorized")
_RANGE_SEPS = (" - ", " to ", " thru ", " through ", "-")
_REF_LABELS = ("Previous Auth #", "Prev. Auth. #", "Prior Authorization Number", "Current Auth Ref",
               "Original Auth #", "Existing Authorization #")
_MEMBER_LABELS = ("Member ID", "Member ID #", "Subscriber ID", "Member or Medicaid ID #", "Policy #", "ID No.")

# Distracting dates: role -> label variants (the last dose depends on the kind of service, see `_kind`).
_LABELS: dict[str, tuple[str, ...]] = {
    "onset": ("Date of Onset", "Onset Date", "Symptom Onset"),
    "injury": ("Date of Injury", "Injury Date", "DOI"),
    "diagnosis": ("Date of Diagnosis", "Diagnosed On", "Initial Diagnosis Date"),
    "surgery": ("Date of Surgery", "Surgery Date", "Procedure Performed On"),
    "lab": ("Lab Collection Date", "Specimen Collected", "Most Recent Labs Drawn", "Date of Last Labs"),
    "last_visit": ("Date of Last Visit", "Last Office Visit", "Last Seen", "Most Recent Visit", "Date Last Examined"),
    "approval": ("Original Auth Approval Date", "Initial Approval Date", "Date Originally Approved",
                 "Original Determination Date"),
    "therapy_start": ("Therapy Initiated", "Original Start of Care", "Initial Start Date",
                      "Date Treatment First Began"),
    "follow_up": ("Next Follow-up Appointment", "Next Scheduled Visit", "Re-evaluation Due", "Next Appointment"),
    "notification": ("Notification Date", "Date of Notification", "Plan Notified On"),
    "faxed": ("Date Faxed", "Fax Date", "Date Sent"),
    "signed_top": ("Date of Request", "Date Submitted", "Request Date", "Date Form Completed"),
    "signed_bottom": ("Date", "Date Signed", "Signature Date", "Date Form Completed"),
}
_ADMIT_LABELS = (("Admission Date", "Discharge Date"), ("Admit Date", "Discharge Date"), ("Admitted", "Discharged"),
                 ("Date Admitted", "Date Discharged"))
_LAST_DOSE = {
    "infusion": ("Date of Last Infusion", "Last Dose Given", "Last Administration Date", "Most Recent Infusion"),
    "therapy": ("Last Therapy Visit", "Last Treatment Session", "Date of Last PT Visit"),
    "supply": ("Last Fill Date", "Last Supply Delivered", "Date Last Dispensed"),
    "treatment": ("Last Treatment Date", "Most Recent Treatment"),
}
_SERVICE_WORDS = {  # (what continues, its units)
    "infusion": ("infusion therapy", "infusions"),
    "therapy": ("outpatient therapy", "visits"),
    "supply": ("equipment and supply coverage", "months"),
    "treatment": ("treatment", "units"),
}
# Roles drawn at random besides the previous period and the signature date, which every such form has.
_OPTIONAL = ("onset", "diagnosis", "surgery", "admission", "lab", "last_visit", "last_dose", "approval",
             "therapy_start", "follow_up", "notification", "faxed")
_CLINICAL = ("onset", "diagnosis", "admission", "surgery", "last_visit", "last_dose", "lab")  # reading order


def _kv(rows: list[tuple[str, str]], heading: str = "") -> KV:
    """Label/value pairs in two columns, or one when there is a single pair (a stacked grid needs full rows)."""
    return KV(tuple(rows), cols=min(2, len(rows)), heading=heading)


def _kind(case: Case) -> str:
    codes = [c for c, _ in code_list(case)]
    if any(c.startswith("J") for c in codes) or {"96365", "96413"} & set(codes):
        return "infusion"
    if any(c.startswith("97") for c in codes):
        return "therapy"
    if case.hcpcs:
        return "supply"
    return "treatment"


def _timeline(case: Case, rng: Random) -> dict[str, dt.date]:
    """Consistent dates around the requested start S: history before the previous period, recent events between
    its start and the signature, the next follow-up after S. None of them is S or before the DOB."""
    s = case.service_date
    signed = case.signature_date if case.signature_date != s else case.signature_date - _DAY
    faxed = case.fax.sent.date()  # make_case keeps it apart from the DOB and S
    prev_end = s - _DAY * (1 + (0 if rng.random() < 0.75 else rng.randint(1, 14)))  # a lapse now and then
    # The previous period began before the signature: a continuation is asked for while it runs (or just after).
    length = max(rng.choice((29, 59, 89, 90, 119, 179)), (prev_end - signed).days + rng.randint(10, 40))
    prev_start = prev_end - _DAY * length
    first_start = prev_start - _DAY * rng.choice((0, 0, rng.randint(45, 400)))
    approval = first_start - _DAY * rng.randint(2, 15)
    discharge = first_start - _DAY * rng.randint(1, 14)
    admission = discharge - _DAY * rng.randint(2, 9)
    surgery = admission + _DAY * rng.randint(0, (discharge - admission).days - 1)
    onset = admission - _DAY * rng.randint(20, 700)
    diagnosis = onset + _DAY * rng.randint(3, (admission - onset).days - 1)
    lo, hi = max(prev_start + _DAY, signed - _DAY * 45), min(signed, s) - _DAY

    def recent() -> dt.date:
        return lo + _DAY * rng.randint(0, (hi - lo).days)

    notification = signed + _DAY * rng.randint(0, max(0, (faxed - signed).days))
    if notification == s:
        notification = faxed
    out = {"s": s, "prev_start": prev_start, "prev_end": prev_end, "first_start": first_start,
           "approval": approval, "admission": admission, "discharge": discharge, "surgery": surgery,
           "onset": onset, "diagnosis": diagnosis, "last_visit": recent(), "last_dose": recent(), "lab": recent(),
           "signed": signed, "faxed": faxed, "notification": notification,
           "follow_up": max(s, signed) + _DAY * rng.randint(7, 60)}
    if any(v == s for k, v in out.items() if k != "s") or min(out.values()) <= case.dob:
        raise AssertionError(f"inconsistent timeline for {case.first} {case.last}")
    return out


def continuation_request(case: Case, rng: Random) -> Doc:
    """A continuation / extension / concurrent-review request: the service date is the new period's start."""
    ds = rng.choice(_DATE_STYLES)

    def f(day: dt.date) -> str:
        return _date(day, ds)

    dob = f(case.dob)
    name = printed_name(case, rng)
    rq, sv = case.requesting, case.servicing
    kind = _kind(case)
    service_words, unit_word = _SERVICE_WORDS[kind]
    t = _timeline(case, rng)
    s = case.service_date
    e = case.service_end if case.service_end > s else s + _DAY * rng.choice((29, 59, 89, 179))
    sep = rng.choice(_RANGE_SEPS)
    if sep == "-" and ds in ("iso", "dd_mon_yyyy"):
        sep = " - "  # 2026-12-10-2027-03-09 would be unreadable
    with_ref = rng.random() < 0.6
    units = rng.choice((4, 6, 8, 12, 3)) if kind != "supply" else max(1, round(((e - s).days + 1) / 30))
    injury = any(c.startswith(("S", "T")) for c, _ in case.icd10)

    # Distracting dates: the previous period and the signature date always, 2-5 more drawn at random (4-7 roles).
    roles = ["prior_period", "signed", *rng.sample(_OPTIONAL, rng.randint(2, 5))]
    labels = {r: rng.choice(_LABELS[r]) for r in _LABELS}
    if injury:
        labels["onset"] = rng.choice(_LABELS["injury"])
    labels["last_dose"] = rng.choice(_LAST_DOSE[kind])
    admit_labels = rng.choice(_ADMIT_LABELS)

    period_style = rng.choice(("kv", "kv", "row", "table", "keydates", "prose"))
    # Does the previous period come after the new one in reading order (a reversed row or table, or prose
    # that names the new period first)?
    prose_variant = rng.randrange(4)
    prior_after = ((period_style in ("row", "table") and rng.random() < 0.3)
                   or (period_style == "prose" and prose_variant in (1, 2)))
    clinical_first = rng.random() < 0.35
    clinical_as_prose = rng.random() < 0.45
    # Where the non-clinical roles go: the top of the form (before the period) or the signature block (after).
    place = {r: rng.choice(("top", "bottom")) for r in ("signed", "faxed", "notification")}
    keydates: list[str] = []
    if period_style == "keydates":
        movable = [r for r in roles if r in (*_CLINICAL, "approval", "therapy_start", "follow_up", "notification")]
        keydates = rng.sample(movable, min(len(movable), rng.randint(1, 3))) if movable else []
    # Distractors both before and after the service date in reading order (a keyed-dates table always has a row
    # before it, and the previous period is on one side or the other).
    outside = [r for r in roles if r not in keydates]
    before = (period_style == "keydates" or not prior_after
              or any(r in ("approval", "therapy_start") for r in outside)
              or (any(r in _CLINICAL for r in outside) and clinical_first)
              or any(place[r] == "top" for r in ("signed", "faxed", "notification") if r in outside))
    after = (prior_after or "follow_up" in outside
             or (any(r in _CLINICAL for r in outside) and not clinical_first)
             or any(place[r] == "bottom" for r in ("signed", "faxed", "notification") if r in outside))
    if not before:
        place["signed"] = "top"
    elif not after:
        place["signed"] = "bottom"

    def role_rows(selected: list[str]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for r in selected:
            if r == "admission":
                rows += [(admit_labels[0], f(t["admission"])), (admit_labels[1], f(t["discharge"]))]
            elif r == "therapy_start":
                rows.append((labels[r], f(t["first_start"])))
            elif r == "signed":
                rows.append((labels["signed_top"], f(t["signed"])))
            else:
                rows.append((labels[r], f(t[r])))
        return rows

    # --- header
    word = rng.choice(("Continuation", "Extension", "Renewal", "Concurrent Review"))
    blocks: list = []
    if rng.random() < 0.4:
        blocks.append(Banner(case.plan.upper(), f"Utilization Management - {word} of Authorization Request"))
    else:
        blocks += [Title(rng.choice(("REQUEST FOR CONTINUATION OF SERVICES", "AUTHORIZATION EXTENSION REQUEST",
                                     "CONCURRENT REVIEW - CONTINUED SERVICES", "PRIOR AUTHORIZATION RENEWAL REQUEST",
                                     "Continued Treatment Authorization Request")), 13),
                   Text(f"{case.plan} - Utilization Management - fax {case.plan_fax} - phone {case.plan_phone}",
                        size=8)]
    top_rows = [(labels["signed_top"], f(t["signed"]))] if place["signed"] == "top" else []
    top_rows += [(labels[r], f(t[r])) for r in ("faxed", "notification")
                 if r in roles and r not in keydates and place[r] == "top"]
    if top_rows:
        blocks.append(_kv(top_rows))
    if rng.random() < 0.4:
        # Urgency asked as a question with Yes / No boxes: the urgent word is in the question whatever the answer.
        yes_no = (("Yes", case.urgent, "urgent"), ("No", not case.urgent, "non_urgent"))
        urgency = Checks(yes_no if rng.random() < 0.5 else yes_no[::-1], label=rng.choice((
            "Is this request urgent?", "Expedited review requested?", "Urgent (72-hour) decision needed?",
            "Does this request meet the criteria for an expedited review?", "Request expedited handling?")))
    else:
        urgency = Checks((("Standard", not case.urgent, "non_urgent"),
                          (rng.choice(("Urgent / Expedited", "Expedited (72 hours)", "Urgent concurrent review")),
                           case.urgent, "urgent")), label=rng.choice(("Review Type:", "Priority:", "Request is:")))
    blocks += [
        urgency,
        Checks((("Initial Request", False, None), ("Extension / Continuation", True, None),
                ("Concurrent Review", word == "Concurrent Review", None)), label="Request Type:"),
    ]
    # --- member and providers
    member_label = rng.choice(_MEMBER_LABELS)
    blocks.append(KV((("Patient Name", name), (rng.choice(DOB_LABELS), dob), (member_label, case.policy_printed),
                      ("Group #", case.group_number)), cols=2, keys=(None, None, "policy_id"),
                     heading=rng.choice(("Member Information", "Patient", "Member"))))
    blocks.append(KV((("Requesting Provider", rq.name), ("Requesting NPI", rq.npi),
                      ("Servicing Provider / Facility", sv.practice), ("Servicing NPI", sv.npi),
                      ("Phone", rq.phone), ("Fax", rq.fax)),
                     cols=2, heading=rng.choice(("Provider Information", "Providers"))))

    # --- clinical dates (before or after the authorization section)
    clinical_roles = [r for r in _CLINICAL if r in roles and r not in keydates]
    clinical: list = []
    if clinical_roles:
        if clinical_as_prose:
            clinical.append(Text(rng.choice(("Clinical update:", "Clinical summary:", "Current status:")), bold=True))
            clinical.append(Text(" ".join(_sentence(r, t, f, kind, injury, rng) for r in clinical_roles)
                                 + " " + rng.choice((
                                     "Goals are partly met and progress continues; stopping now would undo the gains.",
                                     "The patient is responding to treatment and tolerating it well.",
                                     "Measured function has improved since the last authorization."))))
        else:
            clinical.append(_kv(role_rows(clinical_roles),
                                rng.choice(("Clinical Information", "Clinical Dates", "History"))))
    if clinical_first:
        blocks += clinical

    # --- authorization history and the requested period (the service date)
    blocks += _period_section(period_style, case, rng, t, f, sep, e, with_ref, units, unit_word, service_words,
                              role_rows([r for r in roles if r in ("approval", "therapy_start")
                                         and r not in keydates]),
                              role_rows(keydates), prior_after, prose_variant)

    # --- services and diagnoses
    blocks += _services(case, rng, f, s, e, units)
    if not clinical_first:
        if rng.random() < 0.45:
            blocks.append(PageBreak())
            blocks.append(Text(f"{name} - {member_label} {case.policy_printed} - page 2", size=8))
        blocks += clinical
    if case.urgent:
        blocks.append(Text(rng.choice((
            "Expedited review requested: an interruption in therapy would seriously jeopardize the patient's health.",
            "URGENT: a lapse in authorization would put the patient's life or health at serious risk.",
        ))))
    if "follow_up" in roles and "follow_up" not in keydates:
        blocks.append(Text(rng.choice((f"{labels['follow_up']}: {f(t['follow_up'])}",
                                       f"Plan: continue as above; next follow-up scheduled {f(t['follow_up'])}."))))
    # --- signature block
    blocks += [Gap(8), Text("I attest that the information above is accurate and supported by the medical record.",
                            size=8.5)]
    bottom = [f"Requesting provider signature: {rq.name}"]
    if place["signed"] == "bottom":
        bottom.append(f"{labels['signed_bottom']}: {f(t['signed'])}")
    bottom += [f"{labels[r]}: {f(t[r])}" for r in ("faxed", "notification")
               if r in roles and r not in keydates and place[r] == "bottom"]
    blocks.append(Text("    ".join(bottom)))

    font = rng.choice(("helvetica", "dejavu_sans", "liberation_sans", "times", "liberation_serif"))
    style = Style(font, 9 if font != "times" else 10, rng.choice(("boxed", "boxed", "inline", "stacked", "underline")))
    contains = [case.policy_printed, dob, name, rq.npi] + ([case.reference_id] if with_ref else [])
    return Doc("continuation_request", "pa_request_form", style, blocks, request_truth(case, reference=with_ref),
               contains, footer=rng.choice(("CONT-REQ {page}/{pages}", "Continuation request - page {page} of {pages}",
                                            "UM-EXT  Page {page} of {pages}")),
               title="Continuation of services request")


def _sentence(role: str, t: dict[str, dt.date], f: Fmt, kind: str, injury: bool, rng: Random) -> str:
    """One clinical sentence naming one distracting date in prose."""
    if role == "onset":
        return (f"Injured on {f(t['onset'])}." if injury
                else rng.choice((f"Symptoms began on {f(t['onset'])}.", f"Onset {f(t['onset'])}.")))
    if role == "diagnosis":
        return f"Diagnosis confirmed {f(t['diagnosis'])}."
    if role == "surgery":
        return rng.choice((f"Underwent surgery on {f(t['surgery'])}.", f"Status post surgery {f(t['surgery'])}."))
    if role == "admission":
        return rng.choice((f"Hospitalized {f(t['admission'])} to {f(t['discharge'])}.",
                           f"Admitted {f(t['admission'])}, discharged {f(t['discharge'])}."))
    if role == "lab":
        return f"Labs collected {f(t['lab'])} were reviewed and remain stable."
    if role == "last_visit":
        return rng.choice((f"Last seen in the office on {f(t['last_visit'])}.",
                           f"Most recent visit {f(t['last_visit'])}."))
    verb = {"infusion": "Last infusion given", "therapy": "Last therapy session attended",
            "supply": "Supplies last dispensed", "treatment": "Last treatment given"}[kind]
    return f"{verb} {f(t['last_dose'])}."


def _period_section(style: str, case: Case, rng: Random, t: dict[str, dt.date], f: Fmt, sep: str, e: dt.date,
                    with_ref: bool, units: int, unit_word: str, service_words: str,
                    auth_rows: list[tuple[str, str]], key_rows: list[tuple[str, str]], prior_after: bool,
                    prose_variant: int) -> list:
    """The previous authorization and the requested new period, in one of five layouts."""
    s = case.service_date
    a, b = f(t["prev_start"]), f(t["prev_end"])
    ref_label = rng.choice(_REF_LABELS)
    ref_rows = [(ref_label, case.reference_id)] if with_ref else []
    start_label, end_label, needs_heading = rng.choice(_START_LABELS)
    new_heading = rng.choice(("Requested Extension", "New Authorization Period", "Continuation Requested",
                              "Services Requested - New Period"))
    out: list = []
    if style == "kv":
        prev_from, prev_to = rng.choice((("Previous Auth From", "Previous Auth Through"),
                                         ("Prev. Auth. Start", "Prev. Auth. End"),
                                         ("Current Auth Period From", "Current Auth Period Through")))
        prev = ((prev_from, a), (prev_to, b))
        new = ((start_label, f(s)), (end_label, f(e)), (f"Additional {unit_word.title()} Requested", str(units)))
        if rng.random() < 0.5 and not needs_heading:
            # One grid: the previous period's end and the new start side by side.
            out.append(_kv([*ref_rows, *auth_rows, *prev, *new], "Authorization"))
        else:
            out.append(_kv([*ref_rows, *auth_rows, *prev], "Authorization History"))
            out.append(_kv(list(new), new_heading))
        return out
    if style == "prose":
        ref_rows = []  # the prose quotes the previous authorization's Reference ID itself
    if ref_rows or auth_rows:
        out.append(_kv([*ref_rows, *auth_rows], "Authorization History"))
    prev_label, new_label = rng.choice(_PREV_RANGE_LABELS), rng.choice(_NEW_RANGE_LABELS)
    if style == "row":
        prev_text, new_text = f"{prev_label}: {a}{sep}{b}", f"{new_label}: {f(s)}{sep}{f(e)}"
        joiner = rng.choice(("  |  ", "   ", " ; "))
        line = joiner.join((new_text, prev_text) if prior_after else (prev_text, new_text))
        out += [Text(line), Text(f"{unit_word.title()} requested: {units}")]
    elif style == "table":
        rows = []
        if t["first_start"] < t["prev_start"]:
            rows.append(("Initial authorization", f(t["first_start"]), f(t["prev_start"] - _DAY), str(units)))
        rows.append((rng.choice(("Current authorization", "Previous extension", "Prior approved period")), a, b,
                     str(units)))
        rows.append((rng.choice(("Requested extension", "New period (this request)", "Continuation requested")),
                     f(s), f(e), str(units)))
        if prior_after:
            rows.reverse()  # newest first
        out.append(Table(("Period", "From", "Through", unit_word.title()), tuple(rows), widths=(2.6, 1.3, 1.3, 0.8),
                         heading=rng.choice(("Authorization Periods", "Approved and Requested Periods"))))
    elif style == "keydates":
        if needs_heading:
            start_label, end_label = "Requested Start Date", "Requested End Date"
        rows = [(prev_label, f"{a}{sep}{b}"), *key_rows]
        rng.shuffle(rows)
        at = rng.randint(1, len(rows))  # never the first row; may be the last, then the end date follows it
        rows[at:at] = [(start_label, f(s)), (end_label, f(e))]
        out.append(Table(("Event", "Date") if rng.random() < 0.5 else ("Description", "Date"), tuple(rows),
                         widths=(3.0, 2.0), heading=rng.choice(("Key Dates", "Dates", "Timeline"))))
    else:  # prose
        ref = f" {case.reference_id}" if with_ref else ""
        out.append(Text((
            f"The current authorization{ref} covers {a} through {b}. We request authorization to continue "
            f"{service_words} beginning {f(s)} through {f(e)}.",
            f"Please extend authorization{ref} so that {service_words} can continue from {f(s)} to {f(e)}; "
            f"the present approval runs {a} to {b}.",
            f"This is a request for continuation of {service_words}: {units} additional {unit_word} starting {f(s)} "
            f"(through {f(e)}). Previously approved{ref}: {a} thru {b}.",
            f"The approved course{ref} ({a} to {b}) is nearly complete. The provider requests that "
            f"{service_words} continue, with services to begin {f(s)} and end {f(e)}.",
        )[prose_variant]))
    return out


def _services(case: Case, rng: Random, f: Fmt, s: dt.date, e: dt.date, units: int) -> list:
    codes = code_list(case)
    style = rng.randrange(3)
    if style == 0:
        table = Table(("Code", "Service", "From", "Through", "Units"),
                      tuple((c, desc, f(s), f(e), str(units)) for c, desc in codes), widths=(0.9, 3.0, 1.2, 1.2, 0.6),
                      heading="Services to Continue")
    elif style == 1:
        table = Table(("CPT / HCPCS", "Description", "Approved", "Used", "Additional Requested"),
                      tuple((c, desc, str(units), str(units - rng.randint(0, 2)), str(units)) for c, desc in codes),
                      widths=(1.0, 3.0, 0.9, 0.7, 1.3), heading="Requested Services")
    else:
        table = Table(("Procedure Code", "Description", "Qty"), tuple((c, desc, str(units)) for c, desc in codes),
                      widths=(1.3, 4.0, 0.7), heading="Procedures")
    if rng.random() < 0.5:
        dx: list = [Table(("ICD-10-CM", "Diagnosis"), tuple(case.icd10), widths=(1.2, 4.8), heading="Diagnoses")]
    else:
        dx = [Text("Diagnosis codes (ICD-10-CM): " + ", ".join(c for c, _ in case.icd10))]
    return [table, *dx, Rule()]
