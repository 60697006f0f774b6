"""Admission: read at most the size limit, refuse what must be refused, and name the format from the bytes."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from docintake.errors import EmptyFile, TooLarge
from docintake.intake.archive import ArchiveLimits, check_archive
from docintake.intake.sniff import sniff
from docintake.settings import Settings

_CHUNK = 1024 * 1024
_ZIP_FORMATS = frozenset({"docx", "xlsx", "xps"})


@dataclass(frozen=True, slots=True)
class AdmissionLimits:
    max_bytes: int
    archive: ArchiveLimits

    @classmethod
    def from_settings(cls, settings: Settings) -> AdmissionLimits:
        return cls(
            max_bytes=settings.max_bytes,
            archive=ArchiveLimits(
                max_total_bytes=settings.max_archive_bytes,
                max_ratio=settings.max_archive_ratio,
                max_members=settings.max_archive_members,
            ),
        )


@dataclass(frozen=True, slots=True)
class Admitted:
    """A file that passed admission: its bytes, their SHA-256, and its format (from the bytes)."""

    data: bytes
    sha256: str
    format: str
    mime: str

    @property
    def size(self) -> int:
        return len(self.data)


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """Read the whole stream, refusing it as soon as it passes ``max_bytes`` (the rest is never read)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"more than {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def admit_bytes(data: bytes, limits: AdmissionLimits) -> Admitted:
    """Admit bytes already in memory."""
    if len(data) > limits.max_bytes:
        raise TooLarge(f"{len(data):,} bytes; the limit is {limits.max_bytes:,}")
    if not data.strip():
        raise EmptyFile("0 bytes" if not data else "only blank characters")
    sniffed = sniff(data)
    if sniffed.format in _ZIP_FORMATS:
        check_archive(data, limits.archive)
    return Admitted(data=data, sha256=hashlib.sha256(data).hexdigest(), format=sniffed.format, mime=sniffed.mime)


def admit_stream(stream: BinaryIO, limits: AdmissionLimits) -> Admitted:
    """Admit a stream (an upload), reading no further than the size limit."""
    return admit_bytes(read_limited(stream, limits.max_bytes), limits)


def admit_path(path: Path, limits: AdmissionLimits) -> Admitted:
    """Admit a file on disk; an oversized file is refused from its size alone, without reading it."""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limits.max_bytes:
            raise TooLarge(f"{size:,} bytes; the limit is {limits.max_bytes:,}")
        return admit_stream(stream, limits)
