"""Numbers that are no figure: telephone numbers and a person's age. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_telephone_number_is_not_a_count(backend: str) -> None:
    body = (
        "The coastguard said 14 swimmers were rescued and asked witnesses to call "
        "the hotline 70 12 34 56 with any sighting."
    )
    claims = by_figure(body, backend)
    assert set(claims) == {"14"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_number_with_a_country_code_is_a_telephone_number(backend: str) -> None:
    claims = by_figure("Relatives can ring +44 20 7946 0958, the council said.", backend)
    assert claims == {}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_persons_age_is_not_a_count(backend: str) -> None:
    body = "Police said three people were hurt; a woman of 71 was taken to hospital."
    claims = by_figure(body, backend)
    assert "71" not in claims
    assert "three" in claims


@pytest.mark.parametrize("backend", BACKENDS)
def test_numbers_in_a_list_are_still_counts(backend: str) -> None:
    claims = by_figure("The agency said 40 homes, 12 shops and 3 schools were flooded.", backend)
    assert {"40", "12", "3"} <= set(claims)
