"""Figures given by "one", by the new value of a count, and by a part of a figure."""

from __future__ import annotations

from api.extraction.types import ExtractedClaim

from .conftest import run


def numeric(body: str) -> list[ExtractedClaim]:
    return [c for c in run(body).claims if c.quantity is not None]


def test_one_before_a_counted_person_is_a_figure() -> None:
    claims = numeric("The garrison said one Latvian conscript had died in the fire.")
    assert [(c.quantity.lower, c.measure) for c in claims] == [(1.0, "killed")]  # type: ignore[union-attr]
    (guard,) = numeric("Officials said one border guard was wounded.")
    assert guard.subject == "combatants" and guard.measure == "wounded"


def test_one_in_idioms_is_not_a_figure() -> None:
    body = "One of the drivers said the road was closed. One day the ferry will return."
    assert numeric(body) == []


def test_the_new_value_of_the_number_of_a_noun() -> None:
    (rescued,) = numeric(
        "Later that night, the number of trapped hikers rose to 9, the rescue service said."
    )
    assert rescued.quantity.lower == 9 and rescued.subject_text == "trapped hikers"  # type: ignore[union-attr]
    (dead,) = numeric(
        "A second patient died on Friday, bringing the number of dead passengers to four, "
        "the hospital said."
    )
    assert (dead.quantity.lower, dead.measure, dead.subject) == (4, "killed", "civilians")  # type: ignore[union-attr]
    (missing,) = numeric("The number of missing had fallen to three by noon, police said.")
    assert (missing.quantity.lower, missing.measure) == (3, "missing")  # type: ignore[union-attr]


def test_a_part_of_a_figure_named_after_a_copula() -> None:
    whole, part = numeric(
        "Medics said 30 people were treated for burns; eleven of them were firefighters."
    )
    assert part.quantity.lower == 11 and part.subject == "civilians"  # type: ignore[union-attr]
    assert part.subject_text == "firefighters" and part.measure == whole.measure


def test_an_adjective_or_noun_of_the_counted_phrase_names_the_measure() -> None:
    from api.extraction import extract
    from api.extraction.types import ArticleInput

    def measures(text: str) -> list[tuple[str | None, str | None]]:
        found = extract(ArticleInput(body=text)).claims
        return [(c.measure, c.subject) for c in found if c.quantity is not None]

    assert measures("The brigade mourned nine fallen comrades.") == [("killed", "combatants")]
    assert measures("Officials said 40 martyrs were buried on Sunday.") == [("killed", "people")]
    # Not when what is counted is no person: the families of the fallen are alive.
    assert measures("The fund supports 300 fallen soldiers families.")[0][0] == "count"
