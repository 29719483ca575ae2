"""What is counted: measure phrases, nouns that name a measure, coordinated counts."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput


def _claims(body: str) -> list[tuple[float | None, str | None, str | None]]:
    return [
        (c.quantity.lower, c.measure, c.subject)
        for c in extract(ArticleInput(body=body)).claims
        if c.quantity is not None
    ]


@pytest.mark.parametrize(
    ("body", "measure"),
    [
        ("The union said 12,000 nurses took part in the strike.", "attended"),
        ("Organisers said 3,000 residents turned out for the vigil.", "attended"),
        ("The coastguard said 14 migrants were hospitalised overnight.", "wounded"),
        ("The air force said its jets intercepted 9 drones.", "destroyed"),
        ("The mayor said 40 tenants were unaccounted for.", "missing"),
        ("The candidate won 2,318 votes, the commission said.", "votes"),
    ],
)
def test_measure_families_beyond_casualties(body: str, measure: str) -> None:
    assert any(m == measure for _v, m, _s in _claims(body)), _claims(body)


def test_coordinated_counts_are_separate_parts() -> None:
    claims = _claims("A gas blast injured five firefighters and two passers-by, police said.")
    assert (5.0, "wounded", "civilians") in claims
    assert any(v == 2.0 and m == "wounded" for v, m, _s in claims), claims


def test_a_hedge_is_never_the_subject() -> None:
    for _v, _m, subject in _claims("The agency said 300 roughly were evacuated from the valley."):
        assert subject not in {"roughly", "more", "drawn"}
