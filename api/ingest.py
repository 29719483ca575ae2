"""The write path of articles, in one place.

Every change that derives data from an article runs here, in this order: extract (pure,
before any database work) → store the article → place it in an event → link its actors
and store its claims → derive facts, discrepancies and statuses. Editors' edits, moves
between events, deletions and re-extraction go through the same steps, so what is
derived always follows its inputs.

Functions here flush and never commit: the caller's unit of work (``api.db.get_session``
for a request, ``api.db.unit_of_work`` for the CLI and the seed loader) commits, and has
taken the writers' lock (``api.db.begin_write``) before the first read, so concurrent
writers behave exactly as the same writes made one after another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from api.actors.models import Actor
from api.actors.service import current_id
from api.articles import service as articles
from api.articles.models import Article, ArticleCreate, ArticleUpdate, DeletedArticle
from api.changes import recording
from api.claims.models import Claim
from api.claims.service import draft_claims, store_extraction
from api.db import utcnow
from api.discrepancies import refresh
from api.errors import Conflict
from api.events import service as events
from api.events.models import Event
from api.extraction import extract
from api.extraction.types import ArticleInput, ExtractedClaim, ExtractionResult
from api.names import normalize_name

recording.install()  # the CLI and seed loader write through here: they feed the changes too


def input_of(article: Article | ArticleCreate) -> ArticleInput:
    return ArticleInput(
        body=article.body,
        title=article.title,
        published=article.published_at.date() if article.published_at else None,
        publisher=article.publisher,
        language=article.language,
    )


def create_article(session: Session, data: ArticleCreate) -> tuple[Article, bool]:
    """Store an article and everything derived from it; ``(article, created)``.

    Posting a body that is stored already returns the stored article (``created`` is
    false). The text is extracted, and its claims drafted as rows, before the first
    statement, so that work never holds a transaction (or the writers' lock) open.
    """
    digest = articles.content_hash(data.body)
    result = extract(input_of(data))
    drafts = draft_claims(result)
    existing = articles.by_hash(session, digest)
    if existing is not None:
        return existing, False
    url = str(data.url) if data.url is not None else None
    if url is not None and (other := articles.by_url(session, url)) is not None:
        raise Conflict(f"article {other.id} already has url {url}")
    article = Article(
        title=data.title,
        body=data.body,
        url=url,
        publisher=data.publisher,
        published_at=data.published_at,
        language=data.language,
        content_hash=digest,
        extractor_version=result.version,
    )
    # Placed before it is written, so the article is inserted once, with its event (held
    # here, so the steps below find it in the session rather than reading it again).
    event = events.assign_event(session, article)
    assert article.event_id == event.id
    parties = refresh.Parties(session)
    stored = store_extraction(session, article, result, parties, drafts)
    refresh.refresh_article(session, article, parties=parties, claims=stored, keyed=True)
    return article, True


def update_article(session: Session, article: Article, data: ArticleUpdate) -> Article:
    """An editor's change; a new event, date or publisher re-derives what depends on it."""
    changes = articles.apply_changes(session, article, data)
    if "event_id" in changes and changes["event_id"] != article.event_id:
        target = changes["event_id"]
        move_to_event(session, article, target if isinstance(target, int) else None)
    elif "published_at" in changes or "publisher" in changes:
        if "published_at" in changes and article.event_id is not None:
            event = session.get(Event, article.event_id)
            if event is not None:
                events.rederive_dates(session, event)
        refresh.refresh_article(session, article)
    session.flush()
    session.refresh(article)
    return article


def move_to_event(session: Session, article: Article, event_id: int | None) -> None:
    """Move the article (``None``: to a new event of its own); derived data follows."""
    target = None
    if event_id is not None:
        target = session.get(Event, event_id)
        if target is None:
            raise Conflict(f"body.event_id: no event with id {event_id}")
    keys = _fact_keys(session, article)
    events.leave_event(session, article)
    events.join_event(session, article, target)
    refresh.refresh_article(session, article, extra_keys=keys)


def _fact_keys(session: Session, article: Article) -> set[str]:
    return {
        k
        for k in session.exec(select(Claim.fact_key).where(Claim.article_id == article.id))
        if k is not None
    }


def delete_article(session: Session, article: Article) -> None:
    """Delete the article and its claims; the facts they were part of are recomputed.

    Discrepancies an editor worked on are kept (``orphaned`` while their claims are gone)
    by the recomputation, never deleted.
    """
    assert article.id is not None
    keys = _fact_keys(session, article)
    article_id, event_id = article.id, article.event_id
    statements = refresh.statements_key(article)
    _keep_record(session, article)
    events.leave_event(session, article)
    # Delete the claims through the session (the database would cascade), so no claim
    # object of this article lingers in the identity map and each deletion is recorded in
    # the change feed (one batched DELETE).
    for claim in session.exec(select(Claim).where(Claim.article_id == article_id)):
        session.delete(claim)
    session.flush()
    session.delete(article)
    session.flush()
    refresh.refresh_facts(session, keys)
    refresh.refresh_statements(session, article_id, event_id, key=statements)


# What an editor's correction consists of: everything of a claim but what is derived.
_DERIVED = {"id", "article_id", "event_id", "fact_key", "status", "source_count"}


def _keep_record(session: Session, article: Article) -> None:
    """Write what the deletion removes to ``deleted_article`` (same transaction)."""
    claims = list(session.exec(select(Claim).where(Claim.article_id == article.id)))
    edited = [c.model_dump(mode="json", exclude=_DERIVED) for c in claims if c.edited]
    record = DeletedArticle(
        id=article.id,
        title=article.title,
        body=article.body,
        url=article.url,
        publisher=article.publisher,
        published_at=article.published_at,
        language=article.language,
        content_hash=article.content_hash,
        event_id=article.event_id,
        claim_count=len(claims),
        edited_claims=json.dumps(edited),
        created_at=article.created_at,
        deleted_at=utcnow(),
    )
    session.merge(record)


def restore_article(session: Session, record: DeletedArticle) -> Article:
    """Bring a deleted article back under its own id: the text is extracted again, the
    claims an editor had corrected come back as they were, and derived data follows."""
    assert record.id is not None
    article_id = record.id
    if (other := articles.by_hash(session, record.content_hash)) is not None:
        raise Conflict(f"article {other.id} holds the same text now; delete it first")
    if record.url is not None and (other := articles.by_url(session, record.url)) is not None:
        raise Conflict(f"article {other.id} has url {record.url} now")
    article = Article(
        id=record.id,
        title=record.title,
        body=record.body,
        url=record.url,
        publisher=record.publisher,
        published_at=record.published_at,
        language=record.language,
        content_hash=record.content_hash,
        extractor_version="",
        created_at=record.created_at,
    )
    result = extract(input_of(article))
    article.extractor_version = result.version
    edited = [_corrected(session, item) for item in json.loads(record.edited_claims)]
    fresh = tuple(
        item
        for item in result.claims
        if not any(
            item.evidence.start < c.end_offset and c.start_offset < item.evidence.end
            for c in edited
        )
    )
    session.add(article)
    session.delete(record)
    session.flush()
    events.assign_event(session, article)
    parties = refresh.Parties(session)
    stored = store_extraction(
        session, article, ExtractionResult(version=result.version, claims=fresh), parties
    )
    for claim in edited:
        claim.article_id = article_id
        session.add(claim)
    session.flush()
    refresh.refresh_article(session, article, parties=parties, claims=[*stored, *edited])
    return article


def _corrected(session: Session, data: dict[str, object]) -> Claim:
    """A corrected claim from its record; links to merged actors lead to the survivor,
    links to actors that are gone are dropped."""
    values = dict(data)
    for field in ("time_start", "time_end"):
        if isinstance(values.get(field), str):
            values[field] = date.fromisoformat(str(values[field]))
    for field in ("created_at", "updated_at", "verdict_at"):
        if isinstance(values.get(field), str):
            values[field] = datetime.fromisoformat(str(values[field]))
    claim = Claim(**values, article_id=0)
    for field in ("claimant_id", "relayed_by_id", "subject_side_id", "target_id"):
        setattr(claim, field, current_id(session, getattr(claim, field)))
    return claim


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
    """Run the current extractor again over a stored article.

    Claims an editor corrected are kept as they are, and new claims overlapping them are
    not added; unchanged claims keep their ids; the rest are replaced. Facts and
    discrepancies the article touches are recomputed.
    """
    assert article.id is not None
    result = extract(input_of(article))
    old = list(session.exec(select(Claim).where(Claim.article_id == article.id)))
    edited = [c for c in old if c.edited]
    old_keys = {c.fact_key for c in old if c.fact_key}
    by_signature = _stored_signatures(session, old)
    fresh = []
    unchanged = 0
    for item in result.claims:
        ev = item.evidence
        if any(ev.start < c.end_offset and c.start_offset < ev.end for c in edited):
            continue
        same = by_signature.pop(_extracted_signature(item), None)
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
    session.flush()
    return Reextraction(
        article_id=article.id,
        added=len(fresh),
        removed=len(by_signature),
        unchanged=unchanged,
        kept_edited=len(edited),
        version=result.version,
    )


def _stored_signatures(session: Session, old: list[Claim]) -> dict[tuple[object, ...], Claim]:
    """The stored claims no editor corrected, by what their extraction said."""
    names = {
        a.id: normalize_name(a.name)
        for a in session.exec(
            select(Actor).where(col(Actor.id).in_({c.claimant_id for c in old if c.claimant_id}))
        )
    }
    return {
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


def _extracted_signature(item: ExtractedClaim) -> tuple[object, ...]:
    ev, q = item.evidence, item.quantity
    return _signature(
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


__all__ = [
    "Reextraction",
    "create_article",
    "delete_article",
    "move_to_event",
    "reextract_article",
    "update_article",
]
