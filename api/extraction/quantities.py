"""Recognition of number phrases: digits, number words, hedges, ranges, vague amounts, units.

Calendar dates, years, clock times, ages, durations, ordinals and numbers inside proper names
are recognised first and masked so that they never become quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .amounts import MAGNITUDE_VAGUE as MAGNITUDE_VAGUE
from .amounts import ZERO, merge_conversions, vague_amounts, zero_amounts
from .exclusions import Covered as _Covered
from .exclusions import excluded_spans
from .figures import OR_SO, hedged
from .figures import QuantityMatch as QuantityMatch
from .numberwords import A_SCALES_RE as _A_SCALES_RE
from .numberwords import NUM as _NUM
from .numberwords import SCALES as _SCALES
from .numberwords import SMALL as _SMALL
from .numberwords import TENS as _TENS
from .numberwords import WS as _WS
from .numberwords import parse_number as parse_number
from .numberwords import trie_regex as trie_regex
from .proportions import shares_and_repeats
from .subject_words import DEGREE_ADVERBS
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

_QUANTITY = re.compile(
    rf"(?P<between>\b(?i:between)\s+)?(?P<from>\b(?i:from)\s+)?(?:(?P<cur>{CURRENCY_BEFORE})\s?)?"
    rf"(?P<n1>(?i:{_NUM}))"
    rf"(?:(?P<rsep>\s*(?i:-|–|—|to|or|and)\s*)(?:{CURRENCY_BEFORE}\s?)?(?P<n2>(?i:{_NUM})))?",
)


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
_NOT_BEFORE = re.compile(r"\bnot\s+$", re.I)
#: "one of them seriously", "one critically": one of the people just counted.
_ONE_PART = re.compile(r"\s+(?:of\s+(?:them|whom)\s+)?(?:" + "|".join(DEGREE_ADVERBS) + r")\b")
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
        "half",
        "twice",
        "thrice",
    ]
)


#: Words that may start a number phrase (for callers that bound how many they read).
CANDIDATE_WORDS = _CANDIDATE_WORDS


def has_candidate(text: str) -> bool:
    """Cheap pre-filter: does ``text`` contain a digit, a number word or a zero at all?"""
    if _DIGIT.search(text) or ZERO.search(text):
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
    found.extend(shares_and_repeats(text, excluded, taken))
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
    found.extend(vague_amounts(text, taken))
    found.extend(zero_amounts(text, taken, excluded))
    found.sort(key=lambda q: q.start)
    return merge_conversions(text, found)


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
    if low == "one" and _NOT_BEFORE.search(text, max(0, n1_start - 5), n1_start):
        return None  # "not one school": a figure of none
    if low == "one" and not (_COUNT_AFTER_ONE.match(text, n1_end) or _ONE_PART.match(text, n1_end)):
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
    bounds, begin = hedged(text, p.start, p.value1)
    if begin != p.start or bounds[0] != Qualifier.exact:
        p.start = begin
        return bounds
    if (or_so := OR_SO.match(text[p.end :])) is not None:
        p.end += or_so.end()
        return Qualifier.approximately, p.value1, p.value1, False, False
    return Qualifier.exact, p.value1, p.value1, False, False
