"""Hand-written XPS: a zip with a FixedDocumentSequence whose pages place text with `Glyphs` elements."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from reportlab.lib.utils import simpleSplit

from samples.generator.document import KV, Banner, Checks, Doc, Gap, PageBreak, Rule, Table, Text, Title
from samples.generator.office import FIXED_TIME
from samples.generator.render_pdf import font_file, fonts

PAGE_W, PAGE_H, MARGIN = 816.0, 1056.0, 72.0  # XPS units are 1/96 inch: US Letter
_XPS_NS = "http://schemas.microsoft.com/xps/2005/06"
_FONT_FOR = {"helvetica": "liberation_sans", "times": "liberation_serif", "courier": "liberation_mono"}

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="fdseq" ContentType="application/vnd.ms-package.xps-fixeddocumentsequence+xml"/>
  <Default Extension="fdoc" ContentType="application/vnd.ms-package.xps-fixeddocument+xml"/>
  <Default Extension="fpage" ContentType="application/vnd.ms-package.xps-fixedpage+xml"/>
  <Default Extension="ttf" ContentType="application/vnd.ms-opentype"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="R0" Type="http://schemas.microsoft.com/xps/2005/06/fixedrepresentation"
    Target="/FixedDocumentSequence.fdseq"/>
</Relationships>"""


@dataclass(frozen=True)
class _Run:
    x: float
    y: float  # baseline
    size: float
    text: str
    bold: bool = False


class _Layout:
    """Place text runs on pages top-down, wrapping with the embedded font's metrics."""

    def __init__(self, doc: Doc) -> None:
        key = _FONT_FOR.get(doc.style.font, doc.style.font)
        self.font_key = key if font_file(key) else "liberation_sans"
        self.regular, self.bold = fonts(self.font_key)
        self.size = doc.style.size * 96 / 72  # points to XPS units
        self.pages: list[list[_Run | tuple[float, float, float]]] = [[]]
        self.y = MARGIN

    def ensure(self, h: float) -> None:
        if self.y + h > PAGE_H - MARGIN:
            self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = MARGIN

    def line(self, x: float, text: str, size: float, bold: bool = False) -> None:
        self.pages[-1].append(_Run(x, self.y + size, size, text, bold))

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        font = self.bold if bold else self.regular
        return simpleSplit(text, font, size, width) or [""]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, self.bold if bold else self.regular, size)

    def paragraph(self, text: str, size: float, bold: bool = False, x: float = MARGIN) -> None:
        for para in text.split("\n"):
            for ln in self.wrap(para, size, PAGE_W - MARGIN - x, bold):
                self.ensure(size * 1.35)
                self.line(x, ln, size, bold)
                self.y += size * 1.35
        self.y += size * 0.4


def _layout(doc: Doc) -> _Layout:
    lay = _Layout(doc)
    s = lay.size
    usable = PAGE_W - 2 * MARGIN
    for block in doc.blocks:
        if isinstance(block, Title):
            size = block.size * 96 / 72
            lay.ensure(size * 1.6)
            x = (PAGE_W - lay.width(block.text, size, True)) / 2 if block.align == "center" else MARGIN
            lay.line(x, block.text, size, True)
            lay.y += size * 1.6
        elif isinstance(block, Banner):
            lay.paragraph(block.text, s * 1.4, True)
            lay.paragraph(block.sub, s)
        elif isinstance(block, Text):
            lay.paragraph(block.text, (block.size or doc.style.size) * 96 / 72, block.bold)
        elif isinstance(block, KV):
            if block.heading:
                lay.paragraph(block.heading, s * 1.1, True)
            colw = usable / block.cols
            for start in range(0, len(block.rows), block.cols):
                chunk = block.rows[start:start + block.cols]
                lay.ensure(s * 1.5)
                if doc.style.kv == "stacked":
                    for j, (label, _) in enumerate(chunk):
                        lay.line(MARGIN + j * colw, label, s * 0.85, True)
                    lay.y += s * 1.3
                    lay.ensure(s * 1.5)
                    for j, (_, value) in enumerate(chunk):
                        lay.line(MARGIN + j * colw + 3, lay.wrap(value, s, colw - 12)[0], s)
                    lay.y += s * 1.6
                    continue
                for j, (label, value) in enumerate(chunk):
                    x = MARGIN + j * colw
                    lay.line(x, label + ":", s, True)
                    vx = x + lay.width(label + ":", s, True) + 6
                    lay.line(vx, lay.wrap(value, s, colw - (vx - x) - 6)[0], s)
                lay.y += s * 1.5
            lay.y += s * 0.4
        elif isinstance(block, Table):
            if block.heading:
                lay.paragraph(block.heading, s * 1.1, True)
            weights = block.widths or tuple(1.0 for _ in block.header)
            widths = [usable * w / sum(weights) for w in weights]
            for r, row in enumerate((block.header, *block.rows)):
                cells = [lay.wrap(c, s * 0.95, w - 8, r == 0) for c, w in zip(row, widths, strict=True)]
                h = max(len(c) for c in cells) * s * 1.3 + 4
                lay.ensure(h)
                x = MARGIN
                for lines, w in zip(cells, widths, strict=True):
                    for i, ln in enumerate(lines):
                        lay.pages[-1].append(_Run(x + 3, lay.y + s + i * s * 1.3, s * 0.95, ln, r == 0))
                    x += w
                lay.pages[-1].append((MARGIN, lay.y + h - 1, PAGE_W - MARGIN))
                lay.y += h
            lay.y += s * 0.6
        elif isinstance(block, Checks):
            boxes = "   ".join(f"[{'X' if c else ' '}] {label}" for label, c, _ in block.items)
            lay.paragraph(f"{block.label} {boxes}".strip(), s)
        elif isinstance(block, Rule):
            lay.ensure(10)
            lay.pages[-1].append((MARGIN, lay.y + 4, PAGE_W - MARGIN))
            lay.y += 10
        elif isinstance(block, Gap):
            lay.y += block.height
        elif isinstance(block, PageBreak):
            lay.new_page()
    return lay


def _glyphs_attr(text: str) -> str:
    # In XPS a UnicodeString that starts with "{" must be escaped with a leading "{}".
    return quoteattr("{}" + text if text.startswith("{") else text)


def write_xps(doc: Doc, out: Path) -> int:
    """Write the document as an XPS package with an embedded TrueType font; returns the page count."""
    lay = _layout(doc)
    font_path = font_file(lay.font_key)
    assert font_path is not None
    font_uri = f"/Resources/Fonts/{font_path.name}"
    pages = [p for p in lay.pages if p] or [[]]
    date = FIXED_TIME.timetuple()[:6]

    def add(z: zipfile.ZipFile, name: str, data: str | bytes) -> None:
        z.writestr(zipfile.ZipInfo(name, date_time=date), data, compress_type=zipfile.ZIP_DEFLATED)

    with zipfile.ZipFile(out, "w") as z:
        add(z, "[Content_Types].xml", CONTENT_TYPES)
        add(z, "_rels/.rels", ROOT_RELS)
        add(z, "FixedDocumentSequence.fdseq",
            f'<FixedDocumentSequence xmlns="{_XPS_NS}"><DocumentReference '
            f'Source="/Documents/1/FixedDocument.fdoc"/></FixedDocumentSequence>')
        refs = "".join(f'<PageContent Source="/Documents/1/Pages/{i}.fpage"/>' for i in range(1, len(pages) + 1))
        add(z, "Documents/1/FixedDocument.fdoc", f'<FixedDocument xmlns="{_XPS_NS}">{refs}</FixedDocument>')
        for i, items in enumerate(pages, 1):
            body = []
            for item in items:
                if isinstance(item, _Run):
                    sim = ' StyleSimulations="BoldSimulation"' if item.bold else ""
                    body.append(f'<Glyphs Fill="#FF000000" FontUri="{font_uri}" FontRenderingEmSize="{item.size:.2f}" '
                                f'OriginX="{item.x:.2f}" OriginY="{item.y:.2f}"{sim} '
                                f"UnicodeString={_glyphs_attr(item.text)}/>")
                else:
                    x0, y, x1 = item
                    body.append(f'<Path Data="M {x0:.1f},{y:.1f} L {x1:.1f},{y:.1f}" Stroke="#FF000000" '
                                f'StrokeThickness="0.8"/>')
            add(z, f"Documents/1/Pages/{i}.fpage",
                f'<FixedPage xmlns="{_XPS_NS}" Width="{PAGE_W:.0f}" Height="{PAGE_H:.0f}" xml:lang="en-US">'
                + "\n".join(body) + "</FixedPage>")
            add(z, f"Documents/1/Pages/_rels/{i}.fpage.rels",
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                'package/2006/relationships"><Relationship Id="F0" Type="http://schemas.microsoft.com/xps/2005/06/'
                f'required-resource" Target="{font_uri}"/></Relationships>')
        add(z, font_uri.lstrip("/"), font_path.read_bytes())
    return len(pages)
