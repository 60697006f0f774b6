"""What came of a duplicate submission's own Reference ID (linked to that case, or the review reason).

Revision ID: 0004_submission_ref_outcome. Frozen once shipped: later changes are new revisions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_submission_ref_outcome'
down_revision = '0003_submission_source_ref_ix'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('submission', sa.Column('reference_outcome', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('submission') as batch:
        batch.drop_column('reference_outcome')
