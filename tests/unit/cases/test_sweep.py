"""Drafts' life: a reminder before expiry (urgent drafts earlier), a notice at expiry, drafts marked expired and
kept, every event in the outbox, and nothing sent twice however often (or however many at once) the sweep runs."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from docintake.cases.drafts import EXPIRED, REMINDER, DraftPolicy
from docintake.cases.store import DraftRequest
from docintake.cases.sweep import Sweeper
from docintake.notify.relay import Relay, RelayPolicy
from docintake.storage.cases import SqlCaseStore
from docintake.storage.database import make_engine, upgrade
from docintake.storage.drafts import SqlDraftLedger
from docintake.storage.outbox import SqlOutboxLedger
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Audit, Case, Outbox

CREATED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
TTL = timedelta(hours=96)
POLICY = DraftPolicy(reminder_before=timedelta(hours=24), urgent_reminder_before=timedelta(hours=72))
PHI = ("W123456789", "Doe", "Jane", "1960")


class Clock:
    def __init__(self):
        self.now = CREATED

    def __call__(self):
        return self.now

    def at(self, hours):
        self.now = CREATED + timedelta(hours=hours)


class Mailbox:
    def __init__(self, failures=0):
        self.notices = []
        self.failures = failures
        self.lock = threading.Lock()

    def send(self, notice):
        with self.lock:
            if self.failures:
                self.failures -= 1
                raise ConnectionRefusedError("smtp away")
            self.notices.append(notice)


@pytest.fixture
def records(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'records.db'}")
    upgrade(engine)
    yield SqlRecords(engine)
    engine.dispose()


def draft(records, urgent=False):
    with records.transaction() as session:
        request = DraftRequest("W123456789", date(1960, 1, 5), "Jane", "Doe", cpt=("27447",), urgent=urgent)
        return SqlCaseStore(session, records.span).create_draft(request, CREATED, TTL).reference_id


def outbox(records):
    """(event, subject, notice sent, delivered by the outbox relay): the two are tracked apart."""
    with records.transaction() as session:
        return [(r.event, r.subject_id, r.notified_at is not None, r.delivered_at is not None)
                for r in session.scalars(select(Outbox).order_by(Outbox.id))]


def status(records, reference_id):
    with records.transaction() as session:
        return session.scalar(select(Case.status).where(Case.reference_id == reference_id))


def sweeper(records, mailbox, clock):
    return Sweeper(SqlDraftLedger(records), mailbox, POLICY, clock)


def test_a_draft_is_reminded_once_before_it_expires(records):
    reference_id, clock, mailbox = draft(records), Clock(), Mailbox()
    sweep = sweeper(records, mailbox, clock)
    clock.at(71)
    assert sweep.run_once().reminders == 0 and mailbox.notices == []
    clock.at(73)
    result = sweep.run_once()
    assert (result.reminders, result.notified) == (1, 1)
    assert outbox(records) == [(REMINDER, reference_id, True, False)]
    clock.at(80)
    assert sweep.run_once().as_json() == {"reminders": 0, "expired": 0, "notified": 0, "failed": 0}
    (notice,) = mailbox.notices
    assert notice.event == REMINDER and notice.reference_id == reference_id and reference_id in notice.subject
    assert not any(value in notice.subject + notice.body for value in PHI)


def test_an_urgent_draft_is_reminded_earlier(records):
    urgent, normal = draft(records, urgent=True), draft(records)
    clock, mailbox = Clock(), Mailbox()
    clock.at(25)  # 71 h before expiry: inside the urgent window only
    assert sweeper(records, mailbox, clock).run_once().reminders == 1
    assert [n.reference_id for n in mailbox.notices] == [urgent] and "(urgent)" in mailbox.notices[0].subject
    assert status(records, normal) == "draft"


def test_at_expiry_a_draft_is_marked_expired_kept_and_announced_once(records):
    reference_id, clock, mailbox = draft(records), Clock(), Mailbox()
    sweep = sweeper(records, mailbox, clock)
    clock.at(96)
    result = sweep.run_once()
    assert (result.expired, result.reminders, result.notified) == (1, 0, 1)  # past its window: no late reminder
    assert status(records, reference_id) == "expired"
    assert outbox(records) == [(EXPIRED, reference_id, True, False)]
    clock.at(200)
    assert sweep.run_once().as_json() == {"reminders": 0, "expired": 0, "notified": 0, "failed": 0}
    assert [n.event for n in mailbox.notices] == [EXPIRED]
    with records.transaction() as session:
        actions = session.scalars(select(Audit.action).where(Audit.subject_id == reference_id)).all()
    assert actions.count("case.expired") == 1


def test_a_reminded_draft_gets_its_expiry_notice_too(records):
    reference_id, clock, mailbox = draft(records), Clock(), Mailbox()
    sweep = sweeper(records, mailbox, clock)
    for hours in (73, 74, 97, 98):
        clock.at(hours)
        sweep.run_once()
    assert [(n.event, n.reference_id) for n in mailbox.notices] == [(REMINDER, reference_id), (EXPIRED, reference_id)]


def test_a_failed_notice_stays_in_the_outbox_and_is_sent_next_time(records):
    reference_id, clock, mailbox = draft(records), Clock(), Mailbox(failures=1)
    sweep = sweeper(records, mailbox, clock)
    clock.at(97)
    first = sweep.run_once()
    assert (first.expired, first.notified, first.failed) == (1, 0, 1)
    assert outbox(records) == [(EXPIRED, reference_id, False, False)] and status(records, reference_id) == "expired"
    second = sweep.run_once()
    assert (second.expired, second.notified) == (0, 1) and len(mailbox.notices) == 1
    assert outbox(records) == [(EXPIRED, reference_id, True, False)]


def test_two_sweeps_at_once_send_each_notice_once(records):
    drafts = [draft(records) for _ in range(4)]
    clock, mailbox = Clock(), Mailbox()
    clock.at(100)
    sweeps = [sweeper(records, mailbox, clock) for _ in range(2)]
    threads = [threading.Thread(target=s.run_once) for s in sweeps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(n.reference_id for n in mailbox.notices) == sorted(drafts)
    assert all(notified for _event, _subject, notified, _relayed in outbox(records))


class Portal:
    def __init__(self, failures=0):
        self.events = []
        self.failures = failures

    def deliver(self, event):
        if self.failures:
            self.failures -= 1
            raise ConnectionRefusedError("portal away")
        self.events.append((event.event, event.subject_id))


def test_the_notice_to_people_and_the_relay_to_the_portal_are_independent(records):
    reference_id, clock, mailbox, portal = draft(records), Clock(), Mailbox(), Portal(failures=1)
    relay = Relay(SqlOutboxLedger(records), portal, RelayPolicy(backoff=timedelta(minutes=1)), clock)
    clock.at(73)
    sweeper(records, mailbox, clock).run_once()
    assert relay.run_once().failed == 1  # the portal is away: the people were told all the same
    assert outbox(records) == [(REMINDER, reference_id, True, False)]
    clock.at(74)
    assert relay.run_once().delivered == 1 and portal.events == [(REMINDER, reference_id)]
    sweeper(records, mailbox, clock).run_once()
    assert outbox(records) == [(REMINDER, reference_id, True, True)] and len(mailbox.notices) == 1
