"""Figure forms outside the plain "N nouns": units of area and volume, bulleted lists, the
singular of counted nouns."""

from __future__ import annotations

import pytest

from api.extraction.quantities import find_quantities
from api.extraction.subjects import lemma
from tests.factories import BACKENDS, by_figure


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("crates", "crate"),
        ("boxes", "box"),
        ("foxes", "fox"),
        ("horses", "horse"),
        ("nurses", "nurse"),
        ("ferries", "ferry"),
        ("benches", "bench"),
        ("dishes", "dish"),
        ("glasses", "glass"),
        ("fishermen", "fisherman"),
        ("status", "status"),
        ("gas", "gas"),
        ("bricks", "brick"),
    ],
)
def test_lemma_takes_the_plural_ending_off(plural: str, singular: str) -> None:
    assert lemma(plural) == singular


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a lake of 40 square km", 40, "km2"),
        ("a park of 3 sq km", 3, "km2"),
        ("some 12,000 litres of fuel", 12000, "l"),
        ("a 500-litre tank", 500, "l"),
        ("200 ml of blood", 200, "ml"),
        ("4,000 cubic metres of water", 4000, "m3"),
    ],
)
def test_area_and_volume_units(text: str, value: float, unit: str) -> None:
    (q,) = find_quantities(text)
    assert q.lower == value and q.unit is not None and q.unit.symbol == unit


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bulleted_list_is_read_line_by_line(backend: str) -> None:
    body = (
        "The customs agency said on Monday that its week of checks at the border had "
        "ended.\n"
        "What the checks found:\n"
        "- 310 kg of heroin seized\n"
        "• USD 1.2 million in cash confiscated\n"
        "- 17 lorries and 240 crates searched\n"
    )
    found = by_figure(body, backend)
    assert found["310 kg"].quantity is not None and found["310 kg"].quantity.unit == "kg"
    assert found["USD 1.2 million"].quantity.lower == 1.2e6  # type: ignore[union-attr]
    assert {"17", "240"} <= set(found)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_short_line_without_a_bullet_stays_a_heading(backend: str) -> None:
    body = "Storm of the decade: 17 villages\n\nThe storm passed over the coast on Sunday."
    assert "17" not in by_figure(body, backend)
