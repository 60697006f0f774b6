"""Process set-up done once at an entry point: private files, private scratch space, quiet logs."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable

from docintake.settings import Settings


def prepare_process(settings: Settings) -> None:
    """Make every file this process creates private, and put temporary files inside the data directory.

    pytesseract and the converters write page images to the temporary folder: they are PHI too.
    """
    os.umask(0o077)
    settings.tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    tempfile.tempdir = str(settings.tmp_dir)
    os.environ["TMPDIR"] = str(settings.tmp_dir)  # for the tools we start (tesseract, soffice)
    os.environ["OMP_THREAD_LIMIT"] = "1"


def configure_logging(verbose: bool = False) -> None:
    """Logs go to stderr and carry ids, codes and counts only (never document text or values)."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # pdfminer reports every oddity of a damaged PDF at WARNING, sometimes quoting content.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def exit_with_parent(parent_pid: int, interval_s: float = 1.0) -> None:
    """SIGTERM this process when ``parent_pid`` (the process that started it) ends, even by SIGKILL.

    On Linux the kernel does it (prctl PR_SET_PDEATHSIG, set here in the child after exec rather than in a
    ``preexec_fn``: `serve` restarts its worker from a supervisor thread, and Python code between fork and exec in
    a threaded parent can deadlock). A parent already gone is caught by the check that follows. Elsewhere, and as a
    fallback, a watchdog thread polls the parent pid.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            logging.getLogger(__name__).warning("prctl(PR_SET_PDEATHSIG) failed (errno %d)", ctypes.get_errno())

    def orphaned() -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    if os.getppid() != parent_pid:
        orphaned()
        return
    threading.Thread(target=watch_parent, args=(parent_pid, orphaned, interval_s, threading.Event()),
                     name="parent-watchdog", daemon=True).start()


def watch_parent(parent_pid: int, on_orphaned: Callable[[], None], interval_s: float, stop: threading.Event,
                 getppid: Callable[[], int] = os.getppid) -> None:
    """Call ``on_orphaned`` once this process's parent is no longer ``parent_pid`` (it died; we were re-parented)."""
    while not stop.wait(interval_s):
        if getppid() != parent_pid:
            on_orphaned()
            return
