"""What recomputing a fact reads of the stored claims and articles, as plain rows.

A fact of a large event holds hundreds of claims: reading them as ORM objects (every
column, identity map, change tracking) costs more than analysing them. These reads select
only the columns the analysis and the statuses need, in one query per table, and the
writes that follow load ORM objects only for the rows that change.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple, Protocol

from sqlmodel import Session, col, select

from api.articles.models import Article
from api.claims.models import Claim
from api.discrepancies.models import Discrepancy, DiscrepancyClaim, DiscrepancyStatus


class ClaimFigure(Protocol):
    """What the analysis of a fact reads of a claim (an ORM ``Claim`` or a ``StoredClaim``)."""

    @property
    def id(self) -> int | None: ...
    @property
    def article_id(self) -> int: ...
    @property
    def claimant_id(self) -> int | None: ...
    @property
    def stance(self) -> str: ...
    @property
    def qualifier(self) -> str | None: ...
    @property
    def lower(self) -> float | None: ...
    @property
    def upper(self) -> float | None: ...
    @property
    def base_lower(self) -> float | None: ...
    @property
    def base_upper(self) -> float | None: ...
    @property
    def strict_lower(self) -> bool: ...
    @property
    def strict_upper(self) -> bool: ...
    @property
    def base_unit(self) -> str | None: ...
    @property
    def statement(self) -> str: ...


class ClaimState(Protocol):
    """What deriving a claim's status reads of it."""

    @property
    def id(self) -> int | None: ...
    @property
    def fact_key(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def source_count(self) -> int: ...


class ArticleSource(Protocol):
    """What the analysis of a fact reads of an article."""

    @property
    def id(self) -> int | None: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def published_at(self) -> datetime | None: ...


class StoredClaim(NamedTuple):
    id: int
    article_id: int
    fact_key: str | None
    claimant_id: int | None
    stance: str
    qualifier: str | None
    lower: float | None
    upper: float | None
    base_lower: float | None
    base_upper: float | None
    strict_lower: bool
    strict_upper: bool
    base_unit: str | None
    statement: str
    status: str
    source_count: int
    event_id: int | None
    measure: str | None
    subject: str | None
    subject_side_id: int | None


class StoredArticle(NamedTuple):
    id: int
    publisher: str | None
    published_at: datetime | None


_CLAIM_COLUMNS = tuple(col(getattr(Claim, name)) for name in StoredClaim._fields)
_WITH_ARTICLE = (*_CLAIM_COLUMNS, col(Article.publisher), col(Article.published_at))


def claims_of_facts(
    session: Session, fact_keys: Collection[str]
) -> tuple[list[StoredClaim], dict[int, StoredArticle]]:
    """The claims of the facts, by id, and their articles, in one query (the caller has
    flushed)."""
    if not fact_keys:
        return [], {}
    stmt = (
        select(*_WITH_ARTICLE)
        .join(Article, col(Article.id) == col(Claim.article_id))
        .where(col(Claim.fact_key).in_(sorted(fact_keys)))
        .order_by(col(Claim.id))
    )
    claims: list[StoredClaim] = []
    articles: dict[int, StoredArticle] = {}
    width = len(StoredClaim._fields)
    for row in session.connection().execute(stmt).all():
        claim = StoredClaim(*row[:width])
        claims.append(claim)
        if claim.article_id not in articles:
            articles[claim.article_id] = StoredArticle(claim.article_id, *row[width:])
    return claims, articles


def claims_by_id(session: Session, ids: Collection[int]) -> dict[int, Claim]:
    """ORM claims to change, from the identity map where they are (one query for the rest)."""
    found: dict[int, Claim] = {}
    missing = []
    for claim_id in ids:
        obj = session.identity_map.get(session.identity_key(Claim, claim_id))
        if isinstance(obj, Claim):
            found[claim_id] = obj
        else:
            missing.append(claim_id)
    if missing:
        for claim in session.exec(select(Claim).where(col(Claim.id).in_(missing))):
            assert claim.id is not None
            found[claim.id] = claim
    return found


def disputed(
    session: Session, claim_ids: Collection[int], fact_keys: Collection[str] = ()
) -> set[int]:
    """Those of the claims that take part in an open discrepancy: of ``claim_ids`` and of
    every claim of the facts ``fact_keys``.

    A fact's claims are named by their key, not one by one: a fact of a large event holds
    hundreds of claims, and their ids, bound one by one, would cost more to send and parse
    than the lookup itself. Their links first (by the claim index), then which of those
    few discrepancies are open: a join lets a planner without statistics probe every open
    discrepancy for every claim."""
    by_discrepancy: dict[int, list[int]] = {}
    links = []
    if claim_ids:
        links.append(
            select(col(DiscrepancyClaim.claim_id), col(DiscrepancyClaim.discrepancy_id)).where(
                col(DiscrepancyClaim.claim_id).in_(list(claim_ids))
            )
        )
    if fact_keys:
        links.append(
            select(col(DiscrepancyClaim.claim_id), col(DiscrepancyClaim.discrepancy_id))
            .join(Claim, col(Claim.id) == col(DiscrepancyClaim.claim_id))
            .where(col(Claim.fact_key).in_(sorted(fact_keys)))
        )
    for stmt in links:
        for claim_id, discrepancy_id in session.connection().execute(stmt).all():
            by_discrepancy.setdefault(discrepancy_id, []).append(claim_id)
    if not by_discrepancy:
        return set()
    open_ = select(col(Discrepancy.id)).where(
        col(Discrepancy.id).in_(list(by_discrepancy)),
        col(Discrepancy.status) == DiscrepancyStatus.open.value,
    )
    return {c for row in session.connection().execute(open_) for c in by_discrepancy[row[0]]}
