"""Rate limits per key (anonymous callers per client address), counted in the database."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from api.auth.models import Role
from api.config import Settings, get_settings
from api.main import create_app
from api.ratelimit import service
from api.ratelimit.models import RateLimitCounter
from tests.helpers import assert_problem

NOW = 1_800_000_010.0  # 10 s into a window


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "clock", lambda: NOW)


@pytest.fixture
def limit(app: FastAPI, settings: Settings) -> Callable[[int], None]:
    def _set(per_minute: int) -> None:
        limited = settings.model_copy(update={"rate_limit_per_minute": per_minute})
        app.dependency_overrides[get_settings] = lambda: limited

    return _set


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_off_by_default(client: TestClient) -> None:
    for _ in range(3):
        response = client.get("/v1/articles")
        assert response.status_code == 200
        assert "ratelimit" not in response.headers


def test_headers_then_429_with_retry_after(
    client: TestClient, limit: Callable[[int], None], make_token: Callable[[Role], str]
) -> None:
    limit(3)
    headers = bearer(make_token(Role.reader))
    for remaining in (2, 1, 0):
        response = client.get("/v1/articles", headers=headers)
        assert response.status_code == 200
        assert response.headers["ratelimit-policy"] == '"default";q=3;w=60'
        assert response.headers["ratelimit"] == f'"default";r={remaining};t=50'
    response = client.get("/v1/articles", headers=headers)
    assert_problem(response, 429, mentions="retry in 50 seconds")
    assert response.headers["retry-after"] == "50"
    assert response.headers["ratelimit"] == '"default";r=0;t=50'
    # Every operation shares the quota, writes and errors too.
    assert_problem(client.get("/v1/claims/999999", headers=headers), 429)


def test_keys_and_anonymous_callers_are_counted_separately(
    client: TestClient, limit: Callable[[int], None], make_token: Callable[[Role], str]
) -> None:
    limit(2)
    first, second = bearer(make_token(Role.editor)), bearer(make_token(Role.editor))
    assert all(client.get("/v1/articles", headers=first).is_success for _ in range(2))
    assert_problem(client.get("/v1/articles", headers=first), 429)
    response = client.get("/v1/articles", headers=second)
    assert response.status_code == 200
    assert response.headers["ratelimit"] == '"default";r=1;t=50'
    assert client.get("/v1/articles").headers["ratelimit"] == '"default";r=1;t=50'
    assert client.get("/v1/articles").status_code == 200
    assert_problem(client.get("/v1/articles"), 429)
    # A refused key counts against the client address, not a bucket of its own.
    assert_problem(client.get("/v1/articles", headers=bearer("ck_guess")), 429)


def test_headers_on_responses_made_without_the_dependency(
    client: TestClient, limit: Callable[[int], None], make_token: Callable[[Role], str]
) -> None:
    """304s and problem documents are returned directly; they carry the headers too."""
    limit(10)
    headers = bearer(make_token(Role.editor))
    created = client.post("/v1/actors", json={"name": "A", "kind": "other"}, headers=headers)
    etag = created.headers["etag"]
    cached = client.get(
        f"/v1/actors/{created.json()['id']}", headers={**headers, "If-None-Match": etag}
    )
    assert cached.status_code == 304
    assert cached.headers["ratelimit"] == '"default";r=8;t=50'
    missing = client.get("/v1/actors/999999", headers=headers)
    assert_problem(missing, 404)
    assert missing.headers["ratelimit"] == '"default";r=7;t=50'


def test_a_failing_store_lets_requests_through(
    client: TestClient,
    limit: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    limit(1)

    def broken(*args: object, **kwargs: object) -> service.Quota:
        raise OSError("store is down")

    monkeypatch.setattr(service, "hit", broken)
    for _ in range(3):
        response = client.get("/v1/articles")
        assert response.status_code == 200
        assert "ratelimit" not in response.headers
    assert "rate-limit store failed" in caplog.text


def test_a_new_window_starts_afresh_and_clears_finished_ones(
    client: TestClient,
    session: Session,
    limit: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    limit(1)
    assert client.get("/v1/articles").status_code == 200
    assert_problem(client.get("/v1/articles"), 429)
    monkeypatch.setattr(service, "clock", lambda: NOW + 60)
    response = client.get("/v1/articles")
    assert response.status_code == 200
    assert response.headers["ratelimit"] == '"default";r=0;t=50'
    windows = session.exec(select(RateLimitCounter.window_start)).all()
    assert windows == [int(NOW + 60) // 60 * 60]


def test_the_counter_survives_a_failed_request_and_never_blocks_its_writes(
    wired_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Production wiring: the counter commits in its own transaction, before the request's
    unit of work, so a refused write still counts and a counted write still succeeds."""
    from typer.testing import CliRunner

    from api.cli import app as cli

    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "4")
    get_settings.cache_clear()
    token = CliRunner().invoke(cli, ["create-key", "--name", "d", "--role", "editor"]).stdout
    headers = bearer(token.strip())
    client = TestClient(create_app(), raise_server_exceptions=False)
    body = {"name": "A", "kind": "other"}
    assert client.post("/v1/actors", json=body, headers=headers).status_code == 201
    assert_problem(client.post("/v1/actors", json=body, headers=headers), 409)  # rolled back
    assert_problem(client.post("/v1/actors", json={"name": ""}, headers=headers), 422)
    response = client.post("/v1/actors", json={**body, "name": "B"}, headers=headers)
    assert response.status_code == 201
    assert response.headers["ratelimit"] == '"default";r=0;t=50'
    assert_problem(client.get("/v1/actors", headers=headers), 429)


@contextmanager
def _own(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def test_parallel_hits_count_exactly(engine: Engine) -> None:
    """Threads, each with its own connection, hit one bucket at once: no lost update."""
    bucket = f"test:parallel:{threading.get_ident()}"
    threads, per_thread = 8, 25
    barrier = threading.Barrier(threads)

    def worker(_: int) -> list[int]:
        barrier.wait()
        return [
            service.hit(lambda: _own(engine), bucket, limit=10, now=NOW).used
            for _ in range(per_thread)
        ]

    try:
        with ThreadPoolExecutor(threads) as pool:
            seen = [used for result in pool.map(worker, range(threads)) for used in result]
        assert sorted(seen) == list(range(1, threads * per_thread + 1))
        with _own(engine) as session:
            stored = session.exec(
                select(RateLimitCounter.count).where(col(RateLimitCounter.bucket) == bucket)
            ).one()
        assert stored == threads * per_thread
    finally:
        with _own(engine) as session:
            session.exec(delete(RateLimitCounter).where(col(RateLimitCounter.bucket) == bucket))


def test_policy_header_syntax() -> None:
    quota = service.Quota(limit=100, window=60, used=58, reset=17)
    assert quota.headers() == {
        "RateLimit-Policy": '"default";q=100;w=60',
        "RateLimit": '"default";r=42;t=17',
    }
    assert re.fullmatch(r'"default";r=\d+;t=\d+', quota.headers()["RateLimit"])
