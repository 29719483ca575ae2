"""Speed of the extraction pipeline alone, and of the full ``POST /v1/articles`` write path.

Part 1 (``pipeline``) runs ``api.extraction.extract`` on the seed articles, repeated, in
this process pinned to one core, and prints articles per second, milliseconds per 1,000
words (p50/p99 over per-article timings) and peak memory (tracemalloc peak of one pass
over the seeds, measured separately because tracing slows the pipeline; ru_maxrss of
the process). It prints the same for articles of the synthetic corpus (bench/corpus.py).

Part 2 (``http``) starts a uvicorn server (one worker) on a scratch PostgreSQL database,
creates an editor key, and POSTs distinct variants of the seed articles (a unique
sentence appended, so they do not dedupe): p50/p99 latency and articles per second. The
baseline, measured in the same run, is a POST of a text that is stored already (auth,
body validation, content hash, one lookup, 200 without extraction); the ratios are
printed.

    .venv/bin/python -m bench.extraction_bench [--part pipeline|http|all]
        [--rounds 40] [--posts 200]

BENCH_DATABASE_URL picks the database for part 2 (default: a scratch database
`claimsapi_bench_extraction` on the local PostgreSQL server, created and dropped here).
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from api.extraction import extract, extractor_version, parse_seed_document
from api.extraction.types import ArticleInput
from bench.corpus import Corpus
from bench.http_bench import DEFAULT_SERVER, _cli, _drop, _free_port, serve

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = "claimsapi_bench_extraction"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


# --- part 1: the pipeline ---------------------------------------------------------------------
def seed_inputs() -> list[ArticleInput]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        published, body = parse_seed_document(path.read_text("utf-8"))
        out.append(ArticleInput(body=body, published=published))
    return out


def corpus_inputs(count: int) -> list[ArticleInput]:
    corpus = Corpus(7)
    out = []
    for i in range(count):
        a = corpus.article(i)
        out.append(ArticleInput(body=a.body, title=a.title, published=a.published_at.date()))
    return out


@dataclass(frozen=True)
class PipelineResult:
    articles: int
    seconds: float
    words: int
    ms_per_kword: list[float]
    ms_per_article: list[float]

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    def lines(self, label: str) -> list[str]:
        return [
            f"{label}: {self.articles} extractions in {self.seconds:.2f} s = "
            f"{self.rate:.1f} articles/s ({self.words / self.articles:.0f} words/article)",
            f"  per article   p50 {statistics.median(self.ms_per_article):6.2f} ms   "
            f"p99 {_pct(self.ms_per_article, 0.99):6.2f} ms",
            f"  per 1k words  p50 {statistics.median(self.ms_per_kword):6.2f} ms   "
            f"p99 {_pct(self.ms_per_kword, 0.99):6.2f} ms",
        ]


def time_pipeline(docs: list[ArticleInput], rounds: int) -> PipelineResult:
    for doc in docs:  # warm: gazetteer, regex caches
        extract(doc)
    words = [len(d.body.split()) for d in docs]
    per_article: list[float] = []
    per_kword: list[float] = []
    clock = time.perf_counter
    started = clock()
    for _ in range(rounds):
        for doc, n in zip(docs, words, strict=True):
            t0 = clock()
            extract(doc)
            ms = (clock() - t0) * 1000
            per_article.append(ms)
            per_kword.append(ms * 1000 / n)
    elapsed = clock() - started
    return PipelineResult(len(per_article), elapsed, sum(words) * rounds, per_kword, per_article)


def traced_peak(docs: list[ArticleInput]) -> int:
    """Peak bytes allocated while extracting each document once (after a warm pass)."""
    for doc in docs:
        extract(doc)
    gc.collect()
    tracemalloc.start()
    try:
        peak = 0
        for doc in docs:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            extract(doc)
            peak = max(peak, tracemalloc.get_traced_memory()[1] - base)
        return peak
    finally:
        tracemalloc.stop()


def run_pipeline(rounds: int) -> None:
    original = os.sched_getaffinity(0)
    core = 0 if 0 in original else min(original)
    os.sched_setaffinity(0, {core})
    try:
        seeds = seed_inputs()
        print(
            f"extract() alone, {extractor_version()}, pinned to core {core}; "
            f"Python {sys.version.split()[0]}"
        )
        result = time_pipeline(seeds, rounds)
        for line in result.lines(f"seed articles x{rounds}"):
            print(line)
        corpus = corpus_inputs(50)
        synth = time_pipeline(corpus, max(1, rounds // 10))
        for line in synth.lines(f"synthetic corpus ({len(corpus)} articles)"):
            print(line)
        peak = traced_peak(seeds)
        rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"memory: tracemalloc peak of one extraction {peak / 1024:.0f} KiB "
            f"(largest seed); process ru_maxrss {rss_kib / 1024:.1f} MiB"
        )
    finally:
        os.sched_setaffinity(0, original)


# --- part 2: the write path over HTTP ----------------------------------------------------------
def _scratch_database() -> tuple[str, str | None]:
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url, None
    admin = create_engine(DEFAULT_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {SCRATCH}"))
    admin.dispose()
    return make_url(DEFAULT_SERVER).set(database=SCRATCH).render_as_string(False), SCRATCH


@dataclass(frozen=True)
class Timings:
    latencies_ms: list[float]
    seconds: float
    statuses: dict[int, int]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms)

    @property
    def p99(self) -> float:
        return _pct(self.latencies_ms, 0.99)

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.seconds

    def line(self, label: str) -> str:
        codes = " ".join(f"{k}x{v}" for k, v in sorted(self.statuses.items()))
        return (
            f"{label:<44} {self.rate:7.1f} articles/s   p50 {self.p50:7.2f} ms   "
            f"p99 {self.p99:7.2f} ms   [{codes}]"
        )


def _post_all(port: int, token: str, bodies: list[bytes]) -> Timings:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    try:
        for body in bodies:
            t0 = time.perf_counter()
            conn.request("POST", "/v1/articles", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            latencies.append((time.perf_counter() - t0) * 1000)
            statuses[response.status] = statuses.get(response.status, 0) + 1
    finally:
        conn.close()
    return Timings(latencies, time.perf_counter() - started, statuses)


def _variant_payloads(tag: str, count: int) -> list[bytes]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    out = []
    for i in range(count):
        path = seeds[i % len(seeds)]
        published, body = parse_seed_document(path.read_text("utf-8"))
        body += f"\nThis is bench variant {tag}-{i}."
        payload: dict[str, object] = {"title": f"Variant {tag}-{i}", "body": body}
        if published is not None:
            payload["published_at"] = f"{published.isoformat()}T12:00:00Z"
        out.append(json.dumps(payload).encode())
    return out


def run_http(posts: int) -> None:
    url, scratch = _scratch_database()
    env = {**os.environ, "DATABASE_URL": url}
    proc: subprocess.Popen[bytes] | None = None
    try:
        _cli(env, "migrate")
        token = _cli(env, "create-key", "--name", "bench", "--role", "editor").strip()
        port = _free_port()
        proc = serve(env, port, factory="api.main:create_app", wait_seconds=30)
        warm = _post_all(port, token, _variant_payloads("warm", 10))
        if set(warm.statuses) != {201}:
            raise SystemExit(f"warm-up posts failed: {warm.statuses}")
        payloads = _variant_payloads("run", posts)
        full = _post_all(port, token, payloads)
        stored = payloads[: min(len(payloads), 50)]
        dedupe = _post_all(port, token, [stored[i % len(stored)] for i in range(posts)])
        half = len(full.latencies_ms) // 2
        first = statistics.median(full.latencies_ms[:half])
        second = statistics.median(full.latencies_ms[half:])
        print(
            f"POST /v1/articles, uvicorn 1 worker (not pinned), PostgreSQL, one keep-alive "
            f"connection, sequential; {posts} seed variants (~600 words)"
        )
        print(full.line("full write path (201, extraction + storage)"))
        print(f"  p50 of first half {first:.2f} ms, second half {second:.2f} ms")
        print(dedupe.line("baseline: POST of a stored text (200)"))
        print(
            f"  ratio full/baseline: p50 {full.p50 / dedupe.p50:.2f}x, "
            f"p99 {full.p99 / dedupe.p99:.2f}x, throughput {full.rate / dedupe.rate:.2f}x"
        )
        verdict = "meets" if full.p50 <= 30.0 else "misses"
        print(f"  target p50 <= 30 ms: {verdict} ({full.p50:.1f} ms)")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait()
        if scratch is not None:
            _drop(scratch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--part", choices=["pipeline", "http", "all"], default="all")
    parser.add_argument("--rounds", type=int, default=40, help="passes over the 5 seeds")
    parser.add_argument("--posts", type=int, default=200, help="distinct POSTs in part 2")
    args = parser.parse_args()
    parts: list[Callable[[], None]] = []
    if args.part in ("pipeline", "all"):
        parts.append(lambda: run_pipeline(args.rounds))
    if args.part in ("http", "all"):
        parts.append(lambda: run_http(args.posts))
    for i, part in enumerate(parts):
        if i:
            print()
        part()


if __name__ == "__main__":
    main()
