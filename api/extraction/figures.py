"""A figure found in a text (:class:`QuantityMatch`) and the hedges that qualify it
("more than", "at least", "about", "up to", "or so")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Qualifier
from .units import Unit

OR_SO = re.compile(r"\s+or\s+so\b")

_APPROX = (
    r"about|around|some|roughly|approximately|approx\.|nearly|almost|close\s+to|closer\s+to|"
    r"an\s+estimated(?:\s+[a-z]+){0,2}\s+of|an\s+estimated|estimated\s+(?:at|to\s+be)|"
    r"estimated|circa|more\s+or\s+less|or\s+so|barely|scarcely"
)
_MORE = (
    r"(?:just\s+|well\s+|slightly\s+)?(?:more\s+than|over|above|in\s+excess\s+of|upwards?\s+of|"
    r"greater\s+than)"
)
_AT_LEAST = r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
_AT_MOST = (
    r"up\s+to|at\s+most|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|"
    r"not\s+more\s+than|a\s+maximum\s+of"
)
_LESS = r"(?:just\s+|slightly\s+)?(?:fewer\s+than|less\s+than|under|below)"

#: A hedge that is a verb ("estimated at"): it qualifies the figure but is not its text.
VERB_HEDGE = re.compile(r"estimated\s", re.I)
MODIFIER = re.compile(
    rf"\b(?:(?P<more>{_MORE})|(?P<atleast>{_AT_LEAST})|(?P<atmost>{_AT_MOST})|"
    rf"(?P<less>{_LESS})|(?P<approx>{_APPROX}))\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A number phrase found in a text, with offsets relative to that text."""

    start: int
    end: int
    text: str
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    strict_lower: bool = False
    strict_upper: bool = False
    unit: Unit | None = None
    vague_word: str | None = None
    attributive: bool = False  # "a 2,600-kilometer border", "1,600-mile-long"
    number_start: int = 0
    number_end: int = 0
    word_number: bool = False
    value_text: str = ""
    #: a figure of none: "no patient died", "None of our drones was lost"
    zero: bool = False
    #: a count of times: "struck twice", "went out 23 times"
    repeats: bool = False

    @property
    def is_vague(self) -> bool:
        return self.qualifier == Qualifier.vague


#: (qualifier, lower, upper, strict lower, strict upper) of a hedged figure.
Bounds = tuple[Qualifier, float | None, float | None, bool, bool]


def hedged(text: str, start: int, value: float) -> tuple[Bounds, int]:
    """The bounds of ``value`` under the hedge written right before ``start`` ("more than",
    "at least", "up to", "fewer than", "about"; none: exact) and where the figure's text
    then starts (a verb hedge, "estimated at", is no part of it)."""
    mod = MODIFIER.search(text, max(0, start - 40), start)
    if mod is None or mod.end() != start:
        return (Qualifier.exact, value, value, False, False), start
    begin = start if VERB_HEDGE.match(mod.group()) else mod.start()
    if mod.group("more"):
        return (Qualifier.more_than, value, None, True, False), begin
    if mod.group("atleast"):
        return (Qualifier.at_least, value, None, False, False), begin
    if mod.group("atmost"):
        return (Qualifier.at_most, None, value, False, False), begin
    if mod.group("less"):
        return (Qualifier.less_than, None, value, False, True), begin
    return (Qualifier.approximately, value, value, False, False), begin
