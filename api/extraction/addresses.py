"""Numbers that name or describe, not count: house numbers ("47 Mill Lane", "14 Avenue de la
Paix" name a building), telephone numbers ("the free number 80 00 11 22") and a person's
age ("a man of 44")."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import street_words

_WORD = re.compile(r"\s*([A-Z][\w'’.-]*)")
#: A plural noun right after the street name: the number counts it ("12 Main Street shops").
_COUNTED_AFTER = re.compile(r"\s+[a-z]{3,}s\b")


#: A telephone number: three or more groups of digits joined by single spaces, dots or
#: hyphens, with an optional country code ("80 00 11 22", "+47 22 33 44 55").
_PHONE = re.compile(r"(?<![\w,.])(?:\+\d{1,3}[ .-])?\d{2,4}(?:[ .-]\d{2,4}){2,5}(?![\w,])")
#: A person and "of" right before the number: "a man of 44" is his age.
_AGE_OF = re.compile(
    r"\b(?:an?|the)\s+(?:(?:young|old|elderly)\s+)?(?:man|woman|boy|girl|child|teenager|"
    r"pensioner|person|mother|father|son|daughter|resident|driver|farmer|worker)\s+of\s+$",
    re.I,
)


def is_phone_number(s: str, start: int, end: int) -> bool:
    """Whether the number at ``[start, end)`` of ``s`` is part of a telephone number."""
    lo = max(0, start - 20)
    for m in _PHONE.finditer(s, lo, min(len(s), end + 20)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def is_age(s: str, start: int) -> bool:
    """Whether the number starting at ``start`` of ``s`` is a person's age ("a man of 44")."""
    return _AGE_OF.search(s, max(0, start - 40), start) is not None


@lru_cache(maxsize=1)
def _streets() -> frozenset[str]:
    return street_words()


def is_house_number(s: str, end: int) -> bool:
    """Whether the number ending at ``end`` of ``s`` is followed by a street name."""
    pos = end
    for _ in range(4):  # the street word itself, or up to three name words before it
        m = _WORD.match(s, pos)
        if m is None:
            return False
        word = m.group(1).rstrip(".,").lower()
        if word in _streets():
            return _COUNTED_AFTER.match(s, m.end()) is None
        pos = m.end()
    return False
