"""Actors: lookup by name or alias, creation from extracted references, editors' edits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.actors.models import (
    Actor,
    ActorAlias,
    ActorCreate,
    ActorPublic,
    ActorRedirect,
    ActorSummary,
    ActorUpdate,
)
from api.db import utcnow
from api.errors import Conflict, NotFound, UnprocessableEntity
from api.extraction.types import ActorKind, ActorRef
from api.names import normalize_name


def redirect_of(session: Session, actor_id: int) -> int | None:
    """The actor that ``actor_id`` was merged into, if it was."""
    redirect = session.get(ActorRedirect, actor_id)
    return redirect.actor_id if redirect is not None else None


def get_actor(session: Session, actor_id: int) -> Actor:
    actor = session.get(Actor, actor_id)
    if actor is None:
        merged(session, actor_id)
        raise NotFound(f"no actor with id {actor_id}")
    return actor


def merged(session: Session, actor_id: int) -> None:
    """404 naming the survivor when ``actor_id`` was merged into another actor."""
    survivor = redirect_of(session, actor_id)
    if survivor is not None:
        raise NotFound(f"actor {actor_id} was merged into actor {survivor}")


def current_id(session: Session, actor_id: int | None) -> int | None:
    """``actor_id`` if it names an actor, the survivor's if it was merged, else ``None``."""
    if actor_id is None or session.get(Actor, actor_id) is not None:
        return actor_id
    return redirect_of(session, actor_id)


def reserve_id(session: Session, actor: Actor) -> None:
    """Never give a new actor the id of a merged one.

    SQLite numbers a new row one past the largest id in the table, so deleting the newest
    actor (merged away) would hand its id out again; PostgreSQL's sequence never does.
    """
    if actor.id is not None or session.get_bind().dialect.name != "sqlite":
        return
    top = session.exec(select(func.max(ActorRedirect.id))).one()
    if top is None:
        return
    newest = session.exec(select(func.max(Actor.id))).one() or 0
    if top >= newest:
        actor.id = top + 1


def aliases_of(session: Session, actor_ids: Iterable[int]) -> dict[int, list[str]]:
    ids = list(set(actor_ids))
    out: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = session.exec(
        select(ActorAlias).where(col(ActorAlias.actor_id).in_(ids)).order_by(col(ActorAlias.id))
    )
    for row in rows:
        out[row.actor_id].append(row.alias)
    return out


def to_public(session: Session, actors: Sequence[Actor]) -> list[ActorPublic]:
    aliases = aliases_of(session, (a.id for a in actors if a.id is not None))
    out = []
    for actor in actors:
        assert actor.id is not None
        names = [alias for alias in aliases.get(actor.id, []) if alias != actor.name]
        out.append(
            ActorPublic(
                id=actor.id,
                name=actor.name,
                kind=ActorKind(actor.kind),
                parent_id=actor.parent_id,
                aliases=names,
                created_at=actor.created_at,
                updated_at=actor.updated_at,
            )
        )
    return out


def summaries(session: Session, actor_ids: Iterable[int | None]) -> dict[int, ActorSummary]:
    ids = {i for i in actor_ids if i is not None}
    if not ids:
        return {}
    rows = session.exec(select(Actor.id, Actor.name, Actor.kind).where(col(Actor.id).in_(ids)))
    return {
        actor_id: ActorSummary(id=actor_id, name=name, kind=ActorKind(kind))
        for actor_id, name, kind in rows
        if actor_id is not None
    }


def list_actors(
    session: Session,
    *,
    after: int | None,
    limit: int,
    updated_since: datetime | None = None,
    q: str | None = None,
    kind: ActorKind | None = None,
    parent_id: int | None = None,
) -> list[Actor]:
    stmt = select(Actor)
    if q:
        key = normalize_name(q)
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        matching = select(ActorAlias.actor_id).where(
            col(ActorAlias.normalized).like(pattern, escape="\\")
        )
        stmt = stmt.where(col(Actor.id).in_(matching))
    if kind is not None:
        stmt = stmt.where(Actor.kind == kind.value)
    if parent_id is not None:
        stmt = stmt.where(Actor.parent_id == parent_id)
    if after is not None:
        stmt = stmt.where(col(Actor.id) > after)
    if updated_since is not None:
        stmt = stmt.where(col(Actor.updated_at) >= updated_since)
    return list(session.exec(stmt.order_by(col(Actor.id)).limit(limit + 1)))


def find_by_names(session: Session, names: Iterable[str]) -> Actor | None:
    """The actor whose canonical name, else whose alias, matches one of ``names``."""
    keys = [k for k in dict.fromkeys(normalize_name(n) for n in names) if k]
    if not keys:
        return None
    by_name = session.exec(select(Actor).where(col(Actor.normalized_name).in_(keys))).all()
    if by_name:
        rank = {k: i for i, k in enumerate(keys)}
        return min(by_name, key=lambda a: rank[a.normalized_name])
    alias = session.exec(
        select(ActorAlias)
        .where(col(ActorAlias.normalized).in_(keys))
        .order_by(col(ActorAlias.actor_id))
        .limit(1)
    ).first()
    return session.get(Actor, alias.actor_id) if alias is not None else None


def ids_by_name(session: Session, names: Iterable[str]) -> dict[str, int]:
    """For each of ``names`` that names a stored actor, its id; two queries for all.

    The same rule as ``find_by_names`` for one name: the canonical name first, else
    the alias of the lowest actor id.
    """
    keys = {normalize_name(n): n for n in names}
    keys.pop("", None)
    if not keys:
        return {}
    found: dict[str, int] = {}
    for actor_id, key in session.exec(
        select(Actor.id, Actor.normalized_name).where(col(Actor.normalized_name).in_(keys))
    ):
        if actor_id is not None:
            found[keys[key]] = actor_id
    rest = {k: n for k, n in keys.items() if n not in found}
    if rest:
        for actor_id, key in session.exec(
            select(ActorAlias.actor_id, ActorAlias.normalized)
            .where(col(ActorAlias.normalized).in_(rest))
            .order_by(col(ActorAlias.actor_id).desc())
        ):
            found[rest[key]] = actor_id  # the lowest id is the last written
    return found


def _add_aliases(session: Session, actor: Actor, names: Iterable[str]) -> None:
    assert actor.id is not None
    existing = {
        a.normalized
        for a in session.exec(select(ActorAlias).where(ActorAlias.actor_id == actor.id))
    }
    for name in names:
        key = normalize_name(name)
        if key and key not in existing:
            existing.add(key)
            session.add(ActorAlias(actor_id=actor.id, alias=name.strip(), normalized=key))


def _check_parent(session: Session, actor_id: int | None, parent_id: int | None) -> None:
    if parent_id is None:
        return
    node: Actor | None = session.get(Actor, parent_id)
    if node is None:
        raise Conflict(f"body.parent_id: no actor with id {parent_id}")
    seen: set[int] = set()
    while node is not None and node.id is not None and node.id not in seen:
        if actor_id is not None and node.id == actor_id:
            raise Conflict(f"parent_id {parent_id} would make actor {actor_id} its own ancestor")
        seen.add(node.id)
        node = session.get(Actor, node.parent_id) if node.parent_id is not None else None


def create_actor(session: Session, data: ActorCreate) -> Actor:
    key = normalize_name(data.name)
    if session.exec(select(Actor).where(Actor.normalized_name == key)).first() is not None:
        raise Conflict(f"an actor named {data.name!r} exists already")
    _check_parent(session, None, data.parent_id)
    actor = Actor(
        name=data.name, normalized_name=key, kind=data.kind.value, parent_id=data.parent_id
    )
    reserve_id(session, actor)
    session.add(actor)
    session.flush()
    _add_aliases(session, actor, [data.name, *data.aliases])
    session.flush()
    return actor


def update_actor(session: Session, actor: Actor, data: ActorUpdate) -> Actor:
    changes = data.model_dump(exclude_unset=True)
    assert actor.id is not None
    for field in ("name", "kind", "aliases"):
        if field in changes and changes[field] is None:
            raise UnprocessableEntity(f"body.{field}", "cannot be null", kind="null")
    if "parent_id" in changes:
        _check_parent(session, actor.id, changes["parent_id"])
        actor.parent_id = changes["parent_id"]
    if changes.get("kind") is not None:
        actor.kind = ActorKind(changes["kind"]).value
    if changes.get("name") is not None and changes["name"] != actor.name:
        key = normalize_name(changes["name"])
        clash = session.exec(
            select(Actor).where(Actor.normalized_name == key, Actor.id != actor.id)
        ).first()
        if clash is not None:
            raise Conflict(f"another actor (id {clash.id}) is named {changes['name']!r}")
        actor.name = changes["name"]
        actor.normalized_name = key
    if "aliases" in changes and changes["aliases"] is not None:
        for row in session.exec(select(ActorAlias).where(ActorAlias.actor_id == actor.id)):
            session.delete(row)
        session.flush()
        _add_aliases(session, actor, [actor.name, *changes["aliases"]])
    elif changes.get("name") is not None:
        _add_aliases(session, actor, [actor.name])
    actor.updated_at = utcnow()
    session.add(actor)
    session.flush()
    session.refresh(actor)
    return actor


class ActorResolver:
    """Links extracted actor references to stored actors, creating what is new.

    Learns as it goes: new surface forms become aliases, and a parent link the text
    reveals is recorded when the stored actor has none yet (an editor's link wins).
    ``preload`` reads every name an extraction mentions in two queries, so resolving
    an article's actors costs a fixed number of round trips, not a few per mention.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[tuple[str, str | None], Actor] = {}
        self._looked_up: set[str] = set()
        self._named: dict[str, list[tuple[bool, Actor]]] = {}
        self._aliases: dict[int, set[str]] = {}

    def preload(self, refs: Iterable[ActorRef | None]) -> None:
        keys: set[str] = set()
        for ref in refs:
            for node in ref.chain() if ref is not None else ():
                keys.update(normalize_name(n) for n in (node.name, *node.aliases))
        keys = {k for k in keys if k} - self._looked_up
        if not keys:
            return
        self._looked_up |= keys
        rows = self.session.exec(
            select(ActorAlias, Actor)
            .join(Actor, col(Actor.id) == col(ActorAlias.actor_id))
            .where(col(ActorAlias.normalized).in_(keys))
        )
        matched: set[int] = set()
        for alias, actor in rows:
            assert actor.id is not None
            self._remember(alias.normalized, actor)
            matched.add(actor.id)
        unknown = matched - set(self._aliases)
        if unknown:
            for alias in self.session.exec(
                select(ActorAlias).where(col(ActorAlias.actor_id).in_(unknown))
            ):
                self._aliases.setdefault(alias.actor_id, set()).add(alias.normalized)

    def _remember(self, key: str, actor: Actor) -> None:
        entries = self._named.setdefault(key, [])
        if all(a.id != actor.id for _, a in entries):
            entries.append((actor.normalized_name == key, actor))

    def _find(self, names: Sequence[str]) -> Actor | None:
        keys = [k for k in dict.fromkeys(normalize_name(n) for n in names) if k]
        if any(k not in self._looked_up for k in keys):
            return find_by_names(self.session, names)
        for canonical in (True, False):
            for key in keys:
                hits = [a for is_name, a in self._named.get(key, []) if is_name == canonical]
                if hits:
                    return min(hits, key=lambda a: a.id or 0)
        return None

    def resolve(self, ref: ActorRef | None) -> Actor | None:
        if ref is None:
            return None
        cache_key = (normalize_name(ref.name), ref.parent.name if ref.parent else None)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        parent = self.resolve(ref.parent)
        actor = self._find([ref.name, *ref.aliases])
        if actor is None:
            actor = self._create(ref, parent)
        else:
            self._learn(actor, ref, parent)
        self._cache[cache_key] = actor
        return actor

    def _add_aliases(self, actor: Actor, names: Iterable[str]) -> None:
        assert actor.id is not None
        known = self._aliases.get(actor.id)
        if known is None:
            known = {
                a.normalized
                for a in self.session.exec(
                    select(ActorAlias).where(ActorAlias.actor_id == actor.id)
                )
            }
            self._aliases[actor.id] = known
        for name in names:
            key = normalize_name(name)
            if key and key not in known:
                known.add(key)
                self.session.add(ActorAlias(actor_id=actor.id, alias=name.strip(), normalized=key))
            if key:
                self._remember(key, actor)

    def _create(self, ref: ActorRef, parent: Actor | None) -> Actor:
        key = normalize_name(ref.name)
        actor = Actor(
            name=ref.name.strip(),
            normalized_name=key,
            kind=ref.kind.value,
            parent_id=parent.id if parent else None,
        )
        try:
            with self.session.begin_nested():
                reserve_id(self.session, actor)
                self.session.add(actor)
                self.session.flush()
        except IntegrityError:
            # Another request created it in the meantime.
            found = find_by_names(self.session, [ref.name])
            if found is None:
                raise
            return found
        assert actor.id is not None
        self._aliases[actor.id] = set()
        self._add_aliases(actor, [ref.name, *ref.aliases])
        return actor

    def _learn(self, actor: Actor, ref: ActorRef, parent: Actor | None) -> None:
        self._add_aliases(actor, [ref.name, *ref.aliases])
        if (
            actor.parent_id is None
            and parent is not None
            and parent.id is not None
            and parent.id != actor.id
            and not self._is_ancestor(actor, parent)
        ):
            actor.parent_id = parent.id
            actor.updated_at = utcnow()
            self.session.add(actor)

    def _is_ancestor(self, actor: Actor, candidate_child: Actor) -> bool:
        node: Actor | None = candidate_child
        seen: set[int] = set()
        while node is not None and node.id is not None and node.id not in seen:
            if node.id == actor.id:
                return True
            seen.add(node.id)
            node = self.session.get(Actor, node.parent_id) if node.parent_id else None
        return False


def count_actors(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Actor)).one())
