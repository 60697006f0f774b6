"""Plain text and RTF: encodings, lines and pages, RTF tables, code pages and unicode escapes."""

from __future__ import annotations

import pytest

from docintake.errors import Corrupt, TooManyPages
from docintake.extractors import text
from docintake.extractors.registry import ReadContext
from docintake.intake.sniff import MIME_BY_FORMAT, sniff
from docintake.model import PageSource
from tests.unit.extractors._office_fixtures import lines_of, read_through_registry

TXT = MIME_BY_FORMAT["txt"]
RTF = MIME_BY_FORMAT["rtf"]
FORM = "Member ID: W123456789\r\nDOB: 01/05/1960\r\nPatient: José Núñez\r\n"


@pytest.mark.parametrize(
    "encoded",
    [
        FORM.encode("utf-8"),
        b"\xef\xbb\xbf" + FORM.encode("utf-8"),
        FORM.encode("utf-16"),  # with its BOM, little-endian here
        b"\xfe\xff" + FORM.encode("utf-16-be"),
        FORM.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_txt_encodings_decode_to_the_same_lines(ctx, encoded):
    assert sniff(encoded).format == "txt"
    (page,) = text.read_txt(encoded, ctx)
    assert lines_of(page) == ["Member ID: W123456789", "DOB: 01/05/1960", "Patient: José Núñez"]
    assert [w.text for w in page.words if w.line == 0] == ["Member", "ID:", "W123456789"]
    assert all(w.bbox is None and w.confidence == 1.0 for w in page.words)
    assert page.source is PageSource.FLOW


def test_txt_pages_split_at_form_feeds_and_blank_pages_are_dropped(ctx):
    data = b"Fax cover\nTo: UM desk\f\f\nReference PA1234567897\n\x00\x1a\fpage three\f\n"
    pages = text.read_txt(data, ctx)
    assert [p.number for p in pages] == [1, 2, 3]
    assert [p.text for p in pages] == ["Fax cover\nTo: UM desk", "Reference PA1234567897", "page three"]


def test_txt_page_limit_counts_before_building_pages(ctx):
    data = "\f".join(f"page {i}" for i in range(10)).encode()
    with pytest.raises(TooManyPages):
        text.read_txt(data, ReadContext(max_pages=3))


def test_txt_utf16_cut_mid_character_is_corrupt(ctx):
    with pytest.raises(Corrupt):
        read_through_registry(text, FORM.encode("utf-16")[:-1], TXT, ctx)


def _rtf(body: str, header: str = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}") -> bytes:
    return (header + body + "}").encode("ascii")


def test_rtf_paragraphs_code_page_and_unicode_escapes(ctx):
    data = _rtf(r"\pard Member ID\par W123456789\par Patient: Jos\'e9 N\u250\'fa\u241\'f1ez\par")
    assert sniff(data).format == "rtf"
    (page,) = text.read_rtf(data, ctx)
    assert lines_of(page) == ["Member ID", "W123456789", "Patient: José Núñez"]


def test_rtf_unicode_skip_count_follows_uc(ctx):
    (page,) = text.read_rtf(_rtf(r"{\uc2 Caf\u233\'3f\'3f}\uc0  na\u239 ve\par"), ctx)
    assert page.text == "Café naïve"


def test_rtf_other_code_page(ctx):
    header = r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Arial;}}"
    data = _rtf(r"\pard \'c8\'e2\'e0\'ed W123\par", header=header)
    (page,) = text.read_rtf(data, ctx)
    assert page.text == "Иван W123"


def test_rtf_page_breaks_and_table_rows(ctx):
    body = (
        r"\pard Prior Authorization Request\par"
        r"\trowd\cellx3000\cellx6000 Reference ID\cell PA1234567897\cell\row"
        r"\trowd\cellx3000\cellx6000 Date of Birth\cell 01/05/1960\cell\row"
        r"\pard\page Clinical notes \\page is literal\par"
    )
    pages = text.read_rtf(_rtf(body), ctx)
    assert [lines_of(p) for p in pages] == [
        ["Prior Authorization Request", "Reference ID\tPA1234567897", "Date of Birth\t01/05/1960"],
        [r"Clinical notes \page is literal"],
    ]


def test_rtf_pictures_and_objects_are_skipped_whole(ctx):
    picture = "89504e470d0a1a0a" * 4000
    body = (
        r"\pard Member ID\par{\*\shppict{\pict\pngblip\picw10\pich10 " + picture + r"}}"
        r"{\object{\*\objdata 0105000002000000" + picture + r"}}W123456789\par"
    )
    (page,) = text.read_rtf(_rtf(body), ctx)
    assert lines_of(page) == ["Member ID", "W123456789"]


@pytest.mark.parametrize(
    "data",
    [
        _rtf(r"\pard Member ID W123456789\par")[:-1],  # the closing brace lost: truncated
        b"{\\rtf1\\ansi {\\fonttbl{\\f0 Arial;}",
        b"\\rtf1 no opening brace",
    ],
)
def test_truncated_or_headless_rtf_is_corrupt(ctx, data):
    with pytest.raises(Corrupt):
        read_through_registry(text, data, RTF, ctx)
