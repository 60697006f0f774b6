"""Files the pipeline must refuse, each with the refusal code it must give."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from random import Random

from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from samples.generator.office import FIXED_TIME

BOMB_SIZE = 500 * 1024 * 1024  # what the bomb member inflates to
_CHUNK = 1024 * 1024
_ZIP_DATE = FIXED_TIME.timetuple()[:6]


def _pdf_bytes(pages: int, text: str, encrypt: str | None = None) -> bytes:
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(userPassword=encrypt, ownerPassword=encrypt + "-owner") if encrypt else None
    c = Canvas(buf, pagesize=letter, invariant=1, encrypt=enc)
    for i in range(pages):
        if text:
            c.setFont("Helvetica", 12)
            c.drawString(72, 700, f"{text} - page {i + 1}")
            c.drawString(72, 680, "Synthetic sample: no real patient data. Member ID W000000000.")
        c.showPage()
    c.save()
    return buf.getvalue()


def _minimal_docx_members() -> dict[str, str]:
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Clinical notes attached.</w:t></w:r></w:p>'
            '</w:body></w:document>'),
    }


def write_zip_bomb_docx(out: Path) -> None:
    """A docx whose media member inflates to 500 MB of zeros, streamed in chunks (never held in memory)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in _minimal_docx_members().items():
            z.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("word/media/image1.emf", date_time=_ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = bytes(_CHUNK)
        with z.open(info, "w", force_zip64=True) as member:
            for _ in range(BOMB_SIZE // _CHUNK):
                member.write(chunk)


def write_pixel_bomb_png(out: Path, side: int = 40000) -> None:
    """A tiny PNG whose header claims side x side pixels; its data stream covers only the first rows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit grayscale
    rows = zlib.compress(b"\x00" * ((side // 8 + 1) * 16), 9)
    out.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def write_encrypted_docx(src_docx: Path, out: Path, seed: int) -> None:
    """Password-protect a real docx with msoffcrypto-tool (ECMA-376 agile encryption)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with src_docx.open("rb") as fh, out.open("wb") as dst, _seeded_office_random(seed):
        OOXMLFile(fh).encrypt("Synthetic-2026", dst)


class _FixedClock(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> _FixedClock:
        return cls(*FIXED_TIME.timetuple()[:6], tzinfo=tz)


@contextmanager
def _seeded_office_random(seed: int):
    """msoffcrypto draws salts and keys from `secrets` and stamps the container with now(): pin both so the
    corpus is reproducible (samples only; real encryption must stay random)."""
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    rng = Random(seed)
    original: Callable[[int], bytes] = ecma376_agile._random_buffer
    original_clock = ecma376_encrypted.datetime
    ecma376_agile._random_buffer = rng.randbytes
    ecma376_encrypted.datetime = _FixedClock
    try:
        yield
    finally:
        ecma376_agile._random_buffer = original
        ecma376_encrypted.datetime = original_clock


def write_refusals(out_dir: Path, docx_source: Path, seed: int) -> list[tuple[str, str, str]]:
    """Write every refusal sample; returns (file name, expected code, how it was made)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = Random(f"{seed}:refusals")
    made: list[tuple[str, str, str]] = []

    def put(name: str, data: bytes, code: str, how: str) -> None:
        (out_dir / name).write_bytes(data)
        made.append((name, code, how))

    put("empty.pdf", b"", "empty", "zero bytes")
    put("program.pdf", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + rng.randbytes(4000).replace(b"%PDF", b"%PDx"),
        "unsupported_format", "an ELF header followed by random bytes, named .pdf")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("notes.txt", date_time=_ZIP_DATE), "Progress notes to follow.\n")
        z.writestr(zipfile.ZipInfo("readme.txt", date_time=_ZIP_DATE), "Two plain text files in a zip.\n")
    put("plain_zip.docx", buf.getvalue(), "unsupported_format", "a plain zip of two text files, named .docx")
    put("password.pdf", _pdf_bytes(2, "Letter of medical necessity", encrypt="Synthetic-2026"), "encrypted",
        "reportlab PDF with a user password (Synthetic-2026)")
    write_encrypted_docx(docx_source, out_dir / "password.docx", seed)
    made.append(("password.docx", "encrypted", "a generated docx encrypted by msoffcrypto-tool (Synthetic-2026)"))
    whole = _pdf_bytes(6, "Prior authorization request")
    put("truncated.pdf", whole[: len(whole) * 2 // 5], "corrupt", "the first 40% of a 6-page reportlab PDF")
    write_zip_bomb_docx(out_dir / "zip_bomb.docx")
    made.append(("zip_bomb.docx", "suspicious_archive",
                 "a valid small docx plus a deflated member that inflates to 500 MB of zeros"))
    write_pixel_bomb_png(out_dir / "pixel_bomb.png")
    made.append(("pixel_bomb.png", "too_many_pixels", "a PNG header claiming 40000x40000 pixels, data cut short"))
    put("blank_600_pages.pdf", _pdf_bytes(600, ""), "too_many_pages", "reportlab PDF with 600 blank pages")
    return made
