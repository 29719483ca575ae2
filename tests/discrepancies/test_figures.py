"""The sort-based comparisons of many figures give what comparing every pair gives."""

from __future__ import annotations

import itertools
import math
import random
from datetime import date

from api.discrepancies.detection import FactClaim, _inconsistent_sides
from api.discrepancies.figures import (
    Figure,
    Interval,
    Spans,
    bits,
    cannot_both_hold,
    corroboration,
    fits,
)


def _span(rng: random.Random) -> Interval:
    lo = float(rng.choice([0, 3, 7, 7, 12, 30]))
    hi = lo + rng.choice([0.0, 0.0, 2.0, 9.0, float("inf")])
    if rng.random() < 0.15:
        lo = float("-inf")
    return Interval(lo, hi, lo_open=rng.random() < 0.3, hi_open=rng.random() < 0.3)


def _figure(rng: random.Random) -> Figure:
    moment = rng.choice([None, date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 4)])
    return Figure(_span(rng), moment, rng.random() < 0.15)


def test_the_intervals_found_overlapping_are_those_that_overlap() -> None:
    rng = random.Random(11)
    for _ in range(300):
        spans = [_span(rng) for _ in range(rng.randint(1, 12))]
        index = Spans(spans)
        for probe in [*spans, _span(rng)]:
            expected = {i for i, s in enumerate(spans) if s.overlaps(probe)}
            assert set(bits(index.mask(probe))) == expected
            assert index.any(probe) == bool(expected)


def test_corroboration_counts_the_sources_of_agreeing_figures() -> None:
    rng = random.Random(12)
    for _ in range(300):
        spans = [_span(rng) for _ in range(rng.randint(1, 12))]
        sources = [rng.choice("pqrs") for _ in spans]
        expected = [
            len(
                {src for other, src in zip(spans, sources, strict=True) if other.overlaps(s)}
                | {own}
            )
            for s, own in zip(spans, sources, strict=True)
        ]
        assert corroboration(spans, sources) == expected


def _satisfiable(spans: list[Interval]) -> bool:
    """By hand: whether some value is allowed by every one of ``spans`` (a value that is,
    if any, is one of the bounds or lies midway between two neighbouring ones)."""
    bounds = sorted({v for s in spans for v in (s.lo, s.hi) if math.isfinite(v)})
    points = [*bounds, *((x + y) / 2 for x, y in itertools.pairwise(bounds))]
    points += [bounds[0] - 1, bounds[-1] + 1] if bounds else [0.0]
    return any(all(s.overlaps(Interval(v, v)) for s in spans) for v in points)


def test_two_parties_conflict_as_the_pairwise_definition_says() -> None:
    """At a moment both speak of, what each says (all its figures of the moment together)
    cannot both hold, or, where a party's figures of the moment disagree among themselves,
    none of their figures agree; or no figure of one fits any figure of the other, for a
    fixed, a rising and a varying count."""
    rng = random.Random(13)
    for trial in range(600):
        series = ("fixed", "rising", "varying")[trial % 3]
        a = [_figure(rng) for _ in range(rng.randint(1, 6))]
        b = [_figure(rng) for _ in range(rng.randint(1, 6))]
        shared = {x.moment for x in a} & {y.moment for y in b}

        def clash(moment: object, a: list[Figure] = a, b: list[Figure] = b) -> bool:
            here_a = [x.span for x in a if x.moment == moment]
            here_b = [y.span for y in b if y.moment == moment]
            if _satisfiable(here_a) and _satisfiable(here_b):
                return not _satisfiable(here_a + here_b)
            return not any(x.overlaps(y) for x in here_a for y in here_b)

        expected = any(clash(moment) for moment in shared) or not any(
            fits(x, y, series) for x in a for y in b
        )
        assert cannot_both_hold(a, b, series) == expected


def test_a_figure_agreeing_with_both_of_a_contradiction_bridges_it_at_equal_open_bounds() -> None:
    """ "About 20" agrees with "20" and with "more than 20", which contradict each other
    (in different reports): it is set aside, and the sides are the two others."""
    claims = [
        FactClaim(1, 1, "p", "s", "exact", 18.0, 22.0),
        FactClaim(2, 2, "p", "s", "exact", 20.0, 20.0),
        FactClaim(3, 3, "p", "s", "more_than", 20.0, None, strict_lower=True),
    ]
    spans = {
        1: Interval(18.0, 22.0),
        2: Interval(20.0, 20.0),
        3: Interval(20.0, float("inf"), lo_open=True),
    }
    assert _inconsistent_sides(claims, spans) == ((2,), (3,))
