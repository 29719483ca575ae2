"""Figures of a change: the earlier or later value of a count just given.

"about 1,200 homes were without power, down from 3,800 at the peak", "23 ships were
anchored, up from 15 at the weekend", "thefts fell to 38 from 161", "the service put it at
9,500 hectares; on Wednesday it raised it to 11,800": the bare figure counts what the
figure it changes counts, in the same unit.
"""

from __future__ import annotations

import re

from . import lexicon

_VERBS = lexicon.amounts().change_verbs
_VERB_ALT = "|".join(sorted(_VERBS, key=len, reverse=True))
#: "up from", "down from the", "from a peak of", "rose to", "has risen to", "raised it to",
#: "fell to 38 in the third quarter from": a change word, then at most a few words of the
#: same clause, then "from" or "to" right before the figure.
_CHANGE_BEFORE = re.compile(
    rf"\b(?:up|down|{_VERB_ALT})\b(?:[^,;:.()\"“”]{{0,48}}?)\b(?:from|to)\s+"
    r"(?:(?:the|a|its|their)\s+(?:(?:peak|high|low|record|revised|initial|earlier|previous)\s+)?"
    r"(?:(?:figure|total|tally|count|number|toll)\s+)?(?:of\s+)?)?$",
    re.I,
)
#: Time words that follow such a figure and are not what it counts ("23 the day before").
TIME_NOUNS = frozenset(lexicon.amounts().time_nouns)
#: How far before the figure the change phrase may start (bounded per figure).
_WINDOW = 80


def change_cue(s: str, start: int) -> int | None:
    """Where the change phrase before the figure at ``start`` of ``s`` begins, else None."""
    m = _CHANGE_BEFORE.search(s, max(0, start - _WINDOW), start)
    return None if m is None else m.start()


#: Words by which a change points back at a figure already given, not at a count of its
#: own: "it raised it to", "revised the figure to", "the total rose to".
_BACK = re.compile(
    r"\b(?:it|(?:the|that|this|its|their)\s+(?:figure|total|tally|estimate))\b",
    re.I,
)


def refers_back(s: str, cue: int, start: int) -> bool:
    """Whether the change phrase at ``cue`` before the figure at ``start`` (and the clause
    words just before it) points back at a figure already given ("it raised it to
    11,800"), rather than naming what it counts ("the toll rose to 23", "thefts fell to
    38")."""
    clause = re.split(r"[,;:.()\"“”]", s[max(0, cue - 40) : start])[-1]
    return _BACK.search(clause) is not None
