"""Taking a file in: admit, store the original, record it, publish; refusals to quarantine with a record."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from docintake.errors import Refusal
from docintake.intake.admission import AdmissionLimits, admit_path
from docintake.intake.quarantine import QuarantineStore
from docintake.intake.records import Arrival, DocumentRecords, Publisher, Recorded, StoredOriginal
from docintake.storage.blobs import BlobStore

log = logging.getLogger(__name__)


class IntakeService:
    """Every file is recorded before anything else happens to it; then the workers are told."""

    def __init__(self, records: DocumentRecords, blobs: BlobStore, quarantine: QuarantineStore,
                 publisher: Publisher, limits: AdmissionLimits, publish_grace: timedelta,
                 clock: Callable[[], datetime]) -> None:
        self.records = records
        self.blobs = blobs
        self.quarantine = quarantine
        self.publisher = publisher
        self.limits = limits
        self.publish_grace = publish_grace
        self.clock = clock

    def submit_path(self, path: Path, arrival: Arrival) -> Recorded:
        """Admit and record one file on disk; a duplicate of stored bytes points at the first document."""
        try:
            admitted = admit_path(path, self.limits)
        except Refusal as refusal:
            kept = self.quarantine.put_file(path, refusal, source=arrival.source, received_at=arrival.received_at)
            return self.records.record_refusal(arrival, kept.sha256, kept.size, refusal.code, refusal.message,
                                               self.clock())
        # Bytes first: a crash before the record leaves an orphan object (content-addressed, harmless).
        key = self.blobs.put_original(admitted.data)
        original = StoredOriginal(admitted.sha256, admitted.size, admitted.format, admitted.mime, key)
        recorded = self.records.record_arrival(arrival, original, self.clock(), self.publish_grace)
        if not recorded.is_duplicate:
            try:
                self.publisher.publish(recorded.document_id)
            except Exception as error:  # recorded is enough: the reconciler publishes it after the grace
                log.warning("document %s: publish failed (%s)", recorded.document_id, type(error).__name__)
        return recorded
