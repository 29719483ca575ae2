from __future__ import annotations

from datetime import date

import pytest

from api.extraction import extractor_version
from api.extraction.types import ExtractedClaim, Qualifier, Stance

from .conftest import run


def numeric(body: str, **kw: object) -> list[ExtractedClaim]:
    return [c for c in run(body, **kw).claims if c.quantity is not None]


def names(claim: ExtractedClaim) -> list[str]:
    return [a.name for a in claim.claimant.chain()] if claim.claimant else []


def test_version_and_evidence_invariant() -> None:
    body = "The army said that 12 soldiers were killed. Police said 4 people were wounded."
    res = run(body)
    assert res.version == extractor_version()
    for c in res.claims:
        assert body[c.evidence.start : c.evidence.end] == c.evidence.quote


def test_attribution_first_passive() -> None:
    (c,) = numeric("The Pakistan military said that 23 of its soldiers were killed in the clashes.")
    assert c.claimant is not None and c.claimant.name == "Pakistan military"
    assert (c.measure, c.subject, c.subject_text) == ("killed", "combatants", "soldiers")
    assert c.subject_side is not None and c.subject_side.name == "Pakistan"
    assert c.evidence.quote == "23 of its soldiers were killed"


def test_attribution_last() -> None:
    (c,) = numeric("Nine civilians were wounded in the blast, police officials said on Monday.")
    assert c.measure == "wounded" and c.subject == "civilians"
    assert c.claimant is not None and c.claimant.name == "police officials"


def test_according_to_and_units() -> None:
    (c,) = numeric("The border runs for 2,600 km, according to Reuters.")
    assert c.claimant is not None and c.claimant.name == "Reuters"
    assert c.quantity is not None and c.quantity.unit == "km" and c.quantity.base_lower == 2_600_000
    assert c.measure == "length" and c.subject == "border"


def test_attributive_measurement_is_background() -> None:
    (c,) = numeric("Officials said Pakistan had closed the 2,600-kilometer (1,600-mile) border.")
    assert c.claimant is None
    assert c.evidence.quote == "2,600-kilometer (1,600-mile) border"


def test_two_speakers_one_sentence() -> None:
    body = (
        "Pakistan said it had killed more than 200 Afghan Taliban and allied fighters, while "
        "Afghanistan said that it had killed 58 Pakistani soldiers."
    )
    a, b = numeric(body)
    assert a.claimant.name == "Pakistan" and b.claimant.name == "Afghanistan"  # type: ignore[union-attr]
    assert a.quantity.qualifier == Qualifier.more_than  # type: ignore[union-attr]
    assert a.subject_side.name == "Afghanistan" and b.subject_side.name == "Pakistan"  # type: ignore[union-attr]


def test_nested_reporting_relay() -> None:
    body = (
        "NBC News reported Sunday that the Taliban government's chief spokesman, Zabihullah "
        "Mujahid, said Afghan forces have captured 25 Pakistani army posts, 58 soldiers have been "
        "killed, and 30 others wounded."
    )
    claims = numeric(body)
    assert [c.quantity.lower for c in claims] == [25, 58, 30]  # type: ignore[union-attr]
    assert [c.measure for c in claims] == ["captured", "killed", "wounded"]
    for c in claims:
        assert c.claimant is not None and c.claimant.name == "Zabihullah Mujahid"
        assert c.relayed_by is not None and c.relayed_by.name == "NBC News"
        assert c.subject_side is not None and c.subject_side.name == "Pakistan"
    assert claims[2].subject == "combatants"


def test_outlet_at_end_relays_inner_claimant() -> None:
    body = (
        "And the ISPR said that more than 200 terrorists have been neutralized, Islamabad Post "
        "reported on Sunday evening."
    )
    (c,) = numeric(body)
    assert c.claimant is not None and c.claimant.name == "ISPR"
    assert c.relayed_by is not None and c.relayed_by.name == "Islamabad Post"
    assert c.measure == "killed"


def test_outlet_alone_is_claimant() -> None:
    (c,) = numeric("At least 11 people were killed in the strike, the Islamabad Post reported.")
    assert c.claimant is not None and c.claimant.name == "Islamabad Post"
    assert c.relayed_by is None


def test_claimed_to_have_and_accusation() -> None:
    body = (
        "In a statement Sunday, Pakistan’s military claimed to have killed over 200 Taliban "
        "troops, while accusing Afghanistan of killing 23 of its own soldiers."
    )
    a, b = numeric(body)
    assert a.stance == Stance.assertion and b.stance == Stance.accusation
    assert b.target is not None and b.target.name == "Afghanistan"
    assert b.subject_side is not None and b.subject_side.name == "Pakistan"


def test_carry_over_with_connector() -> None:
    body = (
        "According to a statement by the Pakistani army, 21 posts were captured. Also, 23 "
        "Pakistani soldiers were killed and 20 were injured."
    )
    claims = numeric(body)
    assert [c.quantity.lower for c in claims] == [21, 23, 20]  # type: ignore[union-attr]
    assert all(c.claimant is not None and c.claimant.name == "Pakistan military" for c in claims)
    assert claims[2].measure == "wounded" and claims[2].subject == "combatants"


def test_no_carry_without_connector() -> None:
    body = "The army said 5 soldiers died. Heavy rain hit 30 villages."
    claims = numeric(body)
    assert claims[-1].claimant is None


def test_including_list() -> None:
    body = (
        "More than 500 people, including 311 troops and 73 policemen, have been killed in attacks "
        "between January and Sept. 15, a Pakistan military spokesman said Friday."
    )
    claims = numeric(body, published=date(2025, 10, 12))
    assert [c.quantity.lower for c in claims] == [500, 311, 73]  # type: ignore[union-attr]
    assert all(c.measure == "killed" for c in claims)
    assert [c.subject for c in claims] == ["people", "combatants", "police"]
    for c in claims:
        assert c.time is not None and c.time.kind == "period"
        assert c.time.start == date(2025, 1, 1) and c.time.end == date(2025, 9, 15)
    assert "Pakistan" in names(claims[0])


def test_event_time_vs_past_period() -> None:
    body = (
        "In December, the Afghan government accused Pakistan of killing 46 people. "
        "Afghan officials said 12 soldiers were killed overnight."
    )
    a, b = numeric(body, published=date(2025, 10, 12))
    assert a.time is not None and a.time.kind == "period" and a.time.start == date(2024, 12, 1)
    assert b.time is not None and b.time.kind == "relative" and b.time.end == date(2025, 10, 12)
    assert a.stance == Stance.accusation and a.target is not None and a.target.name == "Pakistan"


def test_denials_are_claims_with_targets() -> None:
    body = (
        "Islamabad says the group carries out deadly attacks inside Pakistan, but Kabul denies "
        "the charge, saying it does not allow its territory to be used against other countries."
    )
    claims = run(body).claims
    denial = [c for c in claims if c.stance == Stance.denial]
    assert len(denial) == 1
    assert denial[0].claimant is not None and denial[0].claimant.name == "Afghanistan"
    assert denial[0].target is not None and denial[0].target.name == "Pakistan"
    assert any(c.claimant and c.claimant.name == "Pakistan" for c in claims)


def test_dates_in_claim_sentences_are_not_quantities() -> None:
    body = "On Jan. 19, 2024, officials said 14 people were killed on 27 March 2025 in 2021."
    claims = numeric(body)
    assert [c.quantity.lower for c in claims] == [14]  # type: ignore[union-attr]


def test_light_and_definite_numbers_are_skipped() -> None:
    body = "The two countries said three things are clear. The two main crossings were closed."
    assert numeric(body) == []


@pytest.mark.parametrize(
    ("sentence", "measure", "qualifier", "value"),
    [
        ("Rescuers said at least 30 people were missing.", "missing", Qualifier.at_least, 30),
        (
            "Police arrested about 120 protesters, officials said.",
            "arrested",
            Qualifier.approximately,
            120,
        ),
        (
            "The UN said up to 1.5 million people were displaced.",
            "displaced",
            Qualifier.at_most,
            1_500_000,
        ),
        ("The death toll rose to 41, the ministry said.", "killed", Qualifier.exact, 41),
        ("Hundreds of homes were destroyed, residents said.", "destroyed", Qualifier.vague, 200),
    ],
)
def test_news_styles(sentence: str, measure: str, qualifier: Qualifier, value: float) -> None:
    claims = numeric(sentence)
    assert claims, sentence
    c = claims[0]
    assert c.measure == measure
    assert c.quantity is not None and c.quantity.qualifier == qualifier
    assert (c.quantity.lower if c.quantity.lower is not None else c.quantity.upper) == value


def test_actors_list_includes_parents() -> None:
    res = run("Pakistani military spokesman Lt. Gen. Ahmad Sharif Choudhary said 9 posts were hit.")
    assert {a.name for a in res.actors} >= {
        "Ahmad Sharif Choudhary",
        "Pakistan military",
        "Pakistan",
    }


def test_deterministic() -> None:
    body = "The Taliban said nine on its side were killed. Pakistan said 20 were wounded."
    assert run(body) == run(body)
