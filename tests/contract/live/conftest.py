"""A real uvicorn server on a scratch PostgreSQL database, for the tests over HTTP.

These tests run only with CONTRACT_LIVE=1 (scripts/contract.sh sets it). A database named
for this run is created on the server of CONTRACT_PG_URL (default: TEST_DATABASE_URL or
the local server), migrated, seeded, used by one uvicorn process on a free port, and
dropped at the end.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import PROJECT_ROOT, Settings
from api.db import make_engine
from tests.contract.harness import LiveServer
from tests.databases import create_database, drop_database, unique_name

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def _admin_url() -> str:
    return os.environ.get("CONTRACT_PG_URL") or os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    admin = _admin_url()
    name = unique_name("live")
    database_url = create_database(admin, name)
    env = {**os.environ, "DATABASE_URL": database_url, "REQUIRE_READ_KEY": "false"}
    bin_dir = Path(sys.executable).parent
    for step in ("migrate", "seed"):
        subprocess.run([str(bin_dir / "claimsapi"), step], env=env, check=True, cwd=PROJECT_ROOT)
    engine = make_engine(Settings(database_url=database_url))
    with Session(engine) as session:
        _, token = create_api_key(session, name="contract tests", role=Role.editor)
    engine.dispose()

    port = free_port()
    log = tmp_path_factory.mktemp("live") / "uvicorn.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                str(bin_dir / "uvicorn"),
                "api.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
            ],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"uvicorn exited: {log.read_text()}")
            try:
                if httpx.get(base_url + "/v1/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"uvicorn did not start: {log.read_text()}")
            time.sleep(0.2)
        yield LiveServer(base_url, database_url, token, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        drop_database(admin, name)
