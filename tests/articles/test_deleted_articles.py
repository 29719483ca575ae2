"""A deletion keeps what it removed: readable, and restorable with editors' corrections."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import ARMENIA, AZERBAIJAN
from tests.helpers import assert_problem


def _post(client: TestClient, headers: dict[str, str], doc: dict[str, Any]) -> int:
    response = client.post("/v1/articles", json=doc, headers=headers)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _claims(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    response = client.get(f"/v1/articles/{article_id}/claims", params={"limit": 100})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_a_deleted_article_is_gone_with_a_pointer_to_its_record(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    article_id = _post(client, editor_headers, ARMENIA)
    count = len(_claims(client, article_id))
    assert client.delete(f"/v1/articles/{article_id}", headers=editor_headers).status_code == 204

    gone = client.get(f"/v1/articles/{article_id}")
    assert_problem(gone, 410)
    assert f"/v1/deleted-articles/{article_id}" in gone.json()["detail"]
    record = client.get(f"/v1/deleted-articles/{article_id}")
    assert record.status_code == 200
    body = record.json()
    assert body["body"] == ARMENIA["body"]
    assert body["claim_count"] == count
    listed = client.get("/v1/deleted-articles").json()["items"]
    assert [item["id"] for item in listed] == [article_id]
    assert_problem(client.get("/v1/deleted-articles/999999"), 404)


def test_restoring_brings_back_the_article_and_the_claims_an_editor_corrected(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    article_id = _post(client, editor_headers, ARMENIA)
    claim = next(c for c in _claims(client, article_id) if c["quantity"])
    survivor, twin = (
        client.post(
            "/v1/actors", json={"name": name, "kind": "government"}, headers=editor_headers
        ).json()
        for name in ("Armenian MoD", "Armenian Ministry of Defence")
    )
    corrected = client.patch(
        f"/v1/claims/{claim['id']}",
        json={
            "statement": "An editor's reading of the ministry's count",
            "verdict": "accurate",
            "claimant_id": twin["id"],
        },
        headers=editor_headers,
    )
    assert corrected.status_code == 200, corrected.text
    assert client.delete(f"/v1/articles/{article_id}", headers=editor_headers).status_code == 204
    assert _claims_gone(client, article_id)
    merged = client.post(
        f"/v1/actors/{twin['id']}/merge", json={"into": survivor["id"]}, headers=editor_headers
    )
    assert merged.status_code == 200, merged.text

    restored = client.post(f"/v1/deleted-articles/{article_id}/restore", headers=editor_headers)
    assert restored.status_code == 201, restored.text
    assert restored.json()["id"] == article_id
    assert client.get(f"/v1/articles/{article_id}").status_code == 200
    back = [c for c in _claims(client, article_id) if c["evidence"] == claim["evidence"]]
    assert len(back) == 1
    assert back[0]["statement"] == "An editor's reading of the ministry's count"
    assert back[0]["reviewed"] is True
    assert back[0]["verdict"] == "accurate"
    assert back[0]["verdict_at"] == corrected.json()["verdict_at"]
    assert back[0]["claimant"]["id"] == survivor["id"]  # its claimant was merged meanwhile
    assert_problem(client.get(f"/v1/deleted-articles/{article_id}"), 404)
    # restoring twice is not possible: the record is used up
    again = client.post(f"/v1/deleted-articles/{article_id}/restore", headers=editor_headers)
    assert_problem(again, 404)


def test_a_dismissed_discrepancy_keeps_its_note_through_delete_and_restore(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    first = _post(client, editor_headers, ARMENIA)
    second = _post(client, editor_headers, AZERBAIJAN)
    found = client.get("/v1/discrepancies", params={"limit": 100}).json()["items"]
    assert found, "the two reports conflict"
    target = found[0]
    patched = client.patch(
        f"/v1/discrepancies/{target['id']}",
        json={"status": "dismissed", "note": "checked with both ministries"},
        headers=editor_headers,
    )
    assert patched.status_code == 200, patched.text
    for article_id in (first, second):
        deleted = client.delete(f"/v1/articles/{article_id}", headers=editor_headers)
        assert deleted.status_code == 204
    kept = client.get(f"/v1/discrepancies/{target['id']}").json()
    assert (kept["status"], kept["note"]) == ("dismissed", "checked with both ministries")
    for article_id in (first, second):
        response = client.post(f"/v1/deleted-articles/{article_id}/restore", headers=editor_headers)
        assert response.status_code == 201, response.text
    back = client.get(f"/v1/discrepancies/{target['id']}").json()
    assert (back["status"], back["note"]) == ("dismissed", "checked with both ministries")
    assert back["orphaned_at"] is None
    assert all(side["claims"] for side in back["sides"])


def test_restore_is_refused_while_the_same_text_is_stored_again(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    article_id = _post(client, editor_headers, ARMENIA)
    assert client.delete(f"/v1/articles/{article_id}", headers=editor_headers).status_code == 204
    _post(client, editor_headers, ARMENIA)
    refused = client.post(f"/v1/deleted-articles/{article_id}/restore", headers=editor_headers)
    assert_problem(refused, 409)
    assert client.get(f"/v1/deleted-articles/{article_id}").status_code == 200


def _claims_gone(client: TestClient, article_id: int) -> bool:
    return client.get(f"/v1/articles/{article_id}/claims").status_code == 410
