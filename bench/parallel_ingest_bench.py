"""Ingest throughput with one and two workers, and POST cost against the size of its event.

Starts uvicorn on a scratch PostgreSQL database and posts synthetic articles over HTTP:

1. one worker, one client, then two workers (``--workers 2``), two clients, each posting
   ``--articles`` distinct articles: articles per second and the ratio two/one;
2. ``POST /v1/articles`` p50 for articles joining one event when it holds ~10 articles
   and when it holds ~100 (measured side by side in the same run): the ratio.

    .venv/bin/python -m bench.parallel_ingest_bench [--articles 60]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterable

from bench.corpus import Corpus, SynthArticle
from bench.http_bench import _cli, _drop, _free_port, _scratch_database, serve

APP = "api.main:create_app"


def _post(base: str, token: str, article: SynthArticle) -> float:
    data = json.dumps(
        {
            "title": article.title,
            "body": article.body,
            "publisher": article.publisher,
            "published_at": article.published_at.isoformat(),
        }
    ).encode()
    request = urllib.request.Request(
        base + "/v1/articles",
        data=data,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        if response.status != 201:
            raise SystemExit(f"POST returned {response.status}")
    return time.perf_counter() - started


def _throughput(base: str, token: str, batches: list[list[SynthArticle]]) -> float:
    """Articles per second, one client thread per batch."""
    done = threading.Barrier(len(batches) + 1)

    def run(batch: Iterable[SynthArticle]) -> None:
        done.wait()
        for article in batch:
            _post(base, token, article)

    threads = [threading.Thread(target=run, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    done.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    return sum(len(b) for b in batches) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    corpus = Corpus(20261201)
    stream = corpus.articles()
    url, scratch = _scratch_database("claimsapi_bench_parallel")
    env = {**os.environ, "DATABASE_URL": url}
    proc: subprocess.Popen[bytes] | None = None
    try:
        _cli(env, "migrate")
        token = _cli(env, "create-key", "--name", "bench", "--role", "editor").strip()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        rates = {}
        for workers in (1, 2):
            proc = serve(env, port, factory=APP, workers=workers, wait_seconds=60)
            for _ in range(4):  # warm the workers
                _post(base, token, next(stream))
            batches = [[next(stream) for _ in range(args.articles)] for _ in range(workers)]
            rates[workers] = _throughput(base, token, batches)
            proc.terminate()
            proc.wait()
            proc = None
        print(f"PostgreSQL, uvicorn; {args.articles} articles per client; synthetic corpus")
        print(f"  1 worker,  1 client : {rates[1]:6.1f} articles/s")
        print(f"  2 workers, 2 clients: {rates[2]:6.1f} articles/s")
        print(f"  ratio two/one: {rates[2] / rates[1]:.2f}x")

        proc = serve(env, port, factory=APP, wait_seconds=60)
        event = 10_000  # a synthetic event of its own
        posted = 0
        samples: dict[int, list[float]] = {}
        for size in (10, 100):
            while posted < size:
                _post(base, token, corpus.article(100_000 + posted, event=event))
                posted += 1
            times = []
            for _ in range(10):
                times.append(_post(base, token, corpus.article(100_000 + posted, event=event)))
                posted += 1
            samples[size] = times
        p10 = statistics.median(samples[10]) * 1000
        p100 = statistics.median(samples[100]) * 1000
        print("POST /v1/articles into one event (10 posts each, p50):")
        print(f"  at ~10 articles : {p10:6.1f} ms")
        print(f"  at ~100 articles: {p100:6.1f} ms")
        print(f"  ratio 100/10: {p100 / p10:.2f}x")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait()
        if scratch is not None:
            _drop(scratch)


if __name__ == "__main__":
    main()
