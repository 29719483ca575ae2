"""Which assertion a denial answers, and subgroup figures kept off a whole toll."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from api.claims.models import Claim
from api.discrepancies.detection import (
    Statement,
    clause_of,
    content_words,
    match_denials,
    series_of,
)
from api.discrepancies.families import measure_class, measures_named
from api.discrepancies.incidents import analyse_article
from api.discrepancies.keys import fact_key_of, is_subgroup
from api.discrepancies.refresh import Parties
from api.events.models import Event

EVENT = Event(id=7, title="Ferry sinking", start_date=date(2026, 3, 2), end_date=date(2026, 3, 3))
PARTIES = Parties(cast(Any, None))


def said(claim_id: int, sentence: int, start: int, party: int, text: str, **more: Any) -> Statement:
    fields: dict[str, Any] = {"stance": "assertion", "concerns": frozenset()}
    quote = more.pop("quote", None)
    fields |= more
    words = content_words(text)
    clause = content_words(clause_of(text, quote)) if quote else words
    return Statement(claim_id, sentence, start, party=party, words=words, clause=clause, **fields)


def test_a_denial_reaches_past_the_window_for_the_assertion_it_names() -> None:
    statements = [
        said(1, 0, 0, 1, "The navy said its gunboats had sunk a smuggling barge at the pier."),
        said(2, 2, 120, 1, "It said the crew of three had been detained.", concerns=frozenset({2})),
        said(3, 3, 200, 1, "Patrols were stepped up along the coast."),
        said(
            4, 3, 260, 2, "The traders denied that any barge was sunk at the pier.", stance="denial"
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (4,))


def test_a_denial_out_of_reach_of_what_it_names_takes_the_party_it_answers() -> None:
    statements = [
        said(1, 0, 0, 1, "The navy said its gunboats had sunk a smuggling barge at the pier."),
        said(2, 4, 120, 1, "It said the crew of three had been detained.", concerns=frozenset({2})),
        said(
            3, 5, 260, 2, "The traders denied that any barge was sunk at the pier.", stance="denial"
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((2,), (3,))


def test_in_one_sentence_a_denial_answers_the_clause_it_names() -> None:
    text = "The police said officers had seized 40 rifles and that a raid had flattened two kiosks."
    statements = [
        said(1, 0, 0, 1, text, quote="seized 40 rifles"),
        said(2, 0, 40, 1, text, quote="flattened two kiosks"),
        said(
            3,
            1,
            100,
            2,
            "The vendors' union denied that a raid flattened the kiosks.",
            stance="denial",
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((2,), (3,))


def test_a_flat_none_answers_the_figure_of_the_same_thing_before_it() -> None:
    counts = ("destroyed", "aircraft")
    statements = [
        said(
            1,
            0,
            0,
            1,
            "The air force says it shot down nine gliders, up from the six it gave.",
            counts=counts,
            noun="gliders",
            figure=9.0,
        ),
        said(
            2,
            0,
            50,
            1,
            "The air force says it shot down nine gliders, up from the six it gave.",
            counts=counts,
            noun="gliders",
            figure=6.0,
        ),
        said(
            3,
            1,
            100,
            2,
            "The rebels say not one of their gliders was lost.",
            counts=counts,
            noun="gliders",
            zero=True,
        ),
        said(
            4,
            2,
            160,
            1,
            "It also says it wrecked three cargo planes on an airstrip.",
            counts=counts,
            noun="planes",
            figure=3.0,
        ),
    ]
    (finding,) = match_denials(statements, fact_key="a1")
    assert finding.sides == ((1,), (3,))


def test_a_clause_is_cut_at_its_breaks() -> None:
    text = "Crews cleared 12 roads, reopened a bridge and that 30 homes were lost."
    assert clause_of(text, "30 homes") == " 30 homes were lost."
    assert clause_of(text, "12 roads") == "Crews cleared 12 roads"
    assert clause_of(text, "missing") == text


def make(**fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": 1,
        "article_id": 3,
        "start_offset": 0,
        "end_offset": 1,
        "sentence_index": 0,
        "measure": "killed",
        "subject": "people",
        "qualifier": "exact",
        "extractor_version": "test",
    }
    return Claim(**(base | fields))


def test_a_figure_one_team_or_one_place_counted_is_a_subgroup() -> None:
    text = "Police divers brought up nine bodies from the sunken cabin on Tuesday, the port said."
    assert is_subgroup(make(statement=text, quote="nine bodies", lower=9.0, upper=9.0))
    village = "Eleven of the dead were found in a single hamlet near the ford."
    assert is_subgroup(make(statement=village, quote="Eleven of the dead", lower=11, upper=11))
    boat = "Some 35 survivors were picked up by one lifeboat, the coastguard said."
    assert is_subgroup(make(statement=boat, quote="Some 35 survivors", lower=35, upper=35))
    whole = "Rescuers have recovered 19 bodies so far, the governor said."
    assert not is_subgroup(make(statement=whole, quote="19 bodies", lower=19, upper=19))
    attack = "Gunmen killed 14 people in one night of raids, officials said."
    assert not is_subgroup(make(statement=attack, quote="14 people", lower=14, upper=14))


def test_a_subgroup_figure_is_not_set_against_the_toll() -> None:
    text = "Police divers brought up nine bodies from the sunken cabin, the port said."
    part = make(statement=text, quote="nine bodies", lower=9.0, upper=9.0)
    toll = make(
        id=2,
        statement="The toll rose to 26, officials said.",
        quote="26",
        lower=26.0,
        upper=26.0,
        start_offset=200,
        end_offset=202,
        sentence_index=4,
    )
    assert fact_key_of(part, EVENT, PARTIES) != fact_key_of(toll, EVENT, PARTIES)


def test_a_denial_naming_what_it_denies_answers_no_figure_of_another_measure() -> None:
    denial = said(
        3,
        2,
        200,
        2,
        "The ministry denied that any protester had been detained.",
        stance="denial",
        concerns=frozenset({1}),
        named=measures_named("denied that any protester had been detained"),
    )
    toll = said(1, 0, 0, 1, "The union said nine marchers died.", measure=measure_class("killed"))
    held = said(2, 1, 90, 1, "It said police held 30 marchers.", measure=measure_class("arrested"))
    assert denial.named == {"arrested"}
    (finding,) = match_denials([toll, held, denial], fact_key="a1")
    assert finding.sides == ((2,), (3,))
    assert match_denials([toll, denial], fact_key="a1") == []
    # a bare count says nothing of what happened: still answered
    bare = said(1, 0, 0, 1, "The union named 30 marchers.", measure=measure_class("count"))
    (finding,) = match_denials([bare, denial], fact_key="a1")
    assert finding.sides == ((1,), (3,))


def test_any_loss_is_named_as_one() -> None:
    assert measures_named("denied shelling the depot or killing anyone") == {"loss"}
    assert measure_class("destroyed") == "loss" and measure_class("count") is None


def test_a_count_of_cases_rises_like_a_toll() -> None:
    assert series_of("count", "case") == "rising"


def test_a_national_figure_is_not_the_incidents() -> None:
    body = (
        "Dockers stopped work at the port of Velmar on Monday, the union said.\n"
        "Some 4,000 dockers walked out in Velmar, the port authority said.\n"
        "Nationally, the ministry counted 52,000 strikers at 90 ports."
    )
    reading = analyse_article(body, "Port strike in Velmar", date(2026, 2, 3))
    assert reading.at(body.index("4,000"), body.index("4,000") + 5).main
    assert not reading.at(body.index("52,000"), body.index("52,000") + 6).main
