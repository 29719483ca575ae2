"""Claims being built for one article, before its actor nodes are frozen, and the
discourse state carried from sentence to sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .actors.patterns import DATELINE
from .measures import MeasureHit
from .timerefs import TimeSpan, find_times
from .types import Quantity, Stance, TimeRef
from .voice import Voice


@dataclass(slots=True)
class DraftClaim:
    """A claim before actor nodes are frozen."""

    statement: str
    start: int
    end: int
    sentence: int
    stance: Stance = Stance.assertion
    claimant: str | None = None
    relay: str | None = None
    measure: str | None = None
    subject: str | None = None
    subject_text: str | None = None
    side: str | None = None
    target: str | None = None
    quantity: Quantity | None = None
    time: TimeRef | None = None
    confidence: float = 0.5
    #: the measure verb comes before the number ("killed 30 fighters"): the claimant's side
    #: did it, so what is counted is, by default, the other side's
    agentive: bool = False
    #: what is counted belongs to the claimant's opponent ("army outposts" said by rebels)
    opponent: bool = False


class LazyTimes:
    """Time expressions of a sentence, computed only when a claim needs them."""

    __slots__ = ("_published", "_text", "_times")

    def __init__(self, text: str, published: date | None) -> None:
        self._text = text
        self._published = published
        self._times: list[TimeSpan] | None = None

    def get(self) -> list[TimeSpan]:
        if self._times is None:
            dateline = DATELINE.match(self._text)
            skip = dateline.end() if dateline is not None else 0
            # "BANGKOK, Aug 12 (Reuters) -" is when the story was filed, not a claim's time
            self._times = [t for t in find_times(self._text, self._published) if t.start >= skip]
        return self._times


@dataclass(slots=True)
class DiscourseState:
    last_claimant: str | None = None
    last_relay: str | None = None
    last_person: str | None = None
    last_org: str | None = None
    prev_attributed: bool = False
    #: a body's voice that the unattributed sentences after it in its paragraph continue
    voice: Voice | None = None
    claims: list[DraftClaim] = field(default_factory=list)


@dataclass(slots=True)
class Reading:
    """What a figure counts and how, as read so far: the span it covers, its measure, the
    category and surface of what is counted, the measure word found, and the side of a
    claim whose figure it restates ("put the figure at 23")."""

    start: int
    end: int
    measure: str | None
    category: str | None
    surface: str | None
    hit: MeasureHit | None = None
    inherited_side: str | None = None
