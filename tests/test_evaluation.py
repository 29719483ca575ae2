"""The gold annotation, scored through the real ingest path (POST-equivalent service and
the HTTP API), holds the quality targets of extraction and discrepancy detection."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.config import PROJECT_ROOT
from api.evaluation.discrepancies import DiscrepancyReport
from api.evaluation.gold import GoldReport
from api.evaluation.service import evaluate
from api.seeds import load_seeds
from tests.factories import SEEDS_DIR

GOLD = json.loads((PROJECT_ROOT / "tests" / "data" / "gold_seeds.json").read_text("utf-8"))


def test_seed_claims_and_discrepancies_meet_the_targets(
    client: TestClient, seeded: list[int]
) -> None:
    names = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    claims, discrepancies = evaluate(client, GOLD, dict(zip(names, seeded, strict=True)))
    report = claims.format() + "\n" + discrepancies.format()
    assert claims.recall >= 0.95, report
    assert claims.precision >= 0.90, report
    assert claims.claimant_accuracy >= 0.95, report
    assert claims.not_claim_violations == [], report
    assert discrepancies.found == ["D1", "D2", "D3", "D4"], report
    assert discrepancies.denials_found == ["N1", "N2"], report
    assert discrepancies.false == [], report
    assert discrepancies.non_discrepancy_violations == [], report
    assert discrepancies.mixed_events == [], report


def test_seed_articles_group_into_their_events(client: TestClient, seeded: list[int]) -> None:
    names = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
    event_of = {
        name: client.get(f"/v1/articles/{article_id}").json()["event_id"]
        for name, article_id in zip(names, seeded, strict=True)
    }
    gold_event = {name: GOLD["articles"][name]["event"] for name in names}
    for a in names:
        for b in names:
            same_gold = gold_event[a] == gold_event[b]
            assert (event_of[a] == event_of[b]) == same_gold, (a, b, event_of)


HELDOUT_DIR = PROJECT_ROOT / "tests" / "data" / "heldout"
BLIND_DIR = PROJECT_ROOT / "tests" / "data" / "blind"


def _score(
    client: TestClient, session: Session, directory: Path, gold_file: str
) -> tuple[GoldReport, DiscrepancyReport, str]:
    """Load every document of ``directory`` through the write path and score it."""
    gold = json.loads((PROJECT_ROOT / "tests" / "data" / gold_file).read_text("utf-8"))
    loaded = [o.article_id for o in load_seeds(session, directory)]
    names = sorted(p.name for p in directory.glob("*.txt"))
    claims, discrepancies = evaluate(client, gold, dict(zip(names, loaded, strict=True)))
    return claims, discrepancies, claims.format() + "\n" + discrepancies.format()


def test_second_annotated_set_keeps_its_figures(client: TestClient, session: Session) -> None:
    """The four articles of tests/data/heldout (written outside the seeds; no longer blind:
    misses found there were fixed with general mechanisms) keep what they score today."""
    claims, discrepancies, report = _score(client, session, HELDOUT_DIR, "heldout_gold.json")
    assert claims.recall >= 0.95, report
    assert claims.precision >= 0.95, report
    assert claims.claimant_accuracy >= 0.95, report
    assert claims.not_claim_violations == [], report
    assert discrepancies.found == ["HD1", "HD2"], report
    assert discrepancies.denials_found == ["HN1"], report
    # one extra: the army's "lost four soldiers" (day one) against the RSF's "killed dozens
    # of soldiers" (day two); the annotation counts them as different time frames
    assert len(discrepancies.false) <= 1, report
    assert discrepancies.mixed_events == [], report


def test_blind_set_keeps_its_figures(client: TestClient, session: Session) -> None:
    """Five articles annotated by someone who had not seen the extractor (tests/data/blind).

    First scored before any change (recall 0.725, claimant accuracy 0.755, 1 of 6
    discrepancies); the misses were then fixed with general mechanisms, so this is no
    longer a blind measurement but a floor under today's figures.
    """
    claims, discrepancies, report = _score(client, session, BLIND_DIR, "blind_gold.json")
    assert claims.recall >= 0.85, report
    assert claims.precision >= 0.95, report
    assert claims.claimant_accuracy >= 0.85, report
    assert claims.not_claim_violations == [], report
    assert len(discrepancies.found) == 6, report
    assert discrepancies.non_discrepancy_violations == [], report
    assert discrepancies.mixed_events == [], report
