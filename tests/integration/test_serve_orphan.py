"""`docintake serve` killed with SIGKILL takes its worker process with it (the child must not run on, orphaned)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.integration.conftest import free_port

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (info := stat(int(entry.name))) is not None and info[1] == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    info = stat(pid)
    return info is not None and info[0] != "Z"  # a zombie has exited; only its reaper is missing


def test_a_worker_process_ends_when_serve_is_killed(tmp_path):
    data = tmp_path / "data"
    port = free_port()
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115  (closed below)
    serve = subprocess.Popen(
        [sys.executable, "-m", "docintake", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "DOCINTAKE_DATA_DIR": str(data), "DOCINTAKE_WORKERS": "1"},
        stdout=log, stderr=subprocess.STDOUT,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 90
        while True:
            assert serve.poll() is None, (tmp_path / "serve.log").read_text()
            workers = [pid for pid in children(serve.pid) if "worker" in Path(f"/proc/{pid}/cmdline").read_text()]
            try:
                listening = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200
            except httpx.TransportError:
                listening = False
            if listening and workers:
                break
            assert time.monotonic() < deadline, "serve did not start its worker process"
            time.sleep(0.3)
        time.sleep(2)  # the worker is past its start-up, running its threads
        (worker,) = workers
        assert alive(worker)
        serve.send_signal(signal.SIGKILL)
        serve.wait(timeout=10)
        deadline = time.monotonic() + 30
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(worker), "the worker process outlived serve"
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        for pid in workers:  # only the child this test's serve started, by its id
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        log.close()
