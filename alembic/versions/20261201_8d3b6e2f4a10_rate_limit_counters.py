"""rate-limit counters

Revision ID: 8d3b6e2f4a10
Revises: 5c1f0a9e7d21
Create Date: 2026-12-01 10:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "8d3b6e2f4a10"
down_revision: str | None = "5c1f0a9e7d21"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counter",
        sa.Column("bucket", sa.String(length=80), nullable=False),
        sa.Column("window_start", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bucket", "window_start", name=op.f("pk_rate_limit_counter")),
    )
    with op.batch_alter_table("rate_limit_counter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rate_limit_counter_window_start"), ["window_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rate_limit_counter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rate_limit_counter_window_start"))
    op.drop_table("rate_limit_counter")
