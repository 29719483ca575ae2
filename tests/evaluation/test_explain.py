"""The explanation of a missed discrepancy names what kept its sides apart."""

from __future__ import annotations

from typing import Any

from api.claims.models import Claim
from api.discrepancies.detection import Interval
from api.evaluation.explain import Row, _cause


def row(claim_id: int, key: str | None, party: int | str | None, lo: float) -> Row:
    claim = Claim(
        id=claim_id,
        article_id=1,
        statement="s",
        quote="q",
        start_offset=0,
        end_offset=1,
        sentence_index=0,
        fact_key=key,
        extractor_version="t",
    )
    return Row(claim=claim, article="a.txt", value_ok=True, party=party, span=Interval(lo, lo))


def cause(*sides: Any) -> str:
    return _cause([list(side) for side in sides])


def test_the_cause_names_the_fact_key_part_that_differs() -> None:
    text = cause(
        [row(1, "e1|killed|combatants|3|count", 1, 4)], [row(2, "e1|killed|people|-|count", 2, 9)]
    )
    assert "subject" in text and "side" in text


def test_the_cause_names_a_claim_without_a_fact_key_and_a_shared_party() -> None:
    key = "e1|killed|combatants|3|count"
    assert "no fact key" in cause([row(1, key, 1, 4), row(3, None, 1, 4)], [row(2, key, 2, 9)])
    assert "same party" in cause([row(1, key, 1, 4)], [row(2, key, 1, 9)])


def test_the_cause_names_an_unknown_side_and_overlapping_intervals() -> None:
    sideless = "e1|killed|combatants|-|count"  # whose soldiers is not said
    assert "not compared" in cause([row(1, sideless, 1, 4)], [row(2, sideless, 2, 9)])
    sided = "e1|killed|combatants|3|count"
    assert "overlap" in cause([row(1, sided, 1, 4)], [row(2, sided, 2, 4)])
    assert "not extracted" in cause([], [row(2, sided, 2, 4)])
