"""PDF reader: the text layer (pdfplumber) where there is one, OCR where there is not, page by page.

Form field values and annotations are read from the PDF's structure on every page and merged into its lines.
Coordinates go through one frame per page: user space -> the displayed page (CropBox, /Rotate) -> fractions.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps

from docintake.errors import Corrupt, Encrypted, TooManyPages, TooManyPixels
from docintake.extractors.ocr import credible_dpi, ocr_page, square_pixels, turn_box
from docintake.extractors.pdf_forms import page_values, split_value
from docintake.extractors.registry import ReadContext, Reader
from docintake.model import BBox, Page, PageSource, Word

log = logging.getLogger(__name__)

# A page is "one scanned image" when a single image covers this much of it and other images almost nothing.
_IMAGE_PAGE_COVERAGE = 0.85
_OTHER_IMAGES_COVERAGE = 0.05
_AXIS_TOLERANCE = 0.01  # relative shear/rotation under which an image counts as axis-aligned


@dataclass(frozen=True, slots=True)
class _Frame:
    """How a page is displayed: its CropBox (clipped to the MediaBox) turned by /Rotate, top-left origin."""

    media: tuple[float, float, float, float]
    crop: tuple[float, float, float, float]
    rotate: int

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.crop[2] - self.crop[0], self.crop[3] - self.crop[1]
        return (h, w) if self.rotate in (90, 270) else (w, h)

    def display(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point on the displayed page (points, top-left origin)."""
        cx0, cy0, cx1, cy1 = self.crop
        w, h = cx1 - cx0, cy1 - cy0
        u, v = x - cx0, cy1 - y
        if self.rotate == 90:
            return h - v, u
        if self.rotate == 180:
            return w - u, h - v
        if self.rotate == 270:
            return v, w - u
        return u, v

    def from_plumber(self, px: float, top: float) -> tuple[float, float]:
        """A point in pdfplumber's page coordinates, back in user space.

        pdfplumber measures from the MediaBox turned by pdfminer's rotation matrix and ignores the CropBox.
        """
        x0, y0, x1, y1 = self.media
        a0, b0, b1 = (y0, x0, x1) if self.rotate in (90, 270) else (x0, y0, y1)
        xd, yd = px - a0, b1 - 2 * b0 - top
        if self.rotate == 90:
            return x1 - yd, xd + y0
        if self.rotate == 180:
            return x1 - xd, y1 - yd
        if self.rotate == 270:
            return yd + x0, y1 - xd
        return xd + x0, yd + y0

    def box(self, corners: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
        """The displayed rectangle (points) around user-space points."""
        pts = [self.display(x, y) for x, y in corners]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs), max(ys)

    def fraction(self, rect: tuple[float, float, float, float]) -> BBox | None:
        """A displayed rectangle as fractions of the page; None when its centre lies off the page."""
        w, h = self.size
        cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
        if not (0 <= cx <= w and 0 <= cy <= h):
            return None
        return BBox.from_points(*rect, w, h)


def _frame(page_obj: object) -> _Frame:
    media = _normalized(page_obj.mediabox)  # type: ignore[attr-defined]
    crop = _normalized(page_obj.cropbox or media)  # type: ignore[attr-defined]
    crop = (max(crop[0], media[0]), max(crop[1], media[1]), min(crop[2], media[2]), min(crop[3], media[3]))
    if crop[2] <= crop[0] or crop[3] <= crop[1]:
        crop = media
    rotate = page_obj.rotate % 360  # type: ignore[attr-defined]
    return _Frame(media, crop, rotate if rotate in (0, 90, 180, 270) else 0)


def _normalized(box: object) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)  # type: ignore[attr-defined]
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


# ---- lines -------------------------------------------------------------------------------------------------


def _lines(tokens: list[tuple[str, BBox, float]]) -> tuple[Word, ...]:
    """Words with line indices: grouped by vertical position, lines top to bottom, words left to right.

    A word joins the line whose centre is nearest to its own, within half the taller of the two heights:
    a form field's tall box still lands on its label's line, and stacked lines stay apart.
    """
    lines: list[tuple[float, float, list[tuple[str, BBox, float]]]] = []  # centre, height, members
    for token in sorted(tokens, key=lambda t: ((t[1].y0 + t[1].y1) / 2, t[1].x0)):
        box = token[1]
        centre, height = (box.y0 + box.y1) / 2, box.y1 - box.y0
        best = min(lines[-3:], key=lambda ln: abs(ln[0] - centre), default=None)
        if best is not None and abs(best[0] - centre) <= max(best[1], height) / 2:
            best[2].append(token)
        else:
            lines.append((centre, height, [token]))
    words: list[Word] = []
    for index, (_, _, members) in enumerate(sorted(lines, key=lambda ln: ln[0])):
        words.extend(Word(text, box, conf, index) for text, box, conf in sorted(members, key=lambda t: t[1].x0))
    return tuple(words)


def _text(words: tuple[Word, ...]) -> str:
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    return "\n".join(" ".join(lines[i]) for i in sorted(lines))


# ---- text layer and form values ----------------------------------------------------------------------------


def _text_layer(page: pdfplumber.page.Page, frame: _Frame) -> list[tuple[str, BBox, float]]:
    tokens = []
    for w in page.extract_words(keep_blank_chars=False, use_text_flow=False):
        corners = (frame.from_plumber(w["x0"], w["top"]), frame.from_plumber(w["x1"], w["bottom"]))
        box = frame.fraction(frame.box(corners))
        if box is not None:  # words outside the CropBox are not on the page anyone sees
            tokens.append((w["text"], box, 1.0))
    return tokens


def _form_tokens(page: pdfplumber.page.Page, frame: _Frame) -> list[tuple[str, BBox, float]]:
    tokens = []
    width, height = frame.size
    aspect = height / width if width > 0 and height > 0 else None
    for value in page_values(page.page_obj.annots):
        x0, y0, x1, y1 = value.rect
        box = frame.fraction(frame.box(((x0, y0), (x1, y1))))
        if box is not None:
            tokens.extend((word, word_box, 1.0) for word, word_box in split_value(value.lines, box, aspect))
    return tokens


# ---- OCR ---------------------------------------------------------------------------------------------------

# PIL transposes that bring an image's pixel axes onto the displayed page's, keyed by where the image's
# x axis and y axis (rows downwards) point on the page: (+1 = right/down, -1 = left/up; "x"/"y" = which axis).
_ALIGN = {
    (("x", 1), ("y", 1)): None,
    (("x", -1), ("y", 1)): Image.Transpose.FLIP_LEFT_RIGHT,
    (("x", 1), ("y", -1)): Image.Transpose.FLIP_TOP_BOTTOM,
    (("x", -1), ("y", -1)): Image.Transpose.ROTATE_180,
    (("y", 1), ("x", 1)): Image.Transpose.TRANSPOSE,
    (("y", -1), ("x", 1)): Image.Transpose.ROTATE_90,
    (("y", 1), ("x", -1)): Image.Transpose.ROTATE_270,
    (("y", -1), ("x", -1)): Image.Transpose.TRANSVERSE,
}


@dataclass(frozen=True, slots=True)
class _PlacedImage:
    obj: pdfium.PdfImage
    rect: tuple[float, float, float, float]  # displayed, points
    align: Image.Transpose | None


def _axis(vector: tuple[float, float]) -> tuple[str, int] | None:
    dx, dy = vector
    if abs(dy) <= _AXIS_TOLERANCE * abs(dx):
        return ("x", 1 if dx > 0 else -1)
    if abs(dx) <= _AXIS_TOLERANCE * abs(dy):
        return ("y", 1 if dy > 0 else -1)
    return None


def _placed(obj: pdfium.PdfImage, frame: _Frame) -> _PlacedImage | None:
    """Where an image lies on the displayed page, and how to turn its pixels to match; None if skewed."""
    m = obj.get_matrix()

    def at(s: float, t: float) -> tuple[float, float]:
        return frame.display(m.a * s + m.c * t + m.e, m.b * s + m.d * t + m.f)

    # Image rows run from the top of its unit square (t = 1) down.
    top_left, top_right, bottom_left = at(0, 1), at(1, 1), at(0, 0)
    x_axis = _axis((top_right[0] - top_left[0], top_right[1] - top_left[1]))
    y_axis = _axis((bottom_left[0] - top_left[0], bottom_left[1] - top_left[1]))
    if x_axis is None or y_axis is None or (x_axis, y_axis) not in _ALIGN:
        return None
    corners = ((m.e, m.f), (m.a + m.e, m.b + m.f), (m.c + m.e, m.d + m.f), (m.a + m.c + m.e, m.b + m.d + m.f))
    return _PlacedImage(obj, frame.box(corners), _ALIGN[(x_axis, y_axis)])


def _coverage(rect: tuple[float, float, float, float], frame: _Frame) -> float:
    w, h = frame.size
    iw = max(0.0, min(rect[2], w) - max(rect[0], 0.0))
    ih = max(0.0, min(rect[3], h) - max(rect[1], 0.0))
    return iw * ih / (w * h)


def _page_image(pdf_page: pdfium.PdfPage, frame: _Frame) -> _PlacedImage | None:
    """The one image that makes up a scanned page, or None (several images, vector art, skewed placement)."""
    images = []
    for obj in pdf_page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1):
        placed = _placed(obj, frame)
        if placed is None:
            return None
        images.append((_coverage(placed.rect, frame), placed))
    if not images:
        return None
    images.sort(key=lambda pair: pair[0], reverse=True)
    (coverage, main), others = images[0], images[1:]
    if coverage < _IMAGE_PAGE_COVERAGE or sum(c for c, _ in others) > _OTHER_IMAGES_COVERAGE:
        return None
    return main


def _check_pixels(width: float, height: float, ctx: ReadContext) -> None:
    if width * height > ctx.max_page_pixels:
        raise TooManyPixels(f"{round(width)}x{round(height)} pixels; the limit is {ctx.max_page_pixels}")


def _bitmap(placed: _PlacedImage, ctx: ReadContext) -> Image.Image:
    """The image's own pixels (decoded by PDFium: CCITT, JBIG2, DCT, Flate), turned to lie as displayed."""
    width, height = placed.obj.get_px_size()
    _check_pixels(width, height, ctx)
    one_bit = placed.obj.get_metadata().bits_per_pixel == 1
    bitmap = placed.obj.get_bitmap(render=False)
    image = bitmap.to_pil()
    # PDFium hands 1-bit scans over as 8-bit grey; 1-bit again keeps Tesseract's input small and fast.
    # Either way the image is detached from PDFium's buffer, freed as soon as the bitmap is unreferenced.
    image = image.convert("1", dither=Image.Dither.NONE) if image.mode == "L" and one_bit else image.copy()
    del bitmap
    if placed.align is not None:
        image = image.transpose(placed.align)
    histogram = image.histogram() if image.mode in ("1", "L") else image.convert("L").histogram()
    if sum(histogram[:128]) > image.width * image.height / 2:
        # Stencil masks and /Decode [1 0] come out inverted when not rendered: a page is mostly paper.
        image = ImageOps.invert(image.convert("L"))
        image = image.convert("1", dither=Image.Dither.NONE) if one_bit else image
    return image


def _ocr_image(placed: _PlacedImage, frame: _Frame, ctx: ReadContext, number: int) -> Page:
    image = _bitmap(placed, ctx)
    x0, y0, x1, y1 = placed.rect
    xdpi, ydpi = credible_dpi(image.width * 72 / (x1 - x0)), credible_dpi(image.height * 72 / (y1 - y0))
    if xdpi and ydpi:
        image = square_pixels(image, xdpi, ydpi)  # fax servers embed standard-mode (204×98) pages as is
    read = ocr_page(image, ctx, number, width_pt=x1 - x0, height_pt=y1 - y0)
    w, h = frame.size
    undo = (360 - read.rotation) % 360
    words = []
    for word in read.words:
        if word.bbox is None:
            continue
        b = turn_box(word.bbox, undo)  # back to the image as displayed, then onto the page, then upright
        on_page = BBox.from_points(x0 + b.x0 * (x1 - x0), y0 + b.y0 * (y1 - y0), x0 + b.x1 * (x1 - x0),
                                   y0 + b.y1 * (y1 - y0), w, h)
        words.append(Word(word.text, turn_box(on_page, read.rotation), word.confidence, word.line))
    size = (h, w) if read.rotation in (90, 270) else (w, h)
    return Page(number, tuple(words), read.text, PageSource.OCR, size[0], size[1], read.rotation)


def _ocr_render(pdf_page: pdfium.PdfPage, frame: _Frame, ctx: ReadContext, number: int) -> Page:
    w, h = frame.size
    scale = ctx.ocr_render_dpi / 72
    _check_pixels(w * scale, h * scale, ctx)
    # Annotations and form fields are read from the structure; rendering them too would read them twice.
    bitmap = pdf_page.render(scale=scale, grayscale=True, draw_annots=False, may_draw_forms=False)
    return ocr_page(bitmap.to_pil(), ctx, number, width_pt=w, height_pt=h)


# ---- the reader --------------------------------------------------------------------------------------------


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)  # no password: owner-password-only files open, as in any viewer
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise Encrypted("a password is needed to open it") from exc
        raise Corrupt(f"the PDF structure is damaged (PDFium error {exc.err_code})") from exc


def _read_page(page: pdfplumber.page.Page, pdf_page: pdfium.PdfPage, ctx: ReadContext, number: int) -> Page:
    frame = _frame(page.page_obj)
    text = _text_layer(page, frame)
    extra = _form_tokens(page, frame)
    if sum(len(t[0]) for t in text) >= ctx.ocr_min_text_chars:
        words = _lines(text + extra)
        w, h = frame.size
        return Page(number, words, _text(words), PageSource.TEXT_LAYER, round(w, 2), round(h, 2))
    placed = _page_image(pdf_page, frame)
    if placed is not None:
        read = _ocr_image(placed, frame, ctx, number)
        extra += text  # a scan with a few words of real text (a fax server's header line)
    else:
        read = _ocr_render(pdf_page, frame, ctx, number)
    if not extra:
        return read
    turned = [(t, turn_box(b, read.rotation), c) for t, b, c in extra]
    words = _lines([(w.text, w.bbox, w.confidence) for w in read.words if w.bbox] + turned)
    return Page(number, words, _text(words), PageSource.OCR, read.width_pt, read.height_pt, read.rotation)


def read_pdf(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of a PDF; the page count is checked before any page is read."""
    doc = _open(data)
    try:
        count = len(doc)
        if count > ctx.max_pages:
            raise TooManyPages(f"{count} pages; the limit is {ctx.max_pages}")
        pages: list[Page] = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) != count:
                raise Corrupt("the PDF's page tree is inconsistent")
            for index in range(count):
                page, pdf_page = pdf.pages[index], doc[index]
                try:
                    pages.append(_read_page(page, pdf_page, ctx, index + 1))
                finally:
                    # Parsed layouts and PDFium pages are freed page by page: a 25 MB PDF stays small.
                    page.close()
                    pdf_page.close()
        return pages
    finally:
        doc.close()


READERS: tuple[Reader, ...] = (Reader("pdf", ("application/pdf",), read_pdf),)
