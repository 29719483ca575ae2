from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import ARMENIA, AZERBAIJAN, FLOODS
from tests.factories import post_article as post
from tests.helpers import assert_problem


def test_articles_group_into_events_by_content_and_date(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    floods = post(client, editor_headers, FLOODS)
    much_later = post(
        client, editor_headers, dict(ARMENIA, body=ARMENIA["body"] + " (Anniversary.)",
                                     published_at="2026-06-02T09:00:00Z")
    )  # fmt: skip
    assert a["event_id"] == b["event_id"]
    assert len({a["event_id"], floods["event_id"], much_later["event_id"]}) == 3

    events = client.get("/v1/events").json()["items"]
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    first = client.get(f"/v1/events/{a['event_id']}")
    assert first.status_code == 200
    assert first.json()["article_count"] == 2
    assert first.json()["start_date"] == first.json()["end_date"] == "2025-06-02"
    assert first.headers["etag"]
    claims = client.get(f"/v1/events/{a['event_id']}/claims").json()["items"]
    assert {c["article_id"] for c in claims} == {a["id"], b["id"]}
    assert all(c["event_id"] == a["event_id"] for c in claims)


def test_an_undated_article_joins_the_event_its_content_matches(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    undated = post(
        client, editor_headers, {k: v for k, v in AZERBAIJAN.items() if k != "published_at"}
    )
    assert undated["event_id"] == a["event_id"]


def test_unknown_events_are_404(client: TestClient) -> None:
    assert_problem(client.get("/v1/events/4242"), 404, mentions="4242")
    assert_problem(client.get("/v1/events/4242/claims"), 404)
    assert_problem(client.get("/v1/events/4242/discrepancies"), 404)
    assert_problem(client.get("/v1/events", params={"cursor": "zz"}), 400)


def test_events_by_date_and_actor_and_their_articles(client: TestClient, seeded: list[int]) -> None:
    events = client.get("/v1/events", params={"limit": 100}).json()["items"]
    dated = [e for e in events if e["start_date"]]
    assert dated
    first = dated[0]
    day = first["start_date"]
    within = client.get("/v1/events", params={"from": day, "to": day, "limit": 100}).json()
    assert first["id"] in [e["id"] for e in within["items"]]
    assert all(e["start_date"] <= day <= e["end_date"] for e in within["items"])
    after_all = client.get("/v1/events", params={"from": "8999-01-01"}).json()["items"]
    assert after_all == []
    backwards = client.get("/v1/events", params={"from": "2025-10-13", "to": "2025-10-12"})
    assert backwards.json()["items"] == []

    articles = client.get(f"/v1/events/{first['id']}/articles", params={"limit": 100}).json()
    assert len(articles["items"]) == first["article_count"]
    assert all(a["event_id"] == first["id"] for a in articles["items"])
    assert client.get("/v1/events/999999/articles").status_code == 404

    claims = client.get(f"/v1/events/{first['id']}/claims", params={"limit": 100}).json()
    actor = next(c["claimant"]["id"] for c in claims["items"] if c["claimant"])
    involving = client.get("/v1/events", params={"actor_id": actor, "limit": 100}).json()
    assert first["id"] in [e["id"] for e in involving["items"]]
    for event in involving["items"]:
        ids = client.get("/v1/claims", params={"event_id": event["id"], "actor_id": actor}).json()[
            "items"
        ]
        assert ids
