"""Closed vocabularies are refused when unknown; evidence offsets in code points and UTF-16."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.claims.service import utf16_offset
from api.extraction import extract, parse_seed_document
from api.extraction.measures import MEASURES
from api.extraction.types import ArticleInput
from api.main import create_app
from tests.factories import CLAIMED, OFFICIAL, post_article
from tests.helpers import assert_problem


def test_an_unknown_measure_is_refused_not_an_empty_page(client: TestClient) -> None:
    assert_problem(client.get("/v1/claims", params={"measure": "kiled"}), 422)
    assert_problem(client.get("/v1/discrepancies", params={"measure": "kiled"}), 422)
    assert client.get("/v1/claims", params={"measure": "killed"}).status_code == 200


def test_an_editor_cannot_set_an_unknown_measure(
    client: TestClient, editor_headers: dict[str, str]
) -> None:
    article = post_article(client, editor_headers, OFFICIAL)
    claim = client.get(f"/v1/articles/{article['id']}/claims").json()["items"][0]
    response = client.patch(
        f"/v1/claims/{claim['id']}", json={"measure": "kiled"}, headers=editor_headers
    )
    assert_problem(response, 422)
    response = client.patch(
        f"/v1/claims/{claim['id']}", json={"measure": "wounded"}, headers=editor_headers
    )
    assert response.status_code == 200 and response.json()["measure"] == "wounded"


def test_every_measure_the_extractor_gives_is_in_the_closed_list() -> None:
    from api.config import PROJECT_ROOT

    bodies = [parse_seed_document(p.read_text())[1] for p in (PROJECT_ROOT / "seeds").glob("*.txt")]
    bodies += [OFFICIAL["body"], CLAIMED["body"]]
    seen = {c.measure for body in bodies for c in extract(ArticleInput(body=body)).claims}
    seen.discard(None)
    assert len(seen) > 3 and seen <= set(MEASURES)


def test_the_schema_lists_the_measures() -> None:
    schema: dict[str, Any] = create_app().openapi()
    params = schema["paths"]["/v1/claims"]["get"]["parameters"]
    measure = next(p for p in params if p["name"] == "measure")["schema"]
    assert measure["enum"] == list(MEASURES)


def test_utf16_offsets_count_astral_characters_twice() -> None:
    body = "🛡️ x 😀 said 23 were killed"
    start = body.index("said")
    assert utf16_offset(body, start) == len(body[:start].encode("utf-16-le")) // 2
    assert utf16_offset("plain", 3) == 3


def test_claims_carry_utf16_offsets(client: TestClient, editor_headers: dict[str, str]) -> None:
    body = "😀 Update: " + OFFICIAL["body"]
    article = post_article(client, editor_headers, {"title": "emoji", "body": body})
    claims = client.get(f"/v1/articles/{article['id']}/claims").json()["items"]
    assert claims
    units = body.encode("utf-16-le")
    for claim in claims:
        ev = claim["evidence"]
        assert body[ev["start"] : ev["end"]] == ev["quote"]
        assert ev["start_utf16"] == ev["start"] + 1 and ev["end_utf16"] == ev["end"] + 1
        cut = units[2 * ev["start_utf16"] : 2 * ev["end_utf16"]].decode("utf-16-le")
        assert cut == ev["quote"]
