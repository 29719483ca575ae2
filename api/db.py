"""Engine, sessions and the metadata naming convention."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import DateTime, Engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, SQLModel, create_engine

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
        pool_pre_ping=True,
        pool_timeout=10,
    )
    _configure_postgresql(engine)
    return engine


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


def get_session(request: Request) -> Iterator[Session]:
    """The request's unit of work: services flush, this commits (or rolls back on error).

    Requests that may write use the write engine, so they take the writers' lock. It runs
    with ``scope="function"``, so the commit happens before the response is sent: a
    failed commit is an error response, never a success that was not stored.
    """
    yield from request_session(get_engine(), request.method)


def request_session(engine: Engine, method: str) -> Iterator[Session]:
    """One request's unit of work on ``engine`` (writes on its write variant)."""
    bind = engine if method in READ_METHODS else _write_engine(engine)
    with Session(bind, expire_on_commit=False) as session:
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
