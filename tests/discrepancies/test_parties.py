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


def test_an_unattached_state_body_named_by_common_nouns_speaks_for_the_facts_country() -> None:
    from typing import Any, cast

    from api.discrepancies.parties import Parties, fold_state_bodies

    class Named(Parties):
        def __init__(self) -> None:
            super().__init__(cast(Any, None))
            self.rows = {
                1: ("country", "Narvia"),
                2: ("military", "military"),
                3: (
                    "government",
                    "ministry source quoted by Orvel Radio",
                ),
            }

        def kind(self, actor_id: int) -> str | None:
            return self.rows[actor_id][0]

        def name(self, actor_id: int) -> str | None:
            return self.rows[actor_id][1]

    folded = fold_state_bodies([1, 2, 3, "outlet:publisher:x"], Named())
    assert folded[2] == 1  # "the military" is the one country's
    assert folded[3] == 3  # a named source may be the other side's
    assert folded["outlet:publisher:x"] == "outlet:publisher:x"
    # with no country, or two, nothing is folded
    assert fold_state_bodies([2], Named())[2] == 2
