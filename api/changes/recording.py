"""Recording every change of the public resources, centrally, from the session's flushes.

Nothing in the services writes the feed: a ``before_flush`` listener looks at what the
flush is about to write (``session.new``, ``dirty``, ``deleted``) and an ``after_flush``
listener inserts one ``change`` row per changed resource, in one batched statement, on
the flush's own connection, so the feed is written in the same transaction as the change.

A resource changes when its public representation does, not only its own row:

- an alias added or removed changes its actor;
- a claim-to-discrepancy link added, removed or moved changes both the claim (its
  ``discrepancy_ids``) and the discrepancy (its sides); so does deleting either end
  (the database cascades the links);
- a claim created, changed (status, source count, an edit) or deleted changes every
  discrepancy showing it, and a claim created or deleted its article (``claim_count``);
- an article's publisher or publication time changed changes every discrepancy showing
  one of its claims (a figure's outlet and report time);
- an actor renamed, re-kinded or re-parented changes the claims naming it and the
  discrepancies whose claims or subject side it (or an actor below it, whose party it
  is) takes part in.

Every resource so changed gets ``updated_at`` set (unless the code set it), so the lists'
``updated_since`` and the feed agree. Within one transaction a resource is recorded once
per action (created, then updated, is ``created``; consumers read the state after the
commit anyway).

Bulk ``UPDATE``/``DELETE`` statements on these tables would bypass the session: they are
refused (``do_orm_execute``), and the write path deletes through the session.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import event, insert, inspect, or_, select, union, update
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlmodel import col

from api.actors.models import Actor, ActorAlias
from api.articles.models import Article
from api.changes.models import Change, ChangeAction, Resource
from api.claims.models import Claim
from api.db import utcnow
from api.discrepancies.models import Discrepancy, DiscrepancyClaim
from api.events.models import Event

RESOURCES: dict[type[Any], Resource] = {
    Article: Resource.articles,
    Claim: Resource.claims,
    Actor: Resource.actors,
    Discrepancy: Resource.discrepancies,
    Event: Resource.events,
}
#: Tables whose rows are part of a resource's representation (bulk statements refused).
GUARDED: frozenset[type[Any]] = frozenset({*RESOURCES, ActorAlias, DiscrepancyClaim})
#: Attributes of an actor that other resources show (``ActorSummary``, parties).
ACTOR_SHOWN = ("name", "kind", "parent_id")
#: Attributes of an article that a discrepancy shows (a series point's outlet and time).
ARTICLE_SHOWN = ("publisher", "published_at")
CHUNK = 500
MAX_DEPTH = 32
_STATE = "claimsapi_changes"

ModelT = TypeVar("ModelT", Article, Claim, Actor, Discrepancy, Event)


@dataclass
class _Transaction:
    """What one transaction has recorded so far, and what the current flush will."""

    seen: dict[tuple[Resource, int], ChangeAction] = field(default_factory=dict)
    pending: list[tuple[Any, Resource, ChangeAction]] = field(default_factory=list)
    """``(object or id, resource, action)``."""
    at: datetime | None = None


def _state(session: Session) -> _Transaction:
    state = session.info.get(_STATE)
    if state is None:
        state = session.info[_STATE] = _Transaction()
    return state


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    items = sorted(set(ids))
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _of(objects: Iterable[Any], cls: type[Any]) -> list[Any]:
    return [o for o in objects if type(o) is cls]


class _Flush:
    """One flush's view: what is new, deleted and changed, and touching dependants."""

    def __init__(
        self, session: Session, now: datetime, created: frozenset[tuple[Resource, int]]
    ) -> None:
        self.session = session
        self.now = now
        self.new = {id(o) for o in session.new}
        self.deleted = {id(o) for o in session.deleted}
        #: Resources an earlier flush of this transaction created: what they show is new
        #: as of the commit anyway, so they are not stamped again (no ``UPDATE`` for it).
        self.created = created
        # Whether each dirty object has a net change, asked once per flush (it compares
        # every attribute's history): only ``touch`` changes objects meanwhile, and an
        # object it stamps is modified.
        self._modified: dict[int, bool] = {}
        #: Ids of the rows stamped with an ``UPDATE`` (not held by the session), by class.
        self.stamped: dict[type[Any], set[int]] = {}

    def modified(self, cls: type[Any]) -> list[Any]:
        return [o for o in _of(self.session.dirty, cls) if self._is_modified(o)]

    def _is_modified(self, obj: Any) -> bool:
        key = id(obj)
        if key in self.deleted:
            return False
        known = self._modified.get(key)
        if known is None:
            known = self._modified[key] = self.session.is_modified(obj)
        return known

    def deleted_of(self, cls: type[Any]) -> list[Any]:
        return _of(self.session.deleted, cls)

    def new_of(self, cls: type[Any]) -> list[Any]:
        return _of(self.session.new, cls)

    def touch_ids(self, cls: type[ModelT], ids: Iterable[int | None]) -> None:
        """Stamp the rows with these ids: those the session holds through it (see
        ``touch``), the others with one ``UPDATE`` per chunk, recorded as updated: a row is
        not loaded only to be stamped."""
        wanted = {i for i in ids if i is not None}
        held = []
        missing = []
        resource = RESOURCES[cls]
        for i in wanted:
            if (resource, i) in self.created:
                continue
            obj = self.session.identity_map.get(self.session.identity_key(cls, i))
            if obj is None:
                missing.append(i)
            else:
                held.append(obj)
        self.touch(held)
        table: Any = cls.__table__  # type: ignore[attr-defined]
        stamped = self.stamped.setdefault(cls, set())
        for chunk in _chunks(missing):
            statement = (
                update(table)
                .where(table.c.id.in_(chunk))
                .values(updated_at=self.now)
                .returning(table.c.id)
            )
            stamped |= self.ids(statement)

    def touch(self, objects: Iterable[Any]) -> None:
        for obj in objects:
            if id(obj) in self.new or id(obj) in self.deleted:
                continue
            if (RESOURCES[type(obj)], obj.id) in self.created:
                continue
            if not inspect(obj).attrs.updated_at.history.has_changes():
                obj.updated_at = self.now
            self._modified.pop(id(obj), None)  # asked afresh: it is modified now

    def ids(self, statement: Any) -> set[int]:
        return {row[0] for row in self.session.connection().execute(statement)}


def _stamp(flush: _Flush) -> None:
    """``updated_at`` follows every change of a row the code did not stamp itself."""
    for cls in RESOURCES:
        flush.touch(flush.modified(cls))


def _shown_changed(flush: _Flush, cls: type[Any], names: Sequence[str]) -> list[int]:
    """The ids of ``cls`` rows whose attributes that other resources show changed."""
    return [
        o.id
        for o in flush.modified(cls)
        if any(inspect(o).attrs[name].history.has_changes() for name in names)
    ]


def _actors(flush: _Flush) -> None:
    aliases = [
        *flush.new_of(ActorAlias),
        *flush.deleted_of(ActorAlias),
        *flush.modified(ActorAlias),
    ]
    flush.touch_ids(Actor, (a.actor_id for a in aliases))
    shown = _shown_changed(flush, Actor, ACTOR_SHOWN)
    if not shown:
        return
    # The actors whose party may have changed: the changed ones and every actor below.
    below: set[int] = set(shown)
    frontier = set(shown)
    for _ in range(MAX_DEPTH):
        found: set[int] = set()
        for chunk in _chunks(frontier):
            found |= flush.ids(select(col(Actor.id)).where(col(Actor.parent_id).in_(chunk)))
        frontier = found - below
        if not frontier:
            break
        below |= frontier
    claim_ids: set[int] = set()
    for chunk in _chunks(shown):
        claim_ids |= flush.ids(select(col(Claim.id)).where(_names_any(chunk)))
    flush.touch_ids(Claim, claim_ids)
    discrepancy_ids: set[int] = set()
    for chunk in _chunks(below):
        discrepancy_ids |= flush.ids(
            union(
                select(col(DiscrepancyClaim.discrepancy_id))
                .join(Claim, col(Claim.id) == col(DiscrepancyClaim.claim_id))
                .where(_names_any(chunk)),
                select(col(Discrepancy.id)).where(col(Discrepancy.subject_side_id).in_(chunk)),
            )
        )
    flush.touch_ids(Discrepancy, discrepancy_ids)


def _names_any(actor_ids: Sequence[int]) -> Any:
    return or_(
        col(Claim.claimant_id).in_(actor_ids),
        col(Claim.relayed_by_id).in_(actor_ids),
        col(Claim.subject_side_id).in_(actor_ids),
        col(Claim.target_id).in_(actor_ids),
    )


def _links(flush: _Flush) -> None:
    links = [
        *flush.new_of(DiscrepancyClaim),
        *flush.deleted_of(DiscrepancyClaim),
        *flush.modified(DiscrepancyClaim),
    ]
    claim_ids = {link.claim_id for link in links}
    discrepancy_ids = {link.discrepancy_id for link in links}
    # Deleting a discrepancy or a claim cascades to its links in the database.
    gone = [d.id for d in flush.deleted_of(Discrepancy)]
    for chunk in _chunks(gone):
        claim_ids |= flush.ids(
            select(col(DiscrepancyClaim.claim_id)).where(
                col(DiscrepancyClaim.discrepancy_id).in_(chunk)
            )
        )
    flush.touch_ids(Claim, claim_ids)
    flush.touch_ids(Discrepancy, discrepancy_ids)


def _claims(flush: _Flush) -> None:
    changed = [c.id for c in [*flush.modified(Claim), *flush.deleted_of(Claim)]]
    changed += flush.stamped.get(Claim, ())
    discrepancy_ids: set[int] = set()
    for chunk in _chunks(changed):
        discrepancy_ids |= flush.ids(
            select(col(DiscrepancyClaim.discrepancy_id)).where(
                col(DiscrepancyClaim.claim_id).in_(chunk)
            )
        )
    flush.touch_ids(Discrepancy, discrepancy_ids)
    counted = [c.article_id for c in [*flush.new_of(Claim), *flush.deleted_of(Claim)]]
    flush.touch_ids(Article, counted)


def _articles(flush: _Flush) -> None:
    shown = _shown_changed(flush, Article, ARTICLE_SHOWN)
    discrepancy_ids: set[int] = set()
    for chunk in _chunks(shown):
        discrepancy_ids |= flush.ids(
            select(col(DiscrepancyClaim.discrepancy_id))
            .join(Claim, col(Claim.id) == col(DiscrepancyClaim.claim_id))
            .where(col(Claim.article_id).in_(chunk))
        )
    flush.touch_ids(Discrepancy, discrepancy_ids)


def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    state = _state(session)
    state.pending = []
    if not any(type(o) in GUARDED for o in (*session.new, *session.dirty, *session.deleted)):
        return
    created = frozenset(k for k, action in state.seen.items() if action == ChangeAction.created)
    flush = _Flush(session, utcnow(), created)
    state.at = flush.now
    _stamp(flush)
    _actors(flush)
    _links(flush)
    _claims(flush)
    _articles(flush)
    for cls, resource in RESOURCES.items():
        state.pending += [(o, resource, ChangeAction.created) for o in flush.new_of(cls)]
        state.pending += [(o, resource, ChangeAction.updated) for o in flush.modified(cls)]
        state.pending += [
            (i, resource, ChangeAction.updated) for i in sorted(flush.stamped.get(cls, ()))
        ]
        state.pending += [(o, resource, ChangeAction.deleted) for o in flush.deleted_of(cls)]


def _after_flush(session: Session, _context: UOWTransaction) -> None:
    state = _state(session)
    rows = []
    for obj, resource, action in state.pending:
        resource_id = obj if isinstance(obj, int) else obj.id
        key = (resource, resource_id)
        before = state.seen.get(key)
        if before is not None and (action == ChangeAction.updated or before == action):
            continue
        state.seen[key] = action
        rows.append(
            {
                "resource": resource.value,
                "resource_id": resource_id,
                "action": action.value,
                "at": state.at,
            }
        )
    state.pending = []
    if rows:
        session.connection().execute(insert(Change), rows)


def _end(session: Session, transaction: SessionTransaction) -> None:
    """The transaction is over (committed or rolled back): start afresh."""
    if transaction.parent is None:
        session.info.pop(_STATE, None)


def forget(session: Session) -> None:
    """End the recording's view of the transaction: what follows is recorded afresh.

    For callers that run several units of work in one database transaction (the tests'
    per-test transaction); a commit or rollback does this by itself."""
    session.info.pop(_STATE, None)


def _rolled_back(session: Session) -> None:
    """A rollback, perhaps of a savepoint, took back rows this transaction recorded:
    forget what was recorded (at worst a resource is recorded twice)."""
    session.info.pop(_STATE, None)


def _refuse_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and mapper.class_ in GUARDED:
        raise RuntimeError(
            f"bulk {'UPDATE' if state.is_update else 'DELETE'} of {mapper.class_.__name__}"
            " would bypass the change feed: change the rows through the session"
        )


def install() -> None:
    """Listen on every session (idempotent)."""
    for name, listener in (
        ("before_flush", _before_flush),
        ("after_flush", _after_flush),
        ("after_transaction_end", _end),
        ("after_rollback", _rolled_back),
        ("do_orm_execute", _refuse_bulk),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


install()
