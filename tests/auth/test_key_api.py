"""Key management over the API: admin only, tokens shown once, hashes never."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.auth.models import ApiKey, Role
from api.auth.service import hash_token
from api.db import utcnow
from tests.helpers import assert_problem

ACTOR = {"name": "A", "kind": "other"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def admin(make_token: Callable[[Role], str]) -> dict[str, str]:
    return bearer(make_token(Role.admin))


def key_of(session: Session, token: str) -> ApiKey:
    return session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).one()


def no_secrets(body: Any, session: Session) -> None:
    """No stored hash appears anywhere in a response body."""
    text = str(body)
    for key in session.exec(select(ApiKey)):
        assert key.token_hash not in text
    assert "token_hash" not in text


def test_an_admin_creates_a_key_whose_token_works_once_shown(
    client: TestClient, session: Session, admin: dict[str, str]
) -> None:
    response = client.post(
        "/v1/keys", json={"name": "desk", "role": "editor", "expires_in_days": 30}, headers=admin
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["token"].startswith("ck_") and created["token"].startswith(created["prefix"])
    assert created["role"] == "editor" and created["active"] is True
    assert created["revoked_at"] is None and created["last_used_at"] is None
    assert response.headers["location"].endswith(f"/v1/keys/{created['id']}")
    assert response.headers["cache-control"] == "no-store"
    no_secrets(created, session)

    assert client.post("/v1/actors", json=ACTOR, headers=bearer(created["token"])).is_success
    shown = client.get(f"/v1/keys/{created['id']}", headers=admin)
    assert shown.status_code == 200
    assert "token" not in shown.json()
    assert shown.json()["last_used_at"] is not None
    listed = client.get("/v1/keys", headers=admin)
    assert created["id"] in [k["id"] for k in listed.json()["items"]]
    for body in (shown.json(), listed.json()):
        no_secrets(body, session)
    assert all("token" not in item for item in listed.json()["items"])


def test_revocation_over_the_api_takes_effect_at_once(
    client: TestClient, admin: dict[str, str], make_token: Callable[[Role], str]
) -> None:
    token = make_token(Role.editor)
    assert client.post("/v1/actors", json=ACTOR, headers=bearer(token)).status_code == 201
    key_id = next(
        k["id"]
        for k in client.get("/v1/keys", params={"limit": 100}, headers=admin).json()["items"]
        if token.startswith(k["prefix"])
    )
    assert client.delete(f"/v1/keys/{key_id}", headers=admin).status_code == 204
    response = client.post("/v1/actors", json={**ACTOR, "name": "B"}, headers=bearer(token))
    assert_problem(response, 401, mentions="revoked")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]
    assert_problem(client.get("/v1/articles", headers=bearer(token)), 401)  # reads too
    shown = client.get(f"/v1/keys/{key_id}", headers=admin).json()
    assert shown["revoked_at"] is not None and shown["active"] is False
    # Revoking again changes nothing.
    assert client.delete(f"/v1/keys/{key_id}", headers=admin).status_code == 204
    assert (
        client.get(f"/v1/keys/{key_id}", headers=admin).json()["revoked_at"]
        == (shown["revoked_at"])
    )


def test_an_expired_key_is_refused(
    client: TestClient, session: Session, make_token: Callable[[Role], str]
) -> None:
    token = make_token(Role.editor)
    assert client.post("/v1/actors", json=ACTOR, headers=bearer(token)).status_code == 201
    key = key_of(session, token)
    key.expires_at = utcnow() - timedelta(seconds=1)
    session.add(key)
    session.commit()
    response = client.post("/v1/actors", json={**ACTOR, "name": "B"}, headers=bearer(token))
    assert_problem(response, 401, mentions="expired")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


def test_rotation_issues_a_new_token_and_revokes_the_old(
    client: TestClient, session: Session, admin: dict[str, str], make_token: Callable[[Role], str]
) -> None:
    old_token = make_token(Role.editor)
    old = key_of(session, old_token)
    response = client.post(f"/v1/keys/{old.id}/rotate", headers=admin)
    assert response.status_code == 201, response.text
    new = response.json()
    assert new["id"] != old.id and new["token"] != old_token
    assert (new["name"], new["role"]) == (old.name, old.role)
    no_secrets(new, session)
    assert_problem(client.post("/v1/actors", json=ACTOR, headers=bearer(old_token)), 401)
    assert client.post("/v1/actors", json=ACTOR, headers=bearer(new["token"])).status_code == 201
    # The old key is revoked: it cannot be rotated again.
    assert_problem(client.post(f"/v1/keys/{old.id}/rotate", headers=admin), 409)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/v1/keys", None),
        ("POST", "/v1/keys", {"name": "x", "role": "admin"}),
        ("GET", "/v1/keys/1", None),
        ("DELETE", "/v1/keys/1", None),
        ("POST", "/v1/keys/1/rotate", None),
    ],
)
def test_only_admins_manage_keys(
    client: TestClient,
    make_token: Callable[[Role], str],
    method: str,
    path: str,
    body: dict[str, str] | None,
) -> None:
    assert_problem(client.request(method, path, json=body), 401)
    for role in (Role.reader, Role.editor):
        response = client.request(method, path, json=body, headers=bearer(make_token(role)))
        assert_problem(response, 403, mentions="admin")
        assert 'error="insufficient_scope"' in response.headers["www-authenticate"]


def test_an_admin_can_also_do_what_editors_can(client: TestClient, admin: dict[str, str]) -> None:
    assert client.post("/v1/actors", json=ACTOR, headers=admin).status_code == 201
    assert client.get("/v1/articles", headers=admin).status_code == 200


def test_key_input_is_validated(client: TestClient, admin: dict[str, str]) -> None:
    for body in (
        {"name": "x", "role": "boss"},
        {"name": " ", "role": "reader"},
        {"name": "x", "role": "reader", "expires_in_days": 0},
        {"name": "x", "role": "reader", "expires_in_days": "7"},
        {"name": "x", "role": "reader", "token": "ck_mine"},
    ):
        assert_problem(client.post("/v1/keys", json=body, headers=admin), 422)
    assert_problem(client.get("/v1/keys/999999", headers=admin), 404)
    assert_problem(client.delete("/v1/keys/999999", headers=admin), 404)


def test_last_used_at_is_written_at_most_once_a_minute(
    client: TestClient, session: Session, make_token: Callable[[Role], str]
) -> None:
    token = make_token(Role.reader)
    assert key_of(session, token).last_used_at is None
    assert client.get("/v1/articles", headers=bearer(token)).status_code == 200
    session.expire_all()
    first = key_of(session, token).last_used_at
    assert first is not None
    assert client.get("/v1/articles", headers=bearer(token)).status_code == 200
    session.expire_all()
    assert key_of(session, token).last_used_at == first  # within the minute: no write
    key = key_of(session, token)
    key.last_used_at = first - timedelta(minutes=2)
    session.add(key)
    session.commit()
    assert client.get("/v1/articles", headers=bearer(token)).status_code == 200
    session.expire_all()
    later = key_of(session, token).last_used_at
    assert later is not None and later >= first
