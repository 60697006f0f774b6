"""XPS: pages through the package's references, words with boxes where the glyphs were drawn, OCR of scans."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.errors import Corrupt, SuspiciousArchive, TooManyPages
from docintake.extractors import xps
from docintake.extractors.registry import ReadContext
from docintake.intake.sniff import MIME_BY_FORMAT, sniff
from docintake.model import BBox, Page, PageSource, Word
from tests.unit.extractors._office_fixtures import (
    OXPS_NS,
    XPS_NS,
    fixed_page,
    glyphs,
    lines_of,
    read_through_registry,
    xps_package,
)

XPS = MIME_BY_FORMAT["xps"]
W, H = 816, 1056  # US letter in 1/96 inch


def _word(page: Page, text: str) -> Word:
    return next(w for w in page.words if w.text == text)


def _form_pages(ns: str = XPS_NS) -> list[str]:
    first = fixed_page(
        # Drawn out of reading order: the second line comes first in the markup.
        glyphs("DOB 01/05/1960", 96, 150)
        + glyphs("Member ID: W123456789", 96, 120)
        + glyphs("Reference PA1234567897", 500, 120),
        ns=ns,
    )
    second = fixed_page(glyphs("Clinical notes NPI 1234567893", 96, 96), ns=ns)
    return [first, second]


def test_xps_words_come_out_in_lines_with_boxes_where_the_glyphs_were_drawn(ctx):
    data = xps_package(_form_pages())
    assert sniff(data).format == "xps"
    pages = read_through_registry(xps, data, XPS, ctx)
    assert [p.number for p in pages] == [1, 2]
    assert lines_of(pages[0]) == ["Member ID: W123456789 Reference PA1234567897", "DOB 01/05/1960"]
    assert pages[1].text == "Clinical notes NPI 1234567893"
    first = pages[0]
    assert first.source is PageSource.TEXT_LAYER
    assert (first.width_pt, first.height_pt) == (612, 792)
    assert all(w.confidence == 1.0 and 0 <= w.bbox.x0 < w.bbox.x1 <= 1 and 0 <= w.bbox.y0 < w.bbox.y1 <= 1
               for p in pages for w in p.words)
    member = _word(first, "W123456789")
    # 11 characters ("Member ID: ") at the half-em estimate precede it; 16 px em; baseline at y=120.
    assert member.bbox.x0 == pytest.approx((96 + 11 * 8) / W, abs=0.01)
    assert member.bbox.y0 < 120 / H < member.bbox.y1
    assert _word(first, "PA1234567897").bbox.x0 == pytest.approx((500 + 10 * 8) / W, abs=0.005)
    assert _word(first, "01/05/1960").line == 1


def test_indices_advances_place_the_words(ctx):
    page = fixed_page(glyphs("AB CD", 100, 200, size=20, Indices="36,100;37,100;3,50;38,100;39,100"))
    (read,) = xps.read_xps(xps_package([page]), ctx)
    ab, cd = read.words
    assert (ab.text, cd.text) == ("AB", "CD")
    assert ab.bbox.x1 == pytest.approx(140 / W, abs=1e-3)
    assert cd.bbox.x0 == pytest.approx(150 / W, abs=1e-3)
    assert cd.bbox.x1 == pytest.approx(190 / W, abs=1e-3)


def test_cluster_maps_share_their_advances_and_resources_supply_transforms(ctx):
    # "ffi" is one ligature glyph 30 units wide covering three characters; then "x" at 10 units.
    shift = "{StaticResource shift}"
    ligature = glyphs("ffix", 0, 100, size=100, Indices="(3:1)1,30;2,10", RenderTransform=shift)
    body = (
        '<Canvas><Canvas.Resources><ResourceDictionary><MatrixTransform x:Key="shift" Matrix="1,0,0,1,50,0" '
        'xmlns:x="http://schemas.microsoft.com/xps/2005/06/resourcedictionary-key"/></ResourceDictionary>'
        f"</Canvas.Resources>{ligature}</Canvas>"
    )
    (read,) = xps.read_xps(xps_package([fixed_page(body)]), ctx)
    (word,) = read.words
    assert word.text == "ffix"
    assert (word.bbox.x0, word.bbox.x1) == pytest.approx((50 / W, (50 + 30 + 10) / W), abs=1e-3)


def test_render_transforms_of_canvases_and_glyphs_are_composed(ctx):
    body = (
        '<Canvas><Canvas.RenderTransform><MatrixTransform Matrix="2,0,0,2,100,50"/></Canvas.RenderTransform>'
        + glyphs("Scaled", 0, 40, size=10, RenderTransform="1,0,0,1,10,0")
        + "</Canvas>"
    )
    (read,) = xps.read_xps(xps_package([fixed_page(body)]), ctx)
    box = _word(read, "Scaled").bbox
    # Glyph transform first (x + 10), then the canvas (x2, +100/+50): origin at (120, 130), em 20 px.
    assert box.x0 == pytest.approx(120 / W, abs=1e-3)
    assert box.y0 == pytest.approx((130 - 16) / H, abs=1e-3)
    assert box.y1 == pytest.approx((130 + 4) / H, abs=1e-3)
    assert box.x1 == pytest.approx((120 + 6 * 10) / W, abs=1e-3)


def test_a_word_split_over_glyph_runs_is_joined_only_when_advances_are_known(ctx):
    body = (
        glyphs("W1", 100, 100, size=10, Indices=",100;,100")
        + glyphs("23", 120, 100, size=10, Indices=",100;,100")
        + glyphs("Member", 100, 200, size=10)  # estimated width runs past the next run's real origin
        + glyphs("ID:", 128, 200, size=10)
    )
    (read,) = xps.read_xps(xps_package([fixed_page(body)]), ctx)
    assert lines_of(read) == ["W123", "Member ID:"]


def test_openxps_namespaces_are_read(ctx):
    data = xps_package(_form_pages(OXPS_NS), ns=OXPS_NS)
    assert sniff(data).format == "xps"
    pages = xps.read_xps(data, ctx)
    assert pages[1].text == "Clinical notes NPI 1234567893"


def test_page_count_is_checked_before_any_page_is_read(ctx):
    data = xps_package(_form_pages()[:1], page_count=40)  # 39 of the pages it lists do not exist
    with pytest.raises(TooManyPages):
        xps.read_xps(data, ReadContext(max_pages=10))


def test_oversized_part_is_suspicious(ctx, monkeypatch):
    monkeypatch.setattr(xps, "MAX_XML_PART", 200)
    with pytest.raises(SuspiciousArchive):
        xps.read_xps(xps_package(_form_pages()), ctx)


def test_entity_declarations_are_refused(ctx):
    entities = '<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    bomb = f'<?xml version="1.0"?>{entities}' + fixed_page("&b;")
    with pytest.raises(SuspiciousArchive):
        read_through_registry(xps, xps_package([bomb]), XPS, ctx)


def _without(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "build",
    [
        lambda: xps_package(_form_pages())[:700],
        lambda: xps_package(["<FixedPage Width='816'><Glyphs"]),
        lambda: xps_package(_form_pages()[:1], page_count=2),
        lambda: _without(xps_package(_form_pages()), "_rels/.rels"),
    ],
    ids=["truncated", "page-not-xml", "page-missing", "no-relationships"],
)
def test_damaged_xps_is_corrupt(ctx, build):
    with pytest.raises(Corrupt):
        read_through_registry(xps, build(), XPS, ctx)


# Images and OCR ---------------------------------------------------------------------------------------------

SCAN_PLACEMENT = (96, 528, 624, 260)  # x, y, width, height on the page: the lower half


def _scan_png() -> bytes:
    image = Image.new("L", (1200, 500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=56)
    draw.text((60, 120), "MEMBER ID W123456789", fill=0, font=font)
    draw.text((60, 280), "DOB 01/05/1960", fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _scanned_page(text_layer: str = "Fax", source: str = "/Resources/Images/scan.png") -> bytes:
    x, y, w, h = SCAN_PLACEMENT
    body = (
        glyphs(text_layer, 40, 40, size=12)
        + f'<Path Data="M {x},{y} L {x + w},{y} {x + w},{y + h} {x},{y + h} Z"><Path.Fill>'
        f'<ImageBrush ImageSource="{source}" '
        'Viewbox="0,0,1200,500" ViewboxUnits="Absolute" '
        f'Viewport="{x},{y},{w},{h}" ViewportUnits="Absolute"/></Path.Fill></Path>'
    )
    return xps_package([fixed_page(body)], extra={"Resources/Images/scan.png": _scan_png()})


def _fake_ocr(rotation: int):
    def ocr_page(image, ctx, number, **_kwargs):
        word = Word("W123456789", BBox(0.1, 0.2, 0.3, 0.25), 0.93, 0)
        return Page(number, (word,), "W123456789", PageSource.OCR, rotation=rotation)

    return ocr_page


@pytest.mark.parametrize(
    ("rotation", "fractions"),
    [(0, (0.1, 0.2, 0.3, 0.25)), (90, (0.2, 0.7, 0.25, 0.9)), (180, (0.7, 0.75, 0.9, 0.8))],
)
def test_ocr_word_boxes_are_mapped_into_the_image_placement(ctx, monkeypatch, rotation, fractions):
    monkeypatch.setattr(xps, "ocr_page", _fake_ocr(rotation))
    (read,) = xps.read_xps(_scanned_page(), ctx)
    assert read.source is PageSource.OCR
    assert lines_of(read) == ["Fax", "W123456789"]
    x, y, w, h = SCAN_PLACEMENT
    fx0, fy0, fx1, fy1 = fractions
    expected = BBox.from_points(x + fx0 * w, y + fy0 * h, x + fx1 * w, y + fy1 * h, W, H)
    assert _word(read, "W123456789").bbox.as_list() == pytest.approx(expected.as_list(), abs=1e-4)
    assert _word(read, "W123456789").confidence == 0.93


def test_color_converted_image_source_names_the_image(ctx, monkeypatch):
    monkeypatch.setattr(xps, "ocr_page", _fake_ocr(0))
    source = "{ColorConvertedBitmap ../../../Resources/Images/scan.png /Resources/Profiles/sRGB.icc}"
    (read,) = xps.read_xps(_scanned_page(source=source), ctx)
    assert read.source is PageSource.OCR


def test_pages_with_enough_text_are_not_ocrd(ctx, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("OCR must not run on a page with a text layer")

    monkeypatch.setattr(xps, "ocr_page", refuse)
    (read,) = xps.read_xps(_scanned_page("Member ID W123456789 DOB 01/05/1960"), ctx)
    assert read.source is PageSource.TEXT_LAYER


@pytest.mark.tesseract
def test_scanned_page_is_read_by_ocr_inside_the_image_placement(ctx):
    data = _scanned_page()
    assert sniff(data).format == "xps"
    (read,) = read_through_registry(xps, data, XPS, ctx)
    assert read.source is PageSource.OCR
    assert lines_of(read)[0] == "Fax"
    assert "W123456789" in read.text and "01/05/1960" in read.text
    x, y, w, h = SCAN_PLACEMENT
    member = _word(read, "W123456789")
    assert x / W - 0.01 <= member.bbox.x0 < member.bbox.x1 <= (x + w) / W + 0.01
    assert y / H - 0.01 <= member.bbox.y0 < member.bbox.y1 <= (y + h) / H + 0.01
    assert _word(read, "01/05/1960").line > member.line
