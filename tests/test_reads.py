"""Reads wired as in production (no dependency overrides): what a read costs the
database, and what its unit of work does when it ends."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from starlette.requests import Request

from api.actors.models import Actor
from api.auth.models import Role
from api.auth.service import create_api_key
from api.config import get_settings
from api.db import get_engine, get_session
from api.main import create_app
from tests.factories import article, post_article
from tests.test_query_counts import counting


@pytest.fixture
def wired(wired_database: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with Session(get_engine(), expire_on_commit=False) as session:
        _, token = create_api_key(session, name="reads", role=Role.editor)
    with TestClient(create_app(get_settings()), raise_server_exceptions=False) as client:
        yield client, {"Authorization": f"Bearer {token}"}


def test_an_article_is_read_in_one_statement_and_a_page_of_claims_in_four(
    wired: tuple[TestClient, dict[str, str]],
) -> None:
    client, editor = wired
    stored = post_article(client, editor, article())
    for path, expected in ((f"/v1/articles/{stored['id']}", 1), ("/v1/claims?limit=50", 4)):
        first = client.get(path)  # warm: caches, prepared statements
        with counting(get_engine()) as statements:
            again = client.get(path)
        assert again.status_code == 200 and again.content == first.content
        assert again.headers.get("etag") == first.headers.get("etag")
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == expected, statements
        assert statements == selects or get_engine().dialect.name == "sqlite", statements


def _read_session_ends(add: bool) -> None:
    """A GET's unit of work, run to its end; with ``add``, holding an unflushed actor."""
    request = Request({"type": "http", "method": "GET", "headers": []})

    async def run() -> None:
        sessions = get_session(request)
        session = await anext(sessions)
        if add:
            session.add(
                Actor(name="Pending Read Actor", normalized_name="pending read actor", kind="other")
            )
        with pytest.raises(StopAsyncIteration):
            await anext(sessions)

    asyncio.run(run())


def test_a_read_that_holds_nothing_closes_and_one_that_holds_changes_still_commits(
    wired_database: str,
) -> None:
    _read_session_ends(add=False)
    _read_session_ends(add=True)
    with Session(get_engine()) as session:
        names = session.exec(select(Actor.name).where(Actor.name == "Pending Read Actor"))
        assert list(names) == ["Pending Read Actor"]
