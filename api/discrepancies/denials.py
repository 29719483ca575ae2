"""Pairing denials with the assertions they answer, within one article (pure: no web or
database imports).

A denial answers the assertion it names (its figure, what is denied, the same thing
counted) before one it only answers by party, and the nearest before a far one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from api.extraction.textutil import word_set

DENIAL = "denial"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    key: str
    sides: tuple[tuple[int, ...], ...]
    """Claim ids per side; each side is one claimant (or one figure of one claimant)."""


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
    measure: str | None = None
    """What its figure measures, any loss as one (see ``families.measure_class``)."""
    named: frozenset[str] = frozenset()
    """The measures its words name, for a denial (see ``families.measures_named``)."""
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
    figure counts ("killed up to 40 servicemen"). A denial that names what it denies
    answers no figure of another measure ("denied that any soldier had been captured" and
    "four of its fighters died")."""
    if denial.zero and denial.counts is not None and denial.counts == assertion.counts:
        return True
    if _same_figure(denial, assertion):
        return True
    if denial.named and assertion.measure is not None and assertion.measure not in denial.named:
        return False  # "denied that any soldier had been captured" answers no toll
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
