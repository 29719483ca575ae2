"""Conversion of pipeline results into the neutral records scored by :mod:`.gold`."""

from __future__ import annotations

from typing import Any

from api.extraction.types import ActorRef, ExtractedClaim, ExtractionResult


def actor_names(actor: ActorRef | None) -> list[str]:
    """The actor's name, aliases and those of all its parents, nearest first."""
    if actor is None:
        return []
    names: list[str] = []
    for node in actor.chain():
        names.append(node.name)
        names.extend(node.aliases)
    return names


def claim_record(claim: ExtractedClaim, body: str) -> dict[str, Any]:
    q = claim.quantity
    return {
        "quote": claim.evidence.quote,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
        "claimant_names": actor_names(claim.claimant),
        "relayed_by": claim.relayed_by.name if claim.relayed_by else None,
        "qualifier": q.qualifier.value if q else None,
        "lower": q.lower if q else None,
        "upper": q.upper if q else None,
        "unit": q.unit if q else None,
        "stance": claim.stance.value,
        "body": body,
    }


def records(result: ExtractionResult, body: str) -> list[dict[str, Any]]:
    return [claim_record(c, body) for c in result.claims]
