"""The seed loader: imports ``seeds/*.txt`` through the same service as POST /v1/articles."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

from sqlmodel import Session

from api.articles.models import ArticleCreate
from api.extraction.seed_format import parse_seed_document
from api.ingest import create_article

TITLE_CHARS = 160


@dataclass(frozen=True)
class SeedOutcome:
    path: Path
    article_id: int
    created: bool


def title_from_body(body: str) -> str:
    """The first non-empty line, cut at a word boundary when it is long."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "Untitled")
    if len(first) <= TITLE_CHARS:
        return first
    cut = first[: TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def article_from_seed(raw: str, publisher: str | None = None) -> ArticleCreate:
    published, body = parse_seed_document(raw)
    return ArticleCreate(
        title=title_from_body(body),
        body=body,
        publisher=publisher,
        published_at=datetime.combine(published, time(0, 0), tzinfo=UTC) if published else None,
    )


def seed_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.txt") if p.is_file())


def load_seeds(
    session: Session,
    directory: Path,
    *,
    progress: Callable[[int, int, SeedOutcome], None] | None = None,
    publishers: Mapping[str, str] | None = None,
) -> list[SeedOutcome]:
    """Import every seed document; run twice, the second run stores nothing new.

    ``publishers``: the outlet of each document, by file name, where it is known.
    """
    files = seed_files(directory)
    outcomes = []
    for index, path in enumerate(files, start=1):
        publisher = (publishers or {}).get(path.name)
        data = article_from_seed(path.read_text(encoding="utf-8"), publisher)
        try:
            article, created = create_article(session, data)
            session.commit()  # one unit of work per document
        except BaseException:
            session.rollback()
            raise
        assert article.id is not None
        outcome = SeedOutcome(path=path, article_id=article.id, created=created)
        outcomes.append(outcome)
        if progress is not None:
            progress(index, len(files), outcome)
    return outcomes
