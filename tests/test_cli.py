"""The command line against a scratch SQLite database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.config import get_settings
from api.db import get_engine


@pytest.fixture
def scratch_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield url
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


def test_migrate_seed_twice_key_and_reextract(scratch_db: str) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    first = runner.invoke(app, ["seed"])
    assert first.exit_code == 0, first.output
    assert "[5/5]" in first.output
    assert "seeds: 5 new, 0 already stored" in first.output
    second = runner.invoke(app, ["seed"])
    assert "seeds: 0 new, 5 already stored" in second.output

    key = runner.invoke(app, ["create-key", "--name", "desk", "--role", "editor"])
    assert key.exit_code == 0
    assert key.stdout.strip().startswith("ck_")
    bad = runner.invoke(app, ["create-key", "--name", "desk", "--role", "boss"])
    assert bad.exit_code == 2

    again = runner.invoke(app, ["reextract"])
    assert "0 article(s) to re-extract" in again.output
    everything = runner.invoke(app, ["reextract", "--all"])
    assert everything.exit_code == 0
    assert "5 article(s) to re-extract" in everything.output
    assert "0 added, 0 removed" in everything.output


def test_evaluate_meets_the_targets(scratch_db: str) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--check"])
    assert result.exit_code == 0, result.output
    assert "required-claim recall : 1.000" in result.output
    assert "discrepancy recall    : 1.000" in result.output


def test_seed_refuses_a_missing_folder(scratch_db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["seed", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


SECRET = "s3cret-Passw0rd"


def test_a_database_error_is_one_line_without_the_password() -> None:
    """The real entry point, as a user runs it: no traceback, no locals, no password."""
    env = {
        **os.environ,
        "DATABASE_URL": f"postgresql://postgres:{SECRET}@127.0.0.1:1/nowhere",
        "COLUMNS": "200",
    }
    cli = Path(sys.executable).parent / "claimsapi"
    for command in (["migrate"], ["seed"], ["create-key", "--name", "desk"]):
        done = subprocess.run(
            [str(cli), *command], env=env, capture_output=True, text=True, timeout=60
        )
        output = done.stdout + done.stderr
        assert done.returncode == 1, output
        assert SECRET not in output
        assert "Traceback" not in output
        lines = output.strip().splitlines()
        assert len(lines) == 1, output
        assert lines[0].startswith(
            "error: cannot connect to the database at postgresql://postgres:***@127.0.0.1:1/nowhere"
        ), output


def test_an_invalid_setting_is_one_line_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"mysql://root:{SECRET}@localhost/db")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["migrate"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert SECRET not in result.output
    assert result.output.startswith("error: invalid setting DATABASE_URL")
    assert len(result.output.strip().splitlines()) == 1
