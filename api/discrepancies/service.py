"""Discrepancies: reading and editors' status changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlmodel import Session, col, select

from api.actors.models import ActorSummary
from api.actors.service import summaries
from api.articles.models import Article
from api.claims import service as claims_service
from api.claims.models import Claim, ClaimPublic
from api.db import utcnow
from api.discrepancies import refresh
from api.discrepancies.models import (
    Discrepancy,
    DiscrepancyClaim,
    DiscrepancyKind,
    DiscrepancyPublic,
    DiscrepancySide,
    DiscrepancyStatus,
    DiscrepancyUpdate,
    Fact,
    SeriesPoint,
    Spread,
)
from api.errors import NotFound, UnprocessableEntity


def get_discrepancy(session: Session, discrepancy_id: int) -> Discrepancy:
    found = session.get(Discrepancy, discrepancy_id)
    if found is None:
        raise NotFound(f"no discrepancy with id {discrepancy_id}")
    return found


def list_discrepancies(
    session: Session,
    *,
    after: int | None,
    limit: int,
    updated_since: datetime | None = None,
    status: DiscrepancyStatus | None = None,
    kind: DiscrepancyKind | None = None,
    actor_id: int | None = None,
    measure: str | None = None,
    event_id: int | None = None,
) -> list[Discrepancy]:
    stmt = select(Discrepancy)
    if event_id is not None:
        stmt = stmt.where(Discrepancy.event_id == event_id)
    if status is not None:
        stmt = stmt.where(Discrepancy.status == status.value)
    if kind is not None:
        stmt = stmt.where(Discrepancy.kind == kind.value)
    if measure is not None:
        stmt = stmt.where(Discrepancy.measure == measure.strip().lower())
    if actor_id is not None:
        involved = (
            select(DiscrepancyClaim.discrepancy_id)
            .join(Claim, col(Claim.id) == col(DiscrepancyClaim.claim_id))
            .where(
                or_(
                    col(Claim.claimant_id) == actor_id,
                    col(Claim.relayed_by_id) == actor_id,
                    col(Claim.subject_side_id) == actor_id,
                )
            )
        )
        stmt = stmt.where(
            or_(col(Discrepancy.id).in_(involved), col(Discrepancy.subject_side_id) == actor_id)
        )
    if after is not None:
        stmt = stmt.where(col(Discrepancy.id) > after)
    if updated_since is not None:
        stmt = stmt.where(col(Discrepancy.updated_at) >= updated_since)
    return list(session.exec(stmt.order_by(col(Discrepancy.id)).limit(limit + 1)))


@dataclass
class _Loaded:
    """What the public form of some discrepancies reads: each one's sides (claim ids by
    side), the claims' public forms, their articles, each claim's party and the actors."""

    sides: dict[int, dict[int, list[int]]]
    claims: dict[int, ClaimPublic]
    articles: dict[int, Article]
    party_of: dict[int, int | None]
    actors: dict[int, ActorSummary]


def _load(session: Session, items: Sequence[Discrepancy]) -> _Loaded:
    ids = [d.id for d in items if d.id is not None]
    links = (
        list(
            session.exec(
                select(DiscrepancyClaim)
                .where(col(DiscrepancyClaim.discrepancy_id).in_(ids))
                .order_by(col(DiscrepancyClaim.side), col(DiscrepancyClaim.claim_id))
            )
        )
        if ids
        else []
    )
    claim_rows: list[Claim] = (
        list(session.exec(select(Claim).where(col(Claim.id).in_([lk.claim_id for lk in links]))))
        if links
        else []
    )
    claims = {c.id: c for c in claims_service.to_public(session, claim_rows)}
    article_ids = {c.article_id for c in claim_rows}
    articles = (
        {
            a.id: a
            for a in session.exec(select(Article).where(col(Article.id).in_(article_ids)))
            if a.id is not None
        }
        if article_ids
        else {}
    )
    sides: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for link in links:
        sides[link.discrepancy_id][link.side].append(link.claim_id)
    parties = refresh.Parties(session)
    parties.prefetch(c.claimant.id for c in claims.values() if c.claimant)
    party_of = {c.id: parties.root(c.claimant.id) if c.claimant else None for c in claims.values()}
    actors = summaries(
        session, [d.subject_side_id for d in items] + [p for p in party_of.values() if p]
    )
    return _Loaded(sides, claims, articles, party_of, actors)


def _public_sides(loaded: _Loaded, discrepancy_id: int) -> list[DiscrepancySide]:
    out = []
    for _, claim_ids in sorted(loaded.sides[discrepancy_id].items()):
        side_claims = [loaded.claims[i] for i in claim_ids if i in loaded.claims]
        if not side_claims:
            continue
        claimants = list({c.claimant.id: c.claimant for c in side_claims if c.claimant}.values())
        party = next((loaded.party_of[c.id] for c in side_claims if loaded.party_of[c.id]), None)
        out.append(
            DiscrepancySide(
                party=loaded.actors.get(party) if party else None,
                claimants=claimants,
                figure=next((c.quantity for c in side_claims if c.quantity), None),
                claims=side_claims,
            )
        )
    return out


def _series(loaded: _Loaded, d: Discrepancy, sides: list[DiscrepancySide]) -> list[SeriesPoint]:
    """Every figure of the sides in the order it was reported."""
    articles = loaded.articles
    return sorted(
        (
            SeriesPoint(
                claim_id=c.id,
                party=loaded.actors.get(loaded.party_of[c.id] or 0) or c.claimant,
                outlet=articles[c.article_id].publisher if c.article_id in articles else None,
                reported_at=(
                    articles[c.article_id].published_at if c.article_id in articles else None
                ),
                refers_to=c.time,
                figure=c.quantity,
            )
            for side in sides
            for c in side.claims
        ),
        key=lambda p: (p.reported_at is None, p.reported_at or d.created_at, p.claim_id),
    )


def to_public(session: Session, items: Sequence[Discrepancy]) -> list[DiscrepancyPublic]:
    loaded = _load(session, items)
    out = []
    for d in items:
        assert d.id is not None
        sides = _public_sides(loaded, d.id)
        figures = [c.quantity for side in sides for c in side.claims if c.quantity is not None]
        lows = [q.base_lower for q in figures if q.base_lower is not None]
        bounds = lows + [q.base_upper for q in figures if q.base_upper is not None]
        out.append(
            DiscrepancyPublic(
                id=d.id,
                kind=DiscrepancyKind(d.kind),
                status=DiscrepancyStatus(d.status),
                note=d.note,
                fact=Fact(
                    event_id=d.event_id,
                    measure=d.measure,
                    subject=d.subject,
                    subject_side=loaded.actors.get(d.subject_side_id)
                    if d.subject_side_id
                    else None,
                    base_unit=d.base_unit,
                ),
                sides=sides,
                spread=Spread(
                    lower=min(bounds) if bounds else None,
                    upper=max(bounds) if bounds else None,
                ),
                conservative_figure=min(lows) if lows else None,
                summary=summary(sides, loaded.articles),
                series=_series(loaded, d, sides),
                orphaned_at=d.orphaned_at,
                created_at=d.created_at,
                updated_at=d.updated_at,
            )
        )
    return out


SUMMARY_SIDE_CHARS = 80


def _speaker(side: DiscrepancySide, first: ClaimPublic, articles: dict[int, Article]) -> str:
    who: ActorSummary | None = side.party or (side.claimants[0] if side.claimants else None)
    if who is not None:
        return who.name
    article = articles.get(first.article_id)
    return article.publisher if article is not None and article.publisher else "Unattributed"


def _side_line(side: DiscrepancySide, articles: dict[int, Article]) -> str:
    first = next((c for c in side.claims if c.quantity), side.claims[0])
    if first.quantity is None:
        words = first.statement if first.stance != "denial" else "denies: " + first.statement
    else:
        what = first.subject_text or first.subject or ""
        words = " ".join(w for w in (first.quantity.text, what, first.measure or "") if w)
    if first.time is not None:
        words += f" ({first.time.text})"
    if len(words) > SUMMARY_SIDE_CHARS:
        words = words[: SUMMARY_SIDE_CHARS - 1].rstrip() + "…"
    return f"{_speaker(side, first, articles)}: {words}"


def summary(sides: Sequence[DiscrepancySide], articles: dict[int, Article]) -> str:
    """ "Army: 6 rebel drones destroyed (overnight) · Rebel command: none lost" """
    lines = [_side_line(side, articles) for side in sides if side.claims]
    return " · ".join(lines) if lines else "No claims left: its articles were deleted or moved."


def update_discrepancy(
    session: Session, discrepancy: Discrepancy, data: DiscrepancyUpdate
) -> Discrepancy:
    changes = data.model_dump(exclude_unset=True)
    if "status" in changes:
        if changes["status"] is None:
            raise UnprocessableEntity("body.status", "cannot be null", kind="null")
        discrepancy.status = DiscrepancyStatus(changes["status"]).value
    if "note" in changes:
        discrepancy.note = changes["note"]
    discrepancy.updated_at = utcnow()
    session.add(discrepancy)
    session.flush()
    claim_ids = session.exec(
        select(DiscrepancyClaim.claim_id).where(DiscrepancyClaim.discrepancy_id == discrepancy.id)
    )
    claims = list(session.exec(select(Claim).where(col(Claim.id).in_(list(claim_ids)))))
    refresh.update_statuses(session, claims)
    session.flush()
    session.refresh(discrepancy)
    return discrepancy
