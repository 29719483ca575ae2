"""Run the pure extraction pipeline over the seed articles and score it against the gold.

Usage: ``.venv/bin/python scripts/score_pipeline.py [--claims]``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from api.evaluation.adapters import records
from api.evaluation.gold import score
from api.extraction import EXTRACTOR_VERSION, extract, parse_seed_document
from api.extraction.types import ArticleInput

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    gold = json.loads((ROOT / "tests/data/gold_seeds.json").read_text("utf-8"))
    produced = {}
    bodies = {}
    started = time.perf_counter()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        published, body = parse_seed_document(path.read_text("utf-8"))
        result = extract(ArticleInput(body=body, published=published))
        produced[path.name] = records(result, body)
        bodies[path.name] = body
        if "--claims" in argv:
            print(f"== {path.name}")
            for c in result.claims:
                q = c.quantity
                value = f"{q.qualifier.value} {q.lower}..{q.upper} {q.unit or ''}" if q else "-"
                who = c.claimant.name if c.claimant else None
                print(f"  [{value}] {c.stance.value} by {who}: {c.evidence.quote!r}")
    elapsed = time.perf_counter() - started
    report = score(gold, produced, bodies)
    print(f"extractor {EXTRACTOR_VERSION}: {len(produced)} articles in {elapsed * 1000:.1f} ms")
    print(report.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
