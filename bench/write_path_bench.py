"""The write path without extraction: its cost at ~10 and ~100 articles in one event, and
on seed-sized articles, in one run.

In process (no HTTP), through ``api.ingest.create_article`` in a unit of work per post,
on a scratch PostgreSQL database (``--sqlite``: a scratch SQLite file instead):

1. posts synthetic articles (``bench.corpus``) into one event until it holds 10, times
   ``--posts`` more, fills it to 100 and times ``--posts`` more;
2. posts ``--posts`` distinct variants of the seed articles (a unique sentence appended).

Each post is timed in wall time and in CPU time of this process (``time.process_time``:
steadier on a loaded machine; the database server's own time is in wall time only), and
``extract()`` alone is timed on the same input; "write path" is the post less its
extraction.

    .venv/bin/python -m bench.write_path_bench [--posts 10] [--sqlite]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.http_bench import ROOT, _drop, _scratch_database


@dataclass
class Sample:
    wall: list[float]
    cpu: list[float]
    extract: list[float]

    def line(self, label: str) -> str:
        def ms(values: list[float]) -> float:
            return statistics.median(values) * 1000

        return (
            f"  {label:<22}: post p50 {ms(self.wall):6.1f} ms wall, {ms(self.cpu):6.1f} ms CPU;"
            f" write path (less extract) p50 {self.path_wall():6.1f} ms wall,"
            f" {self.path_cpu():6.1f} ms CPU"
        )

    def path_wall(self) -> float:
        return statistics.median(w - e for w, e in zip(self.wall, self.extract, strict=True)) * 1000

    def path_cpu(self) -> float:
        return statistics.median(c - e for c, e in zip(self.cpu, self.extract, strict=True)) * 1000


def _database(sqlite: bool) -> tuple[str, Callable[[], None]]:
    if sqlite:
        folder = tempfile.mkdtemp(prefix="claimsapi_bench_")
        path = Path(folder) / "bench.db"
        return f"sqlite:///{path}", lambda: shutil.rmtree(folder, ignore_errors=True)
    url, scratch = _scratch_database("claimsapi_bench_write_path")
    return url, (lambda: _drop(scratch)) if scratch is not None else (lambda: None)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--posts", type=int, default=10)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    url, cleanup = _database(args.sqlite)
    os.environ["DATABASE_URL"] = url
    try:
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "claimsapi"), "migrate"],
            env=os.environ,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        run(args.posts, "SQLite" if args.sqlite else "PostgreSQL")
    finally:
        cleanup()


def run(posts: int, backend: str) -> None:
    # imported here: the service modules read DATABASE_URL through the settings
    from api.articles.models import ArticleCreate
    from api.db import unit_of_work
    from api.extraction import extract, parse_seed_document
    from api.ingest import create_article, input_of
    from bench.corpus import Corpus

    def timed(data: ArticleCreate, sample: Sample) -> None:
        started = time.process_time()
        extract(input_of(data))
        sample.extract.append(time.process_time() - started)
        cpu, wall = time.process_time(), time.perf_counter()
        with unit_of_work() as session:
            _article, created = create_article(session, data)
            session.commit()
        sample.wall.append(time.perf_counter() - wall)
        sample.cpu.append(time.process_time() - cpu)
        if not created:
            raise SystemExit("a benchmark article was a duplicate")

    corpus = Corpus(20261201)

    def synthetic(i: int, event: int | None = None) -> ArticleCreate:
        a = corpus.article(i, event=event)
        return ArticleCreate(
            title=a.title, body=a.body, publisher=a.publisher, published_at=a.published_at
        )

    warm = Sample([], [], [])
    for i in range(3):  # warm the pipeline and the connection pool, in other events
        timed(synthetic(i), warm)
    event, posted = 10_000, 0
    sizes: dict[int, Sample] = {}
    for size in (10, 100):
        while posted < size:
            timed(synthetic(100_000 + posted, event), warm)
            posted += 1
        sizes[size] = Sample([], [], [])
        for _ in range(posts):
            timed(synthetic(100_000 + posted, event), sizes[size])
            posted += 1
    seeds = Sample([], [], [])
    files = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(posts):
        _published, body = parse_seed_document(files[i % len(files)].read_text(encoding="utf-8"))
        data = ArticleCreate(title=f"Variant {i}", body=body + f"\n(Variant {i}.)")
        timed(data, seeds)
    print(f"{backend}, in process; {posts} timed posts each (p50)")
    print("One event (synthetic corpus):")
    print(sizes[10].line("at ~10 articles"))
    print(sizes[100].line("at ~100 articles"))
    cpu = statistics.median(sizes[100].cpu) / statistics.median(sizes[10].cpu)
    wall = statistics.median(sizes[100].wall) / statistics.median(sizes[10].wall)
    print(f"  ratio 100/10 (whole post): {wall:.2f}x wall, {cpu:.2f}x CPU (target <= 1.3)")
    print("Seed-sized articles (seed variants):")
    print(seeds.line("seed variants"))
    print(f"  write path p50: {seeds.path_wall():.1f} ms wall (target <= 30)")


if __name__ == "__main__":
    main()
