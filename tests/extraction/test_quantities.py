from __future__ import annotations

import pytest

from api.extraction.quantities import find_quantities, parse_number
from api.extraction.types import Qualifier


def one(text: str) -> tuple[str, Qualifier, float | None, float | None]:
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.text, q.qualifier, q.lower, q.upper


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,600", 2600),
        ("1.5 million", 1_500_000),
        ("twenty-three", 23),
        ("a dozen", 12),
        ("two hundred and fifty", 250),
        ("nine", 9),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "qualifier", "lower", "upper"),
    [
        ("some nine soldiers", Qualifier.approximately, 9, 9),
        ("about 40 people", Qualifier.approximately, 40, 40),
        ("nearly 300 homes", Qualifier.approximately, 300, 300),
        ("more than 200 fighters", Qualifier.more_than, 200, None),
        ("over 200 troops", Qualifier.more_than, 200, None),
        ("at least three crossings", Qualifier.at_least, 3, None),
        ("up to 1,000 people", Qualifier.at_most, None, 1000),
        ("fewer than 40 people", Qualifier.less_than, None, 40),
        ("between 10 and 12 people", Qualifier.range, 10, 12),
        ("10-12 people", Qualifier.range, 10, 12),
        ("ten to twelve people", Qualifier.range, 10, 12),
        ("dozens of fighters", Qualifier.vague, 24, None),
        ("scores of people", Qualifier.vague, 40, None),
        ("hundreds of people", Qualifier.vague, 200, None),
        ("several posts", Qualifier.vague, 3, 9),
    ],
)
def test_hedges_and_comparators(
    text: str, qualifier: Qualifier, lower: float | None, upper: float | None
) -> None:
    _t, q, lo, hi = one(text)
    assert (q, lo, hi) == (qualifier, lower, upper)


def test_more_than_is_strict() -> None:
    q = find_quantities("more than 200 fighters")[0]
    assert q.strict_lower and not q.strict_upper


def test_units_and_parenthetical_conversion_is_one_quantity() -> None:
    found = find_quantities("along the 2,600-kilometer (1,600-mile) border with Afghanistan")
    assert len(found) == 1
    q = found[0]
    assert q.text == "2,600-kilometer (1,600-mile)"
    assert q.unit is not None and q.unit.symbol == "km" and q.attributive
    assert q.lower == 2600


def test_unit_forms() -> None:
    assert find_quantities("runs for 2,600 km")[0].unit.symbol == "km"  # type: ignore[union-attr]
    q = find_quantities("a 1,600-mile-long border")[0]
    assert q.unit is not None and q.unit.symbol == "mi" and q.attributive
    assert find_quantities("500 hectares")[0].unit.base == "m2"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban came to power in 2021.",
        "drawn up by the British in 1893.",
        "in Chaman, Pakistan, 27 March 2025.",
        "— Allison M. Hooker (@UnderSecStateP) February 27, 2026",
        "on Friday (Jan 19), they met",
        "between January and Sept. 15",
        "published 2026-02-28 online",
        "at 10:30 a.m. local time",
        "a 35-year-old man",
        "in the four years since",
        "F-16 jets and Covid-19",
        "the 2nd battalion",
        "in the 1990s",
    ],
)
def test_dates_years_times_ages_names_are_never_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_one_only_before_counted_noun() -> None:
    assert find_quantities("one of the leaders said one another") == []
    assert find_quantities("one soldier was killed")[0].lower == 1


def test_several_numbers_in_one_sentence() -> None:
    text = "captured 25 posts, 58 soldiers have been killed, and 30 others wounded"
    assert [q.lower for q in find_quantities(text)] == [25, 58, 30]
