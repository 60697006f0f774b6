"""The reconciler: re-publishes documents whose lease (or publish grace) ran out; the database is the truth."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from docintake.intake.records import Publisher

log = logging.getLogger(__name__)


class DueDocuments(Protocol):
    def due_for_publish(self, now: datetime, grace: timedelta, limit: int = 500) -> list[str]: ...


class Reconciler:
    """On start and every ``interval``: documents not final whose lease ran out are published again."""

    def __init__(self, records: DueDocuments, publisher: Publisher, grace: timedelta,
                 clock: Callable[[], datetime]) -> None:
        self.records = records
        self.publisher = publisher
        self.grace = grace
        self.clock = clock

    def run_once(self) -> int:
        """Re-publish what is due now; returns how many."""
        due = self.records.due_for_publish(self.clock(), self.grace)
        for document_id in due:
            self.publisher.publish(document_id)
        if due:
            log.info("re-published %d document(s) whose lease ran out", len(due))
        return len(due)

    def run_forever(self, interval_s: float, stop: threading.Event) -> None:
        """Until ``stop`` is set; a failed pass (database away) is logged and tried again next time."""
        while not stop.is_set():
            try:
                self.run_once()
            except Exception as error:
                log.error("reconcile pass failed: %s", type(error).__name__)
            stop.wait(interval_s)
