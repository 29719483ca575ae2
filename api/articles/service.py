"""Articles: lookups, lists and editors' field changes. The write path that derives
claims, events and discrepancies from an article is ``api.ingest``."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import bindparam, func
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import column_property, undefer
from sqlmodel import Session, col, select

from api import search
from api.articles.models import (
    Article,
    ArticlePublic,
    ArticleSort,
    ArticleUpdate,
    DeletedArticle,
    DeletedArticlePublic,
)
from api.claims.models import Claim
from api.common import Keyset, Sort, keyset_order, time_key
from api.db import read_rows, utcnow
from api.errors import Conflict, Gone, NotFound, UnprocessableEntity
from api.extraction import extractor_version

_SPACES = re.compile(r"\s+")


def content_hash(body: str) -> str:
    """The dedupe key: SHA-256 of the NFC-normalised body with white space collapsed."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", body)).strip()
    return hashlib.sha256(text.encode()).hexdigest()


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        gone(session, article_id)
        raise NotFound(f"no article with id {article_id}")
    return article


def gone(session: Session, article_id: int) -> None:
    """410 when the article that ``article_id`` named was deleted (it is kept)."""
    deleted = session.get(DeletedArticle, article_id)
    if deleted is not None:
        raise Gone(
            f"article {article_id} was deleted at {deleted.deleted_at.isoformat()}; "
            f"GET /v1/deleted-articles/{article_id} shows it and "
            f"POST /v1/deleted-articles/{article_id}/restore brings it back"
        )


def get_deleted(session: Session, article_id: int) -> DeletedArticle:
    deleted = session.get(DeletedArticle, article_id)
    if deleted is None:
        raise NotFound(f"no deleted article with id {article_id}")
    return deleted


def list_deleted(session: Session, *, after: int | None, limit: int) -> list[DeletedArticle]:
    stmt = select(DeletedArticle)
    if after is not None:
        stmt = stmt.where(col(DeletedArticle.id) > after)
    return list(session.exec(stmt.order_by(col(DeletedArticle.id)).limit(limit + 1)))


def deleted_public(rows: list[DeletedArticle]) -> list[DeletedArticlePublic]:
    return [
        DeletedArticlePublic.model_validate(
            row, update={"edited_claim_count": len(json.loads(row.edited_claims))}
        )
        for row in rows
    ]


def by_hash(session: Session, digest: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def by_url(session: Session, url: str) -> Article | None:
    return session.exec(select(Article).where(Article.url == url)).first()


def articles_to_reextract(
    session: Session, *, everything: bool, version: str | None = None
) -> list[int]:
    """Ids of the articles extracted by another version than ``version`` (default: the
    configured backend's) or all of them."""
    version = version or extractor_version()
    stmt = select(Article.id).order_by(col(Article.id))
    if not everything:
        stmt = stmt.where(Article.extractor_version != version)
    return [i for i in session.exec(stmt) if i is not None]


Article.__mapper__.add_property(  # type: ignore[attr-defined]
    "claim_count",
    column_property(
        select(func.count())
        .where(col(Claim.article_id) == col(Article.id))
        .correlate_except(Claim)
        .scalar_subquery(),
        deferred=True,
    ),
)
"""An article's claim count, loaded only when asked for (``WITH_CLAIM_COUNT``): a read of
one article is then one query."""
WITH_CLAIM_COUNT = (undefer(Article.claim_count),)  # type: ignore[attr-defined]


_ARTICLE = Article.__table__  # type: ignore[attr-defined]
_CLAIM = Claim.__table__  # type: ignore[attr-defined]
_PUBLIC_ROW = select(  # type: ignore[call-overload]
    *_ARTICLE.c,
    select(func.count())
    .where(_CLAIM.c.article_id == _ARTICLE.c.id)
    .correlate(_ARTICLE)
    .scalar_subquery()
    .label("claim_count"),
).where(_ARTICLE.c.id == bindparam("article_id"))
_AS_PUBLIC: TypeAdapter[ArticlePublic] = TypeAdapter(ArticlePublic)


def public_article(session: Session, article_id: int) -> ArticlePublic:
    """The public form of one article, read as a plain row with its claim count (one
    query on the session's connection: no ORM object or ORM execution to go through);
    410 when it was deleted, else 404."""
    row = read_rows(session, _PUBLIC_ROW, {"article_id": article_id}).mappings().first()
    if row is None:
        gone(session, article_id)
        raise NotFound(f"no article with id {article_id}")
    return _AS_PUBLIC.validate_python(row, from_attributes=False)


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
    counts: dict[int, int] = {
        a.id: a.claim_count  # type: ignore[attr-defined]
        for a in articles
        if a.id is not None and "claim_count" in sa_inspect(a, raiseerr=True).dict
    }
    counted = [a.id for a in articles if a.id is not None and a.id not in counts]
    if counted:
        counts |= claim_counts(session, counted)
    return [
        ArticlePublic.model_validate(a, update={"claim_count": counts.get(a.id or 0, 0)})
        for a in articles
    ]


SORTS: dict[ArticleSort, Sort] = {
    ArticleSort.id: Sort("id", "id"),
    ArticleSort.newest: Sort(ArticleSort.newest.value, "datetime"),
    ArticleSort.published_desc: Sort(ArticleSort.published_desc.value, "datetime"),
    ArticleSort.published_asc: Sort(ArticleSort.published_asc.value, "datetime"),
}


def sort_key_of(sort: ArticleSort) -> Callable[[Article], object]:
    """The sort key of a listed article (what the cursor carries)."""
    if sort == ArticleSort.newest:
        return lambda article: article.created_at
    if sort in (ArticleSort.published_desc, ArticleSort.published_asc):
        return lambda article: article.published_at
    return lambda article: article.id


def list_articles(
    session: Session,
    *,
    after: int | None = None,
    limit: int,
    updated_since: datetime | None = None,
    publisher: str | None = None,
    published_from: datetime | None = None,
    published_to: datetime | None = None,
    event_id: int | None = None,
    q: str | None = None,
    sort: ArticleSort = ArticleSort.id,
    position: Keyset | None = None,
) -> list[Article]:
    """Articles matching every filter given, ``limit + 1`` of them, in ``sort`` order
    after ``position`` (or, in id order, after the id ``after``)."""
    stmt = select(Article)
    if event_id is not None:
        stmt = stmt.where(Article.event_id == event_id)
    if q is not None:
        stmt = stmt.where(search.matches(session, "article", q))
    if publisher is not None:
        stmt = stmt.where(func.lower(col(Article.publisher)) == publisher.strip().lower())
    if published_from is not None:
        stmt = stmt.where(col(Article.published_at) >= published_from)
    if published_to is not None:
        stmt = stmt.where(col(Article.published_at) <= published_to)
    if after is not None:
        position = Keyset(key=None, id=after)
    if updated_since is not None:
        stmt = stmt.where(col(Article.updated_at) >= updated_since)
    key: Any = None
    if sort == ArticleSort.newest:
        key = col(Article.created_at)
    elif sort in (ArticleSort.published_desc, ArticleSort.published_asc):
        key = time_key(col(Article.published_at))
    stmt = keyset_order(stmt, sort=SORTS[sort], key=key, id_column=col(Article.id), after=position)
    return list(session.exec(stmt.limit(limit + 1)))


def apply_changes(session: Session, article: Article, data: ArticleUpdate) -> dict[str, object]:
    """Apply an editor's field changes (no derived data); the changes that were asked for."""
    changes = data.model_dump(exclude_unset=True)
    for field in ("title", "language"):
        if field in changes and changes[field] is None:
            raise UnprocessableEntity(f"body.{field}", "cannot be null", kind="null")
    if "url" in changes:
        url = str(changes["url"]) if changes["url"] is not None else None
        if (
            url is not None
            and (other := by_url(session, url)) is not None
            and other.id != article.id
        ):
            raise Conflict(f"article {other.id} already has url {url}")
        article.url = url
    for field in ("title", "publisher", "published_at", "language"):
        if field in changes:
            setattr(article, field, changes[field])
    article.updated_at = utcnow()
    session.add(article)
    return changes
