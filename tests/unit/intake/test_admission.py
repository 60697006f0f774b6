"""Admission refuses what it must with the right code, reads no further than the limit, and keeps quarantine."""

from __future__ import annotations

import io
import json
import stat

import pytest

from docintake.errors import EmptyFile, Encrypted, SuspiciousArchive, TooLarge, UnsupportedFormat
from docintake.intake.admission import AdmissionLimits, admit_bytes, admit_path, admit_stream, read_limited
from docintake.intake.archive import ArchiveLimits
from docintake.intake.quarantine import QuarantineStore
from docintake.settings import Settings
from tests import builders

LIMITS = AdmissionLimits.from_settings(Settings())


class CountingStream(io.RawIOBase):
    """An endless stream that counts how much was read from it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = len(buffer)
        buffer[:n] = b"\x00" * n
        self.read_bytes += n
        return n


def test_the_default_limit_is_the_portals_25_mb():
    assert LIMITS.max_bytes == 26_214_400


def test_an_oversized_stream_is_refused_without_reading_the_rest():
    stream = CountingStream()
    with pytest.raises(TooLarge):
        read_limited(stream, 26_214_400)
    assert stream.read_bytes <= 26_214_400 + 2 * 1024 * 1024


def test_exactly_the_limit_is_accepted_and_one_byte_more_is_not():
    limits = AdmissionLimits(max_bytes=1000, archive=LIMITS.archive)
    assert admit_stream(io.BytesIO(b"a" * 1000), limits).format == "txt"
    with pytest.raises(TooLarge):
        admit_stream(io.BytesIO(b"a" * 1001), limits)


def test_an_oversized_file_is_refused_from_its_size(tmp_path):
    path = tmp_path / "big.pdf"
    with open(path, "wb") as out:
        out.truncate(26_214_401)  # sparse: the check must not need to read it
    with pytest.raises(TooLarge) as raised:
        admit_path(path, LIMITS)
    assert raised.value.code == "too_large"
    assert "25 MB" in raised.value.message


@pytest.mark.parametrize("data", [b"", b"   \r\n\t "])
def test_empty_files_are_refused(data):
    with pytest.raises(EmptyFile) as raised:
        admit_bytes(data, LIMITS)
    assert raised.value.code == "empty"


def test_an_executable_named_pdf_is_refused(tmp_path):
    path = tmp_path / "request.pdf"
    path.write_bytes(b"MZ\x90\x00\x03" + bytes(512))
    with pytest.raises(UnsupportedFormat) as raised:
        admit_path(path, LIMITS)
    assert "executable" in raised.value.message


def test_a_zip_bomb_docx_is_refused_before_inflating():
    data = builders.zip_bomb_docx(64 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    with pytest.raises(SuspiciousArchive) as raised:
        admit_bytes(data, LIMITS)
    assert raised.value.code == "suspicious_archive"


def test_too_many_archive_members_is_suspicious():
    limits = AdmissionLimits(LIMITS.max_bytes, ArchiveLimits(max_total_bytes=10**9, max_ratio=1e9, max_members=5))
    members = {f"word/m{i}.xml": b"<a/>" for i in range(10)}
    data = builders.docx_bytes()
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    members.update({name: src.read(name) for name in src.namelist()})
    with pytest.raises(SuspiciousArchive):
        admit_bytes(builders.zip_bytes(members), limits)


def test_a_zip_with_an_encrypted_member_is_encrypted():
    data = bytearray(builders.docx_bytes())
    # Set the "encrypted" general-purpose flag on every local and central header.
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := data.find(signature, start)) >= 0:
            data[i + flag_offset] |= 0x01
            start = i + 4
    with pytest.raises(Encrypted):
        admit_bytes(bytes(data), LIMITS)


def test_admitted_files_carry_format_and_sha256():
    admitted = admit_bytes(builders.pdf_bytes(), LIMITS)
    assert admitted.format == "pdf"
    assert admitted.mime == "application/pdf"
    assert len(admitted.sha256) == 64


def test_quarantine_keeps_the_original_and_a_reason_record_privately(tmp_path):
    store = QuarantineStore(tmp_path / "quarantine")
    payload = b"MZ\x90\x00" + bytes(64)
    try:
        admit_bytes(payload, LIMITS)
    except UnsupportedFormat as error:
        first = store.put_bytes(payload, error, file_name="request.pdf", source="fax")
        second = store.put_bytes(payload, error, file_name="request.pdf", source="upload")
    original = store.original(first.sha256)
    assert original.read_bytes() == payload
    assert stat.S_IMODE(original.stat().st_mode) == 0o600
    assert first.sha256 == second.sha256 and first.quarantine_id != second.quarantine_id
    records = store.records()
    assert [r.source for r in records] == ["fax", "upload"]
    assert records[0].code == "unsupported_format"
    on_disk = json.loads((tmp_path / "quarantine" / first.sha256 / f"{first.quarantine_id}.json").read_text())
    assert on_disk["message"] == first.message and on_disk["size"] == len(payload)


def test_quarantine_keeps_a_file_larger_than_the_limit(tmp_path):
    path = tmp_path / "huge.tif"
    with open(path, "wb") as out:
        out.write(b"II*\x00")
        out.truncate(26_214_500)
    store = QuarantineStore(tmp_path / "q")
    with pytest.raises(TooLarge) as raised:
        admit_path(path, LIMITS)
    record = store.put_file(path, raised.value, source="fax")
    assert record.size == 26_214_500
    assert store.original(record.sha256).stat().st_size == 26_214_500
