"""Test harness.

The databases are built once per run (tests/databases.py): SQLite files in a temporary
folder by default; with TEST_DATABASE_URL, PostgreSQL databases of this run's own, created
on that server and dropped at the end, so two runs on one server never collide. The
migrations run once, into a template the others are copied from. Every test runs inside a
transaction that is rolled back afterwards, so tests never see each other's rows: on the
run's empty database, or on its seeded one for a test that asks for `seeded`. The app is
built once and lent to each test, bound to its transaction (tests/apps.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine, make_engine
from api.main import create_app
from api.seeds import load_seeds
from tests.apps import lent
from tests.databases import RunDatabases, libpq_url
from tests.factories import SEEDS_DIR

pytest_plugins = ["tests.services"]


@pytest.fixture(scope="session")
def server_url() -> str | None:
    """TEST_DATABASE_URL: the PostgreSQL server this run creates its databases on."""
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def databases(
    server_url: str | None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunDatabases]:
    """The databases of this run (tests/databases.py); every one is dropped at its end."""
    run = RunDatabases(server_url, tmp_path_factory.mktemp("databases"))
    if server_url is not None:
        try:
            psycopg.connect(libpq_url(server_url), connect_timeout=10).close()
        except psycopg.OperationalError as exc:
            # Never skip: a requested database server that is unreachable is a failure.
            pytest.exit(f"test database server {server_url} is unreachable: {exc}", returncode=3)
    try:
        yield run
    finally:
        run.close()


@pytest.fixture(scope="session")
def settings(databases: RunDatabases) -> Settings:
    return Settings(database_url=databases.migrated("test"))


@pytest.fixture(scope="session")
def empty_engine(settings: Settings) -> Iterator[Engine]:
    """The run's database, migrated and empty: every test rolls back what it wrote."""
    engine = make_engine(settings)
    yield engine
    engine.dispose()


@dataclass(frozen=True)
class Seeded:
    engine: Engine
    article_ids: tuple[int, ...]


@pytest.fixture(scope="session")
def seeded_database(databases: RunDatabases) -> Iterator[Seeded]:
    """A second database of the run, holding the five seed articles, loaded once through
    the service (as `claimsapi seed` does) and committed."""
    engine = make_engine(Settings(database_url=databases.migrated("seeded")))
    with Session(engine) as session:
        ids = tuple(o.article_id for o in load_seeds(session, SEEDS_DIR))
    yield Seeded(engine, ids)
    engine.dispose()


@pytest.fixture
def engine(request: pytest.FixtureRequest, databases: RunDatabases) -> Engine:
    """This test's database: the seeded one for a test that asks for `seeded`, else the
    empty one. Either way the test's writes are rolled back (the `session` fixture).
    (`databases` is named so that pytest sees that a test using it reaches a database.)"""
    if "seeded" in request.fixturenames:
        seeded: Seeded = request.getfixturevalue("seeded_database")
        return seeded.engine
    empty: Engine = request.getfixturevalue("empty_engine")
    return empty


@pytest.fixture
def scratch_database_url(databases: RunDatabases) -> Iterator[str]:
    """An empty database of the suite's kind, named for this run; dropped afterwards."""
    url = databases.empty("scratch")
    yield url
    databases.release(url)


@pytest.fixture
def migrated_database_url(databases: RunDatabases) -> Iterator[str]:
    """A database of the suite's kind at the migrations' head, named for this run (a copy
    of the run's template); dropped afterwards."""
    url = databases.migrated("migrated")
    yield url
    databases.release(url)


@pytest.fixture
def wired_database(migrated_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated scratch database as DATABASE_URL, used the way production uses it:
    `create_app()` with no overrides, per-request sessions, the CLI on the same data."""
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        yield migrated_database_url
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
def seeded(seeded_database: Seeded, session: Session) -> list[int]:
    """The five seed articles, loaded through the service; their ids in file order. The
    test's session is on the seeded database (see `engine`)."""
    return list(seeded_database.article_ids)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that never reach the suite's database (no fixture of theirs leads to
    `server_url`): they do the same on either kind, so `make test` runs them once, in the
    SQLite pass (`-m "not database_independent"` in the PostgreSQL pass)."""
    for item in items:
        if "server_url" not in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database_independent)
