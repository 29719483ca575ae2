"""Counts whose noun is left out: people among a group the measure word names, and a figure
linked by 'remain' or 'stay' to its state. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_people_among_the_injured_are_a_count(backend: str) -> None:
    body = "Five of the injured were still in intensive care, the clinic director Ada Lutz said."
    claims = by_figure(body, backend)
    assert claims["Five"].measure == "wounded"
    assert claims["Five"].subject == "people"
    assert who(claims["Five"]) == "Ada Lutz"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_verb_after_the_group_names_the_measure(backend: str) -> None:
    claims = by_figure("Police said two of the wounded died in the night.", backend)
    assert claims["two"].measure == "killed"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_linking_verb_is_never_the_counted_noun(backend: str) -> None:
    claims = by_figure(
        "The harbour master said 30 sailors were rescued and 9 remain at sea.", backend
    )
    assert claims["9"].subject != "remain"
    assert claims["9"].subject_text != "remain"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_lone_elliptical_count_is_of_people(backend: str) -> None:
    claims = by_figure("The harbour master said 12 stayed in the shelter overnight.", backend)
    assert claims["12"].subject == "people"
