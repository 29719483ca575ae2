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


@pytest.mark.parametrize(
    ("text", "qualifier", "lower", "upper"),
    [
        ("wind gusts as high as 130 km/h", "at_most", None, 130),
        ("a turnout of barely 40 percent", "approximately", 40, 40),
        ("they launched fewer than a dozen rockets", "less_than", None, 12),
    ],
)
def test_hedges(text: str, qualifier: str, lower: float | None, upper: float | None) -> None:
    (q,) = find_quantities(text)
    assert (q.qualifier.value, q.lower, q.upper) == (qualifier, lower, upper)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("three out of four shops were looted", 75, "exact"),
        ("one in five voters stayed home", 20, "exact"),
        ("nearly one in three pupils was absent", 33, "approximately"),
        ("almost half of the wells ran dry", 50, "approximately"),
        ("the harvest was down by about half", 50, "approximately"),
        ("attendance was barely half", 50, "approximately"),
        ("Half of the crew were rescued", 50, "exact"),
    ],
)
def test_a_share_in_words_is_a_percentage(text: str, value: float, qualifier: str) -> None:
    (q,) = find_quantities(text)
    assert q.unit is not None and q.unit.symbol == "%"
    assert (q.lower, q.qualifier.value) == (value, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "the meeting lasted half an hour",
        "in the first half of the season",
        "two and a half",
        "the mill ran at half capacity",
        "the ferry sails twice a week",
        "costs rose three times faster than wages",
        "four times the size of the old one",
    ],
)
def test_no_share_or_count_of_times(text: str) -> None:
    assert [q for q in find_quantities(text) if q.unit is not None or q.repeats] == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("the dam was breached twice", 2, "exact"),
        ("the depot was shelled at least four times since May", 4, "at_least"),
        ("crews went out 17 times", 17, "exact"),
    ],
)
def test_a_count_of_times(text: str, value: float, qualifier: str) -> None:
    (q,) = find_quantities(text)
    assert q.repeats and (q.lower, q.qualifier.value) == (value, qualifier)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_count_of_times_is_a_claim_with_its_verb(backend: str) -> None:
    found = by_figure("The rebels said their drones struck the depot twice on Friday.", backend)
    assert found["twice"].measure == "struck" and found["twice"].subject == "times"


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_whole_of_a_part_is_a_figure_too(backend: str) -> None:
    found = by_figure("The ministry said 12 of the 340 schools in the area had reopened.", backend)
    assert {"12", "340"} <= set(found)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sizeable_figure_after_the_is_a_count(backend: str) -> None:
    body = "The council said turnout was 48 percent of the 6.3 million registered voters."
    found = by_figure(body, backend)
    assert found["6.3 million"].quantity.lower == 6.3e6  # type: ignore[union-attr]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_small_figure_after_the_refers_back(backend: str) -> None:
    body = "The two sides met in Geneva, the mediator said. The three men were released."
    assert by_figure(body, backend) == {}


def test_a_phone_number_named_as_such_is_no_figure() -> None:
    assert find_quantities("call the 999 emergency number or the 1190 hotline") == []


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "body",
    [
        "The army told the fishing boats to pull back to at least 15 km from the reef.",
        "The council declared a 3 km exclusion zone around the chemical plant.",
        "Police set up a cordon of 400 metres around the stadium, officials said.",
        "Officials told families in houses within 150 metres of the dyke to leave.",
        "Under the new law a referendum needs more than 60 percent of the vote to pass.",
        "The mayor is short of the 50 percent she needs to win outright, the board said.",
    ],
)
def test_a_figure_that_sets_a_rule_is_no_claim(backend: str, body: str) -> None:
    assert by_figure(body, backend) == {}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_distance_or_share_that_reports_a_fact_stays(backend: str) -> None:
    body = (
        "The coastguard said the trawler was about 12 km inside the reserve. "
        "The board said the mayor won 54 percent of the vote."
    )
    assert {"about 12 km", "54 percent"} <= set(by_figure(body, backend))


def _read(body: str, backend: str) -> dict[str, tuple[float | None, str | None]]:
    return {k: (c.quantity.lower, c.measure) for k, c in by_figure(body, backend).items()}  # type: ignore[union-attr]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("body", "figure", "measure"),
    [
        ("The clinic said two of the injured were still in intensive care.", "two", "wounded"),
        ("Officials said six of those evacuated had returned home.", "six", "displaced"),
        ("The family said three of the wounded died in the night.", "three", "killed"),
        ("Prosecutors said 14 have so far been charged.", "14", "charged"),
        ("The court said nine had been freed on bail.", "nine", "released"),
        ("The mayor said hundreds more fled when the dam broke.", "hundreds", "displaced"),
        ("Rescuers said dozens more are feared buried.", "dozens", "missing"),
    ],
)
def test_a_figure_counted_by_its_measure_word(
    backend: str, body: str, figure: str, measure: str
) -> None:
    found = {k.lower(): v for k, v in _read(body, backend).items()}
    assert found[figure][1] == measure


@pytest.mark.parametrize("backend", BACKENDS)
def test_none_of_a_count_that_failed(backend: str) -> None:
    body = (
        "The board said 40 opened late and none failed to open. "
        '"Not one school failed to open," she said.'
    )
    found = _read(body, backend)
    assert found["none"] == (0.0, "closed") and found["Not one"] == (0.0, "closed")


@pytest.mark.parametrize("backend", BACKENDS)
def test_one_hurt_badly_is_a_part_of_the_count(backend: str) -> None:
    body = "Five climbers were hurt in the fall, one of them critically, the guides said."
    assert _read(body, backend)["one"] == (1.0, "wounded")
    told = '"We have 20 dead," one of them told reporters.'
    assert "one" not in _read(told, backend)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_body_counted_by_its_members(backend: str) -> None:
    body = "Ana Ruiz, who leads the 35-member inspection team, said the count was fair."
    assert _read(body, backend)["35"] == (35.0, "count")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_toll_set_in_a_relative_clause(backend: str) -> None:
    body = "The toll, which the fire brigade put at 14 on Monday, is expected to rise."
    assert _read(body, backend)["14"] == (14.0, "killed")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_listed_part_among_a_group(backend: str) -> None:
    body = "Medics said they treated 410 cases of burns, including 37 among firefighters."
    assert _read(body, backend)["37"][0] == 37.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_figure_set_against_another_takes_its_noun(backend: str) -> None:
    body = (
        "The board said Ms Lund had 88,210 votes against 71,945 for her rival. "
        "Mr Berg has 12,002, the board added."
    )
    found = by_figure(body, backend)
    assert found["71,945"].measure == "votes" and found["12,002"].measure == "votes"
    assert "40" not in by_figure("The ward had 40, she said.", backend)
    other = "She says 90 people are still missing; the agency insists it is 52."
    assert by_figure(other, backend)["52"].measure == "missing"
