"""Money carries its currency; a scale written once covers both ends of a range."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.quantities import find_quantities
from api.extraction.types import ArticleInput


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("sales reached SEK 842m in the year", 842e6, 842e6, "SEK"),
        ("a fund of EUR 2.1 billion", 2.1e9, 2.1e9, "EUR"),
        ("losses of 7 million rupees", 7e6, 7e6, "INR"),
        ("costs of CHF 30 to 45 million", 30e6, 45e6, "CHF"),
        ("between PLN 2 and 3 billion", 2e9, 3e9, "PLN"),
        ("a fine of £12,500", 12500, 12500, "GBP"),
        ("a speed of 120 km/h", 120, 120, "km/h"),
        ("turnout of 58.3%", 58.3, 58.3, "%"),
    ],
)
def test_currency_and_unit(text: str, lower: float, upper: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.lower, q.upper) == (lower, upper)
    assert q.unit is not None and q.unit.symbol == unit


def test_a_lower_case_word_is_not_a_currency_code() -> None:
    (q,) = find_quantities("they will try 5 more times")
    assert q.unit is None


def test_a_range_keeps_separate_scales() -> None:
    (q,) = find_quantities("between 500 and 2 million people")
    assert (q.lower, q.upper) == (500, 2e6)


def test_shared_signs_follow_the_article_country() -> None:
    assert find_quantities("a bonus of 900,000 pesos", ["Colombia"])[0].unit.symbol == "COP"  # type: ignore[union-attr]
    assert find_quantities("a bonus of 900,000 pesos", [])[0].unit.symbol == "MXN"  # type: ignore[union-attr]
    body = (
        "The Chilean port operator said the stoppage cost it $2 million. "
        "Officials in Santiago said Chile would not intervene."
    )
    claims = extract(ArticleInput(body=body)).claims
    money = [c for c in claims if c.quantity is not None and c.quantity.unit is not None]
    assert money and money[0].quantity is not None
    assert money[0].quantity.unit == "CLP"
    assert money[0].measure == "amount"


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [
        ("The Kenya Red Cross said it had raised Sh340 million for the appeal.", 340e6, "KES"),
        ("Colombo's council in Sri Lanka set aside Rs. 75 million for drainage.", 75e6, "LKR"),
        ("The fund paid out 2.4 million somoni to farmers.", 2.4e6, "TJS"),
        ("The count cost about 90 million bolivianos.", 90e6, "BOB"),
    ],
)
def test_currencies_named_or_glued_to_the_figure(body: str, value: float, unit: str) -> None:
    found = [
        (c.quantity.lower, c.quantity.unit)
        for c in extract(ArticleInput(body=body)).claims
        if c.quantity is not None
    ]
    assert (value, unit) in found
