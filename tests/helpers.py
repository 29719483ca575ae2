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
