"""Zero counts of things: "No containers have been loaded", "Not a single appeal has been
upheld".

A zero names no measure word here, so on its own it could be "no decision has been
taken"; it is a count when the word that counts nothing governs a countable noun (a plural
after "no", any noun after "not a single", "not one") that is the subject of a finite
clause. "denied that any observer had been expelled" stays the denial's (a statement).
"""

from __future__ import annotations

import re

from .quantities import QuantityMatch
from .subjects import SubjectParse

#: Zero words that count a singular noun ("not a single appeal").
_SINGULAR_ZERO = re.compile(r"not\s+a\s+single|not\s+one", re.I)
#: The finite clause the counted noun is the subject of: "were on", "have been loaded",
#: "had been recorded", "is in".
_FINITE_AFTER = re.compile(
    r"\s+(?:(?:have|has|had)\s+been\s+[a-z]+|(?:was|were|is|are)(?:\s+(?:being|still))?"
    r"\s+(?:[a-z]+ed|[a-z]+en|on|in|at|aboard|inside|among))\b",
    re.I,
)


def counted_zero(s: str, q: QuantityMatch, subj: SubjectParse) -> bool:
    """Is the zero ``q`` of ``s`` a count of the noun ``subj`` heading a finite clause?"""
    if not q.zero or subj.surface is None or subj.empty or q.text.lower() == "any":
        return False
    between = s[q.end : q.end + 40]
    if not between.lstrip().lower().startswith(subj.surface.split()[0].lower()):
        return False  # "none of ...", "no one": the zero word does not govern the noun
    head = subj.surface.split()[-1]
    if not (head.lower().endswith("s") or _SINGULAR_ZERO.fullmatch(q.text.strip())):
        return False
    return _FINITE_AFTER.match(s, subj.end) is not None
