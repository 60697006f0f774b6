"""The SMTP backend against a real SMTP server on loopback (aiosmtpd, started by the test), and `docintake sweep`
sending each draft notice once through it, however often it runs."""

from __future__ import annotations

import json
import socket
from datetime import UTC, date, datetime, timedelta

import pytest

from docintake.cases.drafts import REMINDER, notice_for
from docintake.cases.store import DraftRequest
from docintake.notify.smtp import SmtpNotifier
from docintake.storage.cases import SqlCaseStore
from docintake.storage.database import make_engine, upgrade
from docintake.storage.records import SqlRecords
from tests.integration.conftest import run_cli

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_a_notice_is_delivered_by_smtp_with_ids_only(smtp_server):
    inbox, port = smtp_server
    notifier = SmtpNotifier("127.0.0.1", port, "docintake@plan.example", ("intake@plan.example",), tls="none")
    payload = {"reference_id": "PA9000000001", "expires_at": "2026-03-05T12:00:00+00:00", "urgent": True,
               "documents": 2}
    notifier.send(notice_for(REMINDER, payload))
    (envelope,) = inbox.envelopes
    assert envelope.mail_from == "docintake@plan.example" and envelope.rcpt_tos == ["intake@plan.example"]
    text = envelope.content.decode()
    assert "Subject: Draft case PA9000000001 (urgent) expires at 2026-03-05T12:00:00+00:00" in text
    assert "X-Docintake-Event: draft.reminder" in text and "Linked documents: 2" in text


def test_sweep_sends_each_draft_notice_once_by_smtp(tmp_path, smtp_server):
    inbox, port = smtp_server
    data_dir = tmp_path / "data"
    engine = make_engine(f"sqlite:///{data_dir / 'docintake.db'}")
    upgrade(engine)
    records = SqlRecords(engine)
    now = datetime.now(UTC)
    with records.transaction() as session:
        store = SqlCaseStore(session, records.span)
        person = DraftRequest("W123456789", date(1960, 1, 5), "Jane", "Doe", cpt=("27447",))
        expired = store.create_draft(person, now - timedelta(hours=100), timedelta(hours=96)).reference_id
        reminded = store.create_draft(DraftRequest("X1", date(1970, 2, 2), "Ann", "Roe"), now - timedelta(hours=80),
                                      timedelta(hours=96)).reference_id
        store.create_draft(DraftRequest("Y2", date(1980, 3, 3), "Bo", "Poe"), now, timedelta(hours=96))
    engine.dispose()
    env = {"DOCINTAKE_NOTIFY_BACKEND": "smtp", "DOCINTAKE_SMTP_PORT": str(port), "DOCINTAKE_SMTP_TLS": "none",
           "DOCINTAKE_SMTP_TO": "intake@plan.example"}
    first = run_cli("sweep", "--json", data_dir=data_dir, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    # The relay (log sink by default) tells the portal of the same two events.
    assert json.loads(first.stdout) == {"reminders": 1, "expired": 1, "notified": 2, "failed": 0, "relayed": 2,
                                        "relay_failed": 0}
    second = run_cli("sweep", "--json", data_dir=data_dir, env=env, timeout=120)
    assert json.loads(second.stdout) == {"reminders": 0, "expired": 0, "notified": 0, "failed": 0, "relayed": 0,
                                         "relay_failed": 0}
    subjects = sorted(e.content.decode().split("Subject: ")[1].split("\n")[0].strip() for e in inbox.envelopes)
    assert len(subjects) == 2
    assert subjects[0].startswith(f"Draft case {expired} expired") or subjects[1].startswith(
        f"Draft case {expired} expired")
    assert any(s.startswith(f"Draft case {reminded} expires") for s in subjects)
    for envelope in inbox.envelopes:
        assert not any(v in envelope.content.decode() for v in ("W123456789", "Jane", "Doe", "1960"))
