"""Image readers: fax TIFFs (G3/G4, standard and fine mode, missing DPI), PNG/JPEG/BMP, EXIF and limits."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from docintake.errors import Corrupt, TooManyPages, TooManyPixels
from docintake.extractors import image as image_reader
from docintake.extractors.image import READERS, read_picture, read_tiff
from docintake.extractors.registry import ReadContext, ReaderRegistry
from docintake.model import Page, PageSource

from ._pdf_fixtures import FAX_LINES, ghostscript_fax, page_picture, text_pdf

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def fax_pdf() -> bytes:
    return text_pdf(FAX_LINES, pages=2)


def _save(image: Image.Image, fmt: str, **params) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **params)
    return out.getvalue()


def _member(page: Page):
    return next(w for w in page.words if w.text == "W123456789")


@pytest.fixture
def captured(monkeypatch):
    """Replace OCR by a recorder of the images and sizes it would have been given."""
    calls = []

    def fake_ocr(image, ctx, number, *, fix_orientation=True, width_pt=None, height_pt=None):
        calls.append((image.size, image.mode, width_pt, height_pt))
        return Page(number, (), "", PageSource.OCR, width_pt, height_pt)

    monkeypatch.setattr(image_reader, "ocr_page", fake_ocr)
    return calls


def test_readers_cover_the_image_types():
    assert {m for r in READERS for m in r.mime_types} == {"image/png", "image/jpeg", "image/bmp", "image/tiff"}


@pytest.mark.tesseract
def test_fine_mode_g4_fax_reads_every_frame(ctx, fax_pdf):
    pages = read_tiff(ghostscript_fax(fax_pdf, "tiffg4", "204x196"), ctx)
    assert [p.number for p in pages] == [1, 2]
    assert all(p.ocr for p in pages)
    for page in pages:
        assert page.width_pt == pytest.approx(612, abs=5) and page.height_pt == pytest.approx(792, abs=5)
        member = _member(page)
        assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5
        assert "01/05/1960" in page.text


@pytest.mark.tesseract
def test_standard_mode_g3_fax_is_squared_and_reads_the_member_id(ctx, fax_pdf):
    data = ghostscript_fax(fax_pdf, "tiffg3", "204x98")
    with Image.open(io.BytesIO(data)) as tiff:
        assert tiff.info["compression"] == "group3" and tiff.info["dpi"] == (204, 98)
    pages = read_tiff(data, ctx)
    assert len(pages) == 2
    assert pages[0].height_pt == pytest.approx(792, abs=2)
    assert _member(pages[0]).bbox.y1 < 0.5


def test_standard_mode_frames_are_stretched_to_square_pixels(ctx, captured, fax_pdf):
    read_tiff(ghostscript_fax(fax_pdf, "tiffg3", "204x98"), ctx)
    (size, mode, width_pt, height_pt), _ = captured
    assert size == (1728, round(1078 * 204 / 98)) and mode == "L"  # stretched in grey
    assert width_pt == pytest.approx(610, abs=5) and height_pt == pytest.approx(792, abs=5)


@pytest.mark.parametrize("dpi", [None, (1, 1), (5000, 5000)])
def test_fax_geometry_without_a_credible_dpi_is_taken_as_standard_mode(ctx, captured, dpi):
    frame = Image.new("1", (1728, 1078), 1)
    params = {"compression": "group4"} | ({"dpi": dpi} if dpi else {})
    read_tiff(_save(frame, "TIFF", **params), ctx)
    (size, _, width_pt, height_pt), = captured
    assert size[1] == pytest.approx(1078 * 204 / 98, abs=2)
    assert width_pt == pytest.approx(1728 * 72 / 204) and height_pt == pytest.approx(1078 * 72 / 98)


def test_fine_fax_geometry_without_dpi_is_not_stretched(ctx, captured):
    read_tiff(_save(Image.new("1", (1728, 2200), 1), "TIFF", compression="group4"), ctx)
    assert captured[0][0] == (1728, 2200)


def test_an_image_without_dpi_has_no_page_size(ctx, captured):
    read_picture(_save(Image.new("L", (800, 1000), 255), "PNG"), ctx)
    assert captured == [((800, 1000), "L", None, None)]


def test_too_many_frames_is_refused_before_any_ocr(captured):
    frames = [Image.new("1", (200, 200), 1) for _ in range(3)]
    data = _save(frames[0], "TIFF", save_all=True, append_images=frames[1:], compression="group4")
    with pytest.raises(TooManyPages):
        read_tiff(data, ReadContext(max_pages=2))
    assert captured == []


@pytest.mark.parametrize("fmt", ["PNG", "BMP", "TIFF"])
def test_too_many_pixels_is_refused_before_decoding(captured, fmt):
    data = _save(Image.new("L", (400, 300), 255), fmt)
    reader = read_tiff if fmt == "TIFF" else read_picture
    with pytest.raises(TooManyPixels):
        reader(data, ReadContext(max_page_pixels=100_000))
    assert captured == []


def test_a_decompression_bomb_header_is_too_many_pixels(ctx):
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0))
    bomb = b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    with pytest.raises(TooManyPixels):
        read_picture(bomb, ctx)


def test_damaged_images_are_corrupt(ctx):
    registry = ReaderRegistry()
    for reader in READERS:
        registry.register(reader)
    with pytest.raises(Corrupt):
        read_picture(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ctx)
    truncated = _save(page_picture(size=(300, 300)), "PNG")[:200]
    with pytest.raises(Corrupt):
        registry.read(truncated, "image/png", ctx)


@pytest.mark.tesseract
def test_jpeg_exif_orientation_is_applied_before_reading(ctx):
    # Stored turned a quarter counter-clockwise, with EXIF orientation 6 ("turn 90° clockwise to view").
    stored = page_picture().transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    (page,) = read_picture(_save(stored, "JPEG", quality=90, exif=exif, dpi=(150, 150)), ctx)
    assert page.rotation == 0  # EXIF already made it upright: no OCR turn needed
    assert (page.width_pt, page.height_pt) == (pytest.approx(612), pytest.approx(792))
    member = _member(page)
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5


@pytest.mark.tesseract
def test_upside_down_png_is_turned_upright(ctx):
    (page,) = read_picture(_save(page_picture().rotate(180), "PNG"), ctx)
    assert page.rotation == 180
    assert _member(page).bbox.y1 < 0.5


@pytest.mark.tesseract
def test_sideways_bmp_is_turned_upright(ctx):
    (page,) = read_picture(_save(page_picture().convert("1").transpose(Image.Transpose.ROTATE_270), "BMP"), ctx)
    assert page.rotation == 270
    member = _member(page)
    assert member.bbox.x1 < 0.5 and member.bbox.y1 < 0.5
