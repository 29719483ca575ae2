"""Cost of one article post, and of discrepancy listings, as the database grows.

In process, on a scratch PostgreSQL database: articles of the synthetic corpus
(bench/corpus.py, ~450 words and ~23 claims each, about 4 articles per event) are loaded
through the write path ``api.ingest.create_article`` (one real Session and
transaction per article, exactly the write path of ``POST /v1/articles`` minus HTTP)
until the table holds each checkpoint's number of claims. At each checkpoint it times:

- ``--probes`` fresh posts through ``create_article`` (half about events already stored,
  half about new events), p50/p99 ms, next to ``extract()`` alone on the same articles
  (so the database part of the cost is visible);
- ``GET /v1/discrepancies?status=open&limit=50`` and
  ``GET /v1/discrepancies?kind=conflicting_figures&actor_id=<busiest actor>&limit=50``
  through the ASGI app (FastAPI TestClient, no network), p50/p99 ms over ``--reads``
  requests.

Before each checkpoint's timings, and whenever the claim table has grown by half while
loading, it runs ``ANALYZE`` (``--no-analyze`` to skip), as autovacuum would: the local
development server runs with autovacuum off, and without statistics PostgreSQL plans
the write path's joins as if the tables were empty.

It ends with the ratios cost@largest / cost@first checkpoint (target <= 1.3).

    .venv/bin/python -m bench.ingest_scaling_bench [--max-claims 30000]
        [--checkpoints 1000,3000,10000,30000,100000] [--probes 50] [--reads 30]

Checkpoints above ``--max-claims`` are skipped. With the write path as of this writing
(~0.1 s per post on a 2-core VM) the default (1k, 3k, 10k, 30k) takes ~3 minutes and
``--max-claims 100000`` ~8 minutes.

BENCH_DATABASE_URL picks the database (default: a scratch database
`claimsapi_bench_scaling` on the local PostgreSQL server, created and dropped here;
``--keep`` keeps it for inspection).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, func, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from api.extraction import extract
from api.extraction.types import ArticleInput
from bench.corpus import Corpus, SynthArticle
from bench.http_bench import DEFAULT_SERVER, _cli, _drop

SCRATCH = "claimsapi_bench_scaling"
SEED = 1
PROBE_OFFSET = 50_000_000  # article indices of probe posts (disjoint from the load)
NEW_EVENT_OFFSET = 60_000_000  # event indices of probe posts about new events


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


@dataclass(frozen=True)
class Stat:
    values: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.values)

    @property
    def p99(self) -> float:
        return _pct(self.values, 0.99)

    def text(self) -> str:
        return f"p50 {self.p50:8.2f} ms  p99 {self.p99:8.2f} ms  (n={len(self.values)})"


@dataclass(frozen=True)
class Checkpoint:
    claims: int
    articles: int
    post: Stat
    extract_only: Stat
    lists: dict[str, Stat]


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


def _input(a: SynthArticle) -> ArticleInput:
    return ArticleInput(
        body=a.body, title=a.title, published=a.published_at.date(), publisher=a.publisher
    )


class Bench:
    def __init__(self, engine: Engine, probes: int, reads: int) -> None:
        # imported here: the service modules read DATABASE_URL through the settings
        from api.articles.models import ArticleCreate
        from api.ingest import create_article

        self.engine = engine
        self.probes = probes
        self.reads = reads
        self.corpus = Corpus(SEED)
        self.loaded = 0  # articles of the corpus stream loaded so far
        self.probe_round = 0
        self._create = create_article
        self._model = ArticleCreate

    def post(self, a: SynthArticle) -> None:
        data = self._model(
            title=a.title, body=a.body, publisher=a.publisher, published_at=a.published_at
        )
        with Session(
            self.engine.execution_options(claimsapi_write=True), expire_on_commit=False
        ) as session:
            _article, created = self._create(session, data)
            session.commit()
        if not created:
            raise SystemExit(f"article {a.index} was a duplicate")

    def claims(self) -> int:
        from api.claims.models import Claim

        with Session(self.engine) as session:
            return int(session.exec(select(func.count()).select_from(Claim)).one())

    def load_to(self, target: int) -> int:
        claims = self.claims()
        started = time.perf_counter()
        last_report = started
        first = self.loaded
        while claims < target:
            size = max(1, min(20, (target - claims) // 30))  # ~23 claims per article
            batch = [self.corpus.article(self.loaded + i) for i in range(size)]
            for a in batch:
                self.post(a)
            self.loaded += len(batch)
            claims = self.claims()
            if self.auto_analyze and claims >= self.analyzed_at * 1.5:
                self.analyze()  # what autovacuum would do as the tables grow
            now = time.perf_counter()
            if now - last_report > 15 or claims >= target:
                done = self.loaded - first
                print(
                    f"  loading: {claims:>7} claims, {self.loaded} articles, "
                    f"{done / (now - started):5.1f} articles/s over {now - started:5.0f} s",
                    flush=True,
                )
                last_report = now
        return claims

    def probe_articles(self) -> list[SynthArticle]:
        rng = random.Random(f"probe:{self.probe_round}")
        events = max(1, self.loaded // self.corpus.articles_per_event)
        out = []
        for j in range(self.probes):
            index = PROBE_OFFSET + self.probe_round * 10_000 + j
            if j % 2 == 0:
                event = rng.randrange(events)  # a story already in the database
            else:
                event = NEW_EVENT_OFFSET + self.probe_round * 10_000 + j
            out.append(self.corpus.article(index, event=event))
        self.probe_round += 1
        return out

    auto_analyze = True
    analyzed_at = 1_000  # claims at the last ANALYZE

    def analyze(self) -> None:
        """Refresh the planner's statistics, as autovacuum would on a production server.

        (Autovacuum is off on some development servers; without statistics PostgreSQL
        plans the write path's joins as if the tables were empty.)
        """
        with self.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
        self.analyzed_at = max(self.analyzed_at, self.claims())

    def time_posts(self) -> tuple[Stat, Stat]:
        articles = self.probe_articles()
        extract_ms = []
        for a in articles:
            t0 = time.perf_counter()
            extract(_input(a))
            extract_ms.append((time.perf_counter() - t0) * 1000)
        post_ms = []
        for a in articles:
            t0 = time.perf_counter()
            self.post(a)
            post_ms.append((time.perf_counter() - t0) * 1000)
        return Stat(post_ms), Stat(extract_ms)

    def busiest_actor(self) -> int | None:
        from api.claims.models import Claim
        from api.discrepancies.models import DiscrepancyClaim

        with Session(self.engine) as session:
            row = session.exec(
                select(Claim.claimant_id, func.count())
                .join(DiscrepancyClaim, col(DiscrepancyClaim.claim_id) == col(Claim.id))
                .where(col(Claim.claimant_id).is_not(None))
                .group_by(col(Claim.claimant_id))
                .order_by(func.count().desc())
                .limit(1)
            ).first()
        return None if row is None else row[0]

    def time_lists(self, client: Any) -> dict[str, Stat]:
        actor = self.busiest_actor()
        paths = ["/v1/discrepancies?status=open&limit=50"]
        if actor is not None:
            paths.append(f"/v1/discrepancies?kind=conflicting_figures&actor_id={actor}&limit=50")
        out: dict[str, Stat] = {}
        for path in paths:
            client.get(path)  # warm
            ms = []
            count = 0
            for _ in range(self.reads):
                t0 = time.perf_counter()
                response = client.get(path)
                ms.append((time.perf_counter() - t0) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"GET {path}: {response.status_code} {response.text[:200]}")
                count = len(response.json()["items"])
            label = path.replace(f"actor_id={actor}", "actor_id=<busiest>")
            out[f"GET {label} [{count} items]"] = Stat(ms)
        return out


def _ratio_line(label: str, first: Stat, last: Stat) -> str:
    return (
        f"{label:<58} p50 {last.p50 / first.p50:5.2f}x   p99 {last.p99 / first.p99:5.2f}x"
        f"   ({first.p50:.1f} -> {last.p50:.1f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-claims", type=int, default=30_000)
    parser.add_argument("--checkpoints", default="1000,3000,10000,30000,100000")
    parser.add_argument("--probes", type=int, default=50)
    parser.add_argument("--reads", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--no-analyze", action="store_true", help="do not ANALYZE before each checkpoint"
    )
    args = parser.parse_args()
    marks = sorted({int(x) for x in args.checkpoints.split(",") if int(x) <= args.max_claims})
    if not marks or marks[-1] != args.max_claims:
        marks.append(args.max_claims)

    url, scratch = _scratch_database()
    os.environ["DATABASE_URL"] = url
    env = {**os.environ}
    engine: Engine | None = None
    results: list[Checkpoint] = []
    started = time.perf_counter()
    try:
        _cli(env, "migrate")
        from fastapi.testclient import TestClient

        from api.db import get_engine
        from api.main import create_app

        engine = get_engine()
        bench = Bench(engine, args.probes, args.reads)
        bench.auto_analyze = not args.no_analyze
        client = TestClient(create_app())
        print(
            f"create_article in process on PostgreSQL ({make_url(url).database}); synthetic "
            f"corpus seed {SEED}; checkpoints {marks} claims; {args.probes} probe posts, "
            f"{args.reads} reads per list; ANALYZE before each checkpoint: "
            f"{not args.no_analyze}; Python {sys.version.split()[0]}",
            flush=True,
        )
        for mark in marks:
            claims = bench.load_to(mark)
            if not args.no_analyze:
                bench.analyze()
            post, extract_only = bench.time_posts()
            lists = bench.time_lists(client)
            cp = Checkpoint(claims, bench.loaded, post, extract_only, lists)
            results.append(cp)
            print(f"@ {claims} claims ({bench.loaded} corpus articles loaded):", flush=True)
            print(f"  POST (create_article)  {post.text()}")
            print(
                f"  of which extract()     {extract_only.text()}  -> database part p50 "
                f"{post.p50 - extract_only.p50:.2f} ms"
            )
            for label, stat in lists.items():
                print(f"  {label}\n      {stat.text()}")
            sys.stdout.flush()
        first, last = results[0], results[-1]
        print(f"\nratios @{last.claims} / @{first.claims} claims (target <= 1.3):")
        print(_ratio_line("POST (create_article)", first.post, last.post))
        db_first = Stat([max(0.01, first.post.p50 - first.extract_only.p50)])
        db_last = Stat([max(0.01, last.post.p50 - last.extract_only.p50)])
        print(_ratio_line("  database part (post p50 - extract p50)", db_first, db_last))
        for label, stat in last.lists.items():
            key = next((k for k in first.lists if k.split(" [")[0] == label.split(" [")[0]), None)
            if key is not None:
                print(_ratio_line(label.split(" [")[0], first.lists[key], stat))
        print(f"total wall time {time.perf_counter() - started:.0f} s")
    finally:
        if engine is not None:
            engine.dispose()
        if scratch is not None and not args.keep:
            _drop(scratch)


if __name__ == "__main__":
    main()
