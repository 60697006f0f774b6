"""PDF reader: text layer with boxes, /Rotate and CropBox, form values and annotations, OCR of scans, limits."""

from __future__ import annotations

import pdfplumber
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt

from docintake.errors import Corrupt, Encrypted, TooManyPages, TooManyPixels
from docintake.extractors import pdf as pdf_reader
from docintake.extractors.pdf import READERS, read_pdf
from docintake.extractors.registry import ReadContext, ReaderRegistry
from docintake.model import PageSource

from ._pdf_fixtures import FAX_LINES, form_pdf, page_picture, raw_pdf, rotated_pdf, scanned_page, text_pdf

FIELD_CHAIN_PAGE = {
    "size": (612, 792),
    "content": b"BT /F1 11 Tf 72 697 Td (Subscriber ID:) Tj ET BT /F1 11 Tf 120 643 Td (Urgent request) Tj ET",
    "field": "<< /FT /Tx /T (member) /V (W987654321)",  # the value lives on the parent field only
    "annots": [
        "<< /Type /Annot /Subtype /Widget /Rect [200 690 350 710] /Parent {parent} >>",
        "<< /Type /Annot /Subtype /Stamp /Name /Check /Rect [100 640 114 654] >>",
        "<< /Type /Annot /Subtype /Text /Name /Comment /Contents (Call back 555-0100) /Rect [500 600 520 620] >>",
        "<< /Type /Annot /Subtype /Stamp /Name /Approved /Rect [300 300 400 340] >>",
        "<< /Type /Annot /Subtype /FreeText /F 2 /Contents (hidden words) /Rect [72 200 300 220] >>",
    ],
}


def _word(page, text):
    return next(w for w in page.words if w.text == text)


def _line_of(page, text):
    return " ".join(w.text for w in page.words if w.line == _word(page, text).line)


def _in_bounds(page):
    return all(0 <= v <= 1 for w in page.words for v in w.bbox.as_list())


def test_reader_is_registered_for_pdf():
    assert READERS[0].name == "pdf" and READERS[0].mime_types == ("application/pdf",)


def test_text_layer_words_lines_and_boxes(ctx):
    (page,) = read_pdf(text_pdf(), ctx)
    assert page.source is PageSource.TEXT_LAYER and not page.ocr
    assert (page.width_pt, page.height_pt) == (612, 792)
    assert page.text.splitlines() == list(FAX_LINES)
    member = _word(page, "W123456789")
    assert member.confidence == 1.0 and member.line == 1
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5
    assert _in_bounds(page)


def test_every_page_is_read(ctx):
    pages = read_pdf(text_pdf(pages=3), ctx)
    assert [p.number for p in pages] == [1, 2, 3]


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
@pytest.mark.parametrize(("crop", "origin"), [(None, (0, 0)), ((36, 36, 576, 756), (0, 0)),
                                              ((36, 36, 576, 756), (-30, 45))])
def test_boxes_follow_rotate_cropbox_and_mediabox_origin(ctx, rotate, crop, origin):
    if crop and rotate in (90, 270):
        crop = (crop[1], crop[0], crop[3], crop[2])  # the same upright crop, in turned user space
    (page,) = read_pdf(rotated_pdf(rotate, crop=crop, origin=origin), ctx)
    assert page.source is PageSource.TEXT_LAYER
    shown_w, shown_h = (540, 720) if crop else (612, 792)
    assert (page.width_pt, page.height_pt) == (shown_w, shown_h)
    left = 36 if crop else 0
    top_left, bottom_right = _word(page, "TOPLEFT"), _word(page, "BOTRIGHT")
    assert top_left.bbox.x0 == pytest.approx((80 - left) / shown_w, abs=0.005)
    assert top_left.bbox.x1 < 0.5 and top_left.bbox.y1 < 0.5
    assert bottom_right.bbox.x0 > 0.5 and bottom_right.bbox.y0 > 0.5
    assert page.text.splitlines()[0] == "TOPLEFT marker words here"
    assert _in_bounds(page)


def test_form_values_sit_on_the_line_of_their_labels(ctx):
    (page,) = read_pdf(form_pdf(), ctx)
    assert page.source is PageSource.TEXT_LAYER
    assert _line_of(page, "W123456789") == "Member ID: W123456789"
    assert _line_of(page, "01/05/1960") == "Date of Birth: 01/05/1960"
    assert _line_of(page, "Urgent") == "Urgent [X] Routine [ ]"
    assert _line_of(page, "Setting:") == "Setting: Outpatient"
    assert _line_of(page, "Reviewed") == "Reviewed PA1234567897"  # the FreeText annotation
    member, label = _word(page, "W123456789"), _word(page, "ID:")
    assert member.bbox.x0 > label.bbox.x1 and member.bbox.y1 < 0.5
    assert _word(page, "[X]").bbox.x1 < _word(page, "Routine").bbox.x0
    assert _in_bounds(page)


def test_a_value_is_spread_over_its_widget_by_character_count(ctx):
    (page,) = read_pdf(raw_pdf([{**FIELD_CHAIN_PAGE, "field": "<< /FT /Tx /T (name) /V (Jo Samplewoman)"}]), ctx)
    first, last = _word(page, "Jo"), _word(page, "Samplewoman")
    assert first.bbox.x0 == pytest.approx(200 / 612, abs=1e-3) and last.bbox.x1 == pytest.approx(350 / 612, abs=1e-3)
    assert (last.bbox.x1 - last.bbox.x0) == pytest.approx(5.5 * (first.bbox.x1 - first.bbox.x0), rel=0.01)


def test_a_short_value_in_a_wide_widget_keeps_its_words_together(ctx):
    # 350 pt wide, 20 pt high: a viewer sets "Abernathy, Yardley" from the left at the box's text size; spread over
    # the whole width, its space would have looked like a gap between two cells.
    page_spec = {**FIELD_CHAIN_PAGE, "field": "<< /FT /Tx /T (name) /V (Abernathy, Yardley)",
                 "annots": ["<< /Type /Annot /Subtype /Widget /Rect [200 690 550 710] /Parent {parent} >>"]}
    (page,) = read_pdf(raw_pdf([page_spec]), ctx)
    first, last = _word(page, "Abernathy,"), _word(page, "Yardley")
    assert first.bbox.x0 == pytest.approx(200 / 612, abs=1e-3)
    advance = (first.bbox.x1 - first.bbox.x0) / len("Abernathy,")
    assert advance * 612 == pytest.approx(12.0, rel=0.02)  # 0.6 of the 20 pt line
    assert last.bbox.x0 - first.bbox.x1 == pytest.approx(advance, rel=0.01)  # one space between them
    assert last.bbox.x1 < 550 / 612


def test_parent_field_values_stamps_and_notes_are_read(ctx):
    (page,) = read_pdf(raw_pdf([FIELD_CHAIN_PAGE]), ctx)
    assert page.text.splitlines() == ["Subscriber ID: W987654321", "[X] Urgent request", "Call back 555-0100",
                                      "Approved"]
    assert "hidden" not in page.text  # a hidden annotation is not on the page anyone sees


def test_owner_password_only_pdf_is_read(ctx):
    locked = pdfencrypt.StandardEncryption("", ownerPassword="owner-only", canPrint=0, canCopy=0)
    (page,) = read_pdf(text_pdf(encrypt=locked), ctx)
    assert "W123456789" in page.text


def test_user_password_pdf_is_encrypted(ctx):
    with pytest.raises(Encrypted):
        read_pdf(text_pdf(encrypt="open-sesame"), ctx)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + b"\x00" * 512, text_pdf()[:400]])
def test_damaged_pdf_is_corrupt(ctx, data):
    with pytest.raises(Corrupt):
        read_pdf(data, ctx)


def test_too_many_pages_is_refused_before_any_page_is_read(monkeypatch):
    def no_reading(*_args, **_kwargs):
        raise AssertionError("pages were read")

    monkeypatch.setattr(pdfplumber, "open", no_reading)
    with pytest.raises(TooManyPages):
        read_pdf(text_pdf(pages=3), ReadContext(max_pages=2))


def test_too_many_pixels_in_a_scan_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(pdf_reader, "ocr_page", lambda *a, **k: pytest.fail("OCR ran"))
    scan = raw_pdf([scanned_page(page_picture(size=(1275, 1650)).convert("1"))])
    with pytest.raises(TooManyPixels):
        read_pdf(scan, ReadContext(max_page_pixels=1_000_000))


def test_too_many_pixels_for_a_rendered_page_is_refused_before_rendering(monkeypatch):
    monkeypatch.setattr(pdf_reader, "ocr_page", lambda *a, **k: pytest.fail("OCR ran"))
    with pytest.raises(TooManyPixels):  # no text and no image: the page would be rendered at 300 dpi
        read_pdf(raw_pdf([{"size": (612, 792)}]), ReadContext(max_page_pixels=1_000_000))


def test_registry_turns_parser_failures_into_corrupt(ctx):
    registry = ReaderRegistry()
    registry.register(READERS[0])
    with pytest.raises(Corrupt):
        registry.read(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>", "application/pdf",
                      ctx)


@pytest.mark.tesseract
def test_mixed_pdf_ocrs_the_scanned_page_at_its_own_resolution_and_keeps_the_text_page(ctx, monkeypatch):
    # Page 1: a standard-mode fax (204×98 dpi, CCITT G4) as fax servers embed it; page 2: a text layer.
    fax = page_picture(size=(1700, 2200), font_px=40).convert("1").resize((1734, 1078), Image.Resampling.NEAREST)
    text_page = {"size": (612, 792), "content": b"BT /F1 12 Tf 72 700 Td (Clinical note for W555555555) Tj ET"}
    sizes = []
    real_ocr = pdf_reader.ocr_page
    monkeypatch.setattr(pdf_reader, "ocr_page", lambda image, *a, **k: sizes.append(image.size) or real_ocr(
        image, *a, **k))
    scan, text = read_pdf(raw_pdf([scanned_page(fax), text_page]), ctx)
    assert scan.ocr and scan.source is PageSource.OCR and not text.ocr
    assert sizes == [(1734, round(1734 * 792 / 612))]  # its own pixels, squared; not a 300 dpi rendering
    member = _word(scan, "W123456789")
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5
    assert (scan.width_pt, scan.height_pt) == (612, 792)
    assert _word(text, "W555555555").confidence == 1.0


@pytest.mark.tesseract
def test_scan_stored_sideways_under_rotate_is_read_upright(ctx):
    stored = page_picture().convert("1").transpose(Image.Transpose.ROTATE_90)
    (page,) = read_pdf(raw_pdf([{**scanned_page(stored, size=(792, 612)), "rotate": 90}]), ctx)
    assert page.ocr and page.rotation == 0 and (page.width_pt, page.height_pt) == (612, 792)
    member = _word(page, "W123456789")
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5


@pytest.mark.tesseract
def test_page_with_a_small_image_is_rendered_and_keeps_form_values(ctx):
    picture = page_picture(size=(1275, 1650)).convert("1")
    page_spec = scanned_page(picture)
    page_spec["content"] = b"q 306 0 0 396 0 396 cm /Im0 Do Q"  # the top-left quarter of the page only
    page_spec["annots"] = ["<< /Type /Annot /Subtype /FreeText /Contents (Ref PA1234567897) /Rect [320 80 560 100] >>"]
    (page,) = read_pdf(raw_pdf([page_spec]), ctx)
    assert page.ocr
    member = _word(page, "W123456789")
    assert member.bbox.x1 < 0.25 and member.bbox.y1 < 0.25
    assert _word(page, "PA1234567897").bbox.y0 > 0.8
    assert _in_bounds(page)
