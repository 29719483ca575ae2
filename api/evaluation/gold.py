"""Scoring produced claims against the gold annotation of the seed articles.

Inputs are neutral records, so the same scorer serves the pure pipeline and the API:

* ``gold``: the parsed ``tests/data/gold_seeds.json``;
* ``produced``: per article file name, a list of claim dicts with keys ``quote``, ``start``,
  ``end``, ``claimant_names`` (claimant name, aliases and all its parents' names/aliases),
  ``relayed_by``, ``qualifier``, ``lower``, ``upper``, ``unit``, ``body`` and optionally
  ``stance`` ("assertion" | "accusation" | "denial", default "assertion").

Matching rules:

* value: gold ``eq`` -> qualifier ``exact`` with lower == upper == value; ``{"gte": a,
  "lte": b}`` -> ``range`` a..b; ``approx`` ->
  ``approximately``; ``gt`` -> ``more_than``; ``gte`` -> ``at_least`` or ``vague`` (vague
  amounts such as "dozens" carry their lower bound); the number must be equal, and the unit
  too when the gold claim has one;
* evidence: the produced span ``[start, end)`` overlaps the gold quote located in the body;
* claimant: a gold party matches when any of its surface names equals any produced
  claimant name (case-, quote- and punctuation-insensitive). A gold ``null`` claimant (an
  unattributed fact) matches a produced claimant that is ``None`` or that belongs to none of
  the gold parties: attributing a background fact to a third party is tolerated, attributing it
  to one of the parties in conflict is not. An article's own figure is its publisher's, so
  where the publisher is itself a gold party (a press release, an outlet annotated as a
  party) ``null`` and that party are the same claimant: either matches the other.

Recall counts required gold claims matched on value, evidence and claimant; claimant accuracy
is over the required claims located on value and evidence. Precision is over produced numeric
claims: a hit matches a required or optional gold claim on value and evidence; claims matching
only optional gold are left out of the denominator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_UNIT_ALIASES = {
    "km": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "mi": "mi",
    "mile": "mi",
    "miles": "mi",
    "m": "m",
    "meter": "m",
    "meters": "m",
}
_GOLD_QUALIFIER = {
    "eq": ("exact",),
    "approx": ("approximately",),
    "gt": ("more_than",),
    "gte": ("at_least", "vague"),
    "lt": ("less_than",),
    "lte": ("at_most",),
}


def normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    text = re.sub(r"[^\w\s]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _unit(u: str | None) -> str | None:
    if u is None:
        return None
    return _UNIT_ALIASES.get(u.strip().lower(), u.strip().lower())


def locate(body: str, quote: str) -> tuple[int, int] | None:
    """Span of ``quote`` in ``body`` (quote-insensitive fallback keeps offsets)."""
    i = body.find(quote)
    if i < 0:
        i = body.translate(_QUOTES).find(quote.translate(_QUOTES))
    if i < 0:
        return None
    return i, i + len(quote)


@dataclass(frozen=True, slots=True)
class DenialResult:
    id: str
    assertion_found: bool
    denial_found: bool

    @property
    def found(self) -> bool:
        return self.assertion_found and self.denial_found


@dataclass(slots=True)
class GoldReport:
    required_total: int = 0
    required_found: int = 0
    located: int = 0
    claimant_correct: int = 0
    true_hits: int = 0
    false_hits: int = 0
    optional_only: int = 0
    misses: list[str] = field(default_factory=list)
    claimant_errors: list[str] = field(default_factory=list)
    false_hit_details: list[str] = field(default_factory=list)
    not_claim_violations: list[str] = field(default_factory=list)
    denials: list[DenialResult] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.required_found / self.required_total if self.required_total else 1.0

    @property
    def precision(self) -> float:
        denom = self.true_hits + self.false_hits
        return self.true_hits / denom if denom else 1.0

    @property
    def claimant_accuracy(self) -> float:
        return self.claimant_correct / self.located if self.located else 1.0

    @property
    def denials_found(self) -> int:
        return sum(d.found for d in self.denials)

    def format(self) -> str:
        lines = [
            f"required-claim recall : {self.recall:.3f} "
            f"({self.required_found}/{self.required_total})",
            f"precision (numeric)   : {self.precision:.3f} ({self.true_hits}/"
            f"{self.true_hits + self.false_hits}; {self.optional_only} optional-only excluded)",
            f"claimant accuracy     : {self.claimant_accuracy:.3f} ({self.claimant_correct}/"
            f"{self.located} located)",
            f"not_claims violations : {len(self.not_claim_violations)}",
            f"denials (bonus)       : {self.denials_found}/{len(self.denials)}",
        ]
        for title, items in (
            ("misses", self.misses),
            ("claimant errors", self.claimant_errors),
            ("false hits", self.false_hit_details),
            ("not_claims extracted", self.not_claim_violations),
        ):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
        for d in self.denials:
            if not d.found:
                lines.append(
                    f"denial {d.id} missed (assertion={d.assertion_found}, denial={d.denial_found})"
                )
        return "\n".join(lines)


def _value_matches(gold_claim: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
    value: Mapping[str, float] = gold_claim["value"]
    qualifier = claim.get("qualifier")
    lower, upper = claim.get("lower"), claim.get("upper")
    if set(value) == {"gte", "lte"}:  # a range: "10 to 12", "between 150 and 200"
        return (
            qualifier == "range"
            and lower == value["gte"]
            and upper == value["lte"]
            and _unit_matches(gold_claim, claim)
        )
    ((op, number),) = value.items()
    if qualifier not in _GOLD_QUALIFIER.get(op, ()):
        return False
    if op == "eq" and (lower != number or upper != number):
        return False
    if op in ("approx", "gt", "gte") and lower != number:
        return False
    if op in ("lt", "lte") and upper != number:
        return False
    return _unit_matches(gold_claim, claim)


def _unit_matches(gold_claim: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
    gold_unit = gold_claim.get("unit")
    return not (gold_unit is not None and _unit(gold_unit) != _unit(claim.get("unit")))


def _overlaps(span: tuple[int, int] | None, claim: Mapping[str, Any]) -> bool:
    if span is None:
        return False
    return int(claim["start"]) < span[1] and span[0] < int(claim["end"])


def _names(claim: Mapping[str, Any]) -> set[str]:
    return {normalize(n) for n in claim.get("claimant_names") or () if n}


def _party_names(gold: Mapping[str, Any]) -> dict[str, set[str]]:
    return {p: {normalize(n) for n in names} for p, names in gold.get("parties", {}).items()}


def _publisher_parties(gold: Mapping[str, Any], parties: Mapping[str, set[str]]) -> dict[str, str]:
    """The gold party each article's publisher is, where it is one (its name, with or
    without a trailing parenthesised short form, is one of the party's names)."""
    out = {}
    for article, meta in gold.get("articles", {}).items():
        publisher = str(meta.get("publisher") or "")
        forms = {normalize(publisher), normalize(re.sub(r"\s*\([^)]*\)\s*$", "", publisher))}
        forms.discard("")
        for party, names in parties.items():
            if forms & names:
                out[article] = party
                break
    return out


def _claimant_ok(
    party: str | None,
    claim: Mapping[str, Any],
    parties: Mapping[str, set[str]],
    publisher: str | None = None,
) -> bool:
    """Whether ``claim``'s claimant is the gold ``party`` (``None``: the article's own
    figure, that is its ``publisher``'s when the publisher is a gold party)."""
    names = _names(claim)
    if party is None and publisher is not None and names & parties[publisher]:
        return True
    if party is None:
        return not any(names & pnames for pnames in parties.values())
    if party == publisher and not names:
        return True
    return bool(names & parties.get(party, set()))


def _is_numeric(claim: Mapping[str, Any]) -> bool:
    return claim.get("lower") is not None or claim.get("upper") is not None


@dataclass(frozen=True)
class _Scoring:
    """What every measure of one scoring run reads."""

    gold_claims: list[Mapping[str, Any]]
    produced: Mapping[str, Sequence[Mapping[str, Any]]]
    bodies: Mapping[str, str]
    spans: Mapping[str, tuple[int, int] | None]
    parties: Mapping[str, set[str]]
    publishers: Mapping[str, str]

    def claimant_ok(self, party: str | None, claim: Mapping[str, Any], article: str) -> bool:
        return _claimant_ok(party, claim, self.parties, self.publishers.get(article))


def score(
    gold: Mapping[str, Any],
    produced: Mapping[str, Sequence[Mapping[str, Any]]],
    bodies: Mapping[str, str] | None = None,
) -> GoldReport:
    """Score produced claims (per article file name) against the gold annotation."""
    parties = _party_names(gold)
    body_of: dict[str, str] = dict(bodies or {})
    for article, claims in produced.items():
        for c in claims:
            if c.get("body"):
                body_of.setdefault(article, str(c["body"]))
                break
    gold_claims: list[Mapping[str, Any]] = list(gold.get("claims", []))
    spans: dict[str, tuple[int, int] | None] = {}
    for g in gold_claims:
        body = body_of.get(g["article"], "")
        spans[g["id"]] = locate(body, g["quote"]) if body else None
    run = _Scoring(
        gold_claims, produced, body_of, spans, parties, _publisher_parties(gold, parties)
    )
    report = GoldReport()
    _score_recall(run, report)
    _score_precision(run, report)
    _score_not_claims(run, gold.get("not_claims", {}).get("items", []), report)
    _score_denials(run, gold.get("denials", {}).get("items", []), report)
    return report


def _score_recall(run: _Scoring, report: GoldReport) -> None:
    """Recall and claimant accuracy over the required claims."""
    for g in run.gold_claims:
        if g.get("optional"):
            continue
        report.required_total += 1
        claims = run.produced.get(g["article"], ())
        located = [c for c in claims if _value_matches(g, c) and _overlaps(run.spans[g["id"]], c)]
        if not located:
            report.misses.append(f"{g['id']}: {g['quote']!r} ({g['value']})")
            continue
        report.located += 1
        if any(run.claimant_ok(g.get("claimant"), c, g["article"]) for c in located):
            report.claimant_correct += 1
            report.required_found += 1
        else:
            got = sorted({n for c in located for n in (c.get("claimant_names") or ())[:1]})
            report.claimant_errors.append(
                f"{g['id']}: expected {g.get('claimant')}, got {got or [None]} for {g['quote']!r}"
            )


def _score_precision(run: _Scoring, report: GoldReport) -> None:
    """Precision over the produced numeric claims."""
    for article, claims in run.produced.items():
        article_gold = [g for g in run.gold_claims if g["article"] == article]
        for c in claims:
            if not _is_numeric(c):
                continue
            hits = [
                g for g in article_gold if _value_matches(g, c) and _overlaps(run.spans[g["id"]], c)
            ]
            if any(not g.get("optional") for g in hits):
                report.true_hits += 1
            elif hits:
                report.optional_only += 1
            else:
                report.false_hits += 1
                report.false_hit_details.append(
                    f"{article}: {c.get('quote')!r} ({c.get('qualifier')} {c.get('lower')}"
                    f"..{c.get('upper')} {c.get('unit') or ''})".rstrip()
                )


def _score_not_claims(
    run: _Scoring, items: Iterable[Mapping[str, Any]], report: GoldReport
) -> None:
    """Numbers of dates, years, times ... must not be extracted as quantities."""
    for item in items:
        body = run.bodies.get(item["article"], "")
        text = item["text"]
        numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}
        for occ in _occurrences(body, text):
            for c in run.produced.get(item["article"], ()):
                if not _is_numeric(c) or not _overlaps(occ, c):
                    continue
                if {c.get("lower"), c.get("upper")} & numbers:
                    report.not_claim_violations.append(
                        f"{item['article']}: {text!r} extracted as {c.get('quote')!r}"
                    )


def _score_denials(run: _Scoring, items: Iterable[Mapping[str, Any]], report: GoldReport) -> None:
    """Denials (a bonus): the assertion and the denial each stored with its claimant."""
    for item in items:
        article = item["article"]
        body = run.bodies.get(article, "")
        claims = run.produced.get(article, ())
        a_span = locate(body, item["assertion"]["quote"]) if body else None
        d_span = locate(body, item["denial"]["quote"]) if body else None
        a_ok = any(
            _overlaps(a_span, c)
            and run.claimant_ok(item["assertion"]["claimant"], c, article)
            and c.get("stance", "assertion") != "denial"
            for c in claims
        )
        d_ok = any(
            _overlaps(d_span, c)
            and run.claimant_ok(item["denial"]["claimant"], c, article)
            and c.get("stance") == "denial"
            for c in claims
        )
        report.denials.append(DenialResult(item["id"], a_ok, d_ok))


def _occurrences(body: str, text: str) -> Iterable[tuple[int, int]]:
    start = 0
    while text and body:
        i = body.find(text, start)
        if i < 0:
            return
        yield i, i + len(text)
        start = i + 1
