"""Attribution on the dependency parse (the parser backend), construction by construction.

The sentences are written for these tests. Each checks who is said to assert a figure;
numbers, qualifiers and units stay the rules' work. Skipped without the parser extra.
"""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.parse import available
from api.extraction.types import ArticleInput, ExtractedClaim

pytestmark = pytest.mark.skipif(not available(), reason="the parser extra is not installed")


def _claims(body: str) -> dict[str, ExtractedClaim]:
    result = extract(ArticleInput(body=body), backend="parser")
    assert result.version.startswith("parser-")
    return {c.quantity.text: c for c in result.claims if c.quantity is not None}


def _who(claim: ExtractedClaim) -> str | None:
    return claim.claimant.name if claim.claimant else None


def test_relay_names_the_source_it_cites() -> None:
    claims = _claims(
        "Radio Lakeside, citing ambulance crews, reported that 23 people were injured "
        "when the stand collapsed."
    )
    assert _who(claims["23"]) == "ambulance crews"
    relay = claims["23"].relayed_by
    assert relay is not None and "Lakeside" in relay.name


def test_a_number_in_the_speaker_phrase_is_not_a_claim() -> None:
    claims = _claims(
        "Talking to the press outside the station, two firefighters said 11 residents "
        "were rescued from the upper floors."
    )
    assert "two" not in claims
    assert _who(claims["11"]) == "firefighters"


def test_an_aside_between_speaker_and_verb_is_skipped() -> None:
    claims = _claims("The port authority, in its evening bulletin, said 4 vessels had sunk.")
    assert _who(claims["4"]) == "port authority"


def test_according_to_the_publisher_of_released_figures() -> None:
    claims = _claims(
        "According to figures published by the transport ministry, 58 trains were cancelled."
    )
    assert _who(claims["58"]) == "transport ministry"


def test_the_rules_attribution_is_kept_where_the_parse_adds_nothing() -> None:
    body = "Rescuers pulled 8 survivors from the rubble, the civil defence agency said."
    parsed = extract(ArticleInput(body=body), backend="parser").claims
    ruled = extract(ArticleInput(body=body), backend="rules").claims
    assert [(_who(c), c.quantity) for c in parsed] == [(_who(c), c.quantity) for c in ruled]


def test_a_pronoun_continues_the_previous_speaker() -> None:
    claims = _claims(
        "Jonas Ekberg, the coastguard's duty officer, said 5 sailors were missing. "
        "He added that 2 crew members had been found alive."
    )
    assert _who(claims["5"]) == "Jonas Ekberg"
    assert _who(claims["2"]) == "Jonas Ekberg"


def test_an_unattributed_figure_stays_unattributed() -> None:
    claims = _claims("The bridge, completed in 1998, carries 40,000 vehicles a day.")
    assert all(_who(c) is None for c in claims.values())


def test_sentences_over_the_length_limit_keep_the_rules_attribution() -> None:
    from api.extraction.parse.backend import PARSE_MAX_CHARS

    filler = ", ".join(f"the hamlet of Village{i}" for i in range(60))
    body = f"The county sheriff said 6 houses burned in {filler}."
    assert len(body) > PARSE_MAX_CHARS
    parsed = extract(ArticleInput(body=body), backend="parser").claims
    ruled = extract(ArticleInput(body=body), backend="rules").claims
    assert [(_who(c), c.quantity) for c in parsed] == [(_who(c), c.quantity) for c in ruled]
