from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.discrepancies.models import Discrepancy
from tests.helpers import assert_problem


def test_list_and_read_discrepancies(client: TestClient, session: Session) -> None:
    stored = Discrepancy(
        kind="conflicting_figures", key="test:killed", fact_key="test:killed", measure="killed"
    )
    session.add(stored)
    session.commit()
    page = client.get("/v1/discrepancies").json()
    assert [d["id"] for d in page["items"]] == [stored.id]
    one = client.get(f"/v1/discrepancies/{stored.id}")
    assert one.status_code == 200
    assert one.json()["status"] == "open"
    assert one.json()["fact"]["measure"] == "killed"
    assert client.get("/v1/discrepancies", params={"status": "resolved"}).json()["items"] == []
    assert client.get("/v1/discrepancies", params={"kind": "denial"}).json()["items"] == []
    assert_problem(client.get("/v1/discrepancies", params={"status": "done"}), 422)
    assert_problem(client.get("/v1/discrepancies/777777"), 404)


def test_editor_reviews_a_discrepancy(
    client: TestClient, session: Session, editor_headers: dict[str, str]
) -> None:
    stored = Discrepancy(
        kind="conflicting_figures", key="test:wounded", fact_key="test:wounded", measure="wounded"
    )
    session.add(stored)
    session.commit()
    url = f"/v1/discrepancies/{stored.id}"
    etag = client.get(url).headers["etag"]
    changed = client.patch(
        url,
        json={"status": "dismissed", "note": "same figure, different rounding"},
        headers={**editor_headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["status"] == "dismissed"
    assert changed.json()["note"] == "same figure, different rounding"
    assert_problem(
        client.patch(url, json={"status": "open"}, headers={**editor_headers, "If-Match": etag}),
        412,
    )
    assert_problem(client.patch(url, json={"status": "gone"}, headers=editor_headers), 422)
    assert_problem(client.patch(url, json={"status": "open"}), 401)
    assert (
        client.get("/v1/discrepancies", params={"status": "dismissed"}).json()["items"][0]["id"]
        == stored.id
    )
