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


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_attendance_without_article_is_the_people_who_came(backend: str) -> None:
    claim = by_figure("The city council put peak attendance at 7,400.", backend)["7,400"]
    assert (claim.measure, claim.subject) == ("attended", "people")
    assert claim.claimant is not None and claim.claimant.name.endswith("council")


@pytest.mark.parametrize("backend", BACKENDS)
def test_evidence_cited_leaves_the_claim_with_the_citer(backend: str) -> None:
    body = "The Harbour Union, citing a count by its stewards, said 2,300 dockers walked out."
    claim = by_figure(body, backend)["2,300"]
    assert claim.claimant is not None and claim.claimant.name == "Harbour Union"


@pytest.mark.parametrize("backend", BACKENDS)
def test_counted_marchers_are_an_attendance_unless_a_verb_says_otherwise(backend: str) -> None:
    assert by_figure("Stewards counted 3,100 marchers.", backend)["3,100"].measure == "attended"
    assert by_figure("Officers detained 31 protesters.", backend)["31"].measure == "arrested"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "body",
    [
        "The depot handled 5,200 containers in June, according to Port Authority figures.",
        "The depot handled 5,200 containers in June, the Port Authority's own data show.",
    ],
)
def test_a_bodys_own_figures_are_its_claim(backend: str, body: str) -> None:
    claim = by_figure(body, backend)["5,200"]
    assert claim.claimant is not None and claim.claimant.name == "Port Authority"


@pytest.mark.parametrize("backend", BACKENDS)
def test_according_to_the_statement_is_its_issuers(backend: str) -> None:
    body = (
        "The Coastal Command issued a statement on Monday about the storm. According to the "
        "statement, 44 fishermen were rescued."
    )
    claim = by_figure(body, backend)["44"]
    assert claim.claimant is not None and "Coastal Command" in claim.claimant.name
