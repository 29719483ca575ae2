"""Fixtures for the contract tests: schemathesis' schema, a database of their own.

schemathesis sends thousands of requests, some of which the database itself rejects; with
the shared rolled-back session of tests/conftest.py one such error would poison every
later request of the test (PostgreSQL aborts the transaction). So each schemathesis test
gets a fresh database of its own (a temporary SQLite file, or a database named for this
run on the TEST_DATABASE_URL server), migrated, used through the app's real per-request
sessions (no dependency overrides), and dropped afterwards: nothing leaks between tests
or between runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.specs.openapi.schemas import OpenApiSchema
from sqlalchemy import inspect, text
from sqlmodel import Session

from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_engine, make_engine
from api.main import create_app
from api.search import include_name
from tests.contract.harness import OPENAPI_URL, contract_config, max_examples

# The tests against a live server (tests/contract/live/) need a PostgreSQL server, the
# generated SDK and Chromium: scripts/contract.sh sets CONTRACT_LIVE=1 and runs them.
collect_ignore_glob = [] if os.environ.get("CONTRACT_LIVE") == "1" else ["live/*"]

IN_PROCESS_EXAMPLES = 5
"""The suite's budget: a few examples per operation in the fuzzing phase (the examples and
coverage phases are exhaustive by design). scripts/contract.sh spends the real budget over
HTTP; CONTRACT_MAX_EXAMPLES raises this one."""


@pytest.fixture
def contract_settings(wired_database: str) -> Settings:
    """A fresh, migrated database on the suite's kind of server, as DATABASE_URL; dropped
    afterwards."""
    return get_settings()


@pytest.fixture
def contract_app(contract_settings: Settings) -> tuple[FastAPI, dict[str, str]]:
    """The app on the contract database as production wires it (no dependency overrides:
    one session per request from `get_engine()`); and an editor's headers."""
    with Session(get_engine()) as session:
        _, token = create_api_key(session, name="contract editor", role=Role.editor)
    return create_app(contract_settings), {"Authorization": f"Bearer {token}"}


@pytest.fixture
def contract_reset(contract_settings: Settings) -> Iterator[Callable[[], None]]:
    """Empty every table but the API keys, ids starting again at 1 (a clean slate)."""
    engine = make_engine(contract_settings)
    keep = {"apikey", "api_key", "alembic_version"}
    # The search tables follow their tables by triggers (api/search.py).
    tables = [
        t for t in inspect(engine).get_table_names() if t not in keep and include_name(t, "table")
    ]

    def reset() -> None:
        with engine.begin() as conn:
            if contract_settings.is_sqlite:
                for table in tables:
                    conn.execute(text(f'DELETE FROM "{table}"'))
            else:
                names = ", ".join(f'"{table}"' for table in tables)
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))

    try:
        yield reset
    finally:
        engine.dispose()


@pytest.fixture
def contract_headers(contract_app: tuple[FastAPI, dict[str, str]]) -> dict[str, str]:
    return contract_app[1]


@pytest.fixture
def api_schema(contract_app: tuple[FastAPI, dict[str, str]]) -> OpenApiSchema:
    config = contract_config(examples=max_examples(IN_PROCESS_EXAMPLES))
    return schemathesis.openapi.from_asgi(OPENAPI_URL, contract_app[0], config=config)
