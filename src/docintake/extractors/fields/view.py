"""A page as the recognizers see it: tokens with positions in line-height units, and one text with offsets.

Geometric pages (text layer, OCR) use the word boxes; flow pages (txt, doc, docx, rtf, xls, xlsx) get a
pseudo-geometry from the text itself — a line is one unit high, a character half a unit wide, and table
cells (tab- or `|`-separated) are columns — so one set of layout rules pairs labels with values in both.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass

from docintake.extractors.fields.ocr_words import correct_label_word
from docintake.model import BBox, Page

_CELL_SPLIT = re.compile(r"\t+|\s+\|\s+")
_WORD = re.compile(r"\S+")
_DEFAULT_PAGE_PT = (612.0, 792.0)
_CELL_GAP_UNITS = 2.2  # a horizontal gap wider than this (in line heights) separates table cells / columns
_CHAR_UNITS = 0.5


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    line: int
    cell: int
    conf: float
    bbox: BBox | None

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True, slots=True)
class PageView:
    number: int
    tokens: tuple[Token, ...]
    text: str
    starts: tuple[int, ...]
    """Offset of each token in ``text``; tokens are separated by a space, a tab (new cell) or a newline."""
    geometric: bool
    ocr: bool

    def tokens_at(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping the character range [start, end)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_right(self.starts, max(end - 1, start)) - 1
        return range(first, max(last, first) + 1)

    def bbox_of(self, indices: range | list[int], start: int | None = None, end: int | None = None) -> BBox | None:
        """The union box of some tokens, narrowed to [start, end) within the first and last token."""
        boxes: list[BBox] = []
        idx = list(indices)
        for i in idx:
            box = self.tokens[i].bbox
            if box is None:
                return None
            if start is not None and end is not None and len(idx) == 1:
                box = _narrow(box, self.tokens[i].text, start - self.starts[i], end - self.starts[i])
            boxes.append(box)
        if not boxes:
            return None
        out = boxes[0]
        for box in boxes[1:]:
            out = out.union(box)
        return out


def _narrow(box: BBox, text: str, a: int, b: int) -> BBox:
    """Part of a word's box, by character share (a value glued to its label, like ``ID:W123``)."""
    n = max(len(text), 1)
    a, b = max(a, 0), min(b, n)
    if a <= 0 and b >= n:
        return box
    width = box.x1 - box.x0
    return BBox(round(box.x0 + width * a / n, 5), box.y0, round(box.x0 + width * b / n, 5), box.y1)


def build_view(page: Page) -> PageView:
    """The recognizers' view of one page."""
    if page.words and all(w.bbox is not None for w in page.words):
        return _geometric(page)
    return _flow(page)


def _geometric(page: Page) -> PageView:
    width, height = page.width_pt or _DEFAULT_PAGE_PT[0], page.height_pt or _DEFAULT_PAGE_PT[1]
    heights = [(w.bbox.y1 - w.bbox.y0) * height for w in page.words if w.bbox and w.bbox.y1 > w.bbox.y0]
    unit = max(statistics.median(heights) if heights else 10.0, 1.0)
    tokens: list[Token] = []
    cell, prev_line, prev_x1 = 0, None, 0.0
    for w in page.words:
        assert w.bbox is not None
        x0, x1 = w.bbox.x0 * width / unit, w.bbox.x1 * width / unit
        if w.line != prev_line:
            cell = 0
        elif x0 - prev_x1 > _CELL_GAP_UNITS:
            cell += 1
        text = correct_label_word(w.text) if page.ocr else w.text
        tokens.append(Token(text, x0, w.bbox.y0 * height / unit, x1, w.bbox.y1 * height / unit, w.line, cell,
                            w.confidence, w.bbox))
        prev_line, prev_x1 = w.line, x1
    return _assemble(page, tokens, geometric=True)


def _flow(page: Page) -> PageView:
    tokens: list[Token] = []
    for line_no, line in enumerate(page.text.split("\n")):
        column = 0
        for cell_no, cell in enumerate(_CELL_SPLIT.split(line)):
            for m in _WORD.finditer(cell):
                x0 = (column + m.start()) * _CHAR_UNITS
                tokens.append(Token(m.group(), x0, float(line_no), x0 + len(m.group()) * _CHAR_UNITS,
                                    line_no + 0.8, line_no, cell_no, 1.0, None))
            column += len(cell) + 4
    return _assemble(page, tokens, geometric=False)


def _assemble(page: Page, tokens: list[Token], *, geometric: bool) -> PageView:
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for i, token in enumerate(tokens):
        if i:
            prev = tokens[i - 1]
            sep = "\n" if token.line != prev.line else ("\t" if token.cell != prev.cell else " ")
            parts.append(sep)
            offset += 1
        starts.append(offset)
        parts.append(token.text)
        offset += len(token.text)
    return PageView(page.number, tuple(tokens), "".join(parts), tuple(starts), geometric, page.ocr)
