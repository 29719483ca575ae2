"""Requests read the settings their app was created with; overriding `get_settings` in
`app.dependency_overrides` still replaces them."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.config import Settings, get_settings
from tests.apps import app_on_session
from tests.helpers import assert_problem


@pytest.fixture
def closed_app(session: Session, settings: Settings) -> FastAPI:
    """The app created with settings that require a key for reads, and no override."""
    application = app_on_session(session, settings.model_copy(update={"require_read_key": True}))
    del application.dependency_overrides[get_settings]
    return application


def test_a_request_sees_the_settings_its_app_was_created_with(closed_app: FastAPI) -> None:
    with TestClient(closed_app, raise_server_exceptions=False) as client:
        assert_problem(client.get("/v1/articles"), 401)
        assert_problem(client.get("/v1/events/1/claims"), 401)


def test_an_override_of_get_settings_replaces_them(closed_app: FastAPI, settings: Settings) -> None:
    closed_app.dependency_overrides[get_settings] = lambda: settings
    with TestClient(closed_app, raise_server_exceptions=False) as client:
        assert client.get("/v1/articles").status_code == 200


def test_an_asynchronous_override_is_awaited(closed_app: FastAPI, settings: Settings) -> None:
    async def open_settings() -> Settings:
        return settings

    closed_app.dependency_overrides[get_settings] = open_settings
    with TestClient(closed_app, raise_server_exceptions=False) as client:
        assert client.get("/v1/articles").status_code == 200
