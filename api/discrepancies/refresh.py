"""Keeping discrepancies and claim statuses true, one fact at a time.

Everything here works on the claims of the facts it is given (an indexed lookup by
``claim.fact_key``), never on all claims, so ingest cost does not grow with the store.
Which fact a claim is about is ``keys`` (with ``families`` and ``incidents``); whom it
speaks for is ``parties``; this module orchestrates: it assigns keys, recomputes the
facts' and articles' discrepancies and stores them with the claims' statuses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

from sqlmodel import Session, select

from api.actors.service import ids_by_name
from api.articles.models import Article
from api.claims.models import Claim, ClaimStatus
from api.config import get_settings
from api.discrepancies import detection, incidents, stored, vocabulary
from api.discrepancies.families import measure_class, measures_named
from api.discrepancies.findings import store_findings
from api.discrepancies.keys import (
    antecedent_of,
    article_incidents,
    counted_by,
    fact_key_of,
    is_flat_none,
    measure_of,
    outlets_comparable,
    reads_siblings,
    subject_of,
)
from api.discrepancies.keys import (
    claimants_comparable as claimants_comparable,  # re-exported
)
from api.discrepancies.parties import Parties as Parties  # re-exported: the facts' parties
from api.discrepancies.parties import fold_state_bodies, source_of
from api.discrepancies.sides import ArticleSides, lede_countries, lede_country_names
from api.events.models import Event
from api.extraction import gazetteer
from api.extraction.types import Stance

#: Words that make a changed figure a correction of an earlier one.
CORRECTION_CUES = vocabulary.load().corrections


def _party(claim: stored.ClaimFigure, source: str, parties: Parties) -> int | str | None:
    """Whom a figure speaks for: its claimant's party; an unattributed figure is its
    outlet's own report."""
    root = parties.root(claim.claimant_id)
    if root is not None:
        return root
    if claim.stance == Stance.denial.value:
        return None
    return "outlet:" + source


def _corrects(statement: str) -> bool:
    lowered = statement.lower()
    return any(cue in lowered for cue in CORRECTION_CUES)


def fact_claims(
    claims: Sequence[stored.ClaimFigure],
    articles: Mapping[int, stored.ArticleSource],
    parties: Parties,
    source: dict[int, str] | None = None,
) -> list[detection.FactClaim]:
    """``source``: the articles' sources found so far, by article (filled in here)."""
    out = []
    source = {} if source is None else source
    for c in claims:
        if c.article_id not in source:
            source[c.article_id] = source_of(articles[c.article_id])
    speaks_for = fold_state_bodies(
        [_party(c, source[c.article_id], parties) for c in claims], parties
    )
    for c in claims:
        article = articles[c.article_id]
        assert c.id is not None
        factor = 1.0
        if c.lower and c.base_lower is not None:
            factor = c.base_lower / c.lower
        elif c.upper and c.base_upper is not None:
            factor = c.base_upper / c.upper
        out.append(
            detection.FactClaim(
                claim_id=c.id,
                article_id=c.article_id,
                party=speaks_for[_party(c, source[c.article_id], parties)],
                source=source[c.article_id],
                qualifier=c.qualifier or "exact",
                lower=c.base_lower if c.base_lower is not None else c.lower,
                upper=c.base_upper if c.base_upper is not None else c.upper,
                strict_lower=c.strict_lower,
                strict_upper=c.strict_upper,
                unit_factor=factor or 1.0,
                has_unit=c.base_unit is not None,
                moment=article.published_at.date() if article.published_at else None,
                corrects=_corrects(c.statement),
            )
        )
    return out


def _update_statuses(
    session: Session,
    claims: Sequence[stored.ClaimState],
    sources: dict[int, int] | None,
    facts: Collection[str] = (),
) -> None:
    """Derive each claim's status from the stored discrepancies (and new source counts).

    Only the claims whose status or count changes are written (``claims`` may be plain
    rows). An editor's review (``reviewed``, ``verdict``) is kept apart and never changes
    it. ``facts``: keys of facts whose claims are all among ``claims`` (looked up by key).
    """
    if not any(c.id is not None for c in claims):
        return
    keys = set(facts)
    ids = [c.id for c in claims if c.id is not None and c.fact_key not in keys]
    disputed = stored.disputed(session, ids, keys)
    changes: dict[int, tuple[str, int]] = {}
    for claim in claims:
        assert claim.id is not None
        count = sources.get(claim.id, 1) if sources is not None else claim.source_count
        if claim.id in disputed:
            status = ClaimStatus.disputed.value
        elif count >= 2:
            status = ClaimStatus.corroborated.value
        else:
            status = ClaimStatus.single_source.value
        if claim.status != status or claim.source_count != count:
            changes[claim.id] = (status, count)
    held = {c.id: c for c in claims if isinstance(c, Claim) and c.id in changes}
    loaded = stored.claims_by_id(session, [i for i in changes if i not in held])
    for claim_id, (status, count) in changes.items():
        orm = held.get(claim_id) or loaded.get(claim_id)
        if orm is None:
            continue
        orm.status = status
        orm.source_count = count
        session.add(orm)


def update_statuses(session: Session, claims: Sequence[Claim]) -> None:
    """Re-derive statuses after a discrepancy's status changed."""
    _update_statuses(session, claims, None)
    session.flush()


def _lede_states(session: Session, article: Article, parties: Parties) -> frozenset[int]:
    """The stored countries an article's opening names (see ``ArticleSides.of``)."""
    ids = ids_by_name(session, lede_country_names(article, demonyms=True)).values()
    parties.prefetch(ids)
    return frozenset(i for i in ids if parties.kind(i) == "country" and parties.root(i) == i)


def assign_fact_keys(session: Session, claims: Sequence[Claim], parties: Parties) -> set[str]:
    """Set each claim's event and fact key from its article; the old and new keys."""
    touched: set[str] = set()
    siblings: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        siblings[claim.article_id].append(claim)
    for article_id, given in list(siblings.items()):
        if any(reads_siblings(c) for c in given):
            known = {c.id for c in given}
            stored = session.exec(select(Claim).where(Claim.article_id == article_id)).all()
            given.extend(c for c in stored if c.id not in known)
    events: dict[int, Event | None] = {}
    articles: dict[int, Article | None] = {}
    readings: dict[int, incidents.ArticleIncidents] = {}
    article_sides: dict[int, ArticleSides] = {}
    for claim in claims:
        if claim.article_id not in articles:
            articles[claim.article_id] = session.get(Article, claim.article_id)
        article = articles[claim.article_id]
        event_id = article.event_id if article is not None else None
        if event_id is not None and event_id not in events:
            events[event_id] = session.get(Event, event_id)
        event = events.get(event_id) if event_id is not None else None
        key = None
        if event_id is not None and article is not None:
            if claim.article_id not in readings:
                readings[claim.article_id] = article_incidents(article)
            incident = readings[claim.article_id].at(claim.start_offset, claim.end_offset)
            antecedent = antecedent_of(claim, siblings[claim.article_id])
            if claim.article_id not in article_sides:
                article_sides[claim.article_id] = ArticleSides.of(
                    siblings[claim.article_id],
                    parties,
                    lede_countries(article),
                    _lede_states(session, article, parties),
                )
            sides = article_sides[claim.article_id]
            key = fact_key_of(claim, event, parties, incident, antecedent, sides)
        if claim.fact_key:
            touched.add(claim.fact_key)
        if key:
            touched.add(key)
        if claim.fact_key != key or claim.event_id != event_id:
            claim.fact_key = key
            claim.event_id = event_id
            session.add(claim)
    return touched


def refresh_facts(
    session: Session, fact_keys: Iterable[str | None], parties: Parties | None = None
) -> None:
    """Recompute discrepancies and claim statuses of the given facts (caller commits)."""
    keys = {k for k in fact_keys if k}
    claims, sources = _refresh_facts(session, keys, parties or Parties(session))
    _update_statuses(session, claims, sources, keys)
    session.flush()


def _refresh_facts(
    session: Session, fact_keys: Iterable[str | None], parties: Parties
) -> tuple[list[stored.StoredClaim], dict[int, int]]:
    """Recompute the facts' discrepancies; their claims (as rows) and source counts (no
    statuses)."""
    keys = sorted({k for k in fact_keys if k})
    if not keys:
        return [], {}
    session.flush()
    tolerance = get_settings().discrepancy_tolerance
    everything, articles = stored.claims_of_facts(session, keys)
    by_key: dict[str, list[stored.StoredClaim]] = defaultdict(list)
    for claim in everything:
        assert claim.fact_key is not None
        by_key[claim.fact_key].append(claim)
    parties.prefetch([c.claimant_id for c in everything] + [c.subject_side_id for c in everything])
    sources: dict[int, int] = {}
    source: dict[int, str] = {}  # per article, for all the facts
    found = []
    with session.no_autoflush:
        for key in keys:
            claims = by_key.get(key, [])
            analysis = detection.analyse(
                key,
                fact_claims(claims, articles, parties, source),
                tolerance,
                compare_claimants=claimants_comparable(key),
                compare_outlets=outlets_comparable(key),
                series=detection.series_of(measure_of(key), subject_of(key)),
            )
            sources.update(analysis.sources)
            found.append((key, analysis.findings, claims[0] if claims else None, None))
    store_findings(session, found, parties)
    return everything, sources


def statements_key(article: Article) -> str:
    """The fact of an article's own statements, by its text: the same text posted again
    (after a deletion) finds the same denials again."""
    if article.content_hash:
        return f"h{article.content_hash[:32]}|statements"
    return f"a{article.id}|statements"


def _places_named(text: str) -> set[str]:
    """The canonical names of the countries a text names (by name, demonym or capital)."""
    found: set[str] = set()
    gaz = gazetteer.load()
    for match in gaz.place_regex.finditer(text):
        surface = match.group(0)
        for suffix in ("'s", "’s"):
            surface = surface.removesuffix(suffix)
        hit = gaz.place(surface)
        if hit is not None:
            found.add(hit[0].name)
    return found


def _counted_noun(subject_text: str | None) -> str | None:
    """The head of a counted phrase as written ("Ilyushin transport aircraft": aircraft)."""
    words = (subject_text or "").lower().split()
    return words[-1] if words else None


def refresh_statements(
    session: Session,
    article_id: int,
    event_id: int | None,
    parties: Parties | None = None,
    *,
    key: str | None = None,
) -> None:
    """Recompute the denial discrepancies among one article's statements (caller commits).

    ``key``: the article's statements key (see ``statements_key``), for an article that is
    gone already.
    """
    if key is None:
        article = session.get(Article, article_id)
        key = statements_key(article) if article is not None else f"a{article_id}|statements"
    claims = _refresh_statements(
        session, article_id, event_id, parties or Parties(session), key=key
    )
    _update_statuses(session, claims, None)
    session.flush()


def _refresh_statements(
    session: Session,
    article_id: int,
    event_id: int | None,
    parties: Parties,
    claims: Sequence[Claim] | None = None,
    *,
    key: str,
) -> list[Claim]:
    """Recompute one article's denial discrepancies; the article's claims (no statuses).

    ``claims``: all of the article's claims when the caller holds them already.
    """
    session.flush()
    if claims is None:
        claims = session.exec(select(Claim).where(Claim.article_id == article_id)).all()
    claims = sorted(claims, key=lambda c: (c.start_offset, c.id or 0))
    places = {claim.id: _places_named(claim.quote) for claim in claims}
    country_ids = ids_by_name(session, {name for names in places.values() for name in names})
    parties.prefetch(
        [*country_ids.values()] + [c.target_id for c in claims] + [c.claimant_id for c in claims]
    )
    statements = []
    for claim in claims:
        assert claim.id is not None
        concerns = {parties.root(country_ids.get(name)) for name in places[claim.id]}
        if claim.target_id is not None:
            concerns.add(parties.root(claim.target_id))
        statements.append(
            detection.Statement(
                claim_id=claim.id,
                sentence_index=claim.sentence_index,
                start=claim.start_offset,
                party=parties.root(claim.claimant_id),
                stance=claim.stance,
                concerns=frozenset(c for c in concerns if c is not None),
                words=detection.content_words(claim.statement or claim.quote),
                counts=counted_by(claim),
                zero=is_flat_none(claim),
                figure=claim.lower if claim.lower == claim.upper else None,
                noun=_counted_noun(claim.subject_text),
                measure=measure_class(claim.measure),
                named=(
                    measures_named(claim.statement or claim.quote)
                    if claim.stance == Stance.denial.value and claim.lower is None
                    else frozenset()
                ),
                clause=detection.content_words(
                    detection.clause_of(claim.statement or claim.quote, claim.quote)
                ),
            )
        )
    findings = detection.match_denials(statements, fact_key=key)
    store_findings(session, [(key, findings, None, event_id)], parties)
    return claims


def refresh_article(
    session: Session,
    article: Article,
    extra_keys: Iterable[str] = (),
    parties: Parties | None = None,
    claims: Sequence[Claim] | None = None,
    *,
    keyed: bool = False,
) -> None:
    """Bring an article's claims, their facts and the article's denials up to date.

    The claims' statuses are derived once, after both the facts and the denials.
    ``claims``: all of the article's claims when the caller holds them already (a new
    article's, just stored), so they are not read back. ``keyed``: those claims were
    given their event and fact keys as they were stored (``store_extraction``), in the
    same state of the store, so they are not derived again.
    """
    assert article.id is not None
    parties = parties or Parties(session)
    if claims is None:
        keyed = False
        claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    parties.prefetch([c.subject_side_id for c in claims] + [c.claimant_id for c in claims])
    if keyed:
        keys = {c.fact_key for c in claims if c.fact_key} | set(extra_keys)
    else:
        keys = assign_fact_keys(session, claims, parties) | set(extra_keys)
    rows, sources = _refresh_facts(session, keys, parties)
    own = _refresh_statements(
        session, article.id, article.event_id, parties, claims, key=statements_key(article)
    )
    everything: dict[int | None, stored.ClaimState] = {c.id: c for c in rows}
    everything |= {c.id: c for c in own}  # the ORM objects held already
    counts = {c.id: c.source_count for c in own if c.id is not None} | sources
    _update_statuses(session, list(everything.values()), counts, {k for k in keys if k})
    session.flush()
