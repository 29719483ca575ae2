"""A role named with the body it speaks for ("the spokesman of the armed forces", "a
spokeswoman for the prefecture") is that body speaking, however the body is named."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput
from tests.factories import BACKENDS


def _claimants(body: str, backend: str) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for c in extract(ArticleInput(body=body), backend=backend).claims:
        if c.quantity is not None:
            chain = []
            ref = c.claimant
            while ref is not None:
                chain.append(ref.name)
                ref = ref.parent
            out[c.quantity.text] = " / ".join(chain) if chain else None
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_spokesman_of_a_body_speaks_for_it(backend: str) -> None:
    body = (
        "Rescuers pulled 12 sailors from the water on Sunday, the official spokesman of "
        "the navy said."
    )
    who = _claimants(body, backend)
    assert who["12"] is not None and "navy" in who["12"].lower()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_spokeswoman_for_the_prefecture_is_the_prefecture(backend: str) -> None:
    body = "A spokeswoman for the prefecture said 40 protesters had been detained."
    who = _claimants(body, backend)
    assert who["40"] is not None and "prefecture" in who["40"].lower()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_department_named_by_its_field_keeps_its_whole_name(backend: str) -> None:
    body = (
        "The provincial office of the Department of Water and Sanitation said "
        "85 boats had been lost."
    )
    who = _claimants(body, backend)
    assert who["85"] is not None
    assert "Department of Water and Sanitation" in who["85"]
