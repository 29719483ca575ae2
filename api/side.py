"""Short transactions of their own, outside the request's unit of work.

Authentication, `last_used_at` and the rate-limit counters are bookkeeping: they must not
join the request's transaction (a failed write would roll them back, and on SQLite a
write of theirs inside it would hold the write lock for the whole request), and they run
before the request's session is first used. Each call of the factory is one transaction
on a pooled connection, committed at the end of the ``with`` block.

Tests whose rows live in one rolled-back transaction override :func:`get_side_sessions`
with savepoints of that transaction.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Annotated, cast

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlmodel import Session

from api.db import get_engine

SideSessions = Callable[[], AbstractContextManager[Session]]


def transactions_on(engine: Engine) -> SideSessions:
    """Short transactions of their own on ``engine``."""

    @contextmanager
    def own_transaction() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session

    return own_transaction


async def get_side_sessions() -> SideSessions:
    return transactions_on(get_engine())


async def side_sessions_of(request: Request) -> SideSessions:
    """What :func:`get_side_sessions` gives ``request``, for code that is called by a
    dependency rather than being one (an override in ``app.dependency_overrides`` still
    replaces it)."""
    override = request.app.dependency_overrides.get(get_side_sessions)
    if override is None:
        return transactions_on(get_engine())
    found = override()
    return cast(SideSessions, await found if inspect.isawaitable(found) else found)


SideDep = Annotated[SideSessions, Depends(get_side_sessions)]
