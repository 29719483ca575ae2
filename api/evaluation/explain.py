"""Why a gold discrepancy was missed: the stored claims behind each of its sides.

For every gold discrepancy (and denial) the service did not find, this lists the stored
claims whose evidence overlaps each gold claim's quote, with what decides whether two
claims are compared at all: the event, the fact key and its parts (measure family,
subject, counted side), the claimant's party root, the qualifier and the interval the
claim allows. A closing line names the first blocking cause it can see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from api.actors.models import Actor
from api.articles.models import Article
from api.claims.models import Claim
from api.config import get_settings
from api.discrepancies import detection, refresh
from api.evaluation.gold import _value_matches, locate


@dataclass(frozen=True, slots=True)
class Row:
    """One stored claim as the explanation shows it."""

    claim: Claim
    article: str
    value_ok: bool
    party: int | str | None
    span: detection.Interval | None


def _name(session: Session, actor_id: int | str | None, cache: dict[int, str]) -> str:
    if actor_id is None:
        return "-"
    if isinstance(actor_id, str):
        return actor_id
    if actor_id not in cache:
        actor = session.get(Actor, actor_id)
        cache[actor_id] = f"{actor.name}#{actor_id}" if actor else f"#{actor_id}"
    return cache[actor_id]


def _record(claim: Claim) -> dict[str, Any]:
    return {
        "qualifier": claim.qualifier,
        "lower": claim.lower,
        "upper": claim.upper,
        "unit": claim.unit,
    }


def _rows(
    session: Session,
    gold_claim: Mapping[str, Any],
    claims_of: Mapping[str, Sequence[Claim]],
    articles: Mapping[str, Article],
    parties: refresh.Parties,
) -> list[Row]:
    name = gold_claim["article"]
    article = articles.get(name)
    if article is None:
        return []
    span = locate(article.body, gold_claim["quote"])
    if span is None:
        return []
    tolerance = get_settings().discrepancy_tolerance
    out = []
    for claim in claims_of.get(name, ()):
        if not (claim.start_offset < span[1] and span[0] < claim.end_offset):
            continue
        fact = refresh.fact_claims([claim], {article.id or 0: article}, parties)[0]
        interval = (
            detection.interval(fact, tolerance)
            if claim.lower is not None or claim.upper is not None
            else None
        )
        out.append(
            Row(
                claim=claim,
                article=name,
                value_ok=_value_matches(gold_claim, _record(claim)),
                party=fact.party,
                span=interval,
            )
        )
    return out


def _show_row(session: Session, row: Row, names: dict[int, str]) -> str:
    c = row.claim
    side = refresh.Parties(session).root(c.subject_side_id)
    interval = f"[{row.span.lo:g}, {row.span.hi:g}]" if row.span is not None else "(no figure)"
    return (
        f"      #{c.id} {'value ok' if row.value_ok else 'VALUE DIFFERS'} "
        f"{c.quote!r}\n"
        f"        event={c.event_id} fact_key={c.fact_key}\n"
        f"        measure={c.measure} subject={c.subject!r} ({c.subject_text!r}) "
        f"side={_name(session, side, names)} stance={c.stance}\n"
        f"        claimant={_name(session, c.claimant_id, names)} "
        f"party={_name(session, row.party, names)} "
        f"qualifier={c.qualifier} {c.lower}..{c.upper} {c.unit or ''} interval={interval} "
        f"time={c.time_text!r}/{c.time_kind}"
    )


_KEY_PARTS = ("event", "measure", "subject", "side", "unit", "incident")


def _key_parts(key: str) -> dict[str, str]:
    parts = key.split("|")
    named = dict(zip(_KEY_PARTS, parts[:5], strict=False))
    named["incident"] = parts[5] if len(parts) > 5 else "main"
    return named


def _cause(sides: Sequence[Sequence[Row]]) -> str:
    """The reasons visible in the rows why the sides were not set apart.

    The scorer wants every stored claim matching a gold claim on the discrepancy's side,
    so every matched claim counts here: one without the shared fact key is a cause.
    """
    if any(not side for side in sides):
        return "a side has no stored claim overlapping its quote (not extracted)"
    chosen = [[r for r in side if r.value_ok] for side in sides]
    if any(not side for side in chosen):
        return "a side's figure was extracted with another value or qualifier"
    causes = []
    keys = Counter(r.claim.fact_key for side in chosen for r in side if r.claim.fact_key)
    if not keys:
        return "no claim has a fact key (no event, no measure, or outside the event)"
    main = keys.most_common(1)[0][0]
    for side in chosen:
        for r in side:
            key = r.claim.fact_key
            if key is None:
                causes.append(f"#{r.claim.id} has no fact key (time {r.claim.time_text!r})")
            elif key != main:
                pa, pb = _key_parts(key), _key_parts(main)
                differ = [p for p in _KEY_PARTS if pa.get(p) != pb.get(p)]
                causes.append(
                    f"#{r.claim.id} other fact: "
                    + ", ".join(f"{p} {pa.get(p)} vs {pb.get(p)}" for p in differ)
                )
    on_main = [[r for r in side if r.claim.fact_key == main] for side in chosen]
    parties = [{r.party for r in side} for side in on_main]
    if all(parties) and parties[0] & parties[1]:
        causes.append("same party on both sides: " + ", ".join(map(str, parties[0] & parties[1])))
    if any(None in p for p in parties):
        causes.append("a side has no party (claimant unknown and not an outlet's figure)")
    if not refresh.claimants_comparable(main) and not all(
        detection.is_outlet(p) for side in parties for p in side
    ):
        causes.append("claimants are not compared on this fact (whose, or what, is not said)")
    spans = [[r.span for r in side if r.span is not None] for side in on_main]
    if any(x.overlaps(y) for x in spans[0] for y in spans[1]):
        causes.append("the intervals overlap (qualifier or tolerance)")
    return "; ".join(causes) or (
        "same fact, parties apart, figures disjoint: a side also holds a figure of another "
        "party, or the series rules let the figures stand (a later toll)"
    )


def explain_missed(
    session: Session, gold: Mapping[str, Any], article_ids: Mapping[str, int], missed: Sequence[str]
) -> str:
    """The explanation of every missed gold discrepancy and denial (ids in ``missed``)."""
    wanted = {item.split(":", 1)[0] for item in missed}
    articles = {
        name: a
        for name, article_id in article_ids.items()
        if (a := session.get(Article, article_id)) is not None
    }
    by_id = {a.id: name for name, a in articles.items()}
    claims_of: dict[str, list[Claim]] = {}
    for claim in session.exec(
        select(Claim).where(col(Claim.article_id).in_(list(by_id))).order_by(col(Claim.id))
    ):
        claims_of.setdefault(by_id[claim.article_id], []).append(claim)
    parties = refresh.Parties(session)
    gold_claims = {g["id"]: g for g in gold.get("claims", [])}
    names: dict[int, str] = {}
    lines: list[str] = []
    for item in gold.get("discrepancies", []):
        if item["id"] not in wanted:
            continue
        lines.append(f"{item['id']}: {item['quantity']}")
        sides: list[list[Row]] = []
        for index, side in enumerate(item["sides"]):
            lines.append(f"  side {index + 1}:")
            rows: list[Row] = []
            for claim_id in side:
                g = gold_claims[claim_id]
                lines.append(
                    f"    {claim_id} [{g['article']}] {g.get('claimant')} "
                    f"{g['value']} {g['quote']!r}"
                )
                found = _rows(session, g, claims_of, articles, parties)
                if not found:
                    lines.append("      (no stored claim overlaps the quote)")
                lines.extend(_show_row(session, r, names) for r in found)
                rows += found
            sides.append(rows)
        lines.append(f"  => {_cause(sides)}")
    for item in gold.get("denials", {}).get("items", []):
        if item["id"] not in wanted:
            continue
        lines.append(f"{item['id']} (denial) [{item['article']}]")
        for role in ("assertion", "denial"):
            part = item[role]
            lines.append(f"  {role}: {part['claimant']} {part['quote']!r}")
            g = {"article": item["article"], "quote": part["quote"], "value": {"eq": 0}}
            found = _rows(session, g, claims_of, articles, parties)
            if not found:
                lines.append("      (no stored claim overlaps the quote)")
            lines.extend(_show_row(session, r, names) for r in found)
    return "\n".join(lines)
