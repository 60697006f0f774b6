"""`docintake sweep`: remind drafts before they expire, expire them at expiry, and tell people (Notifier).

Two steps: first every due change is committed with its outbox event (`draft.reminder`, `draft.expired`); then the
draft events not yet notified are sent, each marked notified in the transaction that sent it. Running it twice, or
in several processes at once, sends nothing twice; a notice whose send failed is tried again next time. The outbox
relay (notify/relay.py) tells the portal of the same events, on its own account.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from docintake.cases.drafts import EXPIRED, REMINDER, DraftPolicy, notice_for
from docintake.notify.notifier import Notifier

log = logging.getLogger(__name__)


class DraftLedger(Protocol):
    def drafts_due(self, now: datetime, policy: DraftPolicy) -> list[int]: ...

    def settle(self, case_id: int, now: datetime, policy: DraftPolicy) -> str | None: ...

    def unnotified(self, events: Sequence[str], limit: int = 500) -> list[int]: ...

    def notify(self, outbox_id: int, send: Callable[[str, dict[str, Any]], None], now: datetime) -> bool: ...


@dataclass(frozen=True, slots=True)
class SweepResult:
    reminders: int = 0
    expired: int = 0
    notified: int = 0
    failed: int = 0

    def as_json(self) -> dict[str, int]:
        return {"reminders": self.reminders, "expired": self.expired, "notified": self.notified,
                "failed": self.failed}


class Sweeper:
    def __init__(self, ledger: DraftLedger, notifier: Notifier, policy: DraftPolicy,
                 clock: Callable[[], datetime]) -> None:
        self.ledger = ledger
        self.notifier = notifier
        self.policy = policy
        self.clock = clock

    def run_once(self) -> SweepResult:
        now = self.clock()
        due = self.ledger.drafts_due(now, self.policy)
        changes = [self.ledger.settle(case_id, now, self.policy) for case_id in due]
        notified = failed = 0
        for outbox_id in self.ledger.unnotified((REMINDER, EXPIRED)):
            try:
                if self.ledger.notify(outbox_id, self._send, self.clock()):
                    notified += 1
            except Exception as error:  # kept undelivered: tried again on the next sweep
                failed += 1
                log.warning("outbox %d: notice not sent (%s)", outbox_id, type(error).__name__)
        result = SweepResult(changes.count(REMINDER), changes.count(EXPIRED), notified, failed)
        if any(result.as_json().values()):
            log.info("sweep: %s", result.as_json())
        return result

    def _send(self, event: str, payload: dict[str, Any]) -> None:
        self.notifier.send(notice_for(event, payload))

    def run_forever(self, interval_s: float, stop: threading.Event) -> None:
        """Until ``stop``; a failed pass (database away) is logged and tried again next time."""
        while not stop.is_set():
            try:
                self.run_once()
            except Exception as error:
                log.error("sweep failed: %s", type(error).__name__)
            stop.wait(interval_s)


class PeriodicSweep:
    """A sweeper thread inside `worker` and `watch` (every DOCINTAKE_SWEEP_INTERVAL_S)."""

    def __init__(self, sweeper: Sweeper, interval_s: float) -> None:
        self.sweeper = sweeper
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.sweeper.run_forever, args=(self.interval_s, self._stop),
                                        name="sweeper", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)


def sweeper_for(settings: Any, records: Any) -> Sweeper:
    """The configured sweeper over ``records`` (SqlRecords); imports storage only when asked."""
    from datetime import UTC

    from docintake.notify.notifier import notifier_from_settings
    from docintake.storage.drafts import SqlDraftLedger

    return Sweeper(SqlDraftLedger(records), notifier_from_settings(settings), DraftPolicy.from_settings(settings),
                   lambda: datetime.now(UTC))
