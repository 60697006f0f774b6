"""Readers for workbooks (xlsx by openpyxl, xls by xlrd): a page per non-empty sheet, a line per row."""

from __future__ import annotations

import datetime as dt
import io
import logging
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import ParseError

import openpyxl
import xlrd
from openpyxl.utils.exceptions import InvalidFileException

from docintake.errors import Corrupt, Encrypted
from docintake.extractors.pages import flow_page
from docintake.extractors.registry import ReadContext, Reader
from docintake.intake.sniff import MIME_BY_FORMAT
from docintake.model import Page

log = logging.getLogger(__name__)

MAX_CELLS = 1_000_000
"""Cells (empty ones included) visited per workbook before reading stops: a request form has a few hundred,
while a sheet may claim a million rows, or a row sixteen thousand columns, to make a reader spin."""


# What openpyxl and xlrd raise on damaged input (a broken zip member, a short record, a bad offset).
_XLSX_DAMAGE = (
    InvalidFileException, zipfile.BadZipFile, zlib.error, KeyError, EOFError, ValueError, ParseError,
    NotImplementedError,
)  # fmt: skip
_XLS_DAMAGE = (
    xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, AssertionError, IndexError, KeyError, EOFError,
    UnicodeDecodeError, ValueError,
)  # fmt: skip


class _Discard(io.TextIOBase):
    """xlrd writes its warnings to a log file, stdout by default; stdout belongs to the CLI's JSON."""

    def write(self, text: str) -> int:
        return len(text)


class _Budget:
    def __init__(self, limit: int) -> None:
        self.left = limit

    def spend(self, cells: int) -> bool:
        """Take ``cells`` from the budget; False once it is spent."""
        self.left -= max(cells, 1)
        return self.left >= 0


def format_cell(value: object) -> str:
    """A cell as a person reads it: dates MM/DD/YYYY, whole numbers without '.0', one line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%m/%d/%Y")
        return value.strftime("%m/%d/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    # A line break or tab inside a cell would split its row or shift its neighbours.
    return " ".join(str(value).split())


def _row_line(values: Iterable[object]) -> str:
    cells = [format_cell(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def _pages(sheets: Iterator[list[str]]) -> list[Page]:
    kept = [lines for lines in sheets if lines]
    return [flow_page(number, lines) for number, lines in enumerate(kept or [[]], start=1)]


def read_xlsx(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of an xlsx workbook (cached formula results, every sheet, hidden ones included)."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:  # read-only sheets are parsed while rows are iterated: damage may show only then
            return _pages(_xlsx_sheets(book, _Budget(MAX_CELLS)))
        finally:
            book.close()
    except _XLSX_DAMAGE as exc:
        raise Corrupt("the workbook's package is damaged") from exc


def _xlsx_sheets(book: openpyxl.Workbook, budget: _Budget) -> Iterator[list[str]]:
    for sheet in book.worksheets:
        # A sheet's stored dimension may claim XFD1048576; without it rows are only as long as their cells.
        sheet.reset_dimensions()
        lines: list[str] = []
        for row in sheet.iter_rows(values_only=True):
            if not budget.spend(len(row)):
                log.warning("workbook reading stopped after %d cells", MAX_CELLS)
                yield lines
                return
            line = _row_line(row)
            if line:
                lines.append(line)
        yield lines


def read_xls(data: bytes, ctx: ReadContext) -> list[Page]:
    """Pages of an Excel 97-2003 workbook."""
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=_Discard())
        try:  # sheets load on demand, so damage inside one shows only when it is read
            return _pages(_xls_sheets(book, _Budget(MAX_CELLS)))
        finally:
            book.release_resources()
    except _XLS_DAMAGE as exc:
        if isinstance(exc, xlrd.XLRDError) and "encrypted" in str(exc).lower():
            raise Encrypted("the workbook is encrypted") from exc
        raise Corrupt("the workbook is damaged") from exc


def _xls_sheets(book: xlrd.Book, budget: _Budget) -> Iterator[list[str]]:
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        lines: list[str] = []
        for r in range(sheet.nrows):
            width = sheet.row_len(r)
            if not budget.spend(width):
                log.warning("workbook reading stopped after %d cells", MAX_CELLS)
                yield lines
                return
            line = _row_line(_xls_value(book, cell) for cell in sheet.row_slice(r, 0, width))
            if line:
                lines.append(line)
        book.unload_sheet(index)
        yield lines


def _xls_value(book: xlrd.Book, cell: xlrd.sheet.Cell) -> object:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value  # a number formatted as a date but out of the date range: show the number
        return moment.time() if cell.value < 1 else moment
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return cell.value


READERS: tuple[Reader, ...] = (
    Reader("xlsx", (MIME_BY_FORMAT["xlsx"],), read_xlsx),
    Reader("xls", (MIME_BY_FORMAT["xls"],), read_xls),
)
