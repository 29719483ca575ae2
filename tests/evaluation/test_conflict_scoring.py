"""How a produced discrepancy is scored against a gold conflict: found whole, set against
each other with a side incomplete, or missed (the scorer, on records made by hand)."""

from __future__ import annotations

from typing import Any

from api.evaluation.discrepancies import score_discrepancies

BODY = (
    "The army said 12 soldiers died. The rebels said they killed 40 soldiers. "
    "Army: 12 dead. A rebel spokesman repeated that 40 soldiers had been killed."
)


def _claim(cid: int, quote: str, value: float) -> dict[str, Any]:
    start = BODY.index(quote)
    return {
        "id": cid,
        "start": start,
        "end": start + len(quote),
        "qualifier": "exact",
        "lower": value,
        "upper": value,
        "unit": None,
    }


GOLD: dict[str, Any] = {
    "articles": {"a.txt": {"event": "E"}},
    "claims": [
        {"id": "g1", "article": "a.txt", "value": {"eq": 12}, "quote": "12 soldiers died"},
        {"id": "g2", "article": "a.txt", "value": {"eq": 40}, "quote": "killed 40 soldiers"},
        {"id": "g3", "article": "a.txt", "value": {"eq": 12}, "quote": "Army: 12 dead"},
        {"id": "g4", "article": "a.txt", "value": {"eq": 40}, "quote": "40 soldiers had been"},
    ],
    "discrepancies": [
        {
            "id": "D1",
            "kind": "conflicting figures",
            "quantity": "soldiers killed",
            "why": "army 12, rebels 40",
            "sides": [["g1", "g3"], ["g2", "g4"]],
        }
    ],
    "non_discrepancies": [],
    "denials": {"items": []},
}
CLAIMS = {
    "a.txt": [
        _claim(1, "12 soldiers died", 12),
        _claim(2, "killed 40 soldiers", 40),
        _claim(3, "Army: 12 dead", 12),
        _claim(4, "40 soldiers had been", 40),
    ]
}


def _score(*sides: list[int]) -> Any:
    found = [{"id": 1, "kind": "conflicting_figures", "sides": [list(s) for s in sides]}]
    return score_discrepancies(GOLD, CLAIMS, found, {"a.txt": BODY})


def test_every_claim_of_both_sides_in_place_is_found_whole() -> None:
    report = _score([1, 3], [2, 4])
    assert report.found == ["D1"] and report.opposed == []
    assert report.precision == 1.0 and report.lenient_precision == 1.0


def test_a_side_missing_one_claim_is_set_against_but_not_found() -> None:
    report = _score([1], [2, 4])  # the headline's "Army: 12 dead" was stored elsewhere
    assert report.found == [] and report.missed == []
    assert [o.split(":")[0] for o in report.opposed] == ["D1"]
    assert report.precision == 0.0  # the strict figure counts it false
    assert report.lenient_precision == 1.0


def test_both_gold_sides_on_one_produced_side_is_a_miss() -> None:
    report = _score([1, 2], [3, 4])
    assert report.found == [] and report.opposed == []
    assert report.missed and report.lenient_precision == 0.0


def test_a_gold_side_split_over_two_produced_sides_is_a_miss() -> None:
    report = _score([1], [3], [2, 4])
    assert report.found == [] and report.opposed == []


def test_a_discrepancy_with_only_one_gold_side_is_a_miss() -> None:
    report = _score([1, 3], [9])
    assert report.found == [] and report.opposed == [] and report.lenient_precision == 0.0
