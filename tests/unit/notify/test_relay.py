"""The outbox relay on a real (SQLite) outbox: every event delivered, failures kept and retried after a doubling
backoff (counted in `attempts`), never dropped; a claimed event left alone by other relays; the log sink names ids
and events only; and the drafts' notices to people tracked apart from the relay."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from docintake.notify.relay import FAILED_IN_A_ROW, LogSink, Relay, RelayPolicy, relay_for, sink_from_settings
from docintake.notify.webhook import WebhookSink
from docintake.settings import Settings
from docintake.storage.database import make_engine, upgrade
from docintake.storage.outbox import SqlOutboxLedger
from docintake.storage.records import SqlRecords, _outbox
from docintake.storage.tables import Outbox

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
POLICY = RelayPolicy(backoff=timedelta(seconds=30), max_backoff=timedelta(minutes=4), hold=timedelta(seconds=60))
EVENTS = ("document.attached", "case.draft_created", "draft.reminder", "draft.expired", "document.needs_review",
          "document.reviewed")


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


class Sink:
    """Records what it is given; fails the first ``failures`` deliveries (or all of them)."""

    def __init__(self, failures=0):
        self.failures = failures
        self.seen = []
        self.lock = threading.Lock()

    def deliver(self, event):
        with self.lock:
            self.seen.append(event)
            if self.failures:
                self.failures -= 1
                raise ConnectionRefusedError("portal away")


@pytest.fixture
def records(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


def add_events(records, names=EVENTS, payload=None):
    with records.transaction() as session:
        for index, name in enumerate(names):
            _outbox(session, NOW, name, f"subject-{index}", payload or {"document_id": f"doc-{index}"})


def rows(records):
    with records.transaction() as session:
        return list(session.scalars(select(Outbox).order_by(Outbox.id)))


def relay(records, sink, clock):
    return Relay(SqlOutboxLedger(records), sink, POLICY, clock)


def test_every_event_is_delivered_once_and_marked(records):
    add_events(records)
    sink, clock = Sink(), Clock()
    result = relay(records, sink, clock).run_once()
    assert (result.delivered, result.failed) == (len(EVENTS), 0)
    assert [e.event for e in sink.seen] == list(EVENTS)
    first = sink.seen[0]
    assert first.as_json() == {"event_id": first.id, "event": "document.attached", "subject_id": "subject-0",
                               "created_at": NOW.isoformat(), "payload": {"document_id": "doc-0"}}
    assert all(r.delivered_at is not None and r.attempts == 1 and r.next_attempt_at is None for r in rows(records))
    assert relay(records, sink, clock).run_once().delivered == 0 and len(sink.seen) == len(EVENTS)


def test_a_failing_event_stays_undelivered_and_is_retried_after_a_doubling_backoff(records):
    add_events(records, ("document.attached",))
    sink, clock = Sink(failures=5), Clock()
    worker = relay(records, sink, clock)
    waits = []
    for _attempt in range(5):
        assert worker.run_once().failed == 1
        (row,) = rows(records)
        assert row.delivered_at is None  # never dropped
        due = row.next_attempt_at.replace(tzinfo=UTC)
        waits.append((due - clock.now).total_seconds())
        clock.now = due - timedelta(seconds=1)
        assert worker.run_once().failed == 0 and len(sink.seen) == _attempt + 1  # not before its time
        clock.now = due
    assert waits == [30, 60, 120, 240, 240]  # doubling, capped
    assert worker.run_once().delivered == 1
    (row,) = rows(records)
    assert row.delivered_at is not None and row.attempts == 6
    assert len({e.id for e in sink.seen}) == 1


def test_a_pass_stops_when_the_sink_fails_several_times_in_a_row(records):
    add_events(records, ("document.attached",) * 10)
    sink = Sink(failures=100)
    assert relay(records, sink, Clock()).run_once().failed == FAILED_IN_A_ROW
    assert [r.attempts for r in rows(records)] == [1] * FAILED_IN_A_ROW + [0] * (10 - FAILED_IN_A_ROW)


def test_a_claimed_event_is_left_alone_until_its_hold_passes(records):
    add_events(records, ("document.attached", "document.needs_review"))
    ledger = SqlOutboxLedger(records)
    first = ledger.claim_next(NOW, POLICY.hold)
    second = ledger.claim_next(NOW, POLICY.hold)  # another relay meanwhile: the next event, not the same
    assert (first.event, second.event) == ("document.attached", "document.needs_review")
    assert ledger.claim_next(NOW + timedelta(seconds=59), POLICY.hold) is None
    ledger.delivered(second.id, NOW)
    # The first relay died while sending: once the hold is over the event is claimed again, its attempt counted.
    again = ledger.claim_next(NOW + timedelta(seconds=60), POLICY.hold)
    assert (again.id, again.attempts) == (first.id, 2)


def test_two_relays_at_once_deliver_each_event_once(records):
    add_events(records, ("document.attached",) * 30)
    sink, clock = Sink(), Clock()
    barrier = threading.Barrier(2)

    def run():
        barrier.wait()
        relay(records, sink, clock).run_once()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(e.id for e in sink.seen) == [r.id for r in rows(records)]
    assert all(r.delivered_at is not None for r in rows(records))


def test_the_log_sink_names_ids_and_events_never_values(records, caplog):
    add_events(records, ("document.needs_review",), payload={"patient": "Jane Doe", "policy_id": "W123456789"})
    with caplog.at_level(logging.INFO, logger="docintake"):
        assert relay(records, LogSink(), Clock()).run_once().delivered == 1
    (row,) = rows(records)
    text = caplog.text
    assert f"event {row.id} document.needs_review subject subject-0" in text
    assert "Jane" not in text and "W123456789" not in text


def test_the_sink_follows_the_settings(tmp_path, records):
    assert isinstance(sink_from_settings(Settings(data_dir=tmp_path)), LogSink)
    url = "https://portal.example/hooks/docintake"
    sink = sink_from_settings(Settings(data_dir=tmp_path, webhook_url=url, webhook_secret="s3cret"))
    assert isinstance(sink, WebhookSink) and (sink.url, sink.secret) == (url, b"s3cret")
    assert isinstance(sink_from_settings(Settings(data_dir=tmp_path, webhook_url=url, relay_sink="log")), LogSink)
    configured = relay_for(Settings(data_dir=tmp_path, relay_backoff_s=5, relay_max_backoff_s=50), records)
    assert configured.policy.retry_after(1) == timedelta(seconds=5)
    assert configured.policy.retry_after(9) == timedelta(seconds=50)


@pytest.mark.parametrize("settings", [
    {"webhook_url": "http://portal.example/hooks"},  # plain http beyond loopback
    {"webhook_url": "ftp://127.0.0.1/hooks"},
    {"relay_sink": "webhook"},  # no URL
])
def test_a_webhook_that_cannot_be_used_stops_at_start_up(tmp_path, settings):
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, **settings)
