"""`claimsapi export` writes the bytes the HTTP export sends."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from api.main import create_app


@pytest.mark.usefixtures("wired_database")
def test_cli_export_matches_the_http_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a default file name lands here, not in the checkout
    runner = CliRunner()
    assert runner.invoke(app, ["seed"]).exit_code == 0
    with TestClient(create_app()) as client:
        for resource, fmt in (("claims", "csv"), ("claims", "ndjson"), ("events", "ndjson")):
            target = tmp_path / f"{resource}.{fmt}"
            done = runner.invoke(
                app, ["export", resource, "--format", fmt, "--output", str(target)]
            )
            assert done.exit_code == 0, done.output
            served = client.get(f"/v1/export/{resource}", params={"format": fmt})
            assert target.read_bytes() == served.content
            assert served.content
    refused = runner.invoke(app, ["export", "articles", "--format", "csv"])
    assert refused.exit_code != 0 and "csv" in refused.output
    assert list(tmp_path.glob("articles*")) == []  # refused before any file is opened
    unknown = runner.invoke(app, ["export", "widgets"])
    assert unknown.exit_code != 0
