"""Requests the schema marks malformed get the status the document gives, never a 500:
cursors, `If-Match`, bodies that are not JSON, and dates outside the accepted years."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from api.common import encode_cursor
from tests.factories import article
from tests.helpers import assert_problem


def _forged(payload: object) -> str:
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        _forged({"after": 2**63}),
        _forged({"after": 2**31}),
        _forged({"after": -1}),
        _forged({"after": 1.5}),
        _forged({"after": True}),
        _forged({"after": "1"}),
        _forged([1]),
        _forged("after"),
        "0" * 200,
        "x" * 201,
        "abc=",
        "a+b/",
        "é",
    ],
)
def test_any_cursor_this_api_did_not_issue_is_400(client: TestClient, cursor: str) -> None:
    for path in ("/v1/articles", "/v1/claims", "/v1/events", "/v1/actors/1/claims"):
        response = client.get(path, params={"cursor": cursor})
        if response.status_code != 404:  # /v1/actors/1 may not exist
            assert_problem(response, 400)


def test_an_issued_cursor_is_accepted(client: TestClient) -> None:
    response = client.get("/v1/articles", params={"cursor": encode_cursor(2**31 - 1)})
    assert response.status_code == 200, response.text


def test_malformed_if_match_is_400_and_a_stale_one_412(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    created = client.post("/v1/articles", json=article(), headers=editor_headers)
    url = f"/v1/articles/{created.json()['id']}"
    for value in ("", "0", "abc", '"unterminated', 'W/"a" "b"'):
        headers = {**editor_headers, "If-Match": value}
        assert_problem(client.patch(url, json={}, headers=headers), 400, mentions="If-Match")
    stale = {**editor_headers, "If-Match": '"0123", W/"4567"'}
    assert_problem(client.patch(url, json={"publisher": "X"}, headers=stale), 412)
    current = {**editor_headers, "If-Match": f'"x", {created.headers["ETag"]}'}
    assert client.patch(url, json={"publisher": "X"}, headers=current).status_code == 200


def test_body_that_is_not_json_is_400_and_a_non_json_type_415(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    as_json = {**editor_headers, "Content-Type": "application/json"}
    for raw in (b"{", b'{"title": "a",}', b"\xff\xfe\xfa", b'{"title": "\xc3"}'):
        assert_problem(client.post("/v1/articles", content=raw, headers=as_json), 400)
    text = json.dumps(article()).encode()
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        headers = {**editor_headers, "Content-Type": content_type}
        response = client.post("/v1/articles", content=text, headers=headers)
        assert_problem(response, 415, mentions=content_type)
    other_json = {**editor_headers, "Content-Type": "application/merge-patch+json"}
    assert client.post("/v1/articles", content=text, headers=other_json).status_code == 201


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "9999-12-31T23:59:59Z",
        "0999-12-31T23:59:59Z",
        "9000-01-01T00:00:00Z",
        "2025-10-12T23:59:60Z",
    ],
)
def test_dates_outside_the_accepted_years_are_422_naming_the_field(
    client: TestClient, editor_headers: dict[str, str], value: str
) -> None:
    listed = assert_problem(client.get("/v1/articles", params={"published_from": value}), 422)
    assert [e["field"] for e in listed["errors"]] == ["query.published_from"]
    posted = client.post("/v1/articles", json=article(published_at=value), headers=editor_headers)
    assert [e["field"] for e in assert_problem(posted, 422)["errors"]] == ["body.published_at"]


def test_dates_at_the_ends_of_the_accepted_years_are_stored(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    for i, value in enumerate(("1000-01-01T00:00:00+23:59", "8999-12-31T23:59:59-23:59")):
        body = article(body=f"The army said {i + 3} soldiers were killed.", published_at=value)
        posted = client.post("/v1/articles", json=body, headers=editor_headers)
        assert posted.status_code == 201, posted.text
    last = client.get("/v1/articles", params={"published_from": "8999-12-31T00:00:00Z"})
    assert last.status_code == 200
    assert [a["published_at"][:4] for a in last.json()["items"]] == ["9000"]


def test_a_422_from_the_service_names_its_fields_like_a_validation_error(
    client: TestClient,
) -> None:
    typo = client.get("/v1/articles", params={"publishr": "X", "limt": 5})
    body = assert_problem(typo, 422, mentions="query.limt, query.publishr")
    assert sorted(e["field"] for e in body["errors"]) == ["query.limt", "query.publishr"]
    assert {e["type"] for e in body["errors"]} == {"extra_forbidden"}
