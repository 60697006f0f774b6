"""An index on submission (source, source_ref): the drop-folder watcher looks its claims up by it every pass.

Revision ID: 0003_submission_source_ref_ix. Frozen once shipped: later changes are new revisions.
"""

from __future__ import annotations

from alembic import op

revision = '0003_submission_source_ref_ix'
down_revision = '0002_api_tokens'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_submission_source_ref', 'submission', ['source', 'source_ref'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_submission_source_ref', table_name='submission')
