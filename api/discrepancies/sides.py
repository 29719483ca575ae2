"""Whose people or things a figure counts: the fighting parties an article names.

"The enemy" is the claimant's one opponent; soldiers are the one state's, militants the
one armed group's; a party's own drones are what it lost, its opponent's what it downed.
Pure but for the ``Parties`` lookups it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from api.articles.models import Article
from api.claims.models import Claim
from api.discrepancies import vocabulary
from api.discrepancies.families import LOSS_MEASURES, effective_measure
from api.discrepancies.parties import Parties
from api.extraction import gazetteer

_ENEMY = re.compile(rf"\b(?:{'|'.join(vocabulary.load().enemy)})(?!\w)", re.I)
#: Person subjects that an enemy's count makes combatants ("the enemy lost 25 men").
_ENEMY_PERSONS = frozenset({"people", "police"})


def counts_enemy(claim: Claim) -> bool:
    """Whether the counted phrase says the figure is of the claimant's enemy."""
    return bool(_ENEMY.search(claim.subject_text or "") or _ENEMY.search(claim.quote))


_STATE_FORCES = frozenset(vocabulary.load().state_forces)
#: A party's own things: "of its drones", "our tanks", or lost in the passive ("no
#: aircraft was hit", "two helicopters were destroyed").
_OWN_THINGS = re.compile(
    r"\b(?:of (?:its|our|their)|our|its own|their own)\b"
    r"|\b(?:was|were|been|being)\s+(?:\w+\s+)?"
    r"(?:hit|lost|destroyed|shot down|downed|damaged|struck)\b",
    re.I,
)
_GROUP_FORCES = frozenset(vocabulary.load().group_forces)


@dataclass(frozen=True, slots=True)
class ArticleSides:
    """The fighting parties an article names (its claimants' and counted sides' parties)."""

    states: frozenset[int]
    groups: frozenset[int]
    countries: int = 0
    """How many countries the article's lede names (a quake in two countries: a figure
    "in Turkey" is one country's part of the toll)."""
    folded: tuple[tuple[int, int], ...] = ()
    """Parties the article names twice, each with the party it is (see ``_folds``)."""

    @classmethod
    def of(
        cls,
        article_claims: Sequence[Claim],
        parties: Parties,
        countries: int = 0,
        lede_states: frozenset[int] = frozenset(),
    ) -> ArticleSides:
        """``lede_states``: the countries the article's opening names; when no claimant
        or counted side names a state, one country named there is the state that fights
        (a state broadcaster's "11 fallen heroes" of an attack in Mali are Mali's).

        A body whose own fighters the article counts ("five of its fighters"), or that
        counts its enemy's ("killed 20 enemy soldiers"), fights, whatever kind of body it
        was taken for."""
        named = {parties.belligerent(c.claimant_id) for c in article_claims}
        named |= {parties.belligerent(c.subject_side_id) for c in article_claims}
        named |= {parties.root(c.subject_side_id) for c in article_claims if _own_fighters(c)}
        named |= {parties.root(c.claimant_id) for c in article_claims if counts_enemy(c)}
        fighting = {p for p in named if p is not None}
        actors = {parties.root(c.claimant_id) for c in article_claims} | fighting
        folds = _folds(fighting, {a for a in actors if a is not None}, parties, lede_states)
        fighting = {folds.get(p, p) for p in fighting}
        groups = frozenset(p for p in fighting if parties.kind(p) not in STATE_KINDS)
        states = frozenset(fighting - groups)
        if not states and len(lede_states) == 1:
            states = lede_states
        return cls(states, groups, countries, tuple(sorted(folds.items())))

    def canonical(self, party: int | None) -> int | None:
        """The party as the article's fighting parties name it (see ``_folds``)."""
        return next((to for of, to in self.folded if of == party), party)

    def member(self, actor_id: int | None, parties: Parties) -> int | None:
        """The fighting party an actor speaks for in this article, if any."""
        party = self.canonical(parties.root(actor_id))
        return party if party is not None and party in self.states | self.groups else None

    def opponent(self, claim: Claim, parties: Parties) -> int | None:
        """The claimant's enemy: the one other fighting party the article names."""
        own = self.member(claim.claimant_id, parties)
        if own is None:
            return None
        others = (self.states | self.groups) - {own}
        return next(iter(others)) if len(others) == 1 else None

    def whose_things(self, claim: Claim, parties: Parties) -> int | None:
        """Whose drones or tanks a party's figure counts, by how it is said: what it lost
        ("none of its drones was shot down", "no aircraft was hit") is its own; what it
        downed or destroyed ("intercepted 22 drones") is its one opponent's."""
        own = self.member(claim.claimant_id, parties)
        if own is None:
            return None
        if _OWN_THINGS.search(claim.quote):
            return own
        if effective_measure(claim) in LOSS_MEASURES:
            return self.opponent(claim, parties)
        return None

    def side_of_forces(self, subject_text: str | None) -> int | None:
        """Whose forces the counted noun names, when the article leaves one choice: the
        one state's soldiers, the one armed group's militants."""
        head = _forces_head(subject_text)
        if head in _STATE_FORCES and len(self.states) == 1:
            return next(iter(self.states))
        if head in _GROUP_FORCES and len(self.groups) == 1:
            return next(iter(self.groups))
        return None


NO_SIDES = ArticleSides(frozenset(), frozenset())

#: Kinds of the parties whose forces are a state's (soldiers, police), not a group's.
STATE_KINDS = frozenset({"country", "government", "military"})
#: Nouns by which a body counts its own fighters ("five of its fighters had died").
_FIGHTERS = frozenset(vocabulary.load().own_fighters) | _GROUP_FORCES
#: A name cut short must be at least this long to stand for the full one.
_SHORT_NAME = 4


def _own_fighters(claim: Claim) -> bool:
    """Whether the figure counts the fighters of the side it names."""
    return claim.subject_side_id is not None and _forces_head(claim.subject_text) in _FIGHTERS


def _folds(
    fighting: set[int], actors: set[int], parties: Parties, lede: frozenset[int] = frozenset()
) -> dict[int, int]:
    """Parties an article names twice, each with the one it is: a state body of no named
    country (an unattached "military" or "defence ministry") is the one country's that the
    article's fighting parties and its opening (``lede``) name; a name cut short ("the
    Front" beside "the Front for Unity", read from "fighters of the Front for Unity") is
    the full name's party."""
    folds: dict[int, int] = {}
    countries = list({p for p in fighting if parties.kind(p) == "country"} | lede)
    if len(countries) == 1:
        for p in fighting:
            if p != countries[0] and parties.kind(p) in ("military", "government"):
                folds[p] = countries[0]
    names = {a: (parties.name(a) or "").lower() for a in actors}
    for p in fighting - folds.keys():
        short = names.get(p) or (parties.name(p) or "").lower()
        if len(short) < _SHORT_NAME:
            continue
        longer = [a for a, name in names.items() if a != p and name.startswith(short + " ")]
        if len(longer) == 1:
            folds[p] = longer[0]
    return folds


def _forces_head(subject_text: str | None) -> str | None:
    words = (subject_text or "").lower().replace("’", "'").split()
    if not words:
        return None
    return " ".join(words[-2:]) if " ".join(words[-2:]) in _STATE_FORCES else words[-1]


def forces_of_other_kind(
    side: int, subject_text: str | None, parties: Parties, groups: frozenset[int] = frozenset()
) -> bool:
    """Whether the counted noun names forces of another kind than the side's: "74
    attackers" are not a state's, "11 soldiers" not an armed group's (``groups``: the
    article's fighting groups, whatever kind of body each was taken for). A phrase that
    names a side or several forces ("Taliban troops and aligned militants") is not
    judged."""
    words = (subject_text or "").split()
    if any(w[:1].isupper() for w in words) or "and" in words or "or" in words:
        return False  # a named side ("Taliban troops") or several kinds of forces
    head = _forces_head(subject_text)
    kind = parties.kind(side)
    if head in _GROUP_FORCES:
        return kind in STATE_KINDS
    return head in _STATE_FORCES and (kind == "armed_group" or side in groups)


_LEDE_CHARS = 600


def lede_country_names(article: Article, *, demonyms: bool = False) -> set[str]:
    """The countries an article's title and opening name (by name or alias, and by
    demonym too when ``demonyms``: "Malian soldiers")."""
    gaz = gazetteer.load()
    text = f"{article.title} {article.body[:_LEDE_CHARS]}"
    words = re.findall(r"[A-Z][\w'’-]+", text)
    if demonyms:  # and a dateline's capital: "BAMAKO (Reuters) -"
        words += [w.title() for w in words if w.isupper() and len(w) > 3]
    found = {gaz.place(w) for w in words}
    return {hit[0].name for hit in found if hit is not None and (demonyms or hit[1] != "demonym")}


def lede_countries(article: Article) -> int:
    """How many countries an article's title and opening name."""
    return len(lede_country_names(article))
