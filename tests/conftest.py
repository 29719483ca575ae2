"""Test harness.

The database is built once per run with ``alembic upgrade head`` (SQLite in a temporary
folder by default; PostgreSQL when TEST_DATABASE_URL is set). Every test runs inside a
transaction that is rolled back afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from alembic import command
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import PROJECT_ROOT, Settings, get_settings
from api.db import get_engine, get_session, make_engine
from api.main import create_app
from api.side import get_side_sessions

SEEDS_DIR = PROJECT_ROOT / "seeds"


def alembic_config(connection: Any) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    cfg.attributes["connection"] = connection
    cfg.attributes["configure_logger"] = False
    return cfg


def _database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(database_url=_database_url(tmp_path_factory))


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        # Never skip: a requested database that is unreachable is a failure.
        pytest.exit(f"test database {settings.database_url} is unreachable: {exc}", returncode=3)
    with engine.begin() as conn:
        cfg = alembic_config(conn)
        command.downgrade(cfg, "base")
        command.upgrade(cfg, "head")
    yield engine
    engine.dispose()


@pytest.fixture
def scratch_database_url(engine: Engine, tmp_path: Path) -> Iterator[str]:
    """An empty database of the suite's kind, dropped afterwards."""
    if engine.dialect.name != "postgresql":
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    name = f"claimsapi_scratch_{os.getpid()}"
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield engine.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


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


def app_on_session(session: Session, settings: Settings) -> FastAPI:
    """The app with every database access bound to the test's transaction."""
    application = create_app(settings)

    def _session() -> Iterator[Session]:
        yield session

    @contextmanager
    def _savepoint() -> Iterator[Session]:
        # The keys live in the test's transaction: bookkeeping uses savepoints of it.
        with session.begin_nested():
            yield session

    application.dependency_overrides[get_session] = _session
    application.dependency_overrides[get_side_sessions] = lambda: _savepoint
    application.dependency_overrides[get_settings] = lambda: settings
    return application


@pytest.fixture
def app(session: Session, settings: Settings) -> FastAPI:
    return app_on_session(session, settings)


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


def seed_path(name: str) -> Path:
    return SEEDS_DIR / name
