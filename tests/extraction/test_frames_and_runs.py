"""A body's reckoning framing a sentence, quotations that run on over sentences, asides
before the verb, and currencies named after the number. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_possessed_count_frames_the_sentence(backend: str) -> None:
    body = (
        "The Harbour Authority said the storm had sunk 12 boats. "
        "By the authority's own count, 40 moorings were torn away."
    )
    claims = by_figure(body, backend)
    assert who(claims["40"]) == "Harbour Authority"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_possessed_projection_at_the_head_of_the_sentence(backend: str) -> None:
    body = (
        "The Central Election Board published its first results on Monday. "
        "On the board's provisional projection, the Green List would take 31 seats."
    )
    claims = by_figure(body, backend)
    assert who(claims["31"]) == "Central Election Board"


@pytest.mark.parametrize("backend", BACKENDS)
def test_figures_show_before_a_semicolon_speak_for_what_precedes(backend: str) -> None:
    body = (
        "The Central Election Board counted the ballots overnight. "
        "The Farmers' List is third on 12.5%, the board's figures show; the rest is split."
    )
    claims = by_figure(body, backend)
    assert who(claims["12.5%"]) == "Central Election Board"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_quotation_runs_on_in_the_next_sentence(backend: str) -> None:
    body = (
        'Fire chief Marta Lindqvist said: "We reached the valley at dawn. '
        'Nine of our engines are still there."'
    )
    claims = by_figure(body, backend)
    assert who(claims["Nine"]) == "Marta Lindqvist"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_closed_quotation_does_not_run_on(backend: str) -> None:
    body = (
        'Fire chief Marta Lindqvist said: "We reached the valley at dawn." '
        "Nine engines were seen on the road later."
    )
    claims = by_figure(body, backend)
    assert who(claims["Nine"]) is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_asked_aside_between_speaker_and_verb(backend: str) -> None:
    body = (
        "Mayor Tomas Brandt, asked about the flooding at a briefing, said 300 homes "
        "had been evacuated."
    )
    claims = by_figure(body, backend)
    assert who(claims["300"]) == "Tomas Brandt"


@pytest.mark.parametrize("backend", BACKENDS)
def test_cfa_francs_are_a_currency_by_region(backend: str) -> None:
    west = by_figure(
        "Senegal's government pledged 40 million CFA francs to the fishermen.", backend
    )
    west_figure = west["40 million CFA francs"].quantity
    assert west_figure is not None and west_figure.unit == "XOF"
    central = by_figure(
        "Gabon's government pledged 40 million CFA francs to the fishermen.", backend
    )
    central_figure = central["40 million CFA francs"].quantity
    assert central_figure is not None and central_figure.unit == "XAF"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_clock_time_after_the_issuer_is_not_part_of_its_name(backend: str) -> None:
    body = (
        "Jonas Berg won the council seat with 912 votes, according to provisional results "
        "published by the county registrar's office shortly after 11 p.m."
    )
    claims = by_figure(body, backend)
    assert who(claims["912"]) == "county registrar's office"
