"""Request ids and access logs, HEAD, CORS, and bodies bounded in size and in time.

The chunked and slow-body cases run against a real uvicorn (h11, as `claimsapi serve`
starts it) on a free localhost port, in a thread, every socket operation bounded."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.config import Settings
from api.db import get_session
from api.logs import ACCESS_LOGGER, JsonFormatter
from api.main import create_app
from tests.factories import article
from tests.helpers import assert_problem

HEX32 = re.compile(r"^[0-9a-f]{32}$")


# --- request ids and access logs ---------------------------------------------------------


def test_every_response_carries_a_generated_request_id(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    responses = [
        client.get("/v1/claims"),
        client.get("/v1/nowhere"),
        client.get("/v1/claims", params={"limit": 0}),
        client.post("/v1/articles", content=b"x" * 2_000_000, headers=editor_headers),
    ]
    ids = [r.headers["x-request-id"] for r in responses]
    assert all(HEX32.match(i) for i in ids), ids
    assert len(set(ids)) == len(ids)


def test_a_valid_request_id_is_kept_and_an_invalid_one_replaced(client: TestClient) -> None:
    kept = "req-42_abc.DEF:~!" + "x" * 183
    assert len(kept) == 200
    assert client.get("/healthz", headers={"X-Request-ID": kept}).headers["x-request-id"] == kept
    for bad in (b"x" * 201, b"has space", b"", "caf\u00e9".encode()):
        got = client.get("/healthz", headers={b"X-Request-ID": bad}).headers["x-request-id"]
        assert HEX32.match(got), (bad, got)


@pytest.fixture
def failing_client(app: FastAPI) -> Iterator[TestClient]:
    def boom() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/boom", boom, methods=["GET"], include_in_schema=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_a_500_closes_the_connection_and_names_the_request(
    failing_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = failing_client.get("/boom", headers={"X-Request-ID": "trace-500"})
    assert_problem(response, 500)
    assert response.headers["connection"] == "close"
    assert response.headers["x-request-id"] == "trace-500"
    access = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [(r.status, r.request_id) for r in access] == [(500, "trace-500")]  # type: ignore[attr-defined]


def test_one_access_line_per_request_with_id_method_path_status_duration(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER):
        response = client.get(
            "/v1/claims?limit=5",
            headers={"Authorization": "Bearer ck_secret-token-value", "X-Request-ID": "r-1"},
        )
    assert response.status_code == 401
    (record,) = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["request_id"] == "r-1"
    assert (data["method"], data["path"], data["status"]) == ("GET", "/v1/claims", 401)
    assert isinstance(data["duration_ms"], float)
    assert "ck_secret" not in line
    assert "Bearer" not in line


# --- HEAD ---------------------------------------------------------------------------------


def test_head_answers_every_get_route_with_its_headers_and_no_body(
    client: TestClient, seeded: list[int]
) -> None:
    for path in (
        "/v1/articles?limit=2",
        f"/v1/articles/{seeded[0]}",
        f"/v1/articles/{seeded[0]}/claims",
        "/v1/claims",
        "/v1/actors",
        "/v1/discrepancies",
        "/v1/events",
        "/v1/openapi.json",
        "/docs",
        "/healthz",
        "/readyz",
    ):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"", path
        for name in ("content-type", "content-length", "etag", "link"):
            assert head.headers.get(name) == get.headers.get(name), (path, name)
    missing = client.head("/v1/articles/999999")
    assert missing.status_code == 404
    assert missing.content == b""


def test_head_honours_if_none_match(client: TestClient, seeded: list[int]) -> None:
    etag = client.get(f"/v1/articles/{seeded[0]}").headers["etag"]
    response = client.head(f"/v1/articles/{seeded[0]}", headers={"If-None-Match": etag})
    assert response.status_code == 304


# --- CORS ---------------------------------------------------------------------------------


ORIGIN = "https://newsroom.example.org"


@pytest.fixture
def cors_client(session: Session, settings: Settings) -> Iterator[TestClient]:
    application = create_app(settings.model_copy(update={"cors_origins": (ORIGIN,)}))

    def _session() -> Iterator[Session]:
        yield session

    application.dependency_overrides[get_session] = _session
    with TestClient(application, raise_server_exceptions=False) as c:
        yield c


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/v1/claims", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/v1/articles",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_preflight_is_answered_for_a_configured_origin(cors_client: TestClient) -> None:
    response = cors_client.options(
        "/v1/articles",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, if-match",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert {"authorization", "content-type", "if-match"} <= set(allowed.replace(" ", "").split(","))

    other = cors_client.options(
        "/v1/articles",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def test_cors_exposes_the_headers_clients_need(cors_client: TestClient) -> None:
    response = cors_client.get("/v1/claims", headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert {
        "etag",
        "link",
        "location",
        "x-request-id",
        "retry-after",
        "ratelimit",
        "ratelimit-policy",
    } <= exposed


# --- bodies: size and time ----------------------------------------------------------------


def test_an_over_large_chunked_body_is_413_in_process(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 64 * 1024

    response = client.post(
        "/v1/articles",
        content=chunks(),
        headers={**editor_headers, "Content-Type": "application/json"},
    )
    assert_problem(response, 413, mentions="limit")
    assert response.headers["connection"] == "close"


def test_a_body_within_the_limit_still_works(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    payload = json.dumps(article()).encode()

    def chunks() -> Iterator[bytes]:
        yield payload[:10]
        yield payload[10:]

    response = client.post(
        "/v1/articles",
        content=chunks(),
        headers={**editor_headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text


READ_TIMEOUT = 1.0
MAX_BODY = 4096


@pytest.fixture
def live_server(settings: Settings) -> Iterator[tuple[str, int]]:
    """A real uvicorn (h11) serving the app with a 1 s body read timeout and a 4 KiB limit."""
    app = create_app(
        settings.model_copy(
            update={"body_read_timeout_seconds": READ_TIMEOUT, "max_body_bytes": MAX_BODY}
        )
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    config = uvicorn.Config(app, http="h11", lifespan="off", log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _exchange(address: tuple[str, int], parts: list[bytes], pause: float = 0.0) -> bytes:
    """Send ``parts`` (ignoring a server that stops reading), then read until the server
    closes the connection; every step bounded by a 10 s socket timeout."""
    with socket.create_connection(address, timeout=10) as conn:
        for part in parts:
            try:
                conn.sendall(part)
            except OSError:
                break
            time.sleep(pause)
        received = b""
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            received += data
    return received


def _status_and_headers(raw: bytes) -> tuple[int, dict[str, str]]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


def test_an_over_large_chunked_body_is_413_over_http(live_server: tuple[str, int]) -> None:
    head = (
        b"POST /v1/articles HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 1024
    parts = [head] + [b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(8)] + [b"0\r\n\r\n"]
    status, headers = _status_and_headers(_exchange(live_server, parts))
    assert status == 413
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    assert HEX32.match(headers["x-request-id"])


def test_a_body_slower_than_the_read_timeout_is_408_and_closed(
    live_server: tuple[str, int],
) -> None:
    head = (
        b"POST /v1/articles HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    )
    started = time.monotonic()
    raw = _exchange(live_server, [head, b'{"title": '])  # 10 of the 100 bytes, then silence
    elapsed = time.monotonic() - started
    status, headers = _status_and_headers(raw)
    assert status == 408
    assert headers["connection"] == "close"
    assert b"did not arrive within 1 seconds" in raw
    assert READ_TIMEOUT * 0.9 <= elapsed < READ_TIMEOUT + 5


def test_the_live_server_still_answers_normal_requests(live_server: tuple[str, int]) -> None:
    raw = _exchange(
        live_server, [b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"]
    )
    status, _ = _status_and_headers(raw)
    assert status == 200
    assert raw.endswith(b'{"status":"ok"}')
