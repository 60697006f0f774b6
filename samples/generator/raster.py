"""Pixels from PDFs: page images (PNG, JPEG, BMP) with scanner damage, image-only and mixed PDFs."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from random import Random

from PIL import Image, ImageChops, ImageFilter
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samples.generator.fax import gs

SCAN_DPI = 150


def render_pages(pdf: Path, dpi: int = SCAN_DPI) -> list[Image.Image]:
    """Every page of a PDF as an 8-bit gray image (Ghostscript pnggray)."""
    with tempfile.TemporaryDirectory(prefix="samples-gs-") as tmp:
        gs("-sDEVICE=pnggray", f"-r{dpi}", f"-sOutputFile={tmp}/page-%03d.png", str(pdf))
        pages = []
        for path in sorted(Path(tmp).glob("page-*.png")):
            with Image.open(path) as im:
                pages.append(im.copy())
        return pages


def scanner_damage(im: Image.Image, rng: Random, *, noise: int = 18, pepper: float = 0.002, blur: float = 0.0,
                   skew: float = 0.0) -> Image.Image:
    """Mild scanner damage: uniform gray noise, pepper dots, blur and a small rotation (all seeded)."""
    out = im.convert("L")
    if skew:
        out = out.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    raw = Image.frombytes("L", out.size, rng.randbytes(out.width * out.height))
    if noise:
        # Noise in [-noise, +noise]: add (v mod 2n+1) then shift down by n.
        out = ImageChops.add(out, raw.point(lambda v: v % (2 * noise + 1)), 1.0, -noise)
    if pepper:
        cut = max(1, round(256 * pepper))
        out = ImageChops.subtract(out, raw.point(lambda v: 255 if v < cut else 0))
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    return out


def images_to_pdf(images: list[Image.Image], out: Path, quality: int = 60) -> None:
    """An image-only ("scanned") PDF: one JPEG per Letter page, no text layer."""
    canvas = Canvas(str(out), pagesize=letter, invariant=1)
    canvas.setAuthor("docintake samples generator (synthetic data)")
    for im in images:
        buf = io.BytesIO()
        im.convert("L").save(buf, format="JPEG", quality=quality)
        buf.seek(0)
        canvas.drawImage(ImageReader(buf), 0, 0, width=letter[0], height=letter[1])
        canvas.showPage()
    canvas.save()


def mixed_pdf(text_pdf: Path, scanned_pdf: Path, image_page: int, out: Path) -> None:
    """Text pages from one PDF with page ``image_page`` (0-based) taken from its scanned twin."""
    text, scanned = PdfReader(text_pdf), PdfReader(scanned_pdf)
    writer = PdfWriter()
    for i, page in enumerate(text.pages):
        writer.add_page(scanned.pages[i] if i == image_page else page)
    with out.open("wb") as fh:
        writer.write(fh)


def save_image(im: Image.Image, out: Path, kind: str) -> None:
    """Save one page image as png, jpeg, jpeg with EXIF orientation 6 or 8, upside-down jpeg, bmp or 1-bit bmp."""
    if kind == "png":
        im.save(out, format="PNG", dpi=(SCAN_DPI, SCAN_DPI), optimize=True)
    elif kind == "jpeg":
        im.save(out, format="JPEG", quality=78, dpi=(SCAN_DPI, SCAN_DPI))
    elif kind in ("jpeg_exif6", "jpeg_exif8"):
        # Phones store the sensor's pixels and say in EXIF how to turn them: 6 = turn 90° clockwise to view.
        stored = im.transpose(Image.Transpose.ROTATE_90 if kind == "jpeg_exif6" else Image.Transpose.ROTATE_270)
        exif = Image.Exif()
        exif[0x0112] = 6 if kind == "jpeg_exif6" else 8
        stored.save(out, format="JPEG", quality=78, dpi=(SCAN_DPI, SCAN_DPI), exif=exif.tobytes())
    elif kind == "jpeg_upside_down":
        im.transpose(Image.Transpose.ROTATE_180).save(out, format="JPEG", quality=78, dpi=(SCAN_DPI, SCAN_DPI))
    elif kind == "bmp":
        small = im.resize((im.width * 4 // 5, im.height * 4 // 5), Image.Resampling.LANCZOS)
        small.save(out, format="BMP", dpi=(120, 120))
    elif kind == "bmp_1bit":
        im.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE).save(
            out, format="BMP", dpi=(SCAN_DPI, SCAN_DPI))
    else:
        raise ValueError(kind)
