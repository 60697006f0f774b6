"""OCR module: preparing images, squaring fax pixels, turning pages upright, and Tesseract's failures."""

from __future__ import annotations

import pytest
from PIL import Image

from docintake.errors import ProcessingFailed, TooManyPixels
from docintake.extractors import ocr
from docintake.extractors.ocr import credible_dpi, ocr_page, prepare, square_pixels, turn_box
from docintake.extractors.registry import ReadContext
from docintake.model import BBox

from ._pdf_fixtures import page_picture


def _word(page, text):
    return next(w for w in page.words if w.text == text)


def test_prepare_keeps_bilevel_and_grey_images_as_they_are(ctx):
    one_bit = Image.new("1", (100, 100), 1)
    grey = Image.new("L", (100, 100), 255)
    assert prepare(one_bit, ctx) is one_bit
    assert prepare(grey, ctx) is grey


def test_prepare_flattens_transparency_onto_white_and_scales_16_bit_greys(ctx):
    clear = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert prepare(clear, ctx).getextrema() == (255, 255)
    deep = Image.new("I;16", (10, 10), 40000)
    assert prepare(deep, ctx).getextrema() == (156, 156)


def test_prepare_refuses_an_image_over_the_pixel_limit():
    with pytest.raises(TooManyPixels):
        prepare(Image.new("1", (200, 200)), ReadContext(max_page_pixels=10_000))


def test_square_pixels_stretches_standard_mode_fax_smoothly():
    standard = Image.new("1", (1728, 1078), 1)
    standard.paste(0, (100, 100, 110, 101))  # a one-row stroke
    square = square_pixels(standard, 204, 98)
    assert square.size == (1728, 2244)
    assert square.mode == "L"  # interpolated in grey; Tesseract thresholds it
    column = [square.getpixel((105, y)) for y in range(200, 220)]
    assert min(column) < 128 and any(0 < v < 255 for v in column)  # the stroke, with soft edges
    assert square_pixels(standard, 204, 196) is standard  # fine mode is square enough
    assert square_pixels(Image.new("L", (100, 100)), 98, 204).size == (208, 100)


@pytest.mark.parametrize(("value", "expected"), [(None, None), (0, None), (1, None), (49, None), (72, 72.0),
                                                 (204, 204.0), (1200, 1200.0), (2400, None)])
def test_credible_dpi(value, expected):
    assert credible_dpi(value) == expected


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_turn_box_moves_a_top_left_box_to_the_corner_the_turn_takes_it(turn):
    box = BBox(0.1, 0.2, 0.3, 0.25)
    turned = turn_box(box, turn)
    centre = ((turned.x0 + turned.x1) / 2, (turned.y0 + turned.y1) / 2)
    expected = {0: (True, True), 90: (False, True), 180: (False, False), 270: (True, False)}[turn]
    assert (centre[0] < 0.5, centre[1] < 0.5) == expected
    assert turn_box(turned, (360 - turn) % 360) == box


def test_a_missing_tesseract_is_a_processing_failure_not_a_corrupt_file(tmp_path):
    ctx = ReadContext(tesseract_cmd=str(tmp_path / "no-such-tesseract"))
    with pytest.raises(ProcessingFailed):
        ocr_page(page_picture(), ctx, 1)


@pytest.mark.tesseract
def test_upright_page_reads_its_identifier_where_it_was_drawn_without_orientation_detection(ctx, monkeypatch):
    def no_osd(*_args):
        raise AssertionError("orientation detection ran on an upright page")

    monkeypatch.setattr(ocr, "_detect_rotation", no_osd)
    page = ocr_page(page_picture().convert("1"), ctx, 3, width_pt=612, height_pt=792)
    assert page.ocr and page.number == 3 and page.rotation == 0
    member = _word(page, "W123456789")
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5
    assert 0.5 < member.confidence <= 1.0
    assert "01/05/1960" in page.text
    assert all(0 <= v <= 1 for w in page.words for v in w.bbox.as_list())


@pytest.mark.tesseract
@pytest.mark.parametrize(
    ("transpose", "expected_turn"),
    [
        (Image.Transpose.ROTATE_90, 90),  # scanned turned a quarter counter-clockwise
        (Image.Transpose.ROTATE_180, 180),  # upside down
        (Image.Transpose.ROTATE_270, 270),  # turned a quarter clockwise
    ],
)
def test_turned_pages_come_out_upright_with_the_turn_recorded(ctx, transpose, expected_turn):
    turned = page_picture().convert("1").transpose(transpose)
    sideways = expected_turn in (90, 270)
    page = ocr_page(turned, ctx, 1, width_pt=792 if sideways else 612, height_pt=612 if sideways else 792)
    assert page.rotation == expected_turn
    assert (page.width_pt, page.height_pt) == (612, 792)
    member = _word(page, "W123456789")
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5  # boxes are of the upright page
    assert page.text.splitlines()[0].upper().startswith("PRIOR AUTHORIZATION")


@pytest.mark.tesseract
def test_fix_orientation_false_leaves_the_page_as_it_lies(ctx):
    page = ocr_page(page_picture().convert("1").transpose(Image.Transpose.ROTATE_180), ctx, 1,
                    fix_orientation=False)
    assert page.rotation == 0
    assert not any(w.text == "W123456789" for w in page.words)
