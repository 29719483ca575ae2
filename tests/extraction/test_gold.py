from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from api.evaluation.adapters import records
from api.evaluation.gold import score
from api.extraction.types import ExtractionResult

ROOT = Path(__file__).resolve().parents[2]


def test_every_claim_quote_matches_body(
    seed_results: dict[str, tuple[str, ExtractionResult]],
) -> None:
    for _name, (body, result) in seed_results.items():
        for c in result.claims:
            assert body[c.evidence.start : c.evidence.end] == c.evidence.quote
            assert 0.0 <= c.confidence <= 1.0


def test_gold_thresholds(seed_results: dict[str, tuple[str, ExtractionResult]]) -> None:
    gold = json.loads((ROOT / "tests/data/gold_seeds.json").read_text("utf-8"))
    produced = {name: records(res, body) for name, (body, res) in seed_results.items()}
    report = score(gold, produced, {name: body for name, (body, _r) in seed_results.items()})
    text = report.format()
    assert report.recall >= 0.95, text
    assert report.precision >= 0.90, text
    assert report.claimant_accuracy >= 0.95, text
    assert report.not_claim_violations == [], text


def test_scorer_rules() -> None:
    gold = {
        "parties": {"A": ["Alpha", "Alphaland"], "B": ["Beta"]},
        "claims": [
            {
                "id": "x1",
                "article": "a",
                "claimant": "A",
                "value": {"gt": 200},
                "quote": "over 200 men",
            },
            {
                "id": "x2",
                "article": "a",
                "claimant": None,
                "value": {"eq": 5},
                "unit": "km",
                "quote": "5 km",
            },
            {
                "id": "x3",
                "article": "a",
                "claimant": None,
                "value": {"gte": 24},
                "quote": "Dozens",
                "optional": True,
            },
        ],
        "not_claims": {"items": [{"article": "a", "text": "2021"}]},
    }
    body = "Alpha said over 200 men died in 2021. The road is 5 km long. Dozens fled. 2 more."
    rec = {"relayed_by": None, "body": body, "unit": None}
    produced: dict[str, list[dict[str, Any]]] = {
        "a": [
            {
                **rec,
                "quote": "over 200 men",
                "start": 11,
                "end": 23,
                "claimant_names": ["Alpha"],
                "qualifier": "more_than",
                "lower": 200,
                "upper": None,
            },
            {
                **rec,
                "quote": "5 km",
                "start": 50,
                "end": 54,
                "claimant_names": ["Beta"],
                "qualifier": "exact",
                "lower": 5,
                "upper": 5,
                "unit": "km",
            },
            {
                **rec,
                "quote": "Dozens",
                "start": 61,
                "end": 67,
                "claimant_names": [],
                "qualifier": "vague",
                "lower": 24,
                "upper": None,
            },
            {
                **rec,
                "quote": "2 more",
                "start": 73,
                "end": 79,
                "claimant_names": [],
                "qualifier": "exact",
                "lower": 2,
                "upper": 2,
            },
        ]
    }
    report = score(gold, produced)
    assert report.required_total == 2
    assert report.located == 2 and report.claimant_correct == 1  # null gold vs party B: error
    assert report.true_hits == 2 and report.false_hits == 1 and report.optional_only == 1
    assert report.not_claim_violations == []
    assert "claimant errors" in report.format()


def _one_claim(claimant_names: list[str], body: str, quote: str) -> dict[str, Any]:
    start = body.index(quote)
    return {
        "relayed_by": None,
        "body": body,
        "unit": None,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
        "claimant_names": claimant_names,
        "qualifier": "exact",
        "lower": 40,
        "upper": 40,
    }


def test_a_publisher_that_is_a_party_is_the_claimant_of_the_articles_own_figures() -> None:
    """A press release's own figure: gold ``null`` (the publisher's) and gold issuer are
    the same claimant, whichever the annotator wrote and whichever the extractor gave."""
    body = "The cooperative hired 40 new drivers this spring, the board of Delta Farms said."
    quote = "40 new drivers"
    parties = {"D": ["Delta Farms", "the board of Delta Farms"], "U": ["Union Nine"]}
    release = {"a": {"publisher": "Delta Farms (DF)"}}
    news = {"a": {"publisher": "The Daily Lantern"}}

    def correct(claimant: str | None, names: list[str], articles: dict[str, Any]) -> int:
        gold = {
            "parties": parties,
            "articles": articles,
            "claims": [
                {
                    "id": "x",
                    "article": "a",
                    "claimant": claimant,
                    "value": {"eq": 40},
                    "quote": quote,
                }
            ],
        }
        return score(gold, {"a": [_one_claim(names, body, quote)]}).claimant_correct

    assert correct(None, ["Delta Farms"], release) == 1
    assert correct("D", [], release) == 1
    assert correct("D", ["Delta Farms"], release) == 1
    assert correct(None, ["Union Nine"], release) == 0  # another party's figure
    assert correct(None, ["Delta Farms"], news) == 0  # a party in a paper of its own
    assert correct("D", [], news) == 0  # the paper's own figure is not the party's
