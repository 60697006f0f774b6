"""The fax server's sidecar: `<name>.json` or `<name>.xml` beside a dropped file, kept with its submission.

JSON shape (every key optional, unknown keys ignored)::

    {"schema_version": 1, "job_id": "F-20260301-0042", "sender_number": "+1 555 010 0199",
     "pages": 3, "received_at": "2026-03-01T14:05:09Z"}

XML: any root element whose children carry the same names (``<fax><job_id>...</job_id><pages>3</pages>...</fax>``).
A value that does not fit is dropped and its key named in ``sidecar_errors``; a sidecar that cannot be read at
all still lets its document in (metadata never costs a document). A time without an offset is taken as UTC.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

SIDECAR_SUFFIXES = (".json", ".xml")
MAX_SIDECAR_BYTES = 64 * 1024
_NUMBER = re.compile(r"^\+?[0-9 ().-]{3,40}$")
_JOB = re.compile(r"^[A-Za-z0-9._:/-]{1,200}$")


@dataclass(frozen=True, slots=True)
class Sidecar:
    """What the fax server said about a file; ``errors`` names keys (never values) that were dropped."""

    kind: str  # json | xml
    job_id: str | None = None
    sender_number: str | None = None
    pages: int | None = None
    received_at: datetime | None = None
    errors: tuple[str, ...] = field(default_factory=tuple)

    def sender(self) -> dict[str, Any]:
        """The submission's sender metadata."""
        return {
            "sidecar": self.kind, "job_id": self.job_id, "sender_number": self.sender_number, "pages": self.pages,
            "received_at": self.received_at.isoformat() if self.received_at else None,
            "sidecar_errors": list(self.errors),
        }


def sidecar_names(document_name: str) -> list[str]:
    """The names a sidecar of this document may have: ``fax1.json`` and ``fax1.tif.json`` (and .xml)."""
    stem = Path(document_name).stem
    names = []
    for suffix in SIDECAR_SUFFIXES:
        names += [f"{stem}{suffix}", f"{document_name}{suffix}"]
    return list(dict.fromkeys(names))


def is_sidecar(name: str) -> bool:
    """In a drop folder, JSON and XML files are the fax server's metadata, never documents."""
    return name.lower().endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path) -> Sidecar:
    """Parse a sidecar file; never raises for bad content (an unreadable one is ``errors=("sidecar",)``)."""
    kind = "xml" if path.name.lower().endswith(".xml") else "json"
    try:
        data = path.read_bytes()
        if len(data) > MAX_SIDECAR_BYTES:
            raise ValueError("too large")
        raw = _from_xml(data) if kind == "xml" else json.loads(data.decode("utf-8-sig"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except (OSError, ValueError, UnicodeDecodeError, ElementTree.ParseError, DefusedXmlException):
        return Sidecar(kind, errors=("sidecar",))
    errors: list[str] = []
    job_id = _pick(raw, "job_id", errors, lambda v: str(v) if _JOB.match(str(v)) else None)
    number = _pick(raw, "sender_number", errors, lambda v: str(v).strip() if _NUMBER.match(str(v).strip()) else None)
    pages = _pick(raw, "pages", errors, _pages)
    received = _pick(raw, "received_at", errors, _time)
    return Sidecar(kind, job_id, number, pages, received, tuple(errors))


def _from_xml(data: bytes) -> dict[str, Any]:
    root = ElementTree.fromstring(data)
    return {child.tag: (child.text or "").strip() for child in root}


def _pick(raw: dict[str, Any], key: str, errors: list[str], convert: Any) -> Any:
    value = raw.get(key)
    if value is None or value == "":
        return None
    try:
        converted = None if isinstance(value, bool | dict | list) else convert(value)
    except (TypeError, ValueError):
        converted = None
    if converted is None:
        errors.append(key)
    return converted


def _pages(value: int | str) -> int | None:
    pages = int(value)
    return pages if 0 <= pages <= 100_000 else None


def _time(value: str) -> datetime:
    parsed = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
