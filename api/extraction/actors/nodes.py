"""The actor nodes of one article and the registry's bookkeeping of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import Country, Gazetteer, load
from ..lexicon import person_roles
from ..textutil import clean_display, name_key, straighten
from ..types import ActorKind, ActorRef
from .patterns import LEADING_ARTICLE
from .words import (
    ARMED_HEADS,
    NAME_PARTICLES,
    NON_NAME_WORDS,
    ONE_PERSON,
    ORG_HEADS,
    ORG_SUFFIXES,
    ROLE_WORDS,
    TITLE_TOKENS,
)


@dataclass(slots=True)
class ActorNode:
    key: str
    name: str
    kind: ActorKind
    aliases: set[str] = field(default_factory=set)
    parent: str | None = None
    country: str | None = None  # canonical country name when the node is a country


@dataclass(slots=True)
class GroupBinding:
    word: str
    country: str | None
    governing: bool
    votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PronounRef:
    """An unresolved pronoun speaker ("they said"): resolved from discourse context."""

    kind: str  # "plural" | "person" | "org" | "document" (the last speaker's statement)


def possessive_strip(word: str) -> str:
    w = straighten(word)
    if w.endswith("'s"):
        return w[:-2]
    if w.endswith("s'"):
        return w[:-1]
    return w


class RegistryBase:
    """Actors of one article: the nodes and the indexes that name them."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()
        self.nodes: dict[str, ActorNode] = {}
        self.surnames: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> full surface
        self.groups: dict[str, GroupBinding] = {}
        self.alias_index: dict[str, str] = {}  # name_key(alias) -> node key
        self._cache: dict[str, str | PronounRef] = {}
        self._misses: dict[str, int] = {}
        self._generation = 0  # bumped when new names become resolvable
        #: Speakers known only by a common noun ("police", "officials in Goris"), tied to no
        #: country or name: good enough to attribute a figure, too vague for a bare statement.
        self.vague: set[str] = set()
        #: name keys the article introduces with an armed cue ("paramilitary X")
        self.armed_names: set[str] = set()
        #: the country the article is about, when one clearly dominates (see learn)
        self.home: str | None = None
        #: role word -> the person last named with it ("Minister X", "X, the spokesman")
        self.role_holders: dict[str, str] = {}

    def note_roles(self, person: str, title: str) -> None:
        """Remember the roles ``title`` gives ``person``: "the minister said" later is them."""
        roles = person_roles()
        for word in title.lower().split():
            w = word.strip(".,:;'’\"").removesuffix("'s").removesuffix("’s")
            if w in ROLE_WORDS or w in roles:
                self.role_holders[w] = person

    def role_holder(self, phrase: str) -> str | None:
        """The person a bare definite role names ("the Minister", "the spokeswoman"): the
        one the article last named with that role."""
        words = phrase.strip(" ,").split()
        if len(words) != 2 or words[0].lower() not in {"the", "this"}:
            return None
        return self.role_holders.get(words[1].lower())

    # --- node management ------------------------------------------------------------------
    def _alias(self, key: str, alias: str) -> None:
        if alias not in self.nodes[key].aliases:
            self.nodes[key].aliases.add(alias)
            self.alias_index.setdefault(name_key(alias), key)
            self._generation += 1

    def _node(
        self,
        name: str,
        kind: ActorKind,
        parent: str | None = None,
        alias: str | None = None,
        country: str | None = None,
    ) -> str:
        key = name_key(name)
        node = self.nodes.get(key)
        if node is None:
            node = ActorNode(key=key, name=name, kind=kind, parent=parent, country=country)
            self.nodes[key] = node
            self._generation += 1
        elif node.parent is None and parent is not None and parent != key:
            node.parent = parent
        if alias:
            alias = clean_display(alias)
            if alias and name_key(alias) != key:
                self._alias(key, alias)
        return key

    def country_node(self, country: Country, surface: str | None = None) -> str:
        key = self._node(country.name, ActorKind.country, country=country.name)
        for cap in country.capitals[:1]:
            self._alias(key, cap)
        if surface:
            s = clean_display(possessive_strip(surface))
            if s and name_key(s) != key and s not in country.demonyms:
                self._alias(key, s)
        return key

    def is_one_person(self, key: str) -> bool:
        """A speaker known by a singular role: "a local administrator", "one shopkeeper"
        (who "he" or "she" may refer to later)."""
        node = self.nodes[key]
        return node.kind != ActorKind.person and node.name.split()[-1].lower() in ONE_PERSON

    def chain(self, key: str) -> list[str]:
        """``key`` and the nodes it speaks for, up to its root."""
        out = [key]
        while len(out) < 16 and (parent := self.nodes[out[-1]].parent) is not None:
            if parent in out:
                break
            out.append(parent)
        return out

    def root(self, key: str | None) -> str | None:
        seen = 0
        while key is not None and seen < 16:
            parent = self.nodes[key].parent
            if parent is None:
                return key
            key = parent
            seen += 1
        return key

    def freeze(self) -> dict[str, ActorRef]:
        out: dict[str, ActorRef] = {}

        def build(key: str, depth: int = 0) -> ActorRef:
            if key in out:
                return out[key]
            node = self.nodes[key]
            parent = None
            if node.parent is not None and depth < 12 and node.parent in self.nodes:
                parent = build(node.parent, depth + 1)
            ref = ActorRef(
                name=node.name,
                kind=node.kind,
                aliases=tuple(sorted(node.aliases, key=str.lower)),
                parent=parent,
            )
            out[key] = ref
            return ref

        for key in self.nodes:
            build(key)
        return out

    def _place_in(self, text: str) -> Country | None:
        t = LEADING_ARTICLE.sub("", text.strip(" ,"))
        hit = self.gaz.place(possessive_strip(t))
        if hit is not None:
            return hit[0]
        m = self.gaz.place_regex.search(t)
        if m is not None:
            hit = self.gaz.place(possessive_strip(m.group()))
            if hit is not None:
                return hit[0]
        return None

    def _recent_with_head(self, head: str) -> str | None:
        """The latest actor of the article whose name ends with ``head`` ("the ministry") or,
        for one word, has it ("the committee": "State Committee for National Security")."""
        canon = ORG_HEADS.get(head, (head, ActorKind.other))[0].lower()
        for key in reversed(list(self.nodes)):
            node = self.nodes[key]
            if node.kind in (ActorKind.country, ActorKind.person):
                continue
            low = node.name.lower()
            if low.endswith(" " + head) or low == head or (canon != head and canon in low):
                return key
            if " " not in head and head in low.split():
                return key  # "the committee": "State Committee for National Security"
            if head == "ministry" and "ministry" in low:
                return key
        if head in {"group", "organisation", "organization"}:
            # "..., according to the Shan Relief Committee, a local aid group. ..., the
            # group said": the latest organisation of the article
            for key in reversed(list(self.nodes)):
                if self.nodes[key].kind in (ActorKind.organization, ActorKind.armed_group):
                    return key
        return None

    def _recent_with_words(self, words: list[str]) -> str | None:
        """The latest body of the article whose name has all of ``words``."""
        for key in reversed(list(self.nodes)):
            node = self.nodes[key]
            if node.kind not in (ActorKind.country, ActorKind.person) and set(words) <= set(
                node.name.lower().split()
            ):
                return key
        return None

    def _recent_of_kind(self, kind: ActorKind) -> str | None:
        """The latest actor of the article of ``kind`` ("rebel spokesman": the rebels)."""
        return next((k for k in reversed(list(self.nodes)) if self.nodes[k].kind == kind), None)

    def _recent_armed_name(self) -> str | None:
        """The latest organisation named like a fighting force ("Bangsa Raya Liberation
        Army", "Northern Front"), before the article's cues settle its kind."""
        for key in reversed(list(self.nodes)):
            node = self.nodes[key]
            words = node.name.lower().split()
            if node.kind == ActorKind.organization and words and words[-1] in ARMED_HEADS:
                return key
        for full in reversed(list(self.acronyms.values())):
            # "the Bangsa Raya Liberation Army ... the BRLA": named, not yet a speaker
            if full.split()[-1].lower() in ARMED_HEADS:
                named = self.resolve(full)
                if isinstance(named, str):
                    return named
        return None

    def _person_by_name(self, full: str) -> str | None:
        key = name_key(full)
        if key in self.nodes and self.nodes[key].kind == ActorKind.person:
            return key
        return None

    def _capitalised_run(self, tokens: list[str]) -> list[str]:
        run: list[str] = []
        for tok in reversed(tokens):
            bare = tok.rstrip(",.")
            if bare[:1].isupper() and bare.lower() not in {"the", "a", "an"}:
                run.insert(0, bare)
            else:
                break
        return run

    def _name_like(self, tok: str) -> bool:
        particle, dash, rest = tok.partition("-")
        if dash and particle in NAME_PARTICLES and rest[:1].isupper():
            tok = rest  # "al-Tayeb", "el-Amin": a surname behind its particle
        if not tok or not tok[0].isupper() or any(ch.isdigit() for ch in tok):
            return False
        low = tok.lower().rstrip(".")
        if low in NON_NAME_WORDS or tok.lower() in TITLE_TOKENS or low in person_roles():
            return False
        if low in ORG_SUFFIXES:  # "Infantry Division", "Border Guard": a body's name
            return False
        if any(part in ROLE_WORDS or part in TITLE_TOKENS for part in low.split("-")):
            return False
        if tok.endswith("'s") or tok.endswith("s'"):
            return False
        if self.gaz.place(tok) is not None or self.gaz.named(tok) is not None:
            return False
        if tok in self.groups or tok in self.acronyms:
            return False
        if tok.isupper() and len(tok) > 1 and "." not in tok:
            return False
        return not (len(tok) <= 3 and tok.endswith("."))

    def _side_label(self, side_key: str) -> str:
        node = self.nodes[side_key]
        return node.country or node.name

    def _side_demonym(self, side_key: str) -> str:
        node = self.nodes[side_key]
        if node.country:
            return self.gaz.countries[node.country].demonym
        return node.name

    def resolve(self, phrase: str) -> str | PronounRef | None:
        """Resolve an actor phrase to a node key (see :class:`ActorRegistry`)."""
        raise NotImplementedError
