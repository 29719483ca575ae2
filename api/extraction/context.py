"""What every claim builder of one article shares: its actor registry, attributor, discourse
state, and the choice of who governs a figure among a sentence's attributions."""

from __future__ import annotations

from .actors.nodes import PronounRef
from .actors.registry import ActorRegistry
from .attribution import Attribution, Attributor
from .drafts import DiscourseState
from .parse.backend import SyntaxAttribution, version_of
from .types import ActorKind, ArticleInput
from .units import article_countries


class ExtractorContext:
    """One article being read."""

    def __init__(self, article: ArticleInput, backend: str = "rules") -> None:
        self.article = article
        self.body = article.body
        self.reg = ActorRegistry()
        self.reg.learn(self.body)
        self.attr = Attributor(self.reg)
        self.state = DiscourseState()
        self.countries = article_countries(self.body)
        self.syntax = SyntaxAttribution(self.attr) if backend == "parser" else None
        self.version = version_of(backend)

    def _speaker(self, speaker: str | PronounRef | None) -> str | None:
        if isinstance(speaker, str):
            return speaker
        if isinstance(speaker, PronounRef):
            if speaker.kind == "person":
                return self.state.last_person
            if speaker.kind == "org":
                return self.state.last_org or self.state.last_claimant
            return self.state.last_claimant
        return None

    def _is_media(self, key: str | None) -> bool:
        return key is not None and self.reg.nodes[key].kind == ActorKind.media_outlet

    def _choose(
        self, atts: list[Attribution], pos: int, end: int
    ) -> tuple[Attribution | None, str | None, str | None]:
        """(governing attribution, claimant key, relay key) for content at [pos, end)."""
        primary: Attribution | None = None
        after = [a for a in atts if a.content == "after" and a.end <= pos]
        if after:
            primary = max(after, key=lambda a: a.end)
        else:
            before = [a for a in atts if a.content == "before" and a.start >= end]
            if before:
                primary = min(before, key=lambda a: a.start)
            else:
                sent = [a for a in atts if a.content == "sentence" and not a.relay_hint]
                sent = sent or [a for a in atts if a.content == "sentence"]
                if sent:
                    non_citing = [a for a in sent if not a.citing]
                    primary = (non_citing or sent)[0]
        if primary is None:
            return None, None, None
        claimant = self._speaker(primary.speaker)
        relay: str | None = None
        for a in atts:
            if a is primary:
                continue
            key = self._speaker(a.speaker)
            if key is None or key == claimant or not self._is_media(key):
                continue
            outer = (
                (a.content == "after" and a.end <= primary.start)
                or (a.content == "before" and a.start >= end)
                or a.content == "sentence"
            )
            if outer:
                relay = key
                break
        if self._is_media(claimant):
            for a in atts:
                key = self._speaker(a.speaker)
                if a.citing and key is not None and not self._is_media(key):
                    return a, key, claimant
        if isinstance(primary.speaker, PronounRef) and relay is None:
            relay = self.state.last_relay
        return primary, claimant, relay
