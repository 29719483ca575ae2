"""What a number counts: the measure (verb family) and the counted subject.

Measures (``ExtractedClaim.measure``): killed, wounded, casualties, captured, destroyed, lost,
closed, arrested, displaced, missing, abducted, struck, launched, rescued, released, deployed,
length, distance, area, mass, volume, speed, percent, amount, count.

Subject categories (``ExtractedClaim.subject``): combatants, police, civilians, people, posts,
camps, border crossings, locations, aircraft, vehicles, munitions, attacks, buildings,
settlements, border; other heads fall back to their singular lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from . import lexicon

_MEASURES = lexicon.measures()
_SUBJECTS = lexicon.subjects()
#: single measure words (lower case) -> measure; see ``lexicon/measures.toml``
MEASURE_WORDS: dict[str, str] = _MEASURES.words
#: multi-word measure phrases, longest first
MEASURE_PHRASES: dict[tuple[str, ...], str] = _MEASURES.phrases
#: counted nouns that name their measure ("27 deaths" -> killed, "1,151 cases" -> cases)
MEASURE_NOUNS: dict[str, str] = _MEASURES.nouns
#: Adjectives that name a measure inside a counted phrase ("fallen servicemen").
MEASURE_ADJECTIVES: dict[str, str] = _MEASURES.adjectives
#: Counted nouns naming the measure when nothing else does ("18,500 marchers": attended).
MEASURE_DEFAULT_NOUNS: dict[str, str] = _MEASURES.defaults
#: measures the pipeline derives rather than reads from a family: a figure's unit dimension
#: (``length``/``distance``, ``area``, ``mass``, ``volume``, ``speed``, ``percent``,
#: ``amount``), things lost, and a bare ``count``
DERIVED_MEASURES = (
    "lost",
    "count",
    "length",
    "distance",
    "area",
    "mass",
    "volume",
    "speed",
    "percent",
    "amount",
)
#: every measure a claim can carry, in a stable order: the families, then the derived ones
MEASURES: tuple[str, ...] = tuple(
    dict.fromkeys([*(family.name for family in _MEASURES.families), *DERIVED_MEASURES])
)
#: counted noun -> coarse category; see ``lexicon/subjects.toml``
SUBJECT_CATEGORIES: dict[str, str] = _SUBJECTS.categories
PERSON_CATEGORIES = _SUBJECTS.person_categories
LIGHT_NOUNS = _SUBJECTS.light
STOP_WORDS = frozenset(
    [
        "were",
        "was",
        "have",
        "has",
        "had",
        "are",
        "is",
        "been",
        "be",
        "being",
        "will",
        "would",
        "could",
        "may",
        "might",
        "can",
        "did",
        "do",
        "does",
        "who",
        "which",
        "that",
        "while",
        "where",
        "when",
        "whose",
        "and",
        "but",
        "or",
        "as",
        "in",
        "on",
        "at",
        "during",
        "along",
        "across",
        "from",
        "by",
        "with",
        "for",
        "to",
        "after",
        "before",
        "since",
        "including",
        "into",
        "near",
        "inside",
        "outside",
        "between",
        "over",
        "under",
        "than",
        "amid",
        "about",
        "against",
        "among",
        "without",
        "through",
        "per",
        "it",
        "they",
        "he",
        "she",
        "we",
        "this",
        "these",
        "those",
        "overnight",
        "today",
        "yesterday",
        "tonight",
        "last",
        "earlier",
        "later",
        *(day.lower() for day in lexicon.calendar().weekdays),
    ]
)
_SKIP_AFTER = frozenset(
    [
        # "are still missing", "remained unaccounted for": the state's measure comes after
        "still",
        "yet",
        "remain",
        "remained",
        "stay",
        "stayed",
        '"',
        "“",
        "”",
        "would",
        "will",
        "could",
        "might",
        "should",
        "were",
        "was",
        "have",
        "has",
        "had",
        "are",
        "is",
        "been",
        "be",
        "being",
        "also",
        "all",
        "reportedly",
        "allegedly",
        "briefly",
        "reported",
        "said",
        "believed",
        "later",
        "subsequently",
        "confirmed",
        "feared",
        "thought",
        "now",
        "already",
        "so",
        "far",
        "nearly",
        "almost",
        "just",
        "physically",
        "temporarily",
        "either",
        "both",
        "been",
        "being",
        "got",
        "get",
        # "hundreds more fled", "12 more were killed"
        "more",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")


def tokens(text: str, offset: int, limit: int | None = None) -> list[tuple[str, int, int]]:
    """The first ``limit`` tokens of ``text`` (all when None), offsets shifted by ``offset``."""
    return [
        (m.group(), offset + m.start(), offset + m.end())
        for m in islice(_WORD.finditer(text), limit)
    ]


#: Verbs that start a new clause after "and" ("30 fighters and rejected reports of ...").
CLAUSE_VERBS = _SUBJECTS.clause_verbs


@dataclass(frozen=True, slots=True)
class MeasureHit:
    measure: str
    start: int
    end: int


_PHRASE_FIRST = frozenset(p[0] for p in MEASURE_PHRASES)


def phrase_at(toks: list[tuple[str, int, int]], n: int) -> MeasureHit | None:
    """The longest measure phrase starting at token ``n`` ("shot down", "took part")."""
    if toks[n][0].lower() not in _PHRASE_FIRST:
        return None
    for phrase, measure in MEASURE_PHRASES.items():
        k = len(phrase)
        if n + k <= len(toks) and all(toks[n + j][0].lower() == phrase[j] for j in range(k)):
            return MeasureHit(measure, toks[n][1], toks[n + k - 1][2])
    return None


#: Words that end the clause a zero figure's verb is looked for in.
_CLAUSE_END = frozenset(
    {",", ";", ":", ".", "but", "because", "although", "how", "whether", "if", "what", "why"}
)


def measure_in_clause(s: str, pos: int, limit: int = 12) -> MeasureHit | None:
    """The first measure word or phrase in the clause after ``pos``, within ``limit`` words.

    For zero figures, whose verb may follow a prepositional phrase ("No one at the school
    was hurt", "no member of the security forces lost his life").
    """
    toks = tokens(s[pos : pos + 160], pos)
    for n, (word, a, b) in enumerate(toks[:limit]):
        low = word.lower()
        if low in _CLAUSE_END or low in CLAUSE_VERBS:
            return None
        phrase = phrase_at(toks, n)
        if phrase is not None:
            return phrase
        if low in MEASURE_WORDS:
            return MeasureHit(MEASURE_WORDS[low], a, b)
    return None


def verb_before(s: str, pos: int, limit: int = 6) -> MeasureHit | None:
    """The nearest measure word among the ``limit`` words of the clause before ``pos``:
    the verb of a count of times ("struck the frigate twice": struck)."""
    toks = tokens(s[max(0, pos - 80) : pos], max(0, pos - 80))
    for word, a, b in list(reversed(toks))[:limit]:
        low = word.lower()
        if low in _CLAUSE_END:
            return None
        if low in MEASURE_WORDS:
            return MeasureHit(MEASURE_WORDS[low], a, b)
    return None


def measure_after(s: str, pos: int, limit: int | None = None) -> MeasureHit | None:
    """A measure verb after the counted phrase: "were (also briefly) killed"."""
    text = s[pos : limit if limit is not None else len(s)]
    # skip an "including ..." parenthetical: "500 people, including 311 troops, have been killed"
    inc = re.match(r"\s*,\s*(?:including|among them|mostly|of whom|comprising)\b[^,]*,", text)
    offset = pos
    if inc is not None:
        text = text[inc.end() :]
        offset = pos + inc.end()
    inc2 = re.match(r"\s*(?:--|—|–)[^-—–]*(?:--|—|–)", text)
    if inc2 is not None:
        text = text[inc2.end() :]
        offset += inc2.end()
    toks = tokens(text[:120], offset, 8)
    for n, (word, a, b) in enumerate(toks):
        if n >= 8:
            break
        low = word.lower()
        phrase = phrase_at(toks, n)
        if phrase is not None:
            return phrase
        if low in MEASURE_WORDS:
            return MeasureHit(MEASURE_WORDS[low], a, b)
        if low in _SKIP_AFTER or low.endswith("ly"):
            continue
        break
    return None


_TOLL_BEFORE = re.compile(
    r"\b(?:(?P<kind>death|casualty|injury|fatality|fatalities)\s+)?"
    r"(?:toll|tally|number\s+of\s+(?P<what>dead|deaths|people\s+killed|fatalities|victims|"
    r"injured|wounded|casualties|people\s+injured))\b"
    r"(?:\s+(?:from|in|of|after)\s+[^,;:.]{1,50}?)?"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:to|at|of|reached|hit|passed|topped|exceeded|surpassed|"
    r"was|is|stands|stood|climbed|rose|jumped)"
    r"(?:\s+(?:to|at|by))?\s+$",
    re.I,
)
#: "The official death toll, which the ministry put at 29": the toll a relative clause sets.
_TOLL_WHICH = re.compile(
    r"\b(?:(?P<kind>death|casualty|injury)\s+)?(?:toll|tally)(?P<what>),?\s+which\s+"
    r"(?:[\w'’-]+\s+){1,7}?(?:put|puts|estimated|estimates|gave|gives|set|sets|placed)\s+at\s+$",
    re.I,
)
_SHOT_DOWN = re.compile(r"\b(?:shot|shoot|shoots|shooting)\s+down\s+(?:[\w'’-]+\s+){0,2}?$", re.I)


#: Words that may stand between a measure word and its number ("killed at least", "the
#: toll stood at"): the look-back steps over them (and over adverbs in -ly).
_BEFORE_GAP = frozenset(
    {
        "to",
        "have",
        "had",
        "has",
        "of",
        "temporarily",
        "reportedly",
        "allegedly",
        "also",
        "at",
        "stood",
        "rose",
        "climbed",
        "reached",
        "stands",
        "is",
        "was",
        "been",
        "collective",
        "the",
        "a",
        "an",
        "total",
        "overall",
        "another",
        "further",
        "additional",
        "all",
        '"',
        "“",
    }
)


def measure_before(s: str, pos: int) -> MeasureHit | None:
    """A measure verb before the number: "had killed (more than) 200", "of killing 23"."""
    window_start = max(0, pos - 140)
    window = s[window_start:pos]
    if "toll" in window or "tally" in window or "number of" in window:
        tm = _TOLL_BEFORE.search(window) or _TOLL_WHICH.search(window)
        if tm is not None:
            what = (tm.group("kind") or "") + " " + (tm.group("what") or "")
            kind = "wounded" if ("injur" in what or "wound" in what) else "killed"
            if "casualt" in what:
                kind = "casualties"
            a = window_start + tm.start()
            return MeasureHit(kind, a, a + len(tm.group(0).rstrip()))
    if "down" in window:
        sm = _SHOT_DOWN.search(window)
        if sm is not None:
            a = window_start + sm.start()
            return MeasureHit("destroyed", a, a + len(sm.group(0).rstrip()))
    toks = tokens(s[max(0, pos - 80) : pos], max(0, pos - 80))
    for phrase, measure in MEASURE_PHRASES.items():
        # "a crowd of 9,500": a phrase right before the number
        k = len(phrase)
        if k <= len(toks) and all(
            toks[len(toks) - k + j][0].lower() == phrase[j] for j in range(k)
        ):
            return MeasureHit(measure, toks[-k][1], toks[-1][2])
    return _measure_word_before(s, toks)


def _measure_word_before(s: str, toks: list[tuple[str, int, int]]) -> MeasureHit | None:
    """A measure word a few words before the number, over the words of :data:`_BEFORE_GAP`."""
    steps = 0
    for word, a, b in reversed(toks):
        low = word.lower()
        if low in MEASURE_WORDS:
            return MeasureHit(MEASURE_WORDS[low], a, b)
        if low in {"toll", "tally"}:
            prev = s[max(0, a - 12) : a].lower()
            kind = "wounded" if "injur" in prev else "killed"
            start = a - 6 if prev.endswith("death ") else a
            return MeasureHit(kind, max(0, start), b)
        steps += 1
        if steps > 4 or low in {",", ".", ";", ":"}:
            break
        if low in _BEFORE_GAP or low.endswith("ly"):
            continue
        break
    return None
