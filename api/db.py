"""Engine, sessions and the metadata naming convention."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import DateTime, Engine, Executable, Result, event
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from api.config import Settings, get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores timezone-aware datetimes as naive UTC and returns them aware (UTC).

    SQLite has no timezone type; storing UTC everywhere keeps both databases equal.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


WRITE_OPTION = "claimsapi_write"
"""Execution option marking a connection whose transaction writes (see ``begin_write``)."""


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (needed for
        # SAVEPOINT), and enforce foreign keys (needed for cascades). WAL lets readers run
        # beside the one writer; the busy timeout makes writers queue for the write lock.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A write transaction takes the write lock up front (BEGIN IMMEDIATE): a deferred
        # transaction that reads and then writes cannot wait for the lock (SQLITE_BUSY at
        # once), one that starts by taking it waits its turn.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


WRITE_LOCK_KEY = 0x636C61696D73  # "claims": the PostgreSQL advisory lock of the writers


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take turns: every write may touch an event, its facts and their
        # discrepancies, so write transactions are serialised with a transaction-scoped
        # advisory lock, shared by every process and machine on the server, taken at the
        # transaction's first statement (before it reads anything it will act on). Readers
        # never wait. Concurrent requests thus produce exactly what the same requests made
        # one after another produce, and a check ("If-Match", "is this text stored?") and
        # the write it guards are atomic.
        if conn.get_execution_options().get(WRITE_OPTION, False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(settings: Settings) -> Engine:
    url = settings.database_url
    if settings.is_sqlite:
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={
                "check_same_thread": False,
                "timeout": settings.sqlite_busy_timeout_ms / 1000,
            },
        )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
        return engine
    engine = create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        pool_timeout=10,
    )
    _configure_postgresql(engine)
    _ping_when_idle(engine)
    return engine


PING_AFTER_IDLE_SECONDS = 5.0
"""A pooled connection unused for this long is tested (``SELECT 1``) before it is handed
out, so one the server dropped meanwhile (a restart, an idle timeout) is replaced, not
failed with. A busy connection is not pinged: that would cost a round trip per request,
and a connection lost while in use invalidates the whole pool anyway."""


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["checked_in_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        idle_since = record.info.get("checked_in_at")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the pool replaces the connection and tries again
            raise DisconnectionError("the pooled connection is gone") from exc
        if not alive:
            raise DisconnectionError("the pooled connection is gone")


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings())


def get_write_engine() -> Engine:
    """The engine whose transactions are writes: they take the writers' lock (see
    ``_on_begin``) at their first statement, not when the session is opened."""
    return _write_engine(get_engine())


@lru_cache
def _write_engine(engine: Engine) -> Engine:
    return engine.execution_options(**{WRITE_OPTION: True})


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's unit of work: services flush, this commits (or rolls back on error).

    Requests that may write use the write engine, so they take the writers' lock. It runs
    with ``scope="function"``, so the commit happens before the response is sent: a
    failed commit is an error response, never a success that was not stored. Opening the
    session does no I/O, so it happens on the event loop; a commit runs in a thread.
    """
    bind = _bind(get_engine(), request.method)
    session = Session(bind, expire_on_commit=False)
    try:
        yield session
    except BaseException:
        await run_in_threadpool(_close, session, commit=False)
        raise
    if bind is _read_engine(get_engine()) and not _pending(session):
        session.close()  # autocommit: nothing to commit, no I/O to wait for
    else:
        await run_in_threadpool(_close, session, commit=True)


def read_rows(
    session: Session, statement: Executable, params: Mapping[str, Any] | None = None
) -> Result[Any]:
    """``statement`` executed as Core on ``session``'s connection: plain rows, without the
    ORM's execution and loading steps (a select of columns needs neither). Pending
    changes are flushed first, as an ORM query's autoflush would (and, as it, not within
    ``session.no_autoflush``)."""
    if session.autoflush:
        session.flush()  # a clean session returns at once
    return session.connection().execute(statement, params)


def _pending(session: Session) -> bool:
    """Whether ``session`` holds changes not yet flushed (a read never does: its close
    then skips the commit's flush and transaction bookkeeping)."""
    return bool(session.new or session.deleted or session.dirty)


def _close(session: Session, *, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


def _bind(engine: Engine, method: str) -> Engine:
    """Writes on the write engine; reads on PostgreSQL in autocommit: under READ COMMITTED
    every statement reads its own snapshot anyway, so a read transaction's `BEGIN` and
    `COMMIT` would only cost two round trips."""
    if method not in READ_METHODS:
        return _write_engine(engine)
    return _read_engine(engine) if engine.dialect.name == "postgresql" else engine


@lru_cache
def _read_engine(engine: Engine) -> Engine:
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def request_session(engine: Engine, method: str) -> Iterator[Session]:
    """One request's unit of work on ``engine`` (writes on its write variant)."""
    with Session(_bind(engine, method), expire_on_commit=False) as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        session.commit()


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A write session outside a request (CLI, seed loader); the caller commits."""
    with Session(get_write_engine(), expire_on_commit=False) as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_stream_session() -> Iterator[Session]:
    """A read session that lives until a streamed response has been sent (it is a
    ``scope="request"`` dependency). On PostgreSQL it reads one snapshot (REPEATABLE
    READ), so an export is consistent however long it takes; SQLite's WAL read
    transaction gives the same."""
    with Session(get_engine(), expire_on_commit=False) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        try:
            yield session
        finally:
            session.rollback()


StreamSessionDep = Annotated[Session, Depends(get_stream_session, scope="request")]
