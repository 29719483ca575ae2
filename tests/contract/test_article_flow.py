"""The flow the document's links describe, step by step over the API."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import CLAIMED, OFFICIAL
from tests.helpers import assert_problem


def _all_claims(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = f"/v1/articles/{article_id}/claims?limit=1"
    while url is not None:
        page = client.get(url)
        assert page.status_code == 200, page.text
        body = page.json()
        items.extend(body["items"])
        if body["next"] is not None:
            assert 'rel="next"' in page.headers["Link"]
            url = f"/v1/articles/{article_id}/claims?limit=1&cursor={body['next']}"
        else:
            assert "Link" not in page.headers
            url = None
    return items


def test_create_list_read_patch_discrepancies_delete(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    created = client.post("/v1/articles", json=OFFICIAL, headers=editor_headers)
    assert created.status_code == 201, created.text
    article = created.json()
    assert created.headers["Location"].endswith(f"/v1/articles/{article['id']}")
    other = client.post("/v1/articles", json=CLAIMED, headers=editor_headers)
    assert other.status_code == 201, other.text

    claims = _all_claims(client, article["id"])
    assert claims, "the article's claim was extracted"
    assert len(claims) == article["claim_count"]

    read = client.get(f"/v1/claims/{claims[0]['id']}")
    assert read.status_code == 200
    claim = read.json()
    etag = read.headers["ETag"]
    assert (
        client.get(f"/v1/claims/{claim['id']}", headers={"If-None-Match": etag}).status_code == 304
    )

    patched = client.patch(
        f"/v1/claims/{claim['id']}",
        json={"reviewed": True},
        headers={**editor_headers, "If-Match": etag},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["reviewed"] is True
    stale = client.patch(
        f"/v1/claims/{claim['id']}",
        json={"reviewed": False},
        headers={**editor_headers, "If-Match": etag},
    )
    assert_problem(stale, 412)

    for discrepancy_id in patched.json()["discrepancy_ids"]:
        found = client.get(f"/v1/discrepancies/{discrepancy_id}")
        assert found.status_code == 200, found.text
        assert found.json()["id"] == discrepancy_id

    deleted = client.delete(f"/v1/articles/{article['id']}", headers=editor_headers)
    assert deleted.status_code == 204
    assert_problem(client.get(f"/v1/articles/{article['id']}/claims"), 410)
    assert_problem(client.get(f"/v1/claims/{claim['id']}"), 404)
    remaining = client.get(f"/v1/claims?article_id={article['id']}")
    assert remaining.status_code == 200
    assert remaining.json()["items"] == []
