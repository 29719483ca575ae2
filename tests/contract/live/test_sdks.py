"""Both SDKs, generated from schemas/openapi.json the way the README says, type-check and
work against a live server: anonymously for reads, with an editor key for writes.

- Python: the locked openapi-python-client in .venv generates `claims_api_client`; mypy
  (strict) checks tests/contract/sdk/consumer.py and the README's snippet against it, with
  no `type: ignore`, then the consumer runs.
- TypeScript: openapi-typescript (node_modules, pinned by package-lock.json) generates
  `schema.d.ts`; `tsc --strict` compiles tests/contract/sdk/consumer.mts, and node runs it.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from api.config import PROJECT_ROOT
from api.inputs import MAX_ID
from tests.contract.harness import LiveServer
from tests.factories import OFFICIAL

SCHEMA = PROJECT_ROOT / "schemas" / "openapi.json"
CONSUMERS = PROJECT_ROOT / "tests" / "contract" / "sdk"
BIN = Path(sys.executable).parent
NODE_BIN = PROJECT_ROOT / "node_modules" / ".bin"


def _run(*args: str | Path, cwd: Path = PROJECT_ROOT, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def readme_snippet(language: str, after: str) -> str:
    """The first ``language`` code block after the line ``after`` in the README."""
    text = (PROJECT_ROOT / "README.md").read_text()
    found = re.search(re.escape(after) + r".*?```" + language + r"\n(.*?)```", text, re.S)
    assert found, f"no {language} block after {after!r} in the README"
    return found.group(1)


@pytest.fixture(scope="module")
def python_sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("sdk") / "claims-client"
    # The README's command, with the generator from .venv (nothing fetched).
    _run(
        BIN / "openapi-python-client",
        "generate",
        "--path",
        SCHEMA,
        "--output-path",
        out,
        "--meta",
        "uv",
    )
    sys.path.insert(0, str(out))
    try:
        yield out
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == "claims_api_client"]:
            del sys.modules[name]


def _mypy_strict(sdk: Path, *files: Path) -> None:
    env = {**os.environ, "MYPYPATH": str(sdk)}
    _run(
        BIN / "mypy",
        "--strict",
        "--no-incremental",
        "--config-file",
        "/dev/null",
        "--python-version",
        "3.11",
        *files,
        env=env,
    )


def test_python_consumer_type_checks_strictly(python_sdk: Path, tmp_path: Path) -> None:
    source = (CONSUMERS / "consumer.py").read_text()
    assert not re.search(r"#\s*type:\s*ignore", source)
    snippet = tmp_path / "readme_snippet.py"
    snippet.write_text(readme_snippet("python", "A Python consumer"))
    _mypy_strict(python_sdk, CONSUMERS / "consumer.py", snippet)


def _consumer() -> ModuleType:
    return importlib.import_module("tests.contract.sdk.consumer")


def test_python_sdk_reads_anonymously_and_writes_with_a_key(
    python_sdk: Path, live_server: LiveServer
) -> None:
    consumer = _consumer()
    article, claim_count = consumer.post_article(
        live_server.base_url, live_server.editor_token, OFFICIAL["title"], OFFICIAL["body"]
    )
    assert claim_count == article.claim_count > 0

    killed = consumer.killed_claims(live_server.base_url)
    assert killed and all(claim.measure == "killed" for claim in killed)
    assert len({claim.id for claim in killed}) == len(killed)  # pages do not overlap

    quote, cut = consumer.quote_of(live_server.base_url, killed[0].id)
    assert quote == cut

    problem = consumer.missing_claim(live_server.base_url, MAX_ID)
    assert problem.status == 404 and problem.type_.startswith("urn:claimsapi:problem:")


def test_typescript_consumer_compiles_strictly_and_runs(
    live_server: LiveServer, tmp_path: Path
) -> None:
    if not (NODE_BIN / "tsc").exists() or shutil.which("node") is None:
        pytest.fail("node and node_modules are needed: run `npm ci` (scripts/contract.sh does)")
    _run(
        NODE_BIN / "openapi-typescript",
        SCHEMA,
        "-o",
        tmp_path / "schema.d.ts",
        "--default-non-nullable=false",
    )
    shutil.copy(CONSUMERS / "consumer.mts", tmp_path / "consumer.mts")
    _run(
        NODE_BIN / "tsc",
        "--strict",
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--lib",
        "es2022,dom",
        "--types",
        "node",
        "--typeRoots",
        PROJECT_ROOT / "node_modules" / "@types",
        "--outDir",
        tmp_path / "out",
        tmp_path / "consumer.mts",
        cwd=tmp_path,
    )
    env = {
        **os.environ,
        "CLAIMS_BASE_URL": live_server.base_url,
        "CLAIMS_TOKEN": live_server.editor_token,
    }
    result = json.loads(_run("node", tmp_path / "out" / "consumer.mjs", env=env))
    assert result["killed"] > 0 and result["claims"] > 0
    assert result["sliced"] == result["quotes"]  # UTF-16 offsets slice the emoji text right
    assert result["url"] is None
