"""Keeping discrepancies and claim statuses true, one fact at a time.

Everything here works on the claims of the facts it is given (an indexed lookup by
``claim.fact_key``), never on all claims, so ingest cost does not grow with the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, col, select

from api.actors.models import Actor
from api.actors.service import ids_by_name
from api.articles.models import Article
from api.claims.models import Claim, ClaimStatus
from api.config import get_settings
from api.db import utcnow
from api.discrepancies import detection, incidents, stored, vocabulary
from api.discrepancies.models import Discrepancy, DiscrepancyClaim, DiscrepancyStatus
from api.events.models import Event
from api.extraction import gazetteer
from api.extraction.types import Stance
from api.names import normalize_name

#: Actor kinds that speak for themselves, not for the country they are placed in.
INDEPENDENT_KINDS = frozenset({"organization", "armed_group", "media_outlet", "other"})
#: Kinds of the parties that fight: whose soldiers and drones are counted.
BELLIGERENT_KINDS = frozenset({"country", "armed_group", "government", "military"})


class Parties:
    """Maps actors to the party they speak for: the root of their ``parent`` chain."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._root: dict[int, int] = {}
        self._parent: dict[int, int | None] = {}  # actor id -> parent id, as loaded
        self._kind: dict[int, str] = {}

    def prefetch(self, actor_ids: Iterable[int | None]) -> None:
        """Load the actors' parent chains, one query per chain level."""
        wanted = {i for i in actor_ids if i is not None} - self._root.keys() - self._parent.keys()
        while wanted:
            rows = self.session.exec(
                select(Actor.id, Actor.parent_id, Actor.kind).where(col(Actor.id).in_(wanted))
            ).all()
            for actor_id, parent_id, kind in rows:
                if actor_id is not None:
                    self._parent[actor_id] = parent_id
                    self._kind[actor_id] = kind
            for missing in wanted - self._parent.keys():
                self._parent[missing] = None
            wanted = {p for _, p, _ in rows if p is not None} - self._parent.keys()

    def _parent_of(self, actor_id: int) -> int | None:
        """The party ``actor_id`` speaks for above itself, if any.

        A state's ministries, military and officials speak for the country; an
        organisation of its own (a union, a relief group, an armed group, an outlet) that
        the text places in a country ("Sudan Medics Union") does not.
        """
        if actor_id not in self._parent:
            self.prefetch([actor_id])
        parent = self._parent[actor_id]
        if (
            parent is not None
            and self._kind.get(actor_id) in INDEPENDENT_KINDS
            and self._kind.get(parent) == "country"
        ):
            return None
        return parent

    def kind(self, actor_id: int) -> str | None:
        if actor_id not in self._parent:
            self.prefetch([actor_id])
        return self._kind.get(actor_id)

    def belligerent(self, actor_id: int | None) -> int | None:
        """The party ``actor_id`` fights for: its root, when that is a state or an armed
        group (not a union, an outlet or a person of no body)."""
        root = self.root(actor_id)
        return root if root is not None and self.kind(root) in BELLIGERENT_KINDS else None

    def root(self, actor_id: int | None) -> int | None:
        if actor_id is None:
            return None
        if actor_id in self._root:
            return self._root[actor_id]
        chain: list[int] = []
        node: int | None = actor_id
        while node is not None and node not in chain and len(chain) < 32:
            if node in self._root:
                node = self._root[node]
                break
            chain.append(node)
            parent = self._parent_of(node)
            if parent is None:
                break
            node = parent
        root = node if node is not None else actor_id
        for item in chain:
            self._root[item] = root
        return root


def source_of(article: stored.ArticleSource) -> str:
    """Independent sources are publishers; an article without one counts as its own."""
    if article.publisher:
        return "publisher:" + normalize_name(article.publisher)
    return f"article:{article.id}"


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
        article = articles[c.article_id]
        assert c.id is not None
        if c.article_id not in source:
            source[c.article_id] = source_of(article)
        factor = 1.0
        if c.lower and c.base_lower is not None:
            factor = c.base_lower / c.lower
        elif c.upper and c.base_upper is not None:
            factor = c.base_upper / c.upper
        out.append(
            detection.FactClaim(
                claim_id=c.id,
                article_id=c.article_id,
                party=_party(c, source[c.article_id], parties),
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


def _store_findings(
    session: Session,
    found: Sequence[tuple[str, Sequence[detection.Finding], stored.StoredClaim | None, int | None]],
    parties: Parties,
) -> None:
    """Upsert the findings of several facts: ``(fact_key, findings, template, event_id)``.

    One query reads the facts' stored discrepancies, one statement clears their links;
    editors' status and notes stay on the rows that persist.
    """
    keys = [fact_key for fact_key, _, _, _ in found]
    kept: dict[str, Discrepancy] = {
        d.key: d
        for d in session.exec(select(Discrepancy).where(col(Discrepancy.fact_key).in_(keys)))
    }
    now = utcnow()
    placed: list[tuple[Discrepancy, detection.Finding]] = []
    for fact_key, findings, template, event_id in found:
        for finding in findings:
            row = kept.pop(finding.key, None)
            if row is None:
                row = Discrepancy(
                    kind=finding.kind,
                    key=finding.key,
                    fact_key=fact_key,
                    measure=template.measure if template else None,
                    subject=template.subject if template else None,
                    subject_side_id=parties.root(template.subject_side_id) if template else None,
                    base_unit=template.base_unit if template else None,
                    event_id=template.event_id if template else event_id,
                )
            elif row.orphaned_at is not None:
                row.updated_at = now
                row.orphaned_at = None  # its claims are back
            session.add(row)
            placed.append((row, finding))
    for gone in kept.values():
        _retire(session, gone)
    session.flush()
    orphaned = [d.id for d in kept.values() if d.id is not None]
    if orphaned:
        # Through the session, so the claims leaving are recorded in the change feed.
        for link in session.exec(
            select(DiscrepancyClaim).where(col(DiscrepancyClaim.discrepancy_id).in_(orphaned))
        ):
            session.delete(link)
        session.flush()
    _relink(session, placed)


def _relink(session: Session, placed: Sequence[tuple[Discrepancy, detection.Finding]]) -> None:
    """Make the stored claim links of the placed discrepancies equal their findings'.

    Only what changed is written (a new claim joins a side, a gone one leaves), so a
    discrepancy of a large event costs its changes, not its size, on every write.
    """
    wanted = {
        (row.id, claim_id): side
        for row, finding in placed
        if row.id is not None
        for side, claim_ids in enumerate(finding.sides)
        for claim_id in claim_ids
    }
    ids = {row.id for row, _ in placed if row.id is not None}
    if not ids:
        return
    links = select(
        col(DiscrepancyClaim.discrepancy_id), col(DiscrepancyClaim.claim_id), DiscrepancyClaim.side
    ).where(col(DiscrepancyClaim.discrepancy_id).in_(ids))
    have = {(d, c): side for d, c, side in session.connection().execute(links).all()}
    changed = {pair for pair, side in have.items() if wanted.get(pair) != side}
    if changed:
        # Through the session (the change feed records the links), loading only these.
        for link in session.exec(
            select(DiscrepancyClaim).where(
                col(DiscrepancyClaim.discrepancy_id).in_({d for d, _ in changed}),
                col(DiscrepancyClaim.claim_id).in_({c for _, c in changed}),
            )
        ):
            pair = (link.discrepancy_id, link.claim_id)
            if pair not in changed:
                continue
            side = wanted.get(pair)
            if side is None:
                session.delete(link)
            else:
                link.side = side
                session.add(link)
    added = [pair for pair in wanted if pair not in have]
    session.add_all(
        DiscrepancyClaim(discrepancy_id=pair[0], claim_id=pair[1], side=wanted[pair])
        for pair in added
    )
    # A discrepancy is updated when its sides change, not each time it is recomputed: a
    # consumer of the change feed or of `updated_since` sees real changes only.
    touched = {d for d, _ in changed} | {d for d, _ in added}
    now = utcnow()
    for row, _ in placed:
        if row.id in touched:
            row.updated_at = now
            session.add(row)
    session.flush()


def _retire(session: Session, gone: Discrepancy) -> None:
    """A discrepancy that no longer holds: removed, unless an editor has worked on it.

    An editor's discrepancy is kept as it is, status and note, and marked orphaned; it
    comes back (same row, same status) when its finding does, e.g. when deleted articles
    are posted again. Recomputation never changes an editor's status.
    """
    edited = gone.note is not None or gone.status != DiscrepancyStatus.open.value
    if not edited:
        session.delete(gone)
        return
    if gone.orphaned_at is None:
        gone.orphaned_at = utcnow()
        gone.updated_at = gone.orphaned_at
    session.add(gone)


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


def within_event(claim: Claim, event: Event, slack_days: int) -> bool:
    """Whether the period the claim is about can be the event's own time.

    Claims about the event's own time ("overnight", "on Sunday") or with no time are;
    explicit periods ("In December", "between January and Sept. 15") only when they
    overlap the event's dates.
    """
    if claim.time_kind in (None, "relative"):
        return True
    start = claim.time_start or claim.time_end
    end = claim.time_end or claim.time_start
    if start is None or end is None or event.start_date is None or event.end_date is None:
        return False
    slack = timedelta(days=slack_days)
    return start <= event.end_date + slack and end >= event.start_date - slack


#: Measures that, said of things, all say the things were lost: "downed six drones",
#: "none of our drones was lost" and "destroyed two aircraft" are about one fact.
LOSS_MEASURES = frozenset({"killed", "destroyed", "lost", "struck"})
#: Subject categories of things (see ``api.extraction.measures``).
THING_SUBJECTS = frozenset(
    {"aircraft", "vehicles", "munitions", "buildings", "posts", "camps", "settlements"}
)


#: Subjects whose figures belong to a side (whose soldiers, whose drones): claimants are
#: set against each other only when the side is known. People counted without a side
#: (the dead of a flood, a crowd) are one figure whoever gives it.
SIDED_SUBJECTS = frozenset({"combatants", "vote"}) | THING_SUBJECTS

_AIRBORNE = re.compile(r"\b(?:aerial|drones?|uavs?|aircraft|airborne)\b", re.I)
_REMAINS = re.compile(r"\b(?:bodies|corpses|remains)\b", re.I)


def subject_family(subject: str | None, subject_text: str | None) -> str | None:
    """The subject a fact is keyed by: "unmanned aerial vehicles" are aircraft."""
    if subject == "vehicles" and subject_text and _AIRBORNE.search(subject_text):
        return "aircraft"
    return subject


def measure_family(measure: str, subject: str | None, text: str | None = None) -> str:
    """The measure a fact is keyed by: a thing lost, downed or destroyed is destroyed;
    a count of bodies ("left 62 bodies behind") is a count of the dead."""
    if measure in LOSS_MEASURES and subject in THING_SUBJECTS and measure != "struck":
        return "destroyed"
    if measure == "count" and subject not in THING_SUBJECTS and text and _REMAINS.search(text):
        return "killed"
    return measure


#: Words by which a claimant counts its own people or things: "three of our drones",
#: "losing four of its own soldiers".
_OWN = re.compile(r"\b(?:our|its own|their own)\b", re.I)
#: "its"/"the group's" count the claimant's own only when the figure is a loss: a party
#: reports its own dead ("nine of the group's fighters had died"), not its enemy's.
_ITS = re.compile(r"\b(?:its|the (?:group|movement|organi[sz]ation|force|army)['’]s)\b", re.I)
_LOSS = re.compile(r"\b(?:lost|losing|loss|losses|died|dead|perished)\b", re.I)


_ENEMY = re.compile(rf"\b(?:{'|'.join(vocabulary.load().enemy)})(?!\w)", re.I)
#: Person subjects that an enemy's count makes combatants ("the enemy lost 25 men").
_ENEMY_PERSONS = frozenset({"people", "police"})


def counts_enemy(claim: Claim) -> bool:
    """Whether the counted phrase says the figure is of the claimant's enemy."""
    return bool(_ENEMY.search(claim.subject_text or "") or _ENEMY.search(claim.quote))


_STATE_FORCES = frozenset(vocabulary.load().state_forces)
#: A party's own things: "of its drones", "our tanks", or lost in the passive ("no
#: aircraft was hit", "two helicopters were destroyed").
_OWN_THINGS = re.compile(
    r"\b(?:of (?:its|our|their)|our|its own|their own)\b"
    r"|\b(?:was|were|been|being)\s+(?:\w+\s+)?"
    r"(?:hit|lost|destroyed|shot down|downed|damaged|struck)\b",
    re.I,
)
_GROUP_FORCES = frozenset(vocabulary.load().group_forces)


@dataclass(frozen=True, slots=True)
class ArticleSides:
    """The fighting parties an article names (its claimants' and counted sides' parties)."""

    states: frozenset[int]
    groups: frozenset[int]
    countries: int = 0
    """How many countries the article's lede names (a quake in two countries: a figure
    "in Turkey" is one country's part of the toll)."""

    @classmethod
    def of(
        cls, article_claims: Sequence[Claim], parties: Parties, countries: int = 0
    ) -> ArticleSides:
        named = {parties.belligerent(c.claimant_id) for c in article_claims}
        named |= {parties.belligerent(c.subject_side_id) for c in article_claims}
        fighting = {p for p in named if p is not None}
        groups = frozenset(p for p in fighting if parties.kind(p) == "armed_group")
        return cls(states=frozenset(fighting - groups), groups=groups, countries=countries)

    def opponent(self, claim: Claim, parties: Parties) -> int | None:
        """The claimant's enemy: the one other fighting party the article names."""
        own = parties.belligerent(claim.claimant_id)
        if own is None:
            return None
        others = (self.states | self.groups) - {own}
        return next(iter(others)) if len(others) == 1 else None

    def whose_things(self, claim: Claim, parties: Parties) -> int | None:
        """Whose drones or tanks a party's figure counts, by how it is said: what it lost
        ("none of its drones was shot down", "no aircraft was hit") is its own; what it
        downed or destroyed ("intercepted 22 drones") is its one opponent's."""
        own = parties.belligerent(claim.claimant_id)
        if own is None:
            return None
        if _OWN_THINGS.search(claim.quote):
            return own
        if claim.measure in LOSS_MEASURES:
            return self.opponent(claim, parties)
        return None

    def side_of_forces(self, subject_text: str | None) -> int | None:
        """Whose forces the counted noun names, when the article leaves one choice: the
        one state's soldiers, the one armed group's militants."""
        words = (subject_text or "").lower().replace("’", "'").split()
        if not words:
            return None
        head = " ".join(words[-2:]) if " ".join(words[-2:]) in _STATE_FORCES else words[-1]
        if head in _STATE_FORCES and len(self.states) == 1:
            return next(iter(self.states))
        if head in _GROUP_FORCES and len(self.groups) == 1:
            return next(iter(self.groups))
        return None


NO_SIDES = ArticleSides(frozenset(), frozenset())

#: A figure said of a part of the area: "in government-held areas", "in the rebel-held
#: northwest", "in the south".
_AREA_PART = re.compile(
    r"\bin (?:the )?(?:[\w-]+-(?:held|controlled)\s+)?"
    r"(?:areas?|regions?|parts?|(?:north|south)(?:-?(?:east|west))?|east|west)\b",
    re.I,
)
_IN_NAME = re.compile(r"\b[Ii]n (?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_LEDE_CHARS = 600


def lede_countries(article: Article) -> int:
    """How many countries an article's title and opening name."""
    gaz = gazetteer.load()
    text = f"{article.title} {article.body[:_LEDE_CHARS]}"
    found = {gaz.place(w) for w in re.findall(r"[A-Z][\w'’-]+", text)}
    return len({hit[0].name for hit in found if hit is not None and hit[1] != "demonym"})


def is_partial_scope(claim: Claim, countries: int) -> bool:
    """Whether the figure counts in a part of the incident's area: a region named in its
    clause, or one country of an incident the article's opening puts in several."""
    at = claim.statement.find(claim.quote)
    if at < 0:
        return False
    clause = re.split(r"[;,]| while | whereas ", claim.statement[at + len(claim.quote) :])[0]
    opening = claim.statement[:at]
    lead = opening if re.match(r"\s*In [A-Z]", opening) and "," in opening else ""
    window = f"{lead} {claim.quote} {clause[:80]}"
    if _AREA_PART.search(window):
        return True
    if countries < 2:
        return False
    gaz = gazetteer.load()
    hits = (gaz.place(m.group("name")) for m in _IN_NAME.finditer(window))
    return any(hit is not None and hit[1] in ("name", "alias") for hit in hits)


def counted_side(claim: Claim) -> int | None:
    """Whose people or things a figure counts: the extracted side, or the claimant's own
    where the words say so."""
    if claim.subject_side_id is not None:
        return claim.subject_side_id
    if claim.claimant_id is None or subject_family(claim.subject, claim.subject_text) not in (
        SIDED_SUBJECTS
    ):
        return None
    text = claim.quote
    if _OWN.search(text) or (_ITS.search(text) and _LOSS.search(text)):
        return claim.claimant_id
    return None


def _has_figure(claim: Claim) -> bool:
    return claim.lower is not None or claim.upper is not None


#: Words before a figure that make it a part of the figure before it ("11 people were
#: killed, including nine patients"; "12 dead, among them three children"), or right after
#: it ("two of them died"): a subgroup's count, not another account of the whole.
_PART_OF = re.compile(
    rf"\b(?:{'|'.join(vocabulary.load().part_of)})"
    r"(?:\s+(?:at least|about|around|some|nearly|almost|more than|over))?\s*$",
    re.I,
)
_PART_LEAD = re.compile(
    rf"^\S+(?:\s+\S+)?\s+(?:{'|'.join(map(re.escape, vocabulary.load().part_lead))})\b", re.I
)


def is_part(claim: Claim) -> bool:
    """Whether the figure counts a part of what an earlier figure in its sentence counts."""
    at = claim.statement.find(claim.quote)
    if at < 0:
        return False
    before = claim.statement[max(0, at - 40) : at]
    after = claim.statement[at : at + len(claim.quote) + 20]
    return bool(_PART_OF.search(before) or _PART_LEAD.search(after))


def fact_key_of(
    claim: Claim,
    event: Event | None,
    parties: Parties,
    incident: incidents.Incident = incidents.MAIN,
    antecedent: Claim | None = None,
    sides: ArticleSides = NO_SIDES,
) -> str | None:
    """The fact a numeric claim is about, or ``None`` when it is no fact of its event.

    A figure that does not say what it counts ("the real figure was 41%") counts what
    its ``antecedent`` counts (see ``antecedent_of``).

    A denial that carries a figure ("none of our drones was lost": 0) is a figure too.
    Claims about another incident than their article's main one (``incident``) make
    facts of their own. Whose soldiers a figure counts, when it does not say, is read
    from the fighting parties its article names (``sides``): "the enemy" is the
    claimant's one opponent; soldiers are the one state's, militants the one armed
    group's.
    """
    if (
        event is None
        or event.id is None
        or claim.qualifier is None
        or claim.measure is None
        or (claim.stance == Stance.denial.value and not _has_figure(claim))
        or not within_event(claim, event, get_settings().event_window_days)
    ):
        return None
    side = parties.root(counted_side(claim))
    subject = subject_family(claim.subject, claim.subject_text)
    if side is None and counts_enemy(claim):
        side = sides.opponent(claim, parties)
        if side is not None and subject in _ENEMY_PERSONS:
            subject = "combatants"
    if side is None and subject in ("combatants", "police"):
        side = sides.side_of_forces(claim.subject_text)
    if side is None and subject in THING_SUBJECTS:
        side = sides.whose_things(claim, parties)
    if claim.measure in ONE_FIGURE_MEASURES and subject not in THING_SUBJECTS:
        subject = "people"  # a crowd's size, whatever its members are called
    if subject is None and antecedent is not None:
        subject = subject_family(antecedent.subject, antecedent.subject_text)
        if side is None:
            side = parties.root(counted_side(antecedent))
    parts = [
        f"e{event.id}",
        measure_family(claim.measure, subject, claim.subject_text or claim.quote),
        subject or "-",
        str(side) if side is not None else "-",
        claim.base_unit or "count",
    ]
    if not incident.main:
        key = incident.key
        if key.startswith("x:"):  # told apart by a cue only: never the same as another's
            key = f"x:a{claim.article_id}.{key[2:]}"
        parts.append("i:" + key[:120])
    if is_part(claim) or is_partial_scope(claim, sides.countries):
        # a subgroup of one report's figure, or a part of the area: compared with nothing
        parts.append(f"part:a{claim.article_id}.{claim.start_offset}")
    return "|".join(parts)


#: Measures that do not say what was done to what is counted ("120,000 people", "4 of
#: whom"): outlets' own figures of them are not set against each other.
VAGUE_MEASURES = frozenset({"count", "amount"})


def measure_of(fact_key: str) -> str | None:
    parts = fact_key.split("|")
    return parts[1] if len(parts) >= 5 else None


def side_is_known(fact_key: str) -> bool:
    """Whether the fact names whose people or things are counted (see ``fact_key_of``)."""
    parts = fact_key.split("|")
    return len(parts) >= 5 and parts[3] != "-"


#: Measures of which an incident has one figure whoever gives it: a crowd's size.
ONE_FIGURE_MEASURES = frozenset({"attended"})
#: Subjects a percentage of which is one figure of the incident, whoever gives it; other
#: percentages say of what only loosely ("62% of tally sheets", "85% of the city").
ONE_FIGURE_PERCENTAGES = frozenset({"turnout"})


def claimants_comparable(fact_key: str) -> bool:
    """Whether different claimants' figures of the fact are about one number.

    They are when the side counted is known, or when what is counted belongs to no side
    (the dead of a mine explosion, a crowd, a turnout): then the government's and the
    union's figures for the same moment are two accounts of one number. Soldiers, drones
    or votes counted without saying whose are not: the figures may count different
    sides. Figures that do not say what was done ("9,200 people", "16 people") never are.
    When each figure was given matters (see ``detection``): a later, higher toll is an
    update, not a conflict.
    """
    parts = fact_key.split("|")
    if len(parts) < 5 or parts[1] in VAGUE_MEASURES:
        return False
    if side_is_known(fact_key):
        return True
    subject, unit = parts[2], parts[4]
    if subject in SIDED_SUBJECTS or subject == "-":
        return False
    return unit != "%" or subject in ONE_FIGURE_PERCENTAGES


def article_incidents(article: Article) -> incidents.ArticleIncidents:
    published = article.published_at.date() if article.published_at else None
    return incidents.analyse_article(article.body, article.title, published)


#: How many sentences back a figure that does not say what it counts looks for the
#: figure it answers ("87% of state schools had closed ... the real figure was 41%").
ANTECEDENT_SENTENCES = 2


def antecedent_of(claim: Claim, article_claims: Sequence[Claim]) -> Claim | None:
    """The figure a subjectless figure answers: the nearest earlier one of its article,
    within ``ANTECEDENT_SENTENCES``, with the same measure and unit and a subject."""
    if claim.subject is not None or claim.measure is None:
        return None
    best = None
    for other in article_claims:
        if (
            other.id != claim.id
            and other.subject is not None
            and other.measure == claim.measure
            and other.base_unit == claim.base_unit
            and other.start_offset < claim.start_offset
            and 0 <= claim.sentence_index - other.sentence_index <= ANTECEDENT_SENTENCES
            and (best is None or other.start_offset > best.start_offset)
        ):
            best = other
    return best


def _reads_siblings(claim: Claim) -> bool:
    """Whether a claim's fact key depends on the other claims of its article."""
    return claim.measure is not None and (
        claim.subject is None
        or (claim.subject_side_id is None and claim.subject in ("combatants", "police"))
        or counts_enemy(claim)
    )


def assign_fact_keys(session: Session, claims: Sequence[Claim], parties: Parties) -> set[str]:
    """Set each claim's event and fact key from its article; the old and new keys."""
    touched: set[str] = set()
    siblings: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        siblings[claim.article_id].append(claim)
    for article_id, given in list(siblings.items()):
        if any(_reads_siblings(c) for c in given):
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
                    siblings[claim.article_id], parties, lede_countries(article)
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
                compare_outlets=measure_of(key) not in VAGUE_MEASURES,
                series=detection.series_of(measure_of(key)),
            )
            sources.update(analysis.sources)
            found.append((key, analysis.findings, claims[0] if claims else None, None))
    _store_findings(session, found, parties)
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
            )
        )
    findings = detection.match_denials(statements, fact_key=key)
    _store_findings(session, [(key, findings, None, event_id)], parties)
    return claims


def refresh_article(
    session: Session,
    article: Article,
    extra_keys: Iterable[str] = (),
    parties: Parties | None = None,
    claims: Sequence[Claim] | None = None,
) -> None:
    """Bring an article's claims, their facts and the article's denials up to date.

    The claims' statuses are derived once, after both the facts and the denials.
    ``claims``: all of the article's claims when the caller holds them already (a new
    article's, just stored), so they are not read back.
    """
    assert article.id is not None
    parties = parties or Parties(session)
    if claims is None:
        claims = session.exec(select(Claim).where(Claim.article_id == article.id)).all()
    parties.prefetch([c.subject_side_id for c in claims] + [c.claimant_id for c in claims])
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
