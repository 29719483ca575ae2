"""Test data and set-up shared by more than one test module: request bodies, where the
seeds are, posting articles and actors, extracting claims with either backend."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.config import PROJECT_ROOT
from api.extraction import extract
from api.extraction.parse import available
from api.extraction.types import ArticleInput, ExtractedClaim
from api.seeds import article_from_seed, seed_files

SEEDS_DIR = PROJECT_ROOT / "seeds"

ARTICLE = {
    "title": "Border clashes",
    "body": "The Pakistan military said that 23 of its soldiers were killed in the clashes. "
    "The Taliban said nine on its side were killed.",
    "publisher": "Example News",
    "published_at": "2025-10-12T08:00:00Z",
}


def article(**overrides: Any) -> dict[str, Any]:
    """A new article's body (ARTICLE with ``overrides``)."""
    return {**ARTICLE, **overrides}


# Two reports of one fact that disagree: the official count and the other side's claim.
OFFICIAL = {
    "title": "Pakistan counts its losses",
    "body": "The Pakistan military said 23 of its soldiers were killed in the border clashes.",
    "publisher": "Example News",
    "published_at": "2025-10-12T08:00:00Z",
}
CLAIMED = {
    "title": "Taliban claim heavy Pakistani losses",
    "body": "The Taliban said they killed 58 Pakistani soldiers in the border clashes.",
    "publisher": "Other Wire",
    "published_at": "2025-10-12T10:00:00Z",
}

# One event (Armenian and Azerbaijani reports of the same clash) and an unrelated one.
ARMENIA = {
    "title": "Clashes near Lachin corridor",
    "publisher": "Daily Ledger",
    "published_at": "2025-06-02T09:00:00Z",
    "body": "Fighting broke out near the Lachin corridor and the village of Tegh on Sunday. "
    "The Armenian Defence Ministry said that 14 of its soldiers were killed in the clashes. "
    "Officials in Goris said the road to Stepanakert was closed.",
}
AZERBAIJAN = {
    "title": "Azerbaijan claims heavy Armenian losses",
    "publisher": "Baku Courier",
    "published_at": "2025-06-02T15:00:00Z",
    "body": "Azerbaijan's Defence Ministry said it had killed 50 Armenian soldiers near the "
    "Lachin corridor and the village of Tegh on Sunday. The road from Goris to Stepanakert "
    "remains closed, residents said.",
}
ARMENIA_AGAIN = {
    "title": "Armenia mourns soldiers killed at Lachin corridor",
    "publisher": "Yerevan Times",
    "published_at": "2025-06-03T08:00:00Z",
    "body": "Mourners gathered in Goris on Monday. The Armenian Defence Ministry said that "
    "14 of its soldiers were killed in the fighting near the Lachin corridor and Tegh.",
}
MONITORS = {
    "title": "Monitors count the dead at Lachin corridor",
    "publisher": "Geneva Wire",
    "published_at": "2025-06-03T12:00:00Z",
    "body": "Observers visited Tegh and the Lachin corridor on Monday. The Red Cross said "
    "between 30 and 35 Armenian soldiers were killed in the fighting near Goris.",
}
FLOODS = {
    "title": "Flooding in Porto Alegre",
    "publisher": "Sul News",
    "published_at": "2025-06-03T10:00:00Z",
    "body": "Floods in Porto Alegre and the Guaiba lake basin forced residents from their "
    "homes. Brazil's civil defence agency said at least 12 people were killed and more than "
    "3,000 were displaced in Rio Grande do Sul.",
}


def post_article(
    client: TestClient, headers: dict[str, str], body: dict[str, str]
) -> dict[str, Any]:
    """POST ``body`` as a new article (201 expected); the created article."""
    response = client.post("/v1/articles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def post_actor(client: TestClient, headers: dict[str, str], **payload: object) -> dict[str, Any]:
    """POST ``payload`` as a new actor (201 with its `Location` expected); the actor."""
    response = client.post("/v1/actors", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["location"].endswith(f"/v1/actors/{response.json()['id']}")
    return dict(response.json())


BACKENDS = [
    "rules",
    pytest.param("parser", marks=pytest.mark.skipif(not available(), reason="no parser extra")),
]
"""The extraction backends, for ``pytest.mark.parametrize("backend", BACKENDS)``."""


def by_figure(body: str, backend: str) -> dict[str, ExtractedClaim]:
    """The claims ``backend`` extracts from ``body``, by the text of their figure."""
    result = extract(ArticleInput(body=body), backend=backend)
    return {c.quantity.text: c for c in result.claims if c.quantity is not None}


def who(claim: ExtractedClaim) -> str | None:
    """The name of the claim's claimant, if it has one."""
    return claim.claimant.name if claim.claimant else None


# Real articles for the tests that post many: the seeds and three annotated batches.
CORPUS_DIRS = [
    PROJECT_ROOT / "seeds",
    PROJECT_ROOT / "tests" / "data" / "heldout",
    PROJECT_ROOT / "tests" / "data" / "blind",
    PROJECT_ROOT / "tests" / "data" / "dev1",
]


def corpus() -> list[dict[str, Any]]:
    documents = []
    for folder in CORPUS_DIRS:
        for path in seed_files(folder):
            data = article_from_seed(path.read_text(encoding="utf-8"))
            documents.append(data.model_dump(mode="json", exclude_none=True))
    return documents
