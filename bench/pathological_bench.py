"""Extraction time against text size for pathological bodies (bounded cost).

For each shape (one very long sentence of news words, a run of "said said ...", a run of
"1 1 1 ...", a claim-dense sentence) it extracts bodies of 1/16, 1/4 and 1/1 of
``MAX_BODY_BYTES`` (1 MiB by default) on one core, with the rules and, when installed, with
the parser backend, and prints seconds and the ratio time(n) / time(n/4): a linear cost
gives about 4. The baseline, measured in the same run, is the seed articles repeated to
the same size (ordinary news text): its ratios and seconds are the yardstick for the
others on a noisy machine.

    .venv/bin/python -m bench.pathological_bench [--max-bytes 1048576] [--backend rules]
"""

from __future__ import annotations

import argparse
import os
import re
import time
from itertools import pairwise
from pathlib import Path

from api.extraction import extract, parse_seed_document
from api.extraction.parse import available
from api.extraction.types import ArticleInput

ROOT = Path(__file__).resolve().parent.parent


def shapes() -> dict[str, str]:
    seeds = [
        parse_seed_document(p.read_text("utf-8"))[1] for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    return {
        "seeds (baseline)": "\n".join(seeds) + "\n",
        "one long sentence": re.sub(r"[.!?\n]+", " ", " ".join(seeds)) + " ",
        "said said ...": "said ",
        "1 1 1 ...": "1 ",
        "claim-dense sentence": "the army said that 12 soldiers were killed and ",
    }


def body_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def timed(body: str, backend: str) -> float:
    start = time.process_time()
    extract(ArticleInput(body=body), backend=backend)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-bytes", type=int, default=1024 * 1024)
    parser.add_argument("--backend", choices=["rules", "parser", "both"], default="both")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    backends = ["rules", "parser"] if args.backend == "both" else [args.backend]
    if "parser" in backends and not available():
        backends.remove("parser")
        print("parser backend not installed: rules only")
    sizes = [args.max_bytes // 16, args.max_bytes // 4, args.max_bytes]
    for backend in backends:
        extract(ArticleInput(body="The army said 3 soldiers were killed."), backend=backend)
        print(f"== backend {backend}: seconds at {', '.join(str(s) for s in sizes)} characters")
        for name, unit in shapes().items():
            times = [timed(body_of(unit, n), backend) for n in sizes]
            ratios = " ".join(f"{b / a:.1f}x" for a, b in pairwise(times))
            secs = " ".join(f"{t:6.2f}" for t in times)
            print(f"{name:22s} {secs}   ratio per 4x size: {ratios}")


if __name__ == "__main__":
    main()
