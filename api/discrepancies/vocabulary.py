"""The facts code's vocabulary, read once from ``vocabulary.toml`` (reviewable data)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocabulary:
    separate: tuple[str, ...]
    """Cues that a sentence is about another incident ("in a separate attack")."""
    scope: tuple[str, ...]
    """Cues that a sentence's figures cover a wider scope ("nationwide", "since the war")."""
    speech: tuple[str, ...]
    """Words before a locative that make it where someone spoke, not an incident."""
    place_nouns: tuple[str, ...]
    """Nouns that make a capitalised name a place ("Sirkot district")."""
    part_of: tuple[str, ...]
    """Regular-expression fragments before a figure that make it a subgroup's count."""
    subgroup: tuple[str, ...]
    """Regular-expression fragments in a figure's clause that make it a subgroup's count
    ("recovered by divers", "in one village")."""
    part_lead: tuple[str, ...]
    """Words right after a figure that make it a subgroup's count ("two of them")."""
    corrections: tuple[str, ...]
    """Words that make a changed figure a correction."""
    state_forces: tuple[str, ...]
    """Nouns for a state's forces ("soldiers", "border guards")."""
    group_forces: tuple[str, ...]
    """Nouns for an armed group's forces ("militants", "assailants")."""
    enemy: tuple[str, ...]
    """Regular-expression fragments that make a counted phrase the claimant's enemy's."""
    person_nouns: tuple[str, ...]
    """Nouns that count people when the subject lexicon does not name them ("brothers")."""
    container_nouns: tuple[str, ...]
    """Nouns whose figure counts what follows "of" ("the number of marchers")."""
    hearsay: tuple[str, ...]
    """Regular-expression fragments before a figure that make it someone's claim."""
    capacity: tuple[str, ...]
    """Regular-expression fragments before a figure that make it a capacity."""
    not_counted: tuple[str, ...]
    """Words after a counted noun that are never what is counted ("people remain")."""
    whole_groups: tuple[str, ...]
    """Civilian nouns that count everyone an incident befell ("miners" of a mine blast)."""
    own_fighters: tuple[str, ...]
    """Nouns by which a body counts its own fighters ("five of its fighters")."""
    combatant_nouns: tuple[str, ...]
    """Nouns for fighters the subject lexicon does not name ("assailants")."""
    measure_words: dict[str, str]
    """Words that say what happened to what a bare count counts, by measure."""
    noun_measures: dict[str, str]
    """Counted nouns that say what happened to what they count ("survivors": rescued)."""


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    text = resources.files(__package__).joinpath("vocabulary.toml").read_text("utf-8")
    data = tomllib.loads(text)
    lists = {name: tuple(data[name]) for name in Vocabulary.__dataclass_fields__}
    tables = ("measure_words", "noun_measures")
    for name in tables:
        lists.pop(name)
    return Vocabulary(
        **lists,
        measure_words=dict(data["measure_words"]),
        noun_measures=dict(data["noun_measures"]),
    )
