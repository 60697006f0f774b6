"""Revision 0006: the drafts' notices already sent move to `notified_at`, and every event is the relay's to deliver."""

from __future__ import annotations

from sqlalchemy import text

from docintake.storage.database import make_engine, upgrade


def test_sent_draft_notices_become_notified_and_undelivered_for_the_relay(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0005_review_users")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO outbox (event, subject_id, payload, created_at, delivered_at, attempts) VALUES "
            "('draft.reminder', 'PA9000000001', '{}', '2026-03-01 12:00:00', '2026-03-01 12:05:00', 2),"
            "('draft.expired', 'PA9000000001', '{}', '2026-03-02 12:00:00', NULL, 1),"
            "('document.attached', 'PA9000000001', '{}', '2026-03-01 11:00:00', NULL, 0)"))
    upgrade(engine)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT event, notified_at, delivered_at, attempts, next_attempt_at FROM outbox ORDER BY id")).all()
    engine.dispose()
    assert [(r[0], r[1] is not None, r[2], r[3], r[4]) for r in rows] == [
        ("draft.reminder", True, None, 0, None),
        ("draft.expired", False, None, 0, None),
        ("document.attached", False, None, 0, None),
    ]
    assert str(rows[0][1]).startswith("2026-03-01 12:05:00")
