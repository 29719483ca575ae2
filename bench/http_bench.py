"""Requests per second and p50/p99 latency of the read endpoints, against a bare baseline.

Starts a uvicorn server (one worker) on PostgreSQL, loads the seeds plus enough variants
to fill a page of 50 claims, then measures each endpoint and a bare endpoint of the same
app returning a fixed JSON body of the same size, in the same run, and prints the ratios.

    .venv/bin/python -m bench.http_bench [--seconds 10] [--connections 8]

BENCH_DATABASE_URL picks the database (default: a scratch database
`claimsapi_bench` on the local PostgreSQL server, created and dropped by this script).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.loadgen import Result, measure

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _scratch_database(name: str = "claimsapi_bench") -> tuple[str, str | None]:
    """A fresh scratch database ``name`` (each benchmark its own: they may run at once)."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url, None
    admin = create_engine(DEFAULT_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(DEFAULT_SERVER).set(database=name).render_as_string(False), name


def _drop(name: str) -> None:
    admin = create_engine(DEFAULT_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def _cli(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "claimsapi"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _post_variants(base: str, token: str, count: int) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(count):
        body = seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\n(Variant {i}.)"
        data = json.dumps({"title": f"Variant {i}", "body": body}).encode()
        req = urllib.request.Request(
            base + "/v1/articles",
            data=data,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        urllib.request.urlopen(req).read()


def _get(base: str, path: str) -> bytes:
    with urllib.request.urlopen(base + path) as response:
        return bytes(response.read())


def serve(
    env: dict[str, str],
    port: int,
    *,
    factory: str = "bench.app:create_bench_app",
    workers: int = 1,
    wait_seconds: float = 20.0,
) -> subprocess.Popen[bytes]:
    """Start uvicorn on ``port`` with the app ``factory`` and wait until it answers."""
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "uvicorn"),
            "--factory",
            factory,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}", "/v1/openapi.json")
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    url, scratch = _scratch_database()
    bare_dir = Path(tempfile.mkdtemp(prefix="bench-bare-"))
    env = {**os.environ, "DATABASE_URL": url, "BENCH_BARE_DIR": str(bare_dir)}
    proc: subprocess.Popen[bytes] | None = None
    try:
        _cli(env, "migrate")
        _cli(env, "seed")
        token = _cli(env, "create-key", "--name", "bench", "--role", "editor").strip()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve(env, port)
        _post_variants(base, token, 10)
        claims_path = "/v1/claims?limit=50"
        article_path = "/v1/articles/1"
        (bare_dir / "claims.json").write_bytes(_get(base, claims_path))
        (bare_dir / "article.json").write_bytes(_get(base, article_path))
        proc.terminate()
        proc.wait()
        proc = serve(env, port)  # restart so the bare routes load their bodies

        pairs = [
            ("GET " + claims_path, claims_path, "/bench/bare/claims"),
            ("GET " + article_path, article_path, "/bench/bare/article"),
        ]
        print(
            f"uvicorn, 1 worker, PostgreSQL; {args.connections} keep-alive connections, "
            f"{args.seconds:.0f} s per endpoint; Python {sys.version.split()[0]}"
        )
        for label, path, bare in pairs:
            measure("127.0.0.1", port, path, seconds=1.0, connections=args.connections)  # warm
            real: Result = measure(
                "127.0.0.1", port, path, seconds=args.seconds, connections=args.connections
            )
            base_line: Result = measure(
                "127.0.0.1", port, bare, seconds=args.seconds, connections=args.connections
            )
            print(real.line(label))
            print(base_line.line("  bare endpoint, same body size"))
            p50 = real.p50_ms / base_line.p50_ms
            p99 = real.p99_ms / base_line.p99_ms
            print(
                f"  ratio: throughput {real.rps / base_line.rps:.2f}x of bare, "
                f"p50 {p50:.2f}x, p99 {p99:.2f}x"
            )
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait()
        if scratch is not None:
            _drop(scratch)


if __name__ == "__main__":
    main()
