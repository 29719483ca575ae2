"""change feed: one row per create, update and delete; lists filter on updated_at

Revision ID: 7e4f2a9c1b60
Revises: 7a4e2c9d1b05
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "7e4f2a9c1b60"
down_revision: str | None = "7a4e2c9d1b05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("article", "claim", "actor", "discrepancy", "event")


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource", sa.String(length=16), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.create_index("ix_change_resource_id", "change", ["resource", "id"], unique=False)
    for table in TABLES:
        op.create_index(f"ix_{table}_updated_at", table, ["updated_at"], unique=False)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_updated_at", table_name=table)
    op.drop_index("ix_change_resource_id", table_name="change")
    op.drop_table("change")
