"""Bulk export: rows/s and peak RSS of `claimsapi export claims` (NDJSON and CSV).

Builds a migrated SQLite database with N claims (default 100,000, inserted directly,
spread over articles of 100 claims), then runs in fresh processes: the export of all
claims and of a tenth of them (the same peak RSS shows memory does not grow with the
rows), and a baseline that writes the same number of pre-serialised lines. Prints rows/s,
peak RSS and the ratio to the baseline.

    .venv/bin/python -m bench.export_bench [--claims 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from alembic import command

ROOT = Path(__file__).resolve().parents[1]


def _build(url: str, claims: int) -> None:
    from sqlalchemy import create_engine, insert

    from api.articles.models import Article
    from api.claims.models import Claim
    from tests.databases import alembic_config

    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    now = datetime.now(UTC).replace(tzinfo=None)
    per_article = 100
    with engine.begin() as conn:
        articles = [
            {
                "title": f"Report {i}",
                "body": f"The ministry said {i} soldiers were killed in the clashes.",
                "content_hash": f"{i:064x}",
                "language": "en",
                "extractor_version": "bench",
                "created_at": now,
                "updated_at": now,
            }
            for i in range(claims // per_article + 1)
        ]
        conn.execute(insert(Article), articles)
        rows = []
        for i in range(claims):
            rows.append(
                {
                    "article_id": i // per_article + 1,
                    "statement": f"The ministry said {i} soldiers were killed.",
                    "stance": "assertion",
                    "quote": f"{i} soldiers were killed",
                    "start_offset": 18,
                    "end_offset": 40,
                    "sentence_index": 0,
                    "measure": "killed",
                    "quantity_text": str(i),
                    "qualifier": "exact",
                    "lower": float(i),
                    "upper": float(i),
                    "strict_lower": False,
                    "strict_upper": False,
                    "source_count": 1,
                    "status": "single_source",
                    "reviewed": False,
                    "edited": False,
                    "confidence": 0.9,
                    "extractor_version": "bench",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(rows) == 10_000:
                conn.execute(insert(Claim), rows)
                rows = []
        if rows:
            conn.execute(insert(Claim), rows)
    engine.dispose()


def _child(mode: str, fmt: str, limit: int, out: str) -> None:
    from sqlmodel import Session

    from api.db import get_engine
    from api.export.service import BATCH, Format, Resource, encode

    start = time.perf_counter()
    rows = 0
    with open(out, "wb") as stream:
        if mode == "baseline":
            line = b'{"id": 1, "statement": "pre-serialised"}\n' * BATCH
            while rows < limit:
                stream.write(line)
                rows += BATCH
        else:
            with Session(get_engine()) as session:
                filters: dict[str, object] = {}
                for chunk in encode(session, Resource.claims, Format(fmt), filters):
                    stream.write(chunk)
                    rows += chunk.count(b"\n")
                    if mode == "tenth" and rows >= limit:
                        break
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_rss_mib": peak_kib / 1024}))


def _run(url: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "bench.export_bench", "--child", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--child", nargs=4, metavar=("MODE", "FORMAT", "LIMIT", "OUT"))
    args = parser.parse_args()
    if args.child:
        mode, fmt, limit, out = args.child
        _child(mode, fmt, int(limit), out)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        start = time.perf_counter()
        _build(url, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - start:.1f} s")
        out = f"{folder}/out"
        n = str(args.claims)
        base = _run(url, "baseline", "ndjson", n, out)
        print(
            f"baseline (pre-serialised lines): {base['rows'] / base['seconds']:,.0f} rows/s,"
            f" peak RSS {base['peak_rss_mib']:.0f} MiB"
        )
        for fmt in ("ndjson", "csv"):
            tenth = _run(url, "tenth", fmt, str(args.claims // 10), out)
            full = _run(url, "full", fmt, n, out)
            rate = full["rows"] / full["seconds"]
            print(
                f"export {fmt}: {full['rows']:,.0f} rows in {full['seconds']:.1f} s,"
                f" {rate:,.0f} rows/s ({rate / (base['rows'] / base['seconds']):.4f}x"
                f" baseline), peak RSS {full['peak_rss_mib']:.0f} MiB"
                f" ({tenth['rows']:,.0f} rows: {tenth['peak_rss_mib']:.0f} MiB)"
            )


if __name__ == "__main__":
    main()
