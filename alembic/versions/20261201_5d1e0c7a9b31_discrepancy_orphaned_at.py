"""discrepancy.orphaned_at: an editor's discrepancy whose claims are gone is kept

Revision ID: 5d1e0c7a9b31
Revises: 8d3b6e2f4a10
Create Date: 2026-12-01 09:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "5d1e0c7a9b31"
down_revision: str | None = "8d3b6e2f4a10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("discrepancy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("orphaned_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("discrepancy", schema=None) as batch_op:
        batch_op.drop_column("orphaned_at")
