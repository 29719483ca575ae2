"""Figures of a change: "down from 3,800", "raised it to 11,800" count what the figure
they change counts, in its unit."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure, who


def _figures(
    body: str, backend: str
) -> dict[float | None, tuple[str | None, str | None, str | None]]:
    return {
        c.quantity.lower: (c.measure, c.quantity.unit, who(c))
        for c in by_figure(body, backend).values()
        if c.quantity is not None
    }


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("body", "earlier", "later"),
    [
        (
            "The lifeboat service said 41 walkers had been rescued from the fells by Sunday, "
            "up from 26 on Friday.",
            26.0,
            41.0,
        ),
        (
            "The hospital trust said 18 patients were still being treated for burns, down from "
            "the 30 it reported at the weekend.",
            30.0,
            18.0,
        ),
    ],
)
def test_up_or_down_from_counts_the_same_thing(
    backend: str, body: str, earlier: float, later: float
) -> None:
    figures = _figures(body, backend)
    assert earlier in figures and later in figures
    assert figures[earlier][0] == figures[later][0]
    assert figures[earlier][2] == figures[later][2] is not None


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_raised_estimate_keeps_the_unit(backend: str) -> None:
    figures = _figures(
        "Forestry officials first put the burnt area at 2,300 hectares; by evening they "
        "had raised it to 3,150.",
        backend,
    )
    assert figures[3150.0][1] == "ha"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_time_word_after_the_earlier_figure_is_not_counted(backend: str) -> None:
    figures = _figures(
        "The coastguard said 12 boats were missing, up from 9 the night before.", backend
    )
    assert figures[9.0][0] == figures[12.0][0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_fractional_change_of_a_count_is_not_taken(backend: str) -> None:
    figures = _figures("Bread now costs about 3.40 tokens a loaf, up from 2.95 in spring.", backend)
    assert 2.95 not in figures


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_change_naming_its_own_count_does_not_take_an_earlier_sentences_unit(
    backend: str,
) -> None:
    """ "The toll had risen to 23" counts the dead: the distance of the sentence before is
    not what it changes."""
    body = (
        "The barge sank 25 miles downstream of the port. The coastguard said on Monday "
        "that the toll had risen to 23, up from 21 overnight."
    )
    figures = _figures(body, backend)
    assert figures[23.0][:2] == ("killed", None)
    assert figures[21.0][:2] == ("killed", None)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_change_pointing_back_counts_the_earlier_sentences_figure(backend: str) -> None:
    body = (
        "The forestry agency put the burnt area at 7,200 hectares on Tuesday. "
        "On Thursday it raised it to 8,050."
    )
    assert _figures(body, backend)[8050.0][:2] == ("area", "ha")
