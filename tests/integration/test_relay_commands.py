"""The relay inside the commands, against a webhook receiver on loopback started by the test: `docintake sweep`
delivers the outbox once (signed), exits 4 while the receiver fails and delivers on the next run; `docintake worker`
relays periodically."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta

from docintake.cases.store import DraftRequest
from docintake.notify.webhook import SIGNATURE_HEADER, verify
from docintake.storage.cases import SqlCaseStore
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords, _outbox
from tests.integration.conftest import run_cli
from tests.unit.notify._receiver import webhook_receiver

SECRET = "shared-with-the-portal"


def records_in(data_dir):
    engine = make_engine(f"sqlite:///{data_dir / 'docintake.db'}")
    upgrade(engine)
    return SqlRecords(engine)


def test_sweep_relays_every_event_once_and_keeps_what_failed(tmp_path):
    data_dir = tmp_path / "data"
    records = records_in(data_dir)
    now = datetime.now(UTC)
    with records.transaction() as session:
        store = SqlCaseStore(session, records.span)
        expired = store.create_draft(DraftRequest("W123456789", date(1960, 1, 5), "Jane", "Doe"),
                                     now - timedelta(hours=100), timedelta(hours=96)).reference_id
        _outbox(session, now, "document.needs_review", "d" * 32, {"document_id": "d" * 32,
                                                                  "review_reasons": ["unidentified"]})
    records.engine.dispose()
    with webhook_receiver() as receiver:
        env = {"DOCINTAKE_WEBHOOK_URL": receiver.url, "DOCINTAKE_WEBHOOK_SECRET": SECRET,
               "DOCINTAKE_RELAY_BACKOFF_S": "0.5"}
        receiver.statuses = [500]
        first = run_cli("sweep", "--json", data_dir=data_dir, env=env, timeout=120)
        assert first.returncode == 4, first.stderr
        counts = json.loads(first.stdout)
        assert (counts["expired"], counts["notified"], counts["relayed"], counts["relay_failed"]) == (1, 1, 1, 1)
        assert "Jane" not in first.stderr and "W123456789" not in first.stderr
        time.sleep(1)
        second = run_cli("sweep", "--json", data_dir=data_dir, env=env, timeout=120)
        assert second.returncode == 0, second.stderr
        assert (json.loads(second.stdout)["relayed"], json.loads(second.stdout)["notified"]) == (1, 0)
        third = run_cli("sweep", "--json", data_dir=data_dir, env=env, timeout=120)
        assert json.loads(third.stdout)["relayed"] == 0
    bodies = [d.json for d in receiver.deliveries]
    assert sorted({(b["event"], b["subject_id"]) for b in bodies}) == [
        ("document.needs_review", "d" * 32), ("draft.expired", expired)]
    assert len(bodies) == 3 and len(set(receiver.event_ids())) == 2  # one retried, same event id
    for delivery in receiver.deliveries:
        assert verify(SECRET.encode(), delivery.body, delivery.headers[SIGNATURE_HEADER])
        assert b"Jane" not in delivery.body and b"W123456789" not in delivery.body


def test_worker_relays_periodically(tmp_path):
    data_dir = tmp_path / "data"
    records = records_in(data_dir)
    with webhook_receiver() as receiver:
        env = {**os.environ, "DOCINTAKE_DATA_DIR": str(data_dir), "DOCINTAKE_WEBHOOK_URL": receiver.url,
               "DOCINTAKE_RELAY_INTERVAL_S": "0.5", "DOCINTAKE_WORKERS": "1"}
        log = open(tmp_path / "worker.log", "wb")  # noqa: SIM115  (closed below)
        worker = subprocess.Popen([sys.executable, "-m", "docintake", "worker"], env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            for round_ in range(2):  # one event before the worker runs its first pass, one while it runs
                with records.transaction() as session:
                    _outbox(session, datetime.now(UTC), "document.attached", f"PA{round_}", {"round": round_})
                deadline = time.monotonic() + 60
                while len(receiver.deliveries) <= round_:
                    assert worker.poll() is None, (tmp_path / "worker.log").read_text()
                    assert time.monotonic() < deadline, "the worker relayed nothing"
                    time.sleep(0.2)
            assert [d.json["subject_id"] for d in receiver.deliveries] == ["PA0", "PA1"]
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                assert worker.wait(timeout=60) == 0
            finally:
                if worker.poll() is None:
                    worker.kill()
                log.close()
                records.engine.dispose()
