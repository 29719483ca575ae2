"""A figure of none: negated counts are claims of 0 for their measure."""

from __future__ import annotations

import pytest

from api.extraction import extract
from api.extraction.types import ArticleInput, Qualifier, Stance


def _zeros(body: str) -> list[tuple[str | None, str | None, str | None]]:
    out = []
    for c in extract(ArticleInput(body=body)).claims:
        q = c.quantity
        if q is not None and q.lower == 0 and q.upper == 0:
            assert q.qualifier == Qualifier.exact
            out.append((c.measure, c.subject, c.claimant.name if c.claimant else None))
    return out


@pytest.mark.parametrize(
    ("body", "measure"),
    [
        ("The county coroner said no hiker had died on the trail.", "killed"),
        ("Nobody at the depot was injured, the fire brigade said.", "wounded"),
        ("The navy said none of its sailors had been captured.", "captured"),
        ("Not a single resident of the block lost their lives, the mayor said.", "killed"),
        ("The authority reported zero fatalities on the line this year.", "killed"),
        ("The air force said none of its jets was shot down.", "destroyed"),
    ],
)
def test_negated_counts_are_zero(body: str, measure: str) -> None:
    zeros = _zeros(body)
    assert zeros and zeros[0][0] == measure


@pytest.mark.parametrize(
    "body",
    [
        "There is no evidence that the convoy was attacked.",
        "No one knows how many were killed in the fire.",
        "The agency gave no figure for the wounded.",
        "No more than 40 people were hurt.",
        "Officials had no comment on the arrests.",
    ],
)
def test_a_negation_without_a_counted_measure_is_not_a_figure(body: str) -> None:
    assert _zeros(body) == []


def test_a_denial_of_losses_is_a_zero_with_denial_stance() -> None:
    body = (
        "The rebels said they shot down 12 army drones. "
        "The army denied losing any drones in the clash."
    )
    claims = [c for c in extract(ArticleInput(body=body)).claims if c.quantity is not None]
    zero = [c for c in claims if c.quantity is not None and c.quantity.upper == 0]
    assert zero
    assert zero[0].stance == Stance.denial
    assert zero[0].subject == "aircraft"
