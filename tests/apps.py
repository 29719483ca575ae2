"""The app bound to a test's transaction: every database access of a request goes through
the test's session, which the test rolls back afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI
from sqlmodel import Session

from api.changes import recording
from api.config import Settings, get_settings
from api.db import get_session, get_stream_session
from api.main import create_app
from api.side import get_side_sessions


def bind_to_session(application: FastAPI, session: Session, settings: Settings) -> FastAPI:
    """``application`` with every database access bound to ``session``."""

    def _session() -> Iterator[Session]:
        # One request, one unit of work: the change feed records it as one transaction.
        try:
            yield session
        finally:
            recording.forget(session)

    @contextmanager
    def _savepoint() -> Iterator[Session]:
        # The keys live in the test's transaction: bookkeeping uses savepoints of it.
        with session.begin_nested():
            yield session

    application.dependency_overrides[get_session] = _session
    application.dependency_overrides[get_stream_session] = _session
    application.dependency_overrides[get_side_sessions] = lambda: _savepoint
    application.dependency_overrides[get_settings] = lambda: settings
    return application


def app_on_session(session: Session, settings: Settings) -> FastAPI:
    """A new app for ``settings``, bound to ``session``."""
    return bind_to_session(create_app(settings), session, settings)


@contextmanager
def lent(application: FastAPI, session: Session, settings: Settings) -> Iterator[FastAPI]:
    """The run's app, built once (building one costs a few tenths of a second), lent to
    one test: bound to its session, and given back as it was, whatever the test changed
    (dependency overrides, routes it added)."""
    routes = list(application.router.routes)
    try:
        yield bind_to_session(application, session, settings)
    finally:
        application.dependency_overrides.clear()
        if application.router.routes != routes:
            application.router.routes[:] = routes
            application.openapi_schema = None
