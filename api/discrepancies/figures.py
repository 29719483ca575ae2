"""Comparing many figures of one fact at once, by sorting instead of pair by pair.

A fact of a large event holds hundreds of figures; comparing every two would make each
post cost the square of its event's size. Here the figures are sorted once by their
bounds, and which of them agree with a given one is read off the sorts as a bit set
(bit ``i``: the ``i``-th figure), so a fact's analysis costs ``n log n`` plus word-sized
operations on those sets. Everything here gives exactly what the pairwise definitions
in ``api.discrepancies.detection`` give (tested against them on random figures).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.lo > other.hi or other.lo > self.hi:
            return False
        if self.lo == other.hi and (self.lo_open or other.hi_open):
            return False
        return not (other.lo == self.hi and (other.lo_open or self.hi_open))


class Figure(NamedTuple):
    """What comparing a figure with another depends on: its values and when it was given."""

    span: Interval
    moment: date | None
    corrects: bool


def fits(x: Figure, y: Figure, series: str) -> bool:
    """Whether two figures of one fact can both hold, given when each was given.

    Figures of the same moment must agree. A later figure may differ from an earlier one
    in a count that changes (``series``): any way when it varies, upward when it rises,
    and downward only as an explicit correction.
    """
    if x.span.overlaps(y.span):
        return True
    if x.moment is None or y.moment is None or x.moment == y.moment or series == "fixed":
        return False
    if series == "varying":
        return True
    early, late = (x, y) if x.moment < y.moment else (y, x)
    return late.span.hi >= early.span.lo or late.corrects


# Two intervals overlap iff each one's lower key is at most the other's upper key: at equal
# values an open bound sorts past the other side's closed one (see ``Interval.overlaps``).
def _lo_key(span: Interval) -> tuple[float, int]:
    return (span.lo, 1 if span.lo_open else 0)


def _hi_key(span: Interval) -> tuple[float, int]:
    return (span.hi, -1 if span.hi_open else 0)


def bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class Spans:
    """Which of a list of intervals overlap a given interval, from two sorts."""

    def __init__(self, spans: Sequence[Interval]) -> None:
        lo = [_lo_key(span) for span in spans]
        hi = [_hi_key(span) for span in spans]
        by_lo = sorted(range(len(spans)), key=lo.__getitem__)
        by_hi = sorted(range(len(spans)), key=hi.__getitem__)
        self._lo = [lo[i] for i in by_lo]
        self._hi = [hi[i] for i in by_hi]
        self._lo_prefix = [0, *accumulate((1 << i for i in by_lo), int.__or__)]
        self._lo_prefix_hi = list(accumulate((hi[i] for i in by_lo), max))
        suffix = [0, *accumulate((1 << i for i in reversed(by_hi)), int.__or__)]
        self._hi_suffix = suffix[::-1]

    def mask(self, span: Interval) -> int:
        """The intervals overlapping ``span``."""
        below = bisect_right(self._lo, _hi_key(span))
        above = bisect_left(self._hi, _lo_key(span))
        return self._lo_prefix[below] & self._hi_suffix[above]

    def any(self, span: Interval) -> bool:
        """Whether some interval overlaps ``span``."""
        below = bisect_right(self._lo, _hi_key(span))
        return below > 0 and self._lo_prefix_hi[below - 1] >= _lo_key(span)


def _at_least(values: Sequence[float]) -> tuple[list[float], list[int]]:
    """``values`` sorted, and per position the bit set of the values from there on."""
    order = sorted(range(len(values)), key=values.__getitem__)
    suffix = [0, *accumulate((1 << i for i in reversed(order)), int.__or__)]
    return [values[i] for i in order], suffix[::-1]


def _later_fits(figs: Sequence[Figure], series: str) -> list[int]:
    """Per figure, the figures of another known moment that ``fits`` admits beside it when
    the two do not overlap (none for a fixed count)."""
    n = len(figs)
    if series == "fixed":
        return [0] * n
    dated = sorted((i for i in range(n) if figs[i].moment is not None), key=_moment(figs))
    moments = [_moment(figs)(i) for i in dated]
    before = [0, *accumulate((1 << i for i in dated), int.__or__)]
    everyone = before[-1]
    highs, high_from = _at_least([f.span.hi for f in figs])
    lows, low_from = _at_least([-f.span.lo for f in figs])  # from there on: lo at most
    correcting = sum(1 << i for i in range(n) if figs[i].corrects)
    out = []
    for fig in figs:
        if fig.moment is None:
            out.append(0)
            continue
        earlier = before[bisect_left(moments, fig.moment)]
        later = everyone & ~before[bisect_right(moments, fig.moment)]
        if series == "varying":
            out.append(earlier | later)
            continue
        # rising: a later figure fits if it reaches the earlier's low or corrects it
        reaching = high_from[bisect_left(highs, fig.span.lo)]  # hi >= fig's lo
        reached = low_from[bisect_left(lows, -fig.span.hi)]  # lo <= fig's hi
        early_ok = earlier if fig.corrects else earlier & reached
        out.append(later & (reaching | correcting) | early_ok)
    return out


def _moment(figs: Sequence[Figure]) -> Callable[[int], date]:
    def key(i: int) -> date:
        moment = figs[i].moment
        assert moment is not None
        return moment

    return key


def inconsistent_groups(
    figs: Sequence[Figure], reports: Sequence[frozenset[int]], series: str
) -> list[int] | None:
    """The sides of one claimant's figures (distinct, each agreeing with itself, given in
    ``reports``) that cannot both hold: bit sets of figures, or ``None``.

    A contradiction is two figures from different reports that do not ``fits``; a figure
    agreeing with both of a contradicting pair bridges it and is set aside; the sides are
    the components of agreement of the rest, when there are two or more.
    """
    n = len(figs)
    everyone = (1 << n) - 1
    index = Spans([f.span for f in figs])
    agree = [index.mask(f.span) for f in figs]
    solo: dict[int, int] = {}
    for i, seen in enumerate(reports):
        if len(seen) == 1:
            (report,) = seen
            solo[report] = solo.get(report, 0) | 1 << i
    fitting = _later_fits(figs, series)
    contra = []
    for i, seen in enumerate(reports):
        apart = everyone & ~solo[next(iter(seen))] if len(seen) == 1 else everyone
        contra.append(everyone & ~agree[i] & apart & ~fitting[i])
    involved = sum(1 << i for i in range(n) if contra[i])
    if not involved:
        return None
    kept = everyone
    for k in range(n):
        near = agree[k]
        for i in bits(near & involved):
            if contra[i] & near:
                kept &= ~(1 << k)
                break
    groups = []
    left = kept
    while left:
        group = frontier = left & -left
        while frontier:
            reach = 0
            for i in bits(frontier):
                reach |= agree[i]
            frontier = reach & left & ~group
            group |= frontier
        groups.append(group)
        left &= ~group
    return groups if len(groups) >= 2 else None


def corroboration(spans: Sequence[Interval], sources: Sequence[str]) -> list[int]:
    """Per figure of one party: how many of the sources agree with it (its own counts)."""
    index = Spans(spans)
    of_source: dict[str, int] = {}
    for i, source in enumerate(sources):
        of_source[source] = of_source.get(source, 0) | 1 << i
    out = []
    for span, source in zip(spans, sources, strict=True):
        near = index.mask(span)
        out.append(sum(1 for s, mask in of_source.items() if mask & near or s == source))
    return out


def narrowest(spans: Sequence[Interval]) -> Interval | None:
    """What a party's figures of one moment say together ("tens of thousands" and
    "150,000": 150,000), or ``None`` when they do not agree with each other."""
    lo = max(spans, key=lambda s: (s.lo, s.lo_open))
    hi = min(spans, key=lambda s: (s.hi, not s.hi_open))
    both = Interval(lo.lo, hi.hi, lo.lo_open, hi.hi_open)
    if both.lo > both.hi or (both.lo == both.hi and (both.lo_open or both.hi_open)):
        return None
    return both


def cannot_both_hold(a: Sequence[Figure], b: Sequence[Figure], series: str) -> bool:
    """Two parties' figures conflict when, at a moment both speak of, what each says (its
    figures of that moment taken together, see ``narrowest``) cannot both hold, or, where
    a party's figures of the moment do not agree with each other (a toll updated during
    the day), when none of theirs agree; or when no figure of one fits any of the other's
    at all (see ``fits``)."""
    for moment in {x.moment for x in a} & {y.moment for y in b}:
        here_a = [x.span for x in a if x.moment == moment]
        here_b = [y.span for y in b if y.moment == moment]
        says_a, says_b = narrowest(here_a), narrowest(here_b)
        if says_a is not None and says_b is not None:
            if not says_a.overlaps(says_b):
                return True
            continue
        here = Spans(here_b)
        if not any(here.any(x) for x in here_a):
            return True
    index = Spans([y.span for y in b])
    if any(index.any(x.span) for x in a):
        return False
    return not _fit_apart(a, b, series) and not _fit_apart(b, a, series)


def _fit_apart(early: Sequence[Figure], late: Sequence[Figure], series: str) -> bool:
    """Whether a figure of ``late`` given after one of ``early`` ``fits`` beside it."""
    if series == "fixed":
        return False
    dated = sorted(
        ((x.moment, x.span.lo) for x in early if x.moment is not None), key=lambda t: t[0]
    )
    if not dated:
        return False
    moments = [m for m, _ in dated]
    lowest = list(accumulate((lo for _, lo in dated), min))
    for y in late:
        if y.moment is None:
            continue
        count = bisect_left(moments, y.moment)  # the early figures given before ``y``
        if count and (series == "varying" or y.corrects or y.span.hi >= lowest[count - 1]):
            return True
    return False
