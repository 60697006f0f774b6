"""The streaming form reader: any chunking gives the same file and fields; limits hold while reading."""

from __future__ import annotations

import hashlib
import stat

import pytest

from docintake.errors import TooLarge
from docintake.intake.hook_multipart import MAX_FIELD_BYTES, BadForm, FormReader, boundary_of, safe_file_name

FIELDS = frozenset({"reference_id", "uploader", "metadata"})
DATA = bytes(range(256)) * 40 + b"\r\n--not-the-boundary\r\n"


def body(*parts: tuple[str, str | None, bytes], boundary: str = "XyZ") -> bytes:
    out = b""
    for name, file_name, value in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{file_name}"' if file_name is not None else "")
        out += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + value + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def read(data: bytes, folder, step: int, max_file_bytes: int = 1_000_000):
    reader = FormReader(b"XyZ", folder, max_file_bytes=max_file_bytes, fields=FIELDS)
    try:
        for start in range(0, len(data), step):
            reader.feed(data[start:start + step])
        return reader.finish()
    finally:
        reader.close()


@pytest.mark.parametrize("step", [1, 7, 4096, 1 << 20])
def test_any_chunking_reads_the_same_file_and_fields(tmp_path, step):
    folder = tmp_path / str(step)
    folder.mkdir()
    form = read(body(("reference_id", None, b"PA1234567897"), ("file", "scan.pdf", DATA)), folder, step)
    assert form.path.read_bytes() == DATA and form.size == len(DATA)
    assert form.sha256 == hashlib.sha256(DATA).hexdigest()
    assert form.file_name == "scan.pdf" and form.fields == {"reference_id": "PA1234567897"}
    assert stat.S_IMODE(form.path.stat().st_mode) == 0o600


def test_the_file_is_refused_while_reading_once_it_passes_the_limit(tmp_path):
    data = body(("file", "big.pdf", bytes(5000)))
    reader = FormReader(b"XyZ", tmp_path, max_file_bytes=4096, fields=FIELDS)
    fed = 0
    with pytest.raises(TooLarge):
        for start in range(0, len(data), 512):
            reader.feed(data[start:start + 512])
            fed = start + 512
    reader.close()
    assert fed < len(data)


@pytest.mark.parametrize("data", [
    body(("file", "a.pdf", b"1"), ("file", "b.pdf", b"2")),  # two files
    body(("attachment", "a.pdf", b"1")),  # the file under another name
    body(("file", "a.pdf", b"1"), ("diagnosis", None, b"x")),  # a field the API does not take
    body(("file", "a.pdf", b"1"), ("uploader", None, b"x" * (MAX_FIELD_BYTES + 1))),
    body(("uploader", None, b"clerk")),  # no file at all
    body(("file", "a.pdf", b"1"))[:-12],  # cut short
    body(("file", "a.pdf", b"1"), ("uploader", None, b"\xff\xfe")),  # not UTF-8
])
def test_forms_the_api_does_not_take_are_bad(tmp_path, data):
    with pytest.raises(BadForm):
        read(data, tmp_path, 64)


def test_file_names_lose_folders_and_control_characters():
    assert safe_file_name("C:\\Users\\x\\scan 1.pdf") == "scan 1.pdf"
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("a\x00b\nc.pdf") == "a_b_c.pdf"
    assert safe_file_name("..") == safe_file_name("") == "upload"


def test_only_multipart_form_data_has_a_boundary():
    assert boundary_of('multipart/form-data; boundary="abc"') == b"abc"
    for content_type in (None, "application/json", "multipart/form-data"):
        with pytest.raises(BadForm):
            boundary_of(content_type)
