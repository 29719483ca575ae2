"""Names of bodies whose words another language joins with prepositions and articles.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_name_joined_by_foreign_articles_is_one_body(backend: str) -> None:
    body = (
        "The Movimiento por la Tierra Libre, which organised the sit-in, said 4,000 "
        "farmers had joined it."
    )
    claims = by_figure(body, backend)
    assert who(claims["4,000"]) == "Movimiento por la Tierra Libre"


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_last_word_of_such_a_name_is_not_the_speaker(backend: str) -> None:
    body = "The Partido de los Trabajadores said 61 of its candidates had been elected."
    claims = by_figure(body, backend)
    assert who(claims["61"]) == "Partido de los Trabajadores"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_person_with_a_particle_stays_a_person(backend: str) -> None:
    claims = by_figure("Ana de la Vega said 12 boats were missing.", backend)
    assert who(claims["12"]) == "Ana de la Vega"
