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
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

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
from api.extraction.textutil import word_set

CONFLICTING = "conflicting_figures"
INCONSISTENT = "inconsistent_reporting"
DENIAL = "denial"

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


#: Subjects whose bare count ("58 people had received care", "310 people evacuated")
#: grows as the incident's figures are completed, like a toll.
RISING_COUNTS = frozenset({"people", "civilians"})


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


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    key: str
    sides: tuple[tuple[int, ...], ...]
    """Claim ids per side; each side is one claimant (or one figure of one claimant)."""


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
                Finding(
                    kind=INCONSISTENT,
                    key=f"{fact_key}|{INCONSISTENT}|{party}",
                    sides=sides,
                )
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
    figures = {p: list(dict.fromkeys(figs[c.claim_id] for c in by_party[p])) for p in parties}
    in_conflict: set[int | str] = set()
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            if cannot_both_hold(figures[a], figures[b], series):
                in_conflict.update((a, b))
    if in_conflict:
        outlets = [p for p in parties if is_outlet(p) and p not in in_conflict]
        joined = _outlets_joined(in_conflict, by_party, figures, series, spans, outlets)
        result.findings.append(
            Finding(
                kind=CONFLICTING,
                key=f"{fact_key}|{CONFLICTING}",
                sides=tuple(
                    _ids(claims) for _, claims in sorted(joined.items(), key=lambda i: str(i[0]))
                ),
            )
        )
    return result


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


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim as denial matching sees it."""

    claim_id: int
    sentence_index: int
    start: int
    party: int | None
    stance: str
    concerns: frozenset[int]
    """Parties the statement is about: its target's and those of the places it names."""
    words: frozenset[str] = frozenset()
    """Content-word stems of the statement's quote (see ``content_words``)."""
    counts: tuple[str | None, str] | None = None
    """What its figure counts (measure and subject family), for a statement with one."""
    zero: bool = False
    """Its figure is a flat none ("not a single one of our drones was lost")."""
    figure: float | None = None
    """Its exact figure, if it gives one ("there is no record of 143 patients": 143)."""
    noun: str | None = None
    """The head of what its figure counts, as written ("drones" of "none of its drones")."""
    clause: frozenset[str] = frozenset()
    """Content-word stems of the clause of its figure (see ``clause_of``): what tells
    apart two figures of one sentence."""


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


_STOP = word_set(
    "a an the and or but of in on at to for from by with as into onto over under about "
    "after before during since than that this these those it its they their them he his she "
    "her we our you your i is are was were be been being has have had do does did will "
    "would can could may might must shall should not no nor also said says say told tells "
    "added according reported reports claimed claims denied denies deny denying rejected "
    "rejects accused accuses accusing statement who which what when where while there here "
    "all any some more most other such only own same so than too very just one two three"
)


def content_words(text: str) -> frozenset[str]:
    """Crude stems of a text's content words: "shelling the market" -> {"shell", "market"}."""
    out = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group(0).replace("’", "'").removesuffix("'s")
        if word in _STOP or len(word) < 4:
            continue
        for suffix in ("ings", "ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.add(word)
    return frozenset(out)


_CLAUSE_BREAK = re.compile(r"[;,:]|\b(?:and that|but|while|whereas)\b", re.I)


def clause_of(statement: str, quote: str) -> str:
    """The clause of a sentence that holds the quote ("... had downed 14 drones and that
    the strikes had killed nine civilians at a market": for "killed nine civilians", "the
    strikes had killed nine civilians at a market"); the sentence if the quote is not in
    it."""
    at = statement.find(quote)
    if at < 0 or not quote:
        return statement
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(statement, 0, at)]
    end = _CLAUSE_BREAK.search(statement, at + len(quote))
    return statement[starts[-1] if starts else 0 : end.start() if end else len(statement)]


#: Content words a denial must share with an assertion that does not name the denier.
SHARED_WORDS = 2


#: How many sentences further back a denial still reaches an assertion it names (by
#: what is denied or by its figure) than one it only answers by party.
NAMED_REACH = 2


def _names(denial: Statement, assertion: Statement) -> bool:
    """Whether the denial names what the assertion says: its figure, or at least
    ``SHARED_WORDS`` of its content words ("denied striking the market" and "the strikes
    had killed nine civilians at a market")."""
    return _same_figure(denial, assertion) or (
        denial.stance == "denial" and len(denial.words & assertion.words) >= SHARED_WORDS
    )


def _near(denial: Statement, assertion: Statement, window: int) -> bool:
    """Whether the assertion is one the denial can answer by place: earlier, within
    ``window`` sentences (``NAMED_REACH`` more for one the denial names, as a reply
    comes a few sentences after what it answers); a flat none also a figure of the same
    thing that follows it ("Not one of our drones was lost ... The army said it downed 14
    drones")."""
    distance = denial.sentence_index - assertion.sentence_index
    reach = window + NAMED_REACH if _names(denial, assertion) else window
    if assertion.start < denial.start and 0 <= distance <= reach:
        return True
    counted = denial.zero and denial.counts is not None and denial.counts == assertion.counts
    return counted and abs(distance) <= window


def _same_figure(denial: Statement, assertion: Statement) -> bool:
    """A denial that names a figure ("no record of 143 patients") answers the figure."""
    return denial.stance == "denial" and bool(denial.figure) and denial.figure == assertion.figure


def _answers(denial: Statement, assertion: Statement) -> bool:
    """Whether ``denial`` answers ``assertion``: it is about the denier, the denial is
    about the asserting party (whom it answers: "... rejected these claims"), it shares
    what is denied, or, for a flat none ("no servicemen were killed"), counts what the assertion's
    figure counts ("killed up to 40 servicemen")."""
    if denial.zero and denial.counts is not None and denial.counts == assertion.counts:
        return True
    if _same_figure(denial, assertion):
        return True
    return denial.stance == "denial" and (
        denial.party in assertion.concerns
        or assertion.party in denial.concerns
        or len(denial.words & assertion.words) >= SHARED_WORDS
    )


def _preference(denial: Statement, assertion: Statement) -> tuple[int, ...]:
    """How well an assertion fits as the one a denial answers, best highest: one whose
    figure it names, one sharing what is denied (most in its own clause: "denied striking
    the market" answers "the strikes had killed nine civilians at a market", not "had
    downed 14 drones" before it), one counting the same thing as written
    ("none of its drones was lost" answers "brought down 16 drones" before "destroyed two
    transport aircraft"), an accusation; then an earlier one before a later one, the
    nearest sentence first, and in one sentence its first figure (the claim itself, not
    the part or the earlier value it goes on to give: "killing 17, including six
    children"; "16 drones, up from the 14")."""
    return (
        _same_figure(denial, assertion),
        len(denial.words & assertion.words) >= SHARED_WORDS,
        len(denial.words & assertion.clause),
        denial.noun is not None and denial.noun == assertion.noun,
        assertion.stance == "accusation",
        assertion.start < denial.start,
        -abs(denial.sentence_index - assertion.sentence_index),
        -assertion.start,
    )


def match_denials(
    statements: Sequence[Statement], *, fact_key: str, window: int = 2
) -> list[Finding]:
    """Pair each explicit denial, and each flat none of a figure, with the assertion it
    answers.

    The answered assertion is the nearest earlier statement, within ``window`` sentences,
    made by another party about the denier's party ("Islamabad says the group operates
    from Afghanistan ... but Kabul denies the charge"), or by the party the denial is
    about ("The Front said it had downed a helicopter. The army rejected these claims"),
    or sharing what is denied ("27
    civilians were killed by shelling in the market ... The RSF denied shelling the
    market": at least ``SHARED_WORDS`` content words in common).
    """
    findings = []
    for denial in statements:
        if not (denial.stance == "denial" or denial.zero) or denial.party is None:
            continue
        answered = [
            s
            for s in statements
            if s.stance in ("assertion", "accusation")
            and not s.zero
            and s.party is not None
            and s.party != denial.party
            and _near(denial, s, window)
            and _answers(denial, s)
        ]
        if not answered:
            continue
        best = max(answered, key=lambda s: _preference(denial, s))
        findings.append(
            Finding(
                kind=DENIAL,
                # by place in the text, not by claim id: a re-posted article's denial is
                # the same finding, and keeps what an editor said of it
                key=f"{fact_key}|{best.start}|{denial.start}",
                sides=((best.claim_id,), (denial.claim_id,)),
            )
        )
    return findings
