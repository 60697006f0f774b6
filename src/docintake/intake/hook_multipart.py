"""An upload's multipart/form-data body, read as it streams in.

The file part goes to a private file in a folder of the caller's, hashed and counted as it arrives, and is
refused (TooLarge) the moment it passes the limit, so the rest of the body is never read. Text fields are few,
named and bounded. Nothing here logs or quotes what the body holds.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header

from docintake.errors import TooLarge

FILE_FIELD = "file"
MAX_FIELD_BYTES = 8 * 1024
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")


class BadForm(ValueError):
    """The body is not the form the API expects; the message says what is wrong, never what was sent."""


@dataclass(slots=True)
class ReceivedForm:
    """A body read to its end: the file (on disk, private), its name, size and SHA-256, and the text fields."""

    path: Path
    file_name: str
    size: int
    sha256: str
    fields: dict[str, str] = field(default_factory=dict)


def safe_file_name(raw: str) -> str:
    """The sender's file name without folders or control characters (it names the submission, nothing on disk)."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip().strip(".")[:200]
    return name or "upload"


def boundary_of(content_type: str | None) -> bytes:
    """The multipart boundary of a Content-Type header (BadForm when the body is not multipart/form-data)."""
    kind, options = parse_options_header(content_type or "")
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise BadForm("the body must be multipart/form-data with a boundary")
    return boundary


class FormReader:
    """Feed it the body's chunks in order, then ``finish()``; it writes the file part into ``folder``."""

    def __init__(self, boundary: bytes, folder: Path, *, max_file_bytes: int, fields: frozenset[str]) -> None:
        self.folder = folder
        self.max_file_bytes = max_file_bytes
        self.allowed = fields
        self.fields: dict[str, str] = {}
        self._parser = MultipartParser(boundary, {
            "on_part_begin": self._part_begin, "on_part_data": self._part_data, "on_part_end": self._part_end,
            "on_header_field": self._header_field, "on_header_value": self._header_value,
            "on_header_end": self._header_end, "on_headers_finished": self._headers_finished,
            "on_end": self._end,
        })
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._name: str | None = None
        self._field: bytearray | None = None
        self._out: BinaryIO | None = None
        self._digest = hashlib.sha256()
        self._size = 0
        self._file: ReceivedForm | None = None
        self._ended = False

    def feed(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except FormParserError as error:
            raise BadForm("the multipart body is malformed") from error

    def finish(self) -> ReceivedForm:
        """The form once the whole body was fed (BadForm when it ended early or had no file)."""
        if not self._ended:
            raise BadForm("the multipart body ended before its closing boundary")
        if self._file is None:
            raise BadForm(f"the form has no file part named {FILE_FIELD!r}")
        self._file.fields = dict(self.fields)
        return self._file

    def close(self) -> None:
        """Close the file being written, if any (the caller removes the folder)."""
        if self._out is not None:
            self._out.close()
            self._out = None

    # -- parser callbacks ------------------------------------------------------------------------------------

    def _part_begin(self) -> None:
        self._disposition = b""
        self._name = None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        if self._header_name.strip().lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            if name != FILE_FIELD or self._file is not None or self._out is not None:
                raise BadForm(f"exactly one file part, named {FILE_FIELD!r}, is expected")
            file_name = safe_file_name(options[b"filename"].decode("utf-8", "replace"))
            path = self.folder / file_name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            self._out = os.fdopen(fd, "wb")
            self._file = ReceivedForm(path=path, file_name=file_name, size=0, sha256="")
        elif name in self.allowed and name not in self.fields:
            self._field = bytearray()
        else:
            raise BadForm(f"unexpected form field; the fields are {FILE_FIELD!r} and {', '.join(sorted(self.allowed))}")
        self._name = name

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        piece = data[start:end]
        if self._out is not None:
            self._size += len(piece)
            if self._size > self.max_file_bytes:
                raise TooLarge(f"more than {self.max_file_bytes:,} bytes")
            self._digest.update(piece)
            self._out.write(piece)
        elif self._field is not None:
            if len(self._field) + len(piece) > MAX_FIELD_BYTES:
                raise BadForm(f"a form field is longer than {MAX_FIELD_BYTES:,} bytes")
            self._field.extend(piece)

    def _part_end(self) -> None:
        if self._out is not None and self._file is not None:
            self._out.close()
            self._out = None
            self._file.size, self._file.sha256 = self._size, self._digest.hexdigest()
        elif self._field is not None and self._name is not None:
            try:
                self.fields[self._name] = self._field.decode("utf-8")
            except UnicodeDecodeError as error:
                raise BadForm("form fields must be UTF-8 text") from error
            self._field = None

    def _end(self) -> None:
        self._ended = True
