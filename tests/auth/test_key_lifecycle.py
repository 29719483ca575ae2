"""Keys as production uses them: the app's own sessions, the CLI on the same database."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from alembic import command
from api.cli import app as cli
from api.config import Settings
from api.db import make_engine
from api.main import create_app
from tests.databases import alembic_config
from tests.helpers import assert_problem

ACTOR = {"name": "A", "kind": "other"}


def _create(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, ["create-key", "--name", "desk", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_revocation_and_rotation_on_the_command_line_take_effect_at_once(
    wired_database: str,
) -> None:
    runner = CliRunner()
    token = _create(runner, "--role", "editor", "--expires-in-days", "7")
    client = TestClient(create_app(), raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.post("/v1/actors", json=ACTOR, headers=headers).status_code == 201

    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.exit_code == 0, listed.output
    assert "active" in listed.output and token[:10] in listed.output
    assert token not in listed.output

    rotated = runner.invoke(cli, ["keys", "rotate", "1"])
    assert rotated.exit_code == 0, rotated.output
    new_token = rotated.stdout.strip()
    assert new_token.startswith("ck_") and new_token != token
    assert_problem(client.post("/v1/actors", json=ACTOR, headers=headers), 401)
    new_headers = {"Authorization": f"Bearer {new_token}"}
    assert client.post("/v1/actors", json={**ACTOR, "name": "B"}, headers=new_headers).is_success

    revoked = runner.invoke(cli, ["keys", "revoke", "2"])
    assert revoked.exit_code == 0, revoked.output
    assert_problem(client.get("/v1/articles", headers=new_headers), 401, mentions="revoked")
    listed = runner.invoke(cli, ["keys", "list"])
    assert listed.output.count("revoked") == 2

    assert runner.invoke(cli, ["keys", "revoke", "99"]).exit_code == 1
    assert runner.invoke(cli, ["keys", "rotate", "2"]).exit_code == 1  # revoked already
    assert runner.invoke(cli, ["create-key", "--name", "x", "--expires-in-days", "0"]).exit_code


def test_an_admin_key_from_the_command_line_manages_keys_over_the_api(
    wired_database: str,
) -> None:
    admin = {"Authorization": f"Bearer {_create(CliRunner(), '--role', 'admin')}"}
    client = TestClient(create_app(), raise_server_exceptions=False)
    created = client.post("/v1/keys", json={"name": "bot", "role": "reader"}, headers=admin)
    assert created.status_code == 201, created.text
    reader = {"Authorization": f"Bearer {created.json()['token']}"}
    assert client.get("/v1/articles", headers=reader).status_code == 200
    assert client.delete(f"/v1/keys/{created.json()['id']}", headers=admin).status_code == 204
    assert_problem(client.get("/v1/articles", headers=reader), 401)
    last_used = client.get(f"/v1/keys/{created.json()['id']}", headers=admin).json()
    assert last_used["last_used_at"] is not None


def test_the_migration_keeps_revoked_keys_revoked_both_ways(scratch_database_url: str) -> None:
    engine = make_engine(Settings(database_url=scratch_database_url))
    try:
        with engine.begin() as conn:
            cfg = alembic_config(conn)
            command.upgrade(cfg, "242e2d986edb")
            conn.execute(
                text(
                    "INSERT INTO api_key (name, role, prefix, token_hash, revoked, created_at) "
                    "VALUES ('old', 'editor', 'ck_a', 'a', :yes, '2025-01-01 00:00:00'), "
                    "('live', 'editor', 'ck_b', 'b', :no, '2025-01-01 00:00:00')"
                ),
                {"yes": True, "no": False},
            )
            command.upgrade(cfg, "head")
            found = conn.execute(text("SELECT name, revoked_at FROM api_key")).tuples()
            rows: dict[str, object] = dict(found.all())
            assert rows["old"] is not None and rows["live"] is None
            command.downgrade(cfg, "242e2d986edb")
            found = conn.execute(text("SELECT name, revoked FROM api_key")).tuples()
            rows = dict(found.all())
            assert bool(rows["old"]) is True and bool(rows["live"]) is False
    finally:
        engine.dispose()
