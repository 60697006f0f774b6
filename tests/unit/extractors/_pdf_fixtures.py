"""Synthetic PDFs and fax images for the reader tests, built in memory (no real patient data)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FAX_LINES = (
    "PRIOR AUTHORIZATION REQUEST",
    "Member ID: W123456789",
    "Date of Birth: 01/05/1960",
    "Requesting NPI: 1234567893",
)


def _pdf(draw_pages: list, encrypt: object = None, pagesize: tuple[float, float] = letter) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=pagesize, invariant=1, encrypt=encrypt)
    for draw in draw_pages:
        draw(c)
        c.showPage()
    c.save()
    return out.getvalue()


def text_page(lines: tuple[str, ...], x: float = 72, top: float = 720, size: float = 12):
    """A page drawer writing lines from (x, top) downwards."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", size)
        for i, line in enumerate(lines):
            c.drawString(x, top - i * size * 1.6, line)

    return draw


def text_pdf(lines: tuple[str, ...] = FAX_LINES, pages: int = 1, encrypt: object = None) -> bytes:
    return _pdf([text_page(lines)] * pages, encrypt=encrypt)


def rotated_pdf(rotate: int, crop: tuple[float, float, float, float] | None = None,
                origin: tuple[float, float] = (0, 0)) -> bytes:
    """A letter page stored turned in user space and shown upright by /Rotate.

    Shown upright, "TOPLEFT ..." sits near the top-left corner and "BOTRIGHT end" near the bottom-right one.
    ``origin`` moves the MediaBox (and the drawing with it); ``crop`` is a CropBox relative to that origin.
    """
    ox, oy = origin
    user_w, user_h = (792, 612) if rotate in (90, 270) else (612, 792)
    # Upright drawing coordinates (dx, dy: bottom-left origin) -> user space, per rotation.
    a, b, c, d, e, f = {
        0: (1, 0, 0, 1, 0, 0),
        90: (0, 1, -1, 0, user_w, 0),
        180: (-1, 0, 0, -1, user_w, user_h),
        270: (0, -1, 1, 0, 0, user_h),
    }[rotate]
    content = (b"q 1 0 0 1 %g %g cm %d %d %d %d %d %d cm BT /F1 12 Tf 80 700 Td (TOPLEFT marker words here) Tj ET "
               b"BT /F1 12 Tf 400 90 Td (BOTRIGHT end) Tj ET Q" % (ox, oy, a, b, c, d, e, f))
    page = {"size": (user_w, user_h), "origin": origin, "rotate": rotate, "content": content}
    if crop:
        page["crop"] = (crop[0] + ox, crop[1] + oy, crop[2] + ox, crop[3] + oy)
    return raw_pdf([page])


def form_pdf() -> bytes:
    """An AcroForm: labels in the text layer, values in a text field, two checkboxes, a choice, a FreeText note."""

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 11)
        c.drawString(72, 700, "Member ID:")
        c.acroForm.textfield(name="member", value="W123456789", x=160, y=694, width=150, height=20,
                             borderWidth=0, fontSize=10)
        c.drawString(72, 660, "Date of Birth:")
        c.acroForm.textfield(name="dob", value="01/05/1960", x=160, y=654, width=100, height=20,
                             borderWidth=0, fontSize=10)
        c.drawString(72, 620, "Urgent")
        c.acroForm.checkbox(name="urgent", checked=True, x=130, y=616, size=14)
        c.drawString(200, 620, "Routine")
        c.acroForm.checkbox(name="routine", checked=False, x=260, y=616, size=14)
        c.drawString(72, 580, "Setting:")
        c.acroForm.choice(name="setting", value="Outpatient", options=["Inpatient", "Outpatient"], x=160,
                          y=574, width=120, height=20)
        c.drawString(72, 300, "Clinical notes follow on the attached pages of this request.")
        c.freeTextAnnotation("Reviewed PA1234567897", "/Helv 10 Tf 0 g", Rect=(330, 100, 560, 120))

    return _pdf([draw])


def raw_pdf(pages: list[dict]) -> bytes:
    """A hand-built PDF for what reportlab cannot make: CCITT images, /Parent field chains, stamps.

    Each page: {"size": (w, h), "content": bytes, "image": (stream, dict_entries) | None,
    "annots": [dict source strings, "{parent}" replaced by the field object's reference] , "field": str | None}.
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in last
    kids, fields = [], []
    for spec in pages:
        w, h = spec["size"]
        resources = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
        if spec.get("image"):
            stream, entries = spec["image"]
            objects.append(b"<< /Type /XObject /Subtype /Image " + entries + b" /Length %d >>\nstream\n" % len(stream)
                           + stream + b"\nendstream")
            resources += b" /XObject << /Im0 %d 0 R >>" % len(objects)
        content = spec.get("content", b"")
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_ref = len(objects)
        parent_ref = None
        if spec.get("field"):
            objects.append(b"")  # the field, written once its kid is known
            parent_ref = len(objects)
        annot_refs = []
        for annot in spec.get("annots", []):
            objects.append(annot.replace("{parent}", f"{parent_ref} 0 R").encode())
            annot_refs.append(len(objects))
        if parent_ref:
            kids_refs = " ".join(f"{r} 0 R" for r in annot_refs)
            objects[parent_ref - 1] = f"{spec['field']} /Kids [{kids_refs}] >>".encode()
            fields.append(parent_ref)
        annots = b" /Annots [" + b" ".join(b"%d 0 R" % r for r in annot_refs) + b"]" if annot_refs else b""
        ox, oy = spec.get("origin", (0, 0))
        boxes = b"/MediaBox [%g %g %g %g] /Rotate %d" % (ox, oy, ox + w, oy + h, spec.get("rotate", 0))
        if spec.get("crop"):
            boxes += b" /CropBox [%g %g %g %g]" % spec["crop"]
        objects.append(b"<< /Type /Page /Parent 2 0 R " + boxes + b" /Resources << " + resources
                       + b" >> /Contents %d 0 R" % content_ref + annots + b" >>")
        kids.append(len(objects))
    acroform = b" /AcroForm << /Fields [" + b" ".join(b"%d 0 R" % f for f in fields) + b"] >>" if fields else b""
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R" + acroform + b" >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % off for off in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def page_picture(lines: tuple[str, ...] = FAX_LINES, size: tuple[int, int] = (1275, 1650), font_px: int = 34,
                 mode: str = "L") -> Image.Image:
    """A white letter page at 150 dpi with the lines in the top-left area, large enough to read reliably."""
    image = Image.new(mode, size, 255 if mode in ("L", "1") else "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_px)
    for i, line in enumerate(lines):
        draw.text((100, 120 + i * font_px * 2), line, fill=0, font=font)
    return image


def ccitt_strip(image: Image.Image) -> bytes:
    """The G4 (T.6) data of a 1-bit image, as a PDF /CCITTFaxDecode stream holds it."""
    out = io.BytesIO()
    image.convert("1").save(out, format="TIFF", compression="group4", tiffinfo={278: image.height})
    tiff = Image.open(io.BytesIO(out.getvalue()))
    offset, count = tiff.tag_v2[273], tiff.tag_v2[279]
    offset = offset[0] if isinstance(offset, tuple) else offset
    count = count[0] if isinstance(count, tuple) else count
    return out.getvalue()[offset : offset + count]


def scanned_page(image: Image.Image, size: tuple[float, float] = letter) -> dict:
    """A raw_pdf page that is one CCITT G4 image covering the whole page, as fax servers write them."""
    w, h = size
    entries = (b"/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
               b"/DecodeParms << /K -1 /Columns %d /Rows %d >>" % (image.width, image.height, image.width,
                                                                  image.height))
    return {"size": size, "content": b"q %g 0 0 %g 0 0 cm /Im0 Do Q" % (w, h), "image": (ccitt_strip(image), entries)}


def ghostscript_fax(pdf: bytes, device: str, resolution: str) -> bytes:
    """A real fax TIFF: Ghostscript's tiffg3/tiffg4 device at a fax resolution such as "204x98"."""
    gs = shutil.which("gs")
    assert gs, "ghostscript is needed"
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in.pdf"), Path(tmp, "out.tif")
        src.write_bytes(pdf)
        subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", f"-sDEVICE={device}", f"-r{resolution}",
                        f"-sOutputFile={dst}", str(src)], check=True, timeout=60)
        return dst.read_bytes()
