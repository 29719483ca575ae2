"""Figures that are a share or a number of times: "half of the suspects" and "nine out of
ten houses" (a percentage), "struck twice" and "went out 23 times" (a count of times).

They are found before the digits and number words of a text, so that "nine out of ten" is
one figure (90 %), not a nine and a ten, and "23 times" is not a count of "times".
"""

from __future__ import annotations

import re

from .exclusions import Covered
from .figures import QuantityMatch, hedged
from .numberwords import SMALL, TENS, parse_number
from .units import lookup

_PERCENT = lookup("%")
_COUNT_WORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_SMALL_NUMBER = rf"(?:\d{{1,3}}|{_COUNT_WORD}|a\s+hundred)"

#: "nine out of ten", "one in five", "three in every four".
_OUT_OF = re.compile(
    rf"\b(?P<n>{_SMALL_NUMBER})\s+(?:out\s+of|in)\s+(?:every\s+)?(?P<m>{_SMALL_NUMBER})\b"
    r"(?![.,]\d|\s*(?:%|percent|per\s+cent))",
    re.I,
)
#: "half" as a share: "half of the houses", "down by half", "turnout was barely half".
_HALF = re.compile(r"\bhalf\b(?!-)", re.I)
_HALF_BEFORE = re.compile(
    r"(?:\b(?:a|and\s+a|first|second|other|latter|former|the|one|each|every)\s+)$", re.I
)
_HALF_AFTER = re.compile(
    r"\s+(?:a|an|past|time|hour|century|decade|year|month|week|day|as|the\s+size|the\s+"
    r"number|the\s+rate|the\s+amount)\b",
    re.I,
)
#: What makes "half" a share: "of" after it, "by" or a copula or "at" before it (a hedge
#: and a quote may come between), or the end of a clause after a hedge.
_HALF_OF = re.compile(r"\s+of\b", re.I)
#: A noun right after "half" makes it an adjective ("half capacity", "half price").
_HALF_NOUN = re.compile(
    r"\s+(?!(?:of|the|its|their|his|her|our|all|them|those|these|and|or|but|not|in|on|at|by|"
    r"from|to|since|compared|than|this|that|last|a\s+year)\b)[a-z]",
    re.I,
)
_HALF_LEAD = re.compile(
    r"\b(?:by|at|was|were|is|are|be|been|only|just|barely|nearly|almost|roughly|about|"
    r"around|some|more\s+than|less\s+than|fewer\s+than|over|under)\s*[\"“']?\s*$",
    re.I,
)
#: "twice", "thrice", "23 times", "at least seven times": how often something happened.
_TIMES = re.compile(
    rf"\b(?:(?P<word>twice|thrice)|(?P<n>\d[\d,]*|{_COUNT_WORD})\s+times)\b",
    re.I,
)
#: After such a word, a multiplier or a rate, not a count: "twice as many", "three times
#: the size", "twice a week", "four times higher", "two-fold".
_NOT_TIMES = re.compile(
    r"\s*(?:-|as|more|less|fewer|higher|lower|larger|bigger|smaller|greater|faster|slower|"
    r"longer|shorter|the|that|than|over|what|its|their|his|her|our|a|an|per|each|every|"
    r"daily|weekly|monthly|yearly|annually|that\s+of|removed)\b",
    re.I,
)


def _match(
    text: str, start: int, end: int, value: float, value_start: int, *, percent: bool
) -> QuantityMatch:
    (qualifier, lower, upper, s_lower, s_upper), begin = hedged(text, start, value)
    return QuantityMatch(
        start=begin,
        end=end,
        text=text[begin:end],
        qualifier=qualifier,
        lower=lower,
        upper=upper,
        strict_lower=s_lower,
        strict_upper=s_upper,
        unit=_PERCENT if percent else None,
        number_start=value_start,
        number_end=end,
        word_number=not text[value_start].isdigit(),
        value_text=text[value_start:end],
        repeats=not percent,
    )


def _out_of(text: str, m: re.Match[str]) -> QuantityMatch | None:
    n, total = parse_number(m.group("n")), parse_number(m.group("m"))
    if n is None or total is None or not 0 < n < total or total > 1000:
        return None
    share = float(round(100 * n / total))  # "one in three": 33 %
    return _match(text, m.start(), m.end(), share, m.start(), percent=True)


def _half(text: str, m: re.Match[str]) -> QuantityMatch | None:
    before = text[max(0, m.start() - 24) : m.start()]
    if (
        _HALF_BEFORE.search(before)
        or _HALF_AFTER.match(text, m.end())
        or _HALF_NOUN.match(text, m.end())
    ):
        return None
    if not (_HALF_OF.match(text, m.end()) or _HALF_LEAD.search(before)):
        return None
    return _match(text, m.start(), m.end(), 50.0, m.start(), percent=True)


def _times(text: str, m: re.Match[str]) -> QuantityMatch | None:
    if _NOT_TIMES.match(text, m.end()):
        return None
    word = m.group("word")
    if word is not None:
        value: float | None = 2.0 if word.lower() == "twice" else 3.0
    else:
        value = parse_number(m.group("n"))
    if value is None or value < 1:
        return None
    return _match(text, m.start(), m.end(), value, m.start(), percent=False)


def shares_and_repeats(text: str, excluded: Covered, taken: Covered) -> list[QuantityMatch]:
    """Shares ("nine out of ten", "half of") and counts of times ("twice", "23 times") in
    ``text``, marked in ``taken`` so that their numbers are not read again."""
    out: list[QuantityMatch] = []
    for pattern, read in ((_OUT_OF, _out_of), (_HALF, _half), (_TIMES, _times)):
        for m in pattern.finditer(text):
            if excluded.overlaps(m.start(), m.end()) or taken.overlaps(m.start(), m.end()):
                continue
            q = read(text, m)
            if q is not None:
                out.append(q)
                taken.add(q.start, q.end)
            elif pattern is _TIMES:
                taken.add(m.start(), m.end())  # "three times faster": a multiplier
    return out
