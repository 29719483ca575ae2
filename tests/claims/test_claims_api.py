from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import assert_problem


def test_every_seed_claim_quotes_its_article_exactly(client: TestClient, seeded: list[int]) -> None:
    total = 0
    for article_id in seeded:
        body = client.get(f"/v1/articles/{article_id}").json()["body"]
        cursor = None
        while True:
            params: dict[str, str | int] = {"limit": 100, "article_id": article_id}
            if cursor:
                params["cursor"] = cursor
            page = client.get("/v1/claims", params=params).json()
            for claim in page["items"]:
                ev = claim["evidence"]
                assert body[ev["start"] : ev["end"]] == ev["quote"]
                assert claim["article_id"] == article_id
                total += 1
            cursor = page["next"]
            if cursor is None:
                break
    assert total >= 20


def test_claim_filters(client: TestClient, seeded: list[int]) -> None:
    killed = client.get("/v1/claims", params={"measure": "killed", "limit": 100}).json()["items"]
    assert killed
    assert all(c["measure"] == "killed" for c in killed)
    one = killed[0]
    assert one["claimant"] is not None or any(c["claimant"] for c in killed)
    with_claimant = next(c for c in killed if c["claimant"])
    by_claimant = client.get(
        "/v1/claims", params={"claimant_id": with_claimant["claimant"]["id"], "limit": 100}
    ).json()["items"]
    assert with_claimant["id"] in [c["id"] for c in by_claimant]
    assert all(c["claimant"]["id"] == with_claimant["claimant"]["id"] for c in by_claimant)
    disputed = client.get("/v1/claims", params={"status": "disputed"}).json()["items"]
    assert disputed and all(c["status"] == "disputed" for c in disputed)
    # `reviewed` is an editor's mark, not a derived status: refused as a status.
    assert_problem(client.get("/v1/claims", params={"status": "reviewed"}), 422)
    linked = client.get("/v1/claims", params={"has_discrepancy": True, "limit": 100}).json()
    assert all(c["discrepancy_ids"] for c in linked["items"])
    unlinked = client.get("/v1/claims", params={"has_discrepancy": False, "limit": 100}).json()
    assert all(not c["discrepancy_ids"] for c in unlinked["items"])
    assert_problem(client.get("/v1/claims", params={"status": "maybe"}), 422)
    assert_problem(client.get("/v1/claims", params={"article_id": 0}), 422)


def test_patch_claim_marks_it_edited(
    client: TestClient, editor_headers: dict[str, str], seeded: list[int]
) -> None:
    claim = client.get("/v1/claims", params={"measure": "killed"}).json()["items"][0]
    url = f"/v1/claims/{claim['id']}"
    etag = client.get(url).headers["etag"]
    actor = client.post(
        "/v1/actors", json={"name": "Test Ministry", "kind": "government"}, headers=editor_headers
    ).json()

    response = client.patch(
        url,
        json={
            "claimant_id": actor["id"],
            "quantity": {
                "text": "2,500 to 2,700 km",
                "qualifier": "range",
                "lower": 2700,
                "upper": 2500,
                "unit": "km",
            },
            "reviewed": True,
        },
        headers={**editor_headers, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["edited"] is True
    assert body["reviewed"] is True
    assert body["status"] in {"single_source", "corroborated", "disputed"}  # derived, never set
    assert body["verdict"] is None
    assert body["claimant"]["id"] == actor["id"]
    assert body["quantity"]["base_unit"] == "m"
    assert body["quantity"]["lower"] == 2500
    assert body["quantity"]["upper"] == 2700
    assert body["quantity"]["base_lower"] == 2_500_000
    assert body["evidence"] == claim["evidence"]
    assert client.get(url).json() == body

    assert_problem(
        client.patch(url, json={"reviewed": False}, headers={**editor_headers, "If-Match": etag}),
        412,
    )
    missing = client.patch(url, json={"claimant_id": 999999}, headers=editor_headers)
    assert_problem(missing, 409, mentions="body.claimant_id: no actor with id 999999")
    shapes = [
        {"text": "x", "qualifier": "range", "lower": 5},
        {"text": "x", "qualifier": "exact", "lower": 5, "upper": 5},
        {"text": "x", "qualifier": "more_than", "value": 5},
        {"text": "x", "qualifier": "exact", "value": "5"},
        {"text": "x", "qualifier": "sort of", "value": 5},
    ]
    for shape in shapes:
        bad = client.patch(url, json={"quantity": shape}, headers=editor_headers)
        assert_problem(bad, 422)
    unknown_unit = {"text": "3 zorks", "qualifier": "exact", "value": 3, "unit": "zork"}
    assert_problem(
        client.patch(url, json={"quantity": unknown_unit}, headers=editor_headers),
        422,
        mentions="unknown unit",
    )
    for name in ("KM", " km", "km "):  # exactly as the schema's enum spells them
        wrong = {"text": "3", "qualifier": "exact", "value": 3, "unit": name}
        assert_problem(client.patch(url, json={"quantity": wrong}, headers=editor_headers), 422)
    # Canonical symbols the API returns are accepted back (`nmi` is no surface form).
    for name, symbol in (("nautical miles", "nmi"), ("nmi", "nmi"), ("USD", "USD")):
        given = {"text": "3", "qualifier": "exact", "value": 3, "unit": name}
        sent = client.patch(url, json={"quantity": given}, headers=editor_headers)
        assert sent.status_code == 200, sent.text
        assert sent.json()["quantity"]["unit"] == symbol
    point = {"text": "some nine", "qualifier": "approximately", "value": 9}
    nine = client.patch(url, json={"quantity": point}, headers=editor_headers).json()["quantity"]
    assert (nine["lower"], nine["upper"], nine["unit"]) == (9, 9, None)
    more = {"text": "more than 200", "qualifier": "more_than", "lower": 200}
    above = client.patch(url, json={"quantity": more}, headers=editor_headers).json()["quantity"]
    assert (above["lower"], above["upper"], above["strict_lower"]) == (200, None, True)
    assert_problem(client.patch(url, json={"statement": None}, headers=editor_headers), 422)
    assert_problem(client.patch(url, json={"reviewed": 1}, headers=editor_headers), 422)
    assert_problem(client.patch(url, json={"statement": "  "}, headers=editor_headers), 422)
    assert_problem(client.patch(url, json={"reviewed": True}), 401)
    assert (
        client.patch(url, json={"claimant_id": None}, headers=editor_headers).json()["claimant"]
        is None
    )


def test_unknown_claim_is_404(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims/123456789"), 404, mentions="123456789")
    assert_problem(client.get("/v1/claims/0"), 422)
