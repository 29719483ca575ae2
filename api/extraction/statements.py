"""Statements without a figure: what a speaker asserts or denies in a sentence."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from itertools import takewhile

from .attribution import Attribution
from .context import ExtractorContext
from .drafts import DraftClaim, LazyTimes
from .sentences import Sentence
from .textutil import collapse_ws
from .timerefs import nearest
from .types import ActorKind, Stance

_CLAUSE_TAIL = re.compile(r"(?:[\s,;:]+(?:while|but|and|as|whereas))?[\s,;:.\"”]*$")
#: A speaker's verb followed by the quotation it introduces: 'the chair said: "..."'.
_QUOTE_FOLLOWS = re.compile(r"\s*[:,]?\s*[\"“]")


@lru_cache(maxsize=1)
def _dismissal() -> re.Pattern[str]:
    """Words that make a statement dismiss another's claim (``lexicon/statements.toml``)."""
    text = resources.files("api.extraction.lexicon").joinpath("statements.toml").read_text()
    fragments = tomllib.loads(text)["dismissals"]
    return re.compile(rf"\b(?:{'|'.join(fragments)})(?!\w)", re.I)


def stance_of(stance: Stance, statement: str) -> Stance:
    """A statement's stance: an assertion that dismisses a claim ("the figure was false",
    "This is pure fabrication") is a denial."""
    if stance == Stance.assertion and _dismissal().search(statement):
        return Stance.denial
    return stance


class StatementClaims(ExtractorContext):
    """The non-numeric claims of a sentence."""

    def _statement_claims(
        self,
        sent: Sentence,
        atts: list[Attribution],
        covered: set[int],
        numeric_atts: set[int],
        times: LazyTimes,
    ) -> None:
        s = sent.text
        if s.rstrip().endswith("?"):
            return
        primaries = [a for a in atts if not (a.participle and a.stance == Stance.assertion)]
        for i, a in enumerate(primaries):
            if id(a) in covered:
                continue
            key = self._speaker(a.speaker)
            if key is None or key in self.reg.vague:
                continue
            if self._is_media(key) and any(
                b is not a
                and self._speaker(b.speaker) is not None
                and not self._is_media(self._speaker(b.speaker))
                for b in atts
            ):
                continue  # a relay: the inner speaker carries the claim
            start, end = self._trim_clause(s, *self._statement_span(s, a, i, primaries, atts))
            if end - start < 12 or self._said_with_figure(sent, start, end, key):
                continue
            self._add_statement(sent, a, key, atts, start, end, times)

    def _statement_span(
        self,
        s: str,
        a: Attribution,
        i: int,
        primaries: list[Attribution],
        atts: list[Attribution],
    ) -> tuple[int, int]:
        """The stretch of the sentence ``a`` reports: after its verb up to the next other
        speaker, before it from the previous one, or the whole sentence."""
        key = self._speaker(a.speaker)
        if a.content == "after":
            nxt = [
                b.start
                for b in primaries[i + 1 :]
                if b.start > a.end and self._speaker(b.speaker) != key and b.content != "sentence"
            ]
            nxt += [
                b.start
                for b in atts
                if b.participle
                and b.start > a.end
                and b.stance != a.stance
                and b.stance != Stance.assertion
            ]
            return a.start, (min(nxt) if nxt else len(s))
        if a.content == "before" and _QUOTE_FOLLOWS.match(s, a.end):
            return a.start, len(s)  # 'the chair said: "There is no ..."'
        if a.content == "before":
            prevs = [b.end for b in primaries[:i] if b.end <= a.start]
            return (max(prevs) if prevs else 0), a.end
        return 0, len(s)

    def _said_with_figure(self, sent: Sentence, start: int, end: int, key: str) -> bool:
        """Whether the speaker's figure of this sentence already covers the stretch."""
        return any(
            c.quantity is not None
            and c.sentence == sent.index
            and c.start - sent.start >= start
            and c.end - sent.start <= end
            and c.claimant == key
            for c in takewhile(lambda c: c.sentence == sent.index, reversed(self.state.claims))
        )

    def _add_statement(
        self,
        sent: Sentence,
        a: Attribution,
        key: str,
        atts: list[Attribution],
        start: int,
        end: int,
        times: LazyTimes,
    ) -> None:
        s = sent.text
        stance = stance_of(a.stance, s[start:end])
        target = a.target
        if stance == Stance.denial and target is None:
            target = self._last_other_party(key)
        conf = 0.55 + (0.1 if target is not None else 0.0)
        relay = None
        if not self._is_media(key):
            for b in atts:
                k = self._speaker(b.speaker)
                if b is not a and self._is_media(k):
                    relay = k
                    break
        self.state.claims.append(
            DraftClaim(
                statement=collapse_ws(s[start:end]),
                start=sent.start + start,
                end=sent.start + end,
                sentence=sent.index,
                stance=stance,
                claimant=key,
                relay=relay,
                target=target,
                time=nearest(times.get(), start, end),
                confidence=conf,
            )
        )

    def _trim_clause(self, s: str, start: int, end: int) -> tuple[int, int]:
        seg = s[start:end]
        seg2 = _CLAUSE_TAIL.sub("", seg)
        end = start + len(seg2)
        while start < end and s[start] in ' ,;:"“':
            start += 1
        return start, end

    def _last_other_party(self, key: str) -> str | None:
        root = self.reg.root(key)
        for c in reversed(self.state.claims):
            if c.claimant is not None and self.reg.root(c.claimant) != root:
                if self.reg.nodes[c.claimant].kind == ActorKind.media_outlet:
                    continue
                return c.claimant
        return None
