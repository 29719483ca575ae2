"""Fixtures for the contract tests: schemathesis configuration, a database of their own.

schemathesis sends thousands of requests, some of which the database itself rejects; with
the shared rolled-back session of tests/conftest.py one such error would poison every
later request of the test (PostgreSQL aborts the transaction). So each schemathesis test
gets a fresh database of its own (a temporary SQLite file, or the scratch PostgreSQL
database `claimsapi_contract_asgi` next to TEST_DATABASE_URL), migrated, used through the
app's real per-request sessions, and dropped afterwards: nothing leaks between tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import schemathesis
from fastapi import FastAPI
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.schemas import BaseOpenAPISchema
from sqlalchemy import inspect, text
from sqlmodel import Session

from alembic import command
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import Settings, get_settings
from api.db import get_session, make_engine
from api.main import create_app
from tests.conftest import alembic_config

OPENAPI_URL = "/v1/openapi.json"
SCRATCH_DB = "claimsapi_contract_asgi"

# The tests against a live server (tests/contract/live/) need a PostgreSQL server, the
# generated SDK and Chromium: scripts/contract.sh sets CONTRACT_LIVE=1 and runs them.
collect_ignore_glob = [] if os.environ.get("CONTRACT_LIVE") == "1" else ["live/*"]


def max_examples() -> int:
    """Examples per operation and phase: CONTRACT_MAX_EXAMPLES, 100 by default."""
    return int(os.environ.get("CONTRACT_MAX_EXAMPLES", "100"))


def explore() -> bool:
    """CONTRACT_RANDOM=1: new random cases on every run, to look for what a fixed sample
    has not found. By default the sample is derandomized (Hypothesis `derandomize`), so a
    CI run is reproducible: schemathesis 4.3 occasionally labels a valid request negative
    (a "mutation" of a parameter's `description` sent without the parameter), and a
    randomly drawn false positive must not decide whether a change lands."""
    return os.environ.get("CONTRACT_RANDOM") == "1"


def generation(mode: str) -> dict[str, Any]:
    return {"mode": mode, "max-examples": max_examples(), "deterministic": not explore()}


# Statuses a schema-valid request may legitimately get besides 2xx/401/403/404: the schema
# cannot say which cursors this API issued (400), which URLs are stored already (409), or
# which ETag is current (412); `If-None-Match: *` answers 304.
POSITIVE_STATUSES = ["2xx", "304", "400", "401", "403", "404", "409", "412"]


def contract_config(**extra: Any) -> SchemathesisConfig:
    """Every check schemathesis has, positive and negative data, CONTRACT_MAX_EXAMPLES."""
    return SchemathesisConfig.from_dict(
        {
            "generation": generation("all"),
            "checks": {
                "enabled": True,
                "positive_data_acceptance": {"expected-statuses": POSITIVE_STATUSES},
            },
            "phases": {"stateful": {"max-steps": 30}},
        }
        | extra
    )


def _server_url(url: str, database: str) -> str:
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    base, _, _ = plain.rpartition("/")
    return f"{base}/{database}"


@pytest.fixture
def contract_settings(settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    """A fresh, migrated database on the suite's kind of server; dropped afterwards."""
    admin: str | None = None
    if settings.is_sqlite:
        url = f"sqlite:///{tmp_path / 'contract.db'}"
    else:
        admin = _server_url(settings.database_url, settings.database_url.rsplit("/", 1)[-1])
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {SCRATCH_DB}")
        url = _server_url(settings.database_url, SCRATCH_DB)
    contract = Settings(database_url=url)
    engine = make_engine(contract)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()
    try:
        yield contract
    finally:
        if admin is not None:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")


@pytest.fixture
def contract_app(contract_settings: Settings) -> Iterator[tuple[FastAPI, dict[str, str]]]:
    """The app on the contract database, one session per request; and an editor's headers."""
    engine = make_engine(contract_settings)
    with Session(engine) as session:
        _, token = create_api_key(session, name="contract editor", role=Role.editor)
    application = create_app(contract_settings)

    def _session() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session:
            yield session

    application.dependency_overrides[get_session] = _session
    application.dependency_overrides[get_settings] = lambda: contract_settings
    try:
        yield application, {"Authorization": f"Bearer {token}"}
    finally:
        engine.dispose()


@pytest.fixture
def contract_reset(contract_settings: Settings) -> Iterator[Callable[[], None]]:
    """Empty every table but the API keys, ids starting again at 1 (a clean slate)."""
    engine = make_engine(contract_settings)
    keep = {"apikey", "api_key", "alembic_version"}
    tables = [t for t in inspect(engine).get_table_names() if t not in keep]

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
def api_schema(contract_app: tuple[FastAPI, dict[str, str]]) -> BaseOpenAPISchema:
    return schemathesis.openapi.from_asgi(OPENAPI_URL, contract_app[0], config=contract_config())
