"""A reviewed claim as a schema.org `ClaimReview` (JSON-LD), the form fact-checkers
exchange verdicts in (Google Fact Check Tools reads it).

Only a claim with an editor's `verdict` has one. The rating is on a three-point scale
(`false` 1, `misleading` 2, `accurate` 3); `unverified` has no point on it, so its
rating carries only the verdict's name (`alternateName`), as schema.org allows.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.actors.models import ActorSummary
from api.articles.models import Article
from api.claims.models import ClaimPublic, Verdict
from api.errors import Conflict
from api.extraction.types import ActorKind

MEDIA_TYPE = "application/ld+json"
REVIEWER = "Claims API editors"
RATING_VALUES = {Verdict.false: 1, Verdict.misleading: 2, Verdict.accurate: 3}
RATING_NAMES = {
    Verdict.accurate: "Accurate",
    Verdict.misleading: "Misleading",
    Verdict.false: "False",
    Verdict.unverified: "Unverified",
}


class _Node(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Agent(_Node):
    type: str = Field(alias="@type", description="`Person` or `Organization`.")
    name: str


class Appearance(_Node):
    """The article the claim appeared in."""

    type: str = Field(default="NewsArticle", alias="@type")
    headline: str
    url: str | None = None
    datePublished: date | None = None  # noqa: N815 (schema.org's name)
    publisher: Agent | None = None


class ReviewedClaim(_Node):
    type: str = Field(default="Claim", alias="@type")
    text: str = Field(description="The quote the claim was read from.")
    author: Agent | None = Field(default=None, description="Who made the claim.")
    datePublished: date | None = None  # noqa: N815
    appearance: Appearance


class Rating(_Node):
    type: str = Field(default="Rating", alias="@type")
    ratingValue: int | None = None  # noqa: N815
    bestRating: int | None = None  # noqa: N815
    worstRating: int | None = None  # noqa: N815
    alternateName: str = Field(description="The verdict in words.")  # noqa: N815


class ClaimReview(_Node):
    """schema.org `ClaimReview` of a claim an editor has given a verdict."""

    context: str = Field(default="https://schema.org", alias="@context")
    type: str = Field(default="ClaimReview", alias="@type")
    url: str = Field(description="This review (`/v1/claims/{id}/claimreview`).")
    claimReviewed: str  # noqa: N815
    datePublished: date  # noqa: N815
    author: Agent
    reviewRating: Rating  # noqa: N815
    itemReviewed: ReviewedClaim  # noqa: N815


def _agent(actor: ActorSummary | None) -> Agent | None:
    if actor is None:
        return None
    kind = "Person" if actor.kind == ActorKind.person else "Organization"
    return Agent(type=kind, name=actor.name)


def _day(when: datetime | None) -> date | None:
    return when.date() if when is not None else None


def claim_review(claim: ClaimPublic, article: Article, *, url: str) -> ClaimReview:
    """``claim``'s review; a claim without a verdict has none (409)."""
    if claim.verdict is None or claim.verdict_at is None:
        raise Conflict(
            f"claim {claim.id} has no editor's verdict, so no ClaimReview; an editor sets one"
            ' with PATCH /v1/claims/{id} {"verdict": ...}'
        )
    publisher = Agent(type="Organization", name=article.publisher) if article.publisher else None
    scored = claim.verdict in RATING_VALUES
    return ClaimReview(
        url=url,
        claimReviewed=claim.statement,
        datePublished=claim.verdict_at.date(),
        author=Agent(type="Organization", name=REVIEWER),
        reviewRating=Rating(
            ratingValue=RATING_VALUES.get(claim.verdict),
            bestRating=3 if scored else None,
            worstRating=1 if scored else None,
            alternateName=RATING_NAMES[claim.verdict],
        ),
        itemReviewed=ReviewedClaim(
            text=claim.evidence.quote,
            author=_agent(claim.claimant) or _agent(claim.relayed_by) or publisher,
            datePublished=_day(article.published_at),
            appearance=Appearance(
                headline=article.title,
                url=article.url,
                datePublished=_day(article.published_at),
                publisher=publisher,
            ),
        ),
    )


def as_json_ld(review: ClaimReview) -> bytes:
    return review.model_dump_json(exclude_none=True).encode()
