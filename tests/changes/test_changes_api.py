"""The change feed: what it records, in which order, and how a consumer pages it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, delete, select

from api.articles.models import Article
from api.changes import recording
from api.changes.models import Change
from api.claims.models import Claim
from tests.factories import ARMENIA, AZERBAIJAN
from tests.helpers import assert_problem


def latest(client: TestClient) -> str:
    response = client.get("/v1/changes/latest")
    assert response.status_code == 200, response.text
    cursor: str = response.json()["next"]
    return cursor


def follow(client: TestClient, after: str, **params: Any) -> tuple[list[dict[str, Any]], str]:
    """Every change after ``after``, page by page; and the cursor to resume from."""
    items: list[dict[str, Any]] = []
    while True:
        body = client.get("/v1/changes", params={"after": after, **params}).json()
        items += body["items"]
        after = body["next"]
        if not body["has_more"]:
            return items, after


def changed(items: list[dict[str, Any]], resource: str, action: str) -> set[int]:
    return {i["resource_id"] for i in items if i["resource"] == resource and i["action"] == action}


def post(client: TestClient, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/articles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    article: dict[str, Any] = response.json()
    return article


def claims_of(client: TestClient, article_id: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/v1/articles/{article_id}/claims").json()["items"]
    return items


def test_a_new_article_is_recorded_with_what_it_made(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    start = latest(client)
    article = post(client, editor_headers, ARMENIA)
    items, _ = follow(client, start)
    assert changed(items, "articles", "created") == {article["id"]}
    assert changed(items, "events", "created") == {article["event_id"]}
    assert changed(items, "claims", "created") == {
        c["id"] for c in claims_of(client, article["id"])
    }
    assert changed(items, "actors", "created")
    ids = [i["id"] for i in items]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    # One transaction records a resource once per action: created, not created + updated.
    keys = [(i["resource"], i["resource_id"]) for i in items]
    assert len(keys) == len(set(keys))


def test_a_derived_status_change_is_an_update_with_its_time(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    first = post(client, editor_headers, ARMENIA)
    before = claims_of(client, first["id"])
    assert {c["status"] for c in before} == {"single_source"}
    start = latest(client)
    since = datetime.now(UTC) - timedelta(milliseconds=1)
    post(client, editor_headers, AZERBAIJAN)
    items, _ = follow(client, start)
    disputed = {c["id"] for c in claims_of(client, first["id"]) if c["status"] == "disputed"}
    assert disputed
    assert disputed <= changed(items, "claims", "updated")
    discrepancies = changed(items, "discrepancies", "created")
    assert discrepancies
    # updated_at follows the derived change, so updated_since finds it too.
    listed = client.get(
        "/v1/claims", params={"article_id": first["id"], "updated_since": since.isoformat()}
    ).json()["items"]
    assert {c["id"] for c in listed} >= disputed
    # An editor's status is a change of the discrepancy and, derived, of its claims.
    start = latest(client)
    (discrepancy_id,) = discrepancies
    response = client.patch(
        f"/v1/discrepancies/{discrepancy_id}", json={"status": "resolved"}, headers=editor_headers
    )
    assert response.status_code == 200, response.text
    items, _ = follow(client, start)
    assert changed(items, "discrepancies", "updated") == {discrepancy_id}
    assert disputed <= changed(items, "claims", "updated")


def test_deletions_are_tombstones(client: TestClient, editor_headers: dict[str, str]) -> None:
    first = post(client, editor_headers, ARMENIA)
    second = post(client, editor_headers, AZERBAIJAN)
    claim_ids = {c["id"] for c in claims_of(client, second["id"])}
    discrepancies = client.get("/v1/discrepancies").json()["items"]
    assert discrepancies
    start = latest(client)
    response = client.delete(f"/v1/articles/{second['id']}", headers=editor_headers)
    assert response.status_code == 204, response.text
    items, _ = follow(client, start)
    assert changed(items, "articles", "deleted") == {second["id"]}
    assert changed(items, "claims", "deleted") == claim_ids
    # The discrepancy had no editor's work: it goes, and the claims it disputed change back.
    assert changed(items, "discrepancies", "deleted") == {d["id"] for d in discrepancies}
    assert {c["id"] for c in claims_of(client, first["id"])} <= changed(items, "claims", "updated")
    assert changed(items, "events", "updated") == {second["event_id"]}
    for item in items:
        if item["action"] == "deleted":
            url = f"/v1/{item['resource']}/{item['resource_id']}"
            assert client.get(url).status_code in (404, 410)  # 410: a deleted article


def test_a_consumer_resumes_from_its_cursor(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    start = latest(client)
    post(client, editor_headers, ARMENIA)
    everything, end = follow(client, start)
    assert len(everything) > 3
    page = client.get("/v1/changes", params={"after": start, "limit": 2})
    body = page.json()
    assert [i["id"] for i in body["items"]] == [i["id"] for i in everything[:2]]
    assert body["has_more"] is True
    assert 'rel="next"' in page.headers["Link"] and "after=" in page.headers["Link"]
    rest, again = follow(client, body["next"], limit=3)
    assert body["items"] + rest == everything
    assert again == end
    # Nothing new: an empty page that hands the same cursor back, and no Link.
    empty = client.get("/v1/changes", params={"after": end})
    assert empty.json() == {"items": [], "next": end, "has_more": False}
    assert "Link" not in empty.headers
    # A later write is exactly what follows the cursor.
    post(client, editor_headers, AZERBAIJAN)
    later, _ = follow(client, end)
    assert later and min(i["id"] for i in later) > max(i["id"] for i in everything)


def test_the_feed_filters_by_resource(client: TestClient, editor_headers: dict[str, str]) -> None:
    start = latest(client)
    post(client, editor_headers, ARMENIA)
    items, _ = follow(client, start, resource="claims")
    assert items and {i["resource"] for i in items} == {"claims"}
    response = client.get("/v1/changes", params={"resource": "keys"})
    assert_problem(response, 422, mentions="resource")


def test_a_cursor_this_api_did_not_issue_is_refused(client: TestClient) -> None:
    assert_problem(client.get("/v1/changes", params={"after": "bm90LWEtY3Vyc29y"}), 400)


def test_renaming_an_actor_changes_the_claims_naming_it(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    article = post(client, editor_headers, ARMENIA)
    claim = next(c for c in claims_of(client, article["id"]) if c["claimant"])
    start = latest(client)
    response = client.patch(
        f"/v1/actors/{claim['claimant']['id']}",
        json={"name": "Armenian Armed Forces"},
        headers=editor_headers,
    )
    assert response.status_code == 200, response.text
    items, _ = follow(client, start)
    assert changed(items, "actors", "updated") == {claim["claimant"]["id"]}
    assert claim["id"] in changed(items, "claims", "updated")
    fresh = client.get(f"/v1/claims/{claim['id']}").json()
    assert fresh["claimant"]["name"] == "Armenian Armed Forces"
    assert fresh["updated_at"] > claim["updated_at"]


def test_bulk_statements_that_would_bypass_the_feed_are_refused(session: Session) -> None:
    with pytest.raises(RuntimeError, match="change feed"):
        session.exec(delete(Claim).where(col(Claim.article_id) == 1))


def test_a_rolled_back_write_leaves_no_change(session: Session, seeded: list[int]) -> None:
    from api import ingest
    from api.articles.models import ArticleCreate

    session.commit()
    count = len(session.exec(select(Change)).all())
    with session.begin_nested():
        ingest.create_article(session, ArticleCreate.model_validate(ARMENIA))
        assert len(session.exec(select(Change)).all()) > count
        session.rollback()
    assert len(session.exec(select(Change)).all()) == count


LISTS = ["articles", "claims", "actors", "discrepancies", "events"]


@pytest.mark.parametrize("resource", LISTS)
def test_every_list_filters_on_updated_since(
    client: TestClient, editor_headers: dict[str, str], resource: str
) -> None:
    post(client, editor_headers, ARMENIA)
    post(client, editor_headers, AZERBAIJAN)
    rows = client.get(f"/v1/{resource}", params={"limit": 100}).json()["items"]
    assert rows
    stamps = sorted(datetime.fromisoformat(r["updated_at"]) for r in rows)
    newest = stamps[-1]
    since = client.get(
        f"/v1/{resource}", params={"limit": 100, "updated_since": newest.isoformat()}
    ).json()["items"]
    assert since and all(datetime.fromisoformat(r["updated_at"]) >= newest for r in since)
    later = (newest + timedelta(seconds=1)).isoformat()
    assert client.get(f"/v1/{resource}", params={"updated_since": later}).json()["items"] == []
    response = client.get(f"/v1/{resource}", params={"updated_since": "yesterday"})
    assert_problem(response, 422, mentions="updated_since")


def _conflict(client: TestClient, headers: dict[str, str]) -> tuple[int, list[int]]:
    post(client, headers, ARMENIA)
    post(client, headers, AZERBAIJAN)
    (found,) = client.get("/v1/discrepancies").json()["items"]
    return found["id"], [c["id"] for side in found["sides"] for c in side["claims"]]


def test_a_claim_change_is_a_change_of_the_discrepancies_showing_it(
    client: TestClient, editor_headers: dict[str, str], session: Session
) -> None:
    discrepancy_id, claim_ids = _conflict(client, editor_headers)
    start = latest(client)
    claim = session.get(Claim, claim_ids[0])
    assert claim is not None
    claim.confidence = 0.99  # nothing else recomputed: only the feed's own rules apply
    session.add(claim)
    session.flush()
    items, _ = follow(client, start)
    assert changed(items, "claims", "updated") == {claim_ids[0]}
    assert changed(items, "discrepancies", "updated") == {discrepancy_id}


def test_membership_changes_are_changes_of_both_ends(
    client: TestClient, editor_headers: dict[str, str], session: Session
) -> None:
    from api.discrepancies.models import Discrepancy, DiscrepancyClaim

    discrepancy_id, claim_ids = _conflict(client, editor_headers)
    start = latest(client)
    link = session.get(DiscrepancyClaim, (discrepancy_id, claim_ids[0]))
    session.delete(link)
    session.flush()
    items, cursor = follow(client, start)
    assert changed(items, "claims", "updated") == {claim_ids[0]}
    assert changed(items, "discrepancies", "updated") == {discrepancy_id}
    # Deleting the discrepancy cascades to its links: its remaining claims change.
    recording.forget(session)
    session.delete(session.get(Discrepancy, discrepancy_id))
    session.flush()
    items, _ = follow(client, cursor)
    assert changed(items, "discrepancies", "deleted") == {discrepancy_id}
    assert changed(items, "claims", "updated") == set(claim_ids[1:])


def _publisher_patched(
    client: TestClient, headers: dict[str, str], publisher: str | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The conflict of the two fixtures, and the changes after PATCHing the first article's
    publisher (``None``: the one it has)."""
    first = post(client, headers, ARMENIA)
    post(client, headers, AZERBAIJAN)
    (found,) = client.get("/v1/discrepancies").json()["items"]
    start = latest(client)
    response = client.patch(
        f"/v1/articles/{first['id']}",
        json={"publisher": first["publisher"] if publisher is None else publisher},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    items, _ = follow(client, start)
    return found, items


def _article_of_conflict(
    client: TestClient, headers: dict[str, str], session: Session
) -> tuple[int, Article]:
    """The conflict of the two fixtures and, loaded in ``session``, one side's article."""
    discrepancy_id, claim_ids = _conflict(client, headers)
    claim = session.get(Claim, claim_ids[0])
    assert claim is not None
    article = session.get(Article, claim.article_id)
    assert article is not None
    return discrepancy_id, article


def test_a_recomputation_that_changes_nothing_records_no_update(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    # The same publisher again re-derives the article's facts; nothing shown changes.
    found, items = _publisher_patched(client, editor_headers, None)
    assert changed(items, "discrepancies", "updated") == set()
    assert (
        client.get(f"/v1/discrepancies/{found['id']}").json()["updated_at"] == found["updated_at"]
    )


def test_a_publisher_renamed_changes_the_discrepancy_by_its_outlet_only(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    found, items = _publisher_patched(client, editor_headers, "Daily Ledger Online")
    assert changed(items, "discrepancies", "updated") == {found["id"]}
    fresh = client.get(f"/v1/discrepancies/{found['id']}").json()
    assert "Daily Ledger Online" in {p["outlet"] for p in fresh["series"]}
    assert fresh["sides"] == found["sides"] and fresh["status"] == found["status"]


def test_an_articles_publisher_is_a_change_of_the_discrepancies_showing_its_claims(
    client: TestClient, editor_headers: dict[str, str], session: Session
) -> None:
    discrepancy_id, article = _article_of_conflict(client, editor_headers, session)
    start = latest(client)
    article.publisher = "Another Wire"  # nothing recomputed: only the feed's own rules apply
    session.add(article)
    session.flush()
    items, _ = follow(client, start)
    assert changed(items, "articles", "updated") == {article.id}
    assert changed(items, "discrepancies", "updated") == {discrepancy_id}
    shown = client.get(f"/v1/discrepancies/{discrepancy_id}").json()
    assert "Another Wire" in {p["outlet"] for p in shown["series"]}


def test_an_article_title_is_no_change_of_its_discrepancies(
    client: TestClient, editor_headers: dict[str, str], session: Session
) -> None:
    _, article = _article_of_conflict(client, editor_headers, session)
    start = latest(client)
    article.title = "A new headline"  # a discrepancy does not show titles
    session.add(article)
    session.flush()
    items, _ = follow(client, start)
    assert changed(items, "discrepancies", "updated") == set()
