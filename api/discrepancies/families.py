"""What a fact counts, whatever words a claim uses: the families of measures and subjects.

"Downed six drones", "none of our drones was lost" and "destroyed two aircraft" count one
thing; "27 people remain missing" counts people, not "remain"; "the number of marchers"
counts marchers.
"""

from __future__ import annotations

import re
from typing import Protocol

from api.discrepancies import vocabulary
from api.extraction import lexicon

#: Measures that, said of things, all say the things were lost: "downed six drones",
#: "none of our drones was lost" and "destroyed two aircraft" are about one fact.
LOSS_MEASURES = frozenset({"killed", "destroyed", "lost", "struck"})
#: Subject categories of things (see ``api.extraction.measures``).
THING_SUBJECTS = frozenset(
    {"aircraft", "vehicles", "munitions", "buildings", "posts", "camps", "settlements"}
)

#: Subject categories of people.
PERSON_SUBJECTS = lexicon.subjects().person_categories

_AIRBORNE = re.compile(r"\b(?:aerial|drones?|uavs?|aircraft|airborne)\b", re.I)
_REMAINS = re.compile(r"\b(?:bodies|corpses|remains)\b", re.I)
_CATEGORIES = lexicon.subjects().categories
_KNOWN = frozenset(_CATEGORIES.values())
_PERSON_NOUNS = frozenset(vocabulary.load().person_nouns)
_CONTAINERS = frozenset(vocabulary.load().container_nouns)
_NOT_COUNTED = frozenset(vocabulary.load().not_counted)
_COMBATANT_NOUNS = frozenset(vocabulary.load().combatant_nouns)
_WHOLE_GROUPS = frozenset(vocabulary.load().whole_groups)
_WORD = re.compile(r"[a-z][a-z'’-]*")


def _category_in(text: str) -> str | None:
    """The category of the counted noun a subject phrase names: the noun after a
    container ("the number of marchers"), else its first category noun ("people remain",
    "people - many of them asleep")."""
    words = [w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(text.lower())]
    for i, word in enumerate(words[:-2]):
        if word in _CONTAINERS and words[i + 1] == "of":
            after = [_category_of_word(w) for w in words[i + 2 :]]
            # "member of the security forces": the first noun the lexicon knows
            return next((c for c in after if c in _KNOWN), after[0])
    for word in words:
        found = _category_of_word(word)
        if found in _KNOWN:
            return found
    return None


def _category_of_word(word: str) -> str:
    if word in _CATEGORIES:
        return _CATEGORIES[word]
    if word in _PERSON_NOUNS:
        return "people"
    if word in _COMBATANT_NOUNS:
        return "combatants"
    return word.removesuffix("s") if len(word) > 3 else word


def subject_family(subject: str | None, subject_text: str | None) -> str | None:
    """The subject a fact is keyed by: "unmanned aerial vehicles" are aircraft, "brothers"
    and "relatives" are people, and a subject the extraction took from a word after the
    counted noun ("27 people remain": "remain") is the counted noun's."""
    if subject == "vehicles" and subject_text and _AIRBORNE.search(subject_text):
        return "aircraft"
    if subject == "civilians" and subject_text:
        words = _WORD.findall(subject_text.lower())
        if words and words[0] in _WHOLE_GROUPS:
            return "people"  # "eight miners were killed": the blast's people
    if subject is None or subject in _KNOWN:
        return subject
    if subject in _PERSON_NOUNS or subject.removesuffix("s") in _PERSON_NOUNS:
        return "people"
    if subject in _COMBATANT_NOUNS or f"{subject}s" in _COMBATANT_NOUNS:
        return "combatants"
    if subject_text and (subject in _NOT_COUNTED or subject in _CONTAINERS):
        found = _category_in(subject_text)
        if found is not None and (found in _KNOWN or subject in _CONTAINERS):
            return found
    return subject


def measure_family(measure: str, subject: str | None, text: str | None = None) -> str:
    """The measure a fact is keyed by: a thing lost, downed or destroyed is destroyed;
    a count of bodies ("left 62 bodies behind") is a count of the dead."""
    if measure in LOSS_MEASURES and subject in THING_SUBJECTS and measure != "struck":
        return "destroyed"
    if measure == "lost" and subject in PERSON_SUBJECTS:
        return "killed"  # "no member of the forces lost his life"
    if measure == "count" and subject not in THING_SUBJECTS and text and _REMAINS.search(text):
        return "killed"
    return measure


def loss_family(measure: str | None, subject: str | None) -> str | None:
    """The measure as a denial of it is matched: any loss of things ("hit", "downed",
    "lost") is a loss; people lost are people killed, not things destroyed."""
    if measure not in LOSS_MEASURES:
        return measure
    if subject in PERSON_SUBJECTS:
        return "killed" if measure in ("killed", "lost") else measure
    return "loss"


_MEASURE_WORDS = lexicon.measures().words
#: Words that say what happened to what a bare count counts (see ``governed_measure``).
_GOVERNING = {**_MEASURE_WORDS, **vocabulary.load().measure_words}
#: The word that governs a figure from before it, in its clause: "to neutralise 60
#: fighters", "the bodies of 23 guerrillas", "the interception of 11 missiles".
_GOVERNOR_BEFORE = re.compile(r"(?P<word>[a-z]+)\s+(?:(?:of|the|to|a|an)\s+)*$", re.I)
#: The verb of the figure's clause after it: "27 rebels had been killed", "two launchers
#: of a system were destroyed".
_GOVERNOR_AFTER = re.compile(
    r"^[^,;:.!?\"“”]{0,60}?\b(?:had|have|has|were|was|are|is)\s+"
    r"(?:(?:been|now|all|also|reportedly|already|since|then)\s+)*(?P<word>[a-z]+)",
    re.I,
)


def measures_named(text: str) -> frozenset[str]:
    """The measures a statement's words name ("denied that any soldier had been
    captured": captured), any loss as one ("struck", "destroyed", "killed" are losses)."""
    named = {_MEASURE_WORDS.get(word) for word in _WORD.findall(text.lower())}
    return frozenset("loss" if m in LOSS_MEASURES else m for m in named if m is not None)


def measure_class(measure: str | None) -> str | None:
    """A claim's measure as ``measures_named`` gives it (any loss is a loss); none for a
    bare count, which says nothing of what happened to what it counts ("accused the
    group of executing 11 civilians" is a count of 11 civilians)."""
    if measure == "count":
        return None
    return "loss" if measure in LOSS_MEASURES else measure


def governed_measure(statement: str, quote: str) -> str | None:
    """What happened to what a bare count counts, by the word that governs it in its
    sentence: the verb or noun before it ("made it possible to neutralise more than 60
    fighters", "the bodies of 23 fighters") or the verb of its clause after it ("41
    fighters of the Front had been killed"); none when no measure word does."""
    at = statement.find(quote)
    if at < 0:
        return None
    before = _GOVERNOR_BEFORE.search(statement[max(0, at - 40) : at])
    if before is not None and before["word"].lower() in _GOVERNING:
        return _GOVERNING[before["word"].lower()]
    after = _GOVERNOR_AFTER.match(statement[at + len(quote) :])
    if after is not None:
        return _GOVERNING.get(after["word"].lower())
    return None


class _Counted(Protocol):
    @property
    def measure(self) -> str | None: ...
    @property
    def statement(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def subject_text(self) -> str | None: ...


_NOUN_MEASURES = vocabulary.load().noun_measures


def effective_measure(claim: _Counted) -> str | None:
    """The claim's measure, or, for a bare count, the measure its counted noun names
    ("the count of survivors": rescued) or the word governing it names ("the bodies of
    23 fighters": killed; see ``governed_measure``)."""
    if claim.measure != "count":
        return claim.measure
    words = _WORD.findall((claim.subject_text or "").lower())
    if words and words[-1] in _NOUN_MEASURES:
        return _NOUN_MEASURES[words[-1]]
    return governed_measure(claim.statement, claim.quote) or claim.measure
