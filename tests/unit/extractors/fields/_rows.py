"""What the table-driven recognizer tests share: a flow page from lines, its values, the confidence bands."""

from __future__ import annotations

from datetime import date

from docintake.extractors.fields.extract import extract_fields
from docintake.extractors.pages import flow_page

TODAY = date(2026, 11, 25)
SURE = (0.9, 1.0)
UNSURE = (0.0, 0.8999)


def fields_of(*lines: str) -> dict:
    return extract_fields([flow_page(1, lines)], TODAY)


def values(found) -> list:
    if found is None:
        return []
    if isinstance(found, list):
        return [f.value for f in found]
    return [found.value]
