"""Fact identity: which fact of which incident a claim's figure is about.

A fact key is ``e<event>|<measure>|<subject>|<side>|<unit>`` and, for a claim about
another incident than its article's main one or a part of a figure, a suffix. Claims meet
on one fact whatever words they use (see ``families``); whose people or things a figure
counts is read from the claim, its words and the fighting parties its article names
(``ArticleSides``). Pure but for the ``Parties`` lookups it is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from api.articles.models import Article
from api.claims.models import Claim
from api.config import get_settings
from api.discrepancies import incidents, vocabulary
from api.discrepancies.families import (
    LOSS_MEASURES,
    THING_SUBJECTS,
    loss_family,
    measure_family,
    subject_family,
)
from api.discrepancies.parties import Parties
from api.events.models import Event
from api.extraction import gazetteer
from api.extraction.types import Stance


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


#: Subjects whose figures belong to a side (whose soldiers, whose drones): claimants are
#: set against each other only when the side is known. People counted without a side
#: (the dead of a flood, a crowd) are one figure whoever gives it.
SIDED_SUBJECTS = frozenset({"combatants", "vote"}) | THING_SUBJECTS

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
        cls,
        article_claims: Sequence[Claim],
        parties: Parties,
        countries: int = 0,
        lede_states: frozenset[int] = frozenset(),
    ) -> ArticleSides:
        """``lede_states``: the countries the article's opening names; when no claimant
        or counted side names a state, one country named there is the state that fights
        (a state broadcaster's "11 fallen heroes" of an attack in Mali are Mali's)."""
        named = {parties.belligerent(c.claimant_id) for c in article_claims}
        named |= {parties.belligerent(c.subject_side_id) for c in article_claims}
        fighting = {p for p in named if p is not None}
        groups = frozenset(p for p in fighting if parties.kind(p) == "armed_group")
        states = frozenset(fighting - groups)
        if not states and len(lede_states) == 1:
            states = lede_states
        return cls(states=states, groups=groups, countries=countries)

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
        head = _forces_head(subject_text)
        if head in _STATE_FORCES and len(self.states) == 1:
            return next(iter(self.states))
        if head in _GROUP_FORCES and len(self.groups) == 1:
            return next(iter(self.groups))
        return None


NO_SIDES = ArticleSides(frozenset(), frozenset())

#: Kinds of the parties whose forces are a state's (soldiers, police), not a group's.
STATE_KINDS = frozenset({"country", "government", "military"})


def _forces_head(subject_text: str | None) -> str | None:
    words = (subject_text or "").lower().replace("’", "'").split()
    if not words:
        return None
    return " ".join(words[-2:]) if " ".join(words[-2:]) in _STATE_FORCES else words[-1]


def forces_of_other_kind(side: int, subject_text: str | None, parties: Parties) -> bool:
    """Whether the counted noun names forces of another kind than the side's: "74
    attackers" are not a state's, "11 soldiers" not an armed group's. A phrase that names
    a side or several forces ("Taliban troops and aligned militants") is not judged."""
    words = (subject_text or "").split()
    if any(w[:1].isupper() for w in words) or "and" in words or "or" in words:
        return False  # a named side ("Taliban troops") or several kinds of forces
    head = _forces_head(subject_text)
    kind = parties.kind(side)
    if head in _GROUP_FORCES:
        return kind in STATE_KINDS
    return head in _STATE_FORCES and kind == "armed_group"


#: A figure said of a part of the area: "in government-held areas", "in the rebel-held
#: northwest", "in the south".
_AREA_PART = re.compile(
    r"\bin (?:the )?(?:[\w-]+-(?:held|controlled)\s+)?"
    r"(?:areas?|regions?|parts?|(?:north|south)(?:-?(?:east|west))?|east|west)\b",
    re.I,
)
_IN_NAME = re.compile(r"\b[Ii]n (?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_LEDE_CHARS = 600


def lede_country_names(article: Article, *, demonyms: bool = False) -> set[str]:
    """The countries an article's title and opening name (by name or alias, and by
    demonym too when ``demonyms``: "Malian soldiers")."""
    gaz = gazetteer.load()
    text = f"{article.title} {article.body[:_LEDE_CHARS]}"
    words = re.findall(r"[A-Z][\w'’-]+", text)
    if demonyms:  # and a dateline's capital: "BAMAKO (Reuters) -"
        words += [w.title() for w in words if w.isupper() and len(w) > 3]
    found = {gaz.place(w) for w in words}
    return {hit[0].name for hit in found if hit is not None and (demonyms or hit[1] != "demonym")}


def lede_countries(article: Article) -> int:
    """How many countries an article's title and opening name."""
    return len(lede_country_names(article))


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
#: The same cues opening a list the figure is a later item of ("including two nurses and
#: nine patients").
_PART_LIST = re.compile(
    rf"\b(?:{'|'.join(vocabulary.load().part_of)})\s[^;.:()]{{1,90}}?(?:,|\band)\s*$", re.I
)
#: A figure whose counted noun follows a copula: "of the 23 dead, 19 were miners" names
#: what a part of an earlier figure was.
_PREDICATE = re.compile(r"^\S+\s+(?:were|are|was|is)\s+(?:all\s+|also\s+|mostly\s+)?(?P<noun>\w+)")


_SUBGROUP = re.compile(rf"\b(?:{'|'.join(vocabulary.load().subgroup)})\b", re.I)


def is_subgroup(claim: Claim) -> bool:
    """Whether the figure counts a subgroup of the incident's: its clause names the one
    team that counted it ("Navy divers recovered six bodies") or the one place or vessel
    it counts in ("eight died in a single house"), so it is never set against a whole
    toll."""
    at = claim.statement.find(claim.quote)
    if at < 0:
        return False
    before = re.split(r"[;,:]| while | whereas | and that ", claim.statement[max(0, at - 60) : at])
    after = re.split(r"[;,:]| while | whereas | and that ", claim.statement[at:])[0]
    return bool(_SUBGROUP.search(f"{before[-1]} {after[:100]}"))


_CAPACITY = re.compile(
    rf"\b(?:{'|'.join(vocabulary.load().capacity)})(?:\s+(?:up to|about|around|some))?\s*$",
    re.I,
)


_HEARSAY = re.compile(rf"\b(?:{'|'.join(vocabulary.load().hearsay)})\W+(?:\w+\W+){{0,3}}$", re.I)


def is_hearsay(claim: Claim) -> bool:
    """Whether the figure is introduced as someone's claim ("the so-called figure of 48",
    "the alleged killing of 20"), not as what the text reports."""
    at = claim.statement.find(claim.quote)
    return at >= 0 and bool(_HEARSAY.search(claim.statement[max(0, at - 50) : at]))


def is_capacity(claim: Claim) -> bool:
    """Whether the figure is what something could hold ("licensed to carry 150
    passengers"), not a count of the incident."""
    at = claim.statement.find(claim.quote)
    return at >= 0 and bool(_CAPACITY.search(claim.statement[max(0, at - 40) : at]))


def is_part(claim: Claim) -> bool:
    """Whether the figure counts a part of what an earlier figure in its sentence counts:
    after a cue ("including nine patients"), as a later item of a list the cue opens
    ("including two nurses and nine patients"), or named after a copula ("19 were
    miners")."""
    at = claim.statement.find(claim.quote)
    if at < 0:
        return False
    before = claim.statement[max(0, at - 120) : at]
    after = claim.statement[at : at + len(claim.quote) + 20]
    if _PART_OF.search(before[-40:]) or _PART_LEAD.search(after) or _PART_LIST.search(before):
        return True
    predicate = _PREDICATE.match(after)
    counted = (claim.subject_text or "").split()
    return predicate is not None and bool(counted) and predicate["noun"] == counted[0]


def _subject_and_side(
    claim: Claim, parties: Parties, antecedent: Claim | None, sides: ArticleSides
) -> tuple[str | None, int | None]:
    """What a figure counts and whose (see ``fact_key_of``)."""
    side = parties.root(counted_side(claim))
    subject = subject_family(claim.subject, claim.subject_text)
    if (
        side is not None
        and subject in ("combatants", "police")
        and forces_of_other_kind(side, claim.subject_text, parties)
    ):
        side = sides.side_of_forces(claim.subject_text)  # the side was misread
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
    return subject, side


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
    subject, side = _subject_and_side(claim, parties, antecedent, sides)
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
    if claim.claimant_id is None and is_hearsay(claim):
        # someone's claim the outlet reports without saying whose: not its own figure
        parts.append(f"hearsay:a{claim.article_id}.{claim.start_offset}")
    elif (
        is_part(claim)
        or is_subgroup(claim)
        or is_partial_scope(claim, sides.countries)
        or is_capacity(claim)
    ):
        # a subgroup of one report's figure, a part of the area, or what a thing could
        # hold: compared with nothing
        parts.append(f"part:a{claim.article_id}.{claim.start_offset}")
    return "|".join(parts)


#: Measures that do not say what was done to what is counted ("120,000 people", "4 of
#: whom"): outlets' own figures of them are not set against each other.
VAGUE_MEASURES = frozenset({"count", "amount"})


def measure_of(fact_key: str) -> str | None:
    parts = fact_key.split("|")
    return parts[1] if len(parts) >= 5 else None


def subject_of(fact_key: str) -> str | None:
    parts = fact_key.split("|")
    return parts[2] if len(parts) >= 5 else None


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


def outlets_comparable(fact_key: str) -> bool:
    """Whether outlets' own figures of the fact are about one number: the fact says what
    was done and to what ("45% of what" unsaid, or "62% of tally sheets" beside "85% of
    the city", is no one number)."""
    parts = fact_key.split("|")
    if len(parts) < 5 or parts[1] in VAGUE_MEASURES or parts[2] == "-":
        return False
    return parts[4] != "%" or side_is_known(fact_key) or parts[2] in ONE_FIGURE_PERCENTAGES


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


def reads_siblings(claim: Claim) -> bool:
    """Whether a claim's fact key depends on the other claims of its article."""
    return claim.measure is not None and (
        claim.subject is None
        or (claim.subject_side_id is None and claim.subject in ("combatants", "police"))
        or counts_enemy(claim)
    )


#: Words that make a figure of 0 a flat denial ("not a single one of our drones was lost").
_NONE = re.compile(r"\b(?:no|none|not|never|nobody|zero|nil|neither)\b", re.I)


def is_flat_none(claim: Claim) -> bool:
    """Whether the claim's figure is a flat none: it denies any figure of what it counts,
    and is a figure (0) of its fact too."""
    return claim.lower == 0 and claim.upper == 0 and bool(_NONE.search(claim.quote))


def counted_by(claim: Claim) -> tuple[str | None, str] | None:
    """What a figure counts, as a denial of it is matched: its measure (any loss is a
    loss), subject family and incident; none for a claim of no fact."""
    if claim.measure is None or not _has_figure(claim) or not claim.fact_key:
        return None
    # about the same incident only ("14 arrested in Lyon" is not denied by "no one was
    # detained" said of the capital)
    incident = "|".join(p for p in claim.fact_key.split("|")[5:] if p.startswith("i:"))
    subject = subject_family(claim.subject, claim.subject_text)
    return loss_family(claim.measure, subject), f"{subject}|{incident}"
