"""Dates as US forms write them, parsed to `date` with two-digit years resolved by role (DOMAIN.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
_D = r"[0-9OIilSB]"  # digits as OCR may have read them; repaired afterwards

DATE_PATTERN = re.compile(
    "|".join(
        (
            # ISO, and the year-first forms of some EHRs and drug forms ("2026/12/29", "2026.12.29").
            rf"(?P<iso>\b(?P<iy>{_D}{{4}})(?P<isep>[-/.])(?P<im>{_D}{{1,2}})(?P=isep)(?P<id>{_D}{{1,2}})\b)",
            rf"(?P<num>\b(?P<nm>{_D}{{1,2}})\s?(?P<sep>[/\-.])\s?(?P<nd>{_D}{{1,2}})\s?(?P=sep)\s?(?P<ny>{_D}{{4}}|{_D}{{2}})(?![\d/]))",
            # "Jan 5, 1960", "Jan 5,1960", and OCR's "Apr. 7,:1986", "Aug 4,. 1979" or "Nov 25; 2026" (a speck by
            # the comma);
            # a two-digit year needs its space ("Jan 5,60" is too easily a list).
            rf"(?P<named>\b{_MONTH_NAME}\.?\s+(?P<wd>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:[,;]?\.?\s+(?P<wy>\d{{4}}|'?\d{{2}})|[,;][.:;]?(?P<wy4>\d{{4}}))\b)",
            rf"(?P<dmy>\b(?P<dd>\d{{1,2}})[\s\-]{_MONTH_NAME.replace('mon', 'dmon')}\.?[\s\-,]+"
            rf"(?P<dy>\d{{4}}|\d{{2}})\b)",
            r"(?P<boxed>\b(?P<bm>[01]\d) (?P<bd>[0-3]\d) (?P<by>(?:19|20)\d{2})\b)",
            # "Dec-01-2026": the month's name, then day and year, dashed.
            rf"(?P<mdash>\b{_MONTH_NAME.replace('mon', 'xmon')}-(?P<xd>\d{{1,2}})-(?P<xy>\d{{4}})\b)",
        )
    ),
    re.IGNORECASE,
)

_DIGIT_REPAIRS = str.maketrans({"O": "0", "o": "0", "I": "1", "i": "1", "l": "1", "S": "5", "B": "8"})


class DateRole(StrEnum):
    BIRTH = "birth"
    SERVICE = "service"


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    value: date
    two_digit_year: bool
    repaired: bool
    boxed: bool


def _year(raw: str, role: DateRole, month: int, day: int, today: date) -> int | None:
    raw = raw.lstrip("'")
    if len(raw) == 4:
        return int(raw)
    yy = int(raw)
    year = 2000 + yy
    if role is DateRole.BIRTH:
        try:
            if date(year, month, day) > today:
                year -= 100
        except ValueError:
            return None
    return year


# A month name OCR misread by one letter ("Nav 10, 1975", "0ct 3, 2026"): the one month it is a letter away from.
_MISREAD_NAMED = re.compile(r"\b(?P<mon>[A-Za-z0][A-Za-z]{2})\.?\s+(?P<wd>\d{1,2}),?\s+(?P<wy>\d{4})\b")
_WEEKDAYS = frozenset("mon tue wed thu fri sat sun".split())


def _misread_month(word: str) -> int | None:
    word = word.lower().replace("0", "o")
    if word in _MONTHS:
        return _MONTHS[word]
    if word in _WEEKDAYS:
        return None
    close = [number for name, number in _MONTHS.items() if sum(a != b for a, b in zip(word, name, strict=True)) == 1]
    return close[0] if len(close) == 1 else None


def find_dates(text: str, role: DateRole, today: date, *, ocr: bool = False) -> list[FoundDate]:
    """Every date in ``text`` that exists, with its character span.

    ``ocr``: also month names misread by one letter, marked as repaired."""
    found = _find(text, role, today)
    if ocr:
        taken = [(f.start, f.end) for f in found]
        for m in _MISREAD_NAMED.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or (month := _misread_month(m["mon"])) is None:
                continue
            try:
                value = date(int(m["wy"]), month, int(m["wd"]))
            except ValueError:
                continue
            if 1900 <= value.year <= today.year + 5:
                found.append(FoundDate(m.start(), m.end(), value, False, True, False))
        found.sort(key=lambda f: f.start)
    return found


def _find(text: str, role: DateRole, today: date) -> list[FoundDate]:
    found: list[FoundDate] = []
    for m in DATE_PATTERN.finditer(text):
        raw = m.group(0)
        repaired_text = raw.translate(_DIGIT_REPAIRS)
        repaired = repaired_text != raw and m.lastgroup in ("iso", "num")
        g = DATE_PATTERN.match(repaired_text) if repaired else m
        if g is None:
            continue
        try:
            if g.group("iso"):
                y, mo, d, two = int(g.group("iy")), int(g.group("im")), int(g.group("id")), False
            elif g.group("num"):
                mo, d = int(g.group("nm")), int(g.group("nd"))
                two = len(g.group("ny")) == 2
                y = _year(g.group("ny"), role, mo, d, today)
            elif g.group("named"):
                mo, d = _MONTHS[g.group("mon")[:3].lower()], int(g.group("wd"))
                year_text = g.group("wy") or g.group("wy4")
                two = len(year_text.lstrip("'")) == 2
                y = _year(year_text, role, mo, d, today)
            elif g.group("dmy"):
                mo, d = _MONTHS[g.group("dmon")[:3].lower()], int(g.group("dd"))
                two = len(g.group("dy")) == 2
                y = _year(g.group("dy"), role, mo, d, today)
            elif g.group("mdash"):
                y, mo, d, two = int(g.group("xy")), _MONTHS[g.group("xmon")[:3].lower()], int(g.group("xd")), False
            else:
                y, mo, d, two = int(g.group("by")), int(g.group("bm")), int(g.group("bd")), False
            if y is None:
                continue
            value = date(y, mo, d)
        except (ValueError, KeyError):
            continue
        if not 1900 <= value.year <= today.year + 5:
            continue
        found.append(FoundDate(m.start(), m.end(), value, two, repaired, bool(m.group("boxed"))))
    return found
