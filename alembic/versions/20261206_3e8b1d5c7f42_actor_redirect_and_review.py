"""actor_redirect (merged actors point to the survivor); a review no longer sets the status

Claims whose status was
`reviewed` get their derived status back: `disputed` on a side of an open discrepancy,
else `corroborated` (two or more publishers) or `single_source`.

Revision ID: 3e8b1d5c7f42
Revises: 9b2f4d6e8a15
Create Date: 2026-12-06 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "3e8b1d5c7f42"
down_revision: str | Sequence[str] | None = "9b2f4d6e8a15"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor_redirect",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
            name=op.f("fk_actor_redirect_actor_id_actor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_redirect")),
    )
    op.create_index(op.f("ix_actor_redirect_actor_id"), "actor_redirect", ["actor_id"])
    op.execute(
        """
        UPDATE claim SET status = CASE
            WHEN EXISTS (
                SELECT 1 FROM discrepancy_claim
                JOIN discrepancy ON discrepancy.id = discrepancy_claim.discrepancy_id
                WHERE discrepancy_claim.claim_id = claim.id AND discrepancy.status = 'open'
            ) THEN 'disputed'
            WHEN claim.source_count >= 2 THEN 'corroborated'
            ELSE 'single_source'
        END
        WHERE status = 'reviewed'
        """
    )


def downgrade() -> None:
    op.execute("UPDATE claim SET status = 'reviewed' WHERE reviewed")
    op.drop_index(op.f("ix_actor_redirect_actor_id"), table_name="actor_redirect")
    op.drop_table("actor_redirect")
