"""Invented prior-authorization cases: people, plans, providers, identifiers and codes (no real patient data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from random import Random

from samples.generator.codes import SCENARIOS, billable_icd10

# The corpus is dated as of this day so that a fixed seed gives the same files on any day.
TODAY = dt.date(2026, 11, 20)

FIRST_NAMES = (
    "Alma", "Bennett", "Corinne", "Dashiell", "Edwina", "Fletcher", "Gwendolyn", "Horace", "Imogen", "Jasper",
    "Kendra", "Lucian", "Marisol", "Nathaniel", "Odessa", "Percival", "Quinlan", "Rosalind", "Silas", "Tamsin",
    "Ulysses", "Verity", "Wendell", "Xiomara", "Yardley", "Zenobia", "Ambrose", "Beatrix", "Cornelius", "Delphine",
)
LAST_NAMES = (
    "Ashgrove", "Brightwater", "Calloway", "Dunmore", "Ellsworth", "Fairbairn", "Glenhaven", "Holloway", "Ingram",
    "Jessup", "Kettering", "Larkspur", "Merriweather", "Northcott", "Oakhurst", "Pemberton", "Quimby", "Ravenscroft",
    "Stillwell", "Thornbury", "Underhill", "Vantreese", "Whitlock", "Yarborough", "Zimmerly", "Abernathy", "Blackwood",
)
# Accented names, all inside cp1252, for the RTF and cp1252 text samples.
ACCENTED_FIRST = ("José", "Zoë", "Renée", "Mónica", "Inés", "Joaquín")
ACCENTED_LAST = ("Peña", "Muñoz", "Bélanger", "Gonçalves", "Alcázar", "Ibáñez")

PLANS = (
    "Evergreen Valley Health Plan", "Bluewater Community Health", "Summit Prairie Medicaid Partners",
    "Crestview Medicare Advantage", "Harborlight Family Health", "Cedar Ridge Care Alliance",
)
PRACTICES = (
    ("Lakeshore Orthopedic Associates", "Orthopedic Surgery"),
    ("Meadowbrook Sleep Center", "Sleep Medicine"),
    ("Riverside Imaging Partners", "Radiology"),
    ("Pinecrest Cardiology Group", "Cardiology"),
    ("Willow Creek Family Medicine", "Family Medicine"),
    ("Northgate Spine & Pain Institute", "Pain Medicine"),
    ("Copperfield Oncology Clinic", "Medical Oncology"),
    ("Stonebridge Rheumatology", "Rheumatology"),
)
DOCTOR_LAST = ("Halvorsen", "Okonkwo", "Villanueva", "Lindqvist", "Abernethy", "Castellanos", "Whitaker", "Nakamura")
DOCTOR_FIRST = ("Miriam", "Tobias", "Anneliese", "Rafael", "Priya", "Gideon", "Leonora", "Malcolm")
STREETS = ("Meridian Ave", "Orchard Ln", "Harbor Blvd", "Quarry Rd", "Juniper St", "Lantern Way", "Foundry Pkwy")
CITIES = (("Springfield", "IL"), ("Fairview", "TX"), ("Greenville", "MS"), ("Clinton", "OH"), ("Madison", "WI"))

def luhn_check_digit(payload: str) -> int:
    """Luhn (mod 10) check digit for a string of digits: doubling starts at the rightmost payload digit."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def make_npi(rng: Random) -> str:
    """A 10-digit NPI starting with 1 or 2, Luhn-valid with the 80840 prefix."""
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + str(luhn_check_digit("80840" + body))


def make_reference_id(rng: Random) -> str:
    """`PA` + 9 digits + the Luhn check digit of those 9 digits."""
    body = "".join(rng.choice("0123456789") for _ in range(9))
    return "PA" + body + str(luhn_check_digit(body))


_MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # letters minus S L O I B Z
_DIGITS = "0123456789"


def make_policy_id(rng: Random, style: str) -> tuple[str, str]:
    """(normal form, as printed) for one plan style: mbi, blue, medicaid or generic."""
    if style == "mbi":
        an = _MBI_ALPHA + _DIGITS
        parts = [rng.choice("123456789"), rng.choice(_MBI_ALPHA), rng.choice(an), rng.choice(_DIGITS),
                 rng.choice(_MBI_ALPHA), rng.choice(an), rng.choice(_DIGITS),
                 rng.choice(_MBI_ALPHA), rng.choice(_MBI_ALPHA), rng.choice(_DIGITS), rng.choice(_DIGITS)]
        value = "".join(parts)
        printed = f"{value[:4]}-{value[4:7]}-{value[7:]}" if rng.random() < 0.7 else value
        return value, printed
    if style == "blue":
        prefix = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        digits = "".join(rng.choice(_DIGITS) for _ in range(rng.choice((9, 10, 12))))
        value = prefix + digits
        return value, (f"{prefix} {digits}" if rng.random() < 0.3 else value)
    if style == "medicaid":
        value = rng.choice("123456789") + "".join(rng.choice(_DIGITS) for _ in range(8))
        return value, value
    letter = rng.choice("WHMKRT")
    value = letter + "".join(rng.choice(_DIGITS) for _ in range(9))
    return value, (f"{letter}{value[1:4]}-{value[4:]}" if rng.random() < 0.25 else value)


DATE_STYLES = ("mdy", "mdy_short", "mon_d_y", "dd_mon_yyyy", "iso")


def fmt_date(d: dt.date, style: str) -> str:
    """A date as US forms print it: MM/DD/YYYY, M/D/YY, `Jan 5, 1960`, `05-JAN-1960` or ISO."""
    if style == "mdy":
        return d.strftime("%m/%d/%Y")
    if style == "mdy_short":
        return f"{d.month}/{d.day}/{d.strftime('%y')}"
    if style == "mon_d_y":
        return f"{d.strftime('%b')} {d.day}, {d.year}"
    if style == "dd_mon_yyyy":
        return d.strftime("%d-%b-%Y").upper()
    return d.isoformat()


def distinct_date(day: dt.date, taken: set[dt.date], step: int = -1) -> dt.date:
    """``day``, or the nearest day ``step`` days at a time away from it that no other date of the document holds;
    the day returned is added to ``taken``."""
    while day in taken:
        day += dt.timedelta(days=step)
    taken.add(day)
    return day


def fictional_phone(rng: Random) -> str:
    """A 555-01xx number (reserved for fiction) in one of the usual printings."""
    area = rng.choice(("217", "312", "469", "601", "614", "608", "800", "888"))
    line = f"01{rng.randint(0, 99):02d}"
    return rng.choice((f"({area}) 555-{line}", f"{area}-555-{line}", f"{area}.555.{line}"))


@dataclass(frozen=True)
class Provider:
    """A requesting or servicing provider (invented)."""

    name: str
    practice: str
    specialty: str
    npi: str
    phone: str
    fax: str
    street: str
    city: str
    state: str
    zip: str


@dataclass(frozen=True)
class FaxHeader:
    """What a sending fax machine prints across the top of every page."""

    sent: dt.datetime
    from_number: str
    to_number: str
    sender_name: str

    def line(self, page: int, pages: int, style: int) -> str:
        """The header line for one page in one of a few machine styles; its date is never a DOB or DOS."""
        if style == 0:
            return (f"{self.sent:%m/%d/%Y %H:%M} FROM: {self.from_number} TO: {self.to_number} "
                    f"P.{page:03d}/{pages:03d}")
        if style == 1:
            return (f"{self.sent:%m-%d-%Y %H:%M} FROM: {self.sender_name} {self.from_number}  "
                    f"PAGE {page} OF {pages}")
        hour = self.sent.hour % 12 or 12
        ampm = "AM" if self.sent.hour < 12 else "PM"
        return (f"{self.sent.month}/{self.sent.day}/{self.sent.year} {hour}:{self.sent.minute:02d} {ampm} "
                f"FROM:{self.from_number.replace('-', '')} TO:{self.to_number.replace('-', '')} Pag.{page}/{pages}")


@dataclass(frozen=True)
class Case:
    """One invented prior-authorization case with everything a document about it may print."""

    first: str
    last: str
    dob: dt.date
    sex: str
    plan: str
    plan_style: str
    policy_id: str
    policy_printed: str
    group_number: str
    reference_id: str
    requesting: Provider
    servicing: Provider
    cpt: tuple[tuple[str, str], ...]
    hcpcs: tuple[tuple[str, str], ...]
    icd10: tuple[tuple[str, str], ...]
    service_date: dt.date
    service_end: dt.date
    urgent: bool
    signature_date: dt.date
    fax: FaxHeader
    mrn: str
    plan_phone: str
    plan_fax: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"


def _provider(rng: Random, practice: tuple[str, str] | None = None) -> Provider:
    practice = practice or rng.choice(PRACTICES)
    city, state = rng.choice(CITIES)
    return Provider(
        name=f"{rng.choice(DOCTOR_FIRST)} {rng.choice(DOCTOR_LAST)}, MD",
        practice=practice[0], specialty=practice[1], npi=make_npi(rng),
        phone=fictional_phone(rng), fax=fictional_phone(rng),
        street=f"{rng.randint(100, 9899)} {rng.choice(STREETS)}", city=city, state=state,
        zip=f"{rng.randint(10000, 99899):05d}",
    )


def make_case(rng: Random, *, plan_style: str | None = None, accented: bool = False, scenario: int | None = None,
              n_cpt: int | None = None, with_hcpcs: bool | None = None) -> Case:
    """Invent one case; the fax send date is kept apart from the DOB and the date of service."""
    billable = billable_icd10()
    style = plan_style or rng.choice(("mbi", "blue", "medicaid", "generic"))
    policy_id, printed = make_policy_id(rng, style)
    sc = SCENARIOS[scenario if scenario is not None else rng.randrange(len(SCENARIOS))]
    cpt_pool = list(sc["cpt"])
    cpts = tuple(rng.sample(cpt_pool, min(len(cpt_pool), n_cpt or rng.randint(1, 4))))
    hcpcs: tuple[tuple[str, str], ...] = ()
    if sc["hcpcs"] and (with_hcpcs if with_hcpcs is not None else rng.random() < 0.5):
        hcpcs = tuple(rng.sample(list(sc["hcpcs"]), rng.randint(1, min(2, len(sc["hcpcs"])))))
    icd_pool = [c for c in sc["icd"] if c[0] in billable]
    icds = tuple(rng.sample(icd_pool, rng.randint(1, min(3, len(icd_pool)))))
    age_days = rng.randint(19 * 365, 88 * 365)
    dob = TODAY - dt.timedelta(days=age_days)
    dos = TODAY + dt.timedelta(days=rng.randint(-20, 45))
    sent_day = TODAY - dt.timedelta(days=rng.randint(0, 6))
    while sent_day in (dob, dos):
        sent_day -= dt.timedelta(days=1)
    sent = dt.datetime.combine(sent_day, dt.time(rng.randint(7, 18), rng.randint(0, 59)))
    requesting = _provider(rng)
    servicing = _provider(rng) if rng.random() < 0.6 else requesting
    first = rng.choice(ACCENTED_FIRST if accented else FIRST_NAMES)
    last = rng.choice(ACCENTED_LAST if accented else LAST_NAMES)
    plan = rng.choice(PLANS)
    group = rng.choice((f"{rng.randint(100000, 999999)}", f"GRP-{rng.randint(10000, 99999)}",
                        f"{rng.randint(10, 99)}{rng.randint(1000, 9999)}-{rng.randint(100, 999)}"))
    return Case(
        first=first, last=last, dob=dob, sex=rng.choice("FM"), plan=plan, plan_style=style,
        policy_id=policy_id, policy_printed=printed, group_number=group, reference_id=make_reference_id(rng),
        requesting=requesting, servicing=servicing, cpt=cpts, hcpcs=hcpcs, icd10=icds,
        service_date=dos, service_end=dos + dt.timedelta(days=rng.choice((0, 0, 30, 60, 90))),
        urgent=rng.random() < 0.35, signature_date=sent_day - dt.timedelta(days=rng.randint(0, 3)),
        fax=FaxHeader(sent=sent, from_number=f"+1-555-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                      to_number=f"1-800-555-01{rng.randint(0, 99):02d}", sender_name=requesting.practice[:18].upper()),
        mrn=f"MRN{rng.randint(1000000, 9999999)}", plan_phone=fictional_phone(rng), plan_fax=fictional_phone(rng),
    )
