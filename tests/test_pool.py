"""The PostgreSQL pool pings a connection only when it has been idle a while."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import event, text

from api import db
from api.config import Settings


def test_a_connection_dropped_while_idle_is_replaced_and_a_busy_one_is_not_pinged(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    if settings.is_sqlite:
        pytest.skip("a PostgreSQL pool")
    engine = db.make_engine(settings)
    statements: list[str] = []

    def _count(*args: Any) -> None:
        statements.append(args[2])

    try:
        with engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        event.listen(engine, "before_cursor_execute", _count)
        with engine.connect() as conn:  # just used: handed out as it is
            assert conn.execute(text("SELECT 2")).scalar_one() == 2
        assert statements == ["SELECT 2"]
        url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
        with engine.connect() as conn:  # idle long enough: pinged, found dead, replaced
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid
    finally:
        engine.dispose()
