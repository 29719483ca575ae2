"""`/healthz` answers whenever the process does; `/readyz` only when the database answers
and its schema is at the newest migration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.config import Settings
from api.db import get_session, make_engine
from api.health.service import script_heads
from api.main import create_app
from tests.helpers import assert_problem

UNREACHABLE = "postgresql://postgres:not-the-password@127.0.0.1:1/nowhere"


def _app_on(settings: Settings, database_url: str) -> Iterator[TestClient]:
    engine = make_engine(Settings(database_url=database_url))
    app: FastAPI = create_app(settings)

    def _session() -> Iterator[Session]:
        with Session(engine) as session:
            yield session

    app.dependency_overrides[get_session] = _session
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client
    finally:
        engine.dispose()


@pytest.fixture
def down_client(settings: Settings) -> Iterator[TestClient]:
    """The app with a database that refuses connections."""
    yield from _app_on(settings, UNREACHABLE)


@pytest.fixture
def unmigrated_client(settings: Settings, scratch_database_url: str) -> Iterator[TestClient]:
    """The app on an empty database: reachable, but no migration applied."""
    yield from _app_on(settings, scratch_database_url)


def test_healthz_is_up_without_touching_the_database(down_client: TestClient) -> None:
    response = down_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["cache-control"] == "no-store"


def test_readyz_is_ready_on_the_migrated_database(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready", "migration": ", ".join(sorted(script_heads()))}


def test_readyz_is_503_with_retry_after_when_the_database_is_down(
    down_client: TestClient,
) -> None:
    response = down_client.get("/readyz")
    body = assert_problem(response, 503, mentions="unreachable")
    assert response.headers["retry-after"] == "5"
    assert body["instance"] == "/readyz"
    assert "not-the-password" not in response.text


def test_readyz_is_503_when_migrations_are_not_at_head(unmigrated_client: TestClient) -> None:
    response = unmigrated_client.get("/readyz")
    assert_problem(response, 503, mentions="claimsapi migrate")
    assert int(response.headers["retry-after"]) > 0


def test_probes_are_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/v1/openapi.json").json()["paths"]
    assert paths["/healthz"]["get"]["operationId"] == "get_health"
    ready = paths["/readyz"]["get"]
    assert ready["operationId"] == "get_readiness"
    assert "Retry-After" in ready["responses"]["503"]["headers"]
