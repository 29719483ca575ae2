"""Measure and subject families, and flat nones answered as denials (own sentences)."""

from __future__ import annotations

from typing import Any

from api.claims.models import Claim
from api.discrepancies.detection import Statement, match_denials
from api.discrepancies.families import loss_family, measure_family, subject_family
from api.discrepancies.keys import counted_by, is_flat_none


def test_a_subject_taken_from_the_word_after_the_noun_is_the_nouns() -> None:
    # "Nineteen people remain unaccounted for", "31 people still trapped"
    assert subject_family("remain", "people remain") == "people"
    assert subject_family("still", "people still") == "people"
    assert subject_family("alive", "children alive") == "civilians"


def test_people_nouns_outside_the_lexicon_are_people() -> None:
    # "four brothers died in the collapse", "the 12 survivors"
    assert subject_family("brother", "brothers") == "people"
    assert subject_family("survivor", "survivors") == "people"


def test_a_container_counts_what_follows_of() -> None:
    # "put the number of cyclists at 3,000"
    assert subject_family("number", "the number of cyclists") == "cyclist"
    assert subject_family("total", "a total of 40 prisoners") == "prisoner"


def test_known_and_other_subjects_stay() -> None:
    assert subject_family("combatants", "Fighters of the Front") == "combatants"
    assert subject_family("tractor", "tractors") == "tractor"
    assert subject_family("launcher", "rocket launchers") == "launcher"
    assert subject_family(None, None) is None


def test_loss_measures_are_one_family_for_denials() -> None:
    things = [loss_family(m, "vehicles") for m in ("struck", "destroyed", "lost", "killed")]
    assert set(things) == {"loss"}
    assert loss_family("wounded", "people") == "wounded"
    # "three people were killed" is not answered by "not a single one was shot down"
    assert loss_family("lost", "combatants") == loss_family("killed", "combatants")
    assert loss_family("destroyed", "people") != loss_family("killed", "people")
    assert measure_family("lost", "aircraft") == "destroyed"


def _claim(quote: str, lower: float | None, **fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": 1,
        "article_id": 1,
        "statement": quote,
        "quote": quote,
        "start_offset": 0,
        "end_offset": len(quote),
        "sentence_index": 0,
        "lower": lower,
        "upper": lower,
        "qualifier": "exact",
        "measure": "lost",
        "subject": "aircraft",
        "subject_text": "helicopters",
        "extractor_version": "test",
        "fact_key": "e1|destroyed|aircraft|-|count",
    }
    return Claim(**(base | fields))


def test_a_zero_with_a_negation_is_a_flat_none() -> None:
    assert is_flat_none(_claim("not one of our helicopters was brought down", 0))
    assert is_flat_none(_claim("No deckhands were hurt", 0, measure="wounded"))
    assert not is_flat_none(_claim("two helicopters were brought down", 2))
    assert not is_flat_none(_claim("0.0 on the index", 0))


def test_a_flat_none_answers_the_other_partys_figure_of_the_same_thing() -> None:
    downed = _claim("shot down three of the enemy's helicopters", 3, measure="destroyed")
    none = _claim("not one of our helicopters was brought down", 0)
    statements = [
        Statement(
            1, 0, 0, party=1, stance="assertion", concerns=frozenset(), counts=counted_by(downed)
        ),
        Statement(
            2,
            1,
            60,
            party=2,
            stance="assertion",
            concerns=frozenset(),
            counts=counted_by(none),
            zero=True,
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (2,))


def test_a_flat_none_of_something_else_or_of_the_same_party_answers_nothing() -> None:
    tanks = _claim("destroyed five tanks", 5, measure="destroyed", subject="vehicles")
    none = _claim("not one of our helicopters was brought down", 0)
    other = [
        Statement(
            1, 0, 0, party=1, stance="assertion", concerns=frozenset(), counts=counted_by(tanks)
        ),
        Statement(
            2,
            1,
            60,
            party=2,
            stance="assertion",
            concerns=frozenset(),
            counts=counted_by(none),
            zero=True,
        ),
    ]
    assert match_denials(other, fact_key="a1") == []
    own = [
        Statement(
            1, 0, 0, party=2, stance="assertion", concerns=frozenset(), counts=("loss", "aircraft")
        ),
        Statement(
            2,
            1,
            60,
            party=2,
            stance="assertion",
            concerns=frozenset(),
            counts=("loss", "aircraft"),
            zero=True,
        ),
    ]
    assert match_denials(own, fact_key="a1") == []


def test_a_flat_none_of_another_incident_answers_nothing() -> None:
    # "31 were detained in the port city ... police said no one had been arrested"
    elsewhere = _claim(
        "31 people were detained",
        31,
        measure="arrested",
        subject="people",
        fact_key="e1|arrested|people|-|count|i:p:port city",
    )
    none = _claim("no one had been arrested", 0, measure="arrested", subject="people")
    assert counted_by(elsewhere) != counted_by(none)
    assert counted_by(_claim("no one", 0, fact_key=None)) is None


def test_a_denial_naming_a_figure_answers_the_assertion_of_that_figure() -> None:
    statements = [
        Statement(1, 0, 0, party=1, stance="assertion", concerns=frozenset(), figure=210),
        Statement(2, 1, 40, party=3, stance="assertion", concerns=frozenset({2}), figure=75),
        Statement(3, 2, 90, party=2, stance="denial", concerns=frozenset(), figure=210),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (3,))


def test_a_flat_none_answers_a_figure_given_after_it() -> None:
    # "None of our boats was sunk, the navy said. ... The rebels said they sank two boats."
    statements = [
        Statement(
            1,
            0,
            0,
            party=2,
            stance="assertion",
            concerns=frozenset(),
            counts=("loss", "boat|"),
            zero=True,
        ),
        Statement(
            2, 2, 80, party=1, stance="assertion", concerns=frozenset(), counts=("loss", "boat|")
        ),
        Statement(
            3, 6, 300, party=3, stance="assertion", concerns=frozenset(), counts=("loss", "boat|")
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((2,), (1,))


def test_a_denial_answers_the_party_it_is_about() -> None:
    # "The Front said it had downed a helicopter. The army rejected these claims."
    statements = [
        Statement(1, 0, 0, party=4, stance="assertion", concerns=frozenset()),
        Statement(2, 1, 50, party=5, stance="denial", concerns=frozenset({4})),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (2,))


def test_what_is_denied_outranks_whom_it_answers() -> None:
    # "Rebels shelled the bus depot, the mayor said. The army said five rebels died.
    # The rebels denied shelling the depot."
    words = frozenset({"shell", "depot"})
    statements = [
        Statement(1, 0, 0, party=4, stance="assertion", concerns=frozenset(), words=words),
        Statement(2, 1, 40, party=6, stance="assertion", concerns=frozenset()),
        Statement(3, 2, 90, party=5, stance="denial", concerns=frozenset({6}), words=words),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (3,))


def test_outlets_figures_are_compared_only_when_the_fact_says_what_they_count() -> None:
    from api.discrepancies.keys import outlets_comparable

    assert outlets_comparable("e1|killed|people|-|count")
    assert outlets_comparable("e1|percent|turnout|-|%")
    assert not outlets_comparable("e1|percent|-|-|%")  # "54.3%" of what, unsaid
    assert not outlets_comparable("e1|percent|sheet|-|%")
    assert not outlets_comparable("e1|count|people|-|count")


def _part(statement: str, quote: str, subject_text: str) -> bool:
    from api.discrepancies.keys import is_part

    return is_part(_claim(quote, 1, statement=statement, subject_text=subject_text))


def test_a_later_item_of_an_including_list_and_a_predicate_are_parts() -> None:
    assert _part(
        "Nine people died, including three guards and four inmates, officials said.",
        "four inmates",
        "inmates",
    )
    assert _part("Of the 30 injured, 12 were firefighters, the chief said.", "12", "firefighters")
    assert not _part("Officials said 12 were firefighters' deaths", "12", "deaths")
    assert not _part(
        "The blast killed 12 firefighters on Monday.", "12 firefighters", "firefighters"
    )
    assert not _part(
        "The storm killed 30 people, including a child, and wounded 12 others.",
        "12 others",
        "others",
    )


def test_a_later_item_of_what_a_total_included_is_a_part() -> None:
    assert _part(
        "The shells included 20 rounds fired from howitzers near the river and six mortar"
        " bombs, the spokesman said.",
        "six mortar bombs",
        "mortar bombs",
    )


def test_what_a_thing_could_hold_is_no_count_of_the_incident() -> None:
    from api.discrepancies.keys import is_capacity

    said = "The harbour master said the launch was licensed to carry 60 passengers."
    assert is_capacity(_claim("60 passengers", 60, statement=said))
    said = "The harbour master said the launch carried 60 passengers."
    assert not is_capacity(_claim("60 passengers", 60, statement=said))


def test_a_bare_count_of_people_rises_like_a_toll() -> None:
    from api.discrepancies.detection import series_of

    # "58 people had received care" on Tuesday, "64 people" on Wednesday
    assert series_of("count", "people") == "rising"
    assert series_of("count", "aircraft") == "fixed"
    assert series_of("killed") == "rising"


def test_a_bare_count_takes_the_measure_of_the_word_that_governs_it() -> None:
    from api.discrepancies.families import governed_measure

    # the verb before the figure, a noun it is the object of, the verb of its clause after
    sentence = "The police said they had managed to neutralise 14 raiders near the dam."
    assert governed_measure(sentence, "14 raiders") == "killed"
    sentence = "Volunteers said the corpses of nine climbers were carried down."
    assert governed_measure(sentence, "nine climbers") == "killed"
    sentence = "It claimed the interception of 30 rockets over the coast."
    assert governed_measure(sentence, "30 rockets") == "destroyed"
    sentence = "Officials said 16 herders from the valley had been kidnapped overnight."
    assert governed_measure(sentence, "16 herders") == "abducted"
    # no measure word governs a plain count, and a clause boundary stops the search
    sentence = "There were 300 guests in the hall, and two were hurt."
    assert governed_measure(sentence, "300 guests") is None


def test_fighters_and_members_of_forces_are_combatants() -> None:
    # "nine raiders were captured", "no member of the border police units died"
    assert subject_family("raider", "raiders") == "combatants"
    assert subject_family("member", "member of the armed forces") == "combatants"
    assert subject_family("inmate", "inmates") == "people"


def test_a_crowd_noun_makes_a_bare_count_a_crowds_size() -> None:
    from api.discrepancies.families import effective_measure

    counted = _claim(
        "the number of demonstrators at 6,000",
        6000.0,
        measure="count",
        subject_text="the number of demonstrators",
    )
    assert effective_measure(counted) == "attended"
    # survivors are not: "nine survivors are in hospital" counts no one rescued
    survivors = _claim("nine survivors", 9.0, measure="count", subject_text="survivors")
    assert effective_measure(survivors) == "count"


def test_people_who_lost_their_lives_were_killed() -> None:
    # "no member of the crew lost his life"
    assert measure_family("lost", "people") == "killed"
    assert measure_family("lost", "aircraft") == "destroyed"


def test_the_workers_an_incident_befell_are_its_people_but_civilians_stay_civilians() -> None:
    # "eight dockers ... killing 12 workers" beside "the toll rose to 14"
    assert subject_family("civilians", "workers") == "people"
    assert subject_family("civilians", "passengers and crew") == "people"
    assert subject_family("civilians", "civilians") == "civilians"
    assert subject_family("civilians", "children") == "civilians"
