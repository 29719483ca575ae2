"""The command line against a scratch SQLite database."""

from __future__ import annotations

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
