"""The contract over real HTTP: `st run` against uvicorn on PostgreSQL, zero failures.

Every operation, every check (schemathesis.toml), positive and negative data, every
phase (examples, coverage, fuzzing, stateful), with an editor key, through the network
stack a consumer uses. The budget is CONTRACT_MAX_TIME seconds (default 150): fuzzing and
stateful testing go on until it is spent. Cases are drawn anew on every run; the seed is
printed (and CONTRACT_SEED replays one). The output is kept in
build/contract/st-run-postgresql.txt.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from api.config import PROJECT_ROOT
from tests.contract.harness import OPENAPI_URL, LiveServer

OUTPUT = PROJECT_ROOT / "build" / "contract" / "st-run-postgresql.txt"


def st_command(live: LiveServer) -> list[str]:
    command = [
        str(Path(sys.executable).parent / "st"),
        "run",
        live.base_url + OPENAPI_URL,
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-time",
        os.environ.get("CONTRACT_MAX_TIME", "150"),
        "--header",
        f"Authorization: Bearer {live.editor_token}",
        "--generation-database",
        "none",
        "--no-color",
    ]
    if os.environ.get("CONTRACT_MAX_EXAMPLES"):
        command += ["--max-examples", os.environ["CONTRACT_MAX_EXAMPLES"]]
    if os.environ.get("CONTRACT_SEED"):
        command += ["--seed", os.environ["CONTRACT_SEED"]]
    return command


def test_st_run_finds_nothing(live_server: LiveServer) -> None:
    run = subprocess.run(
        st_command(live_server),
        cwd=PROJECT_ROOT,  # where schemathesis.toml is
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(run.stdout + run.stderr, encoding="utf-8")
    assert "Configuration:" in run.stdout and "schemathesis.toml" in run.stdout, run.stdout
    assert run.returncode == 0, f"st run failed (full output in {OUTPUT}):\n{run.stdout[-20000:]}"
