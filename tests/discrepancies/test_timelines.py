"""Who disagrees with whom, and figures that change over time (pure detection)."""

from __future__ import annotations

from datetime import date

from api.discrepancies.detection import CONFLICTING, INCONSISTENT, FactClaim, analyse

TOL = 0.1
KEY = "e1|killed|people|-|count"
SIDED = "e1|killed|combatants|7|count"


def figure(
    claim_id: int,
    party: int | str | None,
    value: float,
    day: int,
    *,
    qualifier: str = "exact",
    corrects: bool = False,
) -> FactClaim:
    upper = None if qualifier == "at_least" else value
    return FactClaim(
        claim_id=claim_id,
        article_id=claim_id,
        party=party,
        source=f"publisher:{party}",
        qualifier=qualifier,
        lower=value,
        upper=upper,
        moment=date(2025, 7, day),
        corrects=corrects,
    )


def kinds(claims: list[FactClaim], key: str = SIDED, series: str = "rising") -> list[str]:
    findings = analyse(key, claims, TOL, compare_claimants=key == SIDED, series=series).findings
    return [f.kind for f in findings]


def test_outlets_own_figures_that_cannot_both_hold_conflict() -> None:
    a, b = figure(1, "outlet:a", 27, 9, qualifier="at_least"), figure(2, "outlet:b", 16, 9)
    # even where whose dead are counted is not said, outlets' own tolls are compared
    assert kinds([a, b], key=KEY) == [CONFLICTING]


def test_an_outlet_agreeing_with_one_claimant_stands_on_its_side() -> None:
    army, rebels, paper = figure(1, 5, 4, 9), figure(2, 6, 19, 9), figure(3, "outlet:p", 4, 9)
    (finding,) = analyse(SIDED, [army, rebels, paper], TOL, series="rising").findings
    assert sorted(finding.sides) == [(1, 3), (2,)]


def test_a_rising_toll_of_one_claimant_is_a_series() -> None:
    claims = [figure(1, 5, 14, 8), figure(2, 5, 19, 9), figure(3, 5, 33, 10)]
    assert kinds(claims) == []


def test_a_later_lower_toll_contradicts_unless_it_corrects() -> None:
    assert kinds([figure(1, 5, 33, 9), figure(2, 5, 20, 10)]) == [INCONSISTENT]
    assert kinds([figure(1, 5, 33, 9), figure(2, 5, 20, 10, corrects=True)]) == []


def test_a_count_fixed_once_the_incident_is_over_contradicts_when_it_changes() -> None:
    assert kinds([figure(1, 5, 14, 3), figure(2, 5, 16, 4)], series="fixed") == [INCONSISTENT]


def test_a_varying_count_goes_up_and_down() -> None:
    assert kinds([figure(1, 5, 30, 8), figure(2, 5, 12, 10)], series="varying") == []


def test_claimants_conflict_at_the_same_moment_not_across_a_rise() -> None:
    ministry = [figure(1, 5, 14, 8), figure(2, 5, 27, 9)]
    forum = [figure(3, 6, 52, 9, qualifier="at_least")]
    assert kinds(ministry + forum) == [CONFLICTING]
    # the forum's later, higher figure does not contradict the ministry's earlier one
    assert kinds([figure(1, 5, 14, 8), figure(4, 6, 52, 9, qualifier="at_least")]) == []
