"""Claims: storing extraction results, listing, reading and editors' corrections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, or_
from sqlmodel import Session, col, select

from api import search
from api.actors.models import ActorSummary
from api.actors.service import ActorResolver, get_actor, summaries
from api.articles.models import Article
from api.claims.models import (
    Claim,
    ClaimPublic,
    ClaimSort,
    ClaimStatus,
    ClaimUpdate,
    Evidence,
    LowerBoundQuantity,
    PointQuantity,
    QuantityPublic,
    QuantityUpdate,
    TimeKind,
    TimePublic,
    UpperBoundQuantity,
    Verdict,
)
from api.common import Keyset, Sort, keyset_order, time_key
from api.db import read_rows, utcnow
from api.discrepancies import refresh
from api.discrepancies.models import DiscrepancyClaim
from api.errors import Conflict, NotFound, UnprocessableEntity
from api.extraction.types import ExtractedClaim, ExtractionResult, Qualifier, Stance
from api.extraction.units import by_name as unit_by_name
from api.extraction.units import to_base


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def draft_claims(result: ExtractionResult) -> list[Claim]:
    """The claims of an extraction result as rows, before any database work: what they
    say, with no article or actors yet (``store_extraction`` links them). Built before the
    unit of work's first statement, so the writers' lock is not held while they are."""
    return [_draft(item, result.version) for item in result.claims]


def _draft(item: ExtractedClaim, version: str) -> Claim:
    q = item.quantity
    t = item.time
    return Claim(
        article_id=0,
        statement=item.statement,
        stance=item.stance.value,
        quote=item.evidence.quote,
        start_offset=item.evidence.start,
        end_offset=item.evidence.end,
        sentence_index=item.evidence.sentence_index,
        measure=item.measure,
        subject=item.subject,
        subject_text=item.subject_text,
        quantity_text=q.text if q else None,
        qualifier=q.qualifier.value if q else None,
        lower=q.lower if q else None,
        upper=q.upper if q else None,
        strict_lower=q.strict_lower if q else False,
        strict_upper=q.strict_upper if q else False,
        unit=q.unit if q else None,
        base_unit=q.base_unit if q else None,
        base_lower=q.base_lower if q else None,
        base_upper=q.base_upper if q else None,
        time_text=t.text if t else None,
        time_start=t.start if t else None,
        time_end=t.end if t else None,
        time_kind=t.kind if t else None,
        confidence=item.confidence,
        extractor_version=version,
    )


def _link(claim: Claim, article: Article, item: ExtractedClaim, resolver: ActorResolver) -> Claim:
    """A drafted claim placed in its article, its actors resolved (created when new)."""
    assert article.id is not None
    claimant = resolver.resolve(item.claimant)
    relay = resolver.resolve(item.relayed_by)
    side = resolver.resolve(item.subject_side)
    target = resolver.resolve(item.target)
    claim.article_id = article.id
    claim.event_id = article.event_id
    claim.claimant_id = claimant.id if claimant else None
    claim.relayed_by_id = relay.id if relay else None
    claim.subject_side_id = side.id if side else None
    claim.target_id = target.id if target else None
    claim.created_at = claim.updated_at = utcnow()  # stored now, not when drafted
    return claim


def store_extraction(
    session: Session,
    article: Article,
    result: ExtractionResult,
    parties: refresh.Parties | None = None,
    drafts: Sequence[Claim] | None = None,
) -> list[Claim]:
    """Persist an extraction result for ``article`` (in the caller's transaction).

    The claims are written with their event (the article's event is assigned first), then
    keyed once, with their ids (a figure's antecedent is another claim of the article, by
    id) and every actor the resolver learnt written: one batched ``UPDATE`` sets their
    fact keys, and ``refresh_article(..., keyed=True)`` does not derive them again.
    ``drafts``: ``draft_claims(result)``, when the caller drafted them already.
    """
    resolver = ActorResolver(session)
    resolver.preload(
        ref
        for item in result.claims
        for ref in (item.claimant, item.relayed_by, item.subject_side, item.target)
    )
    drafts = draft_claims(result) if drafts is None else drafts
    claims = [
        _link(claim, article, item, resolver)
        for claim, item in zip(drafts, result.claims, strict=True)
    ]
    session.add_all(claims)
    session.flush()
    parties = parties or refresh.Parties(session)
    parties.prefetch([c.subject_side_id for c in claims] + [c.claimant_id for c in claims])
    with session.no_autoflush:  # one batched UPDATE below, not a flush per lookup
        refresh.assign_fact_keys(session, claims, parties)
    session.flush()
    return claims


def _discrepancy_ids(session: Session, claim_ids: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {i: [] for i in claim_ids}
    if not claim_ids:
        return out
    rows = read_rows(
        session,
        select(DiscrepancyClaim.claim_id, DiscrepancyClaim.discrepancy_id)
        .where(col(DiscrepancyClaim.claim_id).in_(claim_ids))
        .order_by(col(DiscrepancyClaim.discrepancy_id)),
    )
    for claim_id, discrepancy_id in rows:
        out[claim_id].append(discrepancy_id)
    return out


def utf16_offset(text: str, offset: int) -> int:
    """The code-point ``offset`` into ``text`` in UTF-16 code units: every character beyond
    the Basic Multilingual Plane (an emoji) takes two."""
    prefix = text[:offset]
    if prefix.isascii():
        return offset
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2


def _bodies(session: Session, claims: Sequence[Claim]) -> dict[int, str]:
    ids = sorted({c.article_id for c in claims})
    if not ids:
        return {}
    rows = read_rows(session, select(Article.id, Article.body).where(col(Article.id).in_(ids)))
    return {article_id: body for article_id, body in rows if article_id is not None}


@dataclass(frozen=True)
class _Related:
    """What the public form of some claims reads besides the claims, one query each: their
    actors, their discrepancies and their articles' bodies (for the UTF-16 offsets)."""

    actors: dict[int, ActorSummary]
    discrepancies: dict[int, list[int]]
    bodies: dict[int, str]

    @classmethod
    def of(cls, session: Session, claims: Sequence[Claim]) -> _Related:
        actor_ids = [
            a
            for c in claims
            for a in (c.claimant_id, c.relayed_by_id, c.subject_side_id, c.target_id)
        ]
        return cls(
            actors=summaries(session, actor_ids),
            discrepancies=_discrepancy_ids(session, [c.id for c in claims if c.id is not None]),
            bodies=_bodies(session, claims),
        )

    def actor(self, actor_id: int | None) -> ActorSummary | None:
        return self.actors.get(actor_id) if actor_id else None


def _quantity(c: Claim) -> QuantityPublic | None:
    if c.qualifier is None or c.quantity_text is None:
        return None
    return QuantityPublic(
        text=c.quantity_text,
        qualifier=Qualifier(c.qualifier),
        lower=c.lower,
        upper=c.upper,
        strict_lower=c.strict_lower,
        strict_upper=c.strict_upper,
        unit=c.unit,
        base_unit=c.base_unit,
        base_lower=c.base_lower,
        base_upper=c.base_upper,
    )


def _time(c: Claim) -> TimePublic | None:
    if c.time_text is None:
        return None
    kind = TimeKind(c.time_kind) if c.time_kind else None
    return TimePublic(text=c.time_text, start=c.time_start, end=c.time_end, kind=kind)


def _evidence(c: Claim, body: str) -> Evidence:
    return Evidence(
        quote=c.quote,
        start=c.start_offset,
        end=c.end_offset,
        start_utf16=utf16_offset(body, c.start_offset),
        end_utf16=utf16_offset(body, c.end_offset),
        sentence_index=c.sentence_index,
    )


def _public(c: Claim, related: _Related) -> ClaimPublic:
    assert c.id is not None
    return ClaimPublic(
        id=c.id,
        article_id=c.article_id,
        event_id=c.event_id,
        statement=c.statement,
        stance=Stance(c.stance),
        claimant=related.actor(c.claimant_id),
        relayed_by=related.actor(c.relayed_by_id),
        measure=c.measure,
        subject=c.subject,
        subject_text=c.subject_text,
        subject_side=related.actor(c.subject_side_id),
        target=related.actor(c.target_id),
        quantity=_quantity(c),
        time=_time(c),
        evidence=_evidence(c, related.bodies.get(c.article_id, "")),
        status=ClaimStatus(c.status),
        source_count=c.source_count,
        reviewed=c.reviewed,
        verdict=Verdict(c.verdict) if c.verdict else None,
        verdict_at=c.verdict_at,
        edited=c.edited,
        confidence=c.confidence,
        extractor_version=c.extractor_version,
        discrepancy_ids=related.discrepancies.get(c.id, []),
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


def to_public(session: Session, claims: Sequence[Claim]) -> list[ClaimPublic]:
    """The public form of ``claims`` (the one mapping between a stored claim and what the
    API shows), with what they refer to read once for all of them."""
    related = _Related.of(session, claims)
    return [_public(c, related) for c in claims]


SORTS: dict[ClaimSort, Sort] = {
    ClaimSort.id: Sort("id", "id"),
    ClaimSort.newest: Sort(ClaimSort.newest.value, "datetime"),
    ClaimSort.published_desc: Sort(ClaimSort.published_desc.value, "datetime"),
    ClaimSort.published_asc: Sort(ClaimSort.published_asc.value, "datetime"),
    ClaimSort.source_count_desc: Sort(ClaimSort.source_count_desc.value, "int"),
}


def sort_key_of(session: Session, sort: ClaimSort) -> Callable[[Claim], object]:
    """The sort key of a listed claim (what the cursor carries)."""
    if sort in (ClaimSort.published_desc, ClaimSort.published_asc):

        def published(claim: Claim) -> object:
            article = session.get(Article, claim.article_id)
            return article.published_at if article is not None else None

        return published
    if sort == ClaimSort.newest:
        return lambda claim: claim.created_at
    if sort == ClaimSort.source_count_desc:
        return lambda claim: claim.source_count
    return lambda claim: claim.id


def list_claims(
    session: Session,
    *,
    after: int | None = None,
    limit: int,
    updated_since: datetime | None = None,
    article_id: int | None = None,
    claimant_id: int | None = None,
    actor_id: int | None = None,
    status: ClaimStatus | None = None,
    measure: str | None = None,
    has_discrepancy: bool | None = None,
    event_id: int | None = None,
    reviewed: bool | None = None,
    verdict: Verdict | None = None,
    q: str | None = None,
    sort: ClaimSort = ClaimSort.id,
    position: Keyset | None = None,
) -> list[Claim]:
    """Claims matching every filter given, ``limit + 1`` of them (see ``page_of``), in
    ``sort`` order after ``position`` (or, in id order, after the id ``after``)."""
    stmt = select(Claim)
    if reviewed is not None:
        stmt = stmt.where(Claim.reviewed == reviewed)
    if verdict is not None:
        stmt = stmt.where(Claim.verdict == verdict.value)
    if q is not None:
        stmt = stmt.where(search.matches(session, "claim", q))
    if event_id is not None:
        stmt = stmt.where(Claim.event_id == event_id)
    if article_id is not None:
        stmt = stmt.where(Claim.article_id == article_id)
    if claimant_id is not None:
        stmt = stmt.where(Claim.claimant_id == claimant_id)
    if actor_id is not None:
        stmt = stmt.where(_involving(actor_id))
    if status is not None:
        stmt = stmt.where(Claim.status == status.value)
    if measure is not None:
        stmt = stmt.where(Claim.measure == measure.strip().lower())
    if has_discrepancy is not None:
        linked = exists().where(col(DiscrepancyClaim.claim_id) == col(Claim.id))
        stmt = stmt.where(linked if has_discrepancy else ~linked)
    if after is not None:
        position = Keyset(key=None, id=after)
    if updated_since is not None:
        stmt = stmt.where(col(Claim.updated_at) >= updated_since)
    return list(session.exec(_in_order(stmt, sort, position).limit(limit + 1)))


def _involving(actor_id: int) -> Any:
    """Claims in which the actor takes any part: claimant, relay, side or target."""
    return or_(
        col(Claim.claimant_id) == actor_id,
        col(Claim.relayed_by_id) == actor_id,
        col(Claim.subject_side_id) == actor_id,
        col(Claim.target_id) == actor_id,
    )


def _in_order(stmt: Any, sort: ClaimSort, position: Keyset | None) -> Any:
    """``stmt`` in ``sort`` order after ``position`` (ties by id)."""
    key: Any = None
    if sort in (ClaimSort.published_desc, ClaimSort.published_asc):
        stmt = stmt.join(Article, col(Article.id) == col(Claim.article_id))
        key = time_key(col(Article.published_at))
    elif sort == ClaimSort.newest:
        key = col(Claim.created_at)
    elif sort == ClaimSort.source_count_desc:
        key = col(Claim.source_count)
    return keyset_order(stmt, sort=SORTS[sort], key=key, id_column=col(Claim.id), after=position)


def update_claim(session: Session, claim: Claim, data: ClaimUpdate) -> Claim:
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for field in ("statement", "stance", "reviewed"):
        if field in changes and changes[field] is None:
            raise UnprocessableEntity(f"body.{field}", "cannot be null", kind="null")
    for field in ("claimant_id", "relayed_by_id", "subject_side_id", "target_id"):
        if field in changes and changes[field] is not None:
            try:
                get_actor(session, changes[field])
            except NotFound as exc:
                raise Conflict(f"body.{field}: no actor with id {changes[field]}") from exc
            setattr(claim, field, changes[field])
        elif field in changes:
            setattr(claim, field, None)
    for field in ("statement", "measure", "subject", "subject_text"):
        if field in changes:
            value = changes[field]
            setattr(claim, field, value.strip().lower() if field == "measure" and value else value)
    if "stance" in changes:
        claim.stance = Stance(changes["stance"]).value
    if "quantity" in changes:
        _apply_quantity(claim, data.quantity)
    if "time" in changes:
        t = data.time
        bounds = sorted(d for d in (t.start, t.end) if d is not None) if t else []
        claim.time_text = t.text if t else None
        claim.time_start = bounds[0] if t and t.start and t.end else (t.start if t else None)
        claim.time_end = bounds[-1] if t and t.start and t.end else (t.end if t else None)
        claim.time_kind = t.kind.value if t and t.kind else None
    if "reviewed" in changes:
        claim.reviewed = bool(changes["reviewed"])
        if not claim.reviewed:
            claim.verdict = claim.verdict_at = None
    if "verdict" in changes:
        verdict = changes["verdict"]
        claim.verdict = Verdict(verdict).value if verdict is not None else None
        claim.verdict_at = utcnow() if verdict is not None else None
        if verdict is not None:
            claim.reviewed = True
    claim.edited = True
    claim.updated_at = utcnow()
    session.add(claim)
    old_key = claim.fact_key
    parties = refresh.Parties(session)
    keys = refresh.assign_fact_keys(session, [claim], parties)
    refresh.refresh_facts(session, keys | ({old_key} if old_key else set()))
    refresh.refresh_statements(session, claim.article_id, claim.event_id)
    session.flush()
    session.refresh(claim)
    return claim


def _bounds(q: QuantityUpdate) -> tuple[float | None, float | None, bool, bool]:
    """(lower, upper, strict_lower, strict_upper) of a corrected quantity."""
    if isinstance(q, PointQuantity):
        return q.value, q.value, False, False
    if isinstance(q, LowerBoundQuantity):
        return q.lower, None, q.qualifier == "more_than", False
    if isinstance(q, UpperBoundQuantity):
        return None, q.upper, False, q.qualifier == "less_than"
    if q.upper is None:
        return q.lower, None, False, False
    low, high = sorted((q.lower, q.upper))
    return low, high, False, False


def _apply_quantity(claim: Claim, q: QuantityUpdate | None) -> None:
    if q is None:
        claim.quantity_text = claim.qualifier = claim.unit = claim.base_unit = None
        claim.lower = claim.upper = claim.base_lower = claim.base_upper = None
        claim.strict_lower = claim.strict_upper = False
        return
    lower, upper, strict_lower, strict_upper = _bounds(q)
    base_lower, base_upper = lower, upper
    base_unit: str | None = None
    unit = q.unit
    if unit is not None:
        known = unit_by_name(unit)
        if known is None:
            raise UnprocessableEntity("body.quantity.unit", f"unknown unit {unit!r}", kind="enum")
        unit, base_unit = known.symbol, known.base
        base_lower, base_upper = to_base(lower, known), to_base(upper, known)
    claim.quantity_text = q.text
    claim.qualifier = Qualifier(q.qualifier).value
    claim.lower, claim.upper = lower, upper
    claim.strict_lower, claim.strict_upper = strict_lower, strict_upper
    claim.unit, claim.base_unit = unit, base_unit
    claim.base_lower, claim.base_upper = base_lower, base_upper
