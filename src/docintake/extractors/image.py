"""Image readers: faxes as TIFF (every frame, G3/G4, non-square pixels), and PNG, JPEG and BMP pages."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from docintake.errors import Corrupt, TooManyPages, TooManyPixels
from docintake.extractors.ocr import credible_dpi, ocr_page, square_pixels
from docintake.extractors.registry import ReadContext, Reader
from docintake.model import Page

# Fax page widths in pixels (ITU-T T.4: A4, B4, A3 at 8 dots/mm) and the resolutions a fax is sent at.
_FAX_WIDTHS = (1728, 2048, 2432)
_FAX_XDPI, _FAX_FINE_YDPI, _FAX_STANDARD_YDPI = 204.0, 196.0, 98.0
# Standard mode halves the line count: a letter or A4 page is then wider than tall (1728×1078 → 0.62).
_STANDARD_MODE_MAX_ASPECT = 0.9


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Our own pixel limit (checked next, before any decoding) is the one that counts.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise TooManyPixels("the image's declared size is far beyond any page") from exc
    except UnidentifiedImageError as exc:
        raise Corrupt("the image data is not readable") from exc


def _check_pixels(image: Image.Image, ctx: ReadContext) -> None:
    # Image.open only parses the header: the size is known, nothing is decoded yet.
    if image.width * image.height > ctx.max_page_pixels:
        raise TooManyPixels(f"{image.width}x{image.height} pixels; the limit is {ctx.max_page_pixels}")


def _dpi(image: Image.Image) -> tuple[float | None, float | None]:
    raw = image.info.get("dpi")
    if not raw:
        return None, None
    return credible_dpi(raw[0]), credible_dpi(raw[1])


def _fax_resolution(image: Image.Image) -> tuple[float | None, float | None]:
    """A frame's (x, y) dpi: its own tags when credible, else inferred from fax page geometry."""
    xdpi, ydpi = _dpi(image)
    if xdpi and ydpi:
        return xdpi, ydpi
    if image.width in _FAX_WIDTHS:
        standard = image.height / image.width < _STANDARD_MODE_MAX_ASPECT
        return _FAX_XDPI, _FAX_STANDARD_YDPI if standard else _FAX_FINE_YDPI
    dpi = xdpi or ydpi  # one credible value: take the pixels as square
    return dpi, dpi


def _frame_page(frame: Image.Image, ctx: ReadContext, number: int) -> Page:
    xdpi, ydpi = _fax_resolution(frame)
    if xdpi and ydpi:
        width_pt, height_pt = frame.width * 72 / xdpi, frame.height * 72 / ydpi
        frame = square_pixels(frame, xdpi, ydpi)
    else:
        width_pt = height_pt = None
    return ocr_page(frame, ctx, number, width_pt=width_pt, height_pt=height_pt)


def read_tiff(data: bytes, ctx: ReadContext) -> list[Page]:
    """Every frame of a (fax) TIFF, OCR'd after squaring its pixels; pages are counted before any OCR."""
    with _open(data) as image:
        frames = getattr(image, "n_frames", 1)  # walks the IFD chain; decodes nothing
        if frames > ctx.max_pages:
            raise TooManyPages(f"{frames} pages; the limit is {ctx.max_pages}")
        pages: list[Page] = []
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            _check_pixels(frame, ctx)
            # One decoded frame at a time: a 100-page fax never sits in memory whole.
            pages.append(_frame_page(frame.copy(), ctx, number))
        return pages


def read_picture(data: bytes, ctx: ReadContext) -> list[Page]:
    """A single-page PNG, JPEG or BMP, turned as its EXIF orientation says, then upright by OCR."""
    with _open(data) as image:
        _check_pixels(image, ctx)
        upright = ImageOps.exif_transpose(image)
        xdpi, ydpi = _dpi(upright)
        if xdpi and ydpi:
            width_pt, height_pt = upright.width * 72 / xdpi, upright.height * 72 / ydpi
            upright = square_pixels(upright, xdpi, ydpi)
        else:
            width_pt = height_pt = None
        return [ocr_page(upright, ctx, 1, width_pt=width_pt, height_pt=height_pt)]


READERS: tuple[Reader, ...] = (
    Reader("tiff", ("image/tiff",), read_tiff),
    Reader("png", ("image/png",), read_picture),
    Reader("jpeg", ("image/jpeg",), read_picture),
    Reader("bmp", ("image/bmp",), read_picture),
)
