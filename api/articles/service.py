"""Articles: the ingest path (dedupe, extraction, storage in one transaction) and edits."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from api.actors.models import Actor
from api.articles.models import Article, ArticleCreate, ArticlePublic, ArticleUpdate
from api.claims.models import Claim
from api.claims.service import store_extraction
from api.db import utcnow
from api.discrepancies import refresh
from api.errors import Conflict, NotFound, UnprocessableEntity
from api.events import service as events
from api.events.models import Event
from api.extraction import EXTRACTOR_VERSION, extract
from api.extraction.types import ArticleInput, ExtractionResult
from api.names import normalize_name

_SPACES = re.compile(r"\s+")


def content_hash(body: str) -> str:
    """The dedupe key: SHA-256 of the NFC-normalised body with white space collapsed."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", body)).strip()
    return hashlib.sha256(text.encode()).hexdigest()


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return article


def _by_hash(session: Session, digest: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def _by_url(session: Session, url: str) -> Article | None:
    return session.exec(select(Article).where(Article.url == url)).first()


def create_article(session: Session, data: ArticleCreate) -> tuple[Article, bool]:
    """Store an article and its extracted claims; ``(article, created)``.

    Posting a body that is stored already returns the stored article (``created`` is
    false). Everything is written in one transaction: the article, its actors and its
    claims appear together or not at all.
    """
    digest = content_hash(data.body)
    existing = _by_hash(session, digest)
    if existing is not None:
        return existing, False
    url = str(data.url) if data.url is not None else None
    if url is not None and (other := _by_url(session, url)) is not None:
        raise Conflict(f"article {other.id} already has url {url}")
    article = Article(
        title=data.title,
        body=data.body,
        url=url,
        publisher=data.publisher,
        published_at=data.published_at,
        language=data.language,
        content_hash=digest,
        extractor_version=EXTRACTOR_VERSION,
    )
    result = extract(_input_of(article))
    try:
        session.add(article)
        session.flush()
        events.assign_event(session, article)
        parties = refresh.Parties(session)
        stored = store_extraction(session, article, result, parties)
        refresh.refresh_article(session, article, parties=parties, claims=stored)
        session.commit()
    except IntegrityError:
        session.rollback()
        # A concurrent request stored the same text (or URL) first.
        existing = _by_hash(session, digest)
        if existing is not None:
            return existing, False
        if url is not None and (other := _by_url(session, url)) is not None:
            raise Conflict(f"article {other.id} already has url {url}") from None
        raise
    return article, True


def _input_of(article: Article) -> ArticleInput:
    return ArticleInput(
        body=article.body,
        title=article.title,
        published=article.published_at.date() if article.published_at else None,
        publisher=article.publisher,
        language=article.language,
    )


@dataclass(frozen=True)
class Reextraction:
    article_id: int
    added: int
    removed: int
    unchanged: int
    kept_edited: int
    version: str


def _signature(
    start: int,
    end: int,
    measure: str | None,
    qualifier: str | None,
    lower: float | None,
    upper: float | None,
    unit: str | None,
    stance: str,
    claimant: str | None,
) -> tuple[object, ...]:
    return (start, end, measure, qualifier, lower, upper, unit, stance, claimant)


def reextract_article(session: Session, article: Article) -> Reextraction:
    """Run the current extractor again over a stored article (one transaction).

    Claims an editor corrected are kept as they are, and new claims overlapping them are
    not added; unchanged claims keep their ids; the rest are replaced. Facts and
    discrepancies the article touches are recomputed.
    """
    assert article.id is not None
    result = extract(_input_of(article))
    old = list(session.exec(select(Claim).where(Claim.article_id == article.id)))
    edited = [c for c in old if c.edited]
    old_keys = {c.fact_key for c in old if c.fact_key}
    names = {
        a.id: normalize_name(a.name)
        for a in session.exec(
            select(Actor).where(col(Actor.id).in_({c.claimant_id for c in old if c.claimant_id}))
        )
    }
    by_signature = {
        _signature(
            c.start_offset,
            c.end_offset,
            c.measure,
            c.qualifier,
            c.lower,
            c.upper,
            c.unit,
            c.stance,
            names.get(c.claimant_id) if c.claimant_id else None,
        ): c
        for c in old
        if not c.edited
    }
    fresh = []
    unchanged = 0
    for item in result.claims:
        ev, q = item.evidence, item.quantity
        if any(ev.start < c.end_offset and c.start_offset < ev.end for c in edited):
            continue
        signature = _signature(
            ev.start,
            ev.end,
            item.measure,
            q.qualifier.value if q else None,
            q.lower if q else None,
            q.upper if q else None,
            q.unit if q else None,
            item.stance.value,
            normalize_name(item.claimant.name) if item.claimant else None,
        )
        same = by_signature.pop(signature, None)
        if same is not None:
            same.extractor_version = result.version
            session.add(same)
            unchanged += 1
        else:
            fresh.append(item)
    for stale in by_signature.values():
        session.delete(stale)
    session.flush()
    store_extraction(
        session, article, ExtractionResult(version=result.version, claims=tuple(fresh))
    )
    article.extractor_version = result.version
    article.updated_at = utcnow()
    session.add(article)
    refresh.refresh_article(session, article, extra_keys=old_keys)
    session.commit()
    return Reextraction(
        article_id=article.id,
        added=len(fresh),
        removed=len(by_signature),
        unchanged=unchanged,
        kept_edited=len(edited),
        version=result.version,
    )


def articles_to_reextract(
    session: Session, *, everything: bool, version: str = EXTRACTOR_VERSION
) -> list[int]:
    """Ids of the articles extracted by another version than ``version`` (or all)."""
    stmt = select(Article.id).order_by(col(Article.id))
    if not everything:
        stmt = stmt.where(Article.extractor_version != version)
    return [i for i in session.exec(stmt) if i is not None]


def claim_counts(session: Session, article_ids: list[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    rows = session.exec(
        select(Claim.article_id, func.count())
        .where(col(Claim.article_id).in_(article_ids))
        .group_by(col(Claim.article_id))
    )
    counts = dict.fromkeys(article_ids, 0)
    counts.update({article_id: int(n) for article_id, n in rows})
    return counts


def to_public(session: Session, articles: list[Article]) -> list[ArticlePublic]:
    counts = claim_counts(session, [a.id for a in articles if a.id is not None])
    return [
        ArticlePublic.model_validate(a, update={"claim_count": counts.get(a.id or 0, 0)})
        for a in articles
    ]


def list_articles(
    session: Session,
    *,
    after: int | None,
    limit: int,
    publisher: str | None = None,
    published_from: datetime | None = None,
    published_to: datetime | None = None,
) -> list[Article]:
    stmt = select(Article)
    if publisher is not None:
        stmt = stmt.where(func.lower(col(Article.publisher)) == publisher.strip().lower())
    if published_from is not None:
        stmt = stmt.where(col(Article.published_at) >= published_from)
    if published_to is not None:
        stmt = stmt.where(col(Article.published_at) <= published_to)
    if after is not None:
        stmt = stmt.where(col(Article.id) > after)
    return list(session.exec(stmt.order_by(col(Article.id)).limit(limit + 1)))


def update_article(session: Session, article: Article, data: ArticleUpdate) -> Article:
    changes = data.model_dump(exclude_unset=True)
    for field in ("title", "language"):
        if field in changes and changes[field] is None:
            raise UnprocessableEntity(f"{field}: cannot be null")
    if "url" in changes:
        url = str(changes["url"]) if changes["url"] is not None else None
        if (
            url is not None
            and (other := _by_url(session, url)) is not None
            and other.id != article.id
        ):
            raise Conflict(f"article {other.id} already has url {url}")
        article.url = url
    for field in ("title", "publisher", "published_at", "language"):
        if field in changes:
            setattr(article, field, changes[field])
    article.updated_at = utcnow()
    session.add(article)
    if "event_id" in changes and changes["event_id"] != article.event_id:
        move_to_event(session, article, changes["event_id"])
    elif "published_at" in changes or "publisher" in changes:
        refresh.refresh_article(session, article)
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict("the change conflicts with another article") from exc
    session.refresh(article)
    return article


def move_to_event(session: Session, article: Article, event_id: int | None) -> None:
    """Move the article (``None``: to a new event of its own); derived data follows."""
    target = None
    if event_id is not None:
        target = session.get(Event, event_id)
        if target is None:
            raise Conflict(f"body.event_id: no event with id {event_id}")
    events.leave_event(session, article)
    events.join_event(session, article, target)
    refresh.refresh_article(session, article)


def delete_article(session: Session, article: Article) -> None:
    """Delete the article and its claims; the facts they were part of are recomputed."""
    assert article.id is not None
    keys = {
        k
        for k in session.exec(select(Claim.fact_key).where(Claim.article_id == article.id))
        if k is not None
    }
    article_id, event_id = article.id, article.event_id
    events.leave_event(session, article)
    # Delete the claims through the session too (the database would cascade), so no
    # claim object of this article lingers in the session's identity map.
    session.exec(delete(Claim).where(col(Claim.article_id) == article_id))
    session.delete(article)
    session.flush()
    refresh.refresh_facts(session, keys)
    refresh.refresh_statements(session, article_id, event_id)
    session.commit()
