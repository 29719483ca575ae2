"""Merging two actor records for one body: everything moves to the survivor."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.actors.models import Actor
from tests.factories import ARMENIA, post_actor, post_article
from tests.helpers import assert_problem


def _killed(client: TestClient, article_id: int) -> dict[str, Any]:
    claims = client.get(f"/v1/articles/{article_id}/claims").json()["items"]
    (claim,) = [c for c in claims if c["measure"] == "killed"]
    return dict(claim)


def _merge(
    client: TestClient, headers: dict[str, str], merged: int, into: object
) -> Any:  # httpx.Response
    return client.post(f"/v1/actors/{merged}/merge", json={"into": into}, headers=headers)


def test_merge_moves_claims_aliases_and_children_and_redirects(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    survivor = post_actor(client, editor_headers, name="Ministry of Defence", kind="government")
    twin = post_actor(
        client,
        editor_headers,
        name="Defence Ministry",
        kind="government",
        aliases=["MoD", "Ministry of Defence HQ"],
    )
    press = post_actor(
        client, editor_headers, name="MoD press office", kind="government", parent_id=twin["id"]
    )
    # The survivor has an alias the twin has too: it is kept once.
    client.patch(f"/v1/actors/{survivor['id']}", json={"aliases": ["MoD"]}, headers=editor_headers)
    article = post_article(client, editor_headers, ARMENIA)
    claim = _killed(client, article["id"])
    patched = client.patch(
        f"/v1/claims/{claim['id']}",
        json={"claimant_id": twin["id"], "relayed_by_id": twin["id"], "target_id": twin["id"]},
        headers=editor_headers,
    )
    assert patched.status_code == 200, patched.text

    etag = client.get(f"/v1/actors/{twin['id']}").headers["etag"]
    stale = client.post(
        f"/v1/actors/{twin['id']}/merge",
        json={"into": survivor["id"]},
        headers={**editor_headers, "If-Match": '"stale"'},
    )
    assert_problem(stale, 412)
    merged = client.post(
        f"/v1/actors/{twin['id']}/merge",
        json={"into": survivor["id"]},
        headers={**editor_headers, "If-Match": etag},
    )
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["id"] == survivor["id"]
    assert body["name"] == "Ministry of Defence"
    assert sorted(body["aliases"]) == sorted(["MoD", "Defence Ministry", "Ministry of Defence HQ"])
    assert merged.headers["etag"]

    moved = client.get(f"/v1/claims/{claim['id']}").json()
    for field in ("claimant", "relayed_by", "target"):
        assert moved[field]["id"] == survivor["id"], field
    assert client.get(f"/v1/actors/{press['id']}").json()["parent_id"] == survivor["id"]
    survivor_claims = client.get(f"/v1/actors/{survivor['id']}/claims").json()["items"]
    assert [c["id"] for c in survivor_claims] == [claim["id"]]
    assert (
        client.get("/v1/actors", params={"q": "defence ministry"}).json()["items"][0]["id"]
        == survivor["id"]
    )

    redirect = client.get(f"/v1/actors/{twin['id']}", follow_redirects=False)
    assert redirect.status_code == 308
    assert redirect.headers["location"] == f"/v1/actors/{survivor['id']}"
    assert (
        client.get(f"/v1/actors/{twin['id']}").json()
        == client.get(f"/v1/actors/{survivor['id']}").json()
    )
    head = client.head(f"/v1/actors/{twin['id']}", follow_redirects=False)
    assert head.status_code == 308
    claims_redirect = client.get(
        f"/v1/actors/{twin['id']}/claims", params={"limit": 5}, follow_redirects=False
    )
    assert claims_redirect.status_code == 308
    assert claims_redirect.headers["location"] == f"/v1/actors/{survivor['id']}/claims?limit=5"
    assert twin["id"] not in [a["id"] for a in client.get("/v1/actors?limit=100").json()["items"]]
    assert_problem(
        client.patch(f"/v1/actors/{twin['id']}", json={"kind": "other"}, headers=editor_headers),
        404,
        mentions=f"merged into actor {survivor['id']}",
    )

    # Merging the survivor on: the old redirect leads to the newest survivor.
    third = post_actor(client, editor_headers, name="Armed Forces Ministry", kind="government")
    assert _merge(client, editor_headers, survivor["id"], third["id"]).status_code == 200
    again = client.get(f"/v1/actors/{twin['id']}", follow_redirects=False)
    assert again.headers["location"] == f"/v1/actors/{third['id']}"
    assert_problem(
        _merge(client, editor_headers, press["id"], twin["id"]),
        409,
        mentions=f"actor {twin['id']} was merged into actor {third['id']}",
    )


def test_merges_that_are_refused(client: TestClient, editor_headers: dict[str, str]) -> None:
    parent = post_actor(client, editor_headers, name="Ministry of the Interior", kind="government")
    child = post_actor(
        client, editor_headers, name="Border Police", kind="government", parent_id=parent["id"]
    )
    grandchild = post_actor(
        client,
        editor_headers,
        name="Border Police spokesman",
        kind="person",
        parent_id=child["id"],
    )
    assert_problem(
        _merge(client, editor_headers, parent["id"], parent["id"]), 409, mentions="itself"
    )
    assert_problem(
        _merge(client, editor_headers, parent["id"], grandchild["id"]),
        409,
        mentions=f"actor {grandchild['id']} belongs to actor {parent['id']}",
    )
    assert_problem(
        _merge(client, editor_headers, parent["id"], 987654),
        409,
        mentions="body.into: no actor with id 987654",
    )
    assert_problem(_merge(client, editor_headers, 987654, parent["id"]), 404)
    assert_problem(client.post(f"/v1/actors/{parent['id']}/merge", json={"into": child["id"]}), 401)
    bad = client.post(
        f"/v1/actors/{parent['id']}/merge", json={"into": "x"}, headers=editor_headers
    )
    assert "body.into" in [e["field"] for e in assert_problem(bad, 422)["errors"]]
    assert_problem(
        client.post(f"/v1/actors/{parent['id']}/merge", json={}, headers=editor_headers), 422
    )
    # A child merged into its parent: its own children move up to the parent.
    assert _merge(client, editor_headers, child["id"], parent["id"]).status_code == 200
    assert client.get(f"/v1/actors/{grandchild['id']}").json()["parent_id"] == parent["id"]


def test_a_merged_id_is_never_given_to_a_new_actor(
    client: TestClient, editor_headers: dict[str, str], session: Session
) -> None:
    keep = post_actor(client, editor_headers, name="Red Crescent", kind="organization")
    newest = post_actor(client, editor_headers, name="Red Crescent Society", kind="organization")
    assert _merge(client, editor_headers, newest["id"], keep["id"]).status_code == 200
    fresh = post_actor(client, editor_headers, name="Civil Defence", kind="government")
    assert fresh["id"] > newest["id"]
    assert session.exec(select(Actor).where(Actor.id == newest["id"])).first() is None


TWO_RECORDS = {
    "title": "Soldiers killed in border clashes",
    "publisher": "Daily Ledger",
    "published_at": "2025-06-02T09:00:00Z",
    "body": "The Armenian Defence Ministry said that 14 of its soldiers were killed in the "
    "clashes near Tegh on Sunday. The Defence Ministry said that 20 soldiers were killed in "
    "the clashes near Tegh.",
}


def test_a_merge_that_makes_one_party_of_two_removes_their_discrepancy(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    """Two records for one body give one report's figures as two parties, which conflict;
    once merged, they are one party's figures in one report (not a discrepancy), so the
    conflict goes, and an editor's note on it is kept (orphaned)."""
    first = post_actor(
        client, editor_headers, name="Armenian Defence Ministry X", kind="government"
    )
    second = post_actor(client, editor_headers, name="Defence Ministry X", kind="government")
    country = post_actor(client, editor_headers, name="Republic of Armenia", kind="country")
    article = post_article(client, editor_headers, TWO_RECORDS)

    def figures() -> list[dict[str, Any]]:
        items = client.get(f"/v1/articles/{article['id']}/claims").json()["items"]
        return [c for c in items if c["measure"] == "killed"]

    assert len(figures()) == 2, figures()
    for claim, claimant in zip(figures(), (first, second), strict=True):
        patched = client.patch(
            f"/v1/claims/{claim['id']}",
            json={"claimant_id": claimant["id"], "subject_side_id": country["id"]},
            headers=editor_headers,
        )
        assert patched.status_code == 200, patched.text
    fourteen, twenty = figures()
    assert fourteen["status"] == twenty["status"] == "disputed", (fourteen, twenty)
    (conflict_id,) = set(fourteen["discrepancy_ids"]) & set(twenty["discrepancy_ids"])
    assert client.get(f"/v1/discrepancies/{conflict_id}").json()["kind"] == "conflicting_figures"
    noted = client.patch(
        f"/v1/discrepancies/{conflict_id}",
        json={"note": "Two records of one ministry?"},
        headers=editor_headers,
    )
    assert noted.status_code == 200, noted.text

    assert _merge(client, editor_headers, second["id"], first["id"]).status_code == 200

    fourteen, twenty = figures()
    assert fourteen["claimant"]["id"] == twenty["claimant"]["id"] == first["id"]
    assert fourteen["discrepancy_ids"] == twenty["discrepancy_ids"] == []
    assert fourteen["status"] == twenty["status"] == "single_source"
    kept = client.get(f"/v1/discrepancies/{conflict_id}").json()
    assert kept["note"] == "Two records of one ministry?"
    assert kept["orphaned_at"] is not None
    disputed = client.get("/v1/claims", params={"status": "disputed"}).json()["items"]
    assert {fourteen["id"], twenty["id"]}.isdisjoint(c["id"] for c in disputed)
