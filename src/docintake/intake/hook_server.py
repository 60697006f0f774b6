"""`docintake serve`: the upload hook on uvicorn, with the embedded workers and reconciler unless told not to."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from docintake.intake.assembly import Pipeline
from docintake.intake.hook import HookBackend, create_app
from docintake.settings import Settings
from docintake.storage.api import SqlApiRecords

log = logging.getLogger(__name__)


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGTERM/SIGINT after its own shutdown, which would kill the process before the embedded
    workers are stopped; here a signal only asks the server to finish, and `serve` returns normally."""

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def backend_of(pipeline: Pipeline) -> HookBackend:
    """The hook's view of a running pipeline: its intake, records and scratch space."""
    settings = pipeline.settings
    return HookBackend(intake=pipeline.intake, records=pipeline.records, api=SqlApiRecords(pipeline.records.engine),
                       max_bytes=settings.max_bytes, scratch_dir=settings.tmp_dir,
                       intake_concurrency=settings.hook_intake_concurrency)


def app_of(pipeline: Pipeline) -> FastAPI:
    """The one ASGI app `serve` runs: the upload hook under /v1 and the review UI under /review."""
    from docintake.review.web import ReviewBackend, install

    backend = backend_of(pipeline)
    app = create_app(backend)
    install(app, ReviewBackend.of(pipeline.settings, pipeline.records, pipeline.blobs, backend.api))
    return app


class WorkerProcess:
    """`docintake worker` (workers and reconciler) as a child of `serve`, restarted if it dies.

    Reading is CPU-bound Python: in threads of the server's process it would hold the interpreter lock the hook
    needs to answer uploads, so the workers get a process of their own. The child reads the same DOCINTAKE_*
    environment, so it sees the same database, objects and queue. It ends with this process, even one killed by
    SIGKILL (`worker --parent-pid`: the kernel's parent-death signal on Linux, a watchdog elsewhere).
    """

    def __init__(self, verbose: bool = False) -> None:
        self.command = [sys.executable, "-m", "docintake", *(["-v"] if verbose else []), "worker",
                        "--parent-pid", str(os.getpid())]
        self._stop = threading.Event()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._supervise, name="worker-process", daemon=True)

    def start(self) -> None:
        self._process = subprocess.Popen(self.command)
        self._thread.start()

    def _supervise(self) -> None:
        backoff = 1.0
        while not self._stop.wait(1.0):
            if self._process is None or self._process.poll() is None:
                continue
            log.warning("worker process exited with status %s; restarting in %.0f s", self._process.returncode,
                        backoff)
            if self._stop.wait(backoff):
                return
            backoff = min(backoff * 2, 60.0)
            self._process = subprocess.Popen(self.command)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (the worker finishes its current documents), then SIGKILL after ``timeout``."""
        self._stop.set()
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()  # its documents' leases run out and the reconciler publishes them again
            process.wait()


def serve(settings: Settings, host: str, port: int, *, embedded_workers: bool = True,
          ssl_keyfile: Path | None = None, ssl_certfile: Path | None = None, verbose: bool = False) -> None:
    """Serve until SIGINT/SIGTERM; with ``embedded_workers`` a worker process processes the uploads too."""
    pipeline = Pipeline(settings)
    config = uvicorn.Config(
        app_of(pipeline), host=host, port=port, lifespan="off", server_header=False,
        ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None,
        ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
        # Access lines carry methods, paths and document ids only; still off unless asked for.
        log_level="info" if verbose else "warning", access_log=verbose,
    )
    server = _Server(config)
    workers = WorkerProcess(verbose) if embedded_workers else None
    try:
        if workers is not None:
            workers.start()
        scheme = "https" if ssl_certfile else "http"
        print(f"docintake serve: {scheme}://{host}:{port} (workers: "
              f"{settings.workers if embedded_workers else 'none'})", file=sys.stderr, flush=True)
        server.run()
    finally:
        if workers is not None:
            workers.stop()
        pipeline.stop()
