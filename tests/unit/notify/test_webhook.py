"""The webhook sink against a receiver on loopback started by the test: signed JSON the receiver can verify, a 500
retried later with the same event id, timeouts, refused connections and redirects counted as failed attempts."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from docintake.notify.relay import Relay, RelayPolicy
from docintake.notify.webhook import SIGNATURE_HEADER, WebhookSink, signature, verify
from docintake.storage.database import make_engine, upgrade
from docintake.storage.outbox import SqlOutboxLedger
from docintake.storage.records import SqlRecords, _outbox
from docintake.storage.tables import Outbox
from tests.unit.notify._receiver import webhook_receiver

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
SECRET = b"shared-with-the-portal"
POLICY = RelayPolicy(backoff=timedelta(seconds=30), max_backoff=timedelta(hours=1), hold=timedelta(seconds=60))
PAYLOAD = {"document_id": "d" * 32, "segment_id": "s" * 32, "reference_id": "PA1234567897", "match": "reference_id"}


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self):
        return self.now


@pytest.fixture
def records(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    records = SqlRecords(engine)
    with records.transaction() as session:
        _outbox(session, NOW, "document.attached", "PA1234567897", PAYLOAD)
    yield records
    engine.dispose()


@pytest.fixture
def receiver():
    with webhook_receiver() as running:
        yield running


def row(records):
    with records.transaction() as session:
        return session.scalars(select(Outbox)).one()


def relay(records, sink, clock=None):
    return Relay(SqlOutboxLedger(records), sink, POLICY, clock or Clock())


def test_an_event_is_posted_as_json_with_a_signature_the_receiver_can_verify(records, receiver):
    result = relay(records, WebhookSink(receiver.url, SECRET, timeout_s=5)).run_once()
    assert (result.delivered, result.failed) == (1, 0)
    (delivery,) = receiver.deliveries
    assert delivery.path == "/hooks/docintake"
    assert delivery.headers["Content-Type"] == "application/json"
    stored = row(records)
    assert delivery.json == {"event_id": stored.id, "event": "document.attached", "subject_id": "PA1234567897",
                             "created_at": NOW.isoformat(), "payload": PAYLOAD}
    assert delivery.headers["X-Docintake-Event"] == "document.attached"
    assert delivery.headers["X-Docintake-Event-Id"] == str(stored.id)
    assert verify(SECRET, delivery.body, delivery.headers[SIGNATURE_HEADER])
    assert not verify(b"another secret", delivery.body, delivery.headers[SIGNATURE_HEADER])
    assert not verify(SECRET, delivery.body.replace(b"PA1234567897", b"PA9876543217"),
                      delivery.headers[SIGNATURE_HEADER])
    assert stored.delivered_at is not None and stored.attempts == 1


def test_without_a_secret_nothing_is_signed(records, receiver):
    relay(records, WebhookSink(receiver.url, timeout_s=5)).run_once()
    (delivery,) = receiver.deliveries
    assert SIGNATURE_HEADER not in delivery.headers


def test_the_signature_is_hmac_sha256_of_the_exact_body():
    assert signature(b"key", b"The quick brown fox jumps over the lazy dog") == (
        "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")


def test_a_500_is_retried_later_with_the_same_event_id(records, receiver):
    receiver.statuses = [500]
    clock = Clock()
    sink = WebhookSink(receiver.url, SECRET, timeout_s=5)
    first = relay(records, sink, clock).run_once()
    assert (first.delivered, first.failed) == (0, 1)
    stored = row(records)
    assert stored.delivered_at is None and stored.attempts == 1
    assert relay(records, sink, clock).run_once().delivered == 0 and len(receiver.deliveries) == 1  # backing off
    clock.now += POLICY.retry_after(1)
    assert relay(records, sink, clock).run_once().delivered == 1
    assert len(set(receiver.event_ids())) == 1 and len(receiver.deliveries) == 2  # the receiver deduplicates
    assert [d.headers["X-Docintake-Attempt"] for d in receiver.deliveries] == ["1", "2"]
    stored = row(records)
    assert stored.delivered_at is not None and stored.attempts == 2


def test_a_receiver_slower_than_the_timeout_is_a_failed_attempt(records, receiver):
    receiver.delay_s = 2.0
    result = relay(records, WebhookSink(receiver.url, timeout_s=0.3)).run_once()
    assert result.failed == 1 and row(records).delivered_at is None


def test_a_refused_connection_is_a_failed_attempt(records):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once it is closed
    result = relay(records, WebhookSink(f"http://127.0.0.1:{port}/hooks", timeout_s=2)).run_once()
    assert result.failed == 1 and row(records).attempts == 1 and row(records).delivered_at is None


def test_a_redirect_is_not_followed(records, receiver):
    receiver.statuses = [307]
    result = relay(records, WebhookSink(receiver.url, timeout_s=5)).run_once()
    assert result.failed == 1 and len(receiver.deliveries) == 1


def test_the_body_is_compact_sorted_json():
    from docintake.notify.relay import OutboxEvent

    event = OutboxEvent(7, "draft.expired", "PA9000000001", NOW, {"urgent": False, "documents": 2}, 1)
    body = WebhookSink("https://portal.example/h").body(event)
    assert json.loads(body)["event_id"] == 7 and b" " not in body
