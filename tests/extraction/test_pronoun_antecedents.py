"""Who a pronoun or a bare role speaks for: the body a sentence opens on, the ministry of
a minister named by portfolio, the person last named with a role. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_it_is_the_body_the_sentence_before_opened_on(backend: str) -> None:
    body = (
        "The Coastal Rescue Service said 14 sailors had been saved. "
        "The Northern Fisheries Board, which runs the harbour, told a different story. "
        "It said 30 trawlers were still missing."
    )
    claims = by_figure(body, backend)
    assert who(claims["14"]) == "Coastal Rescue Service"
    assert who(claims["30"]) == "Northern Fisheries Board"


@pytest.mark.parametrize("backend", BACKENDS)
def test_he_is_the_person_the_sentence_before_opened_on(backend: str) -> None:
    body = (
        "Fire chief Olga Marsh said 40 crews were on the ground. "
        "The Mayor of Westfield, Piet Hanssen, toured the shelter on Monday. "
        "He said 600 people had slept there."
    )
    claims = by_figure(body, backend)
    assert who(claims["600"]) == "Piet Hanssen"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_minister_named_by_portfolio_speaks_for_the_ministry(backend: str) -> None:
    claims = by_figure("The Minister of Water and Power said 18 dams were full.", backend)
    assert who(claims["18"]) == "Ministry of Water and Power"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bare_role_is_the_person_last_named_with_it(backend: str) -> None:
    body = (
        "Speaking in the capital, the Minister of Transport, Lena Okoro, said 12 bridges "
        'were closed. "We have sent 90 engineers," the Minister said.'
    )
    claims = by_figure(body, backend)
    assert who(claims["90"]) == "Lena Okoro"


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_opening_name_is_taken_whole(backend: str) -> None:
    body = (
        "The Union of Dock Workers (UDW), which represents 9,000 porters, disputes the "
        "port's figures. Only 300 porters have returned to work, the union said."
    )
    claims = by_figure(body, backend)
    assert who(claims["300"]) == "Union of Dock Workers"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_ministers_portfolio_ends_with_its_capitalised_words(backend: str) -> None:
    body = (
        "The Minister of Roads and Bridges visited the site on Monday morning and "
        "announced 40 million euros for repairs."
    )
    claims = by_figure(body, backend)
    name = who(claims["40 million euros"]) or ""
    assert "visited" not in name
