"""A small HTTP/1.1 keep-alive load generator (asyncio streams, no client library overhead)."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    path: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    body_bytes: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<34} {self.rps:9.1f} req/s   p50 {self.p50_ms:7.2f} ms   "
            f"p99 {self.p99_ms:7.2f} ms   body {self.body_bytes:>7} B   errors {self.errors}"
        )


async def _one_connection(
    host: str, port: int, path: str, deadline: float, latencies: list[float], state: dict[str, int]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n"
    payload = request.encode()
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(payload)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            latencies.append((time.perf_counter() - started) * 1000)
            state["bytes"] = len(body)
            if status != 200:
                state["errors"] += 1
    finally:
        writer.close()


async def _run(host: str, port: int, path: str, seconds: float, connections: int) -> Result:
    latencies: list[float] = []
    state = {"errors": 0, "bytes": 0}
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(_one_connection(host, port, path, deadline, latencies, state) for _ in range(connections))
    )
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0
    return Result(
        path=path,
        requests=len(latencies),
        seconds=elapsed,
        p50_ms=statistics.median(ordered) if ordered else 0.0,
        p99_ms=p99,
        errors=state["errors"],
        body_bytes=state["bytes"],
    )


def measure(host: str, port: int, path: str, *, seconds: float, connections: int) -> Result:
    return asyncio.run(_run(host, port, path, seconds, connections))
