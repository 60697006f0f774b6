"""Decide a file's format from its bytes, never from its name."""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

import olefile
from defusedxml import ElementTree

from docintake.errors import Corrupt, Encrypted, UnsupportedFormat

MIME_BY_FORMAT: dict[str, str] = {
    "pdf": "application/pdf",
    "txt": "text/plain",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "rtf": "application/rtf",
    "xps": "application/vnd.ms-xpsdocument",
}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# Formats a provider may send by mistake; naming them makes the refusal clearer.
_FOREIGN_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "an executable program"),
    (b"\x7fELF", "an executable program"),
    (b"\xcf\xfa\xed\xfe", "an executable program"),
    (b"\xca\xfe\xba\xbe", "an executable program"),
    (b"#!", "a script"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
)

_REL_OFFICE_DOCUMENT = "/officeDocument"
_XPS_REL_SUFFIX = "/fixedrepresentation"
_CT_DOCX = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
_CT_XLSX = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)


@dataclass(frozen=True, slots=True)
class Sniffed:
    format: str

    @property
    def mime(self) -> str:
        return MIME_BY_FORMAT[self.format]


def sniff(data: bytes) -> Sniffed:
    """The format of ``data``; raises UnsupportedFormat, Encrypted or Corrupt when it is none we accept."""
    head = data[:16]
    if b"%PDF-" in data[:1024]:
        return Sniffed("pdf")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg")
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return Sniffed("tiff")
    if _looks_like_bmp(data):
        return Sniffed("bmp")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return Sniffed("rtf")
    if head.startswith(OLE_MAGIC):
        return Sniffed(_sniff_ole(data))
    if head.startswith(_ZIP_MAGICS):
        return Sniffed(_sniff_zip(data))
    for magic, what in _FOREIGN_MAGICS:
        if head.startswith(magic):
            raise UnsupportedFormat(f"the content is {what}")
    if looks_like_text(data):
        return Sniffed("txt")
    raise UnsupportedFormat("the content is not a recognised document format")


def _looks_like_bmp(data: bytes) -> bool:
    if len(data) < 26 or not data.startswith(b"BM"):
        return False
    reserved = data[6:10]
    dib_size = struct.unpack_from("<I", data, 14)[0]
    return reserved == b"\x00\x00\x00\x00" and dib_size in (12, 16, 40, 52, 56, 64, 108, 124)


def _sniff_ole(data: bytes) -> str:
    """Tell a Word 97 document, an Excel 97 workbook and an encrypted Office file apart."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises several types on damaged containers
        raise Corrupt("the Office container cannot be opened") from exc
    try:
        streams = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=False)}
        if "encryptedpackage" in streams or "encryptioninfo" in streams:
            raise Encrypted("the Office file is encrypted")
        if "worddocument" in streams:
            return "doc"
        if "workbook" in streams or "book" in streams:
            return "xls"
    finally:
        ole.close()
    raise UnsupportedFormat("the content is an Office file that is neither a Word document nor a workbook")


def _sniff_zip(data: bytes) -> str:
    """A docx, xlsx or xps by its package relationships and content types; any other zip is refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        rels = _read_small_xml(archive, "_rels/.rels") if "_rels/.rels" in names else None
        content_types = (
            _read_small_xml(archive, "[Content_Types].xml") if "[Content_Types].xml" in names else None
        )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise Corrupt("the zip container cannot be opened") from exc
    if rels is not None:
        for rel in rels:
            rel_type = rel.get("Type", "")
            if rel_type.endswith(_XPS_REL_SUFFIX):
                return "xps"
            if rel_type.endswith(_REL_OFFICE_DOCUMENT):
                target = "/" + rel.get("Target", "").lstrip("/")
                kind = _override_content_type(content_types, target)
                if kind in _CT_DOCX:
                    return "docx"
                if kind in _CT_XLSX:
                    return "xlsx"
                if kind is None and target.startswith("/word/"):
                    return "docx"
                if kind is None and target.startswith("/xl/"):
                    return "xlsx"
                raise UnsupportedFormat("the content is an Office file type that is not accepted")
    raise UnsupportedFormat("the content is a zip archive, not a docx, xlsx or xps document")


def _read_small_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = archive.getinfo(name)
    if info.file_size > 1024 * 1024:
        raise UnsupportedFormat("the package's index part is implausibly large")
    if info.flag_bits & 0x1:
        raise Encrypted("the zip container is password-protected")
    try:
        return ElementTree.fromstring(archive.read(name))
    except Exception as exc:  # defusedxml refuses entities; ParseError on damage
        raise Corrupt("the package's index part is not well-formed XML") from exc


def _override_content_type(content_types: ElementTree.Element | None, part: str) -> str | None:
    if content_types is None:
        return None
    for child in content_types:
        if child.tag.endswith("Override") and child.get("PartName", "").lower() == part.lower():
            return child.get("ContentType")
    return None


def looks_like_text(data: bytes) -> bool:
    """Plain text: UTF-16 with a BOM, or UTF-8/cp1252 without binary control bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return _few_controls(text)
    if b"\x00" in data:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _few_controls(text)
    return False


def _few_controls(text: str) -> bool:
    if not text.strip():
        return False
    allowed = "\t\n\r\f\x1a"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in allowed)
    return controls <= len(text) // 1000
