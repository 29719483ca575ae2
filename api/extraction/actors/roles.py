"""Role phrases: "<side> <institution> [role]", officials, a leading side."""

from __future__ import annotations

import re

from ..gazetteer import Country
from ..textutil import clean_display
from ..types import ActorKind
from .learning import ArticleLearning
from .nodes import possessive_strip
from .patterns import (
    ACRONYM_LEADING,
    GROUP_AFTER_PLACE,
    GROUP_LEADING,
    LEADING_ARTICLE,
    LEADING_TENURE,
    MINISTRY,
    MINISTRY_WORD,
    OFFICIALS,
    OWNER_LEADING,
    POSSESSIVE_S,
    ROLE_OF,
    UPPER,
)
from .words import ORG_HEADS, ORG_SUFFIXES, ROLE_QUALIFIERS, ROLE_WORDS, TITLE_ABBREVIATIONS


class RolePhrases(ArticleLearning):
    """Phrases built on a side (country, group, acronym) and an institution or role."""

    def _resolve_role_phrase(self, text: str) -> str | None:
        """Resolve "<side> <institution> [role]" phrases and bare sides/groups."""
        t = LEADING_ARTICLE.sub("", text.strip(" ,"))
        t = LEADING_TENURE.sub("", t)
        if not t:
            return None
        # "spokesperson for Afghanistan's Ministry of Defense", "wing of the Pakistan Armed Forces"
        m = ROLE_OF.match(t)
        if m:
            return self._resolve_role_phrase(m.group(1))
        side_key, side_country, rest, _surface = self._leading_side(t)
        rest_low = rest.lower().strip()
        rest_low = POSSESSIVE_S.sub("", rest_low)
        om = OFFICIALS.match(rest_low)
        if om:
            return self._officials(side_key, side_country, rest_low, om)
        # drop trailing role words ("spokesman", "foreign minister")
        words = rest_low.split()
        had_role = bool(words) and words[-1] in ROLE_WORDS
        role_words = 0  # trailing title words: "spokesman Brigadier General"
        while words and (
            words[-1] in ROLE_WORDS
            or words[-1] in {"chief", "deputy"}
            or words[-1].rstrip(".") in TITLE_ABBREVIATIONS
        ):
            words.pop()
            role_words += 1
        while words and words[0] in {"chief", "deputy", "top", "senior", "de", "facto"}:
            words.pop(0)
        head_phrase = " ".join(words)
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
        cap_rest = rest.strip().split()
        if (
            side_key is not None
            and cap_rest
            and len(cap_rest) <= 5
            and all(w[:1].isupper() for w in cap_rest)
            and cap_rest[-1].lower() in ORG_SUFFIXES
        ):
            # a named body of a country: "the U.S. Geological Survey", "Pakistan Red Crescent
            # Society"; it speaks for itself, under its country
            return self._node(clean_display(t), ActorKind.organization, parent=side_key)
        if side_key is None and head_phrase in ORG_HEADS and role_words and not UPPER.search(t):
            # "army spokesman X": the army the article has named, else its home country's
            known = self._recent_with_head(head_phrase)
            if known is not None:
                return known
            if self.home is not None and ORG_HEADS[head_phrase][1] != ActorKind.media_outlet:
                home = self.gaz.countries[self.home]
                return self._institution(self.country_node(home), home, head_phrase, head_phrase)
        if (
            side_key is None
            and UPPER.search(t)
            and (head_phrase in ORG_HEADS or MINISTRY_WORD.search(head_phrase))
        ):
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
        return side_key if head_phrase in {"side", "forces", "troops"} else None

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
