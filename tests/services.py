"""The app on a database of its own, for tests of the real unit of work (no per-test
transaction): concurrent writers, a consumer of the change feed. A pytest plugin
(tests/conftest.py loads it), so that no test module imports another."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from alembic import command
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine
from api.main import create_app
from tests.databases import alembic_config, unique_name


class Service:
    """The app on a database of its own, with an editor key; real sessions throughout."""

    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.url = url
        settings = Settings(database_url=url)
        monkeypatch.setenv("DATABASE_URL", url)
        get_settings.cache_clear()
        get_engine.cache_clear()
        self.engine: Engine = get_engine()
        with self.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with Session(self.engine, expire_on_commit=False) as session:
            _, token = create_api_key(session, name="concurrency", role=Role.editor)
        self.headers = {"Authorization": f"Bearer {token}"}
        self.app = create_app(settings)

    def client(self) -> TestClient:
        return TestClient(self.app, raise_server_exceptions=False)

    def close(self) -> None:
        self.engine.dispose()
        get_settings.cache_clear()
        get_engine.cache_clear()


@pytest.fixture
def make_service(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Service]]:
    made: list[Service] = []
    databases: list[str] = []
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")

    def _make(label: str) -> Service:
        for service in made:  # one live service at a time: the engine cache is global
            service.close()
        if engine.dialect.name == "postgresql":
            name = unique_name(f"conc_{label}")[:63]
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                conn.execute(text(f"CREATE DATABASE {name}"))
            databases.append(name)
            url = engine.url.set(database=name).render_as_string(hide_password=False)
        else:
            url = f"sqlite:///{tmp_path / (label + '.db')}"
        service = Service(url, monkeypatch)
        made.append(service)
        return service

    yield _make
    for service in made:
        service.close()
    with admin.connect() as conn:
        for name in databases:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
