"""Workbooks: a page per non-empty sheet, rows as tab-separated lines, dates and numbers as people read."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest
import xlwt

from docintake.errors import Corrupt, Encrypted
from docintake.extractors import spreadsheet
from docintake.intake.sniff import MIME_BY_FORMAT, sniff
from docintake.model import PageSource
from tests.unit.extractors._office_fixtures import lines_of, read_through_registry

XLSX = MIME_BY_FORMAT["xlsx"]
XLS = MIME_BY_FORMAT["xls"]
EXPECTED_FORM = [
    "Member ID\tW123456789",
    "Date of Birth\t01/05/1960",
    "Reference ID\tPA1234567897",
    "Units\t12\tRate\t3.5",
    "\tUrgent\tTRUE",
    "Note\tline one line two",
]


def _xlsx(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


FORM_ROWS: list[list[object]] = [
    ["Member ID", "W123456789"],
    ["Date of Birth", dt.datetime(1960, 1, 5)],
    [],
    ["Reference ID", "PA1234567897", None, None],
    ["Units", 12.0, "Rate", 3.5],
    [None, "Urgent", True],
    ["Note", "line one\nline two"],
]


def test_xlsx_sheets_become_pages_of_rows(ctx):
    data = _xlsx({"Request": FORM_ROWS, "Empty": [], "Codes": [["CPT", 27447], ["ICD-10", "M17.11"]]})
    assert sniff(data).format == "xlsx"
    pages = spreadsheet.read_xlsx(data, ctx)
    assert [p.number for p in pages] == [1, 2]
    assert lines_of(pages[0]) == EXPECTED_FORM
    assert lines_of(pages[1]) == ["CPT\t27447", "ICD-10\tM17.11"]
    assert all(w.bbox is None and w.confidence == 1.0 for p in pages for w in p.words)
    assert pages[0].source is PageSource.FLOW


def test_xlsx_reading_stops_at_the_cell_budget(ctx, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 50)
    data = _xlsx({"Long": [[f"row{i}", i] for i in range(1, 200)]})
    (page,) = spreadsheet.read_xlsx(data, ctx)
    assert lines_of(page)[0] == "row1\t1"
    assert 10 <= len(lines_of(page)) <= 25


def test_xlsx_claiming_a_million_rows_does_not_spin(ctx):
    """A stored dimension of A1:XFD1048576 and a cell far away: read the real cells, stop at the bound."""
    data = _xlsx({"Form": [["Member ID", "W123456789"]]})
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', body.decode())
                far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'
                body = text.replace("</sheetData>", far + "</sheetData>").encode()
            target.writestr(info, body)
    (page,) = spreadsheet.read_xlsx(buffer.getvalue(), ctx)
    assert lines_of(page)[0] == "Member ID\tW123456789"


def _xls(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    book = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="MM/DD/YYYY")
    for title, rows in rows_by_sheet.items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, dt.datetime):
                    sheet.write(r, c, value, date_style)
                elif value is not None:
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xls_sheets_become_pages_of_rows(ctx):
    data = _xls({"Request": FORM_ROWS, "Empty": [], "Codes": [["CPT", 27447]]})
    assert sniff(data).format == "xls"
    pages = read_through_registry(spreadsheet, data, XLS, ctx)
    assert [p.number for p in pages] == [1, 2]
    assert lines_of(pages[0]) == EXPECTED_FORM
    assert lines_of(pages[1]) == ["CPT\t27447"]


def test_xls_reading_stops_at_the_cell_budget(ctx, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 50)
    (page,) = spreadsheet.read_xls(_xls({"Long": [[f"row{i}", i] for i in range(1, 200)]}), ctx)
    assert lines_of(page)[0] == "row1\t1"
    assert 10 <= len(lines_of(page)) <= 25


def test_xls_with_a_password_record_is_encrypted(ctx):
    data = _xls({"Request": FORM_ROWS})
    # WRITEACCESS (type 0x5C, 112 bytes) becomes FILEPASS (0x2F) in place: the container stays valid.
    at = data.index(b"\x5c\x00\x70\x00")
    flagged = data[:at] + b"\x2f\x00" + data[at + 2 :]
    with pytest.raises(Encrypted):
        read_through_registry(spreadsheet, flagged, XLS, ctx)


@pytest.mark.parametrize(
    ("build", "mime"),
    [
        (lambda: _xls({"Request": FORM_ROWS})[:3000], XLS),
        (lambda: _xlsx({"Request": FORM_ROWS})[:2000], XLSX),
        (lambda: b"PK\x03\x04" + bytes(500), XLSX),
    ],
    ids=["xls-truncated", "xlsx-truncated", "xlsx-garbage"],
)
def test_damaged_workbooks_are_corrupt(ctx, build, mime, capsys):
    with pytest.raises(Corrupt):
        read_through_registry(spreadsheet, build(), mime, ctx)
    assert capsys.readouterr().out == ""  # xlrd's warnings would land in the CLI's JSON


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.date(1960, 1, 5), "01/05/1960"),
        (dt.datetime(2024, 3, 9, 14, 30), "03/09/2024 14:30"),
        (1234567890.0, "1234567890"),
        (-7.0, "-7"),
        (0.1 + 0.2, "0.3"),
        ("  two\twords  ", "two words"),
        (False, "FALSE"),
        (None, ""),
    ],
)
def test_cells_are_formatted_as_people_read_them(value, shown):
    assert spreadsheet.format_cell(value) == shown
