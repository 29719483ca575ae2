"""Telling a claim's incident from its article's text."""

from __future__ import annotations

from datetime import date

from api.discrepancies.incidents import analyse_article

BODY = (
    "Gunmen attacked a police post in the village of Korvana on Tuesday, killing 12 officers.\n"
    "Officials in the capital said the attackers fled towards the hills.\n"
    "In a separate attack, three civilians were killed when a bus struck a mine.\n"
    "Last month, an ambush near Dellor killed eight soldiers. Two of them were officers.\n"
    "It was the deadliest attack since 2014, when 40 people died in a single raid.\n"
    "The toll rose to 15 on Thursday, a hospital official said.\n"
)
PUBLISHED = date(2025, 3, 6)  # a Thursday


def incident_of(text: str) -> str:
    start = BODY.index(text)
    reading = analyse_article(BODY, "Attack on Korvana police post", PUBLISHED)
    return reading.at(start, start + len(text)).key


def test_the_main_incident_has_no_key() -> None:
    assert incident_of("killing 12 officers") == ""


def test_a_separate_attack_is_its_own_incident() -> None:
    assert incident_of("three civilians were killed").startswith("x:")


def test_an_earlier_time_and_another_place_make_another_incident() -> None:
    assert incident_of("killed eight soldiers") != ""
    # the next sentence of the same paragraph continues it
    assert incident_of("Two of them") != ""


def test_a_historical_comparison_applies_only_to_its_own_figure() -> None:
    assert incident_of("40 people died").startswith("t:2014")


def test_a_later_time_is_the_same_incident_going_on() -> None:
    assert incident_of("The toll rose to 15") == ""


def test_without_a_publication_date_times_cannot_tell() -> None:
    reading = analyse_article("Four died on Monday. In 2014, 40 died.", "", None)
    assert reading.at(0, 10).key == ""


def test_a_countrys_or_a_wars_total_is_not_the_incidents_figure() -> None:
    body = (
        "Floodwaters killed 23 people in the river town of Maralu on Tuesday, officials said.\n"
        "Nationwide, some 410 people have died in floods since the monsoon began.\n"
        "The conflict has killed more than 9,000 people since it began, monitors say.\n"
        "More than 7 million people are displaced across Kenya, the agency says."
    )
    reading = analyse_article(body, "Floods hit Maralu", PUBLISHED)
    main = reading.at(body.index("23"), body.index("23") + 2)
    national = reading.at(body.index("410"), body.index("410") + 3)
    war = reading.at(body.index("9,000"), body.index("9,000") + 5)
    assert main.main
    assert not national.main and not war.main
    assert national.key != war.key
    across = reading.at(body.index("7 million"), body.index("7 million") + 9)
    assert not across.main


def test_an_incident_named_by_an_earlier_year_is_its_own() -> None:
    body = (
        "A landslide buried part of the hill town of Sorata on Tuesday, killing nine people.\n"
        "Residents still remember the 1998 Sorata landslide, which killed about 300 people,"
        " the worst in Bolivia's history.\n"
        "The toll from Tuesday's slide rose to 11 on Wednesday.\n"
    )
    reading = analyse_article(body, "Landslide in Sorata", PUBLISHED)

    def key(text: str) -> str:
        start = body.index(text)
        return reading.at(start, start + len(text)).key

    assert key("killed about 300 people").startswith("t:1998")
    assert key("killing nine people") == ""
    assert key("rose to 11") == ""
    # the year of the incident itself names no other one
    same = analyse_article("The 2025 floods have killed 40 people so far.", "", PUBLISHED)
    assert same.at(30, 44).key == ""


def _incident(body: str, text: str, published: date = PUBLISHED) -> str:
    start = body.index(text)
    return analyse_article(body, "", published).at(start, start + len(text)).key


def test_a_count_since_shortly_before_the_incident_is_the_incidents_own() -> None:
    body = (
        "Floods swept the Orvel valley on Tuesday, officials said.\n"
        "The relief agency said 14 people had died since Sunday.\n"
        "The agency said 300 people had died in floods since 2019.\n"
    )
    assert _incident(body, "14 people had died") == ""
    assert _incident(body, "300 people had died") != ""  # a wider scope of its own


def test_an_unrelated_raid_is_another_incident() -> None:
    body = (
        "Gunmen stormed a depot near Tarsk on Tuesday, killing six guards.\n"
        "On Wednesday two guards died at a bridge, in what police called an unrelated raid.\n"
    )
    assert _incident(body, "killing six guards") == ""
    assert _incident(body, "two guards died") != ""


def test_a_place_after_an_adjective_is_still_a_place() -> None:
    body = (
        "Cholera has killed 20 people in Varro since August, the ministry said.\n"
        "Clinics are full. Wards are short of saline. Doctors asked for help.\n"
        "Five patients had died at the crowded Lumo Hills clinic, nurses reported.\n"
    )
    assert _incident(body, "Five patients had died").startswith("p:")
