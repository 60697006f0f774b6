"""The outbox relay: when an event may be tried again (backoff, and a claim other relays respect), and when the
people were told of a draft event (the notifier), apart from its delivery by the relay.

Until now `delivered_at` and `attempts` of the drafts' events meant "the notice was mailed"; they move to
`notified_at`, and those events become undelivered for the relay like every other event.

Revision ID: 0006_outbox_relay. Frozen once shipped: later changes are new revisions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006_outbox_relay'
down_revision = '0005_review_users'
branch_labels = None
depends_on = None

_DRAFT_EVENTS = ("draft.reminder", "draft.expired")


def upgrade() -> None:
    op.add_column('outbox', sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('outbox', sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_outbox_notice', 'outbox', ['event', 'notified_at'], unique=False)
    outbox = sa.table('outbox', sa.column('event', sa.String), sa.column('delivered_at', sa.DateTime),
                      sa.column('notified_at', sa.DateTime), sa.column('attempts', sa.Integer))
    op.execute(outbox.update().where(outbox.c.event.in_(_DRAFT_EVENTS))
               .values(notified_at=outbox.c.delivered_at, delivered_at=None, attempts=0))


def downgrade() -> None:
    outbox = sa.table('outbox', sa.column('event', sa.String), sa.column('delivered_at', sa.DateTime),
                      sa.column('notified_at', sa.DateTime))
    op.execute(outbox.update().where(outbox.c.event.in_(_DRAFT_EVENTS)).values(delivered_at=outbox.c.notified_at))
    op.drop_index('ix_outbox_notice', table_name='outbox')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('notified_at')
        batch.drop_column('next_attempt_at')
