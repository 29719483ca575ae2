"""Figures that set a rule rather than report a fact: the size of a zone ("a 30 km buffer",
"an exclusion zone of 500 metres"), the radius that defines who is concerned ("homes within
200 metres of the river"), a distance demanded ("withdraw to 20 nautical miles"), and the
share a vote needs ("more than 50 percent of valid votes to avoid a run-off", "the 50
percent he needs")."""

from __future__ import annotations

import re

from .figures import QuantityMatch

_ZONE = r"(?:buffer|zone|radius|perimeter|cordon|exclusion\s+zone|no-go\s+zone)"
#: "a 30 km buffer", "a 5-km exclusion zone" (after the figure).
_ZONE_AFTER = re.compile(rf"\s*-?\s*(?:[a-z-]+\s+)?{_ZONE}\b", re.I)
#: "an exclusion zone of 500 metres", "a radius of 2 km" (before the figure).
_ZONE_BEFORE = re.compile(rf"\b{_ZONE}\s+of\s+$", re.I)
#: "homes within 200 metres of the riverbank", "anyone living within 5 km".
_RADIUS_BEFORE = re.compile(
    r"\b(?:homes|houses|residents|people|anyone|everyone|areas?|buildings|villages|"
    r"households|those|settlements)\s+(?:[a-z]+ing\s+)?within\s+(?:a\s+radius\s+of\s+)?$",
    re.I,
)
#: "withdraw to at least 20 nautical miles", "stay beyond 12 km", "pull back 5 km".
_DEMANDED_BEFORE = re.compile(
    r"\b(?:withdraw|pull\s+back|retreat|move\s+back|stay|remain|keep)(?:s|ed|ing)?\s+"
    r"(?:[a-z]+\s+){0,2}?(?:to|beyond|outside|behind|back)?\s*$",
    re.I,
)
#: "needs more than 50 percent", "required at least two-thirds".
_NEEDS_BEFORE = re.compile(
    r"\b(?:needs?|needed|requires?|required|must\s+(?:win|get|secure|reach))\s+$", re.I
)
#: "the 50 percent he needs", "50 percent of valid votes to avoid a run-off".
_NEEDS_AFTER = re.compile(
    r"\s+(?:(?:he|she|they|it|a\s+candidate|the\s+winner)\s+(?:needs?|needed|requires?|"
    r"required)\b|(?:of\s+(?:the\s+)?(?:valid\s+|cast\s+)?(?:votes?|ballots?)\s+)?to\s+"
    r"(?:avoid|win|pass|force|trigger|override|secure|clear|qualify)\b)",
    re.I,
)


def is_parameter(s: str, q: QuantityMatch) -> bool:
    """Does the measured figure ``q`` of ``s`` set a zone, a radius, a demanded distance or a
    vote threshold (a rule, not a fact)?"""
    if q.unit is None:
        return False
    before = max(0, q.start - 60)
    if q.unit.dimension == "length":
        return bool(
            _ZONE_AFTER.match(s, q.end)
            or _ZONE_BEFORE.search(s, before, q.start)
            or _RADIUS_BEFORE.search(s, before, q.start)
            or _DEMANDED_BEFORE.search(s, before, q.start)
        )
    if q.unit.dimension == "ratio":
        return bool(_NEEDS_BEFORE.search(s, before, q.start) or _NEEDS_AFTER.match(s, q.end))
    return False
