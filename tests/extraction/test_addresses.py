"""House numbers are not figures. Sentences written for these tests."""

from __future__ import annotations

from api.extraction import extract
from api.extraction.addresses import is_house_number
from api.extraction.types import ArticleInput


def _figures(body: str) -> set[str]:
    result = extract(ArticleInput(body=body), backend="rules")
    return {c.quantity.text for c in result.claims if c.quantity is not None}


def test_house_numbers_before_a_street_name_are_not_claims() -> None:
    body = (
        "About 300 people marched from 14 Avenue de la Paix to 47 Mill Lane, "
        "where police said 12 people were arrested outside 210 Courthouse Square."
    )
    figures = _figures(body)
    assert not {"14", "47", "210"} & figures
    assert {"About 300", "12"} <= figures


def test_a_count_of_things_on_a_named_street_is_still_a_count() -> None:
    s = "Police said 12 Main Street shops were looted."
    assert not is_house_number(s, s.index("12") + 2)
    assert is_house_number("at 9 Harbour Road.", 4)
