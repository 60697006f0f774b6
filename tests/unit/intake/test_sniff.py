"""The format comes from the bytes: every accepted format, and what must be refused."""

from __future__ import annotations

import pytest

from docintake.errors import Corrupt, UnsupportedFormat
from docintake.intake.sniff import looks_like_text, sniff
from tests import builders


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (builders.pdf_bytes, "pdf"),
        (lambda: builders.image_bytes("PNG"), "png"),
        (lambda: builders.image_bytes("JPEG"), "jpeg"),
        (lambda: builders.image_bytes("BMP"), "bmp"),
        (lambda: builders.image_bytes("TIFF"), "tiff"),
        (builders.docx_bytes, "docx"),
        (builders.xlsx_bytes, "xlsx"),
        (builders.xls_bytes, "xls"),
        (builders.rtf_bytes, "rtf"),
        (builders.xps_bytes, "xps"),
        (lambda: b"Member ID: W123456789\r\n", "txt"),
        (lambda: "Patient: José Núñez\n".encode("utf-16"), "txt"),
        (lambda: "Patient: José Núñez\n".encode("cp1252"), "txt"),
        (lambda: b"BMW of North America\nservice record\n", "txt"),  # starts with BM, is no bitmap
        (lambda: b"junk before the header\n" + builders.pdf_bytes(), "pdf"),
    ],
)
def test_accepted_formats_are_recognised_from_their_bytes(build, expected):
    assert sniff(build()).format == expected


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00" + bytes(range(256)) * 4,  # a Windows executable renamed .pdf
        b"\x7fELF\x02\x01\x01" + bytes(200),
        b"GIF89a" + bytes(100),
        bytes(range(256)) * 8,  # binary noise
        b"\x00\x01\x02\x03" * 100,
    ],
)
def test_foreign_content_is_unsupported(data):
    with pytest.raises(UnsupportedFormat):
        sniff(data)


def test_a_zip_that_is_not_an_office_package_is_unsupported():
    with pytest.raises(UnsupportedFormat) as raised:
        sniff(builders.zip_bytes({"notes.txt": b"hello", "more.txt": b"world"}))
    assert "zip" in raised.value.message


def test_a_macro_enabled_workbook_is_not_taken_for_xlsx():
    data = builders.xlsx_bytes()
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    members = {name: src.read(name) for name in src.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    with pytest.raises(UnsupportedFormat):
        sniff(builders.zip_bytes(members))


def test_a_broken_zip_is_corrupt():
    data = builders.docx_bytes()
    with pytest.raises((Corrupt, UnsupportedFormat)):
        sniff(data[:200])


def test_text_detection_refuses_binary_and_accepts_ordinary_text():
    assert looks_like_text(b"DOB 01/05/1960\tMember W123\n\f")
    assert not looks_like_text(b"abc\x00def")
    assert not looks_like_text(b"   \n\n")
    assert not looks_like_text(bytes(range(1, 32)) * 10)
