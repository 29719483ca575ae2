"""Figures read against others of the text: a figure after a determiner that refers back
("the two sides"), the whole of a part ("31 of the 1,500 stations") and whose verb is the
part's, a bare figure set against one just given ("against 1,975,900")."""

from __future__ import annotations

import re

from .drafts import Reading
from .quantities import QuantityMatch
from .subjects import SubjectParse

_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|my|both|every|each|first|last|"
    r"next|past|previous|other)\s+$",
    re.I,
)
#: "31 of the 1,500 stations", "two of its five boats": the whole a part is of, a figure.
_WHOLE_BEFORE = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty|"
    r"dozens|hundreds|many|some|most|all|none|half)\s+of\s+(?:the|its|their|our|his|her)\s+$",
    re.I,
)
#: A figure in digits from this size up is a fact even after a determiner ("the 310,000
#: households cut off", "its 3,800 observers"); "the two sides", "the three men" refer back.
_DEFINITE_FACT = 10
#: The determiners after which a sizeable figure still states a count.
_POSSESSIVE_BEFORE = re.compile(r"\b(?:the|its|their|our|his|her)\s+$", re.I)
_SUPERLATIVE_AFTER = re.compile(
    r"\s+(?:most|least|worst|best|largest|biggest|smallest|poorest|richest|hardest|highest|"
    r"lowest|[a-z]+iest)\b",
    re.I,
)
#: What sets a bare figure against one just given: "against 1,975,900", "X has 3,010,112",
#: "the agency insists it is 38".
_COMPARED_BEFORE = re.compile(
    r"(?:\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\bhas|\bhad|\breceived|\bgot|"
    r"\bwon|\bpolled|\btook|\bfinished\s+with|\bended\s+with|"
    r"\b(?:it|that|this)\s+(?:is|was|stands\s+at|stood\s+at))\s+$",
    re.I,
)
#: ... and ends there: "against 1,975,900, or 43.4 percent", "has 14,300."
_COMPARED_AFTER = re.compile(r"\s*(?:[,.;:)]|$|or\b|and\b|for\b)")


def verb_of_the_part(s: str, q: QuantityMatch, subj: SubjectParse, r: Reading) -> bool:
    """Is the measure verb after the whole of a part the part's ("11 of the 17 missiles
    were intercepted": 11 were), not the whole's ("two of the four sailors wounded")?"""
    hit = r.hit
    if hit is None or hit.start < subj.end or not s[subj.end : hit.start].strip():
        return False
    return _WHOLE_BEFORE.search(s, max(0, q.start - 40), q.start) is not None


def back_reference(s: str, q: QuantityMatch) -> bool:
    """Is the figure after a determiner ("the two sides", "its five") one that refers
    back rather than states a count? Not when it is the whole of a part before it ("two of
    the five routes") nor a figure of some size in digits ("the 7.1 million voters")."""
    before = max(0, q.start - 40)
    if not _DEFINITE_BEFORE.search(s, before, q.start):
        return False
    if _WHOLE_BEFORE.search(s, before, q.start):
        return False
    fact = not q.word_number and q.lower is not None and q.lower >= _DEFINITE_FACT
    if _SUPERLATIVE_AFTER.match(s, q.end):
        return True  # "the 4,000 most vulnerable families": a selection, not a count
    return not (fact and _POSSESSIVE_BEFORE.search(s, before, q.start))


def compared(s: str, q: QuantityMatch, subj: SubjectParse, r: Reading) -> bool:
    """Is the bare figure ``q`` set against one just given, its noun elided ("2,463,100
    votes against 1,975,900", "Tarawe has 3.5 million votes and Mensar has 3,010,112")?"""
    if r.category is not None or r.measure is not None or q.unit is not None:
        return False
    if not subj.empty or q.is_vague or q.zero or not _COMPARED_AFTER.match(s, q.end):
        return False
    return _COMPARED_BEFORE.search(s, max(0, q.start - 30), q.start) is not None
