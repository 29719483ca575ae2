"""Evaluation through the real ingest path: read what the API serves and score it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from api.evaluation.discrepancies import DiscrepancyReport, score_discrepancies
from api.evaluation.gold import GoldReport, score


class _Response(Protocol):
    def json(self) -> Any: ...


class Client(Protocol):
    def get(self, url: str, *, params: Any = None) -> _Response: ...


def _all(client: Client, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": 100}
        if cursor:
            query["cursor"] = cursor
        page = client.get(path, params=query).json()
        items.extend(page["items"])
        cursor = page["next"]
        if cursor is None:
            return items


def _names(claim: Mapping[str, Any], chains: Mapping[int, list[str]]) -> list[str]:
    claimant = claim.get("claimant")
    return chains.get(claimant["id"], []) if claimant else []


def evaluate(
    client: Client, gold: Mapping[str, Any], article_ids: Mapping[str, int]
) -> tuple[GoldReport, DiscrepancyReport]:
    """Score the claims and discrepancies the API serves for the gold articles.

    ``article_ids`` maps gold file names to stored article ids.
    """
    actors = {a["id"]: a for a in _all(client, "/v1/actors")}
    chains: dict[int, list[str]] = {}
    for actor_id in actors:
        names: list[str] = []
        node: dict[str, Any] | None = actors[actor_id]
        seen: set[int] = set()
        while node is not None and node["id"] not in seen:
            seen.add(node["id"])
            names += [node["name"], *node["aliases"]]
            node = actors.get(node["parent_id"]) if node["parent_id"] else None
        chains[actor_id] = names
    bodies: dict[str, str] = {}
    produced: dict[str, list[dict[str, Any]]] = {}
    for name, article_id in article_ids.items():
        body = client.get(f"/v1/articles/{article_id}").json()["body"]
        bodies[name] = body
        records = []
        for c in _all(client, f"/v1/articles/{article_id}/claims"):
            q = c["quantity"]
            records.append(
                {
                    "id": c["id"],
                    "quote": c["evidence"]["quote"],
                    "start": c["evidence"]["start"],
                    "end": c["evidence"]["end"],
                    "claimant_names": _names(c, chains),
                    "relayed_by": (c["relayed_by"] or {}).get("name"),
                    "qualifier": q["qualifier"] if q else None,
                    "lower": q["lower"] if q else None,
                    "upper": q["upper"] if q else None,
                    "unit": q["unit"] if q else None,
                    "stance": c["stance"],
                    "body": body,
                }
            )
        produced[name] = records
    claims_report = score(gold, produced, bodies)
    discrepancies = [
        {
            "id": d["id"],
            "kind": d["kind"],
            "sides": [[c["id"] for c in s["claims"]] for s in d["sides"]],
        }
        for d in _all(client, "/v1/discrepancies")
    ]
    return claims_report, score_discrepancies(gold, produced, discrepancies, bodies)
