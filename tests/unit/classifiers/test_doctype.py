"""The shipped type model: it loads lazily and names obvious pages, each with a confidence."""

from __future__ import annotations

import subprocess
import sys

from docintake.classifiers import doctype
from docintake.classifiers.doctype import classify_pages, classify_texts, combine, model_path
from tests.unit.classifiers._pages import cover, page, progress_note, request_form


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
