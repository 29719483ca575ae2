"""Readiness: the database answers and its schema is at the newest migration."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from api.config import PROJECT_ROOT

logger = logging.getLogger(__name__)


@cache
def script_heads() -> frozenset[str]:
    """The head revision(s) of the migration scripts shipped with the service."""
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    return frozenset(ScriptDirectory.from_config(cfg).get_heads())


@dataclass(frozen=True)
class Readiness:
    ready: bool
    detail: str
    migration: str | None = None


def check_readiness(session: Session) -> Readiness:
    """``SELECT 1``, then the database's ``alembic_version`` against the script head."""
    try:
        session.execute(text("SELECT 1"))
        current = frozenset(MigrationContext.configure(session.connection()).get_current_heads())
    except SQLAlchemyError as exc:
        logger.warning("readiness: the database is unreachable: %s", exc.__class__.__name__)
        return Readiness(False, "the database is unreachable")
    expected = script_heads()
    if current != expected:
        shown = ", ".join(sorted(current)) or "none"
        return Readiness(
            False,
            f"the database schema is at migration {shown}, not at "
            f"{', '.join(sorted(expected))}: run `claimsapi migrate`",
        )
    return Readiness(True, "ready", migration=", ".join(sorted(current)))
