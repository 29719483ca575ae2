"""deleted_article: what a deletion removed, readable and restorable by editors

Revision ID: 7a4e2c9d1b05
Revises: 5d1e0c7a9b31
Create Date: 2026-12-01 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "7a4e2c9d1b05"
down_revision: str | None = "5d1e0c7a9b31"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deleted_article",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("edited_claims", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deleted_article")),
    )
    op.create_index(op.f("ix_deleted_article_content_hash"), "deleted_article", ["content_hash"])
    op.create_index(op.f("ix_deleted_article_deleted_at"), "deleted_article", ["deleted_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_deleted_article_deleted_at"), table_name="deleted_article")
    op.drop_index(op.f("ix_deleted_article_content_hash"), table_name="deleted_article")
    op.drop_table("deleted_article")
