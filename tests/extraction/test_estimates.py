"""Figures given as the value of a named quantity ("put the crowd at 32,000"). Sentences
written for these tests; both backends."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_crowd_put_at_a_figure_is_an_attendance(backend: str) -> None:
    claim = by_figure("Transit police put the crowd at about 12,000.", backend)["about 12,000"]
    assert claim.measure == "attended"
    assert claim.claimant is not None and claim.claimant.name.lower().endswith("police")


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_number_of_a_counted_noun_put_at_a_figure(backend: str) -> None:
    body = "The Riverside Trust put the number of volunteers at 640."
    claim = by_figure(body, backend)["640"]
    assert claim.subject_text is not None and "volunteers" in claim.subject_text
    assert claim.claimant is not None and claim.claimant.name == "Riverside Trust"
