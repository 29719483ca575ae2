"""Re-extraction with a new extractor keeps editors' corrections and stable ids."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api import ingest
from api.articles import service
from api.articles.models import Article
from api.extraction import extract as real_extract
from api.extraction.types import ArticleInput, ExtractionResult
from tests.factories import ARMENIA, AZERBAIJAN
from tests.factories import post_article as post


def test_reextraction_keeps_edits_and_reports_changes(
    client: TestClient,
    session: Session,
    editor_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = post(client, editor_headers, ARMENIA)
    b = post(client, editor_headers, AZERBAIJAN)
    claims = client.get(f"/v1/articles/{b['id']}/claims").json()["items"]
    killed = next(c for c in claims if c["measure"] == "killed")
    others = [c for c in claims if c["id"] != killed["id"]]
    assert others, "the article has a second claim to drop"
    edited = client.patch(
        f"/v1/claims/{killed['id']}",
        json={"subject_text": "Armenian servicemen", "reviewed": True},
        headers=editor_headers,
    ).json()

    def newer(article: ArticleInput) -> ExtractionResult:
        result = real_extract(article)
        kept = tuple(c for c in result.claims if c.measure == "killed")
        return dataclasses.replace(result, version="rules-test-2", claims=kept)

    monkeypatch.setattr(ingest, "extract", newer)
    stale = service.articles_to_reextract(session, everything=False, version="rules-test-2")
    assert stale == [a["id"], b["id"]]
    article = session.get(Article, b["id"])
    assert article is not None
    report = ingest.reextract_article(session, article)

    assert report.kept_edited == 1
    assert report.removed == len(others)
    assert report.added == 0
    assert report.version == "rules-test-2"
    after = client.get(f"/v1/articles/{b['id']}/claims").json()["items"]
    assert [c["id"] for c in after] == [killed["id"]]
    assert after[0]["subject_text"] == "Armenian servicemen"
    assert after[0]["edited"] is True
    assert after[0]["status"] == edited["status"]
    assert after[0]["reviewed"] is edited["reviewed"] is True
    assert client.get(f"/v1/articles/{b['id']}").json()["extractor_version"] == "rules-test-2"
    assert service.articles_to_reextract(session, everything=False, version="rules-test-2") == [
        a["id"]
    ]

    first = session.get(Article, a["id"])
    assert first is not None
    unchanged = ingest.reextract_article(session, first)
    ids_before = [c["id"] for c in client.get(f"/v1/articles/{a['id']}/claims").json()["items"]]
    assert unchanged.unchanged == len(ids_before)
    assert unchanged.added == unchanged.removed == 0
    # the conflict between the two ministries survives re-extraction
    conflicts = client.get("/v1/discrepancies", params={"kind": "conflicting_figures"}).json()
    assert len(conflicts["items"]) == 1
