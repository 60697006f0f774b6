"""`docintake watch` end to end: a watcher SIGKILLed mid-claim loses no file (after a restart the file is recorded
exactly once and archived), at each point between the claim's first rename and the record; and a dropped file
goes all the way to a final state with the watcher's own workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from docintake.storage.database import make_engine
from docintake.storage.tables import Document, Submission

REQUEST = "Member ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\nCPT: 27447\nICD-10: M17.11\n"
SIDECAR = '{"schema_version": 1, "job_id": "F-42", "sender_number": "+15550100199", "pages": 1}'

# The watcher runs in a child process whose one patched step hangs, so the SIGKILL lands exactly there.
HARNESS = """
import sys, time
from docintake.intake import watch, ingest
point = sys.argv[1]
def hang(*args, **kwargs):
    time.sleep(600)
if point == "before_document_rename":      # the sidecar is in the claim folder, the document is not
    rename = watch._rename
    def _rename(source, target):
        if not watch.is_sidecar(source.name):
            hang()
        return rename(source, target)
    watch._rename = _rename
elif point == "before_record":              # the document is claimed, nothing is recorded
    ingest.IntakeService.submit_path = hang
elif point == "after_record":               # recorded (and published), not yet archived
    submit = ingest.IntakeService.submit_path
    def record_then_hang(self, path, arrival):
        submit(self, path, arrival)
        hang()
    ingest.IntakeService.submit_path = record_then_hang
from docintake.cli import main
sys.exit(main(["watch", sys.argv[2], "--submit-only"]))
"""


def environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "DOCINTAKE_DATA_DIR": str(data_dir), "DOCINTAKE_WATCH_SETTLE_S": "0.3",
            "DOCINTAKE_WATCH_RESCAN_S": "0.5"}


def wait_until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def submissions(engine) -> int:
    """Submission rows so far; 0 while the watcher is still creating its database (the file exists before the
    migration has made the table: polling then raced it and failed with "no such table")."""
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(Submission))
    except OperationalError:
        return 0


def claims(inbox: Path) -> list[Path]:
    working = inbox / ".docintake" / "working"
    return [p for p in working.iterdir() if p.is_dir()] if working.is_dir() else []


def archived(inbox: Path) -> list[str]:
    return sorted(p.name for p in (inbox / ".docintake" / "archive").rglob("*") if p.is_file())


@pytest.mark.parametrize("point", ["before_document_rename", "before_record", "after_record"])
def test_a_watcher_killed_mid_claim_loses_no_file(tmp_path, point):
    data_dir, inbox = tmp_path / "data", tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "fax1.txt").write_text(REQUEST)
    (inbox / "fax1.json").write_text(SIDECAR)
    env = environment(data_dir)
    engine = make_engine(f"sqlite:///{data_dir / 'docintake.db'}")
    killed = subprocess.Popen([sys.executable, "-c", HARNESS, point, str(inbox)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        if point == "before_document_rename":
            wait_until(lambda: any((c / "fax1.json").exists() for c in claims(inbox)))
        elif point == "before_record":
            wait_until(lambda: any((c / "fax1.txt").exists() for c in claims(inbox)))
        else:
            wait_until(lambda: (data_dir / "docintake.db").exists() and submissions(engine) == 1)
        killed.send_signal(signal.SIGKILL)
        killed.wait(10)
    finally:
        stop(killed)
    assert claims(inbox), "the kill should have left a claim behind"

    restarted = subprocess.Popen([sys.executable, "-m", "docintake", "watch", str(inbox), "--submit-only"],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: archived(inbox) == ["fax1.json", "fax1.txt"])
        time.sleep(1.0)  # a few more passes: nothing may be taken or recorded again
    finally:
        stop(restarted)
    assert restarted.returncode == 0, restarted.stderr.read() if restarted.stderr else ""
    assert not claims(inbox) and sorted(p.name for p in inbox.iterdir()) == [".docintake"]
    with engine.connect() as connection:
        rows = connection.execute(select(Submission.source, Submission.sender, Submission.document_id)).all()
        documents = connection.scalar(select(func.count()).select_from(Document))
    engine.dispose()
    assert len(rows) == 1 and documents == 1
    source, sender, _document_id = rows[0]
    assert source == "fax" and sender["job_id"] == "F-42" and sender["pages"] == 1


def test_a_dropped_file_is_processed_by_the_watchers_own_workers(tmp_path):
    data_dir, inbox = tmp_path / "data", tmp_path / "inbox"
    inbox.mkdir()
    env = {**environment(data_dir), "DOCINTAKE_WORKERS": "1"}
    watcher = subprocess.Popen([sys.executable, "-m", "docintake", "watch", str(inbox)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    engine = make_engine(f"sqlite:///{data_dir / 'docintake.db'}")

    def state() -> str | None:
        if not (data_dir / "docintake.db").exists():
            return None
        with engine.connect() as connection:
            return connection.scalar(select(Document.state))

    try:
        (inbox / ".fax2.txt.part").write_text(REQUEST)
        os.replace(inbox / ".fax2.txt.part", inbox / "fax2.txt")
        wait_until(lambda: state() not in (None, "received", "processing"), timeout=120)
    finally:
        stop(watcher)
    engine.dispose()
    assert watcher.returncode == 0
    assert state() in ("attached", "draft_created", "review") and archived(inbox) == ["fax2.txt"]
