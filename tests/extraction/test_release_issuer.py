"""A press release's own figures are its issuer's: the body its lead names."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who

_RELEASE = (
    "NEWS RELEASE - FOR IMMEDIATE RELEASE\n"
    "Brindlewood Ferries plc: first-half trading update\n"
    "SOUTHAMPTON, England, 3 March 2026 - Brindlewood Ferries plc (LSE: BRF), an operator "
    "of island crossings, today published its trading update for the six months to January.\n"
    "The fleet carried 1.9 million passengers in the period.\n"
    "Eleven vessels were refitted over the winter.\n"
    '"We are proud of our crews," said Amira Holt, the chief executive. '
    '"Punctuality reached 94% on the main route."\n'
)


def _claimants(body: str, backend: str) -> dict[str, str | None]:
    return {text: who(c) for text, c in by_figure(body, backend).items()}


@pytest.mark.parametrize("backend", BACKENDS)
def test_unattributed_figures_of_a_release_are_the_issuers(backend: str) -> None:
    who = _claimants(_RELEASE, backend)
    assert who["1.9 million"] is not None and "Brindlewood" in who["1.9 million"]
    assert who["Eleven"] is not None and "Brindlewood" in who["Eleven"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_quoted_speaker_keeps_the_quote(backend: str) -> None:
    who = _claimants(_RELEASE, backend)
    assert who["94%"] is not None and "Brindlewood" not in who["94%"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_lead_that_names_its_speaker_makes_the_issuer(backend: str) -> None:
    body = (
        "PRESS RELEASE\n"
        "Regional Water Board\n"
        "The Regional Water Board reports that supplies were restored to the eastern "
        "districts on Monday.\n"
        "Crews repaired 14 burst mains overnight.\n"
    )
    who = _claimants(body, backend)
    assert who["14"] is not None and "Water Board" in who["14"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_news_story_has_no_issuer(backend: str) -> None:
    body = (
        "Ferry operator upbeat\n"
        "SOUTHAMPTON, 3 March - Brindlewood Ferries plc said on Tuesday that trading was "
        "strong.\n"
        "Eleven vessels were refitted over the winter.\n"
    )
    assert _claimants(body, backend)["Eleven"] is None
