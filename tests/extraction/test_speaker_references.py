"""Speaker phrases: names with particles, documents standing for their issuer, times
after the speaker, and the names the text gives a body. Sentences written for these tests."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput
from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_surname_behind_a_particle_is_a_name(backend: str) -> None:
    claims = by_figure("Colonel Omar el-Bashiri said 16 fighters were captured.", backend)
    assert who(claims["16"]) == "Omar el-Bashiri"


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_statement_without_its_issuer_is_the_previous_speakers(backend: str) -> None:
    body = (
        "In a written statement, Governor Ruth Okafor said 40 families had been moved. "
        "Three bridges were washed away, the statement added."
    )
    claims = by_figure(body, backend)
    assert who(claims["Three"]) == "Ruth Okafor"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_time_after_the_speaker_is_not_part_of_its_name(backend: str) -> None:
    body = (
        "The Harbour Workers Federation on Thursday said 900 members had walked out. "
        "The Harbour Workers Federation said 12 ships were idle."
    )
    claims = by_figure(body, backend)
    assert who(claims["900"]) == who(claims["12"]) == "Harbour Workers Federation"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_place_qualified_name_of_a_body_is_kept_as_its_alias(backend: str) -> None:
    claims = by_figure("Kenya's army said 9 soldiers were wounded in the ambush.", backend)
    claimant = claims["9"].claimant
    assert claimant is not None
    assert "Kenya's army" in claimant.aliases or claimant.name == "Kenya's army"


def test_a_bare_common_noun_never_becomes_an_alias() -> None:
    body = "The army said 9 soldiers were wounded near Garissa, Kenya."
    for claim in extract(ArticleInput(body=body), backend="rules").claims:
        node = claim.claimant
        while node is not None:
            assert all(a.lower() not in {"army", "the army"} for a in node.aliases)
            node = node.parent


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_statement_introduced_with_an_article_is_a_new_one(backend: str) -> None:
    body = (
        "Inspector Tom Hale said 30 officers were on duty. "
        "The Dock Workers Union said in a statement posted online that 14 members were hurt."
    )
    assert who(by_figure(body, backend)["14"]) != "Tom Hale"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_person_named_with_a_title_before_is_known_by_surname_later(backend: str) -> None:
    body = (
        "Police raided six farms in what Mayor Elena Varga called a turning point. "
        '"We found 300 stolen sheep," Varga, the town\'s mayor for six years, told reporters.'
    )
    assert who(by_figure(body, backend)["300"]) == "Elena Varga"


@pytest.mark.parametrize("backend", BACKENDS)
def test_its_role_belongs_to_the_organisation_last_speaking(backend: str) -> None:
    body = (
        "The Northern Liberation Front said it would keep fighting. "
        "In an audio message on Sunday, its commander said the group had lost five fighters."
    )
    claimant = by_figure(body, backend)["five"].claimant
    assert claimant is not None and claimant.parent is not None
    assert claimant.parent.name == "Northern Liberation Front"
