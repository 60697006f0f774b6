"""The outbox relay's ledger on the database: claim the oldest due event, then mark it delivered or due again.

Short transactions only: the event is sent outside them (on SQLite a send must not hold the one write lock). The
claim is a row lock skipping rows another relay or the drafts' notifier holds, plus a compare-and-set of
`next_attempt_at`, so two relays on two hosts do not send one event at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from docintake.notify.relay import OutboxEvent
from docintake.storage.cases import utc
from docintake.storage.records import SqlRecords
from docintake.storage.tables import Outbox


class SqlOutboxLedger:
    """The OutboxLedger of notify/relay.py. Safe to use from many processes at once."""

    def __init__(self, records: SqlRecords) -> None:
        self.records = records

    def claim_next(self, now: datetime, hold: timedelta) -> OutboxEvent | None:
        """The oldest undelivered event that is due, its attempt counted and held for ``hold``; None when none."""
        with self.records.transaction() as session:
            row = session.scalars(
                select(Outbox).where(Outbox.delivered_at.is_(None),
                                     or_(Outbox.next_attempt_at.is_(None), Outbox.next_attempt_at <= now))
                .order_by(Outbox.id).limit(1).with_for_update(skip_locked=True)
            ).first()
            if row is None:
                return None
            row.attempts = row.attempts + 1
            row.next_attempt_at = now + hold
            created_at = utc(row.created_at)
            assert created_at is not None
            return OutboxEvent(row.id, row.event, row.subject_id, created_at, dict(row.payload), row.attempts)

    def delivered(self, event_id: int, now: datetime) -> None:
        with self.records.transaction() as session:
            session.execute(update(Outbox).where(Outbox.id == event_id, Outbox.delivered_at.is_(None))
                            .values(delivered_at=now, next_attempt_at=None))

    def failed(self, event_id: int, retry_at: datetime) -> None:
        with self.records.transaction() as session:
            session.execute(update(Outbox).where(Outbox.id == event_id, Outbox.delivered_at.is_(None))
                            .values(next_attempt_at=retry_at))
