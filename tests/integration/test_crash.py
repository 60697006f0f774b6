"""A worker SIGKILLed in the middle of a document: after a restart the document ends in exactly one result.

Run for the embedded transport (SQLite + filesystem) and for RabbitMQ + PostgreSQL. The killed worker hangs
inside reading (a test harness patches pipeline.read_document in that process only), so the kill lands
mid-document every time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from docintake.intake.assembly import Pipeline
from docintake.intake.records import Arrival
from docintake.settings import Settings
from docintake.storage.database import make_engine
from docintake.storage.tables import Audit, Document, Segment

REQUEST = "Member ID: W123456789\nPatient Name: Jane Doe\nDOB: 01/05/1960\nCPT: 27447\nICD-10: M17.11\n"
HANGING_WORKER = (
    "import time, sys\n"
    "from docintake import pipeline\n"
    "def hang(*args, **kwargs):\n"
    "    time.sleep(600)\n"
    "pipeline.read_document = hang\n"
    "from docintake.cli import main\n"
    "sys.exit(main(['worker']))\n"
)


# The lease must outlast a loaded machine: the recovering worker loads the code set and the type model while
# it holds its lease, and a second expiry would make the count below wrong for a reason that is not a bug.
def service_env(data_dir: Path, extra: dict[str, str]) -> dict[str, str]:
    return {"DOCINTAKE_DATA_DIR": str(data_dir), "DOCINTAKE_LEASE_S": "6", "DOCINTAKE_PUBLISH_GRACE_S": "2",
            "DOCINTAKE_RECONCILE_INTERVAL_S": "0.5", "DOCINTAKE_WORKERS": "1",
            "DOCINTAKE_QUEUE_PREFIX": f"crash-{uuid.uuid4().hex[:8]}", **extra}


def settings_of(env: dict[str, str]) -> Settings:
    return Settings(**{k.removeprefix("DOCINTAKE_").lower(): v for k, v in env.items()})


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def wait_until(predicate, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not reached in time")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def crash_and_recover(tmp_path: Path, extra_env: dict[str, str]) -> None:
    env = service_env(tmp_path / "data", extra_env)
    settings = settings_of(env)
    submitter = Pipeline(settings)
    path = tmp_path / "request.txt"
    path.write_text(REQUEST)
    document_id = submitter.intake.submit_path(
        path, Arrival(file_name=path.name, source="cli", received_at=datetime.now(UTC))).document_id
    submitter.stop()
    engine = make_engine(settings.database_url_or_default())

    def row() -> Document:
        with engine.connect() as connection:
            return connection.execute(select(Document).where(Document.id == document_id)).one()

    hanging = start(["-c", HANGING_WORKER], env)
    try:
        wait_until(lambda: row().state == "processing")
        hanging.send_signal(signal.SIGKILL)
        hanging.wait(10)
    finally:
        stop(hanging)
    worker = start(["-m", "docintake", "worker"], env)
    try:
        wait_until(lambda: row().state not in ("received", "processing"))
    finally:
        stop(worker)
    with engine.connect() as connection:
        finished = connection.scalar(select(func.count()).select_from(Audit).where(
            Audit.subject_id == document_id, Audit.action == "document.finished"))
        segments = connection.scalar(select(func.count()).select_from(Segment).where(
            Segment.document_id == document_id))
        expired = connection.scalar(select(func.count()).select_from(Audit).where(
            Audit.subject_id == document_id, Audit.action == "document.lease_expired"))
    engine.dispose()
    assert finished == 1 and segments == 1 and expired == 1
    assert row().attempts == 2


def test_a_killed_embedded_worker_loses_nothing_and_doubles_nothing(tmp_path):
    crash_and_recover(tmp_path, {})


@pytest.mark.rabbitmq
@pytest.mark.postgres
def test_a_killed_rabbitmq_worker_loses_nothing_and_doubles_nothing(tmp_path, amqp_url, pg_database):
    crash_and_recover(tmp_path, {"DOCINTAKE_BROKER_URL": amqp_url, "DOCINTAKE_DATABASE_URL": pg_database})
