"""The container's command (`claimsapi serve`) works outside Docker: it migrates, seeds
and serves the API on the database the suite runs on."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from api.config import PROJECT_ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_migrates_seeds_and_serves(scratch_database_url: str) -> None:
    url = scratch_database_url
    port = _free_port()
    cli = Path(sys.executable).parent / "claimsapi"
    env = {**os.environ, "DATABASE_URL": url}
    proc = subprocess.Popen(
        [str(cli), "serve", "--seed", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/openapi.json") as r:
                    assert r.status == 200
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/articles?limit=10") as r:
            body = r.read().decode()
        assert '"items"' in body
        assert "Pakistan" in body
        probe = urllib.request.Request(
            f"http://127.0.0.1:{port}/readyz", headers={"X-Request-ID": "probe-1"}
        )
        with urllib.request.urlopen(probe) as r:
            assert r.status == 200
            assert r.headers["X-Request-ID"] == "probe-1"
            assert json.loads(r.read())["status"] == "ready"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    output = proc.stdout.read().decode() if proc.stdout else ""
    # Logs are JSON lines; the access line of the probe carries its request id.
    logged = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert any(
        entry.get("request_id") == "probe-1"
        and entry.get("path") == "/readyz"
        and entry.get("status") == 200
        and entry.get("method") == "GET"
        and "duration_ms" in entry
        for entry in logged
    ), output
    assert any(entry.get("logger", "").startswith("uvicorn") for entry in logged), output
