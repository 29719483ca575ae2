"""Estimates: "an estimated street value of", "estimated at", "closer to" hedge the figure;
a hedging verb keeps its speaker."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput, Qualifier


def _one(body: str, value: float) -> tuple[Qualifier, str | None, str]:
    for c in extract(ArticleInput(body=body), backend="rules").claims:
        if c.quantity is not None and c.quantity.lower == value:
            return c.quantity.qualifier, c.claimant.name if c.claimant else None, c.evidence.quote
    raise AssertionError(f"no figure {value}")


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (
            "Customs found tobacco with an estimated retail value of EUR 95,000, the agency said.",
            95000.0,
        ),
        ("The repair bill was initially estimated at USD 2 million, the harbour master said.", 2e6),
        ("A hospital source said the real toll was closer to 40 dead.", 40.0),
        ("The new dam wall is estimated to be 85 metres high.", 85.0),
    ],
)
def test_estimate_words_hedge_the_figure(body: str, value: float) -> None:
    assert _one(body, value)[0] == Qualifier.approximately


def test_an_estimating_speaker_keeps_the_figure() -> None:
    qualifier, who, quote = _one(
        "The flood channel, which engineer Tomas Berg estimated at 300 metres long, was cleared.",
        300.0,
    )
    assert qualifier == Qualifier.approximately
    assert who is not None and "Berg" in who
    assert not quote.startswith("estimated")
