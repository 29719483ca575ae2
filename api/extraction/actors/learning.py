"""The article pre-pass: acronyms, named groups and their countries, the home country."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from ..gazetteer import Country
from ..textutil import name_key, straighten
from ..types import ActorKind
from .nodes import GroupBinding, RegistryBase, possessive_strip
from .patterns import (
    ACRONYM,
    ACRONYM_HEAD,
    ARMED_NAME,
    ARMED_NAME_AFTER,
    BORDER_AFTER,
    CAPITALISED_RUN,
    DATELINE,
    GOVERNING_GROUP,
    INITIALISM,
    LEARN_SENTENCE_SPLIT,
    LEDE_END,
    PREFIXED_GROUP,
    TITLED_NAME,
)
from .words import COMMON_ADJECTIVES, GOVERNING_KEYS, NON_NAME_WORDS


class ArticleLearning(RegistryBase):
    """What the whole article tells about its actors before its sentences are read."""

    def learn(self, body: str) -> None:
        """Learn acronyms and the country binding of named groups from the whole article."""
        text = straighten(body)
        for m in ACRONYM.finditer(text):
            head = ACRONYM_HEAD.search(text, max(0, m.start() - 120), m.start())
            if head is None:
                continue
            full, acr = head.group(1).strip(), m.group(1)
            if acr.upper() != acr or acr in self.gaz.place_index:
                continue
            full = re.sub(r"^(?:The|A|An)\s+", "", full)
            self.acronyms.setdefault(acr, full)
        self._learn_initialisms(text)
        self._learn_groups(text)
        self.home = self._home_country(text)
        for m in ARMED_NAME.finditer(text):
            self.armed_names.add(name_key(m.group(1)))
        for m in ARMED_NAME_AFTER.finditer(text):
            self.armed_names.add(name_key(m.group(1)))
        for m in islice(TITLED_NAME.finditer(text), 64):
            # "in what Sheriff Denise Obuya called ...": later, "Obuya" is her
            self.resolve(m.group(0))

    def settle_kinds(self) -> None:
        """Organisations the article calls armed ("the paramilitary Rapid Support Forces"),
        and the acronyms it introduced as aliases of the names they stand for."""
        for acronym, full in self.acronyms.items():
            key = self.alias_index.get(name_key(full)) or name_key(full)
            if key in self.nodes and acronym not in self.nodes[key].aliases:
                self._alias(key, acronym)
        for node in self.nodes.values():
            if node.kind != ActorKind.organization:
                continue
            keys = {node.key, *(name_key(a) for a in node.aliases)}
            spelled = {name_key(self.acronyms[a]) for a in node.aliases if a in self.acronyms}
            if (keys | spelled) & self.armed_names:
                node.kind = ActorKind.armed_group

    def _home_country(self, text: str) -> str | None:
        """The country an article is about: named twice as often as any other and at
        least twice, or the only country named, in the opening sentence; datelines and
        "the X border" are not counted."""
        counts: dict[str, int] = {}
        dateline = DATELINE.match(text)
        lede_end = LEDE_END.search(text, dateline.end() if dateline else 0)
        in_lede: set[str] = set()
        for country, role, start, end in self._place_at(text):
            if dateline is not None and start < dateline.end():
                continue  # "BANGKOK, Aug 12 (Reuters) -": where it was filed, not what about
            if role == "demonym" and BORDER_AFTER.match(text, end):
                continue  # "the Chinese border": a neighbour
            counts[country.name] = counts.get(country.name, 0) + 1
            if lede_end is None or start < lede_end.start():
                in_lede.add(country.name)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        if ranked[0][1] < 2 and (len(ranked) > 1 or ranked[0][0] not in in_lede):
            return None  # named once: only the one country of the opening sentence
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0]

    def _learn_initialisms(self, text: str) -> None:
        """Acronyms spelled by the initials of a name the article also uses in full.

        "the paramilitary Rapid Support Forces ... The RSF said": RSF stands for Rapid
        Support Forces even without a "(RSF)" after the full name.
        """
        wanted = {
            m.group(0)
            for m in INITIALISM.finditer(text)
            if m.group(0) not in self.acronyms and m.group(0) not in self.gaz.place_index
        }
        if not wanted:
            return
        for m in CAPITALISED_RUN.finditer(text):
            words = m.group(0).split()
            while words and words[0] in {"The", "A", "An"}:
                words.pop(0)
            initials = "".join(w[0] for w in words if w[0].isupper())
            if initials in wanted and len(words) >= 2:
                self.acronyms[initials] = " ".join(words)
                wanted.discard(initials)

    def _place_at(self, text: str) -> list[tuple[Country, str, int, int]]:
        out = []
        for m in self.gaz.place_regex.finditer(text):
            surface = possessive_strip(m.group())
            hit = self.gaz.place(surface)
            if hit is not None:
                out.append((hit[0], hit[1], m.start(), m.end()))
        return out

    def _learn_groups(self, text: str) -> None:
        candidates: dict[str, GroupBinding] = {}
        prefixed = PREFIXED_GROUP
        sentences = LEARN_SENTENCE_SPLIT.split(text)
        for sent in sentences:
            places: list[tuple[Country, str, int, int]] | None = None
            place_ends: list[int] = []
            demonym_before: dict[str, str | None] = {}
            for m in prefixed.finditer(sent):
                word = m.group(2)
                if word.lower() in NON_NAME_WORDS or self.gaz.place(word) is not None:
                    continue
                if self.gaz.named(word) is not None:
                    continue
                hit = self.gaz.place(m.group(1))
                if hit is None or self.gaz.place(f"{m.group(1)} {word}") is not None:
                    continue
                b = candidates.setdefault(word, GroupBinding(word, None, False))
                b.votes[hit[0].name] = b.votes.get(hit[0].name, 0) + 1
            if not any(k in sent for k in GOVERNING_KEYS):
                continue  # no match is possible (cheap test before the regex scan)
            for m in GOVERNING_GROUP.finditer(sent):
                word = next(g for g in m.groups() if g)
                if word.lower() in NON_NAME_WORDS or word.lower() in COMMON_ADJECTIVES:
                    continue
                if self.gaz.place(word) is not None:
                    continue
                if self.gaz.named(word) is not None:
                    continue
                b = candidates.setdefault(word, GroupBinding(word, None, False))
                b.governing = True
                if places is None:
                    places = self._place_at(sent)
                    place_ends = [pe for _c, _r, _ps, pe in places]
                # the places within 60 characters (sorted, so a bisection: linear in the text)
                for country, _role, ps, _pe in islice(
                    places, bisect_left(place_ends, m.start() - 60), None
                ):
                    if ps > m.end() + 60:
                        break
                    if word not in demonym_before:
                        demonym_before[word] = self._demonym_country_before(sent, word)
                    if country.name == demonym_before[word]:
                        continue
                    b.votes[country.name] = b.votes.get(country.name, 0) + 2
        for word, b in candidates.items():
            if not b.votes:
                if b.governing:
                    self.groups[word] = b
                continue
            best = sorted(b.votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            b.country = best
            self.groups[word] = b

    def _demonym_country_before(self, sent: str, word: str) -> str | None:
        m = re.search(r"([A-Z][a-z]+)(?:'s)?\s+" + re.escape(word), sent)
        if m:
            hit = self.gaz.place(m.group(1))
            if hit is not None:
                return hit[0].name
        return None

    # --- groups ------------------------------------------------------------------------------
    def group_node(self, word: str, prefix_country: Country | None, surface: str) -> str:
        b = self.groups.get(word)
        bound = b.country if b else None
        if prefix_country is not None and bound is not None and prefix_country.name != bound:
            name = f"{prefix_country.demonym} {word}"
            key = self._node(name, ActorKind.armed_group)
            for acr, full in self.acronyms.items():
                if name_key(full) == key:
                    self._alias(key, acr)
            return key
        if prefix_country is not None and bound is None:
            bound = prefix_country.name
        parent = self.country_node(self.gaz.countries[bound]) if bound else None
        kind = ActorKind.government if (b and b.governing) else ActorKind.armed_group
        return self._node(word, kind, parent=parent, alias=surface if surface != word else None)

    def side_of_word(self, word: str) -> str | None:
        """Country (node key) a single capitalised word points to: demonym, country, group."""
        w = possessive_strip(word)
        hit = self.gaz.place(w)
        if hit is None and w.endswith("s") and len(w) > 4:
            plural = self.gaz.place(w[:-1])  # "Palestinians", "Israelis"
            if plural is not None and plural[1] == "demonym":
                hit = plural
        if hit is not None:
            return self.country_node(hit[0])
        if w in self.groups:
            return self.group_node(w, None, w)
        return None
