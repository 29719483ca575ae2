"""The cues attribution reads: reporting verbs, asides, boundaries, "according to", and
the tests of whether a verb reports where it stands (compiled once)."""

from __future__ import annotations

import re
from itertools import islice

from .bounds import MAX_CUES
from .lexicon import count_frames, figure_nouns, verb_adverbs
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
    r"(?<=[^\s,]),\s+(?:speaking|who|declining|requesting|asking|asked|citing|briefing|"
    r"responding|replying|answering|addressing|writing|appearing|"
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
#: A body's reckoning framing the sentence: "By Kyiv's count, 98 ...", "On the GEC's
#: provisional seat projection, ...", "results from the TSE's rapid count".
_BY_COUNT = re.compile(
    r"(?<![\w-])(?:[Bb]y|[Oo]n|[Ii]n|[Ff]rom|[Uu]nder)\s+"
    r"(?P<np>(?:the\s+)?(?:[\w.&-]+\s+){0,4}?[\w.&-]+)(?:'s|’s)\s+(?:own\s+)?(?:[a-z-]+\s+){0,3}?"
    rf"(?:{'|'.join((*figure_nouns(), *count_frames()))})\b"
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
