"""Whom a claim speaks for: the party at the root of its claimant's ``parent`` chain.

A state's ministries, military and officials speak for the country; an organisation of
its own (a union, a relief group, an armed group, an outlet) does not. An unattributed
figure is its outlet's own report (see ``source_of``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from api.actors.models import Actor
from api.discrepancies import stored
from api.names import normalize_name

#: Actor kinds that speak for themselves, not for the country they are placed in.
INDEPENDENT_KINDS = frozenset({"organization", "armed_group", "media_outlet", "other"})
#: Kinds of the parties that fight: whose soldiers and drones are counted.
BELLIGERENT_KINDS = frozenset({"country", "armed_group", "government", "military"})


class Parties:
    """Maps actors to the party they speak for: the root of their ``parent`` chain."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._root: dict[int, int] = {}
        self._parent: dict[int, int | None] = {}  # actor id -> parent id, as loaded
        self._kind: dict[int, str] = {}
        self._name: dict[int, str] = {}

    def prefetch(self, actor_ids: Iterable[int | None]) -> None:
        """Load the actors' parent chains, one query per chain level."""
        wanted = {i for i in actor_ids if i is not None} - self._root.keys() - self._parent.keys()
        while wanted:
            rows = self.session.exec(
                select(Actor.id, Actor.parent_id, Actor.kind, Actor.name).where(
                    col(Actor.id).in_(wanted)
                )
            ).all()
            for actor_id, parent_id, kind, name in rows:
                if actor_id is not None:
                    self._parent[actor_id] = parent_id
                    self._kind[actor_id] = kind
                    self._name[actor_id] = name
            for missing in wanted - self._parent.keys():
                self._parent[missing] = None
            wanted = {p for _, p, _, _ in rows if p is not None} - self._parent.keys()

    def _parent_of(self, actor_id: int) -> int | None:
        """The party ``actor_id`` speaks for above itself, if any.

        A state's ministries, military and officials speak for the country; an
        organisation of its own (a union, a relief group, an armed group, an outlet) that
        the text places in a country ("Sudan Medics Union") does not.
        """
        if actor_id not in self._parent:
            self.prefetch([actor_id])
        parent = self._parent[actor_id]
        if (
            parent is not None
            and self._kind.get(actor_id) in INDEPENDENT_KINDS
            and self._kind.get(parent) == "country"
        ):
            return None
        return parent

    def kind(self, actor_id: int) -> str | None:
        if actor_id not in self._parent:
            self.prefetch([actor_id])
        return self._kind.get(actor_id)

    def name(self, actor_id: int) -> str | None:
        if actor_id not in self._parent:
            self.prefetch([actor_id])
        return self._name.get(actor_id)

    def belligerent(self, actor_id: int | None) -> int | None:
        """The party ``actor_id`` fights for: its root, when that is a state or an armed
        group (not a union, an outlet or a person of no body)."""
        root = self.root(actor_id)
        return root if root is not None and self.kind(root) in BELLIGERENT_KINDS else None

    def root(self, actor_id: int | None) -> int | None:
        if actor_id is None:
            return None
        if actor_id in self._root:
            return self._root[actor_id]
        chain: list[int] = []
        node: int | None = actor_id
        while node is not None and node not in chain and len(chain) < 32:
            if node in self._root:
                node = self._root[node]
                break
            chain.append(node)
            parent = self._parent_of(node)
            if parent is None:
                break
            node = parent
        root = node if node is not None else actor_id
        for item in chain:
            self._root[item] = root
        return root


#: Kinds of the bodies of a state that may be placed in no country ("the military").
STATE_BODY_KINDS = frozenset({"military", "government"})


def fold_state_bodies(
    speakers: Iterable[int | str | None], parties: Parties
) -> dict[int | str | None, int | str | None]:
    """Whom each of a fact's speakers speaks for, a state body placed in no country and
    named by common nouns only ("the military", "the defence ministry") taken as the one
    country the fact's other speakers name: the army's toll and "the military"'s are one
    claimant's figures. A body with a name ("a source quoted by RusInform") may be the
    other country's: it stays as it is."""
    given = list(dict.fromkeys(speakers))
    ids = [p for p in given if isinstance(p, int)]
    countries = [p for p in ids if parties.kind(p) == "country"]
    folded: dict[int | str | None, int | str | None] = {p: p for p in given}
    if len(countries) == 1:
        for p in ids:
            name = parties.name(p) or ""
            if parties.kind(p) in STATE_BODY_KINDS and name and name == name.lower():
                folded[p] = countries[0]
    return folded


def source_of(article: stored.ArticleSource) -> str:
    """Independent sources are publishers; an article without one counts as its own."""
    if article.publisher:
        return "publisher:" + normalize_name(article.publisher)
    return f"article:{article.id}"
