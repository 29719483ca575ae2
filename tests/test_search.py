"""Full-text search (api/search.py) and sorted lists with sort-carrying cursors."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import article, post_article
from tests.helpers import assert_problem

SOLDIER = re.compile(r"\bsoldiers?\b", re.IGNORECASE)
KILL = re.compile(r"\bkill(s|ed|ing)?\b", re.IGNORECASE)


def _all(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"limit": 7, **params, **({"cursor": cursor} if cursor else {})}
        response = client.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        cursor = page["next"]
        if cursor is None:
            return items


def test_search_finds_the_seeded_claims_about_soldiers_killed(
    client: TestClient, seeded: list[int]
) -> None:
    every = _all(client, "/v1/claims")
    expected = {
        c["id"]
        for c in every
        if any(
            SOLDIER.search(text) and KILL.search(text)
            for text in (c["statement"] + " " + c["evidence"]["quote"],)
        )
    }
    assert len(expected) >= 3
    found = _all(client, "/v1/claims", q="soldiers killed")
    assert {c["id"] for c in found} == expected
    # Stemmed, case-insensitive, and other filters still apply.
    assert {c["id"] for c in _all(client, "/v1/claims", q="Soldier KILL")} == expected
    one_article = _all(client, "/v1/claims", q="soldiers killed", article_id=seeded[0])
    assert {c["id"] for c in one_article} == {
        c["id"] for c in found if c["article_id"] == seeded[0]
    }


def test_search_over_articles_and_query_syntax_is_plain_text(
    client: TestClient, seeded: list[int]
) -> None:
    hits = _all(client, "/v1/articles", q="Mujahid")
    assert hits and all("Mujahid" in a["title"] + a["body"] for a in hits)
    assert _all(client, "/v1/articles", q="zzzunheardofword") == []
    for hostile in ('"', "NEAR(", "soldiers OR", "a*", "-killed", "'); DROP TABLE claim; --"):
        assert client.get("/v1/claims", params={"q": hostile}).status_code == 200
    assert _all(client, "/v1/claims", q="...") == []


def test_search_sees_new_edited_and_deleted_rows(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    # Words no other test's text has, so rows committed elsewhere cannot match.
    body = "Officials in Quillbrook said 12 lamplighters were hurt."
    created = post_article(client, editor_headers, article(body=body))
    hits = _all(client, "/v1/articles", q="Quillbrook lamplighters")
    assert [a["id"] for a in hits] == [created["id"]]
    claims = _all(client, "/v1/claims", q="quillbrook lamplighters")
    assert claims and {c["article_id"] for c in claims} == {created["id"]}
    patched = client.patch(
        f"/v1/claims/{claims[0]['id']}",
        json={"statement": "Officials said twelve Zephyrwatch lifeguards were hurt."},
        headers=editor_headers,
    )
    assert patched.status_code == 200, patched.text
    assert [c["id"] for c in _all(client, "/v1/claims", q="zephyrwatch")] == [claims[0]["id"]]
    deleted = client.delete(f"/v1/articles/{created['id']}", headers=editor_headers)
    assert deleted.status_code == 204
    assert _all(client, "/v1/articles", q="quillbrook") == []
    assert _all(client, "/v1/claims", q="zephyrwatch") == []


def test_search_query_bounds(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims", params={"q": ""}), 422, mentions="query.q")
    assert_problem(client.get("/v1/claims", params={"q": "x" * 201}), 422, mentions="query.q")


def test_sorted_lists_page_in_a_stable_total_order(client: TestClient, seeded: list[int]) -> None:
    every = _all(client, "/v1/claims", limit=100)
    by_sources = _all(client, "/v1/claims", sort="-source_count")
    assert [c["id"] for c in by_sources] == [
        c["id"] for c in sorted(every, key=lambda c: (-c["source_count"], -c["id"]))
    ]
    newest = _all(client, "/v1/claims", sort="-created_at")
    assert [c["id"] for c in newest] == [
        c["id"] for c in sorted(every, key=lambda c: (c["created_at"], c["id"]), reverse=True)
    ]
    articles = {a["id"]: a for a in _all(client, "/v1/articles")}
    published = _all(client, "/v1/claims", sort="-published_at")
    keys = [(articles[c["article_id"]]["published_at"] or "", c["id"]) for c in published]
    assert keys == sorted(keys, reverse=True)
    assert len(published) == len(every)
    oldest = _all(client, "/v1/articles", sort="published_at")
    keys = [(a["published_at"] or "", a["id"]) for a in oldest]
    assert keys == sorted(keys) and len(oldest) == len(articles)


def test_a_cursor_belongs_to_its_sort(client: TestClient, seeded: list[int]) -> None:
    page = client.get("/v1/claims", params={"limit": 2, "sort": "-source_count"}).json()
    assert page["next"]
    other = client.get("/v1/claims", params={"cursor": page["next"], "sort": "-created_at"})
    assert_problem(other, 400, mentions="sort=-source_count")
    plain = client.get("/v1/claims", params={"cursor": page["next"]})
    assert_problem(plain, 400, mentions="sort")
    unsorted = client.get("/v1/claims", params={"limit": 2}).json()["next"]
    assert_problem(
        client.get("/v1/claims", params={"cursor": unsorted, "sort": "-source_count"}), 400
    )
    assert_problem(client.get("/v1/claims", params={"sort": "price"}), 422, mentions="query.sort")
