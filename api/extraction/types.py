"""Typed results of the extraction pipeline.

This module is the contract between the pure pipeline (``api.extraction``) and the
services that persist its output. It has no web or database imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ActorKind(StrEnum):
    person = "person"
    organization = "organization"
    government = "government"
    military = "military"
    armed_group = "armed_group"
    media_outlet = "media_outlet"
    country = "country"
    other = "other"


class Qualifier(StrEnum):
    exact = "exact"
    approximately = "approximately"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    range = "range"
    vague = "vague"


class Stance(StrEnum):
    """What kind of speech act a claim is."""

    assertion = "assertion"
    accusation = "accusation"
    denial = "denial"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the pipeline found it in the text.

    ``name`` is the canonical name the pipeline chose (``"Zabihullah Mujahid"``,
    ``"Pakistan"``, ``"Inter-Services Public Relations"``); ``aliases`` are other surface
    forms seen for the same actor (``"ISPR"``, ``"Mujahid"``). ``parent`` is the actor it
    speaks for or belongs to (a spokesman to his government, a press wing to its
    military, a military or government to its country).
    """

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    parent: ActorRef | None = None

    def chain(self) -> tuple[ActorRef, ...]:
        """This actor followed by its parents, nearest first."""
        out: list[ActorRef] = []
        node: ActorRef | None = self
        while node is not None and len(out) < 16:
            out.append(node)
            node = node.parent
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised amount.

    ``lower``/``upper`` are the bounds as written, in ``unit`` (``None`` = unbounded on
    that side). ``strict_lower``/``strict_upper`` mark an open bound ("more than 200":
    lower=200, strict_lower=True). ``base_unit`` and ``base_lower``/``base_upper`` are
    the same bounds converted to the SI base unit of the dimension (``"m"`` for lengths);
    for plain counts ``unit`` and ``base_unit`` are ``None`` and the base bounds equal the
    bounds.
    """

    text: str
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    strict_lower: bool = False
    strict_upper: bool = False
    unit: str | None = None
    base_unit: str | None = None
    base_lower: float | None = None
    base_upper: float | None = None

    @property
    def value(self) -> float | None:
        """The single figure the text states, when it states one."""
        if self.lower is not None and self.upper is not None and self.lower == self.upper:
            return self.lower
        if self.qualifier in (Qualifier.more_than, Qualifier.at_least):
            return self.lower
        if self.qualifier in (Qualifier.less_than, Qualifier.at_most):
            return self.upper
        return None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """The period a claim is about, where the text says so."""

    text: str
    start: date | None = None
    end: date | None = None
    #: "relative" (deictic, the reported event's own time: "overnight", "on Sunday"),
    #: "period" (explicit past periods: month names, years, ranges, "last year"),
    #: "date" (an explicit calendar date); ``None`` when unknown.
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the claim stands in the article body: ``body[start:end] == quote``."""

    quote: str
    start: int
    end: int
    sentence_index: int


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    statement: str
    evidence: Evidence
    stance: Stance = Stance.assertion
    claimant: ActorRef | None = None
    relayed_by: ActorRef | None = None
    measure: str | None = None
    subject: str | None = None
    subject_side: ActorRef | None = None
    target: ActorRef | None = None
    quantity: Quantity | None = None
    time: TimeRef | None = None
    confidence: float = 0.5
    #: The counted phrase as written ("Pakistani army posts"); ``subject`` is its coarse category.
    subject_text: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleInput:
    body: str
    title: str = ""
    published: date | None = None
    publisher: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    version: str
    claims: tuple[ExtractedClaim, ...] = field(default_factory=tuple)
    actors: tuple[ActorRef, ...] = field(default_factory=tuple)
