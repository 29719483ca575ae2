"""The extraction pipeline: article body -> typed claims."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from .actors.words import ROLE_WORDS
from .attribution import Attribution
from .bounds import bound_sentences
from .drafts import LazyTimes
from .issuer import release_issuer
from .numeric import NumericClaims
from .parse import resolve_backend
from .parse.backend import version_of
from .quantities import has_candidate
from .quotations import CLOSE_QUOTES, OPEN_QUOTES, count_quotes, first_quote, quotation_closings
from .sentences import Sentence, split_sentences
from .statements import StatementClaims
from .types import ActorKind, ActorRef, ArticleInput, Evidence, ExtractedClaim, ExtractionResult
from .voice import goes_on, voice_of

#: The rules' version; a parser-backed extraction records "parser-X+rules-Y" (version_of).
EXTRACTOR_VERSION = "rules-1.7.0"

#: A speaker phrase owned by the organisation spoken of before ("its commander").
_POSSESSED = re.compile(r"(?:its|their)\s+(?!own\b)[a-z]", re.I)
#: A possessed role right before a person's name: "Its spokesman, ", "their commander ".
_POSSESSED_ROLE = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,2}([a-z-]+),\s*$")
#: The bodies that issue statements a sentence may go on in (not persons, media, places
#: or anonymous sources).
_VOICE_KINDS = frozenset(
    [ActorKind.government, ActorKind.military, ActorKind.organization, ActorKind.armed_group]
)
#: A capitalised name opening a sentence, up to its first comma or verb ("Tajikistan's State
#: Committee for National Security, which ...", "The Harbour Authority gave ...").
_NAME_RUN = r"(?>[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?(?:[A-Z]|al-|el-)[\w'’.-]*){0,7})"
_LEADING_NAME = re.compile(
    rf"(?:The\s+)?(?P<np>{_NAME_RUN}(?:\s*\([A-Z]{{2,8}}\))?(?:,\s+{_NAME_RUN}(?=,))?)"
    r"(?=\s*,|\s+[a-z])"
)
_OFFICIAL_HEADS = frozenset(["officials", "authorities", "spokespeople", "representatives"])
#: How much of a running voice's words are kept to match what it counted (bounded cost).
_VOICE_TEXT = 2000
_OUR = re.compile(r"[Oo]ur\s")
_CONNECTOR = re.compile(
    r"^\s*(?:Also|And|Additionally|In addition|Moreover|Furthermore|Besides|Meanwhile|"
    r"It added|Separately|Further)\b[,\s]",
)


@dataclass(slots=True)
class _QuoteRun:
    """A quotation left open by a sentence: whether one is, in which paragraph, and who
    speaks it (its claimant and relay)."""

    inside: bool = False
    paragraph: int = -1
    speaker: tuple[str | None, str | None] | None = None


class _ArticleExtractor(NumericClaims, StatementClaims):
    """One article, read sentence by sentence."""

    #: The body whose press release the article is (its unattributed figures are its own).
    issuer: str | None = None

    def run(self) -> ExtractionResult:
        sentences = bound_sentences(split_sentences(self.body))
        self.issuer = release_issuer(sentences, self.attr)
        body_sentences = [
            s for s in sentences if not s.is_heading or s.is_item or self._attributed_heading(s)
        ]
        if self.syntax is not None:
            self.syntax.prepare(body_sentences)
        closing = quotation_closings(body_sentences)
        run = _QuoteRun()
        for i, sent in enumerate(body_sentences):
            quoted = self._quoted_speaker(body_sentences, i, closing)
            if quoted is None and run.inside and run.paragraph == sent.paragraph:
                quoted = run.speaker
            self._sentence(sent, quoted)
            self._follow_quote(run, sent)
        self._opposing_sides({sent.index: sent.text for sent in sentences})
        frozen = self.reg.freeze()
        claims: list[ExtractedClaim] = []
        used: dict[str, ActorRef] = {}

        def ref(key: str | None) -> ActorRef | None:
            if key is None:
                return None
            r = frozen[key]
            for node in r.chain():
                used.setdefault(node.name + "|" + node.kind.value, node)
            return r

        for c in self.state.claims:
            side_ref = ref(c.side)
            claims.append(
                ExtractedClaim(
                    statement=c.statement,
                    evidence=Evidence(
                        quote=self.body[c.start : c.end],
                        start=c.start,
                        end=c.end,
                        sentence_index=c.sentence,
                    ),
                    stance=c.stance,
                    claimant=ref(c.claimant),
                    relayed_by=ref(c.relay),
                    measure=c.measure,
                    subject=c.subject,
                    subject_side=side_ref,
                    target=ref(c.target),
                    quantity=c.quantity,
                    time=c.time,
                    confidence=round(c.confidence, 3),
                    subject_text=c.subject_text,
                )
            )
        return ExtractionResult(
            version=self.version, claims=tuple(claims), actors=tuple(used.values())
        )

    def _follow_quote(self, run: _QuoteRun, sent: Sentence) -> None:
        """Whether a quotation is open after ``sent``, and whose: 'X said: "We lost eight.
        Forty-one are still below."': the second sentence runs on in X's quotation. A
        quotation ends with its closing mark or its paragraph."""
        inside = run.inside and run.paragraph == sent.paragraph
        if count_quotes(sent.text) % 2 == 0:
            run.inside = inside
        elif inside:
            run.inside = False
        else:
            run.inside = True
            run.speaker = None
            own = next(
                (
                    (c.claimant, c.relay)
                    for c in takewhile(
                        lambda c: c.sentence == sent.index, reversed(self.state.claims)
                    )
                    if c.claimant is not None
                ),
                None,
            )
            if own is not None:
                run.speaker = own
            elif self.state.prev_attributed and self.state.last_claimant is not None:
                run.speaker = (self.state.last_claimant, self.state.last_relay)
        run.paragraph = sent.paragraph

    def _attributed_heading(self, sent: Sentence) -> bool:
        """A headline, standfirst or bullet that names who says its figure ("Storm leaves 7
        dead, says agency", "Police: 300 arrested") is read like a sentence; other short
        lines (bylines, datelines, contacts, unattributed headlines) are not."""
        if not has_candidate(sent.text):
            return False
        return any(isinstance(a.speaker, str) for a in self.attr.find(sent.text))

    def _quoted_speaker(
        self, sentences: list[Sentence], i: int, closing: dict[int, int]
    ) -> tuple[str | None, str | None] | None:
        """Who speaks a sentence that is part of a quotation attributed in another one.

        '"We lost six comrades. The army is counting ghosts," he told the BBC': the first
        sentence is his too (the attribution follows the closing quote, sentences later).
        '"Our forces ...," the spokesman said. "We lost seven of our soldiers."': a quoted
        sentence on its own continues the previous sentence's quotation and speaker.
        """
        text = sentences[i].text.strip()
        if not text or text[0] not in OPEN_QUOTES:
            return None
        end = closing.get(i)
        if end is not None and end > i:
            closer = sentences[end].text
            after = first_quote(closer)
            for a in self.attr.find(closer):
                key = self._speaker(a.speaker)
                if a.start > after and key is not None:
                    return key, None
            return None
        if (
            end == i
            and i > 0
            and count_quotes(text) == 2
            and text.rstrip(" .!?").endswith(CLOSE_QUOTES)
            and self.state.prev_attributed
            and count_quotes(sentences[i - 1].text) > 0
        ):
            return self.state.last_claimant, self.state.last_relay
        return None

    def _sentence(
        self, sent: Sentence, quoted: tuple[str | None, str | None] | None = None
    ) -> None:
        s = sent.text
        atts = self.attr.find(s)
        self._possessed_speakers(s, atts)
        resolved = [a for a in atts if self._speaker(a.speaker) is not None]
        carry: tuple[str | None, str | None] | None = None
        if not atts and self.state.prev_attributed and _CONNECTOR.match(s):
            carry = (self.state.last_claimant, self.state.last_relay)
        if not atts and quoted is not None and quoted[0] is not None:
            carry = quoted
        if not atts and carry is None:
            carry = self._voice_carried(sent)
        if not atts and carry is None and self.issuer is not None:
            carry = (self.issuer, None)
        times = LazyTimes(s, self.article.published)
        numeric = self._numeric_claims(sent, atts, carry, times)
        covered = {id(a) for a, _c in numeric if a is not None}
        for _a, c in numeric:
            self.state.claims.append(c)
        self._statement_claims(sent, atts, covered, {id(a) for a, _ in numeric}, times)
        # discourse state
        attributed = bool(resolved) or carry is not None
        last_claim_keys = [c.claimant for _a, c in numeric if c.claimant]
        for a in atts:
            key = self._speaker(a.speaker)
            if key is None:
                continue
            kind = self.reg.nodes[key].kind
            if kind == ActorKind.person or self.reg.is_one_person(key):
                self.state.last_person = key
            elif kind != ActorKind.media_outlet:
                self.state.last_org = key
        inner = [
            self._speaker(a.speaker) for a in atts if not self._is_media(self._speaker(a.speaker))
        ]
        inner_keys = [k for k in inner if k is not None]
        if inner_keys or last_claim_keys:
            self.state.last_claimant = (last_claim_keys or inner_keys)[-1]
            medias = [
                self._speaker(a.speaker) for a in atts if self._is_media(self._speaker(a.speaker))
            ]
            self.state.last_relay = medias[0] if medias else None
        elif resolved:
            self.state.last_claimant = self._speaker(resolved[-1].speaker)
            self.state.last_relay = None
        self.state.prev_attributed = attributed
        if not resolved:
            self._note_subject(s)
        self._keep_voice(sent, atts, carry)

    def _note_subject(self, s: str) -> None:
        """A sentence that reports no one but opens on a named body or person ("The State
        Committee, which commands the border troops, gave another picture."): the pronoun
        of the next sentence ("It said ...") is that one."""
        m = _LEADING_NAME.match(s)
        if m is None:
            return
        key = self.reg.resolve(m.group("np"))
        if not isinstance(key, str):
            return
        kind = self.reg.nodes[key].kind
        if kind == ActorKind.person:
            self.state.last_person = key
            if self.syntax is not None:
                self.syntax.note_person(key)
        elif kind in _VOICE_KINDS:
            self.state.last_org = key

    def _voice_carried(self, sent: Sentence) -> tuple[str | None, str | None] | None:
        """The body whose statement the sentence before reported, when this unattributed
        sentence goes on in its voice (see :func:`goes_on`)."""
        voice = self.state.voice
        if voice is None or not goes_on(voice, sent.text, sent.paragraph):
            return None
        return voice.claimant, voice.relay

    def _keep_voice(
        self, sent: Sentence, atts: list[Attribution], carry: tuple[str | None, str | None] | None
    ) -> None:
        """The voice the next sentence may continue: a body (not a person, not a medium)
        that this sentence reports, or the voice this sentence itself went on in."""
        voice = self.state.voice
        if not atts:
            if voice is not None and carry == (voice.claimant, voice.relay):
                voice.text = (voice.text + " " + sent.text)[-_VOICE_TEXT:]
            else:
                self.state.voice = None
            return
        key = self.state.last_claimant
        if key is None or not self.state.prev_attributed:
            self.state.voice = None
            return
        node = self.reg.nodes[key]
        official = node.kind == ActorKind.other and node.name.split()[-1] in _OFFICIAL_HEADS
        body = (node.kind in _VOICE_KINDS or official) and not self.reg.is_one_person(key)
        if any(_OUR.match(sent.text, a.start) for a in atts):
            body = False  # "our correspondent reports": the outlet's own reporting
        relay = self.state.last_relay
        self.state.voice = voice_of(key, relay, sent.paragraph, sent.text) if body else None

    def _possessed_speakers(self, s: str, atts: list[Attribution]) -> None:
        """ "The Front ... tells a different story. Its commander said ...": the commander
        is the Front's (the organisation last speaking), not a commander of no one."""
        org = self.state.last_org
        if org is None:
            return
        for a in atts:
            key = a.speaker
            if not isinstance(key, str) or key == org:
                continue
            node = self.reg.nodes[key]
            if node.parent is not None:
                continue
            if node.kind == ActorKind.person:
                # "Its spokesman, Ousmane Itno, said": the organisation's spokesman
                role = _POSSESSED_ROLE.search(s, max(0, a.start - 60), a.start)
                if role is not None and role.group(1) in ROLE_WORDS:
                    node.parent = org
                continue
            if not _POSSESSED.match(s, a.start):
                continue
            owner = self.reg.nodes[org]
            a.speaker = self.reg._node(f"{owner.name} {node.name}", node.kind, parent=org)


def extract(article: ArticleInput, backend: str | None = None) -> ExtractionResult:
    """Extract the checkable claims of one article (deterministic, pure, thread-safe).

    ``backend``: "rules", "parser" or "auto" (default: ``EXTRACTION_BACKEND``, see
    :mod:`api.extraction.parse`).
    """
    return _ArticleExtractor(article, resolve_backend(backend)).run()


def extractor_version(backend: str | None = None) -> str:
    """The version string extraction with ``backend`` records (default: the configured one)."""
    return version_of(resolve_backend(backend))
