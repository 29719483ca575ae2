"""The Python client generated from schemas/openapi.json works against a live server.

scripts/contract.sh generates it into build/sdk/python with openapi-python-client.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from sqlmodel import Session, select

from api.config import PROJECT_ROOT, Settings
from api.db import make_engine
from api.inputs import MAX_ID
from tests.contract.harness import LiveServer
from tests.factories import CLAIMED, OFFICIAL

SDK_DIR = PROJECT_ROOT / "build" / "sdk" / "python"


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    if not (SDK_DIR / "claims_api_client").is_dir():
        pytest.fail("no generated SDK: run scripts/contract.sh (it generates build/sdk/python)")
    sys.path.insert(0, str(SDK_DIR))
    try:
        yield importlib.import_module("claims_api_client")
    finally:
        sys.path.remove(str(SDK_DIR))


def _ensure_discrepancy(live: LiveServer, claim_ids: list[int]) -> int:
    """The id of a discrepancy between the two articles' claims.

    Detection may find it; if it has not (yet), one is stored directly, as detection would.
    """
    from api.discrepancies.models import Discrepancy, DiscrepancyClaim

    engine = make_engine(Settings(database_url=live.database_url))
    try:
        with Session(engine) as session:
            link = session.exec(
                select(DiscrepancyClaim).where(DiscrepancyClaim.claim_id.in_(claim_ids))  # type: ignore[attr-defined]
            ).first()
            if link is not None:
                return link.discrepancy_id
            found = Discrepancy(
                kind="conflicting_figures",
                key="contract-test:pakistan-soldiers-killed",
                fact_key="contract-test:killed:soldiers",
                measure="killed",
                subject="soldiers",
            )
            session.add(found)
            session.flush()
            assert found.id is not None
            for side, claim_id in enumerate(claim_ids):
                session.add(DiscrepancyClaim(discrepancy_id=found.id, claim_id=claim_id, side=side))
            session.commit()
            return found.id
    finally:
        engine.dispose()


def test_generated_client_round_trip(sdk: ModuleType, live_server: LiveServer) -> None:
    from claims_api_client import AuthenticatedClient  # type: ignore[import-not-found]
    from claims_api_client.api.actors import get_actor  # type: ignore[import-not-found]
    from claims_api_client.api.articles import (  # type: ignore[import-not-found]
        create_article,
        list_article_claims,
    )
    from claims_api_client.api.claims import get_claim  # type: ignore[import-not-found]
    from claims_api_client.api.discrepancies import (  # type: ignore[import-not-found]
        get_discrepancy,
    )
    from claims_api_client.models import (  # type: ignore[import-not-found]
        ActorPublic,
        ArticleCreate,
        ArticlePublic,
        ClaimPublic,
        DiscrepancyPublic,
        PageClaimPublic,
        Problem,
    )

    client = AuthenticatedClient(base_url=live_server.base_url, token=live_server.editor_token)
    with client as c:
        created: list[Any] = []
        for text in (OFFICIAL, CLAIMED):
            response = create_article.sync_detailed(client=c, body=ArticleCreate.from_dict(text))
            assert response.status_code in (200, 201), response.content
            assert isinstance(response.parsed, ArticlePublic)
            created.append(response.parsed)
        article = created[0]

        claims: list[Any] = []
        cursor: Any = None
        pages = 0
        while True:
            kwargs: dict[str, Any] = {"client": c, "limit": 1}
            if cursor is not None:
                kwargs["cursor"] = cursor
            page = list_article_claims.sync(article.id, **kwargs)
            assert isinstance(page, PageClaimPublic)
            pages += 1
            claims.extend(page.items)
            if not isinstance(page.next_, str):
                break
            cursor = page.next_
        assert claims and pages == len(claims) == article.claim_count
        assert all(isinstance(claim, ClaimPublic) for claim in claims)

        claim = get_claim.sync(claims[0].id, client=c)
        assert isinstance(claim, ClaimPublic)
        assert claim.evidence.quote in article.body

        actor_ids = [
            s.id
            for cl in claims
            for s in (cl.claimant, cl.subject_side, cl.relayed_by, cl.target)
            if s is not None and not isinstance(s, type(None)) and hasattr(s, "id")
        ]
        assert actor_ids, "the claims name their actors"
        actor = get_actor.sync(actor_ids[0], client=c)
        assert isinstance(actor, ActorPublic)
        assert actor.id == actor_ids[0]

        other_claims = list_article_claims.sync(created[1].id, client=c)
        assert isinstance(other_claims, PageClaimPublic)
        discrepancy_id = _ensure_discrepancy(
            live_server, [claims[0].id, *[cl.id for cl in other_claims.items[:1]]]
        )
        discrepancy = get_discrepancy.sync(discrepancy_id, client=c)
        assert isinstance(discrepancy, DiscrepancyPublic)
        assert discrepancy.id == discrepancy_id

        missing = get_claim.sync_detailed(MAX_ID, client=c)
        assert missing.status_code == 404
        assert isinstance(missing.parsed, Problem)
        assert missing.parsed.status == 404
        assert missing.parsed.type_.startswith("urn:claimsapi:problem:")
