"""Full-text search: GIN tsvector indexes (PostgreSQL) or FTS5 tables with triggers (SQLite)

On SQLite the FTS5 tables are external-content tables over ``claim`` and ``article``,
kept in step by triggers. A later migration that rebuilds either table (a batch
``ALTER``) drops its triggers with it and must create them again (``_sqlite_triggers``).

Revision ID: 9b2f4d6e8a15
Revises: 7a4c2e9b1f03
Create Date: 2026-12-05 10:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "9b2f4d6e8a15"
down_revision: str | None = "7a4c2e9b1f03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {"claim": ("statement", "quote"), "article": ("title", "body")}


def _sqlite_triggers(table: str, first: str, second: str) -> list[str]:
    fts = f"{table}_fts"
    insert = (
        f"INSERT INTO {fts}(rowid, {first}, {second}) VALUES (new.id, new.{first}, new.{second});"
    )
    delete = (
        f"INSERT INTO {fts}({fts}, rowid, {first}, {second})"
        f" VALUES ('delete', old.id, old.{first}, old.{second});"
    )
    return [
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {first}, {second} ON {table}"
        f" BEGIN {delete} {insert} END",
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, (first, second) in COLUMNS.items():
        if dialect == "postgresql":
            op.execute(
                f"CREATE INDEX ix_{table}_search ON {table} USING gin"
                f" (to_tsvector('english', {table}.{first} || ' ' || {table}.{second}))"
            )
            continue
        fts = f"{table}_fts"
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({first}, {second}, content='{table}',"
            " content_rowid='id', tokenize='porter unicode61')"
        )
        for statement in _sqlite_triggers(table, first, second):
            op.execute(statement)
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in COLUMNS:
        if dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
            continue
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
