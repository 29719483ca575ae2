"""An editor's review (`reviewed`, `verdict`) is kept apart from the derived `status`."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import ARMENIA, AZERBAIJAN, post_article
from tests.helpers import assert_problem


def _disputed(client: TestClient, headers: dict[str, str]) -> dict[str, Any]:
    post_article(client, headers, ARMENIA)
    post_article(client, headers, AZERBAIJAN)
    disputed = client.get("/v1/claims", params={"status": "disputed"}).json()["items"]
    assert disputed, "the two reports disagree"
    return dict(disputed[0])


def test_a_reviewed_disputed_claim_stays_disputed_and_both_are_filterable(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _disputed(client, editor_headers)
    url = f"/v1/claims/{claim['id']}"
    etag = client.get(url).headers["etag"]
    reviewed = client.patch(
        url, json={"reviewed": True}, headers={**editor_headers, "If-Match": etag}
    )
    assert reviewed.status_code == 200, reviewed.text
    body = reviewed.json()
    assert (body["status"], body["reviewed"], body["verdict"]) == ("disputed", True, None)

    def ids(**params: str) -> list[int]:
        return [c["id"] for c in client.get("/v1/claims", params=params).json()["items"]]

    assert claim["id"] in ids(status="disputed")
    assert claim["id"] in ids(status="disputed", reviewed="true")
    assert claim["id"] not in ids(reviewed="false")
    assert ids(reviewed="true") == [claim["id"]]

    judged = client.patch(url, json={"verdict": "misleading"}, headers=editor_headers).json()
    assert (judged["status"], judged["reviewed"], judged["verdict"]) == (
        "disputed",
        True,
        "misleading",
    )
    assert judged["verdict_at"] is not None
    assert ids(verdict="misleading") == [claim["id"]]
    assert ids(verdict="accurate") == []
    assert ids(verdict="misleading", status="corroborated") == []
    assert_problem(client.get("/v1/claims", params={"verdict": "sort of"}), 422)

    withdrawn = client.patch(url, json={"verdict": None}, headers=editor_headers).json()
    assert (withdrawn["reviewed"], withdrawn["verdict"], withdrawn["verdict_at"]) == (
        True,
        None,
        None,
    )
    client.patch(url, json={"verdict": "false"}, headers=editor_headers)
    unreviewed = client.patch(url, json={"reviewed": False}, headers=editor_headers).json()
    assert (unreviewed["status"], unreviewed["reviewed"], unreviewed["verdict"]) == (
        "disputed",
        False,
        None,
    )
    # A verdict marks the claim reviewed, even beside `reviewed: false` (applied first).
    both = client.patch(
        url, json={"reviewed": False, "verdict": "accurate"}, headers=editor_headers
    ).json()
    assert (both["status"], both["reviewed"], both["verdict"]) == ("disputed", True, "accurate")
    assert_problem(client.patch(url, json={"verdict": "accurate"}), 401)


def test_a_review_survives_recomputation_and_the_status_follows_the_claims(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    claim = _disputed(client, editor_headers)
    url = f"/v1/claims/{claim['id']}"
    client.patch(url, json={"verdict": "accurate"}, headers=editor_headers)
    discrepancy_id = claim["discrepancy_ids"][0]
    resolved = client.patch(
        f"/v1/discrepancies/{discrepancy_id}", json={"status": "resolved"}, headers=editor_headers
    )
    assert resolved.status_code == 200, resolved.text
    after = client.get(url).json()
    assert after["status"] != "disputed"  # the discrepancy is no longer open
    assert (after["reviewed"], after["verdict"]) == (True, "accurate")
