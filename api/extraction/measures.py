"""What a number counts: the measure (verb family) and the counted subject.

Measures (``ExtractedClaim.measure``): killed, wounded, casualties, captured, destroyed, lost,
closed, arrested, displaced, missing, abducted, struck, launched, rescued, released, deployed,
length, distance, area, mass, percent, amount, count.

Subject categories (``ExtractedClaim.subject``): combatants, police, civilians, people, posts,
camps, border crossings, locations, aircraft, vehicles, munitions, attacks, buildings,
settlements, border; other heads fall back to their singular lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from . import lexicon
from .gazetteer import load
from .textutil import word_set

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
#: measures the pipeline derives rather than reads from a family: a figure's unit dimension
#: (``length``/``distance``, ``area``, ``mass``, ``speed``, ``percent``, ``amount``), things
#: lost, and a bare ``count``
DERIVED_MEASURES = (
    "lost",
    "count",
    "length",
    "distance",
    "area",
    "mass",
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
_STOP_WORDS = frozenset(
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
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")


@dataclass(frozen=True, slots=True)
class SubjectParse:
    surface: str | None  # "Pakistani soldiers"
    category: str | None  # "combatants"
    side_words: tuple[str, ...]  # capitalised modifiers that may name a side
    possessive: str | None  # "own" ("its/their soldiers"), "other" ("the other side's")
    end: int  # end offset (in the sentence) of the counted phrase
    others: bool = False  # "30 others": inherits the previous subject
    empty: bool = False  # nothing counted follows the number
    #: "seven of them were children", "eight were children": a part of the figure before,
    #: named after a copula (its measure is the previous figure's)
    predicate: bool = False


def _tokens(text: str, offset: int, limit: int | None = None) -> list[tuple[str, int, int]]:
    """The first ``limit`` tokens of ``text`` (all when None), offsets shifted by ``offset``."""
    return [
        (m.group(), offset + m.start(), offset + m.end())
        for m in islice(_WORD.finditer(text), limit)
    ]


def lemma(noun: str) -> str:
    n = noun.lower().replace("’", "'")
    if n in SUBJECT_CATEGORIES:
        return n
    for suffix, repl in (
        ("ies", "y"),
        ("men", "man"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("sses", "ss"),
        ("ses", "s"),
        ("s", ""),
    ):
        if n.endswith(suffix) and len(n) > len(suffix) + 2:
            return n[: -len(suffix)] + repl
    return n


def demonym_plural(word: str) -> str | None:
    """The demonym of a plural people noun ("Palestinians" -> "Palestinian"), else None."""
    if len(word) < 4 or not word[0].isupper() or not word.endswith("s"):
        return None
    place = load().place_index.get(word[:-1])
    if place is not None and place[1] == "demonym":
        return word[:-1]
    return None


def category_of(head: str) -> str:
    low = head.lower()
    return SUBJECT_CATEGORIES.get(low) or SUBJECT_CATEGORIES.get(lemma(low)) or lemma(low)


#: Verbs that start a new clause after "and" ("30 fighters and rejected reports of ...").
_CLAUSE_VERBS = _SUBJECTS.clause_verbs
_NOT_HEADS = _SUBJECTS.not_heads
#: Number words that start the next counted phrase ("five firefighters and two passers-by").
_NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred dozen dozens hundreds thousands"
)


#: Prepositions that end the counted noun phrase ("fighters of the Movement": fighters).
_POSTMODIFIERS = frozenset({"of", "in", "at", "from", "for", "on", "with", "near", "to"})
#: Person nouns that name combatants whatever the category table says of other words.
_COMBATANT_HEADS = frozenset(
    {
        "soldiers",
        "troops",
        "fighters",
        "militants",
        "terrorists",
        "forces",
        "insurgents",
        "rebels",
        "personnel",
        "commandos",
        "gunmen",
        "attackers",
        "servicemen",
        "soldier",
    }
)


def _possessive_prefix(
    s: str, toks: list[tuple[str, int, int]], pos: int
) -> tuple[int, str | None] | SubjectParse:
    """Skip "of its (own)", "of the other side's", "of the" before the counted noun:
    (index of the noun phrase, possessive), or the whole parse when nothing is counted."""
    i = 0
    possessive: str | None = None
    if not (toks and toks[0][0].lower() in {"of", "on", "from"}):
        return 0, None
    j = 1
    words = [t[0].lower() for t in toks[j : j + 5]]
    if words[:1] and words[0] in {"its", "their", "our", "his", "her"}:
        possessive = "own"
        j += 1
        if j < len(toks) and toks[j][0].lower() == "own":
            j += 1
        if j < len(toks) and toks[j][0].lower() in {"side", "part"}:
            return SubjectParse(None, None, (), "own", toks[j][2])
        i = j
    elif words[:3] == ["the", "other", "side's"] or words[:4] == ["the", "other", "side", "’s"]:
        possessive = "other"
        i = j + 3
    elif toks[0][0].lower() == "of" and words[:1] and words[0] in {"them", "us", "whom"}:
        named = _predicate(s, toks[j][2])
        return named or SubjectParse("others", None, (), None, toks[j][2], others=True)
    elif toks[0][0].lower() == "of":
        if words[:1] and words[0] in {"the", "those", "these"}:
            j += 1
        i = j
    else:
        return SubjectParse(None, None, (), None, pos, empty=True)
    # "37 of 48 drones", "14 of its 21 closed roads": the total is not the noun
    if i < len(toks) and toks[i][0][:1].isdigit():
        i += 1
    return i, possessive


def _ends_phrase(toks: list[tuple[str, int, int]], k: int, modifiers: list[str]) -> bool:
    """A verb or participle after the counted noun ends its phrase ("12 miners remained
    trapped", "tally sheets processed", "marchers flooded the city"); before it, it is an
    adjective ("46 unmanned aerial vehicles")."""
    low = toks[k][0].lower()
    prev = modifiers[-1] if modifiers else ""
    return (
        (prev.lower() in SUBJECT_CATEGORIES or (prev.islower() and prev.endswith("s")))
        and toks[k][0][:1].islower()
        and len(low) > 4
        and low.endswith(("ed", "ing"))
        and low not in SUBJECT_CATEGORIES
        and low not in _NUMBER_WORDS
    )


def parse_subject(s: str, pos: int) -> SubjectParse:
    """Parse what is counted right after a number phrase ending at ``pos``."""
    toks = _tokens(s[pos : pos + 160], pos, 24)  # the parse below reads at most ~17
    prefix = _possessive_prefix(s, toks, pos)
    if isinstance(prefix, SubjectParse):
        return prefix
    i, possessive = prefix
    side_words: list[str] = []
    modifiers: list[str] = []
    #: where each noun phrase of the counted phrase ends (an index into ``modifiers``)
    phrase_ends: list[int] = []
    end = pos
    k = i
    while k < len(toks) and k < i + 9:
        word, _a, b = toks[k]
        low = word.lower()
        if not word[0].isalpha():
            if word in {"-", "–"} and modifiers:
                k += 1
                continue
            break
        if low in _STOP_WORDS and low not in {"and"}:
            break
        if low in _NOT_HEADS:
            # a hedge or participle is never the counted noun ("roughly", "more", "drawn")
            if modifiers:
                break
            i = k + 1
            k += 1
            continue
        if low == "and":
            # coordination continues only with another noun phrase
            if (
                k + 1 < len(toks)
                and toks[k + 1][0][0].isalpha()
                and (
                    toks[k + 1][0].lower() not in _STOP_WORDS
                    and toks[k + 1][0].lower() not in MEASURE_WORDS
                    and toks[k + 1][0].lower() not in _CLAUSE_VERBS
                    and toks[k + 1][0].lower() not in _NUMBER_WORDS
                )
            ):
                phrase_ends.append(len(modifiers))
                k += 1
                continue
            break
        if low in MEASURE_WORDS and low not in {"dead"} and modifiers:
            break
        if modifiers and _phrase_at(toks, k) is not None:
            break  # "40,000 people took part": the phrase is the measure, not the noun
        if low in MEASURE_WORDS and not modifiers:
            break
        if (k == 0 or toks[k - 1][0].lower() != "and") and _ends_phrase(toks, k, modifiers):
            break
        if low in _POSTMODIFIERS:
            phrase_ends.append(len(modifiers))
        if word[0].isupper():
            side_words.append(word)
        modifiers.append(word)
        end = b
        k += 1
    # postmodifier "on the Afghan side (of the border)"
    post = re.match(
        r"\s+(?:on|from)\s+the\s+((?:[A-Z][\w'’-]+\s+)+)side(?:\s+of(?:\s+the)?\s+(?:border|frontier|line))?",
        s[end:],
    )
    if post:
        side_words.extend(post.group(1).split())
        end = end + post.end()
    if not modifiers:
        named = _predicate(s, end) if possessive is None else None
        return named or SubjectParse(
            None, None, tuple(side_words), possessive, end, empty=possessive is None
        )
    if len(modifiers) == 1 and modifiers[0].lower() == "others":
        return SubjectParse("others", None, (), possessive, end, others=True)
    surface = s[toks[i][1] : end] if i < len(toks) else None
    category = _category(modifiers, phrase_ends, side_words)
    return SubjectParse(surface, category, tuple(side_words), possessive, end)


_COPULA = re.compile(r"\s+(?:were|are)\s+(?:(?:all|also|mostly|reportedly)\s+)?(?=[a-z])")


def _predicate(s: str, pos: int) -> SubjectParse | None:
    """ "(seven of them) were children": the people a part of a figure is, after a copula."""
    m = _COPULA.match(s, pos)
    if m is None:
        return None
    named = parse_subject(s, m.end() - 1)
    if named.category not in PERSON_CATEGORIES or named.surface is None:
        return None
    return SubjectParse(named.surface, named.category, (), None, named.end, predicate=True)


def _head(words: list[str]) -> str | None:
    """The head of a noun phrase: its last word ("border guards" -> guards, "polling
    tables" -> tables)."""
    return words[-1] if words else None


def _category(modifiers: list[str], phrase_ends: list[int], side_words: list[str]) -> str | None:
    """The category of what is counted, from the head of its noun phrases: the last
    coordinated phrase whose head is a known noun ("women and children" -> civilians),
    else the first phrase's head ("voting booths" -> booth)."""
    category: str | None = None
    start = 0
    for stop in [*phrase_ends, len(modifiers)]:
        phrase = modifiers[start:stop]
        partitive = category in LIGHT_NOUNS and phrase[:1] and phrase[0].lower() == "of"
        if phrase and phrase[0].lower() in _POSTMODIFIERS and not partitive:
            phrase = []  # "of the Movement": a postmodifier, not a counted phrase
        start = stop
        # "600 rounds of ammunition": the rounds are of what the phrase after "of" names
        head = _head([w for w in phrase if w.lower() not in _POSTMODIFIERS])
        if head is None:
            continue
        low = head.lower()
        if low in SUBJECT_CATEGORIES:
            category = SUBJECT_CATEGORIES[low]
        elif low in _COMBATANT_HEADS or (head[0].islower() and (category is None or partitive)):
            category = category_of(low)
    if category is None and demonym_plural(modifiers[-1]) is not None:
        # "27 Palestinians", "60 Ukrainians": people of a country
        category = "people"
    if category is None and side_words and all(w[0].isupper() for w in modifiers):
        # "200 Taliban": a group name used as a noun
        category = "combatants" if any(w.lower() in SUBJECT_CATEGORIES for w in modifiers) else None
    return category


@dataclass(frozen=True, slots=True)
class MeasureHit:
    measure: str
    start: int
    end: int


_PHRASE_FIRST = frozenset(p[0] for p in MEASURE_PHRASES)


def _phrase_at(toks: list[tuple[str, int, int]], n: int) -> MeasureHit | None:
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
    toks = _tokens(s[pos : pos + 160], pos)
    for n, (word, a, b) in enumerate(toks[:limit]):
        low = word.lower()
        if low in _CLAUSE_END or low in _CLAUSE_VERBS:
            return None
        phrase = _phrase_at(toks, n)
        if phrase is not None:
            return phrase
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
    toks = _tokens(text[:120], offset, 8)
    for n, (word, a, b) in enumerate(toks):
        if n >= 8:
            break
        low = word.lower()
        phrase = _phrase_at(toks, n)
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
_SHOT_DOWN = re.compile(r"\b(?:shot|shoot|shoots|shooting)\s+down\s+(?:[\w'’-]+\s+){0,2}?$", re.I)


def measure_before(s: str, pos: int) -> MeasureHit | None:
    """A measure verb before the number: "had killed (more than) 200", "of killing 23"."""
    window_start = max(0, pos - 140)
    window = s[window_start:pos]
    if "toll" in window or "tally" in window or "number of" in window:
        tm = _TOLL_BEFORE.search(window)
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
    toks = _tokens(s[max(0, pos - 80) : pos], max(0, pos - 80))
    for phrase, measure in MEASURE_PHRASES.items():
        # "a crowd of 9,500": a phrase right before the number
        k = len(phrase)
        if k <= len(toks) and all(
            toks[len(toks) - k + j][0].lower() == phrase[j] for j in range(k)
        ):
            return MeasureHit(measure, toks[-k][1], toks[-1][2])
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
        if low in {
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
        } or low.endswith("ly"):
            continue
        break
    return None
