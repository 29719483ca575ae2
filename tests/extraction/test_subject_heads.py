"""What a figure counts is named by the head (last) noun of the counted phrase."""

from __future__ import annotations

import pytest

from api.extraction.subjects import parse_subject


def counted(sentence: str, number: str) -> tuple[str | None, str | None]:
    parse = parse_subject(sentence, sentence.index(number) + len(number))
    return parse.category, parse.surface


@pytest.mark.parametrize(
    ("sentence", "number", "category"),
    [
        ("Officials said 6 coast guards drowned.", "6", "combatants"),
        ("The union said 250 dock workers walked out.", "250", "civilians"),
        ("Observers counted 90 voting booths in the district.", "90", "booth"),
        ("The army said 14 rebel fighters and their commander surrendered.", "14", "combatants"),
        ("The patrol recovered 250 rounds of ammunition.", "250", "ammunition"),
        ("Crews found 35 crates of ammunition in the warehouse.", "35", "crate"),
        ("Police said 19 fighters of the Hill Front had been held.", "19", "combatants"),
        ("The rebels said they shot 12 troops before pulling back.", "12", "combatants"),
    ],
)
def test_the_head_noun_gives_the_category(sentence: str, number: str, category: str) -> None:
    assert counted(sentence, number)[0] == category


def test_a_verb_after_the_noun_ends_the_counted_phrase() -> None:
    assert counted("Rescuers said 9 climbers remained stranded on the ridge.", "9") == (
        "climber",
        "climbers",
    )
    assert counted("With 88% of ballot boxes opened, the lead held.", "88%")[1] == "ballot boxes"


def test_an_adjective_participle_before_the_noun_stays_in_it() -> None:
    assert counted("The navy seized 12 unflagged fishing boats.", "12") == (
        "boat",
        "unflagged fishing boats",
    )


@pytest.mark.parametrize(
    "sentence",
    ["Turnout was 64% of the 3.2 million", "The count found 14 there", "It was 12 more"],
)
def test_number_words_places_and_hedges_are_never_the_head(sentence: str) -> None:
    number = "64%" if "64%" in sentence else ("14" if "14" in sentence else "12")
    assert counted(sentence, number)[0] is None
