"""Scoring of discrepancy detection against the gold annotation (pure)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from api.evaluation.gold import _overlaps, _value_matches, locate

#: How annotators say two claims are about different incidents (in a look-alike's "why").
CROSS_INCIDENT = re.compile(
    r"separate|different incident|another incident|historical|different (?:place|area|"
    r"cit|town|district|operation|period)|last (?:week|month|year)|\bin (?:19|20)\d\d\b",
    re.I,
)

GOLD_KINDS = {
    "conflicting figures": "conflicting_figures",
    "one claimant, different figures in different reports": "inconsistent_reporting",
}


@dataclass
class DiscrepancyReport:
    expected: int = 0
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    denials_expected: int = 0
    denials_found: list[str] = field(default_factory=list)
    denials_missed: list[str] = field(default_factory=list)
    produced: int = 0
    false: list[str] = field(default_factory=list)
    non_discrepancy_violations: list[str] = field(default_factory=list)
    mixed_events: list[str] = field(default_factory=list)
    cross_incident: list[str] = field(default_factory=list)
    """Look-alikes about different incidents whose claims one discrepancy set against
    each other."""
    opposed: list[str] = field(default_factory=list)
    """Gold conflicts not found whole, but whose sides one discrepancy sets against each
    other with a side incomplete (a claim of a gold side stored elsewhere)."""
    partial: set[int] = field(default_factory=set)
    """The discrepancies (indexes) that only an incomplete match explains: false in
    ``precision``, true in ``lenient_precision``."""

    @property
    def lenient_precision(self) -> float:
        true = self.produced - len(self.false) + len(self.partial)
        return true / self.produced if self.produced else 1.0

    @property
    def recall(self) -> float:
        total = self.expected + self.denials_expected
        return (len(self.found) + len(self.denials_found)) / total if total else 1.0

    @property
    def precision(self) -> float:
        return (self.produced - len(self.false)) / self.produced if self.produced else 1.0

    def format(self) -> str:
        lines = [
            f"discrepancy recall    : {self.recall:.3f} "
            f"({len(self.found)}/{self.expected} conflicts, "
            f"{len(self.denials_found)}/{self.denials_expected} denials)",
            f"discrepancy precision : {self.precision:.3f} "
            f"({self.produced - len(self.false)}/{self.produced})",
            f"conflicts set against each other, a side incomplete: {len(self.opposed)} "
            f"(with them: {len(self.found) + len(self.opposed)}/{self.expected} conflicts, "
            f"precision {self.lenient_precision:.3f})",
            f"non-discrepancies flagged: {len(self.non_discrepancy_violations)}",
            f"discrepancies mixing events: {len(self.mixed_events)}",
            f"cross-incident pairs: {len(self.cross_incident)}",
        ]
        for title, items in (
            ("missed", self.missed + self.denials_missed),
            ("set against each other, a side incomplete", self.opposed),
            ("false discrepancies", self.false),
            ("non-discrepancies flagged", self.non_discrepancy_violations),
            ("mixing events", self.mixed_events),
            ("cross-incident pairs", self.cross_incident),
        ):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)


def _matches(
    gold: Mapping[str, Any],
    produced: Mapping[str, Sequence[Mapping[str, Any]]],
    bodies: Mapping[str, str],
) -> dict[str, set[int]]:
    """Produced claim ids matching each gold claim (value, qualifier, overlapping quote)."""
    out: dict[str, set[int]] = {}
    for g in gold.get("claims", []):
        body = bodies.get(g["article"], "")
        span = locate(body, g["quote"]) if body else None
        out[g["id"]] = {
            int(c["id"])
            for c in produced.get(g["article"], ())
            if _value_matches(g, c) and _overlaps(span, c)
        }
    return out


def _quote_matches(body: str, quote: str, claims: Sequence[Mapping[str, Any]]) -> set[int]:
    span = locate(body, quote) if body else None
    return {int(c["id"]) for c in claims if _overlaps(span, c)}


def score_discrepancies(
    gold: Mapping[str, Any],
    produced_claims: Mapping[str, Sequence[Mapping[str, Any]]],
    discrepancies: Sequence[Mapping[str, Any]],
    bodies: Mapping[str, str],
) -> DiscrepancyReport:
    """``produced_claims``: per article file name, claim records with ``id``; each
    discrepancy: ``{"id", "kind", "sides": [[claim id, ...], ...]}``."""
    report = DiscrepancyReport(produced=len(discrepancies))
    matches = _matches(gold, produced_claims, bodies)
    article_of = {int(c["id"]): name for name, claims in produced_claims.items() for c in claims}
    event_of = {name: meta.get("event") for name, meta in gold.get("articles", {}).items()}
    side_of: list[dict[int, int]] = [
        {cid: i for i, side in enumerate(d["sides"]) for cid in side} for d in discrepancies
    ]
    explained = _score_conflicts(report, gold, matches, discrepancies, side_of)
    explained |= _score_denials(report, gold, produced_claims, bodies, discrepancies, side_of)
    for index, d in enumerate(discrepancies):
        if index not in explained:
            shown = "; ".join(
                ", ".join(f"{article_of.get(c, '?')}#{c}" for c in side) for side in d["sides"]
            )
            report.false.append(f"discrepancy {d['id']} ({d['kind']}): {shown}")
        events = {event_of.get(article_of.get(c, "")) for side in d["sides"] for c in side}
        if len(events) > 1:
            report.mixed_events.append(f"discrepancy {d['id']} spans {sorted(map(str, events))}")
    report.partial -= explained
    _score_non_discrepancies(report, gold, matches, discrepancies, side_of)
    return report


def _placement(gold_sides: Sequence[set[int]], side_of: Mapping[int, int]) -> tuple[bool, bool]:
    """How one discrepancy places the claims of a gold conflict's sides: (opposed,
    complete). Opposed: every gold side has claims in it, all on one side of it, each gold
    side on another; complete: no claim of a gold side is left out."""
    present = [{side_of[cid] for cid in side if cid in side_of} for side in gold_sides]
    if any(len(p) != 1 for p in present) or len({min(p) for p in present}) != len(present):
        return False, False
    return True, all(cid in side_of for side in gold_sides for cid in side)


def _score_conflicts(
    report: DiscrepancyReport,
    gold: Mapping[str, Any],
    matches: Mapping[str, set[int]],
    discrepancies: Sequence[Mapping[str, Any]],
    side_of: Sequence[Mapping[int, int]],
) -> set[int]:
    """Record each gold figure discrepancy found, set against each other with a side
    incomplete, or missed; the discrepancies that explain them. One is found when every
    claim matching a gold side stands on one side of it, each gold side on another."""
    explained: set[int] = set()
    for g in gold.get("discrepancies", []):
        report.expected += 1
        kind = GOLD_KINDS.get(g["kind"], g["kind"])
        gold_sides = [set().union(*(matches[cid] for cid in side)) for side in g["sides"]]
        whole, partly = None, None
        for index, d in enumerate(discrepancies):
            if d["kind"] != kind:
                continue
            opposed, complete = _placement(gold_sides, side_of[index])
            if complete:
                whole = index
                break
            if opposed and partly is None:
                partly = index
        if whole is not None:
            report.found.append(g["id"])
            explained.add(whole)
        elif partly is not None:
            report.opposed.append(f"{g['id']}: {g['quantity']}")
            report.partial.add(partly)
        else:
            report.missed.append(f"{g['id']}: {g['quantity']} ({g['why']})")
    return explained


def _score_denials(
    report: DiscrepancyReport,
    gold: Mapping[str, Any],
    produced_claims: Mapping[str, Sequence[Mapping[str, Any]]],
    bodies: Mapping[str, str],
    discrepancies: Sequence[Mapping[str, Any]],
    side_of: Sequence[Mapping[int, int]],
) -> set[int]:
    """Record each gold denial found or missed; the denial discrepancies found. One is
    found when claims overlapping its assertion and its denial stand on different sides."""
    explained: set[int] = set()
    for item in gold.get("denials", {}).get("items", []):
        report.denials_expected += 1
        name = item["article"]
        claims = produced_claims.get(name, ())
        body = bodies.get(name, "")
        asserted = _quote_matches(body, item["assertion"]["quote"], claims)
        denied = _quote_matches(body, item["denial"]["quote"], claims)
        hit = None
        for index, d in enumerate(discrepancies):
            if d["kind"] != "denial":
                continue
            sides = side_of[index]
            a_sides = {sides[c] for c in asserted if c in sides}
            d_sides = {sides[c] for c in denied if c in sides}
            if a_sides and d_sides and a_sides != d_sides:
                hit = index
                break
        if hit is None:
            report.denials_missed.append(f"{item['id']}: {item['denial']['quote']!r}")
        else:
            report.denials_found.append(item["id"])
            explained.add(hit)
    return explained


def _score_non_discrepancies(
    report: DiscrepancyReport,
    gold: Mapping[str, Any],
    matches: Mapping[str, set[int]],
    discrepancies: Sequence[Mapping[str, Any]],
    side_of: Sequence[Mapping[int, int]],
) -> None:
    """Record the look-alikes and updates set on different sides of one discrepancy, and
    among them those about different incidents."""
    for item in gold.get("non_discrepancies", []):
        ids = [matches.get(cid, set()) for cid in item["claims"]]
        for index, d in enumerate(discrepancies):
            if d["kind"] == "denial":
                continue
            where = side_of[index]
            on_sides = {where[c] for group in ids for c in group if c in where}
            if len(on_sides) > 1:
                shown = f"{'/'.join(item['claims'])} in discrepancy {d['id']}: {item['why']}"
                report.non_discrepancy_violations.append(shown)
                if CROSS_INCIDENT.search(item["why"]):
                    report.cross_incident.append(shown)
