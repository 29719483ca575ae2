"""The committed OpenAPI document is the one the app serves, and it is complete."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import PROJECT_ROOT
from api.main import create_app

COMMITTED = PROJECT_ROOT / "schemas" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
READS = ("get", "head")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
PROBLEM = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture(scope="module")
def served() -> dict[str, Any]:
    with TestClient(create_app()) as client:
        response = client.get("/v1/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, item[method])
        for path, item in document["paths"].items()
        for method in METHODS
        if method in item
    ]


def test_committed_document_matches_the_served_one(served: dict[str, Any]) -> None:
    committed = json.loads(Path(COMMITTED).read_text(encoding="utf-8"))
    assert committed == served, (
        "schemas/openapi.json is stale: run `make openapi` (or `.venv/bin/claimsapi openapi`)"
        " and commit the result"
    )


def test_committed_file_is_the_cli_output_byte_for_byte(served: dict[str, Any]) -> None:
    text = json.dumps(served, indent=2, ensure_ascii=False) + "\n"
    assert Path(COMMITTED).read_text(encoding="utf-8") == text


def test_generation_is_deterministic() -> None:
    first = json.dumps(create_app().openapi())
    second = json.dumps(create_app().openapi())
    assert first == second


def test_document_is_openapi_3_1_with_servers_and_bearer_scheme(served: dict[str, Any]) -> None:
    assert served["openapi"].startswith("3.1.")
    assert served["servers"]
    scheme = served["components"]["securitySchemes"]["HTTPBearer"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    assert "HTTPValidationError" not in served["components"]["schemas"]
    assert "Problem" in served["components"]["schemas"]


def test_every_operation_is_described(served: dict[str, Any]) -> None:
    declared_tags = {t["name"] for t in served.get("tags", []) if t.get("description")}
    ids = [op["operationId"] for _, _, op in operations(served)]
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for path, method, op in operations(served):
        label = f"{method.upper()} {path}"
        assert SNAKE.match(op["operationId"]), label
        assert op.get("tags") and set(op["tags"]) <= declared_tags, label
        assert op.get("summary"), label
        assert op.get("description"), label


def test_security_writes_need_a_key_reads_may_send_one(served: dict[str, Any]) -> None:
    for path, method, op in operations(served):
        key_only = "keys" in op["tags"]  # key management needs an admin key to read too
        expected: list[dict[str, list[str]]] = (
            [{}, {"HTTPBearer": []}] if method in READS and not key_only else [{"HTTPBearer": []}]
        )
        # Reads inherit the document's optional key (generators then accept an anonymous
        # client); operations that need a key say so themselves.
        assert op.get("security", served["security"]) == expected, f"{method.upper()} {path}"
        assert ("security" in op) == (expected == [{"HTTPBearer": []}]), f"{method.upper()} {path}"


def test_every_error_is_a_problem_document(served: dict[str, Any]) -> None:
    for path, method, op in operations(served):
        label = f"{method.upper()} {path}"
        responses = op["responses"]
        assert "401" in responses, label
        if method not in READS:
            assert "403" in responses, label
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in responses, label
        if any(p["in"] == "path" for p in op.get("parameters", [])):
            assert "404" in responses, label
        for status, response in responses.items():
            assert response.get("description"), f"{label} {status}"
            if int(status) >= 400:
                assert response["content"] == {"application/problem+json": {"schema": PROBLEM}}, (
                    f"{label} {status}"
                )


def test_request_bodies_have_examples(served: dict[str, Any]) -> None:
    for path, method, op in operations(served):
        for media_type, media in op.get("requestBody", {}).get("content", {}).items():
            assert media.get("examples"), f"{method.upper()} {path} {media_type}"


def test_pagination_and_headers_are_documented(served: dict[str, Any]) -> None:
    for path, method, op in operations(served):
        label = f"{method.upper()} {path}"
        names = {p["name"] for p in op.get("parameters", [])}
        ok = op["responses"].get("200", {})
        schema_ref = (
            ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
        )
        if schema_ref.rsplit("/", 1)[-1].startswith("Page_"):
            assert {"limit", "cursor"} <= names, label
            assert "Link" in ok.get("headers", {}), label
        if method == "get" and path.endswith("}"):
            assert "ETag" in ok.get("headers", {}), label
            assert "304" in op["responses"], label
            assert "If-None-Match" in names, label
        if "if-match" in names:
            assert "412" in op["responses"], label


def test_links_connect_the_article_flow(served: dict[str, Any]) -> None:
    by_id = {op["operationId"]: op for _, _, op in operations(served)}
    targets = {
        (source, link["operationId"])
        for source, op in by_id.items()
        for response in op["responses"].values()
        for link in response.get("links", {}).values()
    }
    for link in targets:
        assert link[1] in by_id, link
    assert {
        ("create_article", "list_article_claims"),
        ("list_article_claims", "get_claim"),
        ("get_claim", "update_claim"),
        ("get_claim", "get_discrepancy"),
        ("create_article", "delete_article"),
        ("delete_article", "list_article_claims"),
    } <= targets


def test_sdk_friendly_names_servers_and_required_fields(served: dict[str, Any]) -> None:
    schemas = served["components"]["schemas"]
    assert "ClaimPage" in schemas and not any(name.startswith("Page_") for name in schemas)
    assert served["servers"][0]["url"] == "/"  # /docs calls the host it was served from
    for name in ("ClaimPage", "ArticlePublic", "ActorPublic"):
        assert set(schemas[name]["required"]) == set(schemas[name]["properties"]), name
    assert {"start_utf16", "end_utf16"} <= set(schemas["Evidence"]["required"])
