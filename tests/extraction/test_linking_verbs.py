"""A counted noun linked to its state by "remain", "still" or "stay": the state names the
measure ("25 people remain missing" are missing people, not people counted). Sentences
written for these tests; both backends."""

from __future__ import annotations

import pytest

from tests.factories import BACKENDS, by_figure


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("body", "figure"),
    [
        ("The coastguard said 14 fishermen remain missing off the cape.", "14"),
        ("Rescuers said another 9 hikers were still missing on Sunday.", "9"),
        ("The county said 6 residents are still unaccounted for.", "6"),
        ("Relatives said as many as 30 passengers remained unaccounted for.", "as many as 30"),
    ],
)
def test_a_state_after_remain_or_still_names_the_measure(
    backend: str, body: str, figure: str
) -> None:
    claim = by_figure(body, backend)[figure]
    assert claim.measure == "missing"
    assert claim.subject_text is not None
    assert not {"remain", "remained", "still"} & set(claim.subject_text.split())


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bare_figure_that_remains_somewhere_keeps_its_reading(backend: str) -> None:
    """Without a counted noun, "11 remain in hospital" is still a figure of the sentence."""
    assert "11" in by_figure("Doctors said 11 remain in hospital after the fire.", backend)
