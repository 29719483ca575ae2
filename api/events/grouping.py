"""Pure helpers for grouping articles into events (no web or database imports).

An article's *signature* is the set of salient terms it names: proper-noun phrases and
the single capitalised words inside them, normalised. Articles join the event whose
terms cover theirs best (countries and capitals weigh little: every story about a region
names them), within a window of publication dates where dates are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from api.extraction import gazetteer
from api.names import normalize_name

_PROPER = re.compile(r"\b[A-Z][\w’'\-.]*[\w](?:\s+(?:of|the|al|bin|de|-)?\s*[A-Z][\w’'\-.]*[\w])*")
_POSSESSIVE = re.compile(r"(?:’s|'s)$")

# Capitalised words that say nothing about which event an article is about.
_NOISE = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "it",
        "its",
        "mr",
        "mrs",
        "ms",
        "no",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "with",
        "also",
        "after",
        "before",
        "however",
        "meanwhile",
        "while",
        "both",
        "each",
        "earlier",
        "later",
        "last",
        "next",
        "since",
        "until",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "president",
        "minister",
        "prime",
        "foreign",
        "defense",
        "defence",
        "interior",
        "secretary",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "general",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "official",
        "officials",
        "ministry",
        "government",
        "army",
        "military",
        "police",
        "photo",
        "video",
        "read",
        "watch",
        "also",
        "home",
        "news",
        "reported",
        "said",
        "says",
        "according",
    ]
)

MAX_TERMS = 200


def signature(text: str) -> frozenset[str]:
    """The normalised salient terms of a text."""
    terms: set[str] = set()
    for match in _PROPER.finditer(text):
        phrase = _POSSESSIVE.sub("", match.group(0))
        words = [normalize_name(_POSSESSIVE.sub("", w)) for w in phrase.split()]
        words = [w for w in words if w and w not in _NOISE and not w.isdigit()]
        for word in words:
            if len(word) > 2:
                terms.add(word)
        if len(words) > 1:
            terms.add(" ".join(words))
        if len(terms) >= MAX_TERMS:
            break
    return frozenset(t[:100] for t in terms)


PLACE_WEIGHT = 0.25
"""Countries, capitals and demonyms are shared by every story about a region: they count
a quarter as much as names of people, places within a country, groups and things."""


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(normalize_name(form) for form in gazetteer.load().place_index)


def weight(term: str) -> float:
    return PLACE_WEIGHT if term in _places() else 1.0


def coverage(article_terms: Iterable[str], event_terms: Iterable[str]) -> float:
    """Weighted share of the article's terms that the event names too (0..1)."""
    mine = set(article_terms)
    total = sum(weight(t) for t in mine)
    if total == 0:
        return 0.0
    shared = mine.intersection(event_terms)
    return sum(weight(t) for t in shared) / total


@dataclass(frozen=True, slots=True)
class DateWindow:
    start: date | None
    end: date | None

    def admits(self, day: date | None, slack_days: int) -> bool:
        """Whether an article published on ``day`` may belong to an event spanning this."""
        if day is None or self.start is None or self.end is None:
            return True
        slack = timedelta(days=slack_days)
        return self.start - slack <= day <= self.end + slack

    def widened(self, day: date | None) -> DateWindow:
        if day is None:
            return self
        start = day if self.start is None else min(self.start, day)
        end = day if self.end is None else max(self.end, day)
        return DateWindow(start, end)
