from __future__ import annotations

from typing import Any

import httpx


def assert_problem(
    response: httpx.Response, status: int, *, mentions: str | None = None
) -> dict[str, Any]:
    """The response is an RFC 9457 problem document with ``status``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:claimsapi:problem:")
    assert body["title"]
    assert body["detail"]
    if mentions is not None:
        assert mentions in body["detail"], body["detail"]
    return body


ARTICLE = {
    "title": "Border clashes",
    "body": "The Pakistan military said that 23 of its soldiers were killed in the clashes. "
    "The Taliban said nine on its side were killed.",
    "publisher": "Example News",
    "published_at": "2025-10-12T08:00:00Z",
}


def article(**overrides: Any) -> dict[str, Any]:
    return {**ARTICLE, **overrides}
