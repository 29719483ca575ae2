"""Claimants are linked to the party they speak for (their ``parent`` chain)."""

from __future__ import annotations

from api.extraction.actors.registry import ActorRegistry
from api.extraction.types import ActorKind, ExtractedClaim

from .conftest import run


def numeric(body: str) -> list[ExtractedClaim]:
    return [c for c in run(body).claims if c.quantity is not None]


def chain(claim: ExtractedClaim) -> list[tuple[str, ActorKind]]:
    return [(a.name, a.kind) for a in claim.claimant.chain()] if claim.claimant else []


def test_a_body_a_country_names_as_its_own_speaks_for_the_country() -> None:
    r = ActorRegistry()
    key = r.resolve("Moldova's Customs Service")
    assert isinstance(key, str)
    node = r.nodes[key]
    assert node.kind == ActorKind.government and r.root(key) == "moldova"
    # a body of its own kind stays apart from the state, under it
    aid = r.resolve("Moldova's Blind Persons Association")
    assert isinstance(aid, str) and r.nodes[aid].kind == ActorKind.organization


def test_a_body_named_with_glue_words_keeps_its_whole_name() -> None:
    r = ActorRegistry()
    key = r.resolve("Estonia's Board for Internal Security")
    assert isinstance(key, str)
    assert r.nodes[key].kind == ActorKind.government and r.root(key) == "estonia"
    # the body named again without its country is the same body
    assert r.resolve("the Board for Internal Security") == key


def test_demonym_bodies_and_sides_belong_to_their_country() -> None:
    r = ActorRegistry()
    for phrase in ("the Latvian side", "Latvian border troops", "the Latvian army"):
        key = r.resolve(phrase)
        assert isinstance(key, str) and r.root(key) == "latvia", phrase


def test_a_spokesman_of_the_service_named_before_speaks_for_it() -> None:
    (first, second) = numeric(
        "Moldova's Customs Service said nine smugglers were detained at the crossing. "
        "Major Ilie Ciobanu, the service's spokesman, said 40 crates were seized. "
        "Ciobanu said later that 52 crates had been seized."
    )[1:]
    for claim in (first, second):
        assert chain(claim)[0] == ("Ilie Ciobanu", ActorKind.person)
        assert chain(claim)[-1] == ("Moldova", ActorKind.country)


def test_a_spokesman_for_a_company_described_by_its_trade() -> None:
    claims = numeric(
        "A spokeswoman for quarry owner Granitex Holdings, Dana Voss, said 14 trucks "
        "were stranded. Voss said 3 drivers were hurt."
    )
    assert claims and all(
        [n for n, _ in chain(c)] == ["Dana Voss", "Granitex Holdings"] for c in claims
    )


def test_a_title_naming_the_body_before_the_name() -> None:
    claims = numeric(
        "The dockers' union said the stoppage would last a week. Union president Karl Weiss "
        "said 800 members had walked out."
    )
    assert [n for n, _ in chain(claims[0])][-1] == "dockers' union"


def test_who_speaks_for_the_group() -> None:
    claims = numeric(
        "The Northern Patriotic Front rejected the figures. Leo Marsh, who speaks for the "
        "group, said only three of its fighters had died."
    )
    assert [n for n, _ in chain(claims[0])] == ["Leo Marsh", "Northern Patriotic Front"]


def test_its_spokesman_belongs_to_the_organisation_speaking_before() -> None:
    claims = numeric(
        "The Highland Liberation Front tells a different story. Its spokesman, Rob Kerr, "
        "said 11 of its fighters had been killed."
    )
    assert [n for n, _ in chain(claims[0])] == ["Rob Kerr", "Highland Liberation Front"]


def test_definite_descriptions_point_back_to_the_body_named_before() -> None:
    r = ActorRegistry()
    committee = r.resolve("the State Committee for Emergency Relief")
    assert isinstance(committee, str)
    assert r.resolve("the committee") == committee
    centre = r.resolve("the press centre of the State Committee for Emergency Relief")
    assert isinstance(centre, str) and r.nodes[centre].parent == committee
    assert r.resolve("the press centre") == centre
    brigade = r.resolve("the 14th Mountain Brigade")
    assert isinstance(brigade, str) and r.resolve("the brigade") == brigade


def test_an_acronym_in_brackets_names_the_body_not_its_fighters() -> None:
    r = ActorRegistry()
    fighters = r.resolve("dozens of fighters of the Coastal Resistance Army (CRA)")
    army = r.resolve("the CRA")
    assert isinstance(fighters, str) and isinstance(army, str)
    assert r.nodes[army].name == "Coastal Resistance Army"
    assert r.root(fighters) == army


def test_a_party_that_killed_and_lost_counts_its_own_losses() -> None:
    (killed, lost) = numeric(
        "The Estonian army said its troops killed 12 fighters of the Baltic Wolves and "
        "lost two soldiers in the raid."
    )
    assert lost.subject_side is not None and lost.subject_side.name == "Estonia"
    assert killed.subject_side is None or killed.subject_side.name != "Estonia"


def test_a_body_of_a_country_named_after_it() -> None:
    r = ActorRegistry()
    for phrase, kind in (
        ("the Frontier Guard Service of Lithuania", ActorKind.government),
        ("the Coastal Defence Forces of the Republic of Lithuania", ActorKind.military),
    ):
        key = r.resolve(phrase)
        assert isinstance(key, str) and r.nodes[key].kind == kind, phrase
        assert r.root(key) == "lithuania"
    bank = r.resolve("the Savings Bank of Lithuania")
    assert isinstance(bank, str) and r.nodes[bank].kind == ActorKind.organization


def test_results_posted_by_an_office_are_the_office_s() -> None:
    r = ActorRegistry()
    key = r.resolve("provisional results posted by the county registrar's office")
    assert isinstance(key, str) and r.nodes[key].name == "county registrar's office"
