"""The vocabulary is data: well formed, loaded once, and read by the pipeline."""

from __future__ import annotations

from api.extraction import lexicon
from api.extraction.gazetteer import load
from api.extraction.measures import MEASURE_WORDS, SUBJECT_CATEGORIES


def test_every_family_has_a_signal() -> None:
    for family in lexicon.measures().families:
        assert family.words or family.phrases or family.nouns, family.name


def test_the_measure_words_are_the_lexicon() -> None:
    assert MEASURE_WORDS is lexicon.measures().words
    assert SUBJECT_CATEGORIES is lexicon.subjects().categories
    assert lexicon.measures() is lexicon.measures()  # loaded once


def test_families_beyond_casualties_are_listed() -> None:
    words = lexicon.measures().words
    phrases = lexicon.measures().phrases
    assert words["hospitalised"] == "wounded"
    assert words["intercepted"] == "destroyed"
    assert phrases[("took", "part")] == "attended"
    assert phrases[("death", "toll")] == "killed"
    assert lexicon.measures().nouns["votes"] == "votes"


def test_currency_countries_are_gazetteer_countries() -> None:
    countries = load().countries
    for country in lexicon.currencies().by_country:
        assert country in countries, country


def test_calendar_is_complete() -> None:
    cal = lexicon.calendar()
    assert len(cal.months) == 12
    assert len(cal.weekdays) == 7
    assert cal.month_numbers["sept"] == 9
    assert cal.month_numbers["dec"] == 12


def test_vague_amounts_carry_bounds() -> None:
    amounts = lexicon.amounts()
    assert amounts.vague["tens of thousands"] == (20000.0, None)
    assert "dozens" in amounts.magnitude
    assert "several" not in amounts.magnitude
