"""claim.verdict and claim.verdict_at: an editor's verdict, apart from the derived status

Revision ID: 7a4c2e9b1f03
Revises: 5d1e0c7a9b31
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "7a4c2e9b1f03"
down_revision: str | None = "5d1e0c7a9b31"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verdict", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("verdict_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_claim_verdict"), ["verdict"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_verdict"))
        batch_op.drop_column("verdict_at")
        batch_op.drop_column("verdict")
