"""A Python consumer of the generated SDK, as a user writes one (no `type: ignore`).

tests/contract/live/test_sdks.py generates `claims_api_client` from schemas/openapi.json,
type-checks this module with mypy strict against it, and runs it against a live server.
The project's own mypy run skips this folder: the SDK exists only once generated.
"""

from __future__ import annotations

from claims_api_client import AuthenticatedClient, Client
from claims_api_client.api.articles import create_article, get_article, list_article_claims
from claims_api_client.api.claims import get_claim, list_claims
from claims_api_client.models import (
    ArticleCreate,
    ArticlePublic,
    ClaimPage,
    ClaimPublic,
    ListClaimsMeasure,
    Problem,
)


def killed_claims(base_url: str) -> list[ClaimPublic]:
    """Every `killed` claim, page after page, without a key."""
    claims: list[ClaimPublic] = []
    with Client(base_url=base_url) as client:
        cursor: str | None = None
        while True:
            if cursor is None:
                page = list_claims.sync(client=client, measure=ListClaimsMeasure.KILLED, limit=2)
            else:
                page = list_claims.sync(
                    client=client, measure=ListClaimsMeasure.KILLED, limit=2, cursor=cursor
                )
            if not isinstance(page, ClaimPage):
                raise RuntimeError(f"listing claims failed: {page!r}")
            claims.extend(page.items)
            if page.next_ is None:
                return claims
            cursor = page.next_


def quote_of(base_url: str, claim_id: int) -> tuple[str, str]:
    """A claim's quote and the same span cut from its article's body, anonymously."""
    with Client(base_url=base_url) as client:
        claim = get_claim.sync(claim_id, client=client)
        if not isinstance(claim, ClaimPublic):
            raise RuntimeError(f"no claim {claim_id}: {claim!r}")
        article = get_article.sync(claim.article_id, client=client)
        if not isinstance(article, ArticlePublic):
            raise RuntimeError(f"no article {claim.article_id}: {article!r}")
        evidence = claim.evidence
        return evidence.quote, article.body[evidence.start : evidence.end]


def missing_claim(base_url: str, claim_id: int) -> Problem:
    with Client(base_url=base_url) as client:
        found = get_claim.sync(claim_id, client=client)
        if not isinstance(found, Problem):
            raise RuntimeError(f"claim {claim_id} exists: {found!r}")
        return found


def post_article(base_url: str, token: str, title: str, body: str) -> tuple[ArticlePublic, int]:
    """Post an article with an editor key; the article and how many claims it has."""
    with AuthenticatedClient(base_url=base_url, token=token) as client:
        article = create_article.sync(client=client, body=ArticleCreate(title=title, body=body))
        if not isinstance(article, ArticlePublic):
            raise RuntimeError(f"posting failed: {article!r}")
        url: str | None = article.url  # always sent: null, never missing
        publisher: str | None = article.publisher
        assert url is None and publisher is None
        page = list_article_claims.sync(article.id, client=client, limit=100)
        if not isinstance(page, ClaimPage):
            raise RuntimeError(f"listing its claims failed: {page!r}")
        return article, len(page.items)
