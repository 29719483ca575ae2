from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import article, post_actor
from tests.helpers import assert_problem


def test_create_and_find_actor_by_name_or_alias(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    army = post_actor(client, editor_headers, name="Pakistan Armed Forces", kind="military")
    ispr = post_actor(
        client,
        editor_headers,
        name="Inter-Services Public Relations",
        kind="military",
        aliases=["ISPR", "ispr", "I.S.P.R."],
        parent_id=army["id"],
    )
    assert ispr["aliases"] == ["ISPR"]
    assert ispr["parent_id"] == army["id"]

    def found(**params: str) -> list[object]:
        return [a["id"] for a in client.get("/v1/actors", params=params).json()["items"]]

    assert found(q="ispr") == [ispr["id"]]
    assert found(q="Services public") == [ispr["id"]]
    assert found(q="ARMED FORCES") == [army["id"]]
    assert found(kind="military", parent_id=str(army["id"])) == [ispr["id"]]
    assert found(q="nobody at all") == []
    assert_problem(client.get("/v1/actors", params={"kind": "alien"}), 422)
    assert client.get(f"/v1/actors/{ispr['id']}").json() == ispr


def test_duplicate_actor_names_conflict(client: TestClient, editor_headers: dict[str, str]) -> None:
    post_actor(client, editor_headers, name="Reuters", kind="media_outlet")
    clash = client.post(
        "/v1/actors", json={"name": "  reuters. ", "kind": "media_outlet"}, headers=editor_headers
    )
    assert_problem(clash, 409, mentions="reuters")
    assert_problem(client.post("/v1/actors", json={"name": "X", "kind": "other"}), 401)
    bad = client.post("/v1/actors", json={"name": "", "kind": "other"}, headers=editor_headers)
    assert "body.name" in [e["field"] for e in assert_problem(bad, 422)["errors"]]
    missing_parent = client.post(
        "/v1/actors",
        json={"name": "Y", "kind": "other", "parent_id": 987654},
        headers=editor_headers,
    )
    assert_problem(missing_parent, 409, mentions="body.parent_id: no actor with id 987654")


def test_patch_actor_aliases_kind_and_parent(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    country = post_actor(client, editor_headers, name="Afghanistan", kind="country")
    person = post_actor(client, editor_headers, name="Zabihullah Mujahid", kind="other")
    response = client.get(f"/v1/actors/{person['id']}")
    etag = response.headers["etag"]

    changed = client.patch(
        f"/v1/actors/{person['id']}",
        json={"kind": "person", "aliases": ["Mujahid"], "parent_id": country["id"]},
        headers={**editor_headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["kind"] == "person"
    assert changed.json()["aliases"] == ["Mujahid"]
    assert changed.json()["parent_id"] == country["id"]
    assert (
        client.get("/v1/actors", params={"q": "mujahid"}).json()["items"][0]["id"] == person["id"]
    )

    stale = client.patch(
        f"/v1/actors/{person['id']}",
        json={"kind": "other"},
        headers={**editor_headers, "If-Match": etag},
    )
    assert_problem(stale, 412)
    cycle = client.patch(
        f"/v1/actors/{country['id']}", json={"parent_id": person["id"]}, headers=editor_headers
    )
    assert_problem(cycle, 409)
    rename_clash = client.patch(
        f"/v1/actors/{person['id']}", json={"name": "AFGHANISTAN"}, headers=editor_headers
    )
    assert_problem(rename_clash, 409)
    assert_problem(client.patch("/v1/actors/55555", json={}, headers=editor_headers), 404)
    assert_problem(
        client.patch(f"/v1/actors/{person['id']}", json={"kind": None}, headers=editor_headers), 422
    )


def test_actor_claims_lists_claims_involving_the_actor(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    created = client.post("/v1/articles", json=article(), headers=editor_headers).json()
    claims = client.get(f"/v1/articles/{created['id']}/claims").json()["items"]
    claimants = {c["claimant"]["id"] for c in claims if c["claimant"]}
    assert claimants
    for actor_id in claimants:
        listed = client.get(f"/v1/actors/{actor_id}/claims").json()["items"]
        assert listed
        for claim in listed:
            involved = {
                (claim[role] or {}).get("id")
                for role in ("claimant", "relayed_by", "subject_side", "target")
            }
            assert actor_id in involved
    assert_problem(client.get("/v1/actors/31337/claims"), 404)
