"""What the recognizer tests share: a flow page from lines, an OCR'd page from (word, confidence) lines, their
values, the confidence bands."""

from __future__ import annotations

from datetime import date

from docintake.extractors.fields.extract import extract_fields
from docintake.extractors.pages import flow_page
from docintake.model import BBox, Page, PageSource, Word

TODAY = date(2026, 11, 25)
SURE = (0.9, 1.0)
UNSURE = (0.0, 0.8999)


def fields_of(*lines: str) -> dict:
    return extract_fields([flow_page(1, lines)], TODAY)


def ocr_page(lines: list[list[tuple[str, float]]], number: int = 1, *, source: PageSource = PageSource.OCR) -> Page:
    """A page of read words: each line a list of (word, confidence), laid out left to right."""
    words = []
    for n, line in enumerate(lines):
        x = 0.08
        for text, conf in line:
            width = 0.011 * len(text)
            words.append(Word(text, BBox(x, 0.1 + n * 0.03, x + width, 0.1 + n * 0.03 + 0.012), conf, n))
            x += width + 0.01
    return Page(number, tuple(words), "", source, 612, 792)


def values(found) -> list:
    if found is None:
        return []
    if isinstance(found, list):
        return [f.value for f in found]
    return [found.value]
