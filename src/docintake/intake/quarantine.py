"""Quarantine: refused originals are kept, never deleted, each arrival with a JSON reason record.

Layout: ``<root>/<sha256>/original`` (one copy per content) and ``<root>/<sha256>/<arrival id>.json``
(one record per arrival). Files are private (0600) and folders 0700. Issue 5 moves the records into the
database; the folder stays the place of the bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from docintake.errors import IntakeError

_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    quarantine_id: str
    sha256: str
    size: int
    code: str
    message: str
    file_name: str
    source: str
    received_at: str
    quarantined_at: str
    schema_version: int = 1


class QuarantineStore:
    """A folder of refused originals and why they were refused."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def put_stream(
        self, stream: BinaryIO, error: IntakeError, *, file_name: str, source: str,
        received_at: datetime | None = None,
    ) -> QuarantineRecord:
        """Keep the whole stream (however large) and record why it was refused."""
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        staging = self.root / f".incoming-{uuid.uuid4().hex}"
        digest = hashlib.sha256()
        size = 0
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            folder = self.root / sha256
            folder.mkdir(mode=0o700, exist_ok=True)
            original = folder / "original"
            if original.exists():
                staging.unlink()
            else:
                os.replace(staging, original)
        except BaseException:
            staging.unlink(missing_ok=True)
            raise
        return self._record(sha256, size, error, file_name, source, received_at)

    def put_file(
        self, path: Path, error: IntakeError, *, source: str, received_at: datetime | None = None
    ) -> QuarantineRecord:
        """Keep a copy of a file on disk (the caller may then remove its own copy)."""
        with open(path, "rb") as stream:
            return self.put_stream(stream, error, file_name=path.name, source=source, received_at=received_at)

    def put_bytes(
        self, data: bytes, error: IntakeError, *, file_name: str, source: str,
        received_at: datetime | None = None,
    ) -> QuarantineRecord:
        return self.put_stream(io.BytesIO(data), error, file_name=file_name, source=source, received_at=received_at)

    def _record(
        self, sha256: str, size: int, error: IntakeError, file_name: str, source: str,
        received_at: datetime | None,
    ) -> QuarantineRecord:
        now = datetime.now(UTC)
        record = QuarantineRecord(
            quarantine_id=uuid.uuid4().hex,
            sha256=sha256,
            size=size,
            code=error.code,
            message=error.message,
            file_name=file_name,
            source=source,
            received_at=(received_at or now).astimezone(UTC).isoformat(),
            quarantined_at=now.isoformat(),
        )
        path = self.root / sha256 / f"{record.quarantine_id}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(record), out, indent=2)
        return record

    def records(self) -> list[QuarantineRecord]:
        """Every arrival ever quarantined, oldest first."""
        found = []
        for path in self.root.glob("*/*.json"):
            found.append(QuarantineRecord(**json.loads(path.read_text(encoding="utf-8"))))
        return sorted(found, key=lambda r: r.quarantined_at)

    def original(self, sha256: str) -> Path:
        return self.root / sha256 / "original"

