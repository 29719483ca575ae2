"""Links in `Location` and `Link` headers: PUBLIC_BASE_URL when set, a relative reference
otherwise; never the client's `Host`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.config import Settings
from tests.apps import app_on_session
from tests.factories import article

Client = Callable[[str | None], TestClient]
EVIL = {"Host": "evil.example"}


@pytest.fixture
def client_with_base(session: Session, settings: Settings) -> Iterator[Client]:
    clients: list[TestClient] = []

    def make(base: str | None) -> TestClient:
        changed = Settings.model_validate({**settings.model_dump(), "public_base_url": base})
        application = app_on_session(session, changed)
        c = TestClient(application, base_url="http://testserver", raise_server_exceptions=False)
        clients.append(c.__enter__())
        return c

    yield make
    for c in clients:
        c.__exit__(None, None, None)


def _links(c: TestClient, headers: dict[str, str]) -> tuple[str, str, str]:
    created = c.post("/v1/articles", json=article(), headers={**headers, **EVIL})
    assert created.status_code == 201, created.text
    c.post("/v1/articles", json=article(body="Another text."), headers=headers)
    actor = c.post(
        "/v1/actors",
        json={"name": "Some Ministry", "kind": "government"},
        headers={**headers, **EVIL},
    )
    assert actor.status_code == 201, actor.text
    page = c.get("/v1/articles", params={"limit": 1, "publisher": "Example News"}, headers=EVIL)
    return created.headers["location"], actor.headers["location"], page.headers["link"]


def test_without_a_public_base_url_links_are_relative_references(
    client_with_base: Client, editor_headers: dict[str, str]
) -> None:
    c = client_with_base(None)
    article_url, actor_url, link = _links(c, editor_headers)
    assert article_url.startswith("/v1/articles/")
    assert actor_url.startswith("/v1/actors/")
    assert link.startswith("</v1/articles?")
    assert link.endswith('>; rel="next"')
    assert "cursor=" in link
    assert "limit=1" in link
    assert "publisher=Example+News" in link
    for value in (article_url, actor_url, link):
        assert "evil.example" not in value
        assert "testserver" not in value
    assert c.get(article_url).status_code == 200
    assert c.get(link.split(";")[0].strip("<>")).status_code == 200


def test_with_a_public_base_url_links_start_with_it(
    client_with_base: Client, editor_headers: dict[str, str]
) -> None:
    c = client_with_base("https://claims.example.org/")
    article_url, actor_url, link = _links(c, editor_headers)
    assert article_url.startswith("https://claims.example.org/v1/articles/")
    assert actor_url.startswith("https://claims.example.org/v1/actors/")
    assert link.startswith("<https://claims.example.org/v1/articles?")
