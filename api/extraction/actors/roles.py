"""Role phrases: "<side> <institution> [role]", officials, a leading side."""

from __future__ import annotations

import re

from ..gazetteer import Country
from ..textutil import clean_display, name_key
from ..types import ActorKind
from .learning import ArticleLearning
from .nodes import possessive_strip
from .patterns import (
    ACRONYM_LEADING,
    BODY_POSSESSIVE,
    GROUP_AFTER_PLACE,
    GROUP_LEADING,
    LEADING_ARTICLE,
    LEADING_TENURE,
    MINISTRY,
    MINISTRY_WORD,
    NAMED_DEPARTMENT,
    OFFICIALS,
    ORDINAL,
    OWNER_LEADING,
    POSSESSIVE_S,
    ROLE_FOR_BODY,
    ROLE_OF,
    SUB_BODY_OF,
    UPPER,
)
from .words import (
    ARMED_CUES,
    BODY_NOUNS,
    MILITARY_BODY_HEADS,
    NAME_GLUE,
    ORG_HEADS,
    ORG_SUFFIXES,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    STATE_BODY_HEADS,
    TITLE_ABBREVIATIONS,
)


def _strip_roles(words: list[str]) -> tuple[str, int]:
    """The institution words of a role phrase without its trailing title words ("army
    spokesman Brigadier General" -> "army"), and how many title words were dropped."""
    words = list(words)
    role_words = 0
    while words and (
        words[-1] in ROLE_WORDS
        or words[-1] in {"chief", "deputy"}
        or words[-1].rstrip(".") in TITLE_ABBREVIATIONS
    ):
        words.pop()
        role_words += 1
    while words and words[0] in {"chief", "deputy", "top", "senior", "de", "facto"}:
        words.pop(0)
    return " ".join(words), role_words


def body_head(words: list[str]) -> str:
    """The head noun of a body's name: the word before its first "of"/"for" ("State
    Committee for National Security" -> committee), else its last word."""
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        if w in {"of", "for", "on", "to"} and i > 0:
            return low[i - 1]
    return low[-1]


def state_kind(words: list[str]) -> ActorKind:
    """The kind of a body a country names as its own, from its head noun."""
    head = body_head(words)
    if head in MILITARY_BODY_HEADS:
        return ActorKind.military
    if head in STATE_BODY_HEADS:
        return ActorKind.government
    return ActorKind.organization


class RolePhrases(ArticleLearning):
    """Phrases built on a side (country, group, acronym) and an institution or role."""

    def _resolve_role_phrase(self, text: str) -> str | None:
        """Resolve "<side> <institution> [role]" phrases and bare sides/groups."""
        t = LEADING_ARTICLE.sub("", text.strip(" ,"))
        t = LEADING_TENURE.sub("", t)
        if not t:
            return None
        # "spokesperson for Afghanistan's Ministry of Defense", "wing of the Pakistan Armed Forces"
        sub = SUB_BODY_OF.match(t)
        if sub is not None:
            # "the press centre of the State Committee": a part speaking for the body
            body = self._resolve_role_phrase(sub.group(2)) or self._described_body(sub.group(2))
            if body is not None:
                name = clean_display(sub.group(1).lower())
                return self._node(name, self.nodes[body].kind, parent=body)
        if NAMED_DEPARTMENT.fullmatch(t):
            return self._node(clean_display(t), ActorKind.government)
        m = ROLE_OF.match(t)
        if m:
            inner = m.group(1)
            found = self._resolve_role_phrase(inner) or self._described_body(inner)
            return found or self._body_spoken_for(t, inner)
        owner = BODY_POSSESSIVE.match(t)
        if owner is not None:
            # "the service's spokesman", "the army's 6th Division": the body named before
            # (as "service spokesman", "army spokesman" would)
            known = self._unsided_body(owner.group(1), owner.group(1), 1)
            if known is not None:
                return known
        side_key, side_country, rest, _surface = self._leading_side(t)
        rest_low = rest.lower().strip()
        rest_low = POSSESSIVE_S.sub("", rest_low)
        om = OFFICIALS.match(rest_low)
        if om:
            return self._officials(side_key, side_country, rest_low, om)
        head_phrase, role_words = _strip_roles(rest_low.split())
        had_role = role_words > 0 and rest_low.split()[-1] in ROLE_WORDS
        if side_key is None and not head_phrase:
            return None
        if not head_phrase:
            return side_key
        if head_phrase in ORG_HEADS and side_key is not None:
            return self._institution(side_key, side_country, head_phrase, rest)
        # Ministry of X / X Ministry
        mm = MINISTRY.fullmatch(head_phrase)
        if mm and side_key is not None:
            topic = (mm.group(1) or mm.group(2)).title()
            return self._node(
                f"{self._side_label(side_key)} Ministry of {topic}",
                ActorKind.government,
                parent=side_key,
                alias=text,
            )
        if had_role and side_key is not None:
            return side_key
        if side_key is not None:
            return self._country_body(side_key, t, rest, head_phrase)
        return self._unsided_body(t, head_phrase, role_words)

    def _body_spoken_for(self, phrase: str, inner: str) -> str | None:
        """ "the official spokesman of the armed forces", "a spokeswoman for the prefecture":
        the body named after "of" or "for", however it is named (not the body an envoy is
        sent to, nor a person)."""
        if not ROLE_FOR_BODY.search(phrase[: len(phrase) - len(inner)]):
            return None
        key = self.resolve(inner)
        if not isinstance(key, str) or self.nodes[key].kind == ActorKind.person:
            return None
        return key

    def _country_body(self, side_key: str, t: str, rest: str, head_phrase: str) -> str | None:
        """A named body of a side: "the U.S. Geological Survey", "Kyrgyzstan's State Border
        Service", "Pakistan Red Crescent Society". A country's own bodies (a service, a
        committee, its troops) speak for the country; others for themselves, under it."""
        words = rest.strip().split()
        if not (
            words
            and len(words) <= 8
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in NAME_GLUE or w == "the" for w in words)
            and body_head(words) in ORG_SUFFIXES | STATE_BODY_HEADS | MILITARY_BODY_HEADS
        ):
            return side_key if head_phrase in {"side", "forces", "troops"} else None
        kind = ActorKind.organization
        if self.nodes[side_key].kind == ActorKind.country:
            kind = state_kind(words)
        return self._node(clean_display(t), kind, parent=side_key, alias=clean_display(rest))

    def _unsided_body(self, t: str, head_phrase: str, role_words: int) -> str | None:
        """A role phrase naming no side: "army spokesman", "union president", "Gaza police
        chief"."""
        if head_phrase in ORG_HEADS and role_words and not UPPER.search(t):
            # "army spokesman X": the army the article has named, else its home country's
            known = self._recent_with_head(head_phrase)
            if known is not None:
                return known
            if self.home is not None and ORG_HEADS[head_phrase][1] != ActorKind.media_outlet:
                home = self.gaz.countries[self.home]
                return self._institution(self.country_node(home), home, head_phrase, head_phrase)
        if UPPER.search(t) and (head_phrase in ORG_HEADS or MINISTRY_WORD.search(head_phrase)):
            # "Army spokesman Brigadier General X": the article's army, when it has one
            if head_phrase in ORG_HEADS and role_words:
                known = self._recent_with_head(head_phrase)
                if known is not None:
                    return known
            # an institution of a place the gazetteer does not know: "the Gaza health ministry"
            kind = ORG_HEADS[head_phrase][1] if head_phrase in ORG_HEADS else ActorKind.government
            name = clean_display(t)
            if role_words:  # the institution, not the person's title: "Gaza police chief"
                name = clean_display(" ".join(t.split()[:-role_words]) or t)
            return self._node(name, kind)
        if role_words and not UPPER.search(t[1:]) and head_phrase in BODY_NOUNS:
            # "union president X", "company spokesman X": the union the article has named
            return self._recent_with_head(head_phrase)
        if role_words and not UPPER.search(t[1:]) and head_phrase in ARMED_CUES:
            # "rebel spokesman X": the armed group the article has named
            return self._recent_of_kind(ActorKind.armed_group) or self._recent_armed_name()
        return None

    def _body_of_country(self, tokens: list[str]) -> str | None:
        """ "<body> of <Country>": "the Ministry of Health of Moldova", "the Border Troops of
        the State Committee ... of the Republic of Tajikistan" are the country's."""
        if "of" not in tokens[1:-1]:
            return None
        i = len(tokens) - 1 - tokens[::-1].index("of")
        tail = tokens[i + 1 :]
        while tail and tail[0].lower() in {"the", "republic", "of", "kingdom", "state"}:
            tail = tail[1:]
        hit = self.gaz.place(possessive_strip(" ".join(tail).rstrip(",."))) if tail else None
        body = tokens[:i]
        if body and body[0].lower() == "the":
            body = body[1:]
        if (
            hit is None
            or hit[1] == "demonym"
            or not body
            or not body[0][:1].isupper()
            or not all(w[:1].isupper() or w in NAME_GLUE or w == "the" for w in body)
            or body_head(body) not in ORG_SUFFIXES | STATE_BODY_HEADS | MILITARY_BODY_HEADS
        ):
            return None
        country = self.country_node(hit[0])
        phrase = " ".join(body).lower()
        name = clean_display(" ".join(tokens[1:] if tokens[0].lower() == "the" else tokens))
        if phrase in ORG_HEADS:  # "the Government of Pakistan": its government
            return self._institution(country, hit[0], phrase, name)
        return self._node(name, state_kind(body), parent=country)

    def _unit_body(self, tokens: list[str], cap_run: list[str]) -> str:
        """A named body of no named side: one the article named in full before ("the State
        Committee"), else a new one. A numbered military unit ("the 22nd Jungle
        Brigade", "the army's 6th Infantry Division") is the home country's forces'."""
        known = self._recent_with_words([w.lower() for w in cap_run])
        if known is not None:
            return known  # "the State Committee": "State Committee for National Security"
        before = tokens[len(tokens) - len(cap_run) - 1] if len(tokens) > len(cap_run) else ""
        if not ORDINAL.fullmatch(before):
            return self._node(" ".join(cap_run), ActorKind.organization)
        name = clean_display(f"{before} {' '.join(cap_run)}")
        if self.home is None or body_head(cap_run) not in MILITARY_BODY_HEADS:
            return self._node(name, ActorKind.organization)
        home = self.gaz.countries[self.home]
        army = self._institution(self.country_node(home), home, "military", "military")
        return self._node(name, ActorKind.military, parent=army)

    def _described_body(self, text: str) -> str | None:
        """The body a role is of or for, by description: "the group" (the latest group of
        the article), "mine operator Acme Mining" (the capitalised name is the body)."""
        t = LEADING_ARTICLE.sub("", text.strip(" ,"))
        words = t.split()
        if not words:
            return None
        if all(w.islower() for w in words):
            return self._recent_with_head(words[-1]) if words[-1] in BODY_NOUNS else None
        lead = 0
        while lead < len(words) and words[lead].islower():
            lead += 1
        name = words[lead:]
        if not name or not all(w[:1].isupper() or w in NAME_GLUE for w in name):
            return None
        full = clean_display(" ".join(name))
        if self.gaz.place(possessive_strip(full)) is not None:
            return None
        known = self.alias_index.get(name_key(full))
        return known or self._unit_body(words, name)

    def _officials(
        self,
        side_key: str | None,
        side_country: Country | None,
        head_phrase: str,
        om: re.Match[str],
    ) -> str:
        mods = head_phrase[: om.start("head")].strip()
        head = om.group("head").lower()
        plural = {"official": "officials", "source": "sources"}.get(head, head)
        if side_key is not None:
            label = self._side_demonym(side_key)
            name = " ".join(x for x in (label, mods, plural) if x)
            kind = ActorKind.government if plural == "officials" else ActorKind.other
            parent: str | None = side_key
            if mods in {"military", "army"}:
                parent = self._institution(side_key, side_country, "military", "military")
            return self._node(name, kind, parent=parent)
        return self._node(" ".join(x for x in (mods, plural) if x), ActorKind.other)

    def _institution(
        self, side_key: str, side_country: Country | None, head_phrase: str, surface: str
    ) -> str:
        head, kind = ORG_HEADS[head_phrase]
        node = self.nodes[side_key]
        if node.kind in (ActorKind.government, ActorKind.armed_group) and head == "government":
            # "Taliban government", "Taliban administration": the group itself.
            self._alias(side_key, f"{node.name} {head_phrase}")
            return side_key
        country_key = self.root(side_key) if node.kind != ActorKind.country else side_key
        base = self.nodes[country_key].country if country_key else None
        label = base or node.name
        parent: str | None
        if head.startswith("Ministry") or head in {"executive office", "embassy", "parliament"}:
            name = f"{label} {head}"
            parent = side_key
        elif head == "media":
            demonym = self.gaz.countries[base].demonym if base else label
            name = f"{demonym} {head_phrase}"
            parent = country_key
        else:
            name = f"{label} {head}"
            parent = country_key
        alias = surface if surface.lower() != head_phrase else None
        return self._node(
            name,
            kind,
            parent=parent,
            alias=(f"{node.name} {surface}" if alias and not surface[:1].isupper() else alias),
        )

    def _leading_side(self, t: str) -> tuple[str | None, Country | None, str, str]:
        """Split a leading side reference ("Pakistani", "Afghanistan's", "Taliban-run")."""
        m = self.gaz.place_regex.match(t)
        if m:
            surface = possessive_strip(m.group())
            hit = self.gaz.place(surface)
            if hit is not None:
                rest = t[m.end() :].lstrip()
                gm = GROUP_AFTER_PLACE.match(rest)
                if gm and gm.group(1) in self.groups:
                    key = self.group_node(gm.group(1), hit[0], f"{surface} {gm.group(1)}")
                    return key, hit[0], rest[gm.end() :].lstrip(), surface
                return self.country_node(hit[0], surface), hit[0], rest, surface
        gm = GROUP_LEADING.match(t)
        if gm and gm.group(1) in self.groups:
            return self.group_node(gm.group(1), None, gm.group(1)), None, t[gm.end() :].lstrip(), ""
        for acr in self.acronyms:
            if t.startswith(acr + " ") or t == acr:
                target = self.resolve(self.acronyms[acr])
                if isinstance(target, str):
                    return target, None, t[len(acr) :].lstrip(), acr
        om = OWNER_LEADING.match(t) or ACRONYM_LEADING.match(t)
        if om:
            word, rest = om.group(1), om.group(2)
            words = rest.lower().split()
            while words and words[0] in ROLE_QUALIFIERS:
                words.pop(0)
            if (
                words
                and words[0] in ROLE_WORDS
                and word.lower() not in ORG_HEADS
                and (self._name_like(word) or (word.isupper() and word.isalpha()))
            ):
                return self._node(word, ActorKind.organization), None, rest, word
        return None, None, t, ""
