"""Training is reproducible: the same pages and seed give the same model (a small subset, a few seconds)."""

from __future__ import annotations

from samples.generator.families import heldout_families
from samples.generator.text_corpus import labelled_pages, variety_pages

from docintake.classifiers.doctype import classify_texts
from docintake.classifiers.features import DOCUMENT_TYPES
from docintake.classifiers.training import Example, train


def test_text_only_pages_come_from_tune_families_only():
    pages = list(labelled_pages(range(2)))
    assert pages and not {p.family for p in pages} & heldout_families()
    assert {p.document_type for p in pages} >= {"fax_cover", "pa_request_form", "imaging_report", "other"}


def test_variety_pages_cover_every_type_reproducibly_and_name_no_family():
    pages = list(variety_pages(range(3)))
    assert {p.document_type for p in pages} == set(DOCUMENT_TYPES)
    assert all(p.family.startswith("variety:") for p in pages)
    assert not {p.family.removeprefix("variety:") for p in pages} & heldout_families()
    assert [p.text for p in variety_pages(range(3))] == [p.text for p in pages]


def test_same_seed_same_predictions():
    pages = list(labelled_pages(range(4)))
    examples = [Example(p.text, p.document_type) for p in pages]
    probe = [p.text for p in labelled_pages(range(50, 52))]
    runs = []
    for _ in range(2):
        nlp = train(examples, seed=7, epochs=2)
        runs.append([{k: round(v, 6) for k, v in t.scores.items()} for t in classify_texts(probe, nlp)])
    assert runs[0] == runs[1]
