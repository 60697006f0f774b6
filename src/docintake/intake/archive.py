"""Bounds on zip-based formats (docx, xlsx, xps), checked from the central directory before any inflating."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docintake.errors import Corrupt, Encrypted, SuspiciousArchive

_BIG_MEMBER = 1024 * 1024  # ratios of small members mean nothing: XML compresses 20-50x


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    max_total_bytes: int
    max_ratio: float
    max_members: int


def check_archive(data: bytes, limits: ArchiveLimits) -> None:
    """Refuse a package whose members would inflate past the bounds, or that is password-protected.

    Python's zipfile stops inflating a member at its declared size, so bounding the declared sizes bounds
    what any reader can be made to inflate.
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise Corrupt("the zip container cannot be opened") from exc
    if len(infos) > limits.max_members:
        raise SuspiciousArchive(f"{len(infos)} members; the limit is {limits.max_members}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise Encrypted("a part of the package is password-protected")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise SuspiciousArchive(f"members inflate past {limits.max_total_bytes} bytes")
        if info.file_size > _BIG_MEMBER:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise SuspiciousArchive(f"a member inflates {ratio:.0f} times; the limit is {limits.max_ratio:.0f}")
