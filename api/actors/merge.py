"""Merging two actor records for one body (a person and his title; a ministry twice).

Above the actors' service because it recomputes what the claims derive (facts,
discrepancies, statuses) with ``api.discrepancies.refresh``, which itself reads actors.
"""

from __future__ import annotations

from sqlalchemy import or_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from api.actors.models import Actor, ActorAlias, ActorRedirect
from api.actors.service import get_actor, redirect_of
from api.claims.models import Claim
from api.db import utcnow
from api.discrepancies import refresh
from api.discrepancies.models import Discrepancy
from api.errors import Conflict
from api.names import normalize_name

#: The claim columns that name an actor.
ACTOR_COLUMNS = ("claimant_id", "relayed_by_id", "subject_side_id", "target_id")


def _descendants(session: Session, actor_id: int) -> set[int]:
    """Every actor below ``actor_id`` in the parent links (one query per level)."""
    found: set[int] = set()
    level = {actor_id}
    while level:
        children = set(session.exec(select(Actor.id).where(col(Actor.parent_id).in_(level))).all())
        level = {c for c in children if c is not None} - found - {actor_id}
        found |= level
    return found


def _move_aliases(session: Session, merged: Actor, survivor: Actor) -> None:
    """The merged actor's name and aliases become the survivor's (each once)."""
    assert merged.id is not None and survivor.id is not None
    names = [merged.name] + [
        a.alias for a in session.exec(select(ActorAlias).where(ActorAlias.actor_id == merged.id))
    ]
    first: dict[str, str] = {}
    for name in names:
        key = normalize_name(name)
        if key:
            first.setdefault(key, name.strip())
    rows = [{"actor_id": survivor.id, "alias": a, "normalized": k} for k, a in first.items()]
    if not rows:
        return
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(ActorAlias)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["actor_id", "normalized"])
    )


def merge_actor(session: Session, merged_id: int, into: int) -> Actor:
    """Merge actor ``merged_id`` into actor ``into`` (the caller commits).

    Every claim's claimant, relay, counted side and target, the aliases and the children's
    parent links move to the survivor; the merged id becomes a redirect to it (and the
    redirects to the merged actor are pointed at the survivor); the facts, discrepancies
    and statuses of the claims whose parties change are recomputed. Editors' discrepancies
    whose finding goes are kept, orphaned, as everywhere else.
    """
    merged, survivor, below = _merge_pair(session, merged_id, into)
    # Claims whose parties may change: those naming the merged actor or anyone below it
    # (their party was the merged actor's, and is now the survivor's).
    touched = _move_references(session, merged, survivor, below | {merged_id})
    claim_ids = [c.id for c in touched if c.id is not None]
    _move_aliases(session, merged, survivor)
    session.add(ActorRedirect(id=merged.id, actor_id=survivor.id, name=merged.name))
    survivor.updated_at = utcnow()
    session.add(survivor)
    session.flush()
    session.delete(merged)
    session.flush()
    session.expire_all()  # the bulk updates above bypassed the identity map
    _rederive(session, claim_ids)
    session.flush()
    session.refresh(survivor)
    return survivor


def _merge_pair(session: Session, merged_id: int, into: int) -> tuple[Actor, Actor, set[int]]:
    """The actor merged, the survivor and the actors below the merged one, once the merge
    is known to be possible."""
    merged = get_actor(session, merged_id)
    if into == merged_id:
        raise Conflict(f"body.into: actor {merged_id} cannot be merged into itself")
    survivor = session.get(Actor, into)
    if survivor is None:
        target = redirect_of(session, into)
        if target is not None:
            raise Conflict(f"body.into: actor {into} was merged into actor {target} already")
        raise Conflict(f"body.into: no actor with id {into}")
    below = _descendants(session, merged_id)
    if into in below:
        raise Conflict(
            f"body.into: actor {into} belongs to actor {merged_id}; merge the other way round"
        )
    assert merged.id is not None and survivor.id is not None
    return merged, survivor, below


def _move_references(
    session: Session, merged: Actor, survivor: Actor, involved: set[int]
) -> list[Claim]:
    """Point the claims, discrepancies, children and redirects of ``merged`` at
    ``survivor``; the claims of the ``involved`` actors (whose parties may change)."""
    touched = list(
        session.exec(
            select(Claim)
            .where(or_(*(col(getattr(Claim, c)).in_(involved) for c in ACTOR_COLUMNS)))
            .order_by(col(Claim.id))
        )
    )
    now = utcnow()
    for claim in touched:
        changed = False
        for column in ACTOR_COLUMNS:
            if getattr(claim, column) == merged.id:
                setattr(claim, column, survivor.id)
                changed = True
        if changed:
            claim.updated_at = now
            session.add(claim)
    # Through the session, not bulk statements: the change feed records what changes.
    for discrepancy in session.exec(
        select(Discrepancy).where(col(Discrepancy.subject_side_id) == merged.id)
    ):
        discrepancy.subject_side_id = survivor.id
        session.add(discrepancy)
    for child in session.exec(select(Actor).where(col(Actor.parent_id) == merged.id)):
        child.parent_id = survivor.id
        child.updated_at = now
        session.add(child)
    session.exec(
        update(ActorRedirect)
        .where(col(ActorRedirect.actor_id) == merged.id)
        .values(actor_id=survivor.id)
    )
    return touched


def _rederive(session: Session, claim_ids: list[int]) -> None:
    """Recompute the facts, statuses and denials of the claims whose parties changed."""
    claims = list(session.exec(select(Claim).where(col(Claim.id).in_(claim_ids))))
    parties = refresh.Parties(session)
    keys = refresh.assign_fact_keys(session, claims, parties)
    refresh.refresh_facts(session, keys, parties)
    for article_id, event_id in sorted({(c.article_id, c.event_id or 0) for c in claims}):
        refresh.refresh_statements(session, article_id, event_id or None, parties)
