from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.auth.models import ApiKey, Role
from api.auth.service import hash_token
from api.config import Settings, get_settings
from api.db import utcnow
from tests.helpers import assert_problem


def test_keys_are_stored_hashed(session: Session, make_token: Callable[[Role], str]) -> None:
    token = make_token(Role.editor)
    stored = session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).one()
    assert token not in (stored.token_hash, stored.prefix)
    assert token.startswith(stored.prefix)
    assert stored.role == "editor"


def test_reads_can_require_a_reader_key(
    app: FastAPI, client: TestClient, settings: Settings, make_token: Callable[[Role], str]
) -> None:
    assert client.get("/v1/articles").status_code == 200
    app.dependency_overrides[get_settings] = lambda: settings.model_copy(
        update={"require_read_key": True}
    )
    assert_problem(client.get("/v1/articles"), 401)
    assert_problem(client.get("/v1/claims"), 401)
    reader = {"Authorization": f"Bearer {make_token(Role.reader)}"}
    assert client.get("/v1/articles", headers=reader).status_code == 200
    assert client.get("/v1/actors", headers=reader).status_code == 200


def test_revoked_keys_are_refused(
    session: Session, client: TestClient, make_token: Callable[[Role], str]
) -> None:
    token = make_token(Role.editor)
    key = session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).one()
    key.revoked_at = utcnow()
    session.add(key)
    session.commit()
    response = client.post(
        "/v1/actors",
        json={"name": "A", "kind": "other"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert_problem(response, 401, mentions="revoked")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


def test_a_malformed_or_unknown_key_is_refused_even_where_none_is_needed(
    client: TestClient,
) -> None:
    """Reads are open, but a client that sends credentials must learn they were bad."""
    assert client.get("/v1/articles").status_code == 200
    for value in ("ck_not-a-bearer-scheme", "Basic dXNlcjpwdw==", "Bearer", "Bearer ck_unknown"):
        response = client.get("/v1/articles", headers={"Authorization": value})
        problem = assert_problem(response, 401)
        assert "Bearer" in response.headers["www-authenticate"], value
        assert problem["detail"], value
    response = client.post(
        "/v1/actors", json={"name": "A", "kind": "other"}, headers={"Authorization": "Token x"}
    )
    assert "`Bearer <token>`" in assert_problem(response, 401)["detail"]


def test_the_readers_rule_holds_on_every_read_and_a_revocation_on_the_next_request(
    app: FastAPI,
    client: TestClient,
    session: Session,
    settings: Settings,
    seeded: list[int],
    make_token: Callable[[Role], str],
) -> None:
    """Reads declare no key of their own: the /v1 dependency applies the rule to a single
    resource, a list and a sub-list alike, and looks the key up on every request."""
    article_id = seeded[0]
    claim_id = client.get("/v1/claims?limit=1").json()["items"][0]["id"]
    reads = [
        f"/v1/articles/{article_id}",
        f"/v1/articles/{article_id}/claims",
        f"/v1/claims/{claim_id}",
        "/v1/claims?limit=2",
        "/v1/deleted-articles",
    ]
    token = make_token(Role.reader)
    sent = {"Authorization": f"Bearer {token}"}
    for path in reads:
        assert client.get(path).status_code == 200, path
        assert client.get(path, headers=sent).status_code == 200, path
        assert_problem(client.get(path, headers={"Authorization": "Bearer ck_no"}), 401)
    key = session.exec(select(ApiKey).where(ApiKey.token_hash == hash_token(token))).one()
    key.revoked_at = utcnow()
    session.add(key)
    session.commit()
    for path in reads:
        assert_problem(client.get(path, headers=sent), 401, mentions="revoked")
    app.dependency_overrides[get_settings] = lambda: settings.model_copy(
        update={"require_read_key": True}
    )
    for path in reads:
        assert_problem(client.get(path), 401, mentions="needs an API key")
