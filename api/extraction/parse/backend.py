"""The parser backend: attribution read from a dependency parse, merged into the rules.

The rules find every figure, its qualifier, unit, time and measure; this backend only
decides who said it. Per article it parses, in one batch, the sentences that carry a
figure (the parse is read for figures only) and are at most ``PARSE_MAX_CHARS`` long
(longer ones keep the rules' attribution, so the cost stays bounded). For a figure it then

- gives a claimant where the rules found none;
- takes the claim from a relaying outlet to the source the outlet cites ("Channel 5,
  citing hospital sources, reported": hospital sources, relayed by Channel 5);
- drops a figure that is part of a speaker phrase ("three police officers said").

Where the rules and the parse name different non-media speakers the rules are kept:
they were tuned on the annotated sets and the parse of the small model is often wrong
about long clause-final attributions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..actors.nodes import PronounRef
from ..attribution import Attributor
from ..quantities import CANDIDATE_WORDS as NUMBER_WORDS
from ..quantities import has_candidate
from ..sentences import Sentence
from ..types import ActorKind
from .model import Parse, parse_all
from .speakers import Phrase, SpeakerParse, find_speaker

PARSER_VERSION = "parser-1.8.0"
_SEVERAL_PARTIES = frozenset({"both", "each", "neither", "either", "all"})
_DETERMINERS = frozenset({"the", "a", "an", "some", "several", "many"})
#: Sentences longer than this are attributed by the rules alone (bounded parse cost).
PARSE_MAX_CHARS = 600

Speaker = str | PronounRef | None


def version_of(backend: str) -> str:
    """The extractor version string of a resolved backend ("parser" or "rules")."""
    from ..pipeline import EXTRACTOR_VERSION

    return f"{PARSER_VERSION}+{EXTRACTOR_VERSION}" if backend == "parser" else EXTRACTOR_VERSION


@dataclass(slots=True)
class Decision:
    """What the parse changes for one figure."""

    claimant: str | None
    relay: str | None
    drop: bool = False


class SyntaxAttribution:
    """Per-article state of the parser backend (parses, resolved speakers)."""

    def __init__(self, attributor: Attributor) -> None:
        self.attr = attributor
        self.reg = attributor.reg
        self._parses: dict[int, Parse] = {}
        self._last_person: str | None = None

    def prepare(self, sentences: list[Sentence]) -> None:
        """Parse, in one batch, the sentences a figure's speaker may be read from (those
        with a number; a reporting cue without one names no figure's speaker)."""
        chosen = [s for s in sentences if len(s.text) <= PARSE_MAX_CHARS and has_candidate(s.text)]
        for sent, parse in zip(chosen, parse_all([s.text for s in chosen]), strict=True):
            self._parses[sent.index] = parse

    def parse_of(self, sent: Sentence) -> Parse | None:
        return self._parses.get(sent.index)

    def _resolve(self, phrase: Phrase | None) -> Speaker:
        if phrase is None or phrase.text.split()[0].lower() in _SEVERAL_PARTIES:
            return None  # "Both countries claimed": no one speaker
        key = self.attr._resolve_np(phrase.text)
        if key is None:
            key = self.reg.guess_named(phrase.text)
        if isinstance(key, str) and phrase.role:
            self.attr._apply_parent(key, phrase.role)
        if key is None and phrase.role:
            key = self.attr._resolve_np(phrase.role)
        if key is None and phrase.common:
            key = self._common_speaker(phrase.text)
        return key

    def _outlet(self, text: str) -> str | None:
        """The outlet of "X, citing Y, reported" that no lexicon names: a name of its own."""
        words = text.split()
        if not words or len(words) > 5 or not all(w[:1].isupper() or w.isdigit() for w in words):
            return None
        return self.reg._node(" ".join(words), ActorKind.media_outlet)

    def _common_speaker(self, text: str) -> str | None:
        """A speaker the parse found that no lexicon names ("ambulance crews said"): an
        actor of its own, vague like the rules' generic speakers ("officials")."""
        words = [w for w in text.split() if w.lower() not in _DETERMINERS and not w.isdigit()]
        words = [w for w in words if w.lower() not in NUMBER_WORDS]
        if not words or len(words) > 4:
            return None
        key = self.reg._node(" ".join(words), ActorKind.other)
        if self.reg.nodes[key].parent is None:
            self.reg.vague.add(key)
        return key

    def decide(
        self,
        sent: Sentence,
        start: int,
        end: int,
        claimant: str | None,
        relay: str | None,
        speaker_key: Callable[[Speaker], str | None],
        is_media: Callable[[str | None], bool],
    ) -> Decision:
        """The claimant and relay of the figure at ``[start, end)`` of ``sent``."""
        decision = self._decide(sent, start, end, claimant, relay, speaker_key, is_media)
        if decision.claimant is not None and self._is_person(decision.claimant):
            self._last_person = decision.claimant
        return decision

    def note_person(self, key: str) -> None:
        """A person the reading named outside any figure ("The Mayor of X, Y, toured ..."):
        the "he" of the sentences after."""
        self._last_person = key

    def _is_person(self, key: str) -> bool:
        return self.reg.nodes[key].kind == ActorKind.person

    def _decide(
        self,
        sent: Sentence,
        start: int,
        end: int,
        claimant: str | None,
        relay: str | None,
        speaker_key: Callable[[Speaker], str | None],
        is_media: Callable[[str | None], bool],
    ) -> Decision:
        parse = self._parses.get(sent.index)
        keep = Decision(claimant, relay)
        if parse is None:
            return keep
        found: SpeakerParse = find_speaker(parse, start, end)
        if found.inside_speaker:
            return Decision(None, None, drop=True)
        said = self._resolve(found.speaker)
        key = speaker_key(said)
        if (
            isinstance(said, PronounRef)
            and said.kind == "person"
            and self._last_person is not None
            and (claimant is None or claimant == key or not self._is_person(claimant))
        ):
            # "He added ...": the person the parse last named, not a title the rules kept
            return Decision(self._last_person, relay)
        if key is None:
            return keep
        outer = speaker_key(self._resolve(found.relay))
        if outer is None and found.via == "citing" and found.relay is not None:
            outer = self._outlet(found.relay.text)
        if outer is not None and is_media(key) and not is_media(outer):
            key, outer = outer, key  # "the army said, according to state media, ..."
        if found.via == "citing" and outer is not None and outer != key:
            return Decision(key, outer)  # "X, citing Y, reported": Y said it, X relays it
        if claimant is None:
            return Decision(key, outer if is_media(outer) else relay)
        if is_media(claimant) and not is_media(key) and key != claimant:
            return Decision(key, claimant)
        role = found.speaker.role if found.speaker is not None else None
        if key != claimant and (
            claimant in self.reg.chain(key)
            or (
                role is not None
                and self._is_person(key)
                and self.attr._resolve_np(role) == claimant
            )
        ):
            return Decision(key, relay)  # "Name, the agency's duty officer, said": the person
        return keep
