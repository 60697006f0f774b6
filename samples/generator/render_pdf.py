"""Lay documents out on Letter pages with reportlab: text layer, AcroForm fields, fax header, skew and speckle."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from samples.generator.data import FaxHeader
from samples.generator.document import (
    KV,
    Banner,
    Block,
    Checks,
    Doc,
    Gap,
    PageBreak,
    Rule,
    Table,
    Text,
    Title,
)

FONT_DIR = Path("/usr/share/fonts/truetype")
_TTF = {
    "dejavu_sans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", "helvetica"),
    "dejavu_serif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", "times"),
    "liberation_sans": ("liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSans-Bold.ttf", "helvetica"),
    "liberation_serif": ("liberation2/LiberationSerif-Regular.ttf", "liberation2/LiberationSerif-Bold.ttf", "times"),
    "liberation_mono": ("liberation2/LiberationMono-Regular.ttf", "liberation2/LiberationMono-Bold.ttf", "courier"),
}
_BUILTIN = {"helvetica": ("Helvetica", "Helvetica-Bold"), "times": ("Times-Roman", "Times-Bold"),
            "courier": ("Courier", "Courier-Bold")}

PAGE_W, PAGE_H = letter
MARGIN = 54.0


def fonts(key: str) -> tuple[str, str]:
    """(regular, bold) reportlab font names for a style's font key; TTFs fall back to a base-14 font if absent."""
    if key in _BUILTIN:
        return _BUILTIN[key]
    regular, bold, fallback = _TTF[key]
    if not (FONT_DIR / regular).exists() or not (FONT_DIR / bold).exists():
        return _BUILTIN[fallback]
    names = (f"{key}-r", f"{key}-b")
    if names[0] not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(names[0], str(FONT_DIR / regular)))
        pdfmetrics.registerFont(TTFont(names[1], str(FONT_DIR / bold)))
    return names


def font_file(key: str) -> Path | None:
    """The TTF file behind a font key (for formats that embed a font), or None for base-14 fonts."""
    if key in _TTF and (FONT_DIR / _TTF[key][0]).exists():
        return FONT_DIR / _TTF[key][0]
    return None


@dataclass(frozen=True)
class RenderOptions:
    """How to put the documents on paper (or on a fax)."""

    fax: FaxHeader | None = None
    fax_style: int = 0
    skew_deg: float = 0.0
    speckle: int = 0  # random dots per page, as a dirty scanner glass leaves
    seed: int = 0
    acroform: bool = False
    annotate: bool = False  # leave the member ID and keyed boxes empty: annotations will fill them


Rect = tuple[float, float, float, float]


@dataclass
class RenderResult:
    pages_per_doc: list[int] = field(default_factory=list)
    member_anchor: tuple[int, Rect] | None = None  # (0-based page, PDF rect) of the blank member ID value
    check_anchors: list[tuple[int, Rect]] = field(default_factory=list)  # boxes that should carry a check mark

    @property
    def pages(self) -> int:
        return sum(self.pages_per_doc)


def render_pdf(docs: list[Doc], path: Path, opts: RenderOptions = RenderOptions()) -> RenderResult:
    """Render the documents one after another into one PDF; two passes so page counters know the totals."""
    first = _Renderer(Canvas(io.BytesIO(), pagesize=letter, invariant=1), opts, None, None)
    first.run(docs)
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    canvas.setTitle(docs[0].title or docs[0].family)
    canvas.setAuthor("docintake samples generator (synthetic data)")
    final = _Renderer(canvas, opts, first.result.pages, first.result.pages_per_doc)
    final.run(docs)
    canvas.save()
    return final.result


class _Renderer:
    def __init__(self, canvas: Canvas, opts: RenderOptions, total: int | None, per_doc: list[int] | None) -> None:
        self.c = canvas
        self.opts = opts
        self.total = total
        self.per_doc = per_doc
        self.result = RenderResult()
        self.page = 0
        self.doc_index = 0
        self.doc_page = 0
        self.y = 0.0
        self.field_no = 0
        self.speckle_rng = Random(opts.seed)
        self.doc: Doc | None = None

    # pages -----------------------------------------------------------------------------------------------
    def run(self, docs: list[Doc]) -> None:
        for i, doc in enumerate(docs):
            self.doc, self.doc_index, self.doc_page = doc, i, 0
            self.regular, self.bold = fonts(doc.style.font)
            self.size = doc.style.size
            self._start_page()
            for block in doc.blocks:
                self._block(block)
            self._end_page()
            self.result.pages_per_doc.append(self.doc_page)

    def _start_page(self) -> None:
        self.page += 1
        self.doc_page += 1
        top = 50.0
        if self.opts.fax:
            # The sending machine prints its header straight, whatever the paper's skew.
            self.c.setFont("Courier", 8.5)
            line = self.opts.fax.line(self.page, self.total or 0, self.opts.fax_style)
            self.c.drawString(20, PAGE_H - 14, line)
            top = 62.0
        self.c.saveState()
        if self.opts.skew_deg:
            self.c.translate(PAGE_W / 2, PAGE_H / 2)
            self.c.rotate(self.opts.skew_deg)
            self.c.translate(-PAGE_W / 2, -PAGE_H / 2)
        self.y = PAGE_H - top

    def _end_page(self) -> None:
        assert self.doc is not None
        if self.doc.footer:
            pages = self.per_doc[self.doc_index] if self.per_doc else 0
            self.c.setFont(self.regular, 7.5)
            self.c.drawCentredString(PAGE_W / 2, 30, self.doc.footer.format(page=self.doc_page, pages=pages))
        self.c.restoreState()
        for _ in range(self.opts.speckle):
            x, y = self.speckle_rng.uniform(0, PAGE_W), self.speckle_rng.uniform(0, PAGE_H)
            self.c.circle(x, y, self.speckle_rng.uniform(0.25, 0.9), stroke=0, fill=1)
        self.c.showPage()

    def _ensure(self, height: float) -> None:
        if self.y - height < MARGIN:
            self._end_page()
            self._start_page()

    def _s(self, text: str) -> str:
        return text.replace("{fax_pages}", str(self.total or 0))

    # blocks ----------------------------------------------------------------------------------------------
    def _block(self, b: Block) -> None:
        if isinstance(b, Title):
            self._ensure(b.size * 1.7)
            self.c.setFont(self.bold, b.size)
            if b.align == "center":
                self.c.drawCentredString(PAGE_W / 2, self.y - b.size, b.text)
            else:
                self.c.drawString(MARGIN, self.y - b.size, b.text)
            self.y -= b.size * 1.7
        elif isinstance(b, Banner):
            self._banner(b)
        elif isinstance(b, Text):
            self._text(b)
        elif isinstance(b, KV):
            self._kv(b)
        elif isinstance(b, Table):
            self._table(b)
        elif isinstance(b, Checks):
            self._checks(b)
        elif isinstance(b, Rule):
            self._ensure(10)
            self.c.setLineWidth(0.8)
            self.c.line(MARGIN, self.y - 4, PAGE_W - MARGIN, self.y - 4)
            self.y -= 10
        elif isinstance(b, Gap):
            self.y -= b.height
        elif isinstance(b, PageBreak):
            self._end_page()
            self._start_page()

    def _banner(self, b: Banner) -> None:
        h = 42.0
        self._ensure(h + 8)
        self.c.setFillGray(0.25)
        self.c.rect(MARGIN, self.y - h, PAGE_W - 2 * MARGIN, h, stroke=0, fill=1)
        self.c.setFillGray(1)
        self.c.setFont(self.bold, 14)
        self.c.drawString(MARGIN + 10, self.y - 18, b.text)
        self.c.setFont(self.regular, 9)
        self.c.drawString(MARGIN + 10, self.y - 33, b.sub)
        self.c.setFillGray(0)
        self.y -= h + 8

    def _text(self, b: Text) -> None:
        size = b.size or self.size
        font = self.bold if b.bold else self.regular
        leading = size * 1.3
        self.c.setFont(font, size)
        for para in self._s(b.text).split("\n"):
            for line in simpleSplit(para, font, size, PAGE_W - 2 * MARGIN) or [""]:
                self._ensure(leading)
                self.c.setFont(font, size)
                self.c.drawString(MARGIN, self.y - size, line)
                self.y -= leading
        self.y -= size * 0.45

    def _heading(self, text: str) -> None:
        if text:
            self._ensure(self.size * 2.2)
            self.c.setFont(self.bold, self.size + 1)
            self.c.drawString(MARGIN, self.y - self.size - 1, text)
            self.y -= self.size * 1.8

    def _field_name(self, label: str) -> str:
        self.field_no += 1
        return f"d{self.doc_index}_{self.field_no}_{re.sub(r'[^A-Za-z0-9]+', '_', label).strip('_')}"

    def _value(self, label: str, value: str, key: str | None, x: float, y_top: float, width: float,
               size: float) -> None:
        """Draw one value (or an AcroForm field for it, or leave it blank for an annotation)."""
        if self.opts.annotate and key == "policy_id":
            self.result.member_anchor = (self.page - 1, (x, y_top - size - 3, x + width, y_top + 1))
            return
        if self.opts.acroform:
            self.c.acroForm.textfield(
                name=self._field_name(label), value=value, x=x, y=y_top - size - 4, width=width,
                height=size + 5, fontName="Helvetica", fontSize=size - 0.5, borderWidth=0.4, forceBorder=True,
                fillColor=None, relative=True)
            return
        self.c.setFont(self.regular, size)
        lines = simpleSplit(value, self.regular, size, width) or [""]
        for i, line in enumerate(lines):
            self.c.drawString(x, y_top - size - i * size * 1.25, line)

    def _kv(self, b: KV) -> None:
        self._heading(b.heading)
        style = self.doc.style.kv if self.doc else "inline"
        colw = (PAGE_W - 2 * MARGIN) / b.cols
        size = self.size
        rows = [(*b.rows[i], b.key_of(i)) for i in range(len(b.rows))]
        for start in range(0, len(rows), b.cols):
            chunk = rows[start:start + b.cols]
            rows_h = []
            for label, value, _ in chunk:
                if style == "stacked":
                    n = len(simpleSplit(self._s(value), self.regular, size, colw - 14)) or 1
                    rows_h.append(size * 1.2 + n * size * 1.25 + 10)
                elif style == "boxed":
                    n = len(simpleSplit(self._s(value), self.regular, size, colw - 8)) or 1
                    rows_h.append(size * 0.9 + n * size * 1.25 + 8)
                else:
                    lw = self.c.stringWidth(label + ":", self.bold, size) + 5
                    n = len(simpleSplit(self._s(value), self.regular, size, colw - lw - 8)) or 1
                    rows_h.append(n * size * 1.25 + size * 0.6)
            h = max(rows_h)
            self._ensure(h)
            for j, (label, value, key) in enumerate(chunk):
                x = MARGIN + j * colw
                if style == "stacked":
                    # The label printed above its own box (grid forms): the value sits under, never beside it.
                    self.c.setFont(self.bold, size - 2)
                    self.c.drawString(x, self.y - size + 2, label)
                    top, bottom = self.y - size * 1.2, self.y - h + 3
                    self.c.setLineWidth(0.6)
                    self.c.rect(x, bottom, colw - 6, top - bottom, stroke=1, fill=0)
                    self._value(label, self._s(value), key, x + 4, top - 2, colw - 14, size)
                elif style == "boxed":
                    self.c.setLineWidth(0.6)
                    self.c.rect(x, self.y - h, colw, h, stroke=1, fill=0)
                    self.c.setFont(self.regular, size - 2.5)
                    self.c.drawString(x + 3, self.y - size + 1.5, label)
                    self._value(label, self._s(value), key, x + 4, self.y - size * 0.9 - 2, colw - 8, size)
                else:
                    self.c.setFont(self.bold, size)
                    self.c.drawString(x, self.y - size, label + ":")
                    lw = self.c.stringWidth(label + ":", self.bold, size) + 5
                    self._value(label, self._s(value), key, x + lw, self.y, colw - lw - 8, size)
                    if style == "underline":
                        self.c.setLineWidth(0.4)
                        self.c.line(x + lw, self.y - size - 2.5, x + colw - 8, self.y - size - 2.5)
            self.y -= h
        self.y -= 6

    def _table(self, b: Table) -> None:
        self._heading(b.heading)
        size = self.size - 0.5
        weights = b.widths or tuple(1.0 for _ in b.header)
        total_w = PAGE_W - 2 * MARGIN
        widths = [total_w * w / sum(weights) for w in weights]
        for r, row in enumerate((b.header, *b.rows)):
            font = self.bold if r == 0 else self.regular
            cells = [simpleSplit(cell, font, size, w - 6) or [""] for cell, w in zip(row, widths, strict=True)]
            h = max(len(c) for c in cells) * size * 1.25 + 6
            self._ensure(h)
            x = MARGIN
            if r == 0:
                self.c.setFillGray(0.88)
                self.c.rect(MARGIN, self.y - h, total_w, h, stroke=0, fill=1)
                self.c.setFillGray(0)
            self.c.setLineWidth(0.5)
            for col, (cell, lines, w) in enumerate(zip(row, cells, widths, strict=True)):
                self.c.rect(x, self.y - h, w, h, stroke=1, fill=0)
                if r > 0 and self.opts.acroform and cell:
                    self.c.acroForm.textfield(
                        name=self._field_name(b.header[col]), value=cell,
                        x=x + 1.5, y=self.y - h + 1.5, width=w - 3, height=h - 3, fontName="Helvetica",
                        fontSize=size - 1, borderWidth=0, fillColor=None, relative=True)
                else:
                    self.c.setFont(font, size)
                    for i, line in enumerate(lines):
                        self.c.drawString(x + 3, self.y - size - 1.5 - i * size * 1.25, line)
                x += w
            self.y -= h
        self.y -= 8

    def _checks(self, b: Checks) -> None:
        size = self.size
        self._ensure(size * 1.8)
        x = MARGIN
        if b.label:
            self.c.setFont(self.bold, size)
            self.c.drawString(x, self.y - size, b.label)
            x += self.c.stringWidth(b.label, self.bold, size) + 8
        box = size * 0.95
        for label, checked, key in b.items:
            label_w = self.c.stringWidth(label, self.regular, size)
            if x + box + 4 + label_w > PAGE_W - MARGIN:
                self.y -= size * 1.6
                self._ensure(size * 1.8)
                x = MARGIN + 12
            bx, by = x, self.y - size - 1.5
            if self.opts.acroform:
                self.c.acroForm.checkbox(name=self._field_name(label), checked=checked, x=bx, y=by, size=box,
                                         buttonStyle="cross", borderWidth=0.6, relative=True)
            else:
                self.c.setLineWidth(0.7)
                self.c.rect(bx, by, box, box, stroke=1, fill=0)
                if checked and self.opts.annotate and key:
                    self.result.check_anchors.append((self.page - 1, (bx, by, bx + box, by + box)))
                elif checked:
                    # A typed X is what a text layer keeps of a ticked box; drawn strokes would be lost.
                    self.c.setFont(self.bold, size)
                    self.c.drawCentredString(bx + box / 2, by + 1.2, "X")
            self.c.setFont(self.regular, size)
            self.c.drawString(bx + box + 4, self.y - size, label)
            x = bx + box + 4 + label_w + 16
        self.y -= size * 1.9
