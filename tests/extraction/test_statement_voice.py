"""A body's statement goes on in the unattributed sentences after it, in its paragraph."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput
from tests.factories import BACKENDS


def _claimants(body: str, backend: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for c in extract(ArticleInput(body=body), backend=backend).claims:
        if c.quantity is not None:
            out[c.quantity.text] = c.claimant.name if c.claimant else None
    return out


_STATEMENT = (
    "The Coastal Water Authority said in a bulletin on Friday that 41 people had been "
    "poisoned by well water. Another 16 were injured, and 9 remain in hospital.\n"
    "The storm struck the coast late on Wednesday.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_next_sentence_goes_on_in_the_bodys_voice(backend: str) -> None:
    who = _claimants(_STATEMENT, backend)
    assert who["41"] is not None and "Water Authority" in who["41"]
    assert who["16"] is not None and "Water Authority" in who["16"]
    assert who["9"] is not None and "Water Authority" in who["9"]


_NEW_PARAGRAPH = (
    "The Coastal Water Authority said on Friday that 41 wells had been contaminated.\n"
    "Around 3,000 households draw their water from the aquifer.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_new_paragraph_is_the_writers_own(backend: str) -> None:
    who = _claimants(_NEW_PARAGRAPH, backend)
    assert who["Around 3,000"] is None


_PERSON = (
    "Mirela Castan, a hydrologist, said on Friday that 41 wells had been contaminated. "
    "Around 3,000 households draw their water from the aquifer.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_persons_words_do_not_run_on(backend: str) -> None:
    who = _claimants(_PERSON, backend)
    assert who["Around 3,000"] is None


_BACKGROUND = (
    "The Coastal Water Authority said on Friday that 41 wells had been contaminated. "
    "During the same period last year, 12 wells were closed.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_background_the_writer_adds_is_no_ones(backend: str) -> None:
    who = _claimants(_BACKGROUND, backend)
    assert who["12"] is None


_OUR_REPORTER = (
    "The road to the port is open again, our reporter in Velmora says. "
    "About 200 lorries crossed on Saturday.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_outlets_own_reporter_is_no_body(backend: str) -> None:
    who = _claimants(_OUR_REPORTER, backend)
    assert who["About 200"] is None


_OWN_VERB = (
    "The Coastal Water Authority said on Friday that 41 people had been poisoned. "
    "Farmers' groups, angry at the delay, claimed that 70 people had been poisoned.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sentence_with_a_reporting_verb_has_its_own_speaker(backend: str) -> None:
    who = _claimants(_OWN_VERB, backend)
    assert "Water Authority" not in str(who["70"])


_SAID_AND_MORE = (
    "Harbour officials said on Sunday that 14 fishermen had been rescued. "
    "Another 6 crew members are still missing. Three fishermen were flown to hospital.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_after_a_plain_said_a_sentence_going_on_with_its_figures_is_its(backend: str) -> None:
    who = _claimants(_SAID_AND_MORE, backend)
    assert who["14"] is not None and "officials" in who["14"]
    assert who["6"] is not None and "officials" in who["6"]  # "Another ..."
    assert who["Three"] is not None and "officials" in who["Three"]  # fishermen again


_SAID_THEN_ELSE = (
    "Harbour officials said on Sunday that 14 fishermen had been rescued. "
    "The storm flattened 40 beach huts along the bay.\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_after_a_plain_said_another_matter_is_the_writers(backend: str) -> None:
    who = _claimants(_SAID_THEN_ELSE, backend)
    assert who["40"] is None
