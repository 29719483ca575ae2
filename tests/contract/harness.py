"""What the contract tests share: schemathesis' configuration and the live server's handle.

The checks come from `schemathesis.toml` at the repository root, the file `st run` reads,
so the in-process tests and the run over HTTP judge responses the same way; only the
budget and the generation differ.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemathesis.config import SchemathesisConfig

from api.config import PROJECT_ROOT

OPENAPI_URL = "/v1/openapi.json"
ST_CONFIG = PROJECT_ROOT / "schemathesis.toml"


def max_examples(default: int) -> int:
    """Examples per operation in the fuzzing phase: CONTRACT_MAX_EXAMPLES or ``default``."""
    return int(os.environ.get("CONTRACT_MAX_EXAMPLES", str(default)))


def explore() -> bool:
    """CONTRACT_RANDOM=1: new random cases on every run, to look for what a fixed sample
    has not found. The in-process sample is derandomized by default, so the suite is
    reproducible; the run over HTTP (scripts/contract.sh) draws new cases every time."""
    return os.environ.get("CONTRACT_RANDOM") == "1"


def contract_config(*, examples: int, **extra: Any) -> SchemathesisConfig:
    """schemathesis.toml, with positive and negative data and ``examples`` per operation."""
    data: dict[str, Any] = tomllib.loads(ST_CONFIG.read_text(encoding="utf-8"))
    data["generation"] = {"mode": "all", "max-examples": examples, "deterministic": not explore()}
    return SchemathesisConfig.from_dict(data | extra, base_dir=str(PROJECT_ROOT))


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    database_url: str
    editor_token: str
    log: Path

    @property
    def editor_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.editor_token}"}
