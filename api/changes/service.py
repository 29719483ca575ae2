"""Reading the change feed.

Why a reader resuming ``after=N`` never misses a change: every write transaction takes
the writers' lock at its first statement and holds it until it has committed (SQLite
``BEGIN IMMEDIATE``; PostgreSQL ``pg_advisory_xact_lock``, released after the commit is
visible), and the feed's ids are taken inside the transaction (SQLite: the next rowid
under the write lock; PostgreSQL: ``nextval`` of the column's sequence, not cached). So
a transaction's ids are all greater than those of every transaction committed before
it, and none is visible before all of them are: once a reader has seen id N, every
change committed later has an id above N. Ids of rolled-back transactions leave gaps,
which mean nothing.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.changes.models import Change, ChangePublic, Resource


def list_changes(
    session: Session, *, after: int | None, limit: int, resource: Resource | None = None
) -> list[Change]:
    """Up to ``limit + 1`` changes after id ``after``, in feed order."""
    stmt = select(Change)
    if after is not None:
        stmt = stmt.where(col(Change.id) > after)
    if resource is not None:
        stmt = stmt.where(Change.resource == resource.value)
    return list(session.exec(stmt.order_by(col(Change.id)).limit(limit + 1)))


def latest_id(session: Session) -> int:
    """The newest change's id (0 when there is none)."""
    latest = session.exec(select(func.max(Change.id))).one()
    return int(latest or 0)


def to_public(changes: list[Change]) -> list[ChangePublic]:
    return [ChangePublic.model_validate(c, from_attributes=True) for c in changes]
