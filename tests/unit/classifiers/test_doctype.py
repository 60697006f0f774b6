"""The shipped type model: it loads lazily and names obvious pages, each with a confidence."""

from __future__ import annotations

import subprocess
import sys

import pytest

from docintake.classifiers import doctype
from docintake.classifiers.doctype import classify_pages, classify_texts, combine, model_path
from docintake.classifiers.features import evidence, evidence_tokens
from tests.unit.classifiers._pages import (
    CHEST_FILM,
    EQUIPMENT_ORDER,
    GRID_COVER,
    HOSPITAL_SUMMARY,
    MEMBER_APPEAL,
    PLAIN_LAB,
    SPECIALIST_NOTE,
    ULTRASOUND_REPORT,
    VENDOR_NOTE,
    cover,
    page,
    progress_note,
    request_form,
)


def test_model_is_shipped_small_and_not_loaded_at_import():
    files = [f for f in model_path().rglob("*") if f.is_file()]
    assert files and sum(f.stat().st_size for f in files) < 5_000_000
    probe = "import docintake.pipeline, docintake.classifiers.doctype as d; print(len(d._loaded))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_obvious_pages():
    kinds = classify_pages([
        page(1, cover()),
        page(2, request_form("Kendra Ellsworth", "W123456789", "02/15/1950")),
        page(3, progress_note("Kendra Ellsworth", "W123456789", "02/15/1950")),
    ])
    assert [k.best.value for k in kinds] == ["fax_cover", "pa_request_form", "clinical_note"]
    assert all(0.5 < k.best.confidence <= 1.0 for k in kinds)
    assert all(abs(sum(k.scores.values()) - 1.0) < 1e-3 for k in kinds)


def test_blank_page_is_other_and_does_not_weigh_on_a_document():
    blank, form = classify_texts(["  . ,  \n", request_form("Kendra Ellsworth", "W123456789", "02/15/1950")])
    assert blank.blank and blank.best.value == "other"
    assert combine([form, blank]).value == "pa_request_form"


def test_model_is_loaded_once():
    assert doctype.load_model() is doctype.load_model()


# Pages in layouts and wordings that no sample family has: the model must know the type, not the template.
@pytest.mark.parametrize(("text", "expected"), [
    (ULTRASOUND_REPORT, "imaging_report"),
    (CHEST_FILM, "imaging_report"),
    (HOSPITAL_SUMMARY, "discharge_summary"),
    (MEMBER_APPEAL, "appeal"),
    (PLAIN_LAB, "lab_report"),
    (EQUIPMENT_ORDER, "pa_request_form"),
    (GRID_COVER, "fax_cover"),
    (VENDOR_NOTE, "other"),
    (SPECIALIST_NOTE, "clinical_note"),
])
def test_unseen_layouts_get_their_type(text, expected):
    (kind,) = classify_texts([text])
    assert kind.best.value == expected


# Evidence counts cues across templates: (text, group, at least, at most).
@pytest.mark.parametrize(("text", "group", "low", "high"), [
    (ULTRASOUND_REPORT, "rad", 3, 99),         # ultrasound, echogenic, unremarkable, reading physician
    (ULTRASOUND_REPORT, "img", 2, 99),         # STUDY:, CONCLUSION: at line starts
    ("The study was discussed. In conclusion, results vary.", "img", 0, 0),  # not headings
    (HOSPITAL_SUMMARY, "dc", 2, 99),           # admitted, discharged
    (MEMBER_APPEAL, "appeal", 0, 1),           # plain words only: the model has to carry it
    ("We appeal the adverse determination and ask for reconsideration.", "appeal", 3, 99),
    (PLAIN_LAB, "lab", 2, 99),                 # units, drawn, lab
    (GRID_COVER, "cover", 2, 99),              # fax words, pages
    (VENDOR_NOTE, "other", 1, 99),             # customer, catalog, sales (one cue: business mail)
    (VENDOR_NOTE, "identity", 0, 0),           # names no patient
    (SPECIALIST_NOTE, "identity", 1, 1),
])
def test_evidence_counts_cues(text, group, low, high):
    assert low <= evidence(text)[group] <= high


def test_evidence_tokens_are_cumulative_and_say_none():
    tokens = evidence_tokens({**dict.fromkeys(("img", "rad", "note", "dc", "appeal", "lmn", "lab", "form", "cover",
                                                "other"), 0), "rad": 3, "identity": 1})
    assert {"zzrad1", "zzrad2", "zzrad3", "zzid", "zzimg0"} <= set(tokens)
    assert "zzrad4" not in tokens and "zzrad0" not in tokens
