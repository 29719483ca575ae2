"""The app on a database of its own, for tests of the real unit of work (no per-test
transaction): concurrent writers, a consumer of the change feed. A pytest plugin
(tests/conftest.py loads it), so that no test module imports another."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine
from api.main import create_app
from tests.databases import RunDatabases


class Service:
    """The app on a migrated database of its own, with an editor key; real sessions."""

    def __init__(self, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.url = url
        settings = Settings(database_url=url)
        monkeypatch.setenv("DATABASE_URL", url)
        get_settings.cache_clear()
        get_engine.cache_clear()
        self.engine: Engine = get_engine()
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
    databases: RunDatabases, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str], Service]]:
    """Services on new migrated databases of the run; ``label`` names the database."""
    made: list[Service] = []

    def _make(label: str) -> Service:
        for service in made:  # one live service at a time: the engine cache is global
            service.close()
        service = Service(databases.migrated(label.replace("_", "")[:20]), monkeypatch)
        made.append(service)
        return service

    yield _make
    for service in made:
        service.close()
        databases.release(service.url)
