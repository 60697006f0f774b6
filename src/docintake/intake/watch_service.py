"""`docintake watch DIR` as a running service: the drop-folder watcher on the configured backends, and (unless
submit-only) this process's worker threads, reconciler, periodic drafts' sweep and outbox relay, as in the
embedded setup."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from docintake.cases.sweep import PeriodicSweep, sweeper_for
from docintake.intake.assembly import Pipeline
from docintake.intake.watch import DropFolderWatcher, Taken, WatchPolicy
from docintake.notify.relay import PeriodicRelay, relay_for
from docintake.settings import Settings
from docintake.storage.submissions import SqlSubmissionLookup


class WatchService:
    """Build with settings, ``run()`` until ``stop()`` (a signal handler may call it)."""

    def __init__(self, folder: Path, settings: Settings, *, with_workers: bool = True, workers: int | None = None,
                 on_taken: Callable[[Taken], None] | None = None) -> None:
        self.settings = settings
        self.with_workers = with_workers
        self.workers = workers or settings.workers
        self.pipeline = Pipeline(settings)
        self.watcher = DropFolderWatcher(folder, WatchPolicy.from_settings(settings), self.pipeline.intake.submit_path,
                                         SqlSubmissionLookup(self.pipeline.records), on_taken=on_taken)
        self._stop = threading.Event()

    def run(self) -> None:
        """Take the folder's lock (WatchFolderBusy if held), start the workers, and watch until stopped."""
        sweep: PeriodicSweep | None = None
        relay: PeriodicRelay | None = None
        try:
            self.watcher.acquire()
            if self.with_workers:
                self.pipeline.start(self.workers)
                sweep = PeriodicSweep(sweeper_for(self.settings, self.pipeline.records),
                                      self.settings.sweep_interval_s)
                sweep.start()
                relay = PeriodicRelay(relay_for(self.settings, self.pipeline.records), self.settings.relay_interval_s)
                relay.start()
            self.watcher.run(self._stop)
        finally:
            if relay is not None:
                relay.stop()
            if sweep is not None:
                sweep.stop()
            self.watcher.release()
            self.pipeline.stop()

    def stop(self) -> None:
        self._stop.set()
        self.watcher.wake()
