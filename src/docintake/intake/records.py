"""What intake and the workers need from the records (the Protocol storage implements), as plain values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from docintake.cases.matching import MatchDecision
from docintake.cases.store import CaseStore


@dataclass(frozen=True, slots=True)
class Arrival:
    """One file arriving: where from and when (``received_at`` from the source when it has one)."""

    file_name: str
    source: str  # fax | upload | cli
    received_at: datetime
    source_ref: str | None = None
    sender: dict[str, Any] = field(default_factory=dict)
    uploader: str | None = None
    given_reference_id: str | None = None


@dataclass(frozen=True, slots=True)
class StoredOriginal:
    """An admitted original already in the blob store."""

    sha256: str
    size: int
    format: str
    mime: str
    blob_key: str


@dataclass(frozen=True, slots=True)
class Recorded:
    """The outcome of recording an arrival: its document, and the first document when it is a duplicate."""

    submission_id: str
    document_id: str
    duplicate_of: str | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


@dataclass(frozen=True, slots=True)
class Claim:
    """A document a worker holds the lease on."""

    document_id: str
    sha256: str
    blob_key: str
    file_name: str
    mime: str
    attempts: int
    given_reference_id: str | None


@dataclass(frozen=True, slots=True)
class SegmentResult:
    """One segment's extraction (ingest-shaped fields JSON) and its match decision."""

    pages: tuple[int, int]
    document_type: str | None
    fields: dict[str, Any]
    decision: MatchDecision


class LeaseLost(Exception):
    """The document's lease was taken back (expired) before the result was committed; nothing was written."""


class DocumentRecords(Protocol):
    """Records of submissions and documents; every state change is compare-and-set on state and lease."""

    def record_arrival(self, arrival: Arrival, original: StoredOriginal, now: datetime,
                       publish_grace: timedelta) -> Recorded: ...

    def record_refusal(self, arrival: Arrival, sha256: str, size: int, code: str, message: str,
                       now: datetime) -> Recorded: ...

    def claim(self, document_id: str, worker: str, now: datetime, lease: timedelta) -> Claim | None: ...

    def renew(self, document_id: str, worker: str, now: datetime, lease: timedelta) -> bool: ...

    def retry_later(self, document_id: str, worker: str, now: datetime, available_at: datetime,
                    error_code: str) -> bool: ...

    def quarantine(self, document_id: str, worker: str, now: datetime, code: str, message: str) -> bool: ...

    def complete(
        self, claim: Claim, worker: str, now: datetime, *, extraction: dict[str, Any], pipeline_version: str,
        decide: Callable[[CaseStore], Sequence[SegmentResult]],
    ) -> str:
        """Commit the result and the matching in one transaction; returns the final state or raises LeaseLost."""
        ...

    def due_for_publish(self, now: datetime, grace: timedelta, limit: int = 500) -> list[str]: ...

    def document_state(self, document_id: str) -> str | None: ...

    def ingest_view(self, document_id: str) -> dict[str, Any]: ...


class Publisher(Protocol):
    """Says "work on document X" to the workers (the broker carries ids only)."""

    def publish(self, document_id: str) -> None: ...
