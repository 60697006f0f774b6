"""The outbox relay on PostgreSQL: relays in several processes' worth of threads deliver each event once, and skip
a row the drafts' notifier holds locked instead of waiting for it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from docintake.notify.relay import Relay, RelayPolicy
from docintake.storage.database import make_engine, upgrade
from docintake.storage.drafts import SqlDraftLedger
from docintake.storage.outbox import SqlOutboxLedger
from docintake.storage.records import SqlRecords, _outbox
from docintake.storage.tables import Outbox

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class Sink:
    def __init__(self):
        self.ids = []
        self.lock = threading.Lock()

    def deliver(self, event):
        with self.lock:
            self.ids.append(event.id)


@pytest.fixture
def records(pg_database):
    engine = make_engine(pg_database)
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


def add(records, count, event="document.attached"):
    with records.transaction() as session:
        for index in range(count):
            _outbox(session, NOW, event, f"subject-{index}", {"document_id": f"doc-{index}"})


def test_four_relays_at_once_deliver_each_event_once(records):
    add(records, 60)
    sink = Sink()
    barrier = threading.Barrier(4)

    def run():
        barrier.wait()
        Relay(SqlOutboxLedger(records), sink, RelayPolicy(), lambda: NOW).run_once()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with records.transaction() as session:
        stored = list(session.scalars(select(Outbox).order_by(Outbox.id)))
    assert sorted(sink.ids) == [r.id for r in stored]  # every event, none twice
    assert all(r.delivered_at is not None and r.attempts == 1 for r in stored)


def test_the_relay_skips_an_event_the_notifier_is_sending(records):
    add(records, 2, event="draft.expired")
    ledger = SqlOutboxLedger(records)
    held = threading.Event()
    release = threading.Event()

    def slow_mail(_event, _payload):
        held.set()
        assert release.wait(30)

    with records.transaction() as session:
        first_id = session.scalar(select(Outbox.id).order_by(Outbox.id).limit(1))
    notifier = threading.Thread(target=SqlDraftLedger(records).notify, args=(first_id, slow_mail, NOW))
    notifier.start()
    try:
        assert held.wait(30)
        claimed = ledger.claim_next(NOW, timedelta(seconds=60))  # at once, not after the mail
        assert claimed is not None and claimed.id != first_id
    finally:
        release.set()
        notifier.join(timeout=30)
    again = ledger.claim_next(NOW, timedelta(seconds=60))
    assert again is not None and again.id == first_id
