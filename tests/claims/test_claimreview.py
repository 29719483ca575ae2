"""An editor's verdict and the schema.org ClaimReview built from it."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import article, post_article
from tests.helpers import assert_problem

# The part of the schema.org vocabulary (https://schema.org/version/latest) a ClaimReview
# uses: each type's parent and the properties whose domain includes it.
SCHEMA_ORG: dict[str, tuple[str | None, set[str]]] = {
    "Thing": (None, {"name", "url", "alternateName", "description", "identifier", "sameAs"}),
    "CreativeWork": (
        "Thing",
        {"author", "datePublished", "headline", "publisher", "text", "inLanguage"},
    ),
    "Review": ("CreativeWork", {"itemReviewed", "reviewRating", "reviewBody"}),
    "ClaimReview": ("Review", {"claimReviewed"}),
    "Claim": ("CreativeWork", {"appearance", "firstAppearance", "claimInterpreter"}),
    "Article": ("CreativeWork", {"articleBody", "articleSection"}),
    "NewsArticle": ("Article", {"dateline"}),
    "Intangible": ("Thing", set()),
    "Rating": (
        "Intangible",
        {"ratingValue", "bestRating", "worstRating", "author", "ratingExplanation"},
    ),
    "Organization": ("Thing", {"legalName"}),
    "Person": ("Thing", {"givenName", "familyName"}),
}
# What each property may hold: the types it ranges over (here: the ones used).
RANGES: dict[str, set[str]] = {
    "author": {"Organization", "Person"},
    "publisher": {"Organization", "Person"},
    "itemReviewed": {"Claim", "Thing"},
    "appearance": {"CreativeWork", "NewsArticle", "Article"},
    "reviewRating": {"Rating"},
}
# Google Fact Check markup: required on a ClaimReview, and on its rating.
REQUIRED = {
    "ClaimReview": {"claimReviewed", "reviewRating", "url", "author", "itemReviewed"},
    "Rating": {"alternateName"},
    "Claim": {"author", "appearance"},
}


def _properties(kind: str) -> set[str]:
    out: set[str] = set()
    current: str | None = kind
    while current is not None:
        parent, props = SCHEMA_ORG[current]
        out |= props
        current = parent
    return out


def assert_schema_org(node: dict[str, Any], path: str = "$") -> None:
    kind = node["@type"]
    assert kind in SCHEMA_ORG, f"{path}: unknown type {kind}"
    allowed = _properties(kind) | {"@type", "@context"}
    assert set(node) <= allowed, f"{path}: {set(node) - allowed} not properties of {kind}"
    assert REQUIRED.get(kind, set()) <= set(node), f"{path}: missing {REQUIRED[kind] - set(node)}"
    for name, value in node.items():
        if isinstance(value, dict):
            assert value["@type"] in RANGES[name], f"{path}.{name}: {value['@type']}"
            assert_schema_org(value, f"{path}.{name}")
        elif name in {"datePublished"}:
            date.fromisoformat(value)
        elif name in {"ratingValue", "bestRating", "worstRating"}:
            assert isinstance(value, int | float)


def _claim(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    created = post_article(
        client,
        headers,
        article(
            body="The Pakistan military said that 23 of its soldiers were killed.",
            url="https://news.example.org/clash",
            publisher="Example News",
            published_at="2025-10-12T08:00:00Z",
        ),
    )
    claims = client.get("/v1/claims", params={"article_id": created["id"]}).json()["items"]
    return dict(claims[0])


def test_verdict_is_set_cleared_and_filtered_apart_from_status(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _claim(client, editor_headers)
    assert claim["verdict"] is None and claim["verdict_at"] is None
    patched = client.patch(
        f"/v1/claims/{claim['id']}", json={"verdict": "misleading"}, headers=editor_headers
    ).json()
    assert patched["verdict"] == "misleading" and patched["verdict_at"]
    assert patched["status"] == claim["status"]  # the derived status is another thing
    listed = client.get("/v1/claims", params={"verdict": "misleading"}).json()["items"]
    assert [c["id"] for c in listed] == [claim["id"]]
    assert client.get("/v1/claims", params={"verdict": "false"}).json()["items"] == []
    assert_problem(client.get("/v1/claims", params={"verdict": "wrong"}), 422, mentions="verdict")
    bad = client.patch(f"/v1/claims/{claim['id']}", json={"verdict": "meh"}, headers=editor_headers)
    assert_problem(bad, 422, mentions="verdict")
    cleared = client.patch(
        f"/v1/claims/{claim['id']}", json={"verdict": None}, headers=editor_headers
    ).json()
    assert cleared["verdict"] is None and cleared["verdict_at"] is None


def test_claimreview_of_a_reviewed_claim_has_schema_orgs_shape(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _claim(client, editor_headers)
    client.patch(f"/v1/claims/{claim['id']}", json={"verdict": "false"}, headers=editor_headers)
    response = client.get(f"/v1/claims/{claim['id']}/claimreview")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    review = response.json()
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert_schema_org(review)
    assert review["claimReviewed"] == claim["statement"]
    assert review["url"].endswith(f"/v1/claims/{claim['id']}/claimreview")
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 3,
        "worstRating": 1,
        "alternateName": "False",
    }
    item = review["itemReviewed"]
    assert item["author"]["name"] == claim["claimant"]["name"]
    assert item["appearance"]["url"] == "https://news.example.org/clash"
    assert item["appearance"]["publisher"] == {"@type": "Organization", "name": "Example News"}
    assert item["datePublished"] == "2025-10-12"
    # The same document by content negotiation, with its own ETag and 304.
    negotiated = client.get(f"/v1/claims/{claim['id']}", headers={"Accept": "application/ld+json"})
    assert negotiated.json() == review
    assert negotiated.headers["vary"] == "Accept"
    again = client.get(
        f"/v1/claims/{claim['id']}",
        headers={"Accept": "application/ld+json", "If-None-Match": negotiated.headers["etag"]},
    )
    assert again.status_code == 304
    plain = client.get(f"/v1/claims/{claim['id']}")
    assert plain.json()["id"] == claim["id"] and plain.headers["vary"] == "Accept"


def test_unverified_has_a_named_rating_without_a_score(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _claim(client, editor_headers)
    client.patch(
        f"/v1/claims/{claim['id']}", json={"verdict": "unverified"}, headers=editor_headers
    )
    review = client.get(f"/v1/claims/{claim['id']}/claimreview").json()
    assert_schema_org(review)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverified"}


def test_no_claimreview_without_a_verdict(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _claim(client, editor_headers)
    assert_problem(client.get(f"/v1/claims/{claim['id']}/claimreview"), 409, mentions="verdict")
    negotiated = client.get(f"/v1/claims/{claim['id']}", headers={"Accept": "application/ld+json"})
    assert_problem(negotiated, 409, mentions="verdict")
    assert_problem(client.get("/v1/claims/999999/claimreview"), 404)
