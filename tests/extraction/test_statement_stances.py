"""Statements without a figure: dismissals deny, and a quotation after 'said:' is said."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.statements import stance_of
from api.extraction.types import ArticleInput, Stance


def _statements(body: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.stance.value, c.claimant.name if c.claimant else None, c.statement)
        for c in extract(ArticleInput(body=body)).claims
        if c.quantity is None
    ]


@pytest.mark.parametrize(
    "said",
    [
        "the report was false",
        "the accusations were completely untrue",
        "This is pure fabrication",
        "the figures do not correspond to reality",
        "the story was baseless propaganda",
        "there is no evidence of any tampering",
        "nothing of the sort happened",
    ],
)
def test_a_statement_that_dismisses_a_claim_denies_it(said: str) -> None:
    assert stance_of(Stance.assertion, said) == Stance.denial


@pytest.mark.parametrize(
    "said",
    [
        "the village lies on the river",
        "the false ceiling of the hall collapsed",
        "the ministry sent evidence to the court",
        "the army accused the rebels of fabricating ballots",
    ],
)
def test_other_statements_keep_their_stance(said: str) -> None:
    assert stance_of(Stance.assertion, said) in (Stance.assertion,)
    assert stance_of(Stance.accusation, "fabricated figures") == Stance.accusation


def test_a_dismissal_is_a_denial_of_the_other_party() -> None:
    body = (
        "The Liberation Front said it had burned three army trucks near Tamsa. "
        '"This is pure fabrication," the Chadian defence ministry said.'
    )
    stances = _statements(body)
    assert ("denial", "Chad Ministry of Defense") in {(s, c) for s, c, _ in stances}


def test_a_quotation_after_said_and_a_colon_is_the_statement() -> None:
    body = (
        "The Kenyan opposition accused the commission of rigging the count. "
        'The commission chair, John Kamau, said: "There is no evidence of any rigging."'
    )
    (denial,) = [s for s in _statements(body) if s[0] == "denial"]
    assert "no evidence of any rigging" in denial[2]
