"""Who said a figure, read from a dependency parse.

The speaker of a figure is the nominal subject of the reporting verb that governs the
figure's clause ("..., the regional governor's press office announced"), or the object
of "according to" ("according to figures released by the ministry": the ministry). A
relay names its source ("X, citing Y, reported": Y said it, X relayed it). Asides and
openers ("for its part", "speaking on condition of anonymity", "In a statement,") are
not part of the speaker phrase; appositives and relative clauses ("Lopez, who leads the
search,") are kept apart as the speaker's role. A figure inside the speaker phrase
("three police officers said") is not what the sentence claims.

Pure: works on :class:`~.model.Parse` values, knows nothing of spaCy or of actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import evidence_nouns
from ..textutil import word_set
from .model import Parse, Token

#: Lemmas of verbs that report what someone said (and "put the toll at").
REPORTING_LEMMAS = word_set(
    "say tell announce report state add note claim declare confirm insist warn estimate "
    "write tweet post reveal disclose explain indicate acknowledge admit assert argue "
    "allege accuse deny blame reject dispute brief inform testify count record publish "
    "put place quote cite maintain stress caution predict calculate tally"
)
#: Verbs that report only with a figure word as their object ("put the toll at 31").
_FIGURE_OBJECT_VERBS = frozenset({"put", "place", "count", "record", "publish", "calculate"})
_FIGURE_NOUNS = word_set(
    "toll figure figures number numbers count total tally estimate estimates death deaths "
    "casualties data statistics"
)
_CITING_LEMMAS = frozenset({"cite", "quote"})
#: What a common-noun speaker phrase is made of ("the two ambulance crews", "local doctors").
_COMMON_POS = frozenset({"NOUN", "ADJ", "DET", "NUM"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Children of the speaker's head that are not part of its name.
_ASIDE_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "punct", "cc", "conj"})
#: Nouns after "according to" that stand for what a speaker released ("figures released by").
_RELEASED_NOUNS = _FIGURE_NOUNS | word_set(
    "statement statements report reports release account accounts tallies"
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A stretch of the parsed text: the speaker's name, and its role when one is given."""

    start: int
    end: int
    text: str
    role: str | None = None
    #: the head is a common noun ("ambulance crews"), not a name or a pronoun
    common: bool = False


@dataclass(frozen=True, slots=True)
class SpeakerParse:
    """Who said the figure: ``speaker`` (None: the parse names nobody), ``relay`` the
    outlet passing it on; ``inside_speaker``: the figure is part of a speaker phrase."""

    speaker: Phrase | None
    relay: Phrase | None = None
    via: str = ""
    inside_speaker: bool = False


def _phrase(parse: Parse, head: Token) -> Phrase:
    """The name part of the noun phrase headed by ``head``; its appositive as the role.

    "a report by the news agency X", "figures from the ministry": the one behind it.
    """
    behind = _released_by(parse, head)
    if behind is not None and behind.i != head.i:
        head = behind
    core = [head]
    role: list[Token] = []
    for child in parse.children(head.i):
        sub = parse.subtree(child.i)
        if child.dep == "appos":
            role.extend(sub)
        elif child.dep not in _ASIDE_DEPS:
            core.extend(sub)
    core.sort(key=lambda t: t.i)
    # a contiguous stretch: from the first core token up to the head and its right modifiers
    first = core[0]
    last = max((t for t in core if t.i >= head.i), key=lambda t: t.i)
    text = parse.text[first.start : last.end]
    role_text = None
    if role:
        role.sort(key=lambda t: t.i)
        role_text = parse.text[role[0].start : role[-1].end]
    common = head.pos == "NOUN" and all(t.pos in _COMMON_POS for t in core)
    return Phrase(first.start, last.end, text, role_text, common)


def _subject(parse: Parse, verb: Token) -> Token | None:
    """The nominal subject of ``verb``, or of the verb it is coordinated with."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        subjects = [c for c in parse.children(node.i) if c.dep in _SUBJECTS]
        if subjects:
            # two subjects is a misparse of one long phrase: the one next to the verb names it
            before = [c for c in subjects if c.i < node.i]
            return before[-1] if before else subjects[0]
        if node.dep in {"conj", "xcomp"} and node.head != node.i:
            node = parse.tokens[node.head]  # "... and added", "went on to say"
            if not _is_reporting(parse, node):
                return None  # coordinated with a clause that reports nothing
        else:
            return None
    return None


def _is_reporting(parse: Parse, tok: Token) -> bool:
    if tok.pos not in {"VERB", "AUX"} or tok.lemma not in REPORTING_LEMMAS:
        return False
    if tok.tag == "VBN" and any(c.dep == "auxpass" for c in parse.children(tok.i)):
        return False  # "was reported", "were counted": passive, no speaker as subject
    if tok.lemma in _FIGURE_OBJECT_VERBS:
        objects = [c for c in parse.children(tok.i) if c.dep in {"dobj", "attr", "oprd"}]
        return any(o.lemma in _FIGURE_NOUNS or o.text.lower() in _FIGURE_NOUNS for o in objects)
    return True


def _according(parse: Parse) -> list[tuple[Token, Token]]:
    """("according" token, the head noun of its object) pairs."""
    out = []
    for tok in parse.tokens:
        if tok.text.lower() != "according":
            continue
        to = next((c for c in parse.children(tok.i) if c.text.lower() == "to"), None)
        if to is None:
            continue
        obj = next((c for c in parse.children(to.i) if c.dep == "pobj"), None)
        if obj is not None:
            out.append((tok, obj))
    return out


def _released_by(parse: Parse, noun: Token) -> Token | None:
    """ "figures released by the ministry": the ministry."""
    if noun.lemma not in _RELEASED_NOUNS and noun.text.lower() not in _RELEASED_NOUNS:
        return None
    for child in parse.children(noun.i):
        if child.dep in {"acl", "relcl"}:
            for by in parse.children(child.i):
                if by.dep == "agent" or by.text.lower() == "by":
                    obj = next((c for c in parse.children(by.i) if c.dep == "pobj"), None)
                    if obj is not None:
                        return obj
        if child.dep == "prep" and child.text.lower() in {"from", "by", "of"}:
            obj = next((c for c in parse.children(child.i) if c.dep == "pobj"), None)
            if obj is not None and obj.pos in {"PROPN", "NOUN"}:
                return obj
    return None


def _citing(parse: Parse, verb: Token) -> Token | None:
    """ "Channel 5, citing hospital sources, reported": the sources. What is cited as
    evidence ("citing aerial images", "citing a count by its volunteers") names no one."""
    for child in parse.children(verb.i):
        if child.lemma in _CITING_LEMMAS and child.dep in {"advcl", "xcomp", "acl", "prep"}:
            obj = next((c for c in parse.children(child.i) if c.dep in {"dobj", "pobj"}), None)
            if obj is not None:
                return _cited_speaker(obj)
    subj = _subject(parse, verb)
    if subj is not None:
        for child in parse.children(subj.i):
            if child.lemma in _CITING_LEMMAS:
                obj = next((c for c in parse.children(child.i) if c.dep in {"dobj", "pobj"}), None)
                if obj is not None:
                    return _cited_speaker(obj)
    return None


def _cited_speaker(obj: Token) -> Token | None:
    low = obj.text.lower()
    return None if low in evidence_nouns() or obj.lemma.lower() in evidence_nouns() else obj


def find_speaker(parse: Parse, start: int, end: int) -> SpeakerParse:
    """Who the parse says asserts the figure at ``[start, end)`` of the parsed text."""
    figure = parse.token_at(start)
    if figure is None:
        return SpeakerParse(None)
    verbs = [t for t in parse.tokens if _is_reporting(parse, t)]
    subjects = {v.i: _subject(parse, v) for v in verbs}
    for v in verbs:
        subj = subjects[v.i]
        if (
            subj is not None
            and subj.pos in {"NOUN", "PROPN"}
            and figure.dep in {"nummod", "quantmod"}
            and figure.head == subj.i
        ):
            return SpeakerParse(None, via="speaker-number", inside_speaker=True)
    ancestors = {t.i for t in parse.ancestors(figure.i)}
    governing = [v for v in verbs if v.i in ancestors and subjects[v.i] is not None]
    chosen: Token | None = None
    if governing:
        # the nearest reporting verb above the figure
        chosen = min(governing, key=lambda v: abs(v.i - figure.i))
    else:
        after = [v for v in verbs if v.start >= end and subjects[v.i] is not None]
        before = [v for v in verbs if v.end <= start and subjects[v.i] is not None]
        if after:
            chosen = after[0]  # "..., the office announced": clause-final attribution
        elif before:
            chosen = before[-1]
    according = _according(parse)
    if according and (chosen is None or chosen.i not in ancestors):
        _acc, obj = according[-1] if according[-1][0].start < start else according[0]
        source = obj
        outer = subjects[chosen.i] if chosen is not None else None
        relay = _phrase(parse, outer) if outer is not None else None
        return SpeakerParse(_phrase(parse, source), relay, via="according")
    if chosen is None:
        return SpeakerParse(None)
    subj = subjects[chosen.i]
    assert subj is not None
    cited = _citing(parse, chosen)
    if cited is not None:
        return SpeakerParse(_phrase(parse, cited), _phrase(parse, subj), via="citing")
    return SpeakerParse(_phrase(parse, subj), via=chosen.lemma)
