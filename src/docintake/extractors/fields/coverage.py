"""Which coverage a member ID belongs to: a face sheet, a requisition or a claim form lists the primary insurance
and often a secondary one ("SECONDARY INSURANCE", "Insurance 2 - Secondary", "Other Insured's Policy", a
"Primary | Secondary" table). The request is about the primary coverage; an ID under a secondary heading is
another plan's number, kept only for a clerk when nothing else is found.

A section runs from its heading to the next heading, across pages. In a table whose header row names both
("Primary   Secondary"), a value's column decides, where the page has geometry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docintake.extractors.fields.view import PageView

_PLAN_WORD = r"(?:insurance|ins\b\.?|payer|payor|coverage|plan|carrier|insured(?:'s)?|policy|health\s+plan)"
_HEADING = re.compile(
    rf"(?<![A-Za-z])(?:(?P<a>primary|secondary|tertiary|other)\s+{_PLAN_WORD}"
    rf"|{_PLAN_WORD}\s*(?:#?\s*\d\s*)?[-–:(]?\s*(?P<b>primary|secondary|tertiary)\b)",
    re.IGNORECASE)
# A table's header row: "Primary  Secondary" with at most a heading word before it ("INSURANCE  Primary  Secondary").
_COLUMNS = re.compile(r"^\s*(?:[A-Za-z/ ]{0,20}\s)?primary\s+secondary(?:\s+tertiary)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Section:
    at: int
    """Offset in the page text where the section begins."""
    secondary: bool
    column_x0: float | None = None
    """For a "Primary | Secondary" header row: where the secondary column begins (page units)."""


def sections(view: PageView) -> list[Section]:
    """The coverage headings of one page, in reading order."""
    text = view.text
    out: list[Section] = []
    offset = 0
    for line in text.split("\n"):
        if _COLUMNS.match(line.replace("\t", " ")):
            column = None
            if view.geometric:
                at = offset + line.lower().index("secondary")
                column = view.tokens[view.tokens_at(at, at + 1)[0]].x0
            out.append(Section(offset, False, column))
        else:
            for m in _HEADING.finditer(line):
                kind = (m.group("a") or m.group("b")).lower()
                out.append(Section(offset + m.start(), kind != "primary"))
        offset += len(line) + 1
    return out


def in_secondary(page_sections: list[Section], carried: Section | None, start: int, x0: float | None) -> bool:
    """Whether a value at ``start`` (its left edge ``x0``) lies in a secondary coverage's section; ``carried`` is
    the last section of the pages before."""
    current = carried
    for s in page_sections:
        if s.at > start:
            break
        current = s
    if current is None:
        return False
    if current.column_x0 is not None:
        return x0 is not None and x0 >= current.column_x0 - 2.0
    return current.secondary
