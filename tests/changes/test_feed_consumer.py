"""A consumer mirrors the store through the change feed while another client writes.

The real unit of work (no per-test transaction), on a scratch database of the suite's kind
(SQLite file or PostgreSQL database). One thread creates, edits and deletes through the
API; another does what the README tells a consumer to do: note the feed's cursor, copy
every list, then follow `/v1/changes` from that cursor, re-reading each changed resource
(a 404, a 410 or a tombstone removes it). At the end the mirror equals a fresh read of every list.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import corpus
from tests.services import Service

RESOURCES = ("articles", "claims", "actors", "discrepancies", "events")
Mirror = dict[str, dict[int, dict[str, Any]]]


def read_lists(client: TestClient) -> Mirror:
    """Every item of every list, by resource and id."""
    out: Mirror = {}
    for resource in RESOURCES:
        rows: dict[int, dict[str, Any]] = {}
        params: dict[str, Any] = {"limit": 100}
        while True:
            response = client.get(f"/v1/{resource}", params=params)
            assert response.status_code == 200, response.text
            body = response.json()
            rows.update({item["id"]: item for item in body["items"]})
            if body["next"] is None:
                break
            params["cursor"] = body["next"]
        out[resource] = rows
    return out


class Consumer:
    """A mirror kept by the change feed, as the README describes."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.cursor = self._latest()  # noted before the copy
        self.mirror = read_lists(client)
        self.applied = 0
        self.tombstones = 0

    def _latest(self) -> str:
        cursor: str = self.client.get("/v1/changes/latest").json()["next"]
        return cursor

    def poll(self) -> bool:
        """Apply one page of changes; whether more are waiting."""
        response = self.client.get("/v1/changes", params={"after": self.cursor, "limit": 50})
        assert response.status_code == 200, response.text
        body = response.json()
        ids = [item["id"] for item in body["items"]]
        assert ids == sorted(ids)
        touched = dict.fromkeys((i["resource"], i["resource_id"]) for i in body["items"])
        for resource, resource_id in touched:
            self._apply(resource, resource_id)
        self.tombstones += sum(i["action"] == "deleted" for i in body["items"])
        self.applied += len(body["items"])
        self.cursor = body["next"]
        return bool(body["has_more"])

    def _apply(self, resource: str, resource_id: int) -> None:
        response = self.client.get(f"/v1/{resource}/{resource_id}")
        if response.status_code in (404, 410):  # 410: a deleted article
            self.mirror[resource].pop(resource_id, None)
            return
        assert response.status_code == 200, response.text
        self.mirror[resource][resource_id] = response.json()


def write(client: TestClient, headers: dict[str, str], documents: list[dict[str, Any]]) -> None:
    """Create, edit and delete through the API, as an editor would."""
    posted: list[int] = []
    for n, doc in enumerate(documents):
        response = client.post("/v1/articles", json=doc, headers=headers)
        assert response.status_code == 201, response.text
        posted.append(response.json()["id"])
        if n % 3 == 1:  # an edit that re-derives: another publisher
            patch = client.patch(
                f"/v1/articles/{posted[-2]}", json={"publisher": f"Wire {n}"}, headers=headers
            )
            assert patch.status_code == 200, patch.text
        if n % 4 == 2:  # a deletion, and later the same text again
            gone = posted.pop(0)
            assert client.delete(f"/v1/articles/{gone}", headers=headers).status_code == 204
        if n % 4 == 3:
            claims = client.get("/v1/claims", params={"limit": 5}).json()["items"]
            if claims:
                patch = client.patch(
                    f"/v1/claims/{claims[-1]['id']}", json={"reviewed": True}, headers=headers
                )
                assert patch.status_code == 200, patch.text
        if n % 5 == 4:
            found = client.get("/v1/discrepancies", params={"status": "open"}).json()["items"]
            if found:
                patch = client.patch(
                    f"/v1/discrepancies/{found[0]['id']}",
                    json={"status": "dismissed", "note": f"checked {n}"},
                    headers=headers,
                )
                assert patch.status_code == 200, patch.text
        if n % 5 == 2:
            actors = client.get("/v1/actors", params={"limit": 3}).json()["items"]
            actor = actors[-1]
            patch = client.patch(
                f"/v1/actors/{actor['id']}",
                json={"name": f"{actor['name']} ({n})", "aliases": [f"alias {n}"]},
                headers=headers,
            )
            assert patch.status_code == 200, patch.text
    # The first document again: a deleted text comes back (and with it what it found).
    response = client.post("/v1/articles", json=documents[0], headers=headers)
    assert response.status_code in (200, 201), response.text


def test_a_consumer_mirrors_the_store_while_another_client_writes(
    make_service: Callable[[str], Service],
) -> None:
    service = make_service("feed")
    documents = corpus()[:14]
    writer = service.client()
    for doc in documents[:3]:  # something to copy before following the feed
        assert writer.post("/v1/articles", json=doc, headers=service.headers).status_code == 201

    started = threading.Event()
    failures: list[BaseException] = []

    def run_writer() -> None:
        try:
            started.wait(30)
            write(writer, service.headers, documents[3:])
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    thread = threading.Thread(target=run_writer)
    thread.start()
    reader = service.client()
    started.set()
    consumer = Consumer(reader)  # the copy runs while the writer writes
    polls = 0
    while thread.is_alive():
        consumer.poll()
        polls += 1
    thread.join()
    assert not failures, failures
    while consumer.poll():
        polls += 1

    assert consumer.mirror == read_lists(reader)
    assert consumer.applied > 0 and consumer.tombstones > 0 and polls > 1
    assert consumer.mirror["discrepancies"], "the corpus has discrepancies to follow"
