"""Where a value stands on a flow page's image (txt, doc, docx, rtf, xls, xlsx have no page geometry).

A flow page's image is its text drawn line by line in a monospaced font (pages.py), so a character's place on the
image follows from its line and column. Extraction keeps no position for flow formats (bbox null in the JSON
contract); for the clerk's highlight the value is looked for again in the page's text, in the forms it is printed
in: identifiers and codes with or without spaces, dashes and dots, dates in the usual styles, a name by its family
name. Nothing is highlighted when the value is not found exactly once.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime

WIDTH = 1275  # page images' width in pixels: a letter page at 150 dpi, a fax digit stays readable
COLUMNS = 100  # characters a row holds before it wraps
MARGIN_X, MARGIN_Y, STEP, FONT_PX = 40, 30, 26, 19
LAYOUT_VERSION = "flow1"  # change it with any constant here: cached flow images are named by it
CHAR_PX = 11.44  # DejaVu Sans Mono's advance at 19 px
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[ -][A-Za-z]{3,9}\.?[ -]\d{4}"
    r"|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})\b")
_DATE_FORMATS = ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y", "%m.%d.%Y", "%Y-%m-%d", "%d %b %Y", "%d-%b-%Y",
                 "%d %B %Y", "%b %d, %Y", "%b %d %Y", "%B %d, %Y", "%B %d %Y", "%b. %d, %Y")
_SEPARATORS = r"[\s.\-]?"


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # index of the text line it comes from
    start: int  # its first column within that (tab-expanded) line
    text: str


class FlowLayout:
    """How a flow page's text is laid out on its image: rows of at most COLUMNS characters."""

    def __init__(self, text: str) -> None:
        self.lines = [line.expandtabs(4) for line in text.splitlines()] or [""]
        self.rows: list[Row] = []
        for index, line in enumerate(self.lines):
            parts = textwrap.wrap(line, COLUMNS, drop_whitespace=False) or [""]
            if sum(map(len, parts)) != len(line):  # wrapping changed the text: one clipped row instead
                parts = [line[:COLUMNS]]
            start = 0
            for part in parts:
                self.rows.append(Row(index, start, part))
                start += len(part)
        self.height = max(round(WIDTH * 11 / 8.5), 40 + STEP * len(self.rows))

    def row_origin(self, row: int) -> tuple[float, float]:
        return MARGIN_X, MARGIN_Y + row * STEP

    def box(self, line: int, start: int, end: int) -> list[float] | None:
        """The span's rectangle as fractions of the image, [x0, y0, x1, y1] (the first row it lies on)."""
        for number, row in enumerate(self.rows):
            if row.line == line and row.start <= start < row.start + max(len(row.text), 1):
                x, y = self.row_origin(number)
                first = start - row.start
                last = min(end - row.start, len(row.text))
                return [round((x + first * CHAR_PX - 2) / WIDTH, 5), round((y - 2) / self.height, 5),
                        round((x + last * CHAR_PX + 2) / WIDTH, 5), round((y + FONT_PX + 4) / self.height, 5)]
        return None


def locate(layout: FlowLayout, field: str, value: object) -> list[float] | None:
    """The box of ``value`` on the page, or None when it is not there exactly once."""
    spans = list(_spans(layout.lines, field, value))
    if len(spans) != 1:
        return None
    return layout.box(*spans[0])


def _spans(lines: list[str], field: str, value: object) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
    if field in ("dob", "service_date") and isinstance(value, str):
        try:
            wanted = date.fromisoformat(value)
        except ValueError:
            return []
        for index, line in enumerate(lines):
            found.extend((index, m.start(), m.end()) for m in _DATE.finditer(line) if _as_date(m.group()) == wanted)
        return found
    if field == "patient_name" and isinstance(value, dict):
        last, first = str(value.get("last") or ""), str(value.get("first") or "")
        if not last:
            return []
        pattern = re.compile(rf"\b{re.escape(last)}\b", re.IGNORECASE)
        for index, line in enumerate(lines):
            for m in pattern.finditer(line):
                start, end = m.start(), m.end()
                near = re.search(rf"\b{re.escape(first.split()[0])}\b", line, re.IGNORECASE) if first else None
                if near and min(abs(near.start() - end), abs(start - near.end())) < 4:  # "Ada Quill", "Quill, Ada"
                    start, end = min(start, near.start()), max(end, near.end())
                found.append((index, start, end))
        return found
    if field in ("reference_id", "policy_id", "npi", "cpt", "hcpcs", "icd10") and isinstance(value, str):
        chars = [c for c in value if c.isalnum()]
        if not chars:
            return []
        pattern = re.compile(r"(?<![A-Za-z0-9])" + _SEPARATORS.join(re.escape(c) for c in chars) + r"(?![A-Za-z0-9])",
                             re.IGNORECASE)
        for index, line in enumerate(lines):
            found.extend((index, m.start(), m.end()) for m in pattern.finditer(line))
    return found


def _as_date(text: str) -> date | None:
    cleaned = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for form in _DATE_FORMATS:
        for candidate in (text, cleaned):
            try:
                return datetime.strptime(candidate, form).date()
            except ValueError:
                continue
    return None
