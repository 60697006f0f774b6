"""Processing one document for a worker: claim, read and mine (pipeline.py), match, commit, or retry/quarantine.

Every outcome is committed before this returns, so the worker may ack. A retryable failure goes back to
`received` with a backoff (the reconciler re-publishes it then); after `max_attempts` it is quarantined as
`processing_failed`, the original kept for a clerk to retry.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from docintake import pipeline
from docintake.cases.matching import Identity, MatchPolicy, match
from docintake.cases.store import CaseStore
from docintake.classifiers.routing import review_reasons
from docintake.contract import PIPELINE_VERSION, extract_json, fields_json
from docintake.errors import IntakeError, ProcessingFailed, Refusal
from docintake.intake.admission import admit_bytes
from docintake.intake.quarantine import QuarantineStore
from docintake.intake.records import Claim, DocumentRecords, LeaseLost, SegmentResult
from docintake.model import ExtractedDocument
from docintake.storage.blobs import BlobStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ProcessingPolicy:
    lease: timedelta = timedelta(minutes=5)
    max_attempts: int = 3
    retry_backoff: timedelta = timedelta(seconds=10)
    match: MatchPolicy = field(default_factory=MatchPolicy)

    def backoff(self, attempts: int) -> timedelta:
        """Doubling with each attempt already made."""
        return self.retry_backoff * (2 ** max(0, attempts - 1))


class DocumentProcessor:
    """The handler a worker calls with a document id; returns the state it left the document in."""

    def __init__(
        self, records: DocumentRecords, blobs: BlobStore, quarantine: QuarantineStore,
        ctx: pipeline.PipelineContext, policy: ProcessingPolicy, worker_id: str, clock: Callable[[], datetime],
    ) -> None:
        self.records = records
        self.blobs = blobs
        self.quarantine_store = quarantine
        self.ctx = ctx
        self.policy = policy
        self.worker_id = worker_id
        self.clock = clock

    def __call__(self, document_id: str) -> str:
        claim = self.records.claim(document_id, self.worker_id, self.clock(), self.policy.lease)
        if claim is None:  # done, held by a live worker, or waiting for its backoff: not ours
            return "skipped"
        if claim.attempts > self.policy.max_attempts:  # it killed its worker every time
            return self._quarantine(claim, ProcessingFailed(f"{claim.attempts - 1} attempts"), keep=True)
        with self._lease_kept(claim):
            try:
                doc = self._extract(claim)
            except Refusal as refusal:
                return self._quarantine(claim, refusal, keep=True)
            except Exception as error:
                return self._failed(claim, error)
            try:
                return self.records.complete(
                    claim, self.worker_id, self.clock(), extraction=_stored(doc),
                    pipeline_version=PIPELINE_VERSION, decide=lambda store: self._decide(doc, claim, store),
                )
            except LeaseLost:
                log.warning("document %s: lease lost before commit; result discarded", claim.document_id)
                return "lease_lost"

    def _extract(self, claim: Claim) -> ExtractedDocument:
        # The stages of pipeline.extract_path, on the stored bytes (admitted again: the format comes from them).
        admitted = admit_bytes(self.blobs.get(claim.blob_key), self.ctx.limits)
        return pipeline.process_admitted(admitted, claim.file_name, self.ctx)

    def _decide(self, doc: ExtractedDocument, claim: Claim, store: CaseStore) -> list[SegmentResult]:
        now = self.clock()
        results = []
        for first, last, document_type, fields, reasons in _segments(doc, self.ctx.auto_accept):
            decision = match(Identity.from_fields(fields), store, now, given_reference_id=claim.given_reference_id,
                             field_reasons=reasons, policy=self.policy.match)
            results.append(SegmentResult((first, last), document_type, fields_json(fields), decision))
        return results

    def _failed(self, claim: Claim, error: Exception) -> str:
        code = error.code if isinstance(error, IntakeError) else type(error).__name__
        log.warning("document %s: attempt %d failed (%s)", claim.document_id, claim.attempts, code)
        if claim.attempts < self.policy.max_attempts:
            now = self.clock()
            self.records.retry_later(claim.document_id, self.worker_id, now,
                                     now + self.policy.backoff(claim.attempts), code[:64])
            return "retry"
        return self._quarantine(claim, ProcessingFailed(f"{claim.attempts} attempts"), keep=False)

    def _quarantine(self, claim: Claim, error: IntakeError, *, keep: bool) -> str:
        if keep:  # a refused original also lands in the quarantine folder, where clerks look for refusals
            with suppress(KeyError):
                self.quarantine_store.put_bytes(self.blobs.get(claim.blob_key), error, file_name=claim.file_name,
                                                source="worker")
        self.records.quarantine(claim.document_id, self.worker_id, self.clock(), error.code, error.message)
        return "quarantined"

    @contextmanager
    def _lease_kept(self, claim: Claim) -> Iterator[None]:
        """Renew the lease while this worker is alive and working (a killed worker stops renewing)."""
        stop = threading.Event()
        interval = max(0.2, self.policy.lease.total_seconds() / 3)

        def renew() -> None:
            while not stop.wait(interval):
                try:
                    if not self.records.renew(claim.document_id, self.worker_id, self.clock(), self.policy.lease):
                        return
                except Exception as error:
                    log.warning("document %s: lease renewal failed (%s)", claim.document_id, type(error).__name__)

        keeper = threading.Thread(target=renew, name=f"lease-{claim.document_id[:8]}", daemon=True)
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()


def _segments(doc: ExtractedDocument, threshold: float
              ) -> list[tuple[int, int, str | None, dict[str, object], tuple[str, ...]]]:
    """The document's proposed segments with their own review reasons, or the whole file as one."""
    parts = tuple(getattr(doc, "segments", ()) or ())
    if len(parts) <= 1:
        kind = doc.document_type.value if doc.document_type else None
        return [(1, max(1, len(doc.pages)), kind, dict(doc.fields), tuple(doc.review_reasons))]
    found = []
    for part in parts:
        kind = part.document_type.value if part.document_type else "other"
        reasons = (*review_reasons(kind, part.fields, threshold), "split_unconfirmed")
        found.append((part.first, part.last, kind, dict(part.fields), reasons))
    return found


def _stored(doc: ExtractedDocument) -> dict[str, object]:
    """The extract JSON, plus what the review UI's page images need: how OCR turned each page upright."""
    return {**extract_json(doc), "page_rotations": [page.rotation for page in doc.pages]}
