"""The outbox relay: every committed event (document.attached, case.draft_created, draft.reminder, draft.expired,
document.needs_review, document.reviewed, and whatever is added later) delivered to one sink, at least once.

A pass claims the oldest due event (its `attempts` counted and a hold set, so another relay leaves it alone while
it is sent), hands it to the sink outside any transaction, then marks it delivered, or due again after a doubling
backoff. An event that keeps failing stays undelivered and is tried again, never dropped. A crash between sending
and marking sends it again once the hold has passed: receivers deduplicate by `event_id`. Order is not
guaranteed across retries; `created_at` says when the change committed.

The drafts' notices to people are the notifier's (cases/sweep.py); the relay tells the portal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from docintake.settings import Settings

if TYPE_CHECKING:
    from docintake.storage.records import SqlRecords

log = logging.getLogger(__name__)
events_log = logging.getLogger("docintake.events")

FAILED_IN_A_ROW = 3  # a pass stops after this many failures in a row (the sink is down); the rest wait their turn


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    """One claimed outbox row; ``attempts`` counts this attempt."""

    id: int
    event: str
    subject_id: str
    created_at: datetime
    payload: dict[str, Any]
    attempts: int

    def as_json(self) -> dict[str, Any]:
        """What a webhook receives: ids, codes and times only (payloads never carry document values)."""
        return {"event_id": self.id, "event": self.event, "subject_id": self.subject_id,
                "created_at": self.created_at.isoformat(), "payload": self.payload}


class OutboxLedger(Protocol):
    """The outbox as the relay sees it (storage/outbox.py on the database)."""

    def claim_next(self, now: datetime, hold: timedelta) -> OutboxEvent | None: ...

    def delivered(self, event_id: int, now: datetime) -> None: ...

    def failed(self, event_id: int, retry_at: datetime) -> None: ...


class EventSink(Protocol):
    """Delivers one event or raises (the event stays undelivered and is tried again after a backoff)."""

    def deliver(self, event: OutboxEvent) -> None: ...


class LogSink:
    """The default sink: one INFO line per event on the `docintake.events` logger, ids and event names only."""

    def deliver(self, event: OutboxEvent) -> None:
        events_log.info("event %d %s subject %s created %s", event.id, event.event, event.subject_id,
                        event.created_at.isoformat())


class DeliveryFailed(Exception):
    """A sink's refusal with a short code safe to log (an HTTP status, never a body or a URL)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class RelayPolicy:
    backoff: timedelta = timedelta(seconds=30)
    max_backoff: timedelta = timedelta(hours=1)
    hold: timedelta = timedelta(seconds=60)  # longer than one delivery can take (the sink's timeout)

    def retry_after(self, attempts: int) -> timedelta:
        """Doubling with each attempt made, capped."""
        return min(self.backoff * (2 ** min(max(0, attempts - 1), 30)), self.max_backoff)


@dataclass(frozen=True, slots=True)
class RelayResult:
    delivered: int = 0
    failed: int = 0


class Relay:
    def __init__(self, ledger: OutboxLedger, sink: EventSink, policy: RelayPolicy,
                 clock: Callable[[], datetime]) -> None:
        self.ledger = ledger
        self.sink = sink
        self.policy = policy
        self.clock = clock

    def run_once(self, stop: threading.Event | None = None) -> RelayResult:
        """Deliver every due event (until ``stop``, or until the sink failed several times in a row)."""
        delivered = failed = in_a_row = 0
        while not (stop is not None and stop.is_set()) and in_a_row < FAILED_IN_A_ROW:
            event = self.ledger.claim_next(self.clock(), self.policy.hold)
            if event is None:
                break
            try:
                self.sink.deliver(event)
            except Exception as error:
                failed += 1
                in_a_row += 1
                retry_at = self.clock() + self.policy.retry_after(event.attempts)
                self.ledger.failed(event.id, retry_at)
                code = error.code if isinstance(error, DeliveryFailed) else type(error).__name__
                log.warning("outbox event %d (%s): attempt %d failed (%s); next try after %s", event.id,
                            event.event, event.attempts, code, retry_at.isoformat(timespec="seconds"))
                continue
            in_a_row = 0
            self.ledger.delivered(event.id, self.clock())
            delivered += 1
        if delivered or failed:
            log.info("relay: %d delivered, %d failed", delivered, failed)
        return RelayResult(delivered, failed)

    def run_forever(self, interval_s: float, stop: threading.Event) -> None:
        """Until ``stop``; a failed pass (database away) is logged and tried again next time."""
        while not stop.is_set():
            try:
                self.run_once(stop)
            except Exception as error:
                log.error("relay pass failed: %s", type(error).__name__)
            stop.wait(interval_s)


class PeriodicRelay:
    """A relay thread inside `worker` and `watch`, beside the periodic sweep (every DOCINTAKE_RELAY_INTERVAL_S)."""

    def __init__(self, relay: Relay, interval_s: float) -> None:
        self.relay = relay
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.relay.run_forever, args=(self.interval_s, self._stop),
                                        name="outbox-relay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)


def sink_from_settings(settings: Settings) -> EventSink:
    """The configured sink (DOCINTAKE_RELAY_SINK; the webhook when DOCINTAKE_WEBHOOK_URL is set)."""
    if settings.relay_sink == "webhook":
        from docintake.notify.webhook import WebhookSink

        assert settings.webhook_url is not None  # Settings refuses the webhook sink without one
        return WebhookSink(settings.webhook_url, settings.webhook_secret.get_secret_value().encode(),
                           settings.webhook_timeout_s)
    return LogSink()


def relay_for(settings: Settings, records: SqlRecords) -> Relay:
    """The configured relay over ``records`` (SqlRecords); imports storage only when asked."""
    from datetime import UTC

    from docintake.storage.outbox import SqlOutboxLedger

    policy = RelayPolicy(timedelta(seconds=settings.relay_backoff_s), timedelta(seconds=settings.relay_max_backoff_s),
                         timedelta(seconds=max(60.0, 3 * settings.webhook_timeout_s)))
    return Relay(SqlOutboxLedger(records), sink_from_settings(settings), policy, lambda: datetime.now(UTC))
