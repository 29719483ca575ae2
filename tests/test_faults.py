"""Database faults are a 503 problem with Retry-After, nothing half-written, and the
service recovers without a restart."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from api.articles import service as articles_service
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine
from api.faults import classify
from api.main import create_app

ARTICLE = {"title": "Flood", "body": "The agency said 12 people died in the flood on Monday."}


@pytest.fixture
def live(
    migrated_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Engine, dict[str, str]]]:
    """The app on a migrated, empty database of the suite's kind, with real sessions."""
    monkeypatch.setenv("DATABASE_URL", migrated_database_url)
    monkeypatch.setenv("SQLITE_BUSY_TIMEOUT_MS", "200")
    get_settings.cache_clear()
    get_engine.cache_clear()
    engine = get_engine()
    with Session(engine, expire_on_commit=False) as session:
        _, token = create_api_key(session, name="faults", role=Role.editor)
    client = TestClient(create_app(get_settings()), raise_server_exceptions=False)
    yield client, engine, {"Authorization": f"Bearer {token}"}
    engine.dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


def _assert_unavailable(response: object) -> None:
    assert getattr(response, "status_code", None) == 503
    headers = getattr(response, "headers", {})
    assert headers["content-type"].startswith("application/problem+json")
    assert int(headers["retry-after"]) >= 1
    body = response.json()  # type: ignore[attr-defined]
    assert body["status"] == 503
    assert "nothing was stored" in body["detail"]


def test_a_database_that_refuses_connections_is_503_not_500(tmp_path: Path) -> None:
    url = "postgresql://nobody:s3cret-pass@127.0.0.1:9/nowhere"
    app = create_app(Settings(database_url=url))
    get_engine.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("DATABASE_URL", url)
            get_settings.cache_clear()
            client = TestClient(app, raise_server_exceptions=False)
            response = client.get("/v1/articles")
    finally:
        get_settings.cache_clear()
        get_engine.cache_clear()
    _assert_unavailable(response)
    assert "s3cret" not in response.text


def test_a_connection_lost_mid_request_is_503_then_the_service_recovers(
    live: tuple[TestClient, Engine, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, engine, headers = live
    if engine.dialect.name != "postgresql":
        pytest.skip("terminating a server backend is a PostgreSQL fault")
    assert client.post("/v1/articles", json=ARTICLE, headers=headers).status_code == 201
    real = Session.exec

    def dying(session: Session, *args: Any, **kwargs: Any) -> Any:
        # The list's query is the request's first statement: its connection dies first.
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        return real(session, *args, **kwargs)

    monkeypatch.setattr(Session, "exec", dying)
    _assert_unavailable(client.get("/v1/articles"))
    monkeypatch.setattr(Session, "exec", real)
    # The pool pre-pings: the next request gets a live connection, no restart needed.
    response = client.get("/v1/articles")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1


def test_a_write_lock_not_granted_in_time_is_503_and_stores_nothing(
    live: tuple[TestClient, Engine, dict[str, str]],
) -> None:
    client, engine, headers = live
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's busy timeout")
    database = engine.url.database
    assert database is not None
    blocker = sqlite3.connect(database, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        _assert_unavailable(client.post("/v1/articles", json=ARTICLE, headers=headers))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert client.get("/v1/articles").json()["items"] == []
    assert client.post("/v1/articles", json=ARTICLE, headers=headers).status_code == 201


def test_deadlocks_are_retried_and_outages_are_not_client_errors() -> None:
    from sqlalchemy.exc import IntegrityError, OperationalError

    class Orig(Exception):
        def __init__(self, sqlstate: str) -> None:
            super().__init__(sqlstate)
            self.sqlstate = sqlstate

    assert classify(OperationalError("x", {}, Orig("40P01"))) == "retry"
    assert classify(OperationalError("x", {}, Orig("40001"))) == "retry"
    assert classify(OperationalError("x", {}, Orig("57P01"))) == "unavailable"
    assert classify(IntegrityError("x", {}, Orig("23505"))) is None
    assert classify(ValueError("not a database error")) is None


def test_a_request_that_met_a_deadlock_runs_again(
    live: tuple[TestClient, Engine, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    class Deadlock(Exception):
        sqlstate = "40P01"

    client, _engine, headers = live
    real = articles_service.by_hash
    calls: list[str] = []

    def once(session: Session, digest: str) -> object:
        calls.append(digest)
        if len(calls) == 1:
            raise OperationalError("INSERT ...", {}, Deadlock())
        return real(session, digest)

    monkeypatch.setattr(articles_service, "by_hash", once)
    response = client.post("/v1/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 201, response.text
    assert len(calls) == 2
    assert len(client.get("/v1/articles").json()["items"]) == 1
