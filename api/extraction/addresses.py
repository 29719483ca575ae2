"""House numbers: "47 Mill Lane", "14 Avenue de la Paix" name a building, not a figure."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import street_words

_WORD = re.compile(r"\s*([A-Z][\w'’.-]*)")
#: A plural noun right after the street name: the number counts it ("12 Main Street shops").
_COUNTED_AFTER = re.compile(r"\s+[a-z]{3,}s\b")


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
