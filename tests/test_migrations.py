from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect
from sqlmodel import SQLModel

import api.models  # noqa: F401
from alembic import command
from api.config import Settings
from api.db import make_engine
from api.search import include_name
from tests.databases import alembic_config

TABLES = {"actor", "actor_alias", "api_key", "article", "claim", "discrepancy", "discrepancy_claim"}


def test_models_and_migrations_do_not_drift(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_downgrade_to_base_and_upgrade_again(scratch_database_url: str) -> None:
    """Runs in a scratch database, so the suite's own schema is left alone."""
    scratch = make_engine(Settings(database_url=scratch_database_url))
    try:
        with scratch.begin() as conn:
            _roundtrip(conn)
    finally:
        scratch.dispose()


def _roundtrip(conn: Connection) -> None:
    cfg = alembic_config(conn)
    command.upgrade(cfg, "head")
    assert set(inspect(conn).get_table_names()) >= TABLES
    command.downgrade(cfg, "base")
    assert not TABLES & set(inspect(conn).get_table_names())
    command.upgrade(cfg, "head")
    assert set(inspect(conn).get_table_names()) >= TABLES
