"""The extraction pipeline: article body -> typed claims."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import takewhile

from .actors.nodes import PronounRef
from .actors.patterns import DATELINE
from .actors.registry import ActorRegistry
from .addresses import is_house_number
from .attribution import Attribution, Attributor
from .bounds import bound_sentences, figure_text
from .estimates import estimated_noun
from .measures import (
    LIGHT_NOUNS,
    MEASURE_NOUNS,
    PERSON_CATEGORIES,
    SubjectParse,
    measure_after,
    measure_before,
    measure_in_clause,
    parse_subject,
)
from .parse import resolve_backend
from .parse.backend import SyntaxAttribution, version_of
from .quantities import MAGNITUDE_VAGUE, QuantityMatch, find_quantities, has_candidate
from .sentences import Sentence, split_sentences
from .textutil import collapse_ws
from .timerefs import TimeSpan, find_times, nearest
from .types import (
    ActorKind,
    ActorRef,
    ArticleInput,
    Evidence,
    ExtractedClaim,
    ExtractionResult,
    Qualifier,
    Quantity,
    Stance,
    TimeRef,
)
from .units import article_countries, to_base

#: The rules' version; a parser-backed extraction records "parser-X+rules-Y" (version_of).
EXTRACTOR_VERSION = "rules-1.3.2"

#: A speaker phrase owned by the organisation spoken of before ("its commander").
_POSSESSED = re.compile(r"(?:its|their)\s+(?!own\b)[a-z]", re.I)
_CONNECTOR = re.compile(
    r"^\s*(?:Also|And|Additionally|In addition|Moreover|Furthermore|Besides|Meanwhile|"
    r"It added|Separately|Further)\b[,\s]",
)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|my|both|every|each|first|last|"
    r"next|past|previous|other)\s+$",
    re.I,
)
_LIST_CUE = re.compile(r"\bincluding\b|\bamong them\b")
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and)\s*")
_DISTANCE_AFTER = re.compile(r"\s*(?:away\s+)?(?:from|away|off|inside|into|of)\b")
_LINEAR_THING = re.compile(
    r"\b(border|frontier|boundary|road|highway|pipeline|railway|wall|fence|river|"
    r"coastline|corridor|tunnel|line|convoy|zone)\b"
)
_LOST = re.compile(r"\blos[ti]|\blos(?:e|ing)")
#: Counted nouns that are a speaker's sources, not a claim ("citing two security sources").
_SOURCE_NOUNS = frozenset(
    {"source", "official", "witness", "diplomat", "doctor", "resident", "person", "officer"}
)
_CITING_BEFORE = re.compile(
    r"\b(?:citing|quoting|according\s+to|spoke\s+to|interviewed|told\s+by)\s+(?:at\s+least\s+)?$",
    re.I,
)
_SPEAKING_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:who\s+|have\s+|had\s+|also\s+)?(?:said|say|says|told|tell|"
    r"spoke|speaking|reported|confirmed|described|familiar|with\s+knowledge|briefed)\b",
    re.I,
)
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
_CLAUSE_TAIL = re.compile(r"(?:[\s,;:]+(?:while|but|and|as|whereas))?[\s,;:.\"”]*$")


_OPEN_QUOTES = ('"', "“")
_CLOSE_QUOTES = ('"', "”")


def _count_quotes(text: str) -> int:
    return sum(text.count(q) for q in ('"', "“", "”"))


def _first_quote(text: str) -> int:
    """Where the quotation that an earlier sentence opened closes."""
    found = [i for i in (text.find('"'), text.find("”")) if i >= 0]
    return min(found) if found else -1


def _quotation_closings(sentences: list[Sentence]) -> dict[int, int]:
    """For each sentence that opens a quotation: the index of the sentence closing it."""
    out: dict[int, int] = {}
    opened: int | None = None
    for i, sent in enumerate(sentences):
        text = sent.text.strip()
        marks = _count_quotes(text)
        if opened is None:
            if text[:1] in _OPEN_QUOTES:
                if marks % 2 == 0:
                    out[i] = i  # opens and closes here
                else:
                    opened = i
        elif marks % 2 == 1:
            for j in range(opened, i):
                out[j] = i
            opened = None
        elif marks == 0 and i - opened > 6:
            opened = None  # an unbalanced quote mark, not a quotation
    return out


#: An auxiliary between the noun and a measure verb after it: a finite clause ("were
#: killed"), not a participle modifying the noun ("drones launched").
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|had|has|have|having|got|get)\b")
#: "put the figure at", "estimated the number at": a figure for the claim just made.
_FIGURE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating|gave|gives|"
    r"set|sets|setting)\s+(?:the|its|their|that|this|his|her)\s+(?:own\s+)?"
    r"(?:figure|number|count|total|estimate|tally|crowd|turnout|attendance)\s+at\s+$|"
    r"\b(?:bringing|brought|bring|brings|taking|took|raising|raised|pushing|pushed)\s+"
    r"(?:the|its|their)\s+(?:overall\s+|total\s+|cumulative\s+)?"
    r"(?:total|tally|count|number|toll)\s+(?:to|above|past)\s+$",
    re.I,
)
#: Verbs by which a party counts its own losses ("Russian forces lost 1,200 troops").
_LOSS_VERB = re.compile(r"(?:lost|loses|lose|losing|suffered|suffers|suffer)", re.I)
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


@dataclass(slots=True)
class _Claim:
    """A claim before actor nodes are frozen."""

    statement: str
    start: int
    end: int
    sentence: int
    stance: Stance = Stance.assertion
    claimant: str | None = None
    relay: str | None = None
    measure: str | None = None
    subject: str | None = None
    subject_text: str | None = None
    side: str | None = None
    target: str | None = None
    quantity: Quantity | None = None
    time: TimeRef | None = None
    confidence: float = 0.5
    #: the measure verb comes before the number ("killed 30 fighters"): the claimant's side
    #: did it, so what is counted is, by default, the other side's
    agentive: bool = False
    #: what is counted belongs to the claimant's opponent ("army outposts" said by rebels)
    opponent: bool = False


class _LazyTimes:
    """Time expressions of a sentence, computed only when a claim needs them."""

    __slots__ = ("_published", "_text", "_times")

    def __init__(self, text: str, published: date | None) -> None:
        self._text = text
        self._published = published
        self._times: list[TimeSpan] | None = None

    def get(self) -> list[TimeSpan]:
        if self._times is None:
            dateline = DATELINE.match(self._text)
            skip = dateline.end() if dateline is not None else 0
            # "BANGKOK, Aug 12 (Reuters) -" is when the story was filed, not a claim's time
            self._times = [t for t in find_times(self._text, self._published) if t.start >= skip]
        return self._times


@dataclass(slots=True)
class _State:
    last_claimant: str | None = None
    last_relay: str | None = None
    last_person: str | None = None
    last_org: str | None = None
    prev_attributed: bool = False
    claims: list[_Claim] = field(default_factory=list)


class _ArticleExtractor:
    def __init__(self, article: ArticleInput, backend: str = "rules") -> None:
        self.article = article
        self.body = article.body
        self.reg = ActorRegistry()
        self.reg.learn(self.body)
        self.attr = Attributor(self.reg)
        self.state = _State()
        self.countries = article_countries(self.body)
        self.syntax = SyntaxAttribution(self.attr) if backend == "parser" else None
        self.version = version_of(backend)

    # --- speakers ---------------------------------------------------------------------------
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

    # --- sentences ----------------------------------------------------------------------------
    def run(self) -> ExtractionResult:
        sentences = bound_sentences(split_sentences(self.body))
        body_sentences = [s for s in sentences if not s.is_heading or self._attributed_heading(s)]
        if self.syntax is not None:
            self.syntax.prepare(body_sentences)
        closing = _quotation_closings(body_sentences)
        for i, sent in enumerate(body_sentences):
            self._sentence(sent, self._quoted_speaker(body_sentences, i, closing))
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

    def _attributed_heading(self, sent: Sentence) -> bool:
        """A headline, standfirst or bullet that names who says its figure ("Storm leaves 7
        dead, says agency", "Police: 300 arrested") is read like a sentence; other short
        lines (bylines, datelines, contacts, unattributed headlines) are not."""
        if not has_candidate(sent.text):
            return False
        return any(isinstance(a.speaker, str) for a in self.attr.find(sent.text))

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
                # named parties the article's claims are attributed to
                speakers = {x.claimant for x in self.state.claims if x.claimant is not None}
                parties = {
                    key
                    for speaker in speakers
                    for key in self.reg.chain(speaker)
                    if self.reg.nodes[key].kind in _PARTY_KINDS
                }
                forms = [
                    (re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)"), key)
                    for key in sorted(parties)
                    for form in (self.reg.nodes[key].name, *self.reg.nodes[key].aliases)
                    if len(form) > 2 and form[0].isupper()
                ]
            own = self.reg.root(c.claimant)
            text = texts.get(c.sentence, "")
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
            if len(others) == 1:
                c.side = others.pop()

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
        if not text or text[0] not in _OPEN_QUOTES:
            return None
        end = closing.get(i)
        if end is not None and end > i:
            closer = sentences[end].text
            after = _first_quote(closer)
            for a in self.attr.find(closer):
                key = self._speaker(a.speaker)
                if a.start > after and key is not None:
                    return key, None
            return None
        if (
            end == i
            and i > 0
            and _count_quotes(text) == 2
            and text.rstrip(" .!?").endswith(_CLOSE_QUOTES)
            and self.state.prev_attributed
            and _count_quotes(sentences[i - 1].text) > 0
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
        times = _LazyTimes(s, self.article.published)
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

    def _possessed_speakers(self, s: str, atts: list[Attribution]) -> None:
        """ "The Front ... tells a different story. Its commander said ...": the commander
        is the Front's (the organisation last speaking), not a commander of no one."""
        org = self.state.last_org
        if org is None:
            return
        for a in atts:
            key = a.speaker
            if not isinstance(key, str) or not _POSSESSED.match(s, a.start):
                continue
            node = self.reg.nodes[key]
            if node.parent is not None or key == org or node.kind == ActorKind.person:
                continue
            owner = self.reg.nodes[org]
            a.speaker = self.reg._node(f"{owner.name} {node.name}", node.kind, parent=org)

    # --- numeric claims ------------------------------------------------------------------------
    def _numeric_claims(
        self,
        sent: Sentence,
        atts: list[Attribution],
        carry: tuple[str | None, str | None] | None,
        times: _LazyTimes,
    ) -> list[tuple[Attribution | None, _Claim]]:
        s = sent.text
        out: list[tuple[Attribution | None, _Claim]] = []
        prev: _Claim | None = None
        prev_end = 0
        for q in find_quantities(figure_text(s), self.countries):
            if q.is_vague and q.vague_word not in MAGNITUDE_VAGUE:
                continue
            if q.unit is None and _DEFINITE_BEFORE.search(s, max(0, q.start - 40), q.start):
                continue
            if q.unit is None and is_house_number(s, q.end):
                continue  # "47 Mill Lane": an address
            subj = parse_subject(s, q.end)
            if (
                q.unit is None
                and subj.category in _SOURCE_NOUNS
                and (
                    _CITING_BEFORE.search(s, max(0, q.start - 30), q.start)
                    or _SPEAKING_AFTER.match(s, subj.end)
                )
            ):
                continue  # the sources a speaker cites are not a count of anything
            between = s[prev_end : q.start]
            in_list = prev is not None and bool(
                _LIST_CUE.search(between) or _LIST_JOIN.fullmatch(between)
            )
            claim = self._build(sent, q, subj, atts, carry, prev if in_list else None, prev, times)
            if claim is None:
                continue
            att, c = claim
            out.append((att, c))
            prev = c
            prev_end = max(q.end, subj.end)
        return out

    def _build(
        self,
        sent: Sentence,
        q: QuantityMatch,
        subj: SubjectParse,
        atts: list[Attribution],
        carry: tuple[str | None, str | None] | None,
        prev: _Claim | None,
        prev_any: _Claim | None,
        times: _LazyTimes,
    ) -> tuple[Attribution | None, _Claim] | None:
        s = sent.text
        start, end = q.start, max(q.end, subj.end)
        measure: str | None = None
        category = subj.category
        surface = subj.surface
        if subj.others and prev_any is not None:
            category, surface = prev_any.subject, prev_any.subject_text
        head = subj.surface.split()[-1].lower() if subj.surface else ""
        if head in MEASURE_NOUNS:
            # "27 deaths", "1,151 cases", "2,318 votes": the noun names the measure
            measure = MEASURE_NOUNS[head]
            if measure == "killed" and category in {"dead", "death", "fatality"}:
                category = "people"
        if q.unit is not None:
            dim = q.unit.dimension
            if dim == "length":
                measure = "distance" if _DISTANCE_AFTER.match(s[q.end :]) else "length"
            else:
                measure = {"ratio": "percent", "currency": "amount"}.get(dim, dim)
            if category is None:
                back = _LINEAR_THING.findall(s[: q.start].lower())
                if back:
                    category = back[-1]
        hit = None
        if measure is None:
            hit = measure_after(s, end)
            if hit is None:
                hit = measure_before(s, q.start)
            elif not _AUXILIARY.search(s, end, hit.start):
                # "downed 37 of 48 drones launched overnight": the verb right before the
                # number, not a participle after the noun
                before = measure_before(s, q.start)
                if before is not None and not s[before.end : q.start].strip(' "“'):
                    hit = before
            if hit is None and q.zero:
                hit = measure_in_clause(s, end)
            if hit is not None:
                measure = hit.measure
                start, end = min(start, hit.start), max(end, hit.end)
        if q.zero and measure in (None, "count"):
            return None  # "no evidence", "no comment": a zero counts only a measure
        if q.zero and category is None and subj.surface is None:
            category = "people"  # "No one was hurt", "nobody died"
        inherited_side: str | None = None
        if measure is None and subj.empty:
            # "..., but Pakistan put the figure at 23": the figure of the claim just made
            fig = _FIGURE_AT.search(s, max(0, q.start - 60), q.start)
            ref = prev_any or (self.state.claims[-1] if self.state.claims else None)
            if fig is not None and ref is not None and ref.measure is not None:
                measure = ref.measure
                category, surface = ref.subject, ref.subject_text
                inherited_side = ref.side
                start = min(start, fig.start())
        if measure is None and subj.empty and (est := estimated_noun(s, q.start)) is not None:
            # "police put the crowd at 32,000": the crowd is what the figure counts
            counted, measure, at = est
            category, surface, start = counted.category, counted.surface, min(start, at)
        if measure is None and prev is not None and prev.measure not in (None, "count"):
            measure = prev.measure
        if subj.empty and category is None and prev_any is not None and measure is not None:
            category, surface = prev_any.subject, prev_any.subject_text
        if category is None and subj.possessive is not None:
            category = "combatants" if measure in {"killed", "wounded", "casualties"} else "people"
        if (
            category is None
            and measure
            in {
                "killed",
                "wounded",
                "casualties",
                "missing",
                "displaced",
                "arrested",
                "abducted",
                "rescued",
            }
            and subj.empty
        ):
            category = "people"
        if category in LIGHT_NOUNS or (category is None and measure is None):
            return None
        if category is None and q.unit is None:
            return None
        if measure is None:
            measure = "count"
        if (
            measure == "killed"
            and category not in PERSON_CATEGORIES
            and category is not None
            and _LOST.search(s[max(0, start - 12) : end].lower())
        ):
            measure = "lost"
        # attribution
        att, claimant, relay = self._choose(atts, q.start, end)
        carried = False
        if att is None and carry is not None:
            claimant, relay = carry
            carried = True
        if q.attributive:
            att, claimant, relay = None, None, None
        elif self.syntax is not None:  # the parser backend: who said it, from the parse
            said = self.syntax.decide(
                sent, q.start, end, claimant, relay, self._speaker, self._is_media
            )
            if said.drop:
                return None
            claimant, relay = said.claimant, said.relay
        # side of the counted people/things
        side: str | None = None
        if subj.possessive == "own" and claimant is not None:
            side = self.reg.root(claimant)
        elif subj.possessive is None:
            for word in subj.side_words:
                k = self.reg.side_of_word(word)
                if k is not None:
                    side = self.reg.root(k)
                    break
        if side is None and subj.possessive is None and category == "combatants":
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
        if side is None and inherited_side is not None:
            side = inherited_side
        if side is None and hit is not None and _LOSS_VERB.fullmatch(s[hit.start : hit.end]):
            side = self._loser_side(s[: hit.start], claimant)
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
            and subj.possessive is None
            and not subj.side_words
            and subj.surface is not None
            and subj.surface.split()[-1].lower() in _OWN_HEADS
            and measure in _OWN_MEASURES
            and hit is not None
            and hit.start >= q.end
        )
        if side is None and own_losses and claimant is not None:
            side = self._own_side(claimant)
        if (
            side is None
            and not state_other
            and prev_any is not None
            and prev_any.claimant == claimant
            and (subj.empty or subj.others or category in PERSON_CATEGORIES | {"posts"})
        ):
            side = prev_any.side
        if side is None and own_losses and claimant is not None:
            # "seven soldiers had died", said by the army's spokesman: the army's side
            side = next(
                (o for k in self.reg.chain(claimant) if (o := self._own_side(k)) is not None),
                None,
            )
        stance = att.stance if att is not None else Stance.assertion
        target = att.target if att is not None else None
        if stance == Stance.denial:
            stance = Stance.denial
        start, end = self._trim(sent, start, end)
        quantity = Quantity(
            text=q.text,
            qualifier=q.qualifier,
            lower=q.lower,
            upper=q.upper,
            strict_lower=q.strict_lower,
            strict_upper=q.strict_upper,
            unit=q.unit.symbol if q.unit else None,
            base_unit=q.unit.base if q.unit else None,
            base_lower=to_base(q.lower, q.unit),
            base_upper=to_base(q.upper, q.unit),
        )
        conf = 0.4
        if claimant is not None:
            conf += 0.1 if carried else 0.2
        if measure not in (None, "count"):
            conf += 0.15
        if category is not None:
            conf += 0.1
        if side is not None:
            conf += 0.05
        if q.qualifier == Qualifier.vague:
            conf -= 0.1
        time = nearest(times.get(), q.start, end)
        claim = _Claim(
            statement=collapse_ws(s),
            start=sent.start + start,
            end=sent.start + end,
            sentence=sent.index,
            stance=stance,
            claimant=claimant,
            relay=relay,
            measure=measure,
            subject=category,
            subject_text=collapse_ws(surface) if surface else None,
            side=side,
            target=target,
            quantity=quantity,
            time=time,
            confidence=max(0.05, min(0.95, conf)),
            opponent=state_other,
            agentive=(
                hit is not None
                and hit.start < q.start
                and not _LOSS_VERB.fullmatch(s[hit.start : hit.end])
            ),
        )
        return att, claim

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

    def _trim(self, sent: Sentence, start: int, end: int) -> tuple[int, int]:
        s = sent.text
        while end > start and s[end - 1] in " ,;:-–—(":
            end -= 1
        while start < end and s[start] in " ,;:":
            start += 1
        if s.count("(", start, end) > s.count(")", start, end):
            close = s.find(")", end)
            if close != -1 and close - end < 40:
                end = close + 1
        return start, end

    # --- non-numeric statements ---------------------------------------------------------------
    def _statement_claims(
        self,
        sent: Sentence,
        atts: list[Attribution],
        covered: set[int],
        numeric_atts: set[int],
        times: _LazyTimes,
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
            if a.content == "after":
                nxt = [
                    b.start
                    for b in primaries[i + 1 :]
                    if b.start > a.end
                    and self._speaker(b.speaker) != key
                    and b.content != "sentence"
                ]
                nxt += [
                    b.start
                    for b in atts
                    if b.participle
                    and b.start > a.end
                    and b.stance != a.stance
                    and b.stance != Stance.assertion
                ]
                stop = min(nxt) if nxt else len(s)
                start, end = a.start, stop
            elif a.content == "before":
                prevs = [b.end for b in primaries[:i] if b.end <= a.start]
                start, end = (max(prevs) if prevs else 0), a.end
            else:
                start, end = 0, len(s)
            start, end = self._trim_clause(s, start, end)
            if end - start < 12:
                continue
            if any(
                c.quantity is not None
                and c.sentence == sent.index
                and c.start - sent.start >= start
                and c.end - sent.start <= end
                and c.claimant == key
                for c in takewhile(lambda c: c.sentence == sent.index, reversed(self.state.claims))
            ):
                continue
            target = a.target
            if a.stance == Stance.denial and target is None:
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
                _Claim(
                    statement=collapse_ws(s[start:end]),
                    start=sent.start + start,
                    end=sent.start + end,
                    sentence=sent.index,
                    stance=a.stance,
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


def extract(article: ArticleInput, backend: str | None = None) -> ExtractionResult:
    """Extract the checkable claims of one article (deterministic, pure, thread-safe).

    ``backend``: "rules", "parser" or "auto" (default: ``EXTRACTION_BACKEND``, see
    :mod:`api.extraction.parse`).
    """
    return _ArticleExtractor(article, resolve_backend(backend)).run()


def extractor_version(backend: str | None = None) -> str:
    """The version string extraction with ``backend`` records (default: the configured one)."""
    return version_of(resolve_backend(backend))
