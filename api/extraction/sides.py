"""Whose people or things a figure counts (the side), from the counted phrase, the verb
and the other claims of the article."""

from __future__ import annotations

import re

from .context import ExtractorContext
from .drafts import DraftClaim, Reading
from .measures import PERSON_CATEGORIES
from .quantities import QuantityMatch
from .subjects import SubjectParse
from .types import ActorKind

#: Counted heads that, said by a military or government about no named side, are its own.
_OWN_HEADS = frozenset(
    {
        "soldier",
        "soldiers",
        "troops",
        "troop",
        "servicemen",
        "serviceman",
        "servicemembers",
        "personnel",
        "sailors",
        "airmen",
        "marines",
        "officers",
        "guards",
        "policemen",
        "paramilitaries",
        "commandos",
        "recruits",
        "guardsmen",
    }
)
_OWN_MEASURES = frozenset({"killed", "wounded", "casualties", "missing", "abducted", "captured"})
#: Verbs by which a party counts its own losses ("Russian forces lost 1,200 troops").
LOSS_VERB = re.compile(r"(?:lost|loses|lose|losing|suffered|suffers|suffer)", re.I)
_LOSS_AUX = re.compile(r"(?:\s+(?:had|has|have|also|reportedly|allegedly|already))+\s*$", re.I)
_CLAUSE_START = re.compile(r"[,;:]|\bthat\b|\b(?:said|says|say|added|claimed)\b")
#: A loser that is the speaker itself: "the army said it had lost four soldiers".
_OWN_SUBJECT = re.compile(
    r"(?:it|we|they|the\s+army|the\s+military|its\s+forces|our\s+forces|the\s+forces|"
    r"the\s+armed\s+forces|its\s+troops|our\s+troops)"
)
#: Measures for which "the fighters" a party counts are its opponent's (see _opposing_sides).
_OPPONENT_MEASURES = frozenset({"killed", "wounded", "captured"})
_PARTY_KINDS = frozenset({ActorKind.armed_group, ActorKind.military, ActorKind.government})
#: Modifiers that make what is counted a state's: "army outposts", "government troops".
_STATE_MODIFIERS = frozenset(
    {"army", "military", "government", "junta", "regime", "police", "state", "federal"}
)
_LOSER_KINDS = _PARTY_KINDS | {ActorKind.organization, ActorKind.country}
#: What a state's forces call the other side's dead ("more than 50 rebels had been killed").
_ENEMY_NOUNS = frozenset(
    {
        "rebels",
        "militants",
        "insurgents",
        "terrorists",
        "jihadists",
        "gunmen",
        "attackers",
        "fighters",
        "separatists",
        "extremists",
        "bandits",
        "infiltrators",
    }
)


def _own_head(subj: SubjectParse) -> bool:
    """Counted people a state's forces call their own when no side is named ("soldiers")."""
    return (
        subj.possessive is None
        and not subj.side_words
        and subj.surface is not None
        and subj.surface.split()[-1].lower() in _OWN_HEADS
    )


def is_agentive(s: str, q: QuantityMatch, r: Reading) -> bool:
    """The measure verb comes before the number ("killed 30 fighters"), and is not a loss
    verb: the claimant's side did it, so what is counted is the other side's."""
    hit = r.hit
    return (
        hit is not None and hit.start < q.start and not LOSS_VERB.fullmatch(s[hit.start : hit.end])
    )


class SideRules(ExtractorContext):
    """The side of what a figure counts."""

    def _counted_side(
        self,
        s: str,
        q: QuantityMatch,
        subj: SubjectParse,
        r: Reading,
        claimant: str | None,
        prev_any: DraftClaim | None,
    ) -> tuple[str | None, bool]:
        """(side, state_other): whose people or things are counted; ``state_other`` when
        they are a state's counted by its opponent (settled later by _opposing_sides)."""
        side = self._named_side(s, subj, r, claimant)
        state_other = False
        if side is None and claimant is not None and subj.surface and subj.possessive is None:
            modifiers = {w.lower() for w in subj.surface.split()[:-1]}
            if modifiers & _STATE_MODIFIERS:
                # "army outposts", "government troops": the state's; said by the state
                # itself its own, said by anyone else the state they fight (see
                # _opposing_sides)
                root = self.reg.root(claimant)
                if root is not None and self.reg.nodes[root].kind == ActorKind.country:
                    side = root
                else:
                    state_other = True
            elif "enemy" in modifiers:
                state_other = True
        if subj.others and prev_any is not None and side is None and not state_other:
            side = prev_any.side
        own_losses = (
            claimant is not None
            and _own_head(subj)
            and r.measure in _OWN_MEASURES
            and r.hit is not None
            and r.hit.start >= q.end
        )
        if side is None and own_losses and claimant is not None:
            side = self._own_side(claimant)
        if (
            side is None
            and not state_other
            and prev_any is not None
            and prev_any.claimant == claimant
            and not (is_agentive(s, q, r) and prev_any.side == self.reg.root(claimant))
            and (subj.empty or subj.others or r.category in PERSON_CATEGORIES | {"posts"})
        ):
            side = prev_any.side
        if side is None and own_losses and claimant is not None:
            # "seven soldiers had died", said by the army's spokesman: the army's side
            side = self._own_chain_side(claimant)
        return side, state_other

    def _own_chain_side(self, claimant: str) -> str | None:
        """The country of the first military or government body ``claimant`` speaks for."""
        return next(
            (o for k in self.reg.chain(claimant) if (o := self._own_side(k)) is not None), None
        )

    def _named_side(
        self, s: str, subj: SubjectParse, r: Reading, claimant: str | None
    ) -> str | None:
        """The side the counted phrase or its verb names: "its soldiers", "Pakistani
        troops", "20 Hamas fighters", "Russia lost 1,200 troops"."""
        side: str | None = None
        if subj.possessive == "own" and claimant is not None:
            side = self.reg.root(claimant)
        elif subj.possessive is None:
            side = next(
                (self.reg.root(k) for w in subj.side_words if (k := self.reg.side_of_word(w))),
                None,
            )
        if side is None and subj.possessive is None and r.category == "combatants":
            # "20 Hamas fighters", "RSF gunmen": a named group is the side, whatever it is
            for word in subj.side_words:
                named = self.reg.resolve(word)
                if named is None:
                    named = self.reg.guess_named(word)  # a group the article has not named
                    if named is not None:
                        self.reg.armed_names.add(named)
                if isinstance(named, str):
                    side = self.reg.root(named)
                    break
        if side is None and r.inherited_side is not None:
            side = r.inherited_side
        hit = r.hit
        if side is None and hit is not None and LOSS_VERB.fullmatch(s[hit.start : hit.end]):
            side = self._loser_side(s[: hit.start], claimant)
            if side is None and claimant is not None and _own_head(subj):
                # "its troops killed 23 fighters and lost four soldiers": its own
                side = self._own_chain_side(claimant)
        return side

    def _opposing_sides(self, texts: dict[int, str]) -> None:
        """Whose fighters a party says it killed, when the text says it only by context.

        "The army said it repelled an attack by the Rapid Support Forces, killing more than
        100 fighters": the fighters are the one other belligerent (country or armed group
        among the article's speakers) the sentence names; when it names none besides the
        speaker's own side, the article's one other belligerent, for what the speaker did
        ("killing 40 terrorists"), for what a state calls its enemies ("50 rebels had been
        killed") and for the state's assets counted by others ("12 army outposts"). Runs
        after every sentence has been read, so names introduced later ("The RSF said")
        count.
        """
        for c in self.state.claims:
            # an organisation that counts its own fighters is an armed group
            if c.subject == "combatants" and c.claimant is not None and c.side is not None:
                root = self.reg.root(c.claimant)
                if root == c.side and root is not None:
                    self.reg.armed_names.add(root)
        self.reg.settle_kinds()
        forms: list[tuple[re.Pattern[str], str]] | None = None
        for c in self.state.claims:
            if (
                c.side is not None
                or c.claimant is None
                or (c.subject != "combatants" and not c.opponent)
                or c.measure not in _OPPONENT_MEASURES
            ):
                continue
            if forms is None:
                forms = self._party_forms()
            others = self._other_parties(c, forms, texts.get(c.sentence, ""))
            if len(others) == 1:
                c.side = others.pop()

    def _party_forms(self) -> list[tuple[re.Pattern[str], str]]:
        """The names (and capitalised aliases) of the parties the article's claims are
        attributed to, as patterns, with their node keys."""
        speakers = {x.claimant for x in self.state.claims if x.claimant is not None}
        parties = {
            key
            for speaker in speakers
            for key in self.reg.chain(speaker)
            if self.reg.nodes[key].kind in _PARTY_KINDS
        }
        return [
            (re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)"), key)
            for key in sorted(parties)
            for form in (self.reg.nodes[key].name, *self.reg.nodes[key].aliases)
            if len(form) > 2 and form[0].isupper()
        ]

    def _other_parties(
        self, c: DraftClaim, forms: list[tuple[re.Pattern[str], str]], text: str
    ) -> set[str | None]:
        """The belligerents other than the claimant's own side that the sentence names, or
        the article's when it names none and the claim speaks of an enemy."""
        own = self.reg.root(c.claimant)
        named = {
            root
            for pattern, key in forms
            if pattern.search(text) and self._belligerent(root := self.reg.root(key))
        }
        others = named - {own}
        enemy = (
            c.subject_text is not None
            and c.subject_text.split()[-1].lower() in _ENEMY_NOUNS
            and own is not None
            and self.reg.nodes[own].kind == ActorKind.country
        )
        if not others and (c.agentive or enemy or c.opponent):
            # "killing 40 terrorists" and the sentence names no other party: the
            # article's one other party, if it has just one
            others = {
                root for _pattern, key in forms if self._belligerent(root := self.reg.root(key))
            } - {own}
        return others

    def _belligerent(self, key: str | None) -> bool:
        """A party that fights: a country (its forces) or an armed group."""
        return key is not None and self.reg.nodes[key].kind in (
            ActorKind.country,
            ActorKind.armed_group,
        )

    def _loser_side(self, before: str, claimant: str | None) -> str | None:
        """Whose losses "X lost N soldiers" counts: the side of X, the verb's subject."""
        subject = _LOSS_AUX.sub("", _CLAUSE_START.split(before)[-1]).strip(" \"“”'‘’")
        if not subject or len(subject.split()) > 5:
            return None
        for word in reversed(subject.split()):  # the word nearest the verb
            if word[:1].isupper():
                side = self.reg.side_of_word(word)
                if side is not None:
                    return self.reg.root(side)
        if claimant is not None and _OWN_SUBJECT.fullmatch(subject.lower()):
            for key in self.reg.chain(claimant):
                own = self._own_side(key)
                if own is not None:
                    return own
            root = self.reg.root(claimant)
            if root is not None and self.reg.nodes[root].kind in _LOSER_KINDS:
                return root  # "We lost six comrades", said for an armed group
        return None

    def _own_side(self, claimant: str) -> str | None:
        """The country of a military/government speaker talking about unnamed soldiers."""
        node = self.reg.nodes[claimant]
        if node.kind not in (ActorKind.military, ActorKind.government, ActorKind.country):
            return None
        root = self.reg.root(claimant)
        if root is not None and self.reg.nodes[root].kind == ActorKind.country:
            return root
        return None
