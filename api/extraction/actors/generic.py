"""Speaker phrases built on a common head ("the ministry", "local officials")."""

from __future__ import annotations

from dataclasses import dataclass

from ..textutil import clean_display, straighten
from ..types import ActorKind
from .nodes import possessive_strip
from .patterns import GENERIC_DET, GENERIC_MOD, GENERIC_POST, NAME_TOKEN
from .roles import RolePhrases
from .words import (
    AMBIENT_HEADS,
    ARMED_CUES,
    BODY_NOUNS,
    GENERIC_HEADS,
    GENERIC_STOP,
    MEDIA_CUES,
    MEDIA_SUFFIXES,
    NAME_GLUE,
    NAMED_HEAD_DESCRIPTORS,
    NON_NAME_WORDS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSONISH_HEADS,
    PRONOUNS,
)


@dataclass(frozen=True, slots=True)
class _Generic:
    """A common speaker phrase taken apart: its words, head noun, capitalised names before
    it, lower-case modifiers, the side or place it names."""

    words: list[str]
    head: str
    caps: list[str]
    mods: list[str]
    text: str
    surface: str
    side_key: str | None
    place_key: str | None


class GenericPhrases(RolePhrases):
    """Speakers named by a common noun, and capitalised names before a reporting verb."""

    # --- generic speaker noun phrases ------------------------------------------------------------
    def _resolve_generic(self, text: str, definite: bool = False) -> str | None:
        """A speaker phrase built on a common head the lexicons do not name.

        "Brazil's civil defence agency", "local health authorities", "the White Helmets civil
        defence group", "doctors at the Nasser hospital", "officials in Kyiv", "the ministry".
        """
        definite = definite or straighten(text).strip(" ,").lower().startswith("the ")
        t = GENERIC_DET.sub("", straighten(text).strip(" ,"))
        place_key: str | None = None
        pm = GENERIC_POST.match(t)
        if pm is not None:
            t = pm.group(1)
            hit = self._place_in(pm.group(2))
            if hit is not None:
                place_key = self.country_node(hit)
        if not t:
            return None
        side_key: str | None = None
        surface = ""
        rest = t
        if self.gaz.place_regex.match(t):
            side_key, _country, rest, surface = self._leading_side(t)
            if side_key is None:
                rest = t
        words = rest.split()
        if not words or len(words) > 7:
            return None
        head = words[-1].lower().rstrip(".,")
        if head not in GENERIC_HEADS:
            if definite and len(words) == 1 and pm is None and head in BODY_NOUNS:
                return self._recent_with_head(head)  # "the brigade": the one named before
            return None
        caps: list[str] = []
        i = 0
        while i < len(words) - 1 and words[i][:1].isupper():
            caps.append(words[i])
            i += 1
        mods = [w.lower() for w in words[i:-1]]
        if any(not GENERIC_MOD.fullmatch(w) or w in GENERIC_STOP for w in mods):
            return None
        if any(not w[:1].isupper() for w in words[:i]):
            return None
        if place_key is None and side_key is None and not caps:
            prior = self._generic_prior(head, mods, definite, pm is not None)
            if prior is not None:
                return prior
        phrase = _Generic(words, head, caps, mods, t, surface, side_key, place_key)
        return self._generic_node(phrase)

    def _generic_prior(
        self, head: str, mods: list[str], definite: bool, placed: bool
    ) -> str | None:
        """The body named before that a bare common phrase points back to ("the ministry",
        "the press centre"), or the home country's body ("the army")."""
        if not placed and not mods:
            prior = self._recent_with_head(head)
            if prior is not None:
                return prior
        elif not placed and head in AMBIENT_HEADS:
            prior = self._recent_with_head(" ".join([*mods, head]))
            if prior is not None:
                return prior
        if not placed and mods and definite:
            # "the press centre": the latest body whose name has these words
            prior = self._recent_with_words([*mods, head])
            if prior is not None:
                return prior
        if (
            set(mods) <= {"military", "interim", "federal", "national", "central"}
            and not placed
            and self.home is not None
            and head in ORG_HEADS
            and ORG_HEADS[head][1] in (ActorKind.military, ActorKind.government)
        ):
            # a bare "the army" in a story about one country's fighting is that country's
            home = self.gaz.countries[self.home]
            return self._institution(self.country_node(home), home, head, head)
        return None

    def _generic_node(self, g: _Generic) -> str:
        """The node of a common speaker phrase: a named body's people, the body itself, or
        a body of the side or place it names."""
        words, head, caps, mods = g.words, g.head, g.caps, g.mods
        side_key, place_key = g.side_key, g.place_key
        kind = GENERIC_HEADS[head]
        cue = set(mods) | {w.lower() for w in caps}
        if kind == ActorKind.organization and cue & ARMED_CUES:
            kind = ActorKind.armed_group
        if caps and head in NAMED_HEAD_DESCRIPTORS and not (side_key or place_key):
            # "the White Helmets civil defence group": the name is the capitalised run
            name = " ".join(caps)
            if self.gaz.place(name) is None:
                return self._node(name, kind, alias=clean_display(g.text))
        last = words[-1].rstrip(".,")
        if (
            caps
            and len(caps) <= 3
            and not (side_key or place_key)
            and head in PERSONISH_HEADS
            and all(self._name_like(w) or (w.isupper() and w.isalpha()) for w in caps)
        ):
            # "a Hezbollah commander", "Taliban officials": people of a named body
            body = self._node(" ".join(caps), ActorKind.organization)
            return self._node(clean_display(" ".join([*caps, *mods, last])), kind, parent=body)
        parent = side_key or place_key
        label_key = side_key or (place_key if kind != ActorKind.organization else None)
        label = self._side_label(label_key) if label_key is not None else ""
        phrase = " ".join([*caps, *mods, last]) if caps else " ".join([*mods, last])
        name = clean_display(f"{label} {phrase}".strip())
        if caps and not side_key:
            name = clean_display(" ".join([*caps, *mods, last]))
        alias = clean_display(g.text) if g.surface else None
        key = self._node(name, kind, parent=parent, alias=alias)
        if self.nodes[key].parent is None:
            self.vague.add(key)
        return key

    def guess_named(self, text: str) -> str | None:
        """A capitalised name or acronym directly before a reporting verb ("Hamas said")."""
        t = GENERIC_DET.sub("", straighten(text).strip(" ,"))
        words = t.split()
        if not words or len(words) > 5:
            return None
        descr: list[str] = []
        while words and words[0][:1].islower():
            descr.append(words.pop(0).lower())
        if not words or not all(NAME_TOKEN.fullmatch(w) for w in words):
            return None
        name = " ".join(words)
        low = name.lower()
        if len(words) == 1 and (low in NON_NAME_WORDS or low in PRONOUNS):
            return None
        if self.gaz.place(possessive_strip(name)) is not None:
            return None
        if words[-1].lower() not in ORG_SUFFIXES and any(
            w.lower() in NON_NAME_WORDS and w.lower() not in NAME_GLUE for w in words
        ):
            return None
        cue = set(descr)
        if cue & ARMED_CUES or words[-1].lower() in {"rebels", "militants", "militia"}:
            kind = ActorKind.armed_group
        elif cue & MEDIA_CUES or words[-1].lower() in MEDIA_SUFFIXES:
            kind = ActorKind.media_outlet
        elif cue & {"ministry", "agency", "government", "authority"}:
            kind = ActorKind.government
        elif words[-1].lower() in {"army", "forces", "brigade", "battalion", "corps"}:
            kind = ActorKind.military
        else:
            kind = ActorKind.organization
        return self._node(name, kind)
