"""Pure conflict detection over claims about one fact (no web or database imports).

A *fact* is (event, measure, subject, side, unit dimension, period). Every claim about a
fact carries an interval built from its qualifier; two claims agree when their intervals
overlap. Different claimants whose figures cannot both hold make a *conflicting figures*
discrepancy; one claimant whose figure differs between reports makes an *inconsistent
reporting* discrepancy. The same claimant's agreeing figure from several sources is
*corroboration*, not conflict.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from api.discrepancies.denials import (  # re-exported: denial matching
    DENIAL as DENIAL,
)
from api.discrepancies.denials import (
    SHARED_WORDS as SHARED_WORDS,
)
from api.discrepancies.denials import (
    Finding as Finding,
)
from api.discrepancies.denials import (
    Statement as Statement,
)
from api.discrepancies.denials import (
    clause_of as clause_of,
)
from api.discrepancies.denials import (
    content_words as content_words,
)
from api.discrepancies.denials import (
    match_denials as match_denials,
)
from api.discrepancies.figures import (
    Figure,
    bits,
    cannot_both_hold,
    corroboration,
    fits,
    inconsistent_groups,
)
from api.discrepancies.figures import (
    Interval as Interval,  # re-exported: detection's intervals
)

CONFLICTING = "conflicting_figures"
INCONSISTENT = "inconsistent_reporting"

HEDGED = {"approximately", "vague"}


@dataclass(frozen=True, slots=True)
class FactClaim:
    """What detection needs to know of one claim (values in the base unit)."""

    claim_id: int
    article_id: int
    party: int | str | None
    """The party the claimant speaks for; an unattributed figure is its outlet's
    (``"outlet:..."``)."""
    source: str
    qualifier: str
    lower: float | None
    upper: float | None
    strict_lower: bool = False
    strict_upper: bool = False
    unit_factor: float = 1.0
    has_unit: bool = False
    moment: date | None = None
    """When the figure was given (its report's publication day): a count can change."""
    corrects: bool = False
    """The figure says it corrects an earlier one ("revised down to 12")."""


def is_outlet(party: int | str | None) -> bool:
    return isinstance(party, str)


#: How a fact's figure may change over time, by measure. ``rising``: a count that only
#: grows as it is completed (the dead, the rescued); ``varying``: one that goes up and down
#: (the missing, outages); any other measure is fixed once the incident is over (drones
#: downed in one night), so a changed figure is a contradiction.
SERIES: dict[str, str] = {
    "killed": "rising",
    "wounded": "rising",
    "casualties": "rising",
    "displaced": "rising",
    "rescued": "rising",
    "arrested": "rising",
    "released": "rising",
    "abducted": "rising",
    "missing": "varying",
}


#: Subjects whose bare count ("58 people had received care", "310 people evacuated",
#: "1,151 suspected cases") grows as the incident's figures are completed, like a toll.
RISING_COUNTS = frozenset({"people", "civilians", "case"})


def series_of(measure: str | None, subject: str | None = None) -> str:
    """How the fact's figure may change over time (see ``SERIES``); a bare count of
    people rises as a toll does."""
    if measure == "count" and subject in RISING_COUNTS:
        return "rising"
    return SERIES.get(measure or "", "fixed")


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit of a round figure (2,600 -> 50)."""
    if value == 0 or not float(value).is_integer():
        return 0.0
    n = int(abs(value))
    step = 1
    while n % 10 == 0 and n >= 10:
        n //= 10
        step *= 10
    return step / 2 if step > 1 else 0.0


def interval(claim: FactClaim, tolerance: float) -> Interval:
    """The values the claim allows, widened for hedges and, for measurements, rounding."""
    lo = claim.lower if claim.lower is not None else -math.inf
    hi = claim.upper if claim.upper is not None else math.inf
    lo_open, hi_open = claim.strict_lower, claim.strict_upper
    if claim.qualifier in HEDGED:
        if math.isfinite(lo):
            lo = lo - abs(lo) * tolerance
        if math.isfinite(hi):
            hi = hi + abs(hi) * tolerance
        lo_open = hi_open = False
    if claim.has_unit:
        # Measurements are written rounded: 2,600 km and 1,600 miles are the same length.
        if math.isfinite(lo):
            lo -= _rounding(lo / claim.unit_factor) * claim.unit_factor
        if math.isfinite(hi):
            hi += _rounding(hi / claim.unit_factor) * claim.unit_factor
    return Interval(lo, hi, lo_open, hi_open)


@dataclass(slots=True)
class FactAnalysis:
    findings: list[Finding] = field(default_factory=list)
    sources: dict[int, int] = field(default_factory=dict)
    """Per claim: how many independent sources carry the same claimant's agreeing figure."""


def figure(claim: FactClaim, spans: dict[int, Interval]) -> Figure:
    return Figure(spans[claim.claim_id], claim.moment, claim.corrects)


def _compatible(x: FactClaim, y: FactClaim, spans: dict[int, Interval], series: str) -> bool:
    """Whether two claims' figures can both hold (see ``figures.fits``)."""
    return fits(figure(x, spans), figure(y, spans), series)


def _classes(own: Sequence[FactClaim], figs: dict[int, Figure]) -> list[list[FactClaim]]:
    """The claims grouped by figure, in order of first appearance. Claims of one class agree
    with each other and compare alike with every other figure; a figure that does not
    even agree with itself (an empty open interval) makes a class of each of its claims."""
    classes: dict[object, list[FactClaim]] = {}
    for claim in own:
        fig = figs[claim.claim_id]
        key: object = fig if fig.span.overlaps(fig.span) else (fig, claim.claim_id)
        classes.setdefault(key, []).append(claim)
    return list(classes.values())


def _inconsistent_sides(
    own: Sequence[FactClaim],
    spans: dict[int, Interval],
    series: str = "fixed",
    figs: dict[int, Figure] | None = None,
) -> tuple[tuple[int, ...], ...] | None:
    """The sides of one claimant's figures that cannot both hold, in different reports.

    Agreement is not transitive: "dozens" fits 40 and fits "more than 50", but 40 and "more
    than 50" still contradict each other. Any pair from different articles that cannot
    both hold (see ``_compatible``) makes the claimant inconsistent; the sides are the
    components of agreement once the figures agreeing with both figures of such a pair
    (the open-ended "dozens") are set aside.

    The claims are compared by class of identical figures (see ``_classes``), all classes
    at once by sorting (``figures.inconsistent_groups``), not pair by pair.
    """
    if figs is None:
        figs = {c.claim_id: figure(c, spans) for c in own}
    classes = _classes(own, figs)
    groups = inconsistent_groups(
        [figs[members[0].claim_id] for members in classes],
        [frozenset(c.article_id for c in members) for members in classes],
        series,
    )
    if groups is None:
        return None
    return tuple(sorted(_ids(c for k in bits(group) for c in classes[k]) for group in groups))


def _ids(claims: Iterable[FactClaim]) -> tuple[int, ...]:
    return tuple(sorted(c.claim_id for c in claims))


def analyse(
    fact_key: str,
    claims: Sequence[FactClaim],
    tolerance: float,
    *,
    compare_claimants: bool = True,
    compare_outlets: bool = True,
    series: str = "fixed",
) -> FactAnalysis:
    """Findings and corroboration for the claims of one fact.

    ``compare_claimants`` is false when the fact is too loosely known to set one
    claimant against another (whose dead is not said: regional or partial counts
    would look like conflicts); one claimant's changing figure is still reported, and
    outlets' own figures are still set against each other (unless ``compare_outlets`` is
    false: the measure is too vague to tell two reports are about one number).
    ``series`` says how the fact's figure may change over time (see ``SERIES``).
    """
    result = FactAnalysis()
    by_party: dict[int | str, list[FactClaim]] = defaultdict(list)
    for claim in claims:
        if claim.party is not None:
            by_party[claim.party].append(claim)
    spans = {c.claim_id: interval(c, tolerance) for c in claims}
    figs = {c.claim_id: figure(c, spans) for c in claims}  # made once, compared many times

    same_party: dict[int | str | None, list[FactClaim]] = defaultdict(list)
    for claim in claims:
        same_party[claim.party].append(claim)
    for own in same_party.values():
        result.sources.update(_corroboration(own, spans))

    # One claimant, figures that cannot both hold, in different reports.
    for party, own in sorted(by_party.items(), key=lambda item: str(item[0])):
        sides = _inconsistent_sides(own, spans, series, figs)
        if sides is not None:
            result.findings.append(
                Finding(kind=INCONSISTENT, key=f"{fact_key}|{INCONSISTENT}|{party}", sides=sides)
            )

    # Different claimants whose figures cannot both hold.
    parties = sorted(
        (
            p
            for p in by_party
            if (compare_outlets or not is_outlet(p)) and (compare_claimants or is_outlet(p))
        ),
        key=str,
    )
    conflict = _conflict(fact_key, parties, by_party, figs, spans, series)
    if conflict is not None:
        result.findings.append(conflict)
    return result


def _conflict(
    fact_key: str,
    parties: Sequence[int | str],
    by_party: dict[int | str, list[FactClaim]],
    figs: dict[int, Figure],
    spans: dict[int, Interval],
    series: str,
) -> Finding | None:
    """The conflicting-figures finding among the compared ``parties``, if any pair of them
    gives figures that cannot both hold: its sides are the parties in conflict, with the
    outlets that stand with one of them (see ``_outlets_joined``)."""
    figures = {p: list(dict.fromkeys(figs[c.claim_id] for c in by_party[p])) for p in parties}
    in_conflict: set[int | str] = set()
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            if cannot_both_hold(figures[a], figures[b], series):
                in_conflict.update((a, b))
    if not in_conflict:
        return None
    outlets = [p for p in parties if is_outlet(p) and p not in in_conflict]
    joined = _outlets_joined(in_conflict, by_party, figures, series, spans, outlets)
    return Finding(
        kind=CONFLICTING,
        key=f"{fact_key}|{CONFLICTING}",
        sides=tuple(_ids(claims) for _, claims in sorted(joined.items(), key=lambda i: str(i[0]))),
    )


def _corroboration(own: Sequence[FactClaim], spans: dict[int, Interval]) -> dict[int, int]:
    """Per claim of one party: how many sources carry a figure of the party agreeing with
    it (its own source always counts)."""
    counts = corroboration([spans[c.claim_id] for c in own], [c.source for c in own])
    return {c.claim_id: n for c, n in zip(own, counts, strict=True)}


def _outlets_joined(
    in_conflict: set[int | str],
    by_party: dict[int | str, list[FactClaim]],
    figures: dict[int | str, list[Figure]],
    series: str,
    spans: dict[int, Interval],
    bystanders: Sequence[int | str] = (),
) -> dict[int | str, list[FactClaim]]:
    """The sides of a conflict: an outlet's own figure that agrees with exactly one of the
    claimants in conflict stands on that claimant's side ("four soldiers were buried"
    beside the army's four), not on a side of its own. An outlet in conflict with no one
    (its report came a day later: the series rules let it stand beside both) joins the
    one claimant whose figures it repeats ("11 fallen heroes" beside the army's 11 and
    against the group's 48)."""
    sides = {p: list(by_party[p]) for p in in_conflict}
    claimants = [p for p in in_conflict if not is_outlet(p)]
    for outlet in [p for p in in_conflict if is_outlet(p)]:
        fits = [p for p in claimants if not cannot_both_hold(figures[outlet], figures[p], series)]
        if len(fits) == 1:
            sides[fits[0]].extend(sides.pop(outlet))
    for outlet in bystanders:
        own = [spans[c.claim_id] for c in by_party[outlet]]
        repeats = [p for p in claimants if _repeats(own, [spans[c.claim_id] for c in sides[p]])]
        if len(repeats) == 1:
            sides[repeats[0]].extend(by_party[outlet])
    return _agreeing_joined(sides, spans)


def _repeats(own: Sequence[Interval], theirs: Sequence[Interval]) -> bool:
    """Whether every one of an outlet's figures agrees with one of a claimant's."""
    return all(any(x.overlaps(y) for y in theirs) for x in own)


def _ends(spans: Sequence[Interval]) -> tuple[Interval, Interval]:
    """The figure that starts last and the one that ends first (an open bound at a tie)."""
    return max(spans, key=lambda s: (s.lo, s.lo_open)), min(
        spans, key=lambda s: (s.hi, not s.hi_open)
    )


def _all_agree(a: tuple[Interval, Interval], b: tuple[Interval, Interval]) -> bool:
    """Whether every figure of one side overlaps every figure of the other: no figure of
    one starts after a figure of the other ends, read off each side's ``_ends``."""
    (a_last, a_first), (b_last, b_first) = a, b
    return a_last.overlaps(b_first) and b_last.overlaps(a_first)


def _agreeing_joined(
    sides: dict[int | str, list[FactClaim]], spans: dict[int, Interval]
) -> dict[int | str, list[FactClaim]]:
    """Claimants whose figures agree stand on one side ("the ministry and the governor:
    3 · the hospital: at least 7"): the components of agreement between the sides (every
    figure of one fits every figure of the other; a toll that merely rose since is a
    figure of its own), each kept whole only where all its members agree with each other
    (a vague figure that fits both ends keeps the sides apart)."""
    names = sorted(sides, key=str)
    parent = {n: n for n in names}

    def find(n: int | str) -> int | str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    ends = {n: _ends([spans[c.claim_id] for c in sides[n]]) for n in names}
    fits = {
        (a, b): _all_agree(ends[a], ends[b]) for i, a in enumerate(names) for b in names[i + 1 :]
    }
    for (a, b), ok in fits.items():
        if ok:
            parent[find(b)] = find(a)
    components: dict[int | str, list[int | str]] = defaultdict(list)
    for n in names:
        components[find(n)].append(n)
    joined: dict[int | str, list[FactClaim]] = {}
    for members in components.values():
        clean = all(fits[(a, b)] for i, a in enumerate(members) for b in members[i + 1 :])
        if clean:
            joined[members[0]] = [c for m in members for c in sides[m]]
        else:
            joined.update({m: sides[m] for m in members})
    return joined
