"""Fact keys: which claims are compared with which."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from api.claims.models import Claim
from api.discrepancies.families import measure_family, subject_family
from api.discrepancies.incidents import Incident
from api.discrepancies.keys import (
    ArticleSides,
    antecedent_of,
    claimants_comparable,
    counted_side,
    fact_key_of,
    is_part,
    is_partial_scope,
)
from api.discrepancies.refresh import Parties
from api.events.models import Event

EVENT = Event(id=4, title="Drone strikes", start_date=date(2025, 10, 3), end_date=date(2025, 10, 4))


def make(**fields: Any) -> Claim:
    base: dict[str, Any] = {
        "id": 1,
        "article_id": 9,
        "statement": "s",
        "quote": "q",
        "start_offset": 0,
        "end_offset": 1,
        "sentence_index": 0,
        "measure": "destroyed",
        "subject": "aircraft",
        "qualifier": "exact",
        "lower": 6.0,
        "upper": 6.0,
        "extractor_version": "test",
    }
    return Claim(**(base | fields))


PARTIES = Parties(cast(Any, None))


def test_a_denial_with_a_figure_is_compared_as_a_figure() -> None:
    asserted = make()
    denied = make(id=2, stance="denial", measure="killed", lower=0.0, upper=0.0)
    assert fact_key_of(denied, EVENT, PARTIES) == fact_key_of(asserted, EVENT, PARTIES)
    assert fact_key_of(make(id=3, stance="denial", lower=None, upper=None), EVENT, PARTIES) is None


def test_things_lost_and_things_destroyed_are_one_measure() -> None:
    assert measure_family("killed", "aircraft") == "destroyed"
    assert measure_family("killed", "combatants") == "killed"
    assert measure_family("killed", "sergeant") == "killed"


def test_another_incident_makes_another_fact() -> None:
    main = fact_key_of(make(), EVENT, PARTIES)
    other = fact_key_of(make(), EVENT, PARTIES, Incident(key="p:atbara", place="atbara"))
    cue = fact_key_of(make(), EVENT, PARTIES, Incident(key="x:4", cue="in a separate"))
    assert len({main, other, cue}) == 3
    assert cue is not None and "a9" in cue  # a cue alone never meets another article's


def test_a_figure_of_its_own_losses_counts_the_claimants_side() -> None:
    own = make(claimant_id=7, subject="combatants", measure="killed", quote="lost 5 of our men")
    grouped = make(
        claimant_id=7,
        subject="combatants",
        measure="killed",
        quote="9 of the group's fighters died",
    )
    enemy = make(
        claimant_id=7, subject="combatants", measure="killed", quote="killed 40 of its rivals"
    )
    assert counted_side(own) == 7
    assert counted_side(grouped) == 7
    assert counted_side(enemy) is None  # "its" without a loss: whose is not said
    assert counted_side(make(claimant_id=7, subject_side_id=3, quote="our")) == 3
    people = make(claimant_id=7, subject="people", measure="killed", quote="our village lost 4")
    assert counted_side(people) is None  # people counted without a side have none


def test_airborne_vehicles_are_aircraft_and_bodies_are_the_dead() -> None:
    assert subject_family("vehicles", "unmanned aerial vehicles") == "aircraft"
    assert subject_family("vehicles", "armoured vehicles") == "vehicles"
    assert measure_family("count", "combatants", "the bodies of 23 guerrillas") == "killed"
    assert measure_family("count", "combatants", "23 guerrillas") == "count"
    uav = make(subject="vehicles", subject_text="Morvanian unmanned aerial vehicles")
    drones = make(subject="aircraft", subject_text="drones")
    assert fact_key_of(uav, EVENT, PARTIES) == fact_key_of(drones, EVENT, PARTIES)


def test_a_figure_without_a_subject_counts_what_the_figure_it_answers_counts() -> None:
    schools = make(
        id=1,
        measure="percent",
        subject="buildings",
        base_unit="%",
        sentence_index=3,
        start_offset=100,
    )
    answer = make(
        id=2, measure="percent", subject=None, base_unit="%", sentence_index=4, start_offset=200
    )
    far = make(
        id=3, measure="percent", subject=None, base_unit="%", sentence_index=9, start_offset=900
    )
    other = make(id=4, measure="killed", subject=None, sentence_index=4, start_offset=210)
    siblings = [schools, answer, far, other]
    assert antecedent_of(answer, siblings) is schools
    assert antecedent_of(far, siblings) is None  # too far back to be its answer
    assert antecedent_of(other, siblings) is None  # another measure
    assert fact_key_of(answer, EVENT, PARTIES, antecedent=schools) == fact_key_of(
        schools, EVENT, PARTIES
    )


def test_claimants_are_compared_without_a_side_only_when_nothing_counted_has_a_side() -> None:
    assert claimants_comparable("e1|attended|people|-|count")
    # The dead of a mine explosion, a flood: the officials' and the union's figures.
    assert claimants_comparable("e1|killed|people|-|count")
    assert claimants_comparable("e1|percent|turnout|-|%")
    # Whose soldiers, drones or votes is not said: the figures may count different sides.
    assert not claimants_comparable("e1|attended|combatants|-|count")
    assert not claimants_comparable("e1|destroyed|aircraft|-|count")
    assert not claimants_comparable("e1|percent|vote|-|%")
    # "9,200 people" and "16 people" do not say what happened to them.
    assert not claimants_comparable("e1|count|people|-|count")
    assert not claimants_comparable("e1|count|combatants|3|count")
    # Percentages of loosely named wholes ("62% of tally sheets", "85% of the city").
    assert not claimants_comparable("e1|percent|city|-|%")
    assert claimants_comparable("e1|killed|combatants|3|count")


def test_a_subgroup_of_a_reported_figure_is_no_account_of_the_whole() -> None:
    text = "At least 14 people died, including three firefighters, the mayor said."
    whole = make(statement=text, quote="At least 14 people died", measure="killed")
    part = make(id=2, statement=text, quote="three firefighters", measure="killed")
    assert not is_part(whole) and is_part(part)
    assert fact_key_of(part, EVENT, PARTIES) != fact_key_of(whole, EVENT, PARTIES)
    lead = "Forty were wounded and six of them later died in hospital."
    assert is_part(make(statement=lead, quote="six of them later died"))
    assert not is_part(make(statement="Six soldiers died in hospital.", quote="Six soldiers"))


class FixedParties(Parties):
    """Parties of a made-up article: actor id -> (root, kind)."""

    def __init__(
        self, table: dict[int, tuple[int, str]], names: dict[int, str] | None = None
    ) -> None:
        super().__init__(cast(Any, None))
        self.table = table
        self.names = names or {}

    def name(self, actor_id: int) -> str | None:
        return self.names.get(actor_id)

    def root(self, actor_id: int | None) -> int | None:
        return None if actor_id is None else self.table.get(actor_id, (actor_id, ""))[0]

    def kind(self, actor_id: int) -> str | None:
        return next((k for r, k in self.table.values() if r == actor_id), None)


def test_the_enemy_is_the_claimants_one_opponent_in_its_article() -> None:
    # 1: a state, 2: its defence ministry, 3: the other state, 4: a relief group.
    parties = FixedParties({1: (1, "country"), 2: (1, "country"), 3: (3, "country")})
    parties.table[4] = (4, "organization")
    claims = [make(claimant_id=2), make(id=2, claimant_id=3), make(id=3, claimant_id=4)]
    sides = ArticleSides.of(claims, parties)
    enemy = make(
        id=4,
        claimant_id=2,
        measure="killed",
        subject="people",
        subject_text="enemy men",
        quote="the enemy lost at least 30 men",
    )
    key = fact_key_of(enemy, EVENT, parties, sides=sides)
    assert key == "e4|killed|combatants|3|count"
    # With a third fighting party the enemy is not known: no side is guessed.
    parties.table[5] = (5, "armed_group")
    crowded = ArticleSides.of([*claims, make(id=5, claimant_id=5)], parties)
    assert fact_key_of(enemy, EVENT, parties, sides=crowded) == "e4|killed|people|-|count"


def test_soldiers_are_the_one_states_and_militants_the_one_armed_groups() -> None:
    parties = FixedParties({1: (1, "country"), 7: (7, "armed_group")})
    sides = ArticleSides.of([make(claimant_id=1), make(id=2, claimant_id=7)], parties)
    soldiers = make(measure="killed", subject="combatants", subject_text="soldiers")
    militants = make(id=2, measure="killed", subject="combatants", subject_text="militants")
    assert fact_key_of(soldiers, EVENT, parties, sides=sides) == "e4|killed|combatants|1|count"
    assert fact_key_of(militants, EVENT, parties, sides=sides) == "e4|killed|combatants|7|count"
    two_states = ArticleSides.of(
        [make(claimant_id=1), make(id=2, claimant_id=8)],
        FixedParties({1: (1, "country"), 8: (8, "country")}),
    )
    assert fact_key_of(soldiers, EVENT, parties, sides=two_states) == "e4|killed|combatants|-|count"


def test_things_downed_are_the_opponents_and_things_lost_the_claimants_own() -> None:
    parties = FixedParties({1: (1, "country"), 7: (7, "armed_group")})
    sides = ArticleSides.of([make(claimant_id=1), make(id=2, claimant_id=7)], parties)
    downed = make(claimant_id=1, quote="air defences intercepted 22 drones")
    lost = make(id=2, claimant_id=7, quote="none of its drones was shot down", lower=0.0)
    hit = make(id=3, claimant_id=1, measure="struck", quote="no aircraft was hit", lower=0.0)
    assert fact_key_of(downed, EVENT, parties, sides=sides) == "e4|destroyed|aircraft|7|count"
    assert fact_key_of(lost, EVENT, parties, sides=sides) == "e4|destroyed|aircraft|7|count"
    assert fact_key_of(hit, EVENT, parties, sides=sides) == "e4|struck|aircraft|1|count"


def test_a_toll_of_a_part_of_the_area_is_no_account_of_the_whole() -> None:
    text = "The ministry said 812 people died in government-held areas, while rescuers said 1,020."
    part = make(statement=text, quote="812 people died", measure="killed", subject="people")
    other = make(id=2, statement=text, quote="1,020", measure="killed", subject="people")
    assert is_partial_scope(part, countries=1) and not is_partial_scope(other, countries=1)
    quake = "AFAD said 3,549 people had been killed in Turkey and 22,168 injured."
    in_turkey = make(statement=quake, quote="3,549 people had been killed", measure="killed")
    # One country's toll is a part only where the incident spans several.
    assert is_partial_scope(in_turkey, countries=2)
    assert not is_partial_scope(in_turkey, countries=1)
    assert fact_key_of(part, EVENT, PARTIES) != fact_key_of(other, EVENT, PARTIES)


def test_a_side_read_against_the_counted_noun_is_set_aside() -> None:
    # "The ministry says 40 insurgents were killed": insurgents are not the state's own.
    parties = FixedParties({1: (1, "country"), 7: (7, "armed_group")})
    sides = ArticleSides.of([make(claimant_id=1), make(id=2, claimant_id=7)], parties)
    misread = make(
        measure="killed", subject="combatants", subject_text="insurgents", subject_side_id=1
    )
    assert fact_key_of(misread, EVENT, parties, sides=sides) == "e4|killed|combatants|7|count"
    troops = make(measure="killed", subject="combatants", subject_text="troops", subject_side_id=7)
    assert fact_key_of(troops, EVENT, parties, sides=sides) == "e4|killed|combatants|1|count"
    # A noun of no kind ("fighters") keeps the side read.
    fighters = make(
        measure="killed", subject="combatants", subject_text="fighters", subject_side_id=1
    )
    assert fact_key_of(fighters, EVENT, parties, sides=sides) == "e4|killed|combatants|1|count"
    named = make(
        measure="killed",
        subject="combatants",
        subject_text="Front troops and allied militants",
        subject_side_id=7,
    )
    assert fact_key_of(named, EVENT, parties, sides=sides) == "e4|killed|combatants|7|count"


def test_with_no_state_among_its_speakers_the_one_country_of_the_opening_fights() -> None:
    # A broadcaster's "11 fallen heroes" of an attack on a base near Gao, Mali.
    parties = FixedParties({1: (1, "country"), 7: (7, "armed_group"), 9: (9, "organization")})
    claims = [make(claimant_id=9)]
    heroes = make(measure="killed", subject="combatants", subject_text="fallen heroes")
    sides = ArticleSides.of(claims, parties, lede_states=frozenset({1}))
    assert fact_key_of(heroes, EVENT, parties, sides=sides) == "e4|killed|combatants|1|count"
    # Two countries in the opening, or a state among the speakers, decide nothing more.
    two = ArticleSides.of(claims, parties, lede_states=frozenset({1, 8}))
    assert fact_key_of(heroes, EVENT, parties, sides=two) == "e4|killed|combatants|-|count"
    spoken = ArticleSides.of(
        [make(claimant_id=3)], FixedParties({3: (3, "country")}), 0, frozenset({1})
    )
    assert spoken.states == frozenset({3})


def test_a_datelines_capital_names_the_country() -> None:
    from api.articles.models import Article
    from api.discrepancies.sides import lede_country_names

    article = Article(title="Base attacked", body="NIAMEY (Wire) - Gunmen attacked a base.")
    assert "Niger" in lede_country_names(article, demonyms=True)
    assert lede_country_names(article) == set()


def test_an_unattributed_figure_introduced_as_a_claim_is_no_outlets_own() -> None:
    said = "The so-called toll of 300 villagers killed is a lie, the broadcaster said."
    hearsay = make(
        measure="killed",
        subject="civilians",
        statement=said,
        quote="300 villagers killed",
        lower=300.0,
        upper=300.0,
    )
    plain = make(
        measure="killed",
        subject="civilians",
        statement="Officials said 300 villagers were killed.",
        quote="300 villagers",
        lower=300.0,
        upper=300.0,
    )
    assert fact_key_of(hearsay, EVENT, PARTIES) != fact_key_of(plain, EVENT, PARTIES)
    assert "hearsay" in (fact_key_of(hearsay, EVENT, PARTIES) or "")
    # attributed to its claimant, the same words are that claimant's figure
    attributed = make(
        measure="killed",
        subject="civilians",
        statement=said,
        quote="300 villagers killed",
        claimant_id=5,
    )
    assert "hearsay" not in (fact_key_of(attributed, EVENT, PARTIES) or "")


def test_a_bare_count_governed_by_a_measure_word_meets_the_measures_figures() -> None:
    # "said 35 gunmen had been killed" and "killed 35 gunmen" are one fact
    text = "The governor said 35 gunmen had been killed near the pass."
    counted = make(statement=text, quote="35 gunmen", measure="count", subject="combatants")
    killed = make(id=2, quote="killed 35 gunmen", measure="killed", subject="combatants")
    assert fact_key_of(counted, EVENT, PARTIES) == fact_key_of(killed, EVENT, PARTIES)
    # a count nothing governs stays a count
    crowd = make(statement="Some 35 gunmen guard the pass.", quote="35 gunmen", measure="count")
    assert fact_key_of(crowd, EVENT, PARTIES) != fact_key_of(killed, EVENT, PARTIES)


def test_a_name_cut_short_and_an_unattached_military_are_the_parties_they_stand_for() -> None:
    # 1: a country; 2: "the military", placed in no country; 3: "Front" (a side read from
    # "fighters of the Front for Unity"); 4: the Front for Unity, taken for an organisation.
    parties = FixedParties(
        {1: (1, "country"), 2: (2, "military"), 3: (3, "armed_group"), 4: (4, "organization")},
        names={1: "Narvia", 2: "military", 3: "Front", 4: "Front for Unity"},
    )
    claims = [
        make(claimant_id=2, subject="combatants", subject_side_id=3, subject_text="fighters"),
        make(id=2, claimant_id=4),
        make(id=3, claimant_id=1),
    ]
    sides = ArticleSides.of(claims, parties)
    assert sides.states == {1} and sides.groups == {4}
    front = make(measure="killed", subject="combatants", subject_text="fighters", subject_side_id=3)
    assert fact_key_of(front, EVENT, parties, sides=sides) == "e4|killed|combatants|4|count"
    soldiers = make(measure="killed", subject="combatants", subject_text="soldiers")
    assert fact_key_of(soldiers, EVENT, parties, sides=sides) == "e4|killed|combatants|1|count"


def test_a_body_that_counts_its_own_fighters_or_its_enemys_fights() -> None:
    parties = FixedParties({1: (1, "country"), 5: (5, "organization")})
    own = make(claimant_id=5, subject="people", subject_text="men", subject_side_id=5)
    sides = ArticleSides.of([make(id=2, claimant_id=1), own], parties)
    assert sides.groups == {5}
    enemy = make(id=3, claimant_id=5, subject="combatants", subject_text="enemy soldiers")
    assert ArticleSides.of([make(id=2, claimant_id=1), enemy], parties).groups == {5}
