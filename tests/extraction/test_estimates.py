"""Figures given as the value of a named quantity ("put the crowd at 32,000"). Sentences
written for these tests; both backends."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.parse import available
from api.extraction.types import ArticleInput, ExtractedClaim

BACKENDS = [
    "rules",
    pytest.param("parser", marks=pytest.mark.skipif(not available(), reason="no parser extra")),
]


def _claims(body: str, backend: str) -> dict[str, ExtractedClaim]:
    result = extract(ArticleInput(body=body), backend=backend)
    return {c.quantity.text: c for c in result.claims if c.quantity is not None}


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_crowd_put_at_a_figure_is_an_attendance(backend: str) -> None:
    claim = _claims("Transit police put the crowd at about 12,000.", backend)["about 12,000"]
    assert claim.measure == "attended"
    assert claim.claimant is not None and claim.claimant.name.lower().endswith("police")


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_number_of_a_counted_noun_put_at_a_figure(backend: str) -> None:
    body = "The Riverside Trust put the number of volunteers at 640."
    claim = _claims(body, backend)["640"]
    assert claim.subject_text is not None and "volunteers" in claim.subject_text
    assert claim.claimant is not None and claim.claimant.name == "Riverside Trust"
