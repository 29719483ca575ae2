"""key lifecycle: expiry, last use, revocation time

Revision ID: 5c1f0a9e7d21
Revises: 242e2d986edb
Create Date: 2026-12-01 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "5c1f0a9e7d21"
down_revision: str | None = "242e2d986edb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

api_key = sa.table(
    "api_key",
    sa.column("revoked", sa.Boolean()),
    sa.column("revoked_at", sa.DateTime()),
    sa.column("created_at", sa.DateTime()),
    sa.column("expires_at", sa.DateTime()),
)


def upgrade() -> None:
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_used_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
    # When a key was revoked was not recorded; its creation time is the earliest it can be.
    op.execute(
        api_key.update()
        .where(api_key.c.revoked == sa.true())
        .values(revoked_at=api_key.c.created_at)
    )
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.drop_column("revoked")


def downgrade() -> None:
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("revoked", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # The old schema cannot expire a key: one with an expiry is refused rather than kept
    # working for ever.
    op.execute(
        api_key.update()
        .where(sa.or_(api_key.c.revoked_at.is_not(None), api_key.c.expires_at.is_not(None)))
        .values(revoked=sa.true())
    )
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.alter_column("revoked", server_default=None)
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("last_used_at")
        batch_op.drop_column("expires_at")
