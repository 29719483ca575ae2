"""A part of a figure opening the next sentence ("Nine of them were charged", "Three of
the injured are children") is a claim of its whole's speaker."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.parse import available
from api.extraction.types import ArticleInput

BACKENDS = [
    "rules",
    pytest.param("parser", marks=pytest.mark.skipif(not available(), reason="no parser")),
]


def _figures(
    body: str, backend: str
) -> dict[float | None, tuple[str | None, str | None, str | None]]:
    out = {}
    for c in extract(ArticleInput(body=body), backend=backend).claims:
        if c.quantity is not None:
            who = c.claimant.name if c.claimant else None
            out[c.quantity.lower] = (c.measure, c.subject, who)
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_part_of_the_dead_is_killed_and_its_speakers(backend: str) -> None:
    figures = _figures(
        "The provincial coroner said 16 people died in the collapse. Four of the dead were "
        "children.",
        backend,
    )
    assert figures[4.0] == ("killed", "civilians", "provincial coroner")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_part_of_them_keeps_the_whole_speaker(backend: str) -> None:
    figures = _figures(
        "The customs agency said 31 smugglers had been detained at the crossing. Twelve of "
        "them were later released.",
        backend,
    )
    assert figures[12.0][2] == figures[31.0][2] == "customs agency"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_part_two_sentences_later_takes_no_speaker(backend: str) -> None:
    figures = _figures(
        "The customs agency said 31 smugglers had been detained at the crossing. The "
        "crossing reopened at dawn. Twelve of them were later released.",
        backend,
    )
    assert 12.0 not in figures or figures[12.0][2] is None
