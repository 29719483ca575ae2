"""Speaker labels before a colon, attributed headlines and bullets, and speaker heads from
the lexicon. Sentences written for these tests; both backends."""

from __future__ import annotations

import pytest

from api.extraction.lexicon import furniture_labels, generic_heads
from tests.factories import BACKENDS, by_figure, who


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bullet_with_a_speaker_label_is_that_speakers_claim(backend: str) -> None:
    body = (
        "Floods swamp the delta\n"
        "- Coastguard: 17 fishermen rescued overnight\n"
        "The coastguard said its boats were still out."
    )
    assert who(by_figure(body, backend)["17"]) == "Coastguard"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_label_naming_the_publisher_of_figures(backend: str) -> None:
    body = (
        "The Rural Health Directorate (RHD) reported 40 cases on Monday.\n"
        "Latest figures from the RHD: 52 cases and 3 deaths."
    )
    claims = by_figure(body, backend)
    assert who(claims["52"]) == who(claims["3"]) == "Rural Health Directorate"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_attributed_headline_is_read_an_unattributed_one_is_not(backend: str) -> None:
    body = (
        "Ferry sinks off cape, 12 missing, says harbour authority\n"
        "Nine rescued in night operation\n"
        "By Ana Ruiz\n"
        "A ferry sank off the cape on Monday."
    )
    claims = by_figure(body, backend)
    assert who(claims["12"]) == "harbour authority"
    assert "Nine" not in claims


@pytest.mark.parametrize("backend", BACKENDS)
def test_page_furniture_labels_name_no_speaker(backend: str) -> None:
    body = "Contact: Lena Berg, press officer, 4 Quay Street\nPhoto: 2 boats at the quay\n"
    assert all(c.claimant is None for c in by_figure(body, backend).values())


@pytest.mark.parametrize("backend", BACKENDS)
def test_role_heads_from_the_lexicon_are_speakers(backend: str) -> None:
    claims = by_figure("The coroner said 6 of the victims had drowned.", backend)
    assert who(claims["6"]) == "coroner"
    assert generic_heads()["coroner"] == "government"
    assert "photo" in furniture_labels()


@pytest.mark.parametrize("backend", BACKENDS)
def test_put_a_measured_quantity_at_a_figure(backend: str) -> None:
    claims = by_figure("The Transit Police Office put the crowd at about 12,000.", backend)
    assert who(claims["about 12,000"]) == "Transit Police Office"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_named_body_recording_or_updating_a_figure_reports_it(backend: str) -> None:
    body = (
        "The Water Resources Board (WRB) recorded 210 millimetres of rain. "
        "The WRB later updated the toll to 9 dead. "
        "Damage was recorded to 30 homes."
    )
    claims = by_figure(body, backend)
    assert who(claims["210 millimetres"]) == "Water Resources Board"
    assert who(claims["9"]) == "Water Resources Board"
    assert claims["30"].claimant is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_timestamped_live_entry_with_a_label(backend: str) -> None:
    body = (
        "The Flood Control Centre (FCC) said 5 people were missing.\n"
        "09:40 — Evening update from the FCC: 8 confirmed dead\n"
        "10:15 — BREAKING: 2 more bridges closed\n"
    )
    claims = by_figure(body, backend)
    assert who(claims["8"]) == "Flood Control Centre"
    assert "2" not in claims or claims["2"].claimant is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_headline_in_capitals_names_no_speaker_by_its_case(backend: str) -> None:
    """In a line set in capitals every word looks like an acronym: "FLOOD NIGHTMARE" is no
    body, while "POLICE" and an acronym the article spells out still speak."""
    from api.extraction import extract
    from api.extraction.types import ArticleInput

    def speakers(body: str) -> set[str | None]:
        claims = extract(ArticleInput(body=body), backend=backend).claims
        return {c.claimant.name if c.claimant else None for c in claims}

    assert "NIGHTMARE" not in speakers("FLOOD NIGHTMARE: 12 DEAD\n\nThe river rose overnight.")
    assert speakers("POLICE: 300 ARRESTED\n\nThe march was peaceful.") == {"police"}
    spelled = "WFP: 9,000 FED\n\nThe World Food Programme (WFP) runs the camp."
    assert speakers(spelled) == {"World Food Programme"}
