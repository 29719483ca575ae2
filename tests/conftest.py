"""Test harness.

The database is built once per run with ``alembic upgrade head``: SQLite in a temporary
folder by default; with TEST_DATABASE_URL, a PostgreSQL database of this run's own
(tests/databases.py), created on that server and dropped at the end, so two runs on one
server never collide. Every test runs inside a transaction that is rolled back afterwards,
so tests never see each other's rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from alembic import command
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine, make_engine
from api.main import create_app
from tests.apps import lent
from tests.databases import alembic_config, create_database, drop_database, unique_name
from tests.factories import SEEDS_DIR

pytest_plugins = ["tests.services"]


@pytest.fixture(scope="session")
def server_url() -> str | None:
    """TEST_DATABASE_URL: the PostgreSQL server this run creates its databases on."""
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def settings(
    server_url: str | None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Settings]:
    if server_url is None:
        yield Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}")
        return
    name = unique_name("test")
    try:
        url = create_database(server_url, name)
    except psycopg.OperationalError as exc:
        # Never skip: a requested database that is unreachable is a failure.
        pytest.exit(f"test database server {server_url} is unreachable: {exc}", returncode=3)
    try:
        yield Settings(database_url=url)
    finally:
        drop_database(server_url, name)


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        pytest.exit(f"test database {settings.database_url} is unreachable: {exc}", returncode=3)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    yield engine
    engine.dispose()


@pytest.fixture
def scratch_database_url(server_url: str | None, tmp_path: Path) -> Iterator[str]:
    """An empty database of the suite's kind, named for this run; dropped afterwards."""
    if server_url is None:
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    name = unique_name("scratch")
    url = create_database(server_url, name)
    try:
        yield url
    finally:
        drop_database(server_url, name)


@pytest.fixture
def wired_database(scratch_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated scratch database as DATABASE_URL, used the way production uses it:
    `create_app()` with no overrides, per-request sessions, the CLI on the same data."""
    monkeypatch.setenv("DATABASE_URL", scratch_database_url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    with get_engine().begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    try:
        yield scratch_database_url
    finally:
        get_engine().dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture(scope="session")
def shared_app(settings: Settings) -> FastAPI:
    """One app for the run's database settings: the `app` fixture lends it to each test."""
    return create_app(settings)


@pytest.fixture
def app(session: Session, settings: Settings, shared_app: FastAPI) -> Iterator[FastAPI]:
    with lent(shared_app, session, settings) as application:
        yield application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver", raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def make_token(session: Session) -> Callable[[Role], str]:
    def _make(role: Role) -> str:
        _, token = create_api_key(session, name=f"test {role.value}", role=role)
        return token

    return _make


@pytest.fixture
def editor_headers(make_token: Callable[[Role], str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {make_token(Role.editor)}"}


@pytest.fixture
def seeded(session: Session) -> list[int]:
    """The five seed articles, loaded through the service; their ids in file order."""
    from api.seeds import load_seeds

    return [o.article_id for o in load_seeds(session, SEEDS_DIR)]
