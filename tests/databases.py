"""Databases for a test run, named per run so that runs sharing a server never collide.

TEST_DATABASE_URL names a PostgreSQL server (and a database on it to connect to); every
database the tests use is created next to it under a name unique to this process
(`claimsapi_<purpose>_<pid>_<random>_<n>`), and dropped when the test is done with it.
"""

from __future__ import annotations

import itertools
import os
import secrets
from typing import Any

import psycopg
from alembic.config import Config
from sqlalchemy.engine import make_url

from api.config import PROJECT_ROOT

RUN_ID = f"{os.getpid()}_{secrets.token_hex(3)}"
_COUNTER = itertools.count(1)


def unique_name(purpose: str) -> str:
    """A database name no other run (or worker) uses: PostgreSQL allows 63 characters."""
    name = f"claimsapi_{purpose}_{RUN_ID}_{next(_COUNTER)}"
    assert len(name) <= 63, name
    return name


def libpq_url(url: str) -> str:
    """``url`` as psycopg takes it (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``url``."""
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(server_url: str, name: str) -> str:
    """Create database ``name`` on the server of ``server_url``; return its URL."""
    with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return with_database(server_url, name)


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(libpq_url(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def alembic_config(connection: Any) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    cfg.attributes["connection"] = connection
    cfg.attributes["configure_logger"] = False
    return cfg
