"""Zero counts of things and of captives, speakers with an adverb before their verb, and
a company's ticker after its name."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput
from tests.factories import BACKENDS


def _figures(
    body: str, backend: str = "rules"
) -> list[tuple[float | None, str | None, str | None]]:
    out = []
    for c in extract(ArticleInput(body=body), backend=backend).claims:
        if c.quantity is not None:
            out.append((c.quantity.lower, c.measure, c.claimant.name if c.claimant else None))
    return out


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "body",
    [
        '"No sailor was taken prisoner," the navy said.',
        '"None of our scouts fell into the hands of the rebels," the militia said.',
        "The garrison said not one of its men was in enemy hands.",
    ],
)
def test_no_captives_is_a_zero_of_captured(backend: str, body: str) -> None:
    assert (0.0, "captured") in [(v, m) for v, m, _ in _figures(body, backend)]


@pytest.mark.parametrize(
    "body",
    [
        "No lorries have been unloaded at the quay since Monday, the harbour board said.",
        "The regulator said no measles cases had been recorded in the town.",
        '"Not a single appeal has been upheld," the tribunal said.',
        "No pupils were on the minibus, the council said.",
    ],
)
def test_a_zero_count_of_things_heading_a_clause(body: str) -> None:
    assert 0.0 in [v for v, _m, _w in _figures(body)]


@pytest.mark.parametrize(
    "body",
    [
        "No decision has been taken on the budget, the minister said.",
        "There is no evidence that the depot was hit.",
        "The chairman denied that any observer had been expelled from a counting centre.",
        "No one knows how many ballots were lost.",
    ],
)
def test_a_zero_of_nothing_countable_is_no_figure(body: str) -> None:
    assert 0.0 not in [v for v, _m, _w in _figures(body)]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "body",
    [
        "The coastguard now says 14 crew were rescued from the trawler.",
        "The coastguard, in its latest update, again said 14 crew were rescued.",
    ],
)
def test_an_adverb_before_the_verb_keeps_the_speaker(backend: str, body: str) -> None:
    assert [w for v, _m, w in _figures(body, backend) if v == 14.0] == ["coastguard"]


def test_a_stock_ticker_and_a_dateline_are_not_the_speaker() -> None:
    body = (
        "OSLO, Norway, 2 May 2026 - Fjordline Cargo Group (OSE: FJC), a shipping group, "
        "today reported revenue of NOK 2.1 billion."
    )
    who = [w for v, _m, w in _figures(body) if v == 2.1e9]
    assert who == ["Fjordline Cargo Group"]
