"""Discrepancies and claim statuses stay true through posts, edits, deletes and moves."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import (
    ARMENIA,
    ARMENIA_AGAIN,
    AZERBAIJAN,
    FLOODS,
    MONITORS,
)
from tests.factories import post_article as post
from tests.helpers import assert_problem


def killed(client: TestClient, article_id: int) -> dict[str, Any]:
    claims = client.get(f"/v1/articles/{article_id}/claims").json()["items"]
    (claim,) = [c for c in claims if c["measure"] == "killed"]
    return dict(claim)


def open_conflicts(client: TestClient) -> list[dict[str, Any]]:
    params = {"kind": "conflicting_figures", "status": "open"}
    return list(client.get("/v1/discrepancies", params=params).json()["items"])


def side_claims(discrepancy: dict[str, Any]) -> list[list[int]]:
    return [[c["id"] for c in side["claims"]] for side in discrepancy["sides"]]


def test_conflicting_figures_are_found_with_both_sides(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    assert a["event_id"] == b["event_id"]
    fourteen, fifty = killed(client, a["id"]), killed(client, b["id"])

    (found,) = open_conflicts(client)
    assert side_claims(found) == [[fourteen["id"]], [fifty["id"]]]
    assert [s["party"]["name"] for s in found["sides"]] == ["Armenia", "Azerbaijan"]
    assert [s["figure"]["lower"] for s in found["sides"]] == [14, 50]
    assert found["fact"]["measure"] == "killed"
    assert found["fact"]["subject_side"]["name"] == "Armenia"
    assert found["fact"]["event_id"] == a["event_id"]
    assert found["spread"] == {"lower": 14, "upper": 50}
    assert found["conservative_figure"] == 14
    for claim in (fourteen, fifty):
        assert claim["status"] == "disputed"
        assert claim["discrepancy_ids"] == [found["id"]]

    armenia = found["sides"][0]["party"]["id"]
    assert client.get("/v1/discrepancies", params={"actor_id": armenia}).json()["items"]
    assert client.get("/v1/discrepancies", params={"measure": "wounded"}).json()["items"] == []
    by_event = client.get(f"/v1/events/{a['event_id']}/discrepancies").json()["items"]
    assert [d["id"] for d in by_event] == [found["id"]]
    disputed = client.get("/v1/claims", params={"status": "disputed"}).json()["items"]
    assert {c["id"] for c in disputed} == {fourteen["id"], fifty["id"]}


def test_corroboration_by_independent_publishers(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    again = post(client, editor_headers, ARMENIA_AGAIN)
    assert again["event_id"] == a["event_id"]
    for article in (a, again):
        claim = killed(client, article["id"])
        assert claim["status"] == "corroborated"
        assert claim["source_count"] == 2
    assert open_conflicts(client) == []


def test_an_edit_dissolves_a_discrepancy_and_statuses_follow(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    fifty = killed(client, b["id"])
    assert open_conflicts(client)

    quantity = {"text": "14", "qualifier": "exact", "value": 14}
    response = client.patch(
        f"/v1/claims/{fifty['id']}", json={"quantity": quantity}, headers=editor_headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["discrepancy_ids"] == []
    assert response.json()["status"] == "single_source"
    assert open_conflicts(client) == []
    assert killed(client, a["id"])["status"] == "single_source"

    back = {"text": "50", "qualifier": "exact", "value": 50}
    client.patch(f"/v1/claims/{fifty['id']}", json={"quantity": back}, headers=editor_headers)
    assert len(open_conflicts(client)) == 1


def test_editor_status_survives_recomputation_and_sides_grow_and_shrink(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    post(client, editor_headers, ARMENIA)
    post(client, editor_headers, AZERBAIJAN)
    (found,) = open_conflicts(client)
    review = {"status": "dismissed", "note": "checked with both ministries"}
    url = f"/v1/discrepancies/{found['id']}"
    assert client.patch(url, json=review, headers=editor_headers).status_code == 200
    for claim in found["sides"][0]["claims"] + found["sides"][1]["claims"]:
        assert client.get(f"/v1/claims/{claim['id']}").json()["status"] == "single_source"

    third = post(client, editor_headers, MONITORS)
    grown = client.get(url).json()
    assert grown["status"] == "dismissed"
    assert grown["note"] == "checked with both ministries"
    assert len(grown["sides"]) == 3
    assert grown["spread"] == {"lower": 14, "upper": 50}

    assert client.delete(f"/v1/articles/{third['id']}", headers=editor_headers).status_code == 204
    shrunk = client.get(url).json()
    assert len(shrunk["sides"]) == 2
    assert shrunk["status"] == "dismissed"


def test_a_deleted_side_removes_an_unreviewed_discrepancy(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    (found,) = open_conflicts(client)
    assert client.delete(f"/v1/articles/{b['id']}", headers=editor_headers).status_code == 204
    assert_problem(client.get(f"/v1/discrepancies/{found['id']}"), 404)
    assert killed(client, a["id"])["status"] == "single_source"


def test_moving_an_article_between_events(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    floods = post(client, editor_headers, FLOODS)
    assert floods["event_id"] != a["event_id"]
    assert open_conflicts(client)

    moved = client.patch(
        f"/v1/articles/{b['id']}", json={"event_id": floods["event_id"]}, headers=editor_headers
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["event_id"] == floods["event_id"]
    assert open_conflicts(client) == []
    assert killed(client, b["id"])["event_id"] == floods["event_id"]
    in_floods = client.get(f"/v1/events/{floods['event_id']}/claims").json()["items"]
    assert killed(client, b["id"])["id"] in [c["id"] for c in in_floods]

    back = client.patch(
        f"/v1/articles/{b['id']}", json={"event_id": a["event_id"]}, headers=editor_headers
    )
    assert back.status_code == 200
    assert len(open_conflicts(client)) == 1

    alone = client.patch(f"/v1/articles/{b['id']}", json={"event_id": None}, headers=editor_headers)
    assert alone.json()["event_id"] not in (a["event_id"], floods["event_id"])
    assert open_conflicts(client) == []
    missing = client.patch(
        f"/v1/articles/{b['id']}", json={"event_id": 999999}, headers=editor_headers
    )
    assert_problem(missing, 409, mentions="body.event_id: no event with id 999999")


def test_claims_about_another_period_are_not_facts_of_the_event(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    post(client, editor_headers, ARMENIA)
    earlier = dict(
        AZERBAIJAN,
        body="In March, Azerbaijan's Defence Ministry said it had killed 50 Armenian soldiers "
        "near the Lachin corridor and the village of Tegh. The road from Goris to Stepanakert "
        "remains closed, residents said.",
    )
    b = post(client, editor_headers, earlier)
    claim = killed(client, b["id"])
    assert claim["time"]["kind"] == "period"
    assert open_conflicts(client) == []


def test_an_editors_verdict_survives_deleting_and_reposting_its_articles(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    (found,) = open_conflicts(client)
    url = f"/v1/discrepancies/{found['id']}"
    verdict = {"status": "dismissed", "note": "both ministries' figures, as claims"}
    assert client.patch(url, json=verdict, headers=editor_headers).status_code == 200

    for article in (a, b):
        deleted = client.delete(f"/v1/articles/{article['id']}", headers=editor_headers)
        assert deleted.status_code == 204
    orphan = client.get(url).json()
    assert orphan["status"] == "dismissed"
    assert orphan["note"] == verdict["note"]
    assert orphan["orphaned_at"] is not None
    assert orphan["sides"] == []

    again = [post(client, editor_headers, article) for article in (ARMENIA, AZERBAIJAN)]
    assert {x["event_id"] for x in again} == {a["event_id"]}  # the kept event is found again
    back = client.get(url).json()
    assert back["status"] == "dismissed"  # recomputation never reopens or resolves it
    assert back["note"] == verdict["note"]
    assert back["orphaned_at"] is None
    assert len(back["sides"]) == 2
    assert killed(client, again[0]["id"])["status"] != "disputed"


def test_an_editors_verdict_survives_moving_an_article_away_and_back(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    (found,) = open_conflicts(client)
    url = f"/v1/discrepancies/{found['id']}"
    client.patch(url, json={"status": "resolved", "note": "n"}, headers=editor_headers)
    moved = client.patch(f"/v1/articles/{b['id']}", json={"event_id": None}, headers=editor_headers)
    assert moved.status_code == 200
    assert client.get(url).json()["orphaned_at"] is not None
    client.patch(
        f"/v1/articles/{b['id']}", json={"event_id": a["event_id"]}, headers=editor_headers
    )
    back = client.get(url).json()
    assert (back["status"], back["orphaned_at"]) == ("resolved", None)


def test_every_discrepancy_explains_itself_in_one_line_and_a_series(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    post(client, editor_headers, AZERBAIJAN)
    post(client, editor_headers, ARMENIA_AGAIN)
    (found,) = open_conflicts(client)
    line = found["summary"]
    assert " · " in line and "\n" not in line
    assert "14" in line and "50" in line
    series = found["series"]
    assert [p["figure"]["lower"] for p in series] == [50, 14]  # in the order reported
    assert [p["outlet"] for p in series] == ["Baku Courier", "Yerevan Times"]
    assert series[0]["reported_at"] < series[1]["reported_at"]


def test_source_count_counts_publishers_not_articles(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    first = post(client, editor_headers, ARMENIA)
    same_outlet = post(client, editor_headers, dict(ARMENIA_AGAIN, publisher="Daily Ledger"))
    assert first["event_id"] == same_outlet["event_id"]
    claim = killed(client, first["id"])
    assert (claim["source_count"], claim["status"]) == (1, "single_source")

    renamed = client.patch(
        f"/v1/articles/{same_outlet['id']}",
        json={"publisher": "Yerevan Times"},
        headers=editor_headers,
    )
    assert renamed.status_code == 200
    claim = killed(client, first["id"])
    assert (claim["source_count"], claim["status"]) == (2, "corroborated")


def test_an_edited_publication_date_moves_the_events_dates(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    a = post(client, editor_headers, ARMENIA)
    post(client, editor_headers, ARMENIA_AGAIN)
    url = f"/v1/events/{a['event_id']}"
    assert client.get(url).json()["start_date"] == "2025-06-02"
    edit = {"published_at": "2025-06-01T09:00:00Z"}
    assert (
        client.patch(f"/v1/articles/{a['id']}", json=edit, headers=editor_headers).status_code
        == 200
    )
    assert client.get(url).json()["start_date"] == "2025-06-01"


def test_figures_about_another_incident_are_not_compared_with_the_main_one(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    post(client, editor_headers, ARMENIA)
    background = dict(
        AZERBAIJAN,
        body="Fighting continued near the Lachin corridor and the village of Tegh on Sunday, "
        "with roads from Goris to Stepanakert closed, residents said. In a separate attack, "
        "Azerbaijan's Defence Ministry said it had killed 50 Armenian soldiers.",
    )
    b = post(client, editor_headers, background)
    claim = killed(client, b["id"])
    assert claim["event_id"] is not None
    assert open_conflicts(client) == []

    same_incident = post(client, editor_headers, dict(AZERBAIJAN, publisher="Caspian Wire"))
    assert same_incident["event_id"] == b["event_id"]
    (found,) = open_conflicts(client)
    assert claim["id"] not in {c for side in side_claims(found) for c in side}
