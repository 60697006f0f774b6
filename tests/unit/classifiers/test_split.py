"""Splitting multi-document faxes: cover + form + notes, two members in one fax, one long clinical record."""

from __future__ import annotations

from datetime import date

from docintake.classifiers.doctype import classify_pages
from docintake.classifiers.split import main_type, page_counter, segments
from docintake.extractors.fields.extract import extract_fields
from tests.unit.classifiers._pages import (
    appeal_pages,
    cover,
    note_continuation,
    page,
    progress_note,
    request_form,
)

TODAY = date(2026, 11, 20)


def _split(texts: list[str]):
    pages = [page(i, t) for i, t in enumerate(texts, 1)]
    return segments(pages, classify_pages(pages), lambda ps: extract_fields(ps, TODAY))


def _value(seg, name):
    f = seg.fields.get(name)
    return f.value if f is not None else None


def test_cover_form_and_notes():
    parts = _split([cover("PA1234567897"), request_form("Kendra Ellsworth", "W123456789", "02/15/1950"),
                    progress_note("Kendra Ellsworth", "W123456789", "02/15/1950")])
    assert [(s.first, s.last, s.document_type.value) for s in parts] == [
        (1, 1, "fax_cover"), (2, 2, "pa_request_form"), (3, 3, "clinical_note")]
    assert main_type(parts).value == "pa_request_form"
    # The cover's Reference ID rides with the documents after it, saying where it came from.
    for seg in parts[1:]:
        assert _value(seg, "reference_id") == "PA1234567897"
        assert seg.fields["reference_id"].page == 1
        assert "cover_sheet" in seg.fields["reference_id"].explanation


def test_two_members_in_one_fax_split_and_keep_their_own_ids():
    parts = _split([cover("PA1234567897"), request_form("Kendra Ellsworth", "W123456789", "02/15/1950"),
                    request_form("Silas Thornbury", "H987654321", "07/04/1971")])
    assert [(s.first, s.last) for s in parts] == [(1, 1), (2, 2), (3, 3)]
    first, second = parts[1], parts[2]
    assert _value(first, "policy_id") == "W123456789"
    assert _value(second, "policy_id") == "H987654321"
    assert second.fields["policy_id"].page == 3


def test_second_member_without_a_cover_between():
    parts = _split([progress_note("Kendra Ellsworth", "W123456789", "02/15/1950"),
                    progress_note("Silas Thornbury", "H987654321", "07/04/1971", visit="11/05/2026")])
    assert [(s.first, s.last) for s in parts] == [(1, 1), (2, 2)]
    assert _value(parts[1], "policy_id") == "H987654321"


def test_a_long_clinical_record_is_not_split():
    n = 6
    texts = [progress_note("Kendra Ellsworth", "W123456789", "02/15/1950") + f"Progress notes - page 1 of {n}\n"]
    texts += [note_continuation(k, n) for k in range(2, n + 1)]
    parts = _split(texts)
    assert [(s.first, s.last) for s in parts] == [(1, n)]
    assert parts[0].document_type.value == "clinical_note"


def test_one_page_is_one_segment():
    parts = _split([request_form("Kendra Ellsworth", "W123456789", "02/15/1950")])
    assert [(s.first, s.last, s.document_type.value) for s in parts] == [(1, 1, "pa_request_form")]


def test_page_counters_ignore_the_fax_header_and_survive_ocr():
    assert page_counter("11/16/2026 11:09 FROM: ACME +1-555-542-9586 PAGE 1 OF 2\nbody\nPage Zof2") == (2, 2)
    assert page_counter("01-31-2005 10:00 FROM: ACME P.001/003\nbody only") is None
    assert page_counter("body\nDischarge Summary - 1/2") == (1, 2)
    assert page_counter("body\npage i of s") == (1, 5)


def test_a_two_page_appeal_stays_one_segment():
    texts = appeal_pages("Alex Doe-Smith", "Q88812345", "04/02/1961")
    parts = _split([cover("PA1234567897"), *texts])
    assert [(s.first, s.last, s.document_type.value) for s in parts] == [(1, 1, "fax_cover"), (2, 3, "appeal")]


def test_a_page_that_goes_on_with_a_sentence_continues_the_document():
    first = progress_note("Kendra Ellsworth", "W123456789", "02/15/1950")
    tail = ("and the knee gives way on stairs, so surgery was discussed at length with the patient and family.\n"
            "Kendra Ellsworth  DOB 02/15/1950\nAssessment: osteoarthritis. Plan: authorization for 27447.\n")
    parts = _split([first, tail])
    assert [(s.first, s.last) for s in parts] == [(1, 2)]
