"""Concurrent writers behave exactly as the same writes made one after another.

These tests run the real unit of work (no per-test transaction): each builds its own
scratch database of the suite's kind (SQLite file or PostgreSQL database), migrates it and
posts from several threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.factories import corpus
from tests.services import Service


def _snapshot(service: Service) -> dict[str, Any]:
    """What the store holds, in terms that do not depend on ids or insertion order."""
    eng = create_engine(service.url)
    try:
        with eng.connect() as conn:
            articles = {
                row.id: (row.content_hash, row.event_id)
                for row in conn.execute(text("SELECT id, content_hash, event_id FROM article"))
            }
            actors = {
                row.id: row.normalized_name
                for row in conn.execute(text("SELECT id, normalized_name FROM actor"))
            }
            events: dict[int, set[str]] = {}
            for digest, event_id in articles.values():
                events.setdefault(event_id, set()).add(digest)
            counts = {
                row.id: row.article_count
                for row in conn.execute(text("SELECT id, article_count FROM event"))
            }
            # An event by its articles, wherever its id appears (fact keys name it too).
            named = {event_id: repr(sorted(group)) for event_id, group in events.items()}
            terms = sorted(
                (named.get(row.event_id, ""), row.term, row.count)
                for row in conn.execute(text("SELECT event_id, term, count FROM event_term"))
            )
            claims = {}
            for row in conn.execute(
                text(
                    "SELECT id, article_id, start_offset, end_offset, status, source_count,"
                    " claimant_id, fact_key FROM claim"
                )
            ):
                fact = row.fact_key or ""
                if fact.startswith("e") and fact[1:].split("|")[0].isdigit():
                    event_id, rest = fact[1:].split("|", 1)
                    fact = named.get(int(event_id), "") + "|" + rest
                claims[row.id] = (
                    articles[row.article_id][0],
                    row.start_offset,
                    row.end_offset,
                    row.status,
                    row.source_count,
                    actors.get(row.claimant_id),
                    fact,
                )
            sides: dict[int, set[tuple[int, tuple[Any, ...]]]] = {}
            for row in conn.execute(
                text("SELECT discrepancy_id, claim_id, side FROM discrepancy_claim")
            ):
                sides.setdefault(row.discrepancy_id, set()).add(
                    (row.side, claims[row.claim_id][:3])
                )
            discrepancies = sorted(
                (row.kind, row.status, tuple(sorted(sides.get(row.id, set()))))
                for row in conn.execute(text("SELECT id, kind, status FROM discrepancy"))
            )
    finally:
        eng.dispose()
    return {
        "events": sorted(sorted(group) for group in events.values()),
        "event_counts": sorted(
            (sorted(events.get(event_id, set())), count) for event_id, count in counts.items()
        ),
        "event_terms": terms,
        "claims": sorted(claims.values(), key=repr),
        "actors": sorted(actors.values()),
        "discrepancies": discrepancies,
    }


def _post_all(service: Service, documents: list[dict[str, Any]], workers: int) -> list[int]:
    barrier = threading.Barrier(workers)

    def post(chunk: list[dict[str, Any]]) -> list[int]:
        client = service.client()
        barrier.wait()
        return [
            client.post("/v1/articles", json=doc, headers=service.headers).status_code
            for doc in chunk
        ]

    chunks = [documents[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        return [status for statuses in pool.map(post, chunks) for status in statuses]


def test_parallel_posts_equal_the_same_posts_in_order(
    make_service: Callable[[str], Service],
) -> None:
    documents = corpus()
    assert len(documents) >= 20
    parallel = make_service("parallel")
    statuses = _post_all(parallel, documents, workers=8)
    assert sorted(set(statuses)) == [201], statuses
    # The order in which the writers took the lock is the order of the article ids.
    eng = create_engine(parallel.url)
    with eng.connect() as conn:
        order = [
            row.content_hash
            for row in conn.execute(text("SELECT content_hash FROM article ORDER BY id"))
        ]
    eng.dispose()
    got = _snapshot(parallel)

    sequential = make_service("sequential")
    by_hash = {}
    from api.articles.service import content_hash

    for doc in documents:
        by_hash[content_hash(doc["body"])] = doc
    client = sequential.client()
    for digest in order:
        assert (
            client.post(
                "/v1/articles", json=by_hash[digest], headers=sequential.headers
            ).status_code
            == 201
        )
    expected = _snapshot(sequential)

    assert got["events"] == expected["events"]
    assert got["event_counts"] == expected["event_counts"]
    assert got["event_terms"] == expected["event_terms"]
    assert got["actors"] == expected["actors"]
    assert got["claims"] == expected["claims"]
    assert got["discrepancies"] == expected["discrepancies"]
    assert got["discrepancies"], "the corpus has discrepancies to find"


def test_identical_posts_at_once_store_one_article(
    make_service: Callable[[str], Service],
) -> None:
    service = make_service("same")
    doc = corpus()[0]
    statuses = _post_all(service, [doc] * 12, workers=6)
    assert sorted(statuses) == [200] * 11 + [201]
    eng = create_engine(service.url)
    with eng.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == 1
    eng.dispose()


@pytest.mark.parametrize("resource", ["articles", "claims", "actors", "discrepancies"])
def test_two_patches_with_one_etag_exactly_one_wins(
    make_service: Callable[[str], Service], resource: str
) -> None:
    service = make_service(f"etag_{resource}")
    client = service.client()
    for doc in corpus()[:2]:
        assert client.post("/v1/articles", json=doc, headers=service.headers).status_code == 201
    item = client.get(f"/v1/{resource}", params={"limit": 1}).json()["items"][0]
    path = f"/v1/{resource}/{item['id']}"
    choices: dict[str, list[dict[str, Any]]] = {
        "articles": [{"title": "first title"}, {"title": "second title"}],
        "claims": [{"statement": "first reading"}, {"statement": "second reading"}],
        "actors": [{"aliases": ["first alias"]}, {"aliases": ["second alias"]}],
        "discrepancies": [{"note": "first note"}, {"note": "second note"}],
    }
    bodies = choices[resource]
    for trial in range(6):
        etag = client.get(path).headers["ETag"]
        barrier = threading.Barrier(2)

        def patch(
            body: dict[str, Any], etag: str = etag, barrier: threading.Barrier = barrier
        ) -> int:
            own = service.client()
            barrier.wait()
            headers = {**service.headers, "If-Match": etag}
            return own.patch(path, json=body, headers=headers).status_code

        with ThreadPoolExecutor(2) as pool:
            results = sorted(pool.map(patch, [{**b} for b in bodies]))
        assert results == [200, 412], (trial, results)
        bodies.reverse()
