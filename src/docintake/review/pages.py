"""Page images for the review UI: rendered once from the stored original, then kept beside it.

The boxes of extracted fields are fractions of the upright page the reader saw, so each image is that page:
PDF pages as pdfium draws them (CropBox and /Rotate applied, as the reader maps its boxes), fax and picture
frames with their pixels squared and turned as OCR turned them. Formats without pixels of their own (XPS, and
the flow formats txt/doc/docx/rtf/xls/xlsx) are drawn from the words the reader found: at their boxes for XPS,
as lines of text for flow formats (a flow format has no page geometry, so its fields carry no box).
"""

from __future__ import annotations

import functools
import io
import json
import logging
import threading
from collections.abc import Sequence

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont, ImageOps, ImageSequence

from docintake.extractors.image import _fax_resolution
from docintake.extractors.ocr import square_pixels
from docintake.model import Page
from docintake.review.locate import FONT_PX, LAYOUT_VERSION, WIDTH, FlowLayout
from docintake.settings import Settings
from docintake.storage.blobs import BlobStore, derived_key

log = logging.getLogger(__name__)

_TURN = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
FLOW_FORMATS = frozenset({"txt", "doc", "docx", "rtf", "xls", "xlsx"})
_FONT_CANDIDATES = ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf")


class PageNotFound(LookupError):
    """No such page in this document (or no stored original)."""


class PageRenderer:
    """Page images of stored originals, cached in the blob store beside them: ``<sha256>/page-0001.png``, or
    ``.jpg`` for photographs (a grey photo as PNG is a megabyte; as JPEG a tenth of that)."""

    def __init__(self, blobs: BlobStore, settings: Settings) -> None:
        self.blobs = blobs
        self.settings = settings
        self._lock = threading.Lock()  # one render at a time per process: each may hold a page of pixels

    def image(self, blob_key: str | None, sha256: str, fmt: str | None, mime: str | None, number: int,
              rotations: Sequence[int] = ()) -> tuple[bytes, str]:
        """(the image, its media type) of page ``number``; PageNotFound past the last page."""
        if blob_key is None or number < 1:
            raise PageNotFound(number)
        photo = fmt == "jpeg"
        # A flow page's image is drawn by our own layout, which the highlight boxes follow (locate.py): its name
        # carries the layout's version, so a changed layout never meets an image drawn by the old one.
        layout = f".{LAYOUT_VERSION}" if fmt in FLOW_FORMATS else ""
        name = f"page-{number:04d}{layout}.{'jpg' if photo else 'png'}"
        media = "image/jpeg" if photo else "image/png"
        key = derived_key(sha256, name)
        if self.blobs.exists(key):
            return self.blobs.get(key), media
        with self._lock:
            if self.blobs.exists(key):
                return self.blobs.get(key), media
            image = self._render(self.blobs.get(blob_key), fmt or "", mime or "", number)
            turn = rotations[number - 1] if number <= len(rotations) else 0
            if turn in _TURN:
                image = image.transpose(_TURN[turn])
            data = _encode(image, photo)
            self.blobs.put_derived(sha256, name, data)
            log.info("rendered page %d of %s (%d bytes)", number, sha256[:12], len(data))
            return data, media

    def _render(self, data: bytes, fmt: str, mime: str, number: int) -> Image.Image:
        if fmt == "pdf":
            return _pdf_page(data, number)
        if fmt == "tiff":
            return _tiff_page(data, number)
        if fmt in ("png", "jpeg", "bmp"):
            if number != 1:
                raise PageNotFound(number)
            with Image.open(io.BytesIO(data)) as image:
                upright = ImageOps.exif_transpose(image)
                dpi = upright.info.get("dpi")
                if dpi and dpi[0] and dpi[1]:
                    upright = square_pixels(upright, float(dpi[0]), float(dpi[1]))
                return _fit(upright)
        return self._from_words(data, fmt, mime, number)

    def flow_texts(self, blob_key: str, sha256: str, mime: str) -> list[str]:
        """The page texts of a flow-format original as the reader has them, read once and kept beside it."""
        key = derived_key(sha256, "flow-pages.json")
        if self.blobs.exists(key):
            return list(json.loads(self.blobs.get(key)))
        texts = [page.text for page in self._read(self.blobs.get(blob_key), mime)]
        self.blobs.put_derived(sha256, "flow-pages.json", json.dumps(texts).encode("utf-8"))
        return texts

    def _read(self, data: bytes, mime: str) -> tuple[Page, ...]:
        from docintake.extractors.registry import ReadContext, builtin_registry

        return builtin_registry().read(data, mime, ReadContext.from_settings(self.settings))

    def _from_words(self, data: bytes, fmt: str, mime: str, number: int) -> Image.Image:
        pages = self._read(data, mime)
        if not 1 <= number <= len(pages):
            raise PageNotFound(number)
        page = pages[number - 1]
        if fmt in FLOW_FORMATS or not all(w.bbox for w in page.words):
            return _text_image(page.text)
        width = WIDTH
        ratio = (page.height_pt / page.width_pt) if page.width_pt and page.height_pt else 11 / 8.5
        image = Image.new("L", (width, round(width * ratio)), 255)
        draw = ImageDraw.Draw(image)
        for word in page.words:
            box = word.bbox
            assert box is not None
            height = max(6, round((box.y1 - box.y0) * image.height * 0.9))
            draw.text((box.x0 * width, box.y0 * image.height), word.text, fill=0, font=_font(height))
        return image


def _pdf_page(data: bytes, number: int) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= number <= len(pdf):
            raise PageNotFound(number)
        page = pdf[number - 1]
        try:
            scale = WIDTH / max(page.get_width(), 1.0)
            return page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()
    finally:
        pdf.close()


def _tiff_page(data: bytes, number: int) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if index == number:
                xdpi, ydpi = _fax_resolution(frame)
                page = frame.copy()
                if xdpi and ydpi:
                    page = square_pixels(page, xdpi, ydpi)
                return _fit(page)
    raise PageNotFound(number)


def _fit(image: Image.Image) -> Image.Image:
    grey = image.convert("L")
    if grey.width <= WIDTH:
        return grey
    return grey.resize((WIDTH, round(grey.height * WIDTH / grey.width)), Image.Resampling.LANCZOS)


def _encode(image: Image.Image, photo: bool) -> bytes:
    out = io.BytesIO()
    if photo:
        image.save(out, format="JPEG", quality=80, optimize=True)
    else:
        image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@functools.lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A font at a pixel size, loaded once (an XPS page asks for one per word's height)."""
    for path in _FONT_CANDIDATES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def _text_image(text: str) -> Image.Image:
    """A flow page's text as the reader has it, row by row (locate.FlowLayout: the same rows the highlight uses)."""
    layout = FlowLayout(text)
    font = _font(FONT_PX)
    image = Image.new("L", (WIDTH, layout.height), 255)
    draw = ImageDraw.Draw(image)
    for number, row in enumerate(layout.rows):
        draw.text(layout.row_origin(number), row.text, fill=0, font=font)
    return image
