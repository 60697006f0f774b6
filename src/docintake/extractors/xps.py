"""Reader for XPS and OpenXPS: words from Glyphs with their page positions; image-only pages are OCR'd.

XPS units are 1/96 inch. A Glyphs element draws its UnicodeString from a baseline origin; character advances
come from its Indices (hundredths of an em) or, without them, an estimate of half an em (the font is never
read). Boxes are the glyph run's positions composed with every enclosing RenderTransform.
"""

from __future__ import annotations

import io
import logging
import math
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from PIL import Image, UnidentifiedImageError

from docintake.errors import Corrupt, Encrypted, SuspiciousArchive, TooManyPages, TooManyPixels
from docintake.extractors.ocr import ocr_page
from docintake.extractors.pages import text_from_lines
from docintake.extractors.registry import ReadContext, Reader
from docintake.intake.sniff import MIME_BY_FORMAT
from docintake.model import BBox, Page, PageSource, Word

log = logging.getLogger(__name__)

MAX_XML_PART = 16 * 1024 * 1024  # a dense real page is a few hundred KB of markup
MAX_IMAGE_PART = 64 * 1024 * 1024
_PT_PER_UNIT = 72 / 96
_EM_ESTIMATE = 0.5  # advance of a character when Indices gives none
_ASCENT, _DESCENT = 0.8, 0.2  # of the em, above and below the baseline
_MIN_IMAGE_AREA = 0.05  # of the page: smaller images (logos, signatures) are not worth an OCR run
_MAX_IMAGES_PER_PAGE = 4
_LETTER = (816.0, 1056.0)


@dataclass(frozen=True, slots=True)
class Affine:
    """XPS matrix "m11,m12,m21,m22,dx,dy": (x, y) -> (x*m11 + y*m21 + dx, x*m12 + y*m22 + dy)."""

    m11: float = 1.0
    m12: float = 0.0
    m21: float = 0.0
    m22: float = 1.0
    dx: float = 0.0
    dy: float = 0.0

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return x * self.m11 + y * self.m21 + self.dx, x * self.m12 + y * self.m22 + self.dy

    def then(self, outer: Affine) -> Affine:
        """This transform followed by ``outer`` (an element's own transform, then its parent's)."""
        a, b = outer.apply(self.m11, self.m12), outer.apply(self.m21, self.m22)
        dx, dy = outer.apply(self.dx, self.dy)
        ox, oy = outer.dx, outer.dy
        return Affine(a[0] - ox, a[1] - oy, b[0] - ox, b[1] - oy, dx, dy)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """The axis-aligned bounds of the transformed rectangle."""
        xs, ys = zip(*(self.apply(x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))), strict=True)
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(slots=True)
class _Token:
    text: str
    box: tuple[float, float, float, float]  # page units, top-left origin
    size: float  # em height on the page, for gap tolerances
    measured: bool  # its right edge comes from real advances, not the estimate
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class _Image:
    part: str
    viewbox: tuple[float, float, float, float] | None
    to_page: Affine  # maps the image's unit square (fractions of the viewbox) to page units


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", text or "")]


class _Package:
    """Parts of the zip by case-insensitive name (interleaved pieces joined), every read bounded."""

    def __init__(self, data: bytes, ctx: ReadContext) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise Corrupt("the XPS package cannot be opened") from exc
        if sum(info.file_size for info in infos) > ctx.max_archive_bytes:
            raise SuspiciousArchive(f"parts inflate past {ctx.max_archive_bytes} bytes")
        self._infos = {info.filename.lower(): info for info in infos}

    def read(self, part: str, limit: int) -> bytes:
        name = part.lstrip("/").lower()
        names = [n for n in (name, unquote(name)) if n in self._infos]
        infos = [self._infos[names[0]]] if names else self._pieces(name)
        if not infos:
            raise Corrupt("a part the XPS document refers to is missing")
        if sum(info.file_size for info in infos) > limit:
            raise SuspiciousArchive(f"a part is larger than {limit} bytes")
        if any(info.flag_bits & 0x1 for info in infos):
            raise Encrypted("a part of the XPS package is password-protected")
        try:
            return b"".join(self._zip.read(info) for info in infos)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise Corrupt("a part of the XPS package is damaged") from exc

    def _pieces(self, name: str) -> list[zipfile.ZipInfo]:
        found = [(n, info) for n, info in self._infos.items() if n.startswith(name + "/[")]
        return [info for _, info in sorted(found, key=lambda item: int(_numbers(item[0][len(name):])[0]))]

    def xml(self, part: str) -> Any:
        try:
            return SafeET.fromstring(self.read(part, MAX_XML_PART))
        except DefusedXmlException as exc:  # entity declarations: an expansion bomb, never a real page
            raise SuspiciousArchive("a part of the XPS package declares XML entities") from exc
        except SafeET.ParseError as exc:
            raise Corrupt("a part of the XPS package is not well-formed XML") from exc


def _resolve(base: str, ref: str) -> str:
    ref = ref.split("#", 1)[0].strip()
    path = ref if ref.startswith("/") else posixpath.join(posixpath.dirname(base), ref)
    return posixpath.normpath(path)


def page_parts(package: _Package) -> list[str]:
    """Part names of every FixedPage, in document order, following relationships and Source attributes."""
    root = package.xml("_rels/.rels")
    targets = [r.get("Target", "") for r in root if r.get("Type", "").endswith("/fixedrepresentation")]
    if not targets:
        raise Corrupt("the XPS package has no fixed document sequence")
    start = _resolve("/", targets[0])
    top = package.xml(start)
    documents = [start] if _local(top.tag) == "FixedDocument" else [
        _resolve(start, ref.get("Source", "")) for ref in top if _local(ref.tag) == "DocumentReference"
    ]  # fmt: skip
    pages: list[str] = []
    for document in documents:
        for content in package.xml(document):
            if _local(content.tag) == "PageContent" and content.get("Source"):
                pages.append(_resolve(document, content.get("Source", "")))
    return pages


def read_xps(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of an XPS document: text-layer words with boxes; pages with little text but images are OCR'd."""
    package = _Package(data, ctx)
    parts = page_parts(package)
    if len(parts) > ctx.max_pages:
        raise TooManyPages(f"{len(parts)} pages; the limit is {ctx.max_pages}")
    if not parts:
        raise Corrupt("the XPS document has no pages")
    return [_read_page(package, part, number, ctx) for number, part in enumerate(parts, start=1)]


def _read_page(package: _Package, part: str, number: int, ctx: ReadContext) -> Page:
    root = package.xml(part)
    numbers = [_numbers(root.get(key)) for key in ("Width", "Height")]
    width, height = (n[0] if n and n[0] > 0 else d for n, d in zip(numbers, _LETTER, strict=True))
    walker = _PageWalker(root, part)
    walker.walk(root, Affine())
    on_page = [t for t in walker.tokens if t.box[2] > 0 and t.box[3] > 0]
    tokens = [t for t in on_page if t.box[0] < width and t.box[1] < height]
    units = _lines(tokens)
    source = PageSource.TEXT_LAYER
    if walker.images and sum(len(t.text) for t in tokens) < ctx.ocr_min_text_chars:
        blocks = _ocr_images(package, walker.images, (width, height), number, ctx)
        if blocks:
            units.extend(blocks)
            source = PageSource.OCR
    units.sort(key=lambda unit: min(t.box[1] for line in unit for t in line))
    words: list[Word] = []
    for index, line_tokens in enumerate(line for unit in units for line in unit):
        words.extend(
            Word(t.text, BBox.from_points(*t.box, width, height), t.confidence, index) for t in line_tokens
        )
    return Page(number=number, words=tuple(words), text=text_from_lines(words), source=source,
                width_pt=round(width * _PT_PER_UNIT, 2), height_pt=round(height * _PT_PER_UNIT, 2))


class _PageWalker:
    """Collects glyph tokens and placed images of one FixedPage, composing transforms on the way down."""

    def __init__(self, root: Any, part: str) -> None:
        self.part = part
        self.tokens: list[_Token] = []
        self.images: list[_Image] = []
        self.resources = {
            key: el for el in root.iter() for name, key in el.attrib.items() if _local(name) == "Key"
        }

    def walk(self, element: Any, outer: Affine) -> None:
        for child in element:
            kind = _local(child.tag)
            if kind in ("Canvas", "Glyphs", "Path"):
                own = self._transform(child, "RenderTransform").then(outer)
                if kind == "Canvas":
                    self.walk(child, own)
                elif kind == "Glyphs":
                    self.tokens.extend(glyph_tokens(child, own))
                else:
                    self._path(child, own)

    def _property(self, element: Any, name: str) -> Any:
        """A property given as a resource reference or as a child property element (Path.Fill etc.)."""
        value = element.get(name)
        if value and value.startswith("{StaticResource"):
            return self.resources.get(value.strip("{}").split()[-1])
        for child in element:
            if _local(child.tag) == f"{_local(element.tag)}.{name}" and len(child):
                return child[0]
        return value

    def _transform(self, element: Any, name: str) -> Affine:
        value = self._property(element, name)
        if value is not None and not isinstance(value, str):
            value = value.get("Matrix")
        numbers = _numbers(value)
        return Affine(*numbers) if len(numbers) == 6 else Affine()

    def _path(self, path: Any, to_page: Affine) -> None:
        brush = self._property(path, "Fill")
        if brush is None or isinstance(brush, str) or _local(brush.tag) != "ImageBrush":
            return
        # "{ColorConvertedBitmap image profile}" names the image second; a plain value is the image itself.
        source = (brush.get("ImageSource") or "").strip("{}").split()[-2:][:1]
        if not source:
            return
        viewport = _numbers(brush.get("Viewport"))
        if len(viewport) != 4:
            viewport = _data_bounds(self._property(path, "Data"))
        if viewport is None or viewport[2] <= 0 or viewport[3] <= 0:
            return
        x, y, w, h = viewport
        viewbox = _numbers(brush.get("Viewbox"))
        placed = Affine(w, 0, 0, h, x, y).then(self._transform(brush, "Transform")).then(to_page)
        box = (viewbox[0], viewbox[1], viewbox[2], viewbox[3]) if len(viewbox) == 4 else None
        self.images.append(_Image(_resolve(self.part, source[0]), box, placed))


def _data_bounds(data: Any) -> list[float] | None:
    """Bounds of a geometry in absolute abbreviated syntax (or a PathGeometry's Figures); None otherwise."""
    if data is not None and not isinstance(data, str):
        data = data.get("Figures")
    text = re.sub(r"^\s*F\s*[01]", "", data or "")
    if not text or re.search(r"[a-yA-Y]", re.sub(r"[MLCQZz]|[eE][-+]?\d", "", text)):
        return None  # relative commands or arcs: not worth a full geometry parser for a placement hint
    values = _numbers(text)
    xs, ys = values[0::2], values[1::2]
    if not ys:
        return None
    return [min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)]


def glyph_tokens(glyphs: Any, to_page: Affine) -> list[_Token]:
    """Whitespace-separated words of one Glyphs element with their boxes in page units."""
    text = glyphs.get("UnicodeString") or ""
    if text.startswith("{}"):  # escape for a string that itself starts with "{"
        text = text[2:]
    em = (_numbers(glyphs.get("FontRenderingEmSize")) or [0.0])[0]
    origin = _numbers(f"{glyphs.get('OriginX', '0')} {glyphs.get('OriginY', '0')}")
    if not text.strip() or em <= 0 or len(origin) != 2:
        return []
    direction = -1.0 if int((_numbers(glyphs.get("BidiLevel")) or [0])[0]) % 2 else 1.0
    advances = _advances(glyphs.get("Indices"), len(text), em)
    size = abs(to_page.box(0, 0, 0, em)[3] - to_page.box(0, 0, 0, em)[1]) or em
    tokens: list[_Token] = []
    x, baseline = origin
    start, measured_end = 0.0, False
    chars: list[str] = []
    for char, (advance, measured) in zip(text + " ", [*advances, (0.0, True)], strict=True):
        if char.isspace():
            if chars:
                x0, x1 = sorted((start, x))
                box = to_page.box(x0, baseline - _ASCENT * em, x1, baseline + _DESCENT * em)
                tokens.append(_Token("".join(chars), box, size, measured_end))
                chars = []
        else:
            if not chars:
                start = x
            chars.append(char)
            measured_end = measured
        x += direction * advance
    return tokens


def _advances(indices: str | None, count: int, em: float) -> list[tuple[float, bool]]:
    """Per character: its advance in page units, and whether Indices gave it (else half an em)."""
    result: list[tuple[float, bool]] = []
    entries = (indices or "").split(";") if indices else []
    i = 0
    while i < len(entries) and len(result) < count:
        entry, chars, glyphs = entries[i], 1, 1
        cluster = re.match(r"\s*\((\d+)(?::(\d+))?\)", entry)
        if cluster:
            chars, glyphs = int(cluster.group(1)), int(cluster.group(2) or 1)
            entry = entry[cluster.end():]
        group = [entry, *entries[i + 1 : i + glyphs]]
        i += max(glyphs, 1)
        widths = [_numbers(f.split(",")[1]) if f.count(",") >= 1 else [] for f in group]
        if all(widths) and chars:
            total = sum(w[0] for w in widths) * em / 100
            result.extend([(total / chars, True)] * chars)
        else:
            result.extend([(_EM_ESTIMATE * em, False)] * max(chars, 1))
    result = result[:count]
    result.extend([(_EM_ESTIMATE * em, False)] * (count - len(result)))
    return result


def _lines(tokens: list[_Token]) -> list[list[list[_Token]]]:
    """Tokens in lines (each line its own unit): by vertical overlap, left to right, split words joined."""
    lines: list[list[_Token]] = []
    top = bottom = 0.0
    for token in sorted(tokens, key=lambda t: ((t.box[1] + t.box[3]) / 2, t.box[0])):
        y0, y1 = token.box[1], token.box[3]
        overlap = min(bottom, y1) - max(top, y0)
        if lines and overlap >= 0.5 * min(bottom - top, y1 - y0):
            lines[-1].append(token)
            top, bottom = min(top, y0), max(bottom, y1)
        else:
            lines.append([token])
            top, bottom = y0, y1
    return [[_join_fragments(sorted(line, key=lambda t: t.box[0]))] for line in lines]


def _join_fragments(line: list[_Token]) -> list[_Token]:
    """Join pieces of one word that a writer drew as separate Glyphs (no gap between them)."""
    joined: list[_Token] = []
    for token in line:
        last = joined[-1] if joined else None
        if last is not None and last.measured and abs(token.box[0] - last.box[2]) < 0.1 * last.size:
            box = (last.box[0], min(last.box[1], token.box[1]), token.box[2], max(last.box[3], token.box[3]))
            joined[-1] = _Token(last.text + token.text, box, last.size, token.measured)
        else:
            joined.append(token)
    return joined


def _ocr_images(
    package: _Package, images: list[_Image], page: tuple[float, float], number: int, ctx: ReadContext
) -> list[list[list[_Token]]]:
    """OCR the page's large images; each image's lines (in Tesseract's order) form one unit."""
    width, height = page
    units: list[list[list[_Token]]] = []
    large = [im for im in images if _area(im.to_page.box(0, 0, 1, 1)) >= _MIN_IMAGE_AREA * width * height]
    for placed in large[:_MAX_IMAGES_PER_PAGE]:
        image = _open_image(package.read(placed.part, MAX_IMAGE_PART), placed.viewbox, ctx)
        if image is None:
            continue
        # The placed size tells Tesseract the scan's resolution (pixels per inch as it lies on the page).
        m = placed.to_page
        size_pt = (math.hypot(m.m11, m.m12) * _PT_PER_UNIT, math.hypot(m.m21, m.m22) * _PT_PER_UNIT)
        result = ocr_page(image, ctx, number, width_pt=size_pt[0], height_pt=size_pt[1])
        by_line: dict[int, list[_Token]] = {}
        for word in result.words:
            if word.bbox is None:
                continue
            fx0, fy0, fx1, fy1 = _unturn(word.bbox, result.rotation)
            box = placed.to_page.box(fx0, fy0, fx1, fy1)
            token = _Token(word.text, box, box[3] - box[1], False, word.confidence)
            by_line.setdefault(word.line, []).append(token)
        if by_line:
            units.append([by_line[line] for line in sorted(by_line)])
    return units


def _area(box: tuple[float, float, float, float]) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _open_image(raw: bytes, viewbox: tuple[float, float, float, float] | None, ctx: ReadContext) -> Any:
    """The image, cropped to the brush's viewbox; None for a format Pillow cannot read (JPEG XR)."""
    try:
        image = Image.open(io.BytesIO(raw))
    except Image.DecompressionBombError as exc:
        raise TooManyPixels("an image in the XPS document is too large") from exc
    except (UnidentifiedImageError, OSError):
        log.info("an XPS image of %d bytes is in a format that cannot be decoded; not OCR'd", len(raw))
        return None
    if image.width * image.height > ctx.max_page_pixels:
        raise TooManyPixels(f"{image.width}x{image.height} pixels; the limit is {ctx.max_page_pixels}")
    if viewbox is None:
        return image
    # The viewbox is in 1/96 inch of the image at its own resolution.
    dpi = image.info.get("dpi") or (96, 96)
    sx, sy = (float(dpi[0]) or 96) / 96, (float(dpi[1]) or 96) / 96
    x, y, w, h = viewbox
    crop = (round(x * sx), round(y * sy), round((x + w) * sx), round((y + h) * sy))
    crop = (max(crop[0], 0), max(crop[1], 0), min(crop[2], image.width), min(crop[3], image.height))
    if crop == (0, 0, image.width, image.height) or crop[2] <= crop[0] or crop[3] <= crop[1]:
        return image
    return image.crop(crop)


def _unturn(bbox: BBox, rotation: int) -> tuple[float, float, float, float]:
    """A box found on the image turned ``rotation`` degrees clockwise, as fractions of the unturned image."""
    corners = [(bbox.x0, bbox.y0), (bbox.x1, bbox.y1)]
    back = {
        90: lambda u, v: (v, 1 - u),
        180: lambda u, v: (1 - u, 1 - v),
        270: lambda u, v: (1 - v, u),
    }.get(rotation % 360, lambda u, v: (u, v))
    xs, ys = zip(*(back(u, v) for u, v in corners), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


READERS: tuple[Reader, ...] = (Reader("xps", (MIME_BY_FORMAT["xps"],), read_xps),)
