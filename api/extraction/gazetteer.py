"""Reference data (countries, demonyms, capitals, news outlets, organisations), loaded once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .numberwords import trie_regex


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def demonym(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True, slots=True)
class Named:
    name: str
    aliases: tuple[str, ...]
    kind: str  # "media_outlet" | "organization"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    countries: dict[str, Country]  # canonical name -> country
    place_index: dict[str, tuple[str, str]]  # surface -> (country name, "name"|"capital"|"demonym")
    named_index: dict[str, Named]  # surface (lower-cased) -> outlet/organisation
    place_regex: re.Pattern[str]
    named_regex: re.Pattern[str]

    def place(self, surface: str) -> tuple[Country, str] | None:
        hit = self.place_index.get(surface)
        if hit is None:
            return None
        return self.countries[hit[0]], hit[1]

    def named(self, surface: str) -> Named | None:
        return self.named_index.get(surface.lower().strip())


def _alternation(forms: list[str]) -> str:
    """An alternation of literal ``forms`` preferring the longest one that matches.

    Built as a character trie: at any position the forms that match are prefixes of one
    another, and the trie tries them longest first (as a plain alternation sorted by
    length would), without testing hundreds of branches one after the other.
    """
    return trie_regex(sorted(set(forms)))


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    raw = json.loads(
        resources.files("api.extraction").joinpath("data/gazetteer.json").read_text("utf-8")
    )
    countries: dict[str, Country] = {}
    place_index: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    preferred: dict[str, list[str]] = {}  # shared form -> the countries that claim it
    for item in raw["countries"]:
        for form in item.get("preferred", ()):
            preferred.setdefault(form, []).append(item["name"])
        c = Country(
            name=item["name"],
            demonyms=tuple(item["demonyms"]),
            capitals=tuple(item["capitals"]),
            aliases=tuple(item["aliases"]),
        )
        countries[c.name] = c
        for form, role in (
            [(c.name, "name")]
            + [(a, "name") for a in c.aliases]
            + [(cap, "capital") for cap in c.capitals]
            + [(d, "demonym") for d in c.demonyms]
        ):
            if form in place_index and place_index[form][0] != c.name:
                ambiguous.add(form)
            elif form not in place_index or role == "name":
                place_index[form] = (c.name, role)
    for form in ambiguous:
        place_index.pop(form, None)
        owners = preferred.get(form, [])
        if len(owners) == 1:
            c = countries[owners[0]]
            place_index[form] = (c.name, "demonym" if form in c.demonyms else "name")
    named_index: dict[str, Named] = {}
    for item in raw["outlets"]:
        n = Named(item["name"], tuple(item["aliases"]), "media_outlet")
        for form in (n.name, *n.aliases):
            named_index[form.lower()] = n
    for item in raw["organizations"]:
        n = Named(item["name"], tuple(item["aliases"]), "organization")
        for form in (n.name, *n.aliases):
            named_index.setdefault(form.lower(), n)
    place_forms = list(place_index)
    place_regex = re.compile(r"(?<![\w-])(?:" + _alternation(place_forms) + r")(?:['’]s)?(?![\w])")
    named_forms: list[str] = []
    for item in raw["outlets"] + raw["organizations"]:
        named_forms.extend([item["name"], *item["aliases"]])
    named_regex = re.compile(r"(?<![\w-])(?:" + _alternation(named_forms) + r")(?![\w])")
    return Gazetteer(countries, place_index, named_index, place_regex, named_regex)
