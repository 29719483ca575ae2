"""Fact keys: which claims are compared with which."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from api.claims.models import Claim
from api.discrepancies.incidents import Incident
from api.discrepancies.refresh import Parties, fact_key_of, measure_family
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
