"""Tiny synthetic documents in every accepted format, built in memory for tests (no real patient data)."""

from __future__ import annotations

import io
import zipfile

from PIL import Image, ImageDraw, ImageFont

SAMPLE_LINES = ("Member ID: W123456789", "DOB: 01/05/1960", "Ref #: PA1234567897")
_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_bytes(lines: tuple[str, ...] = SAMPLE_LINES, pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter, invariant=1)
    for _ in range(pages):
        y = 720
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()
    return out.getvalue()


def page_image(lines: tuple[str, ...] = SAMPLE_LINES, size: tuple[int, int] = (1275, 1650)) -> Image.Image:
    """A white letter page at 150 dpi with the lines in a large font (OCR reads it reliably)."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    try:
        font: ImageFont.ImageFont | ImageFont.FreeTypeFont = ImageFont.truetype(_FONT, 36)
    except OSError:
        font = ImageFont.load_default()
    y = 120
    for line in lines:
        draw.text((100, y), line, fill=0, font=font)
        y += 70
    return image


def image_bytes(fmt: str, image: Image.Image | None = None) -> bytes:
    out = io.BytesIO()
    (image or page_image()).save(out, format=fmt)
    return out.getvalue()


def docx_bytes(lines: tuple[str, ...] = SAMPLE_LINES) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows: tuple[tuple[str, ...], ...] = (("Member ID", "W123456789"), ("DOB", "01/05/1960"))) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes() -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Request")
    sheet.write(0, 0, "Member ID")
    sheet.write(0, 1, "W123456789")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rtf_bytes() -> bytes:
    return b"{\\rtf1\\ansi\\ansicpg1252 Member ID: W123456789\\par DOB: 01/05/1960\\par}"


def xps_bytes() -> bytes:
    """A one-page XPS package with one line of glyphs."""
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="fdseq" ContentType="application/vnd.ms-package.xps-fixeddocumentsequence+xml"/>'
            '<Default Extension="fdoc" ContentType="application/vnd.ms-package.xps-fixeddocument+xml"/>'
            '<Default Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="R0" Type="http://schemas.microsoft.com/xps/2005/06/fixedrepresentation" '
            'Target="/FixedDocumentSequence.fdseq"/></Relationships>'
        ),
        "FixedDocumentSequence.fdseq": (
            '<FixedDocumentSequence xmlns="http://schemas.microsoft.com/xps/2005/06">'
            '<DocumentReference Source="/Documents/1/FixedDocument.fdoc"/></FixedDocumentSequence>'
        ),
        "Documents/1/FixedDocument.fdoc": (
            '<FixedDocument xmlns="http://schemas.microsoft.com/xps/2005/06">'
            '<PageContent Source="/Documents/1/Pages/1.fpage"/></FixedDocument>'
        ),
        "Documents/1/Pages/1.fpage": (
            '<FixedPage xmlns="http://schemas.microsoft.com/xps/2005/06" Width="816" Height="1056" xml:lang="en-US">'
            '<Glyphs Fill="#ff000000" FontUri="/Resources/font.odttf" FontRenderingEmSize="14" '
            'OriginX="96" OriginY="120" UnicodeString="Member ID: W123456789"/></FixedPage>'
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(inflated_bytes: int = 64 * 1024 * 1024) -> bytes:
    """A docx whose extra member inflates from a few KB to ``inflated_bytes`` of zeros."""
    base = io.BytesIO(docx_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        with dst.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                member.write(chunk)
    return out.getvalue()
