"""Interval comparison and finding kinds, on the pure detection module."""

from __future__ import annotations

import pytest

from api.discrepancies.detection import (
    CONFLICTING,
    INCONSISTENT,
    FactClaim,
    Statement,
    analyse,
    interval,
    match_denials,
)

TOL = 0.1


def claim(
    claim_id: int,
    party: int | None,
    qualifier: str,
    lower: float | None,
    upper: float | None = None,
    *,
    article: int | None = None,
    source: str | None = None,
    strict_lower: bool = False,
    strict_upper: bool = False,
    factor: float = 1.0,
    has_unit: bool = False,
) -> FactClaim:
    if upper is None and qualifier in ("exact", "approximately"):
        upper = lower
    return FactClaim(
        claim_id=claim_id,
        article_id=article if article is not None else claim_id,
        party=party,
        source=source or f"s{claim_id}",
        qualifier=qualifier,
        lower=lower,
        upper=upper,
        strict_lower=strict_lower,
        strict_upper=strict_upper,
        unit_factor=factor,
        has_unit=has_unit,
    )


def agree(a: FactClaim, b: FactClaim) -> bool:
    return interval(a, TOL).overlaps(interval(b, TOL))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # "more than 200" and "over 200" agree
        (claim(1, 1, "more_than", 200, None, strict_lower=True),
         claim(2, 1, "more_than", 200, None, strict_lower=True), True),
        # "nine" and "some nine" agree; "some 20" and 25 conflict
        (claim(1, 1, "exact", 9), claim(2, 1, "approximately", 9), True),
        (claim(1, 1, "approximately", 20), claim(2, 1, "exact", 25), False),
        # "more than 200" cannot be 200; "at least 200" can
        (claim(1, 1, "more_than", 200, None, strict_lower=True), claim(2, 1, "exact", 200), False),
        (claim(1, 1, "at_least", 200, None), claim(2, 1, "exact", 200), True),
        # ranges and "at most"
        (claim(1, 1, "range", 10, 12), claim(2, 1, "exact", 11), True),
        (claim(1, 1, "range", 10, 12), claim(2, 1, "exact", 15), False),
        (claim(1, 1, "at_most", None, 5), claim(2, 1, "exact", 7), False),
        (claim(1, 1, "at_most", None, 5), claim(2, 1, "exact", 4), True),
        (claim(1, 1, "less_than", None, 5, strict_upper=True), claim(2, 1, "exact", 5), False),
        # 2,600 km and 1,600 miles are one length once converted and read as rounded
        (claim(1, 1, "exact", 2_600_000, factor=1000.0, has_unit=True),
         claim(2, 1, "exact", 1600 * 1609.344, factor=1609.344, has_unit=True), True),
        # 2 tonnes and 2,000 kg; 3 tonnes and 2,000 kg
        (claim(1, 1, "exact", 2000, factor=1000.0, has_unit=True),
         claim(2, 1, "exact", 2000, factor=1.0, has_unit=True), True),
        (claim(1, 1, "exact", 3000, factor=1000.0, has_unit=True),
         claim(2, 1, "exact", 2000, factor=1.0, has_unit=True), False),
        # 23 and 58 people are counts, not rounded measurements
        (claim(1, 1, "exact", 23), claim(2, 1, "exact", 58), False),
        (claim(1, 1, "exact", 20), claim(2, 1, "exact", 30), False),
    ],
)  # fmt: skip
def test_interval_agreement(a: FactClaim, b: FactClaim, expected: bool) -> None:
    assert agree(a, b) is expected
    assert agree(b, a) is expected


def test_two_claimants_with_incompatible_figures_conflict() -> None:
    claims = [claim(1, 10, "exact", 23), claim(2, 10, "exact", 23), claim(3, 20, "exact", 58)]
    result = analyse("f", claims, TOL)
    assert [(f.kind, f.sides) for f in result.findings] == [(CONFLICTING, ((1, 2), (3,)))]


def test_a_third_claimant_joins_the_conflict() -> None:
    claims = [claim(1, 10, "exact", 23), claim(2, 20, "exact", 58), claim(3, 30, "range", 40, 45)]
    (finding,) = analyse("f", claims, TOL).findings
    assert finding.sides == ((1,), (2,), (3,))


def test_claimants_giving_the_same_figure_stand_on_one_side() -> None:
    claims = [claim(1, 10, "exact", 23), claim(2, 20, "exact", 58), claim(3, 30, "exact", 23)]
    (finding,) = analyse("f", claims, TOL).findings
    assert finding.sides == ((1, 3), (2,))


def test_a_vague_figure_fitting_two_sides_that_disagree_joins_neither() -> None:
    claims = [
        claim(1, 10, "exact", 20),
        claim(2, 20, "exact", 58),
        claim(3, 30, "at_least", 10),  # fits 20 and 58, which contradict each other
        claim(4, 40, "exact", 20),
    ]
    (finding,) = analyse("f", claims, TOL).findings
    assert finding.sides == ((1, 4), (2,))


def test_agreeing_claimants_are_no_discrepancy() -> None:
    claims = [
        claim(1, 10, "more_than", 200, strict_lower=True),
        claim(2, 20, "at_least", 250),
    ]
    assert analyse("f", claims, TOL).findings == []


def test_one_claimant_changing_its_figure_between_reports() -> None:
    claims = [claim(1, 10, "approximately", 20, article=1), claim(2, 10, "exact", 25, article=2)]
    result = analyse("f", claims, TOL)
    assert [(f.kind, f.sides) for f in result.findings] == [(INCONSISTENT, ((1,), (2,)))]


def test_a_vague_figure_compatible_with_both_does_not_hide_an_inconsistency() -> None:
    """ "dozens" fits 40 and fits "more than 50"; 40 and "more than 50" still contradict."""
    claims = [
        claim(1, 10, "vague", 24, None, article=1),
        claim(2, 10, "exact", 40, article=1),
        claim(3, 10, "more_than", 50, None, article=2, strict_lower=True),
    ]
    result = analyse("f", claims, TOL)
    assert [(f.kind, f.sides) for f in result.findings] == [(INCONSISTENT, ((2,), (3,)))]


def test_one_claimant_two_figures_in_one_report_is_not_inconsistent_reporting() -> None:
    claims = [claim(1, 10, "exact", 20, article=1), claim(2, 10, "exact", 25, article=1)]
    assert analyse("f", claims, TOL).findings == []


def test_unattributed_figures_neither_conflict_nor_corroborate_claimants() -> None:
    claims = [claim(1, None, "exact", 23), claim(2, 10, "exact", 58)]
    result = analyse("f", claims, TOL)
    assert result.findings == []
    assert result.sources == {1: 1, 2: 1}


def test_corroboration_counts_independent_sources() -> None:
    claims = [
        claim(1, 10, "exact", 23, source="reuters"),
        claim(2, 10, "exact", 23, source="ap"),
        claim(3, 10, "exact", 23, source="reuters"),
        claim(4, 20, "exact", 23, source="afp"),
    ]
    assert analyse("f", claims, TOL).sources == {1: 2, 2: 2, 3: 2, 4: 1}


def test_denial_answers_the_nearest_assertion_about_the_denier() -> None:
    statements = [
        Statement(1, 0, 0, party=1, stance="assertion", concerns=frozenset({3})),
        Statement(2, 1, 50, party=1, stance="accusation", concerns=frozenset({2})),
        Statement(3, 2, 90, party=2, stance="denial", concerns=frozenset({1})),
        Statement(4, 9, 300, party=3, stance="denial", concerns=frozenset()),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((2,), (3,))


def test_a_party_does_not_deny_itself() -> None:
    statements = [
        Statement(1, 0, 0, party=1, stance="assertion", concerns=frozenset({1})),
        Statement(2, 1, 40, party=1, stance="denial", concerns=frozenset()),
    ]
    assert match_denials(statements, fact_key="a1") == []


def test_claimants_are_not_set_against_each_other_when_the_side_is_unknown() -> None:
    # "3,549 killed in Turkey" (one agency) and "more than 5,000" (officials, both
    # countries) are partial and total counts, not a conflict.
    claims = [claim(1, 10, "exact", 3549), claim(2, 20, "more_than", 5000, strict_lower=True)]
    assert analyse("f", claims, TOL, compare_claimants=False).findings == []
    assert analyse("f", claims, TOL).findings != []
    same_claimant = [
        claim(1, 10, "more_than", 100, strict_lower=True, article=1),
        claim(2, 10, "approximately", 80, article=2),
    ]
    (finding,) = analyse("f", same_claimant, TOL, compare_claimants=False).findings
    assert finding.kind == INCONSISTENT


def test_one_claimants_sides_are_the_components_left_once_bridging_figures_are_set_aside() -> None:
    """The sides of an inconsistent claimant are what the definition gives when every pair
    is checked by hand, on many random sets of figures, for a fixed and a rising count."""
    import random
    from datetime import date

    from api.discrepancies.detection import (
        FactClaim,
        Interval,
        _compatible,
        _inconsistent_sides,
    )

    rng = random.Random(7)
    for trial in range(400):
        series = "fixed" if trial % 2 else "rising"
        claims, spans = [], {}
        for i in range(rng.randint(2, 9)):
            lo = float(rng.randint(0, 20))
            hi = lo + rng.choice([0.0, 1.0, 5.0, float("inf")])
            moment = date(2025, 1, rng.randint(1, 3))
            claims.append(FactClaim(i, rng.randint(1, 3), 1, "s", "exact", lo, hi, moment=moment))
            spans[i] = Interval(lo, hi, lo_open=rng.random() < 0.2, hi_open=rng.random() < 0.2)

        def agree(x: FactClaim, y: FactClaim, spans: dict[int, Interval] = spans) -> bool:
            return spans[x.claim_id].overlaps(spans[y.claim_id])

        contradicting = [
            (x, y)
            for x in claims
            for y in claims
            if x.article_id != y.article_id and not _compatible(x, y, spans, series)
        ]
        kept = [c for c in claims if not any(agree(c, x) and agree(c, y) for x, y in contradicting)]
        groups: list[set[int]] = []
        for c in kept:  # connected components of agreement, by hand
            joined = [g for g in groups if any(agree(c, claims[i]) for i in g)]
            merged = {c.claim_id}.union(*joined)
            groups = [g for g in groups if g not in joined] + [merged]
        expected = (
            tuple(sorted(tuple(sorted(g)) for g in groups))
            if contradicting and len(groups) > 1
            else None
        )
        assert _inconsistent_sides(claims, spans, series) == expected


def test_a_partys_vague_and_exact_figures_say_the_exact_one() -> None:
    """ "Tens of thousands" and "150,000" from the union against the police's 32,000: the
    union says 150,000, which the police figure contradicts."""
    claims = [
        claim(1, 10, "at_least", 20_000),
        claim(2, 10, "exact", 150_000),
        claim(3, 20, "exact", 32_000),
    ]
    (finding,) = analyse("f", claims, TOL).findings
    assert finding.kind == CONFLICTING
    assert finding.sides == ((1, 2), (3,))


def test_a_toll_updated_during_the_day_is_not_set_against_its_latest_figure() -> None:
    claims = [
        claim(1, 10, "exact", 8, article=1),  # a live blog: 8 in the morning, 14 by noon
        claim(2, 10, "exact", 14, article=1),
        claim(3, 20, "exact", 14),
    ]
    assert [f.kind for f in analyse("f", claims, TOL, series="rising").findings] == []


def test_two_sides_agree_when_every_figure_of_one_overlaps_every_figure_of_the_other() -> None:
    import random

    from api.discrepancies.detection import Interval, _all_agree, _ends

    rng = random.Random(11)

    def span() -> Interval:
        lo = float(rng.randint(0, 12))
        hi = lo + rng.choice([0.0, 1.0, 4.0, float("inf")])
        return Interval(lo, hi, lo_open=rng.random() < 0.3, hi_open=rng.random() < 0.3)

    for _ in range(3000):
        a = [span() for _ in range(rng.randint(1, 4))]
        b = [span() for _ in range(rng.randint(1, 4))]
        pairwise = all(x.overlaps(y) for x in a for y in b)
        assert _all_agree(_ends(a), _ends(b)) == pairwise, (a, b)


def test_an_outlet_a_day_later_repeating_one_side_stands_on_it() -> None:
    # The navy says 6 sailors died, the rebels say they killed 30; a day later a
    # broadcaster's own report says 6: it stands beside the navy, not apart.
    from dataclasses import replace
    from datetime import date

    day1, day2 = date(2025, 5, 1), date(2025, 5, 2)
    navy = replace(claim(1, 10, "exact", 6), moment=day1)
    rebels = replace(claim(2, 20, "exact", 30), moment=day1)
    outlet = replace(claim(3, None, "exact", 6), party="outlet:tv", moment=day2)
    (finding,) = analyse("f", [navy, rebels, outlet], TOL, series="rising").findings
    assert finding.kind == CONFLICTING
    assert set(finding.sides) == {(1, 3), (2,)}
    # an outlet repeating neither, or both, stands nowhere
    vague = replace(claim(4, None, "at_least", 5), party="outlet:radio", moment=day2)
    (finding,) = analyse("f", [navy, rebels, vague], TOL, series="rising").findings
    assert set(finding.sides) == {(1,), (2,)}
