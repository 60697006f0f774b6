"""Code menus: order forms and requisitions print a menu of exams or tests, each a tick line with its code
("[X] MRI Brain w/o & w/ 70553   [ ] CT Head 70450"), and only the ticked lines are ordered. A code's line item
starts at its tick mark; the mark nearest before the code on its line, with no other code between, is its own.

A page holds a menu when several codes have a mark of their own and some of the marks are empty, or when a
ticked mark stands among many codes that have none (forms that mark the ordered lines with a bare "X" and leave
the others blank). In a menu an empty mark, or no mark where the form ticks with a bare X, means not ordered.
A code with no mark in a menu of boxes is a written-in line ("Other: ... 93458") or a box OCR lost: it stays."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from docintake.extractors.fields.recognizers import Candidate
from docintake.extractors.fields.urgency import tick_glyph
from docintake.extractors.fields.view import PageView

_MENU_CODES = frozenset({"cpt", "hcpcs"})
_BARE_TICK = re.compile(r"^[Xx]$")
_MIN_EMPTY = 2  # empty marks on code lines that make a menu of boxes
_MIN_UNMARKED = 4  # codes without a mark beside a bare-X tick that make a menu ticked by bare X


class Mark(StrEnum):
    TICKED = "ticked"
    EMPTY = "empty"
    NONE = "none"


def _mark_of(view: PageView, c: Candidate, code_tokens: set[int]) -> tuple[Mark, bool]:
    """The mark of a code's line item, and whether it is a bare X."""
    first = view.tokens_at(c.start, c.end)[0]
    line = view.tokens[first].line
    i = first - 1
    while i >= 0 and view.tokens[i].line == line and i not in code_tokens:
        text = view.tokens[i].text
        # A box printed with spaces inside ("( X )", "[ ]") is read as two or three tokens.
        while text[:1] in ")]" and i > 0 and view.tokens[i - 1].line == line and len(text) < 3 \
                and view.tokens[i - 1].text in ("X", "x", "(", "["):
            i -= 1
            text = view.tokens[i].text + text
        glyph = tick_glyph(text, view.ocr)
        if glyph is not None:
            return (Mark.TICKED if glyph else Mark.EMPTY), bool(_BARE_TICK.match(text))
        i -= 1
    return Mark.NONE, False


def menu_marks(view: PageView, candidates: Sequence[Candidate]) -> tuple[set[int], set[int]]:
    """Indices of the codes a menu lists without ordering them, and of those in a menu of boxes with no mark of
    their own (a written-in line, a line whose code wrapped under it, a box OCR lost): ordered or not, a clerk
    says."""
    codes = [(n, c) for n, c in enumerate(candidates) if c.field in _MENU_CODES]
    code_tokens = {t for _, c in codes for t in view.tokens_at(c.start, c.end)}
    marks = {n: _mark_of(view, c, code_tokens) for n, c in codes}
    empty = sum(1 for m, _ in marks.values() if m is Mark.EMPTY)
    bare = any(m is Mark.TICKED and is_bare for m, is_bare in marks.values())
    unmarked = sum(1 for m, _ in marks.values() if m is Mark.NONE)
    if empty >= _MIN_EMPTY:
        return ({n for n, (m, _) in marks.items() if m is Mark.EMPTY},
                {n for n, (m, _) in marks.items() if m is Mark.NONE})
    if bare and empty == 0 and unmarked >= _MIN_UNMARKED:
        return {n for n, (m, _) in marks.items() if m is Mark.NONE}, set()
    return set(), set()
