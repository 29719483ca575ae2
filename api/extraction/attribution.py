"""Attribution: who asserts what in a sentence (reporting verbs, "according to", relays)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from .actors.nodes import PronounRef
from .actors.patterns import TICKER
from .actors.registry import ActorRegistry
from .bounds import MAX_CUES
from .lexicon import figure_nouns, furniture_labels, person_roles, verb_adverbs
from .numberwords import trie_regex
from .types import Stance

_ACCUSE = "accused|accuses|accuse|accusing|blamed|blames|blame|blaming|alleged|alleges|alleging"
_DENY = (
    "denied|denies|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses|dismissing|"
    "refuted|refutes|refuting|disputed|disputes|disputing"
)
_FINITE = (
    "said|says|say|told|tells|stated|states|announced|announces|added|adds|noted|notes|"
    "reported|reports|claimed|claims|claim|declared|declares|confirmed|confirms|insisted|"
    "insists|warned|warns|estimated|estimates|demanded|demands|urged|urges|acknowledged|"
    "acknowledges|asserted|asserts|argued|argues|wrote|writes|tweeted|tweets|posted|"
    "maintained|maintains|revealed|reveals|disclosed|discloses|condemned|condemns|explained|"
    "explains|indicated|indicates|countered|counters|admitted|admits|called|calls|"
    "put|puts|placed|places|updated|updates|revised|revises|raised|raises|lowered|lowers|"
    "recorded|records|counted|counts|registered|registers|published|publishes|issued|issues|"
    f"{_ACCUSE}|{_DENY}"
)
_PARTICIPLE = (
    "saying|claiming|adding|noting|stating|insisting|warning|arguing|demanding|urging|"
    "estimating|accusing|blaming|alleging|denying|rejecting|dismissing|refuting|disputing"
)
_FINITE_WORDS = [w for w in _FINITE.split("|") if not w.endswith("ing")]
_VERB_RE = re.compile(
    rf"\b(?:(?P<fin>{trie_regex(_FINITE_WORDS)})|(?P<part>{trie_regex(_PARTICIPLE.split('|'))}))\b"
)
#: A comma-delimited aside between a speaker and the verb (", who asked not to be named,").
_ASIDE = re.compile(
    r"(?<=[^\s,]),\s+(?:speaking|who|declining|requesting|asking|citing|briefing|"
    r"talking|(?:in|on|at|through|via|during|after)\s+(?:its|his|her|their|a|an)\b|"
    r"for\s+(?:its|his|her|their)\s+part\b)[^,;:\"“”]*,\s*$"
)
#: A relative clause disputing the figure before it: ", a figure Moscow disputes".
_FIGURE_REL = re.compile(
    r"\b(?:a|the|which|that)\s+(?:figure|claim|number|toll|tally|account|allegation|"
    r"assertion|report|estimate)s?\s+(?:that\s+|which\s+)?"
    r"(?P<np>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|the\s+(?:[A-Z][\w'’.-]*\s+)?"
    r"(?:government|army|military|ministry|police|authorities|rebels|group|militants))"
    r"\s+(?:(?:has|have|had)\s+)?$"
)
#: A reporting verb sharing the subject of the clause before: ", and denied ...".
_COORDINATED = re.compile(r"(?:,\s*|\s)and\s+(?:(?:also|later|then|swiftly|quickly)\s+)?$")
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|as|what|widely|also\s+been|not\s+been)\s+$", re.I
)
_BOUNDARY = re.compile(
    r"(?:[;:“”\"]|\s—\s|\s–\s|\s-\s|--|\b(?:that|while|whereas|but|after|before|because|since|when|"
    r"though|although|if|whether|where|as|until|so)\b)",
    re.I,
)
_TIME_TAIL = re.compile(
    r"^\s*(?:(?:on|late|early|last|this|earlier|later|in|during)\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|overnight|"
    r"this\s+week|last\s+week|morning|evening|afternoon|night)?"
    r"(?:\s+(?:morning|evening|afternoon|night))?"
    r"(?:\s+(?:in|at|on)\s+(?:a|an|the|his|her|its|their|X)\b(?:\s+(?!that\b)[A-Za-z][\w'’-]*){0,8})?"
    r"\s*[.!?\"”’']*\s*$",
    re.I,
)
#: What may follow a clause-final attribution (", police said on Tuesday, the largest ...").
_FINAL_TAIL = re.compile(
    r"^(?:\s+(?:on|in|at|late|early|last|this|earlier|later|during|overnight|today|"
    r"yesterday|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|reporters|journalists|"
    r"the|a|an|citing|according|quoting|without|under|after|by)\b|\s*[,.;:!?\"”’'(—–-]|\s*$|"
    r"\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*(?:[,.;!?]|$))",
    re.I,
)
#: A left context that is only an introductory phrase ("In a statement Sunday,").
_INTRO_ONLY = re.compile(
    r"^\s*(?:[A-Z]{2,}[^,]*\([^)]*\)\s*[-—–]\s*)?(?:(?!at\s+(?:least|most)\b)(?:in|on|at|according|speaking|earlier|later|"
    r"meanwhile|separately|however|also|late|early|last|after|before|during|on\s+\w+)\b[^,]*,\s*)+$",
    re.I,
)
_THAT_SOON = re.compile(r"^(?:\s+[\w'’-]+){0,5}?\s+that\b|^\s*,?\s*(?:adding|saying)\b")
_PUT_TOLL = re.compile(
    r"^\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:toll|number|figure|tally|count|estimate)\b"
    r"|^\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?at\s+(?:about|around|some|roughly|nearly|"
    r"approximately|least|more|fewer|less|just|only|\d)"
    r"|^\s+(?:[a-z]+\s+)?(?:attendance|turnout|crowd|damage|losses|cost|bill)\s+at\b",
    re.I,
)
#: Verbs that report a figure only with a figure word as object ("put the toll at 31",
#: "updated the toll to 27", "put the magnitude at 6.9").
_TOLL_VERBS = frozenset(
    [
        "put",
        "puts",
        "placed",
        "places",
        "updated",
        "updates",
        "revised",
        "revises",
        "raised",
        "raises",
        "lowered",
        "lowers",
    ]
)
#: Verbs that report what their subject counted ("the institute recorded 143 aftershocks"):
#: only with a named speaker as subject.
_RECORD_VERBS = frozenset(["recorded", "records", "counted", "counts", "registered", "registers"])
#: Adverbs between the speaker and the verb ("The army now says"), blanked before the
#: speaker is read.
_VERB_ADVERB = re.compile(
    r"(?<=[\w,’'])\s+(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(verb_adverbs(), key=len, reverse=True)
    )
    + r")\s*$",
    re.I,
)
_FIGURE_NOUNS = "|".join(figure_nouns())
#: "according to SNP figures": the body whose figures they are.
_OWN_FIGURES = re.compile(rf"(?:'s|’s)?\s+(?:own\s+)?(?:{_FIGURE_NOUNS})\s*$", re.I)
#: ", the sheriff's office figures show", "police data showed": the body's figures say it.
_FIGURES_SHOW = re.compile(
    rf"(?P<np>(?:the\s+)?(?:[A-Z][\w.&-]*|[a-z]+)(?:\s+[\w.&-]+){{0,4}}?)(?:'s|’s)?\s+"
    rf"(?:own\s+)?(?:official\s+)?(?:{_FIGURE_NOUNS})\s+(?:show|shows|showed|suggest|suggests|indicate|indicates)\b"
)
_APPOSITIVE = re.compile(r"^\s*(?:a|an)\s+(?!(?:spokes|official|senior|top)\w*)\S", re.I)
_UNRESOLVED_OK = re.compile(
    r"^\s*(?:both|each|all|some|many|other|several|two|three|the\s+two|the\s+three|"
    r"the\s+two\s+\w+|neither|either)\b",
    re.I,
)
_ADJ_BEFORE = re.compile(r"(?:\b(?:a|an|the)|\baccording\s+to(?:\s+\w+){0,3})\s+$", re.I)
_DET_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|such|of)\s+$", re.I)
_AGENT_END = re.compile(
    r"\b(?:ministry|officials?|spokes(?:man|woman|person)|agency|office|police|army|military|"
    r"government|authorities|group|council|media|sources|minister|president|commander|chief|"
    r"department|service|forces|militants|rebels|witnesses|residents)\s*$",
    re.I,
)
_NOUNISH_VERBS = frozenset(
    {"claims", "claim", "reports", "notes", "states", "estimates", "calls", "charges", "says"}
)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|citing|as\s+(?:reported|quoted|cited|stated|announced|told)\s+(?:by|to)|"
    r"as\s+per|quoting)\s+",
    re.I,
)

#: A speaker label before a colon at the start of a line or bullet ("Police: 300 arrested",
#: "- Ministry: 14 more admitted", "Updated figures from Indeci: 27 dead").
_LABEL = re.compile(
    r"^\s*(?:[-•*·▪–—]\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[-–—]\s*)?)?"
    r"(?P<label>[A-Za-z][^:;\"“”‘’()\d]{1,60}?)\s*:\s+(?=\S)"
)
_ACCUSE_RE = re.compile(_ACCUSE)
_DENY_RE = re.compile(_DENY)
_RELATIVE_ROLE = re.compile(r"^\s*(?:who|which)\s+(?:is|was|are|were|serves\s+as|heads)\s+")
#: "who speaks for the group": the person is the group's spokesperson.
_SPEAKS_FOR = re.compile(r"^\s*(?:who|which)\s+(?:speaks|spoke)\s+(?:for|on\s+behalf\s+of)\s+")
_LEADING_GERUND = re.compile(r"^\s*[a-z]+ing\b")
_LEADING_RELATIVE = re.compile(r"^\s*(?:who|which|whom)\s+")
_ROLE_WORD = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|minister|president|secretary|envoy|"
    r"ambassador|official|commander|chief|head|leader|adviser|advisor|director)\b",
    re.I,
)
_NP_AFTER_END = re.compile(
    r"\s+(?:on|at|in|during|late|early|last|this|to|that|when|after|while)\b|[.!?:;\"”]"
)
_APPOSITION_END = re.compile(r"\s+(?:at|in|on|during)\s")
_ON_FOR = re.compile(r"\s+(?:on|for)\b")
#: Where the source named after "according to" ends ("U.S." and "J." are not ends).
_ACCORDING_END = re.compile(r"(?<!\b[A-Z])[.!?]\s|[;:\"”]\s|[.!?]$")
_ACCUSED_TARGET = re.compile(r"\s+(.{1,80}?)\s+(?:of|for)\b")
_DENIED_TARGET = re.compile(r"\s+(.{1,80}?)(?:[,.;:]|\s+(?:and|but|as|that|of|in|on)\b|$)")
_TARGET_TAIL = re.compile(
    r"(?:'s|’s)?\s+(?:claims?|charges?|allegations?|accusations?|reports?|statements?|"
    r"assertions?|version|account|figures?|accounts?)$"
)


@dataclass(slots=True)
class Attribution:
    speaker: str | PronounRef | None
    start: int  # start of the attribution (speaker or marker) in the sentence
    end: int  # end of the verb / NP
    verb: str
    content: str  # "after" | "before" | "sentence"
    stance: Stance
    target: str | None = None
    participle: bool = False
    citing: bool = False
    relay_hint: bool = False  # "as reported by X": X relays


def _split_segments(text: str, offset: int) -> list[tuple[str, int]]:
    """Split on commas that are outside parentheses; keep each segment's offset."""
    out: list[tuple[str, int]] = []
    depth = 0
    last = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append((text[last:i], offset + last))
            last = i + 1
    out.append((text[last:], offset + last))
    return out


def _stance_of(verb: str) -> Stance:
    if _ACCUSE_RE.fullmatch(verb):
        return Stance.accusation
    if _DENY_RE.fullmatch(verb):
        return Stance.denial
    return Stance.assertion


def _reports_here(s: str, m: re.Match[str], verb: str) -> bool:
    """Is the verb ``m`` of ``s`` used to report here (not passive, not "called" without
    "on/for", not a noun such as "the claims", not an adjective after an article)?"""
    if _PASSIVE_BEFORE.search(s, max(0, m.start() - 30), m.start()):
        return False
    if verb in {"called", "calls"} and not _ON_FOR.match(s[m.end() :]):
        return False
    if verb in _TOLL_VERBS and not _PUT_TOLL.match(s[m.end() :]):
        return False
    if verb in {
        "claims",
        "claim",
        "reports",
        "notes",
        "states",
        "estimates",
    } and _DET_BEFORE.search(s, max(0, m.start() - 30), m.start()):
        return False
    return not _ADJ_BEFORE.search(s, max(0, m.start() - 60), m.start())


def has_reporting_verb(s: str) -> bool:
    """Does ``s`` use a reporting verb ("said", "claimed"), whoever its speaker is?"""
    return any(_reports_here(s, m, m.group(0)) for m in islice(_VERB_RE.finditer(s), MAX_CUES))


class Attributor:
    def __init__(self, registry: ActorRegistry) -> None:
        self.reg = registry

    def _resolve_np(self, segment: str) -> str | PronounRef | None:
        seg = segment.strip()
        if not seg:
            return None
        key = self.reg.resolve(seg)
        if key is not None:
            return key
        tokens = seg.split()
        for i in range(1, min(len(tokens), 12)):
            tail = " ".join(tokens[i:])
            if not (tail[:1].isupper() or tokens[i].lower() in {"the", "a", "an"}):
                continue
            key = self.reg.resolve(tail)
            if key is not None:
                return key
        return None

    def _apply_parent(self, key: str | PronounRef | None, role_text: str) -> None:
        if not isinstance(key, str):
            return
        node = self.reg.nodes[key]
        if node.parent is not None or node.kind.value != "person":
            return
        role = _SPEAKS_FOR.sub("spokesperson for ", _RELATIVE_ROLE.sub("", role_text))
        parent = self.reg._resolve_role_phrase(role.strip())
        if parent is not None and parent != key:
            node.parent = parent

    def _subject_before(self, s: str, verb_start: int) -> tuple[str | PronounRef | None, int, bool]:
        """Speaker before a finite verb. Returns (speaker, start, found_any_text)."""
        left = s[:verb_start]
        # "Acme ASA (OSE: ACME), a supplier ..., said": the ticker's colon ends no clause
        left = TICKER.sub(lambda t: t.group(0).replace(":", " "), left)
        adverb = _VERB_ADVERB.search(left, max(0, verb_start - 40))
        if adverb is not None:
            left = left[: adverb.start()] + " " * (len(left) - adverb.start())
        aside = _ASIDE.search(left)
        aside_role = None
        if aside is not None:
            clause = left[aside.start() + 1 : aside.end()].strip(" ,")
            if _SPEAKS_FOR.match(clause):
                aside_role = clause  # "X, who speaks for the group, said": X's party
            # "An Israeli official, speaking on condition of anonymity because ..., said":
            # the aside is blanked out (offsets kept) so its "because" hides nothing
            left = left[: aside.start()] + " " * (len(left) - aside.start())
        bstart = 0
        for m in _BOUNDARY.finditer(left):
            bstart = m.end()
        window = left[bstart:]
        if not window.strip(" ,"):
            return None, verb_start, False
        segments = [(t, o) for t, o in _split_segments(window, bstart)]
        # drop empty trailing segments ("X, said")
        while segments and not segments[-1][0].strip():
            segments.pop()
        if not segments:
            return None, verb_start, False
        relative = None
        text, off = segments[-1]
        if _LEADING_GERUND.match(text) and len(segments) > 1:
            segments.pop()
            text, off = segments[-1]
        rel = _LEADING_RELATIVE.match(text)
        if rel is not None:
            inner = self._resolve_np(text[rel.end() :]) if len(text.split()) <= 6 else None
            if inner is not None:
                return inner, off + rel.end(), True
            if len(segments) > 1:
                relative = text
                segments.pop()
                text, off = segments[-1]
        if len(text.split()) > 14:
            text_tokens = text.split()
            text = " ".join(text_tokens[-8:])
            off = off + len(segments[-1][0]) - len(text)
        if len(segments) > 1 and _APPOSITIVE.match(text):
            # "the Syrian Observatory for Human Rights, a Britain-based war monitor, said"
            prev_text, prev_off = segments[-2]
            if len(prev_text.split()) <= 8:
                prev_key = self._resolve_np(prev_text) or self.reg.guess_named(prev_text)
                if isinstance(prev_key, str):
                    lead = len(prev_text) - len(prev_text.lstrip())
                    return prev_key, prev_off + lead, True
        key = self._resolve_np(text)
        if key is None:
            key = self.reg.guess_named(text)
        start = off + (len(text) - len(text.lstrip()))
        if (
            len(segments) > 1
            and self._is_role(text)
            and (not isinstance(key, str) or self.reg.nodes[key].kind.value != "person")
        ):
            prev_text, prev_off = segments[-2]
            prev_key = self._resolve_np(prev_text) if len(prev_text.split()) <= 6 else None
            if isinstance(prev_key, str) and self.reg.nodes[prev_key].kind.value == "person":
                self._apply_parent(prev_key, text)
                return prev_key, prev_off + (len(prev_text) - len(prev_text.lstrip())), True
        if key is None and not _UNRESOLVED_OK.match(text) and not _AGENT_END.search(text):
            return None, verb_start, False
        if isinstance(key, str):
            for role_text in (relative, aside_role):
                if role_text is not None:
                    self._apply_parent(key, role_text)
            if len(segments) > 1:
                prev_text = segments[-2][0]
                if self.reg.nodes[key].kind.value == "person":
                    self._apply_parent(key, prev_text)
                    if self.reg.nodes[key].parent is not None and self._is_role(prev_text):
                        start = segments[-2][1] + (len(prev_text) - len(prev_text.lstrip()))
        elif key is None and len(text.split()) > 5:
            return None, verb_start, False
        return key, start, True

    def _is_role(self, text: str) -> bool:
        if _ROLE_WORD.search(text):
            return True
        roles = person_roles()
        return any(w.strip(".,'’").lower().removesuffix("'s") in roles for w in text.split())

    def _np_after(self, s: str, pos: int) -> tuple[str | PronounRef | None, int]:
        rest = s[pos:]
        segs = _split_segments(rest, pos)
        if not segs:
            return None, pos
        text, off = segs[0]
        text = _NP_AFTER_END.split(text)[0]
        key = self._resolve_np(text)
        end = off + len(text)
        if isinstance(key, str) and len(segs) > 1 and self.reg.nodes[key].kind.value == "person":
            app = _APPOSITION_END.split(segs[1][0])[0]
            self._apply_parent(key, app)
        return key, end

    def find(self, s: str) -> list[Attribution]:
        out: list[Attribution] = []
        for m in islice(_VERB_RE.finditer(s), MAX_CUES):
            att = self._verb_attribution(s, m, out)
            if att is not None:
                out.append(att)
        out.extend(self._according(s))
        shown = self._figures_show(s)
        if shown is not None:
            out.append(shown)
        label = self._label(s)
        if label is not None and not any(a.start < label.end for a in out):
            out.append(label)
        out.sort(key=lambda a: a.start)
        return out

    def _verb_attribution(
        self, s: str, m: re.Match[str], out: list[Attribution]
    ) -> Attribution | None:
        """The attribution the reporting verb ``m`` makes, given those found before it in
        the sentence; None when it is no reporting verb here."""
        verb = m.group(0)
        if not _reports_here(s, m, verb):
            return None
        stance = _stance_of(verb)
        participle = bool(m.group("part"))
        if participle or _COORDINATED.search(s, max(0, m.start() - 20), m.start()):
            # "..., saying ..." and "The military said ..., and denied targeting
            # civilians": the speaker of the clause before
            prev = next((a for a in reversed(out) if not a.participle and a.speaker), None)
            if prev is not None:
                return Attribution(
                    speaker=prev.speaker,
                    start=m.start(),
                    end=m.end(),
                    verb=verb,
                    content="after",
                    stance=stance,
                    target=self._target(s, m.end(), stance),
                    participle=participle,
                )
            if participle:
                return None
        rel = _FIGURE_REL.search(s, max(0, m.start() - 80), m.start())
        if rel is not None and stance != Stance.assertion:
            # "..., a figure Moscow disputes": the figure just given is what is denied
            named = self._resolve_np(rel.group("np"))
            if isinstance(named, str):
                return Attribution(named, rel.start(), m.end(), verb, "before", stance)
        return self._subject_attribution(s, m, verb, stance)

    def _subject_attribution(
        self, s: str, m: re.Match[str], verb: str, stance: Stance
    ) -> Attribution | None:
        """The speaker before the verb ("the ministry said"), else after it ("..., said the
        ministry"), and whether what it says comes after or before."""
        speaker, start, had_text = self._subject_before(s, m.start())
        if verb in _RECORD_VERBS and not isinstance(speaker, str | PronounRef):
            return None  # "damage was recorded", "what was counted": no one counting
        if verb in _NOUNISH_VERBS and not isinstance(speaker, str | PronounRef) and had_text:
            return None  # "the claims", "its reports": a noun, not a verb
        if not had_text:
            before = s[: m.start()].rstrip()
            if before.endswith((",", ",”", ',"', "”", '"')) or not before:
                speaker, end = self._np_after(s, m.end())
                if speaker is not None:
                    return Attribution(speaker, m.start(), end, verb, "before", stance)
            return None
        content = "after"
        if _TIME_TAIL.match(s[m.end() :]) or (
            s[:start].rstrip().endswith((",", ',"', ",”", ",'", ",’"))
            and not _INTRO_ONLY.match(s[:start])
            and _FINAL_TAIL.match(s[m.end() :])
            and not _THAT_SOON.match(s[m.end() :])
        ):
            content = "before"
        return Attribution(
            speaker=speaker,
            start=start,
            end=m.end(),
            verb=verb,
            content=content,
            stance=stance,
            target=self._target(s, m.end(), stance),
        )

    def _figures_show(self, s: str) -> Attribution | None:
        """ "..., the sheriff's office figures show": the body whose figures they are says
        what comes before (or after, at the head of the sentence)."""
        m = _FIGURES_SHOW.search(s)
        if m is None:
            return None
        np = m.group("np")
        for i in range(min(len(np.split()), 5)):
            tail = " ".join(np.split()[i:])
            speaker = self._resolve_np(tail)
            if isinstance(speaker, str):
                content = "before" if _TIME_TAIL.match(s[m.end() :]) else "after"
                return Attribution(
                    speaker, m.start("np"), m.end(), "show", content, Stance.assertion
                )
        return None

    def _according(self, s: str) -> list[Attribution]:
        """ "according to X", "citing X", "as reported by X": X is the source."""
        out: list[Attribution] = []
        for m in islice(_ACCORDING.finditer(s), MAX_CUES):
            segs = _split_segments(s[m.end() :], m.end())
            text = segs[0][0]
            text = _ACCORDING_END.split(text)[0]
            speaker = self._resolve_np(text)
            own = _OWN_FIGURES.search(text)
            if speaker is None and own is not None and own.start() > 0:
                speaker = self._resolve_np(text[: own.start()])  # "according to SNP figures"
            if speaker is None or (isinstance(speaker, PronounRef) and speaker.kind != "document"):
                continue  # "according to the communiqué": its issuer, the last speaker
            marker = m.group(0).lower()
            out.append(
                Attribution(
                    speaker=speaker,
                    start=m.start(),
                    end=m.end() + len(text),
                    verb=marker.strip(),
                    content="sentence",
                    stance=Stance.assertion,
                    citing=marker.startswith(("citing", "quoting")),
                    relay_hint=marker.startswith("as "),
                )
            )
        return out

    def _label(self, s: str) -> Attribution | None:
        """ "Police: 300 arrested": the actor a short label before a colon names."""
        m = _LABEL.match(s)
        if m is None:
            return None
        label = m.group("label").strip()
        if len(label.split()) > 6 or label.lower() in furniture_labels():
            return None
        if label.isupper() and s.upper() == s:
            speaker = self._capitals_label(label)  # "CHOLERA HELL: 9 MORE DEAD"
        else:
            speaker = self._resolve_np(label)
        if not isinstance(speaker, str):
            return None
        start = m.start("label")
        return Attribution(speaker, start, m.end(), ":", "after", Stance.assertion)

    def _capitals_label(self, label: str) -> str | PronounRef | None:
        """The speaker a label of a line set in capitals names. Its case says nothing, so
        it is read in lower case ("POLICE", "HEALTH MINISTRY"), or as an acronym or name
        the article or the gazetteer knows ("UNHCR"); never as a name of its own ("FERRY
        HORROR")."""
        if label in self.reg.acronyms or self.reg.gaz.named(label) is not None:
            return self._resolve_np(label)
        return self.reg.resolve("the " + label.lower()) or self.reg.resolve(label.capitalize())

    def _target(self, s: str, pos: int, stance: Stance) -> str | None:
        if stance == Stance.assertion:
            return None
        rest = s[pos:]
        if stance == Stance.accusation:
            m = _ACCUSED_TARGET.match(rest)
        else:
            m = _DENIED_TARGET.match(rest)
        if m is None:
            return None
        np = m.group(1)
        np = _TARGET_TAIL.sub("", np)
        key = self._resolve_np(np)
        return key if isinstance(key, str) else None
