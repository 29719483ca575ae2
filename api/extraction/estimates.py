"""Figures given as an estimate of a named quantity: "police put the crowd at 32,000",
"organisers put the number of marchers at 9,500", "the institute put the magnitude at 6.9".

The number comes after the noun it counts, so the subject is read before it.
"""

from __future__ import annotations

import re

from .measures import MEASURE_NOUNS, SubjectParse, parse_subject

#: "put|placed|estimated|set the/its NOUN PHRASE at" ending right before the figure.
_ESTIMATE_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating|set|sets)"
    r"\s+(?P<np>(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){1,5}?)at\s+$",
    re.I,
)
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
