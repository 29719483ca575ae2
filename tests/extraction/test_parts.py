"""A part of a figure opening the next sentence ("Nine of them were charged", "Three of
the injured are children") is a claim of its whole's speaker."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


def _figures(
    body: str, backend: str
) -> dict[float | None, tuple[str | None, str | None, str | None]]:
    return {
        c.quantity.lower: (c.measure, c.subject, who(c))
        for c in by_figure(body, backend).values()
        if c.quantity is not None
    }


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


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_list_with_its_noun_elided_counts_the_first_items_noun(backend: str) -> None:
    figures = _figures(
        "The border guard said 40 migrants were stopped at the river, 25 at the bridge and "
        "nine near the old mill.",
        backend,
    )
    assert figures[25.0][:2] == figures[40.0][:2] == figures[9.0][:2]


@pytest.mark.parametrize("backend", BACKENDS)
def test_of_which_parts_count_the_whole_noun(backend: str) -> None:
    figures = _figures(
        "The carmaker said it would cut about 900 jobs, of which 500 in Spain and 400 at its "
        "plant in Slovakia.",
        backend,
    )
    assert figures[500.0][1] == figures[900.0][1] == figures[400.0][1]
