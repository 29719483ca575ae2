"""A list page costs a fixed number of queries, however many items it holds (no N+1).

Besides comparing a page of one with a page of many, every page is held to a fixed
budget: on the seeds a query per claimant or per actor chain shows up as a dozen queries
even on a page of one (a discrepancy of the seeds already has several claimants).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session

PAGE_QUERY_BUDGET = 9


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def _count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", _count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _count)


@pytest.mark.parametrize(
    "path", ["/v1/claims", "/v1/discrepancies", "/v1/articles", "/v1/actors", "/v1/events"]
)
def test_a_page_of_many_items_costs_the_queries_of_a_page_of_one(
    path: str, engine: Engine, session: Session, client: TestClient, seeded: list[int]
) -> None:
    costs = {}
    for limit in (1, 100):
        client.get(path, params={"limit": limit})  # warm: caches, prepared statements
        session.expunge_all()  # as in production: a request starts with an empty session
        with counting(engine) as statements:
            response = client.get(path, params={"limit": limit})
        assert response.status_code == 200, response.text
        costs[limit] = (len(response.json()["items"]), len(statements))
    (one, queries_one), (many, queries_many) = costs[1], costs[100]
    assert one == 1 and many > 2, costs
    # Lookups that find nothing to look up are skipped, so a page of one may cost a
    # query or two less; a query per item would cost dozens more.
    assert queries_many <= queries_one + 2, costs
    assert queries_many <= PAGE_QUERY_BUDGET, costs
