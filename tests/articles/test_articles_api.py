from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from api.auth.models import Role
from tests.factories import article
from tests.helpers import assert_problem


def test_post_article_stores_it_and_returns_location(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    body = "Line one — “quoted”.\r\nLine two with  double  spaces.\n"
    response = client.post("/v1/articles", json=article(body=body), headers=editor_headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["body"] == body
    assert created["publisher"] == "Example News"
    assert created["published_at"].startswith("2025-10-12T08:00:00")
    assert len(created["content_hash"]) == 64
    assert response.headers["location"].endswith(f"/v1/articles/{created['id']}")
    assert response.headers["etag"]

    fetched = client.get(response.headers["location"])
    assert fetched.status_code == 200
    assert fetched.json() == created
    assert fetched.headers["etag"] == response.headers["etag"]


def test_posting_the_same_text_returns_the_existing_article(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    first = client.post("/v1/articles", json=article(), headers=editor_headers)
    again = client.post("/v1/articles", json=article(title="Another title"), headers=editor_headers)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["title"] == "Border clashes"
    listing = client.get("/v1/articles").json()
    assert [a["id"] for a in listing["items"]] == [first.json()["id"]]


def test_same_url_with_other_text_is_a_conflict(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    url = "https://news.example.org/a"
    assert (
        client.post("/v1/articles", json=article(url=url), headers=editor_headers).status_code
        == 201
    )
    clash = client.post(
        "/v1/articles", json=article(url=url, body="Different text."), headers=editor_headers
    )
    assert_problem(clash, 409, mentions=url)
    assert len(client.get("/v1/articles").json()["items"]) == 1


def test_writes_need_an_editor_key(client: TestClient, make_token: Callable[[Role], str]) -> None:
    missing = client.post("/v1/articles", json=article())
    assert_problem(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/v1/articles", json=article(), headers={"Authorization": "Bearer nope"})
    assert_problem(wrong, 401)
    reader = {"Authorization": f"Bearer {make_token(Role.reader)}"}
    assert_problem(client.post("/v1/articles", json=article(), headers=reader), 403)
    admin = {"Authorization": f"Bearer {make_token(Role.admin)}"}
    assert client.post("/v1/articles", json=article(), headers=admin).status_code == 201
    assert client.get("/v1/articles").json()["items"][0]["title"] == "Border clashes"


def test_malformed_bodies_are_422_naming_the_field(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    no_title = {k: v for k, v in article().items() if k != "title"}
    problem = assert_problem(
        client.post("/v1/articles", json=no_title, headers=editor_headers), 422
    )
    assert [e["field"] for e in problem["errors"]] == ["body.title"]
    assert "body.title" in problem["detail"]

    cases = {
        "body.body": article(body="   "),
        "body.url": article(url="not a url"),
        "body.language": article(language="english please"),
        "body.published_at": article(published_at="yesterday"),
        "body.title": article(title="nul\x00byte"),
        "body.extra": article(extra=1),
    }
    for field, payload in cases.items():
        problem = assert_problem(
            client.post("/v1/articles", json=payload, headers=editor_headers), 422
        )
        assert field in [e["field"] for e in problem["errors"]], (field, problem)
    not_json = client.post(
        "/v1/articles",
        content=b"{not json",
        headers={**editor_headers, "Content-Type": "application/json"},
    )
    assert_problem(not_json, 400, mentions="not valid JSON")
    assert client.get("/v1/articles").json()["items"] == []


def test_over_large_body_is_413(client: TestClient, editor_headers: dict[str, str]) -> None:
    huge = article(body="x" * (1024 * 1024 + 10))
    assert_problem(client.post("/v1/articles", json=huge, headers=editor_headers), 413)
    assert client.get("/v1/articles").json()["items"] == []


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    assert_problem(client.get("/v1/articles/999999"), 404, mentions="999999")
    assert_problem(client.get("/v1/articles/abc"), 422)
    assert_problem(client.get(f"/v1/articles/{2**64}"), 422)
    assert_problem(client.get("/v1/articles/999999/claims"), 404)
    assert_problem(client.get("/v1/nowhere"), 404)
    assert_problem(client.put("/v1/articles"), 405)


def test_method_not_allowed_names_every_allowed_method(client: TestClient) -> None:
    for path, allowed in (
        ("/v1/articles", "GET, HEAD, POST"),
        ("/v1/articles/1", "DELETE, GET, HEAD, PATCH"),
        ("/v1/claims/1", "GET, HEAD, PATCH"),
    ):
        response = client.put(path)
        assert_problem(response, 405, mentions=allowed)
        assert response.headers["allow"] == allowed, path


def test_patch_metadata_honours_if_match(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    created = client.post("/v1/articles", json=article(), headers=editor_headers)
    url, etag = created.headers["location"], created.headers["etag"]

    changed = client.patch(
        url, json={"publisher": "Reuters"}, headers={**editor_headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["publisher"] == "Reuters"
    assert changed.json()["body"] == created.json()["body"]
    assert changed.headers["etag"] != etag

    stale = client.patch(url, json={"title": "Late"}, headers={**editor_headers, "If-Match": etag})
    assert_problem(stale, 412)
    assert client.get(url).json()["title"] == "Border clashes"

    body_change = client.patch(url, json={"body": "rewritten"}, headers=editor_headers)
    assert_problem(body_change, 422)
    assert_problem(client.patch(url, json={"title": None}, headers=editor_headers), 422)
    assert_problem(client.patch(url, json={"title": "x"}), 401)
    assert_problem(client.patch("/v1/articles/424242", json={}, headers=editor_headers), 404)


def test_get_honours_if_none_match(client: TestClient, editor_headers: dict[str, str]) -> None:
    created = client.post("/v1/articles", json=article(), headers=editor_headers)
    url, etag = created.headers["location"], created.headers["etag"]
    cached = client.get(url, headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_delete_removes_the_article_and_its_claims(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    created = client.post("/v1/articles", json=article(), headers=editor_headers).json()
    claims = client.get(f"/v1/articles/{created['id']}/claims").json()["items"]
    assert claims, "the sample article has attributed figures"

    assert_problem(client.delete(f"/v1/articles/{created['id']}"), 401)
    response = client.delete(f"/v1/articles/{created['id']}", headers=editor_headers)
    assert response.status_code == 204
    assert_problem(client.get(f"/v1/articles/{created['id']}"), 410)
    for claim in claims:
        assert_problem(client.get(f"/v1/claims/{claim['id']}"), 404)
    assert client.get("/v1/claims", params={"article_id": created["id"]}).json()["items"] == []
    assert_problem(client.delete(f"/v1/articles/{created['id']}", headers=editor_headers), 410)


def test_list_pages_with_cursor_and_link_header(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    ids = [
        client.post(
            "/v1/articles", json=article(body=f"Text number {i}."), headers=editor_headers
        ).json()["id"]
        for i in range(5)
    ]
    seen: list[int] = []
    page = client.get("/v1/articles", params={"limit": 2})
    while True:
        assert page.status_code == 200
        data = page.json()
        seen += [a["id"] for a in data["items"]]
        if data["next"] is None:
            assert "link" not in page.headers
            break
        assert 'rel="next"' in page.headers["link"]
        link = page.headers["link"].split(";")[0].strip("<>")
        # Rows inserted between pages do not disturb what the cursor returns.
        client.post("/v1/articles", json=article(body=f"Late {len(seen)}."), headers=editor_headers)
        page = client.get(link)
    assert seen[:5] == ids
    assert len(seen) == len(set(seen))

    assert_problem(client.get("/v1/articles", params={"cursor": "garbage!"}), 400)
    assert_problem(client.get("/v1/articles", params={"limit": 0}), 422)
    assert_problem(client.get("/v1/articles", params={"limit": 101}), 422)


def test_filter_by_publisher_and_published_range(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    rows = [
        ("Reuters", "2025-10-10T00:00:00Z"),
        ("reuters", "2025-10-12T00:00:00Z"),
        ("AP", "2025-10-12T00:00:00Z"),
        ("Reuters", None),
    ]
    for i, (publisher, published) in enumerate(rows):
        payload = article(body=f"Story {i}.", publisher=publisher, published_at=published)
        assert client.post("/v1/articles", json=payload, headers=editor_headers).status_code == 201

    def bodies(**params: str) -> list[str]:
        return [a["body"] for a in client.get("/v1/articles", params=params).json()["items"]]

    assert bodies(publisher="REUTERS") == ["Story 0.", "Story 1.", "Story 3."]
    assert bodies(published_from="2025-10-11T00:00:00Z") == ["Story 1.", "Story 2."]
    assert bodies(published_to="2025-10-11T00:00:00Z") == ["Story 0."]
    assert bodies(publisher="AP", published_from="2025-10-01T00:00:00Z") == ["Story 2."]
    assert_problem(client.get("/v1/articles", params={"published_from": "soon"}), 422)


def test_inputs_are_exactly_what_the_schema_says(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    typo = assert_problem(client.get("/v1/articles", params={"publsher": "AP"}), 422)
    assert "query.publsher" in typo["detail"]
    assert_problem(client.get("/v1/claims", params={"has_discrepancy": "1"}), 422)
    assert client.get("/v1/claims", params={"has_discrepancy": "true"}).status_code == 200
    for published in (1700000000, "1700000000", "2025-10-12", "2025-10-12T08:00:00"):
        bad = client.post(
            "/v1/articles", json=article(published_at=published), headers=editor_headers
        )
        assert "body.published_at" in [e["field"] for e in assert_problem(bad, 422)["errors"]]
    assert_problem(client.get("/v1/articles", params={"published_from": "2025-01-01"}), 422)
    assert_problem(client.get("/v1/articles", params={"publisher": "A\x00P"}), 422)
    offset = client.post(
        "/v1/articles",
        json=article(published_at="2025-10-12T10:00:00+02:00", title="  Padded  "),
        headers=editor_headers,
    ).json()
    assert offset["published_at"].startswith("2025-10-12T08:00:00")
    assert offset["title"] == "Padded"
