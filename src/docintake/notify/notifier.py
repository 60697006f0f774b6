"""The Notifier: one notice (ids, codes and times only, never PHI) to the intake team, by log or by mail."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from docintake.settings import Settings

log = logging.getLogger("docintake.notify")


@dataclass(frozen=True, slots=True)
class Notice:
    """What a person is told: an event code, the case's Reference ID, a subject and a body without PHI."""

    event: str
    reference_id: str
    subject: str
    body: str


class Notifier(Protocol):
    """Delivers one notice or raises (the caller keeps it undelivered and tries again on the next sweep)."""

    def send(self, notice: Notice) -> None: ...


class LogNotifier:
    """The default: one log line per notice, at WARNING so it shows without -v (a person must act)."""

    def send(self, notice: Notice) -> None:
        log.warning("notice %s: case %s: %s", notice.event, notice.reference_id, notice.subject)


def notifier_from_settings(settings: Settings) -> Notifier:
    """The configured backend (DOCINTAKE_NOTIFY_BACKEND)."""
    if settings.notify_backend == "smtp":
        from docintake.notify.smtp import SmtpNotifier

        return SmtpNotifier.from_settings(settings)
    return LogNotifier()
