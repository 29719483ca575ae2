"""Whom a claimant speaks for: the root of its parent chain, within reason."""

from __future__ import annotations

from sqlmodel import Session

from api.actors.models import Actor
from api.discrepancies.refresh import Parties


def add(session: Session, name: str, kind: str, parent: Actor | None = None) -> Actor:
    actor = Actor(
        name=name,
        normalized_name=name.lower(),
        kind=kind,
        parent_id=parent.id if parent else None,
    )
    session.add(actor)
    session.flush()
    return actor


def test_a_states_bodies_speak_for_the_country_but_an_organisation_in_it_does_not(
    session: Session,
) -> None:
    country = add(session, "Sudan", "country")
    army = add(session, "Sudanese Armed Forces", "military", country)
    spokesman = add(session, "Army spokesman", "person", army)
    union = add(session, "Sudan Medics Union", "organization", country)
    medic = add(session, "Union doctor", "person", union)
    militia = add(session, "A militia", "armed_group", country)
    parties = Parties(session)
    assert parties.root(spokesman.id) == country.id
    assert parties.root(army.id) == country.id
    assert parties.root(medic.id) == union.id  # a person speaks for their organisation
    assert parties.root(union.id) == union.id
    assert parties.root(militia.id) == militia.id
