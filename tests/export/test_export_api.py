"""Bulk export: streamed NDJSON and CSV with the lists' filters, gzip, the CLI's file."""

from __future__ import annotations

import csv
import gzip
import io
import json
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.export import service
from api.export.service import Format, Resource
from tests.helpers import assert_problem


def _listed(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {"limit": 100, **params, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=query).json()
        items += page["items"]
        if (cursor := page["next"]) is None:
            return items


def _ndjson(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines()]


def test_every_resource_exports_what_its_list_returns(
    client: TestClient, seeded: list[int]
) -> None:
    for resource in ("articles", "claims", "actors", "discrepancies", "events"):
        response = client.get(f"/v1/export/{resource}")
        assert response.headers["content-type"] == "application/x-ndjson"
        assert (
            response.headers["content-disposition"] == f'attachment; filename="{resource}.ndjson"'
        )
        assert _ndjson(response) == _listed(client, f"/v1/{resource}"), resource


def test_export_takes_the_lists_filters(client: TestClient, seeded: list[int]) -> None:
    params = {"measure": "killed", "q": "soldiers"}
    exported = _ndjson(client.get("/v1/export/claims", params=params))
    assert exported and exported == _listed(client, "/v1/claims", **params)
    article = _ndjson(client.get("/v1/export/claims", params={"article_id": seeded[1]}))
    assert {c["article_id"] for c in article} == {seeded[1]}
    assert_problem(client.get("/v1/export/claims", params={"measure_x": "1"}), 422)
    assert_problem(client.get("/v1/export/claims", params={"status": "nope"}), 422)
    assert_problem(
        client.get("/v1/export/articles", params={"format": "csv"}), 422, mentions="format"
    )


def test_claims_csv(client: TestClient, seeded: list[int]) -> None:
    response = client.get("/v1/export/claims", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    listed = _listed(client, "/v1/claims")
    assert [int(r["id"]) for r in rows] == [c["id"] for c in listed]
    first, claim = rows[0], listed[0]
    assert first["quote"] == claim["evidence"]["quote"]
    assert first["statement"] == claim["statement"]
    assert tuple(rows[0]) == service.CSV_COLUMNS


def test_export_is_gzipped_when_asked(client: TestClient, seeded: list[int]) -> None:
    plain = client.get("/v1/export/claims", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with client.stream("GET", "/v1/export/claims", headers={"Accept-Encoding": "gzip"}) as zipped:
        assert zipped.headers["content-encoding"] == "gzip"
        raw = b"".join(zipped.iter_raw())
    assert gzip.decompress(raw) == plain.content


def test_batches_read_in_keyset_order_and_forget_what_they_read(
    session: Session, seeded: list[int]
) -> None:
    seen: list[int] = []
    for batch in service.batches(session, Resource.claims, {}, batch=3):
        assert len(batch) <= 3
        assert not list(session.identity_map.values())  # nothing kept between batches
        seen += [int(getattr(item, "id")) for item in batch]  # noqa: B009
    assert seen == sorted(seen) and len(seen) == len(set(seen)) > 10
    small = b"".join(service.encode(session, Resource.claims, Format.ndjson, batch=2))
    whole = b"".join(service.encode(session, Resource.claims, Format.ndjson))
    assert small == whole
