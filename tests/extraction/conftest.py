from __future__ import annotations

from pathlib import Path

import pytest

from api.extraction import extract, parse_seed_document
from api.extraction.types import ArticleInput, ExtractionResult

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(body: str, **kw: object) -> ExtractionResult:
    return extract(ArticleInput(body=body, **kw))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def seed_results() -> dict[str, tuple[str, ExtractionResult]]:
    out = {}
    for path in SEEDS:
        published, body = parse_seed_document(path.read_text("utf-8"))
        out[path.name] = (body, extract(ArticleInput(body=body, published=published)))
    return out
