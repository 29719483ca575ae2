"""Recognition of number phrases: digits, number words, hedges, ranges, vague amounts, units.

Calendar dates, years, clock times, ages, durations, ordinals and numbers inside proper names
are recognised first and masked so that they never become quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .types import Qualifier
from .units import CURRENCY_PREFIXES, UNIT_AFTER_NUMBER, Unit, lookup

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
    r"about|around|some|roughly|approximately|approx\.|nearly|almost|close\s+to|an\s+estimated|"
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

_MODIFIER = re.compile(
    rf"\b(?:(?P<more>{_MORE})|(?P<atleast>{_AT_LEAST})|(?P<atmost>{_AT_MOST})|"
    rf"(?P<less>{_LESS})|(?P<approx>{_APPROX}))\s+$",
    re.IGNORECASE,
)

_QUANTITY = re.compile(
    rf"(?P<between>\bbetween\s+)?(?P<from>\bfrom\s+)?(?P<cur>US\$|\$|€|£|USD\s?)?(?P<n1>{_NUM})"
    rf"(?:(?P<rsep>\s*(?:-|–|—|to|or|and)\s*)(?P<cur2>US\$|\$|€|£)?(?P<n2>{_NUM}))?",
    re.IGNORECASE,
)

_VAGUE = re.compile(
    r"\b(?P<v>tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
    r"several\s+dozen|several\s+hundred|several\s+thousand|dozens|scores|hundreds|thousands|"
    r"millions|several|a\s+few|a\s+handful|numerous|multiple|a\s+dozen\s+or\s+so)\b"
    r"(?=\s+(?:of\s+)?[A-Za-z])",
    re.IGNORECASE,
)
_VAGUE_WORDS = re.compile(
    r"dozen|scores|hundreds|thousands|millions|several|few|handful|numerous|multiple", re.I
)
_VAGUE_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "dozens": (24, None),
    "several dozen": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "several hundred": (200, None),
    "thousands": (2000, None),
    "several thousand": (2000, None),
    "tens of thousands": (20000, None),
    "hundreds of thousands": (200000, None),
    "millions": (2000000, None),
    "tens of millions": (20000000, None),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful": (2, 6),
    "numerous": (2, None),
    "multiple": (2, None),
    "a dozen or so": (10, 14),
}
#: Vague amounts that carry an order of magnitude (the others are just "some").
MAGNITUDE_VAGUE = frozenset(
    {
        "dozens",
        "several dozen",
        "scores",
        "hundreds",
        "several hundred",
        "thousands",
        "several thousand",
        "tens of thousands",
        "hundreds of thousands",
        "millions",
        "tens of millions",
        "a dozen or so",
    }
)

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
_MONTH_ABBR_DOT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
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


_COUNT_AFTER_ONE = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:soldier|person|civilian|child|woman|man|policeman|officer|"
    r"fighter|militant|member|journalist|worker|student|pilot|troop|guard|aid worker|resident|"
    r"police officer|security official|post|drone|aircraft|helicopter|jet|tank|vehicle|"
    r"building|house|crossing)\b"
)


_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_TOKEN = re.compile(r"\d[\d,.]*|[A-Za-z]+")
_PREFIX_BEFORE = re.compile(r"(?:\bbetween\s+|\bfrom\s+|US\$|\$|€|£|USD\s?)$", re.IGNORECASE)
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
    """Cheap pre-filter: does ``text`` contain a digit or a number word at all?"""
    if _DIGIT.search(text):
        return True
    return not _CANDIDATE_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def find_quantities(text: str) -> list[QuantityMatch]:
    """All number phrases in ``text`` (offsets relative to ``text``), in order."""
    if not has_candidate(text):
        return []
    starts = [m.start() for m in _DIGIT_RUN.finditer(text)]
    excluded = _Covered(len(text), excluded_spans(text, starts))
    found: list[QuantityMatch] = []
    taken = _Covered(len(text))
    pos = 0
    for tok in _TOKEN.finditer(text):
        t0 = tok.start()
        if t0 < pos:
            continue
        word = tok.group()
        if not word[0].isdigit():
            low_word = word.lower()
            if low_word not in _CANDIDATE_WORDS and low_word not in {"a", "half"}:
                continue
        begin = t0
        before = text[max(0, t0 - 8) : t0]
        pre = _PREFIX_BEFORE.search(before)
        if pre is not None:
            begin = t0 - (len(before) - pre.start())
        m = _QUANTITY.match(text, begin)
        if m is None and begin != t0:
            m = _QUANTITY.match(text, t0)
        if m is None:
            continue
        pos = m.end("n1")
        n1 = m.group("n1")
        if not n1 or not n1.strip():
            continue
        n1_start, n1_end = m.start("n1"), m.end("n1")
        if n1_start > 0 and (text[n1_start - 1].isalnum() or text[n1_start - 1] in "_/"):
            continue
        if n1_start > 1 and text[n1_start - 1] in ",." and text[n1_start - 2].isdigit():
            continue
        is_word = not n1[0].isdigit()
        low = _WS.sub(" ", n1.lower().strip())
        if low == "a" or (low.startswith("a ") and not _A_SCALES_RE.search(low)):
            continue
        if low == "one" and not _COUNT_AFTER_ONE.match(text, n1_end):
            continue
        value1 = parse_number(n1)
        if value1 is None:
            continue
        start, end = (m.start("cur") if m.group("cur") else n1_start), n1_end
        value2: float | None = None
        range_kind = ""
        if m.group("n2"):
            sep = m.group("rsep").strip().lower()
            v2 = parse_number(m.group("n2"))
            ok = v2 is not None and v2 >= value1 and (sep != "and" or bool(m.group("between")))
            if ok:
                value2 = v2
                range_kind = sep
                end = m.end("n2")
                pos = end
        if m.group("between") and value2 is not None:
            start = m.start("between")
        elif m.group("from") and value2 is not None and range_kind == "to":
            start = m.start("from")
        if excluded.overlaps(n1_start, n1_end):
            continue
        if taken.overlaps(start, end):
            continue
        # unit
        unit: Unit | None = None
        attributive = False
        if m.group("cur"):
            unit = CURRENCY_PREFIXES.get(m.group("cur").strip())
        um = UNIT_AFTER_NUMBER.match(text, end)
        if unit is None and um is not None:
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
                attributive = "-" in um.group("sep") or bool(um.group("long"))
                end = um.end()
        qualifier = Qualifier.exact
        lower: float | None = value1
        upper: float | None = value1
        strict_lower = strict_upper = False
        if value2 is not None:
            qualifier = Qualifier.range
            upper = value2
        else:
            mod = _MODIFIER.search(text, max(0, start - 40), start)
            if mod is not None and mod.end() == start:
                start = mod.start()
                if mod.group("more"):
                    qualifier, upper, strict_lower = Qualifier.more_than, None, True
                elif mod.group("atleast"):
                    qualifier, upper = Qualifier.at_least, None
                elif mod.group("atmost"):
                    qualifier, lower = Qualifier.at_most, None
                elif mod.group("less"):
                    qualifier, lower, strict_upper = Qualifier.less_than, None, True
                else:
                    qualifier = Qualifier.approximately
            elif (or_so := _OR_SO.match(text[end:])) is not None:
                qualifier = Qualifier.approximately
                end += or_so.end()
        found.append(
            QuantityMatch(
                start=start,
                end=end,
                text=text[start:end],
                qualifier=qualifier,
                lower=lower,
                upper=upper,
                strict_lower=strict_lower,
                strict_upper=strict_upper,
                unit=unit,
                attributive=attributive,
                number_start=n1_start,
                number_end=m.end("n2") if value2 is not None else n1_end,
                word_number=is_word,
                value_text=text[n1_start : (m.end("n2") if value2 is not None else n1_end)],
            )
        )
        taken.add(start, end)
    vague_iter = _VAGUE.finditer(text) if _VAGUE_WORDS.search(text) else iter(())
    for v in vague_iter:
        if taken.overlaps(v.start(), v.end()):
            continue
        word = _WS.sub(" ", v.group("v").lower())
        lo, hi = _VAGUE_BOUNDS[word]
        start = v.start()
        mod = _MODIFIER.search(text, max(0, start - 40), start)
        qualifier = Qualifier.vague
        if mod is not None and mod.end() == start and (mod.group("more") or mod.group("atleast")):
            start = mod.start()
        found.append(
            QuantityMatch(
                start=start,
                end=v.end(),
                text=text[start : v.end()],
                qualifier=qualifier,
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
    found.sort(key=lambda q: q.start)
    return _merge_conversions(text, found)


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
