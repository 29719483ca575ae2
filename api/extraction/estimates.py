"""Figures given as an estimate of a named quantity: "police put the crowd at 32,000",
"organisers put the number of marchers at 9,500", "the institute put the magnitude at 6.9".

The number comes after the noun it counts, so the subject is read before it.
"""

from __future__ import annotations

import re

from .measures import (
    MEASURE_ADJECTIVES,
    MEASURE_NOUNS,
    MEASURE_WORDS,
)
from .subjects import SubjectParse, parse_subject

#: "put|placed|estimated|set the/its NOUN PHRASE at" ending right before the figure.
_ESTIMATE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating|set|sets)"
    r"\s+(?P<np>(?:(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){1,5}?|"
    r"(?:[a-z]+\s+)?(?:attendance|turnout|crowd|damage|losses|cost|bill)\s+))at\s+$",
    re.I,
)
#: "the number of NOUN PHRASE rose to", "bringing the number of NOUN PHRASE to": the
#: figure is the new value of the count of what the phrase names.
_NUMBER_OF_TO = re.compile(
    r"\b(?:number|count|tally|total)\s+of\s+(?P<np>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
    r"\s+(?:(?:has|have|had|now)\s+)*(?:(?:rose|risen|rises|climbed|climbs|increased|"
    r"increases|grown|grew|jumped|reached|fallen|fell|dropped|stood|stands|is|was)\s+)?"
    r"(?:to|at)\s+$",
    re.I,
)
_NP_WORD = re.compile(r"[\w'’-]+")
#: How far before the figure the phrase may start (bounded per figure).
_WINDOW = 90


def estimated_noun(s: str, start: int) -> tuple[SubjectParse, str | None, int] | None:
    """(what is counted, its measure or None, where the phrase starts) when the figure at
    ``start`` of ``s`` is the value of "put the NOUN at"; else None."""
    m = _ESTIMATE_AT.search(s, max(0, start - _WINDOW), start)
    if m is None:
        return None
    subj = parse_subject(s, m.start("np") - 1)
    if subj.empty or subj.surface is None:
        return None  # "put the toll at": the figure of the claim before (the pipeline's)
    head = subj.surface.split()[-1].lower()
    return subj, MEASURE_NOUNS.get(head), m.start()


def number_of(s: str, start: int) -> tuple[SubjectParse | None, str | None, int] | None:
    """(what is counted, its measure, where the phrase starts) when the figure at ``start``
    is the new value of "the number of X": "bringing the number of dead soldiers to two"
    (soldiers, killed), "the number of missing has fallen to five" (nothing named, missing).
    """
    m = _NUMBER_OF_TO.search(s, max(0, start - _WINDOW), start)
    if m is None:
        return None
    words = [w for w in _NP_WORD.finditer(m.group("np")) if w.group().lower() != "the"]
    first = words[0].group().lower() if words else ""
    measure = MEASURE_WORDS.get(first)
    rest = words[1:] if measure is not None else words
    measure = measure or MEASURE_ADJECTIVES.get(first)
    if not rest:
        return None, measure, m.start()
    # the phrase ends where the count's verb begins ("miners rose to 12": miners)
    subj = parse_subject(s[: m.end("np")], m.start("np") + rest[0].start() - 1)
    if subj.empty or subj.surface is None:
        return None, measure, m.start()
    return subj, measure or MEASURE_NOUNS.get(subj.surface.split()[-1].lower()), m.start()
