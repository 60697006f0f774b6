"""Drafts' life: when a draft case is reminded about (urgent ones earlier) and what its notices say (ids only).

A draft expires ``draft_ttl`` (96 h) after creation. A reminder goes out ``reminder_before`` ahead of that, and
``urgent_reminder_before`` ahead for an urgent request, whose decision clock (72 h for an expedited review) runs
out before the draft would. At expiry the draft becomes `expired`, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from docintake.notify.notifier import Notice

REMINDER = "draft.reminder"
EXPIRED = "draft.expired"


@dataclass(frozen=True, slots=True)
class DraftPolicy:
    reminder_before: timedelta = timedelta(hours=24)
    urgent_reminder_before: timedelta = timedelta(hours=72)

    def lead(self, urgent: bool) -> timedelta:
        return self.urgent_reminder_before if urgent else self.reminder_before

    def reminder_due(self, expires_at: datetime, urgent: bool, now: datetime) -> bool:
        """Inside the reminder window and not yet expired (an expired draft gets the expiry notice only)."""
        return expires_at - self.lead(urgent) <= now < expires_at

    @classmethod
    def from_settings(cls, settings: Any) -> DraftPolicy:
        return cls(timedelta(hours=settings.draft_reminder_hours),
                   timedelta(hours=settings.draft_urgent_reminder_hours))


def notice_for(event: str, payload: dict[str, Any]) -> Notice:
    """The notice of an outbox event; the payload carries ids, times and counts only."""
    reference_id = str(payload.get("reference_id"))
    expires_at = payload.get("expires_at") or "unknown"
    urgent = " (urgent)" if payload.get("urgent") else ""
    documents = payload.get("documents", 0)
    if event == REMINDER:
        subject = f"Draft case {reference_id}{urgent} expires at {expires_at}"
        action = "Complete it in the portal or close it before then; it is kept, marked expired, if nothing happens."
    elif event == EXPIRED:
        subject = f"Draft case {reference_id}{urgent} expired at {expires_at}"
        action = "It was marked expired and kept (never deleted); reopen it in the portal if the request goes on."
    else:
        raise ValueError("not a draft event")
    body = (f"Event: {event}\nCase: {reference_id}\nUrgent: {'yes' if urgent else 'no'}\n"
            f"Expires at (UTC): {expires_at}\nLinked documents: {documents}\n\n{action}\n")
    return Notice(event, reference_id, subject, body)
