"""Word documents: body order, tables as rows, headers/footers, text boxes, checkboxes, pages; .doc too."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from docintake.errors import Corrupt, Encrypted, ProcessingFailed, TooManyPages
from docintake.extractors import word
from docintake.extractors.registry import ReadContext
from docintake.intake.sniff import MIME_BY_FORMAT, sniff
from docintake.model import PageSource
from tests.unit.extractors._office_fixtures import (
    checkbox_sdt,
    legacy_checkbox_runs,
    lines_of,
    pa_form_docx,
    read_through_registry,
    text_box_run,
    vml_text_box_run,
    w_xml,
)

DOCX = MIME_BY_FORMAT["docx"]
DOC = MIME_BY_FORMAT["doc"]


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_keeps_body_order_tables_as_rows_and_headers_first_footers_last(ctx):
    data = pa_form_docx()
    assert sniff(data).format == "docx"
    pages = word.read_docx(data, ctx)
    assert [p.number for p in pages] == [1, 2]
    assert lines_of(pages[0]) == [
        "Acme Health Plan HDR777",
        "Prior Authorization Request",
        "Member ID",
        "W123456789",
        "Reference ID\tPA1234567897",
        "Date of Birth\t01/05/1960",
        "Urgent",
    ]
    assert lines_of(pages[1]) == ["Clinical notes NPI 1234567893", "Confidential FTR888"]
    assert all(w.bbox is None and w.confidence == 1.0 for p in pages for w in p.words)
    assert all(p.source is PageSource.FLOW for p in pages)
    row = [w for w in pages[0].words if w.text in ("Reference", "PA1234567897")]
    assert len({w.line for w in row}) == 1


def test_page_break_before_direct_and_by_style_start_new_pages(ctx):
    document = docx.Document()
    document.add_paragraph("first page W123456789")
    document.add_paragraph("second page").paragraph_format.page_break_before = True
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    document.add_heading("Third page heading", level=1)
    document.add_paragraph("more text on the third")
    pages = word.read_docx(_saved(document), ctx)
    assert [p.text for p in pages] == [
        "first page W123456789",
        "second page",
        "Third page heading\nmore text on the third",
    ]


def test_nested_tables_content_controls_and_text_boxes_are_not_lost(ctx):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Patient"
    outer.cell(0, 1).text = "Doe, Jane"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "DOB", "01/05/1960"
    anchor = document.add_paragraph("Notes:")
    anchor._p.append(text_box_run("Box text PA9876543217"))
    body = document.element.body
    body.insert(len(body) - 1, w_xml(
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    ))
    (page,) = word.read_docx(_saved(document), ctx)
    assert lines_of(page) == [
        "Patient\tDoe, Jane",
        "DOB\t01/05/1960",
        "Notes:",
        "Box text PA9876543217",
        "Inside a content control",
    ]


def test_checkboxes_are_rendered_as_marks(ctx):
    document = docx.Document()
    urgent = document.add_paragraph("Urgent ")
    urgent._p.append(checkbox_sdt(checked=True))
    routine = document.add_paragraph("Routine ")
    routine._p.append(checkbox_sdt(checked=False))
    legacy = document.add_paragraph("Expedited ")
    for run in legacy_checkbox_runs(checked=True):
        legacy._p.append(run)
    document.add_paragraph("☐ Retro ☒ Inpatient")  # box characters typed as text
    (page,) = word.read_docx(_saved(document), ctx)
    assert lines_of(page) == ["Urgent [X]", "Routine [ ]", "Expedited [X]", "[ ] Retro [X] Inpatient"]


def test_headers_of_every_section_deduplicated_and_first_page_header(ctx):
    document = docx.Document()
    first = document.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Fax cover header"
    first.header.paragraphs[0].text = "Plan header"
    document.add_paragraph("Section one")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Plan header"  # the same text again: kept once
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Page footer two"
    document.add_paragraph("Section two")
    pages = word.read_docx(_saved(document), ctx)
    assert pages[0].text.startswith("Fax cover header\nPlan header\nSection one")
    assert pages[0].text.count("Plan header") == 1
    assert pages[-1].text.endswith("Section two\nPage footer two")
    assert len(pages) == 2  # a new-page section break divides pages


def test_page_limit_is_enforced_while_walking(ctx):
    document = docx.Document()
    for i in range(5):
        document.add_paragraph(f"page {i}").runs[0].add_break(WD_BREAK.PAGE)
    with pytest.raises(TooManyPages):
        word.read_docx(_saved(document), ReadContext(max_pages=3, tmp_dir=ctx.tmp_dir))


@pytest.mark.parametrize("damage", [lambda d: d[: len(d) // 2], lambda d: b"PK\x03\x04" + bytes(300)])
def test_damaged_docx_is_corrupt(ctx, damage):
    with pytest.raises(Corrupt):
        read_through_registry(word, damage(pa_form_docx()), DOCX, ctx)


# .doc -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def doc_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The form, with a text box and a ticked legacy checkbox, as Word 97-2003: converted once per module."""
    document = docx.Document(io.BytesIO(pa_form_docx()))
    notes = document.add_paragraph("Notes:")
    notes._p.append(vml_text_box_run("Box text PA9876543217"))
    expedited = document.add_paragraph("Expedited ")
    for run in legacy_checkbox_runs(checked=True):
        expedited._p.append(run)
    scratch = tmp_path_factory.mktemp("doc-build")
    return word.convert_with_soffice(_saved(document), ReadContext(tmp_dir=scratch), "docx", "doc")


def _fake_soffice(tmp_path: Path, script: str) -> str:
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.mark.soffice
def test_doc_reads_like_its_docx_and_leaves_no_profile_behind(ctx, doc_bytes):
    assert sniff(doc_bytes).format == "doc"
    pages = read_through_registry(word, doc_bytes, DOC, ctx)
    assert len(pages) == 2
    assert lines_of(pages[0])[0] == "Acme Health Plan HDR777"
    assert "W123456789" in lines_of(pages[0])
    assert "Reference ID\tPA1234567897" in lines_of(pages[0])
    assert "Date of Birth\t01/05/1960" in lines_of(pages[0])
    assert lines_of(pages[1]) == [
        "Clinical notes NPI 1234567893",
        "Notes:",
        "Box text PA9876543217",
        "Expedited [X]",
        "Confidential FTR888",
    ]
    assert list(ctx.tmp_dir.iterdir()) == []


@pytest.mark.soffice
def test_doc_with_the_encrypted_flag_is_refused_before_conversion(ctx, doc_bytes):
    fib = doc_bytes.index(b"\xec\xa5")  # the FIB opens the WordDocument stream
    flagged = bytearray(doc_bytes)
    flagged[fib + 11] |= 0x01  # fEncrypted is bit 8 of the little-endian flags at offset 10
    with pytest.raises(Encrypted):
        no_converter = ReadContext(soffice_cmd="/nonexistent", tmp_dir=ctx.tmp_dir)
        read_through_registry(word, bytes(flagged), DOC, no_converter)


@pytest.mark.soffice
def test_truncated_doc_is_corrupt(ctx, doc_bytes):
    with pytest.raises(Corrupt):
        read_through_registry(word, doc_bytes[:1500], DOC, ctx)


@pytest.mark.soffice
def test_missing_converter_is_our_problem_not_the_files(ctx, doc_bytes):
    missing = ReadContext(soffice_cmd="/nonexistent/soffice", tmp_dir=ctx.tmp_dir)
    with pytest.raises(ProcessingFailed):
        word.read_doc(doc_bytes, missing)


@pytest.mark.soffice
def test_hanging_converter_is_stopped_and_its_profile_removed(tmp_path, ctx, doc_bytes):
    record = tmp_path / "args"
    hang = _fake_soffice(tmp_path, f'echo "$@" > {record}\nexec sleep 60\n')
    with pytest.raises(ProcessingFailed):
        word.read_doc(doc_bytes, ReadContext(soffice_cmd=hang, convert_timeout_s=1, tmp_dir=ctx.tmp_dir))
    arguments = record.read_text().split()
    profile = next(a for a in arguments if a.startswith("-env:UserInstallation=file://"))
    assert profile.removeprefix("-env:UserInstallation=file://").startswith(str(ctx.tmp_dir))
    assert {"--headless", "--convert-to", "docx", "--outdir"} <= set(arguments)
    assert list(ctx.tmp_dir.iterdir()) == []


@pytest.mark.soffice
def test_converter_that_cannot_load_the_file_means_corrupt(tmp_path, ctx, doc_bytes):
    refuses = _fake_soffice(tmp_path, 'echo "Error: source file could not be loaded"\n')
    with pytest.raises(Corrupt):
        word.read_doc(doc_bytes, ReadContext(soffice_cmd=refuses, tmp_dir=ctx.tmp_dir))
    assert os.listdir(ctx.tmp_dir) == []
