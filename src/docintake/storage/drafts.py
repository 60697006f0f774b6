"""The drafts' sweep on the database: reminders and expiry written with their outbox events in one transaction,
and the draft events' notices through a Notifier, each row locked while it is sent (no two sweeps send one).

The notice is tracked in `outbox.notified_at`; `delivered_at` and `attempts` are the outbox relay's, which tells
the portal of the same events (notify/relay.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update

from docintake.cases.drafts import EXPIRED, REMINDER, DraftPolicy
from docintake.cases.store import CaseStatus
from docintake.storage.cases import utc
from docintake.storage.records import SqlRecords, _audit, _outbox
from docintake.storage.tables import Case, CaseLink, Outbox, Segment

ACTOR = "sweeper"


class SqlDraftLedger:
    """The DraftLedger of cases/sweep.py. Safe to run from many processes at once (compare-and-set, row locks)."""

    def __init__(self, records: SqlRecords) -> None:
        self.records = records

    def drafts_due(self, now: datetime, policy: DraftPolicy) -> list[int]:
        """Drafts inside their reminder window or past expiry (the widest lead decides the window)."""
        horizon = now + max(policy.reminder_before, policy.urgent_reminder_before)
        with self.records.transaction() as session:
            return list(session.scalars(
                select(Case.id).where(Case.status == CaseStatus.DRAFT.value, Case.expires_at.is_not(None),
                                      Case.expires_at <= horizon).order_by(Case.expires_at)
            ))

    def settle(self, case_id: int, now: datetime, policy: DraftPolicy) -> str | None:
        """Expire or remind one draft, with its audit row and outbox event; None when nothing was due."""
        with self.records.transaction() as session:
            case = session.scalars(select(Case).where(Case.id == case_id, Case.status == CaseStatus.DRAFT.value)
                                   .with_for_update()).first()
            if case is None or case.expires_at is None:
                return None
            expires_at = utc(case.expires_at)
            assert expires_at is not None
            payload: dict[str, Any] = {"reference_id": case.reference_id, "expires_at": expires_at.isoformat(),
                                       "urgent": case.urgent, "documents": _documents(session, case.id)}
            if expires_at <= now:
                taken = session.execute(
                    update(Case).where(Case.id == case_id, Case.status == CaseStatus.DRAFT.value)
                    .values(status=CaseStatus.EXPIRED.value, updated_at=now)
                ).rowcount
                if not taken:
                    return None
                _audit(session, now, ACTOR, "case.expired", "case", case.reference_id,
                       old={"status": CaseStatus.DRAFT.value}, new={"status": CaseStatus.EXPIRED.value},
                       evidence={"expires_at": payload["expires_at"]})
                _outbox(session, now, EXPIRED, case.reference_id, payload)
                return EXPIRED
            if not policy.reminder_due(expires_at, case.urgent, now):
                return None
            reminded = session.scalar(select(func.count()).select_from(Outbox).where(
                Outbox.event == REMINDER, Outbox.subject_id == case.reference_id))
            if reminded:  # one reminder per draft, however often the sweep runs
                return None
            _audit(session, now, ACTOR, "case.reminder", "case", case.reference_id,
                   evidence={"expires_at": payload["expires_at"], "urgent": case.urgent})
            _outbox(session, now, REMINDER, case.reference_id, payload)
            return REMINDER

    def unnotified(self, events: Sequence[str], limit: int = 500) -> list[int]:
        """Outbox ids of these events whose notice has not been sent yet, oldest first."""
        with self.records.transaction() as session:
            return list(session.scalars(
                select(Outbox.id).where(Outbox.event.in_(events), Outbox.notified_at.is_(None))
                .order_by(Outbox.id).limit(limit)
            ))

    def notify(self, outbox_id: int, send: Callable[[str, dict[str, Any]], None], now: datetime) -> bool:
        """Send one event's notice while its row is locked, and mark it notified in the same transaction.

        False when another sweep holds it or sent it. A failed send rolls back (and is tried on the next sweep).
        """
        with self.records.transaction() as session:
            row = session.scalars(
                select(Outbox).where(Outbox.id == outbox_id, Outbox.notified_at.is_(None))
                .with_for_update(skip_locked=True)
            ).first()
            if row is None:
                return False
            send(row.event, dict(row.payload))
            row.notified_at = now
        return True


def _documents(session: Any, case_id: int) -> int:
    return session.scalar(
        select(func.count(func.distinct(Segment.document_id))).select_from(CaseLink)
        .join(Segment, Segment.id == CaseLink.segment_id).where(CaseLink.case_id == case_id)
    ) or 0
