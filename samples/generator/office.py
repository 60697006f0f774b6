"""Office formats: DOCX (python-docx), DOC (LibreOffice from DOCX), XLSX (openpyxl), XLS (xlwt)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import xlwt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from samples.generator.document import KV, Banner, Checks, Doc, Gap, PageBreak, Rule, Table, Text, Title

FIXED_TIME = dt.datetime(2026, 11, 20, 9, 0, 0)
_DOCX_FONTS = {"helvetica": "Arial", "times": "Times New Roman", "courier": "Courier New",
               "dejavu_sans": "DejaVu Sans", "dejavu_serif": "DejaVu Serif", "liberation_serif": "Liberation Serif",
               "liberation_sans": "Liberation Sans", "liberation_mono": "Liberation Mono"}


def check_mark(checked: bool) -> str:
    return "\u2612" if checked else "\u2610"


def normalize_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed member times and core-property dates so reruns give the same bytes."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z", stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)


def _add_page_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    run = paragraph.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run._r.append(field)


def write_docx(doc: Doc, out: Path) -> None:
    """Paragraphs, label/value and service tables, a header and a footer (with a PAGE field)."""
    d = docx.Document()
    d.core_properties.author = "docintake samples generator"
    d.core_properties.title = doc.title
    d.core_properties.created = FIXED_TIME
    d.core_properties.modified = FIXED_TIME
    normal = d.styles["Normal"]
    normal.font.name = _DOCX_FONTS.get(doc.style.font, "Arial")
    normal.font.size = Pt(doc.style.size + 1)
    section = d.sections[0]
    section.header.paragraphs[0].text = f"{doc.title} - submitted via provider portal"
    footer = section.footer.paragraphs[0]
    footer.text = "Confidential health information - page "
    _add_page_field(footer)
    for block in doc.blocks:
        if isinstance(block, Title):
            p = d.add_paragraph()
            run = p.add_run(block.text)
            run.bold, run.font.size = True, Pt(block.size)
            if block.align == "center":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Banner):
            d.add_paragraph().add_run(block.text).bold = True
            d.add_paragraph(block.sub)
        elif isinstance(block, Text):
            p = d.add_paragraph()
            for i, line in enumerate(block.text.split("\n")):
                run = p.add_run(line)
                run.bold = block.bold
                if i < len(block.text.split("\n")) - 1:
                    run.add_break()
        elif isinstance(block, KV):
            _docx_kv(d, doc, block)
        elif isinstance(block, Table):
            _docx_table(d, block)
        elif isinstance(block, Checks):
            items = "   ".join(f"{check_mark(c)} {label}" for label, c, _ in block.items)
            d.add_paragraph(f"{block.label} {items}".strip())
        elif isinstance(block, PageBreak):
            d.add_page_break()
        elif isinstance(block, (Rule, Gap)):
            d.add_paragraph("")
    d.save(out)
    normalize_zip(out)


def _docx_kv(d: docx.document.Document, doc: Doc, block: KV) -> None:
    if block.heading:
        d.add_paragraph().add_run(block.heading).bold = True
    if doc.style.kv == "stacked":
        table = d.add_table(rows=0, cols=block.cols)
        table.style = "Table Grid"
        for start in range(0, len(block.rows), block.cols):
            chunk = block.rows[start:start + block.cols]
            labels, values = table.add_row().cells, table.add_row().cells
            for j, (label, value) in enumerate(chunk):
                labels[j].text = ""
                labels[j].paragraphs[0].add_run(label).bold = True
                values[j].text = value
        return
    if doc.style.kv == "boxed":
        table = d.add_table(rows=0, cols=2 * block.cols)
        table.style = "Table Grid"
        for start in range(0, len(block.rows), block.cols):
            cells = table.add_row().cells
            for j, (label, value) in enumerate(block.rows[start:start + block.cols]):
                cells[2 * j].text, cells[2 * j + 1].text = label, value
        return
    for label, value in block.rows:
        p = d.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)


def _docx_table(d: docx.document.Document, block: Table) -> None:
    if block.heading:
        d.add_paragraph().add_run(block.heading).bold = True
    table = d.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def docx_to_doc(jobs: list[tuple[Path, Path]]) -> None:
    """Convert DOCX files to Word 97 DOC with one headless LibreOffice run (its profile in a private temp dir)."""
    if not jobs:
        return
    with tempfile.TemporaryDirectory(prefix="samples-soffice-") as tmp:
        profile, outdir = Path(tmp) / "profile", Path(tmp) / "out"
        outdir.mkdir()
        staged = []
        for i, (src, _) in enumerate(jobs):
            # Unique staged names: LibreOffice names its output after the input's stem.
            name = outdir.parent / f"job{i:03d}.docx"
            shutil.copyfile(src, name)
            staged.append(name)
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "doc", "--outdir", str(outdir), *map(str, staged)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )
        for i, (_, dst) in enumerate(jobs):
            produced = outdir / f"job{i:03d}.doc"
            if not produced.exists():
                raise RuntimeError(f"LibreOffice did not produce {dst.name}")
            shutil.move(produced, dst)


def _sheet_rows(doc: Doc, *, tables: bool | None) -> list[list[str]]:
    """Spreadsheet rows for the blocks: tables only (True), everything but tables (False), or all (None)."""
    rows: list[list[str]] = []
    for block in doc.blocks:
        is_table = isinstance(block, Table)
        if tables is not None and is_table != tables:
            continue
        if isinstance(block, Title):
            rows.append([block.text])
        elif isinstance(block, Banner):
            rows += [[block.text], [block.sub]]
        elif isinstance(block, Text):
            rows += [[line] for line in block.text.split("\n")]
        elif isinstance(block, KV):
            if block.heading:
                rows.append([block.heading])
            if doc.style.kv == "stacked":
                for start in range(0, len(block.rows), block.cols):
                    chunk = block.rows[start:start + block.cols]
                    rows += [[label for label, _ in chunk], [value for _, value in chunk]]
            else:
                rows += [[label, value] for label, value in block.rows]
        elif isinstance(block, Table):
            if block.heading:
                rows.append([block.heading])
            rows += [list(block.header), *[list(r) for r in block.rows]]
            rows.append([])
        elif isinstance(block, Checks):
            rows.append([block.label.rstrip(":") or "Options",
                         *[f"{'X' if c else ' '} {label}" for label, c, _ in block.items]])
    return rows


def write_xlsx(doc: Doc, out: Path) -> int:
    """Two sheets: the request (labels and values) and the services/diagnosis tables; returns the sheet count."""
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Request"
    for row in _sheet_rows(doc, tables=False):
        first.append(row)
    second = wb.create_sheet("Services")
    for row in _sheet_rows(doc, tables=True) or [["No services listed"]]:
        second.append(row)
    for ws in (first, second):
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 40
    wb.properties.creator = "docintake samples generator"
    wb.properties.created = FIXED_TIME
    wb.save(out)
    normalize_zip(out)
    return 2


def write_xls(doc: Doc, out: Path) -> int:
    """One Excel 97 sheet with everything, labels in column A; returns the sheet count."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("PA Request")
    bold = xlwt.easyxf("font: bold on")
    for r, row in enumerate(_sheet_rows(doc, tables=None)):
        for c, value in enumerate(row):
            sheet.write(r, c, value, bold if c == 0 and len(row) > 1 else xlwt.Style.default_style)
    sheet.col(0).width = 34 * 256
    sheet.col(1).width = 40 * 256
    book.save(str(out))
    return 1
