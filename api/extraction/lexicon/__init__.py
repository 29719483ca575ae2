"""The extractor's vocabulary, read once from the data files of this package.

Each ``*.toml`` file here is reviewable data: measure families (``measures.toml``), subject
nouns (``subjects.toml``), vague and zero amounts (``amounts.toml``), months and weekdays
(``calendar.toml``), currencies (``currencies.toml``), speaker words (``speakers.toml``),
actor words (``actors.toml``) and street words (``places.toml``). Code reads the vocabulary
only through the accessors below, so a new family, subject noun or currency is a data entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _read(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def _words(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    return tuple(value)


@dataclass(frozen=True, slots=True)
class Family:
    """One measure family: its name and the words that signal it."""

    name: str
    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    nouns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Measures:
    families: tuple[Family, ...]
    #: single word (lower case) -> measure
    words: dict[str, str]
    #: phrase as a tuple of lower-case words -> measure, longest first
    phrases: dict[tuple[str, ...], str]
    #: counted noun that names its measure ("deaths" -> killed, "cases" -> cases)
    nouns: dict[str, str]
    #: adjective that names the measure inside a counted phrase ("fallen" -> killed)
    adjectives: dict[str, str]
    #: counted noun that names its measure when no word of the sentence names one
    #: ("counted 18,500 marchers" -> attended)
    defaults: dict[str, str]


@lru_cache(maxsize=1)
def measures() -> Measures:
    raw = _read("measures.toml")
    families: list[Family] = []
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for name, entry in raw.items():
        fam = Family(
            name=name,
            words=_words(entry.get("words")),
            phrases=tuple(tuple(p.lower().split()) for p in entry.get("phrases", ())),
            nouns=_words(entry.get("nouns")),
        )
        families.append(fam)
        for w in fam.words:
            if w in words:
                raise ValueError(f"measure word {w!r} is in two families")
            words[w] = name
        for p in fam.phrases:
            phrases[p] = name
        for n in fam.nouns:
            nouns[n] = name
        for a in _words(entry.get("adjectives")):
            adjectives[a] = name
        for d in _words(entry.get("default_nouns")):
            defaults[d] = name
    ordered = dict(sorted(phrases.items(), key=lambda kv: -len(kv[0])))
    return Measures(tuple(families), words, ordered, nouns, adjectives, defaults)


@dataclass(frozen=True, slots=True)
class Subjects:
    #: counted noun (lower case) -> category
    categories: dict[str, str]
    person_categories: frozenset[str]
    light: frozenset[str]
    not_heads: frozenset[str]
    clause_verbs: frozenset[str]


@lru_cache(maxsize=1)
def subjects() -> Subjects:
    raw = _read("subjects.toml")
    categories: dict[str, str] = {}
    for category, words in raw["categories"].items():
        for w in _words(words):
            if w in categories:
                raise ValueError(f"subject noun {w!r} is in two categories")
            categories[w] = category
    words = raw["words"]
    return Subjects(
        categories=categories,
        person_categories=frozenset(raw["groups"]["persons"]),
        light=frozenset(_words(words["light"])),
        not_heads=frozenset(_words(words["not_heads"])),
        clause_verbs=frozenset(_words(words["clause_verbs"])),
    )


@dataclass(frozen=True, slots=True)
class Amounts:
    #: vague amount -> (lower, upper)
    vague: dict[str, tuple[float | None, float | None]]
    magnitude: frozenset[str]
    zero_determiners: tuple[str, ...]
    zero_pronouns: tuple[str, ...]
    #: words of a change of a count ("rose", "fell", "raised")
    change_verbs: tuple[str, ...] = ()
    #: time words that are not what a changed figure counts ("the day before")
    time_nouns: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def amounts() -> Amounts:
    raw = _read("amounts.toml")
    vague: dict[str, tuple[float | None, float | None]] = {}
    magnitude: set[str] = set()
    for word, entry in raw["vague"].items():
        lo, hi = entry.get("lower"), entry.get("upper")
        vague[word] = (
            None if lo is None else float(lo),
            None if hi is None else float(hi),
        )
        if entry.get("magnitude"):
            magnitude.add(word)
    zero = raw["zero"]
    change = raw.get("change", {})
    return Amounts(
        vague,
        frozenset(magnitude),
        tuple(zero["determiners"]),
        tuple(zero["pronouns"]),
        tuple(change.get("verbs", ())),
        tuple(change.get("time_nouns", ())),
    )


@dataclass(frozen=True, slots=True)
class Calendar:
    months: tuple[str, ...]
    #: lower-case month name or abbreviation -> month number
    month_numbers: dict[str, int]
    weekdays: tuple[str, ...]

    @property
    def abbreviations(self) -> tuple[str, ...]:
        """Three-letter and listed abbreviations, "May" excluded (it is a full name)."""
        short = [m[:3] for m in self.months if len(m) > 3]
        extra = [a for a in self.month_numbers if a not in {m.lower() for m in self.months}]
        return (*short, *(e.capitalize() for e in extra if len(e) > 3))


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    raw = _read("calendar.toml")
    months = tuple(raw["months"])
    numbers: dict[str, int] = {}
    for i, name in enumerate(months, start=1):
        numbers[name.lower()] = i
        numbers[name[:3].lower()] = i
    for abbr, month in raw.get("month_abbreviations", {}).items():
        numbers[abbr.lower()] = int(month)
    return Calendar(months, numbers, tuple(raw["weekdays"]))


@dataclass(frozen=True, slots=True)
class Currencies:
    codes: frozenset[str]
    symbols: dict[str, str]
    names: dict[str, str]
    #: country -> surface form (symbol or name) -> code
    by_country: dict[str, dict[str, str]]


@lru_cache(maxsize=1)
def currencies() -> Currencies:
    raw = _read("currencies.toml")
    return Currencies(
        codes=frozenset(_words(raw["codes"])),
        symbols=dict(raw["symbols"]),
        names=dict(raw["names"]),
        by_country={k: dict(v) for k, v in raw["by_country"].items()},
    )


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Documents that stand for their unnamed issuer ("the statement added"), lower case."""
    return frozenset(str(w).lower() for w in _read("speakers.toml")["documents"])


@lru_cache(maxsize=1)
def evidence_nouns() -> frozenset[str]:
    """What a speaker may cite that is no speaker ("citing aerial images"), lower case."""
    return frozenset(str(w).lower() for w in _read("speakers.toml")["evidence_nouns"])


@lru_cache(maxsize=1)
def figure_nouns() -> tuple[str, ...]:
    """Nouns for a body's own figures ("SNP figures", "police data"), lower case."""
    return tuple(str(w).lower() for w in _read("speakers.toml")["figure_nouns"])


@lru_cache(maxsize=1)
def count_frames() -> tuple[str, ...]:
    """Nouns of a body's reckoning that, possessed, frame a sentence ("By Kyiv's count")."""
    return tuple(str(w).lower() for w in _read("speakers.toml")["count_frames"])


@lru_cache(maxsize=1)
def verb_adverbs() -> tuple[str, ...]:
    """Adverbs between a speaker and its reporting verb ("now says"), lower case."""
    return tuple(str(w).lower() for w in _read("speakers.toml")["verb_adverbs"])


@lru_cache(maxsize=1)
def release_labels() -> frozenset[str]:
    """Headings of a document its issuer put out ("press release"), lower case."""
    return frozenset(str(w).lower() for w in _read("speakers.toml")["release_labels"])


@lru_cache(maxsize=1)
def furniture_labels() -> frozenset[str]:
    """Labels before a colon that name no speaker ("Photo:", "Media contact:"), lower case."""
    return frozenset(str(w).lower() for w in _read("speakers.toml")["furniture_labels"])


@lru_cache(maxsize=1)
def generic_heads() -> dict[str, str]:
    """Speaker-phrase head (lower case) -> actor kind name ("sheriff" -> government)."""
    out: dict[str, str] = {}
    for kind, words in _read("speakers.toml")["generic_heads"].items():
        for w in words:
            if str(w).lower() in out:
                raise ValueError(f"speaker head {w!r} has two kinds")
            out[str(w).lower()] = str(kind)
    return out


@lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """Titles of one person ("sheriff", "mayor"), lower case."""
    return frozenset(str(w).lower() for w in _read("speakers.toml")["person_roles"])


@lru_cache(maxsize=1)
def street_words() -> frozenset[str]:
    """Words that end a street name ("Lane", "Avenue", "Rue"), lower case."""
    return frozenset(str(w).lower() for w in _read("places.toml")["street_words"])


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The actor recogniser's vocabulary (``actors.toml``)."""

    #: (canonical head, kind name, surface forms) of each institution head, in file order
    org_heads: tuple[tuple[str, str, tuple[str, ...]], ...]
    #: named word lists ("role_words", "org_suffixes", ...), lower case
    lists: dict[str, frozenset[str]]
    #: pronoun -> what it may refer to ("plural", "person", "org")
    pronouns: dict[str, str]


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    raw = _read("actors.toml")
    heads = tuple(
        (str(e["head"]), str(e["kind"]), tuple(str(f) for f in e["forms"]))
        for e in raw["org_heads"]
    )
    lists = {
        name: frozenset(str(w) for w in value)
        for name, value in raw.items()
        if isinstance(value, list) and name != "org_heads"
    }
    return ActorWords(heads, lists, {str(k): str(v) for k, v in raw["pronouns"].items()})
