"""Recognition of number phrases: digits, number words, hedges, ranges, vague amounts, units.

Calendar dates, years, clock times, ages, durations, ordinals and numbers inside proper names
are recognised first and masked so that they never become quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon
from .types import Qualifier
from .units import (
    CURRENCY_AFTER_NUMBER,
    CURRENCY_BEFORE,
    CURRENCY_PREFIXES,
    UNIT_AFTER_NUMBER,
    Unit,
    currency_in,
    lookup,
)

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
    "bn": 1_000_000_000,
}


def trie_regex(words: list[str]) -> str:
    """A compact regex alternation (a character trie) matching exactly ``words``."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


_WORD = "(?:" + trie_regex([*_SMALL, *_TENS]) + ")"
_SCALE = "hundred|thousand|million|billion|trillion"
_WORD_NUMBER = (
    rf"a\s+dozen|half\s+a\s+dozen|(?:{_WORD})\s+dozen|(?:(?:{_WORD})(?:-(?:{_WORD}))?|a)(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?"
    rf"(?:{_WORD})(?:-(?:{_WORD}))?)?)*"
)
_DIGIT_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s*(?:million|billion|trillion|thousand|lakh|crore|bn)\b)?"
)
_A_SCALES = r"dozen|hundred|thousand|million|billion"
_A_SCALES_RE = re.compile(_A_SCALES)
_WS = re.compile(r"\s+")
_WORD_SEP = re.compile(r"[\s-]+")
_OR_SO = re.compile(r"\s+or\s+so\b")
_DIGITS_SCALE = re.compile(
    r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(million|billion|trillion|thousand|lakh|crore|bn)?"
)
_NUM = rf"(?:{_DIGIT_NUMBER}|\b(?:{_WORD_NUMBER})\b)"

_APPROX = (
    r"about|around|some|roughly|approximately|approx\.|nearly|almost|close\s+to|closer\s+to|"
    r"an\s+estimated(?:\s+[a-z]+){0,2}\s+of|an\s+estimated|estimated\s+(?:at|to\s+be)|"
    r"estimated|circa|more\s+or\s+less|or\s+so"
)
_MORE = (
    r"(?:just\s+|well\s+|slightly\s+)?(?:more\s+than|over|above|in\s+excess\s+of|upwards?\s+of|"
    r"greater\s+than)"
)
_AT_LEAST = r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
_AT_MOST = (
    r"up\s+to|at\s+most|as\s+many\s+as|as\s+much\s+as|no\s+more\s+than|not\s+more\s+than|"
    r"a\s+maximum\s+of"
)
_LESS = r"(?:just\s+|slightly\s+)?(?:fewer\s+than|less\s+than|under|below)"

#: A hedge that is a verb ("estimated at"): it qualifies the figure but is not its text.
_VERB_HEDGE = re.compile(r"estimated\s", re.I)
_MODIFIER = re.compile(
    rf"\b(?:(?P<more>{_MORE})|(?P<atleast>{_AT_LEAST})|(?P<atmost>{_AT_MOST})|"
    rf"(?P<less>{_LESS})|(?P<approx>{_APPROX}))\s+$",
    re.IGNORECASE,
)

_QUANTITY = re.compile(
    rf"(?P<between>\b(?i:between)\s+)?(?P<from>\b(?i:from)\s+)?(?:(?P<cur>{CURRENCY_BEFORE})\s?)?"
    rf"(?P<n1>(?i:{_NUM}))"
    rf"(?:(?P<rsep>\s*(?i:-|–|—|to|or|and)\s*)(?:{CURRENCY_BEFORE}\s?)?(?P<n2>(?i:{_NUM})))?",
)
_AMOUNTS = lexicon.amounts()
_VAGUE_BOUNDS: dict[str, tuple[float | None, float | None]] = _AMOUNTS.vague
#: Vague amounts that carry an order of magnitude (the others are just "some").
MAGNITUDE_VAGUE = _AMOUNTS.magnitude
_VAGUE = re.compile(
    r"\b(?P<v>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_VAGUE_BOUNDS, key=len, reverse=True)
    )
    + r")\b(?=\s+(?:of\s+)?[A-Za-z])",
    re.IGNORECASE,
)
_VAGUE_WORDS = re.compile(
    r"dozen|scores|hundreds|thousands|millions|several|few|handful|numerous|multiple", re.I
)


def _zero_pattern() -> re.Pattern[str]:
    """Words that count nothing ("no", "none of", "not a single"), from the lexicon."""
    forms = sorted({*_AMOUNTS.zero_determiners, *_AMOUNTS.zero_pronouns}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(
        rf"\b(?:{alt})\b(?![.\d-])"
        # "no more than 40", "no longer", "no one knows": not a figure
        r"(?!\s+(?:more|fewer|less|longer|later|sooner|doubt|matter|reason|sign|evidence|"
        r"indication|comment|immediate|information|details|word|knows|knew|know|can|could|"
        r"will|would|expects|expected|seems|appears|doubts|figures?|estimates?|toll|tally|"
        r"breakdown|count|official|one|single)\b)"
        # "denied losing any drones": "any" under a denial counts none
        r"|\b(?:denied|denies|deny|denying)\s+(?:that\s+|having\s+|[a-z]+ing\s+(?:out\s+)?)?"
        r"(?P<any>any)\b",
        re.IGNORECASE,
    )


_ZERO = _zero_pattern()
_CALENDAR = lexicon.calendar()
_MONTHS = "(?:" + "|".join((*_CALENDAR.months, *_CALENDAR.abbreviations)) + ")"
_MONTH_ABBR_DOT = "(?:" + "|".join(_CALENDAR.abbreviations) + r")\.?"
_MONTH_ANY = rf"(?:{_MONTHS}\b\.?|{_MONTH_ABBR_DOT})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Names followed by a number that is part of the name: "Article 370", "Flight 93". Matched
# through a trie (exactly one of these words can precede the white space).
_NUMBERED_NAMES = [
    "Article",
    "Section",
    "Resolution",
    "Flight",
    "Route",
    "Highway",
    "Road",
    "Street",
    "Block",
    "Sector",
    "Phase",
    "Chapter",
    "Clause",
    "Paragraph",
    "Amendment",
    "Room",
    "Gate",
    "Terminal",
    "Platform",
    "Unit",
    "Brigade",
    "Battalion",
    "Regiment",
    "Corps",
    "Squadron",
    "Division",
    "Vision",
    "Agenda",
    "Model",
    "Mark",
    "Version",
    "Boeing",
    "Airbus",
    "Number",
    "No.",
    "Nos.",
    "Class",
    "Grade",
    "Category",
    "Type",
    "Stage",
    "Zone",
    "District",
    "Ward",
    "Lot",
    "Bus",
    "Train",
    "Line",
    "Channel",
    "Group",
    "Level",
    "Apollo",
    "Camp",
    "Tower",
    "Building",
    "Floor",
    "Case",
    "Bill",
    "Act",
    "Law",
    "Order",
    "Ordinance",
    "Precinct",
    "Station",
    "Post",
]
_EXCLUSIONS = [
    # 27 March 2025, 27th of March, 3 Jan.
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_ANY}(?:,?\s+\d{{4}})?"),
    # February 27, 2026 / Sept. 15 / Jan 19 / March 2025
    re.compile(rf"\b{_MONTH_ANY}\s+{_DAY}\b(?:,?\s+\d{{4}}\b)?"),
    re.compile(rf"\b{_MONTH_ANY}\s+\d{{4}}\b"),
    # ISO and numeric dates
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),
    # clock times
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE),
    re.compile(r"\b\d{1,2}(?:\.\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE),
    re.compile(r"\b\d{4}\s*(?:GMT|UTC|IST|PKT|hrs|hours\s+GMT)\b"),
    # year ranges and decades: 2021-22, 1990s, the '90s
    re.compile(r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:\d{2}|\d{4})\b|\b\d{2,4}'?s\b"),
    re.compile(r"\b(?:aged|age of|ages of)\s+\d+(?:\s*(?:-|to)\s*\d+)?", re.IGNORECASE),
    # ordinals written with digits
    re.compile(r"\b\d+(?:st|nd|rd|th)\b"),
    # numbers glued to names: F-16, Covid-19, Su-30, G-20
    re.compile(r"\b[A-Z][A-Za-z]*-\d+[A-Za-z]?\b"),
    re.compile(r"\b(?:" + trie_regex(_NUMBERED_NAMES) + r")\s+\d+[A-Za-z]?\b"),
    # standalone years (1500-2099) unless counted things follow
    re.compile(
        r"(?<![\d,.])\b(?:1[5-9]\d\d|20\d\d)\b(?![,.]\d)(?!\s*(?:-|\s)\s*(?:km|kilomet|mile|met|"
        r"feet|foot|ton|kg|hect|acre|percent|per\s+cent|%|people|persons|civilians|soldiers|"
        r"troops|fighters|militants|police|migrants|refugees|families|homes|houses|children|"
        r"women|men)\b)"
    ),
]


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A number phrase found in a text, with offsets relative to that text."""

    start: int
    end: int
    text: str
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    strict_lower: bool = False
    strict_upper: bool = False
    unit: Unit | None = None
    vague_word: str | None = None
    attributive: bool = False  # "a 2,600-kilometer border", "1,600-mile-long"
    number_start: int = 0
    number_end: int = 0
    word_number: bool = False
    value_text: str = ""
    #: a figure of none: "no patient died", "None of our drones was lost"
    zero: bool = False

    @property
    def is_vague(self) -> bool:
        return self.qualifier == Qualifier.vague


def parse_number(text: str) -> float | None:
    """Parse a digit or word number ("2,600", "1.5 million", "twenty-three", "a dozen")."""
    t = _WS.sub(" ", text.strip().lower())
    m = _DIGITS_SCALE.fullmatch(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= _SCALES[m.group(2)]
        return value
    if t.endswith("dozen"):
        head = t[: -len("dozen")].strip()
        if head in ("a", ""):
            return 12.0
        if head == "half a":
            return 6.0
        inner = parse_number(head)
        return None if inner is None else inner * 12
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_SEP.split(t):
        if word == "and":
            continue
        if word == "a":
            current += 1
            seen = True
        elif word in _SMALL:
            current += _SMALL[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _SCALES:
            if not seen:
                return None
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    if not seen:
        return None
    return total + current


_PLAIN_EXCLUSIONS = [p for p in _EXCLUSIONS if not p.flags & re.IGNORECASE]
_ICASE_EXCLUSIONS = [p for p in _EXCLUSIONS if p.flags & re.IGNORECASE]
# Every exclusion starts at a word boundary (each pattern begins with ``\b``, after at most
# a look-behind); testing it once up front lets the scan skip mid-word positions quickly.
_EXCLUSION_PASSES = [
    re.compile(r"\b(?:" + "|".join(f"(?:{p.pattern})" for p in _PLAIN_EXCLUSIONS) + ")"),
    re.compile(
        r"\b(?:" + "|".join(f"(?:{p.pattern})" for p in _ICASE_EXCLUSIONS) + ")", re.IGNORECASE
    ),
]


# ages and durations: 35-year-old, four years, 10-day (number found backwards from the unit)
_DURATION_UNIT = re.compile(
    r"(?<=[\w\s-])(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
    r"century|nights?)(?:-old|\s+old|\s+ago)?\b",
    re.IGNORECASE,
)
_NUM_BEFORE_UNIT = re.compile(rf"\b(?:{_NUM})(?:\s*-\s*|\s+)$", re.IGNORECASE)


def _windows(text: str, positions: list[int], radius: int = 45) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in positions:
        a = max(0, p - radius)
        floor = max(0, a - 2 * radius)  # a word longer than that is no date or age
        while a > floor and not text[a - 1].isspace():
            a -= 1
        b = min(len(text), p + radius)
        ceiling = min(len(text), b + 2 * radius)
        while b < ceiling and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def excluded_spans(text: str, positions: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of dates, years, times, ages, durations, ordinals and name-numbers.

    With ``positions`` (candidate number offsets) only windows around them are scanned.
    """
    spans: list[tuple[int, int]] = []
    windows = [(0, len(text))] if positions is None else _windows(text, positions)
    for pattern in _EXCLUSION_PASSES:
        for a, b in windows:
            spans.extend((m.start(), m.end()) for m in pattern.finditer(text, a, b))
    for m in _DURATION_UNIT.finditer(text):
        lo = max(0, m.start() - 40)
        n = _NUM_BEFORE_UNIT.search(text, lo, m.start())
        if n is not None:
            spans.append((n.start(), m.end()))
    return spans


class _Covered:
    """Characters of a text covered by spans: overlap tests cost the query's length, not
    the number of spans (a text of thousands of numbers stays linear)."""

    __slots__ = ("_mask",)

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(size + 1)
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        if b > a:
            self._mask[a:b] = b"\x01" * (b - a)

    def overlaps(self, a: int, b: int) -> bool:
        return b > a and self._mask.find(1, a, b) != -1


#: Nouns "one" counts ("one soldier", "one Tajik serviceman", "one wounded border guard");
#: "one of the", "one day", "one another" are not figures.
_ONE_NOUNS = sorted(
    {*lexicon.subjects().categories}
    | {w[:-1] for w in lexicon.subjects().categories if w.endswith("s") and len(w) > 4}
    | {
        "soldier", "person", "civilian", "child", "woman", "man", "policeman", "officer",
        "fighter", "militant", "member", "journalist", "worker", "student", "pilot", "troop",
        "guard", "resident", "post", "drone", "aircraft", "helicopter", "jet", "tank",
        "vehicle", "building", "house", "crossing",
    }
)  # fmt: skip
_ONE_MODIFIER = r"(?:[A-Z][a-z]+\s+){0,2}(?:(?:[a-z]+ed|" + trie_regex(_ONE_NOUNS) + r")\s+)?"
_COUNT_AFTER_ONE = re.compile(r"\s+" + _ONE_MODIFIER + "(?:" + trie_regex(_ONE_NOUNS) + r")\b")


_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_TOKEN = re.compile(r"\d[\d,.]*|[A-Za-z]+")
_PREFIX_BEFORE = re.compile(
    rf"(?:\b(?i:between|from)\s+(?:{CURRENCY_BEFORE}\s?)?|{CURRENCY_BEFORE}\s?)$"
)
#: "SEK 842m", "$4.5m": a million written as "m" after a currency's figure.
_MILLION_SUFFIX = re.compile(r"(?:m|mn)\b")
_SCALE_TAIL = re.compile(r"\s*(million|billion|trillion|thousand|lakh|crore|bn)$", re.I)
_LETTERS = re.compile(r"[a-z]+")
_CANDIDATE_WORDS = frozenset(
    [
        *_SMALL,
        *_TENS,
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "several",
        "few",
        "handful",
        "numerous",
        "multiple",
        "hundred",
        "thousand",
        "million",
        "billion",
    ]
)


#: Words that may start a number phrase (for callers that bound how many they read).
CANDIDATE_WORDS = _CANDIDATE_WORDS


def has_candidate(text: str) -> bool:
    """Cheap pre-filter: does ``text`` contain a digit, a number word or a zero at all?"""
    if _DIGIT.search(text) or _ZERO.search(text):
        return True
    return not _CANDIDATE_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def _shared_scale(n1: str, n2: str, value1: float) -> float:
    """ "NOK 180 to 210 million": the scale written once applies to both ends."""
    tail = _SCALE_TAIL.search(n2)
    if tail is None or _SCALE_TAIL.search(n1) is not None or not n1[-1:].isdigit():
        return value1
    head = parse_number(n2[: tail.start()])
    if head is None or value1 > head:
        return value1
    return value1 * _SCALES[tail.group(1).lower()]


def find_quantities(text: str, countries: list[str] | None = None) -> list[QuantityMatch]:
    """All number phrases in ``text`` (offsets relative to ``text``), in order.

    ``countries`` (the article's, most mentioned first) decide what a shared currency sign
    or name means ("$" in a Chilean story is CLP).
    """
    if not has_candidate(text):
        return []
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    excluded = _Covered(len(text), excluded_spans(text, starts))
    found: list[QuantityMatch] = []
    taken = _Covered(len(text))
    pos = 0
    for tok in _TOKEN.finditer(text):
        if tok.start() < pos or not _may_start_number(tok.group()):
            continue
        m = _match_at(text, tok.start())
        if m is None:
            continue
        q, pos = _number_phrase(text, m, excluded, taken, countries)
        if q is not None:
            found.append(q)
            taken.add(q.start, q.end)
    found.extend(_vague_amounts(text, taken))
    found.extend(_zero_amounts(text, taken, excluded))
    found.sort(key=lambda q: q.start)
    return _merge_conversions(text, found)


def _may_start_number(word: str) -> bool:
    """Can the token ``word`` start a number phrase (a digit, a number word, "a", "half")?"""
    if word[0].isdigit():
        return True
    low_word = word.lower()
    return low_word in _CANDIDATE_WORDS or low_word in {"a", "half"}


def _match_at(text: str, t0: int) -> re.Match[str] | None:
    """The number phrase starting at the token at ``t0``, with a currency or "between" /
    "from" written just before it."""
    begin = t0
    before = text[max(0, t0 - 16) : t0]
    pre = _PREFIX_BEFORE.search(before)
    if pre is not None:
        begin = t0 - (len(before) - pre.start())
    m = _QUANTITY.match(text, begin)
    if m is None and begin != t0:
        m = _QUANTITY.match(text, t0)
    return m


def _first_number(text: str, m: re.Match[str]) -> float | None:
    """The value of the match's first number, or None when it is no figure (part of a
    word or of a bigger number, a lone "a", "one" that counts nothing)."""
    n1 = m.group("n1")
    if not n1 or not n1.strip():
        return None
    n1_start, n1_end = m.start("n1"), m.end("n1")
    glued = m.group("cur") is not None and m.end("cur") == n1_start  # "Sh1.2 billion"
    if n1_start > 0 and not glued and (text[n1_start - 1].isalnum() or text[n1_start - 1] in "_/"):
        return None
    if n1_start > 1 and text[n1_start - 1] in ",." and text[n1_start - 2].isdigit():
        return None
    low = _WS.sub(" ", n1.lower().strip())
    if low == "a" or (low.startswith("a ") and not _A_SCALES_RE.search(low)):
        return None
    if low == "one" and not _COUNT_AFTER_ONE.match(text, n1_end):
        return None
    return parse_number(n1)


@dataclass(slots=True)
class _Phrase:
    """A number phrase being read: its span, values and unit."""

    start: int
    end: int
    value1: float
    value2: float | None = None
    unit: Unit | None = None
    attributive: bool = False


def _number_phrase(
    text: str,
    m: re.Match[str],
    excluded: _Covered,
    taken: _Covered,
    countries: list[str] | None,
) -> tuple[QuantityMatch | None, int]:
    """The quantity the match ``m`` reads (None when it is no figure) and where the scan
    goes on."""
    pos = m.end("n1")
    value1 = _first_number(text, m)
    if value1 is None:
        return None, pos
    n1 = m.group("n1")
    n1_start, n1_end = m.start("n1"), m.end("n1")
    p = _Phrase(m.start("cur") if m.group("cur") else n1_start, n1_end, value1)
    if _read_range(m, p):
        pos = p.end
    if excluded.overlaps(n1_start, n1_end) or taken.overlaps(p.start, p.end):
        return None, pos
    _read_unit(text, m, p, countries)
    qualifier, lower, upper, strict_lower, strict_upper = _qualify(text, p)
    number_end = m.end("n2") if p.value2 is not None else n1_end
    q = QuantityMatch(
        start=p.start,
        end=p.end,
        text=text[p.start : p.end],
        qualifier=qualifier,
        lower=lower,
        upper=upper,
        strict_lower=strict_lower,
        strict_upper=strict_upper,
        unit=p.unit,
        attributive=p.attributive,
        number_start=n1_start,
        number_end=number_end,
        word_number=not n1[0].isdigit(),
        value_text=text[n1_start:number_end],
    )
    return q, pos


def _read_range(m: re.Match[str], p: _Phrase) -> bool:
    """Read the second number of "10 to 12", "between 150 and 200" into ``p``; True when
    the match is a range."""
    if not m.group("n2"):
        return False
    sep = m.group("rsep").strip().lower()
    v2 = parse_number(m.group("n2"))
    if v2 is None or v2 < p.value1 or (sep == "and" and not m.group("between")):
        return False
    p.value2 = v2
    p.value1 = _shared_scale(m.group("n1"), m.group("n2"), p.value1)
    p.end = m.end("n2")
    if m.group("between"):
        p.start = m.start("between")
    elif m.group("from") and sep == "to":
        p.start = m.start("from")
    return True


def _read_unit(text: str, m: re.Match[str], p: _Phrase, countries: list[str] | None) -> None:
    """The unit before or after the number: a currency sign or code, a unit of measure, a
    currency name ("50 million soles")."""
    n1 = m.group("n1")
    if m.group("cur"):
        form = m.group("cur").strip()
        p.unit = currency_in(form, countries) if countries else CURRENCY_PREFIXES.get(form)
        suffix = _MILLION_SUFFIX.match(text, p.end)
        if suffix is not None and p.value2 is None and n1[-1].isdigit():
            p.value1 *= 1_000_000
            p.end = suffix.end()
    um = UNIT_AFTER_NUMBER.match(text, p.end)
    if p.unit is None and um is not None:
        unit = lookup(um.group("unit"))
        if (
            unit is not None
            and um.group("sep") == ""
            and um.group("unit")[0].isalpha()
            and len(um.group("unit")) <= 2
            and not n1[-1].isdigit()
        ):
            unit = None
        if unit is not None:
            p.unit = unit
            p.attributive = "-" in um.group("sep") or bool(um.group("long"))
            p.end = um.end()
    if p.unit is None and (cm := CURRENCY_AFTER_NUMBER.match(text, p.end)) is not None:
        # "50 million soles", "USD 3.8 million", "2.5 billion crowns"
        p.unit = currency_in(cm.group("code"), countries or [])
        if p.unit is not None:
            p.end = cm.end()


def _qualify(text: str, p: _Phrase) -> tuple[Qualifier, float | None, float | None, bool, bool]:
    """(qualifier, lower, upper, strict lower, strict upper) of the phrase, from a range or
    a hedge right before it ("more than", "at least", "about") or "or so" after it; the
    span of ``p`` grows over the hedge."""
    if p.value2 is not None:
        return Qualifier.range, p.value1, p.value2, False, False
    mod = _MODIFIER.search(text, max(0, p.start - 40), p.start)
    if mod is not None and mod.end() == p.start:
        if not _VERB_HEDGE.match(mod.group()):
            p.start = mod.start()  # "was estimated at 40": the verb is no part of it
        if mod.group("more"):
            return Qualifier.more_than, p.value1, None, True, False
        if mod.group("atleast"):
            return Qualifier.at_least, p.value1, None, False, False
        if mod.group("atmost"):
            return Qualifier.at_most, None, p.value1, False, False
        if mod.group("less"):
            return Qualifier.less_than, None, p.value1, False, True
        return Qualifier.approximately, p.value1, p.value1, False, False
    if (or_so := _OR_SO.match(text[p.end :])) is not None:
        p.end += or_so.end()
        return Qualifier.approximately, p.value1, p.value1, False, False
    return Qualifier.exact, p.value1, p.value1, False, False


def _vague_amounts(text: str, taken: _Covered) -> list[QuantityMatch]:
    """Vague amounts ("dozens of", "hundreds", "several") not inside a number phrase."""
    out: list[QuantityMatch] = []
    vague_iter = _VAGUE.finditer(text) if _VAGUE_WORDS.search(text) else iter(())
    for v in vague_iter:
        if taken.overlaps(v.start(), v.end()):
            continue
        word = _WS.sub(" ", v.group("v").lower())
        lo, hi = _VAGUE_BOUNDS[word]
        start = v.start()
        mod = _MODIFIER.search(text, max(0, start - 40), start)
        if mod is not None and mod.end() == start and (mod.group("more") or mod.group("atleast")):
            start = mod.start()
        out.append(
            QuantityMatch(
                start=start,
                end=v.end(),
                text=text[start : v.end()],
                qualifier=Qualifier.vague,
                lower=lo,
                upper=hi,
                vague_word=word,
                number_start=v.start(),
                number_end=v.end(),
                word_number=True,
                value_text=v.group("v"),
            )
        )
        taken.add(start, v.end())
    return out


def _zero_amounts(text: str, taken: _Covered, excluded: _Covered) -> list[QuantityMatch]:
    """Figures of none ("no patient", "None of our drones", "denied losing any")."""
    out: list[QuantityMatch] = []
    for z in _ZERO.finditer(text):
        za, zb = z.span("any") if z.group("any") else z.span()
        if taken.overlaps(za, zb) or excluded.overlaps(za, zb):
            continue
        out.append(
            QuantityMatch(
                start=za,
                end=zb,
                text=text[za:zb],
                qualifier=Qualifier.exact,
                lower=0.0,
                upper=0.0,
                number_start=za,
                number_end=zb,
                word_number=True,
                value_text=text[za:zb],
                zero=True,
            )
        )
    return out


def _merge_conversions(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """Fold "2,600-kilometer (1,600-mile)" into one quantity spanning both."""
    out: list[QuantityMatch] = []
    i = 0
    while i < len(found):
        q = found[i]
        if q.unit is not None and i + 1 < len(found):
            nxt = found[i + 1]
            gap = text[q.end : nxt.start]
            if (
                nxt.unit is not None
                and nxt.unit.dimension == q.unit.dimension
                and re.fullmatch(
                    r"\s*[(\[]\s*(?:about|around|some|roughly|or|approximately)?\s*", gap
                )
            ):
                close = re.match(r"\s*[)\]]", text[nxt.end :])
                if close is not None:
                    end = nxt.end + close.end()
                    out.append(
                        QuantityMatch(
                            start=q.start,
                            end=end,
                            text=text[q.start : end],
                            qualifier=q.qualifier,
                            lower=q.lower,
                            upper=q.upper,
                            strict_lower=q.strict_lower,
                            strict_upper=q.strict_upper,
                            unit=q.unit,
                            vague_word=q.vague_word,
                            attributive=q.attributive,
                            number_start=q.number_start,
                            number_end=q.number_end,
                            word_number=q.word_number,
                            value_text=q.value_text,
                        )
                    )
                    i += 2
                    continue
        out.append(q)
        i += 1
    return out
