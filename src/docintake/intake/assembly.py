"""Building the running pipeline from Settings: records, blobs, broker, intake, workers and the reconciler."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import UTC, datetime, timedelta

from docintake.cases.matching import MatchPolicy
from docintake.intake.admission import AdmissionLimits
from docintake.intake.ingest import IntakeService
from docintake.intake.processing import DocumentProcessor, ProcessingPolicy
from docintake.intake.quarantine import QuarantineStore
from docintake.pipeline import PipelineContext
from docintake.queue.publisher import KombuPublisher
from docintake.queue.reconciler import Reconciler
from docintake.queue.topology import Topology, connect
from docintake.queue.worker import DocumentWorker
from docintake.settings import Settings
from docintake.storage.cases import ReferenceRange
from docintake.storage.factory import blob_store, database
from docintake.storage.records import SqlRecords

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Pipeline:
    """One process's share of the service: intake, N worker threads, and a reconciler thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.records = SqlRecords(database(settings),
                                  ReferenceRange(settings.reference_id_min, settings.reference_id_max))
        self.blobs = blob_store(settings)
        self.quarantine = QuarantineStore(settings.quarantine_dir)
        self.topology = Topology.named(settings.queue_prefix)
        self.connection = connect(settings.broker_url, settings.queue_dir)
        self.topology.declare(self.connection)
        self.publisher = KombuPublisher(self.connection, self.topology)
        self.grace = timedelta(seconds=settings.publish_grace_s)
        self.intake = IntakeService(self.records, self.blobs, self.quarantine, self.publisher,
                                    AdmissionLimits.from_settings(settings), self.grace, utcnow)
        self.reconciler = Reconciler(self.records, self.publisher, self.grace, utcnow)
        self.policy = ProcessingPolicy(
            lease=timedelta(seconds=settings.lease_s), max_attempts=settings.max_attempts,
            retry_backoff=timedelta(seconds=settings.retry_backoff_s),
            match=MatchPolicy(draft_ttl=timedelta(hours=settings.draft_ttl_hours)),
        )
        self._ctx: PipelineContext | None = None
        self._stop = threading.Event()
        self._workers: list[DocumentWorker] = []
        self._threads: list[threading.Thread] = []

    def start(self, workers: int) -> None:
        """Reconcile once (what a crash left behind), then start the worker threads and the periodic reconciler."""
        self._ctx = self._ctx or PipelineContext.from_settings(self.settings)
        self.reconciler.run_once()
        host = f"{socket.gethostname()}:{os.getpid()}"
        for index in range(workers):
            worker_id = f"{host}:{index}:{uuid.uuid4().hex[:6]}"
            processor = DocumentProcessor(self.records, self.blobs, self.quarantine, self._ctx, self.policy,
                                          worker_id, utcnow)
            worker = DocumentWorker(self.connection.clone(), self.topology, processor)
            self._workers.append(worker)
            self._spawn(worker.run, f"worker-{index}")
        self._spawn(lambda: self.reconciler.run_forever(self.settings.reconcile_interval_s, self._stop),
                    "reconciler")

    def _spawn(self, target: object, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)  # type: ignore[arg-type]
        thread.start()
        self._threads.append(thread)

    def wait(self) -> None:
        """Block until stop() (the `worker` command's main loop)."""
        while not self._stop.wait(1.0):
            pass

    def stop(self) -> None:
        self._stop.set()
        for worker in self._workers:
            worker.stop()
        for thread in self._threads:
            thread.join(timeout=10)
        for worker in self._workers:
            worker.connection.release()
        self.connection.release()
        self.records.engine.dispose()
