"""A deterministic synthetic news corpus for benchmarks (seeded random, no I/O).

Articles report **events** (a clash at an invented place on a date between two real
countries of the gazetteer, or a country and an invented armed group). Every article
about an event quotes several **claimants** (invented officials, ministries, militaries,
outlets) giving figures about the same facts, so the figures disagree across articles
the way real reporting does. Sentences come from templates the extraction pipeline
understands ("The X military said that N of its soldiers were killed ..."), mixed with
sentences that carry no claim. Publication dates are spread over ten years.

Everything is a pure function of ``(seed, index)``: ``Corpus(seed).article(i)`` always
returns the same article, so a run can be resumed or extended to a larger size, and two
corpora with different seeds share no event.

    >>> a = Corpus(1).article(0)
    >>> a == Corpus(1).article(0)
    True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property

from api.extraction import gazetteer

_FIRST_NAMES = [
    "Ahmed",
    "Farid",
    "Omar",
    "Elena",
    "Ivan",
    "Yusuf",
    "Amina",
    "Karim",
    "Laila",
    "Dmitri",
    "Samir",
    "Nadia",
    "Tariq",
    "Rashid",
    "Hassan",
    "Mariam",
    "Oleg",
    "Fatima",
    "Javed",
    "Sofia",
    "Zafar",
    "Ines",
    "Khalid",
    "Anwar",
    "Salma",
    "Viktor",
    "Leyla",
    "Imran",
    "Bilal",
    "Noor",
    "Aziz",
    "Hamid",
    "Selim",
    "Petra",
    "Rustam",
    "Zainab",
    "Malik",
    "Idris",
    "Soraya",
    "Arman",
]
_SYLLABLES = [
    "ka",
    "ra",
    "vel",
    "dor",
    "shan",
    "mir",
    "tal",
    "bek",
    "zor",
    "ani",
    "has",
    "lun",
    "pek",
    "dar",
    "var",
    "ost",
    "gul",
    "han",
    "sel",
    "bar",
    "mun",
    "tek",
    "ros",
    "lav",
    "ner",
    "qal",
    "fen",
    "dus",
    "kor",
    "bai",
    "zan",
    "hel",
    "tur",
]
_PLACE_SUFFIXES = ("abad", "grad", "pur", "kand", "stan", "ville", "dara", "kot", "shahr", "gorod")
_PLACE_KINDS = ("district", "province", "valley", "region", "border crossing")
_OUTLETS = ("Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera", "BBC")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_GROUP_SUFFIXES = ("Front", "Brigades", "Movement", "Liberation Army", "Resistance")
_RANKS = ("Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Col.", "Gen.")
_FIRST_DAY = date(2015, 1, 1)
_DAYS = 3650  # events spread over ten years

_NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "twelve",
    20: "twenty",
}


@dataclass(frozen=True, slots=True)
class Side:
    """A party to an event: a country (with its institutions) or an armed group."""

    name: str  # "Pakistan" or "Karvel Front"
    demonym: str  # "Pakistani" (a group: its own name)
    is_country: bool
    spokesman: str  # "Lt. Gen. Farid Torvelov"
    minister: str  # "Amina Dorshanova"


@dataclass(frozen=True, slots=True)
class Event:
    index: int
    place: str  # "Tal Korabad"
    region: str  # "Korabad district"
    day: date
    a: Side
    b: Side


@dataclass(frozen=True, slots=True)
class SynthArticle:
    index: int
    event: Event
    title: str
    body: str
    publisher: str
    published_at: datetime

    @property
    def words(self) -> int:
        return len(self.body.split())


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _number(rng: random.Random, low: int, high: int) -> str:
    n = rng.randint(low, high)
    if n in _NUMBER_WORDS and rng.random() < 0.3:
        return _NUMBER_WORDS[n]
    return f"{n:,}"


class Corpus:
    """Deterministic articles ``article(0), article(1), ...`` for one ``seed``.

    About ``articles_per_event`` consecutive articles share an event; ``article(i,
    event=k)`` writes a further article about event ``k`` (e.g. a fresh post about a
    story already in the database).
    """

    def __init__(self, seed: int, *, articles_per_event: int = 4) -> None:
        self.seed = seed
        self.articles_per_event = articles_per_event

    @cached_property
    def _countries(self) -> list[tuple[str, str]]:
        gaz = gazetteer.load()
        out: list[tuple[str, str]] = []
        for country in gaz.countries.values():
            demonym = country.demonym
            # only names the gazetteer resolves unambiguously, both ways
            if gaz.place(country.name) is None or gaz.place(demonym) is None:
                continue
            if " " in demonym or "-" in country.name:
                continue
            out.append((country.name, demonym))
        return sorted(out)

    def _person(self, rng: random.Random) -> str:
        surname = _word(rng, 2) + rng.choice(("ov", "i", "zai", "ani", "ev", "ar", "en"))
        return f"{rng.choice(_FIRST_NAMES)} {surname}"

    def _side(self, rng: random.Random, country: tuple[str, str] | None) -> Side:
        spokesman = f"{rng.choice(_RANKS)} {self._person(rng)}"
        minister = self._person(rng)
        if country is not None:
            return Side(country[0], country[1], True, spokesman, minister)
        name = f"{_word(rng, 2)} {rng.choice(_GROUP_SUFFIXES)}"
        return Side(name, name, False, spokesman, minister)

    def event(self, k: int) -> Event:
        rng = random.Random(f"event:{self.seed}:{k}")
        a_country, b_country = rng.sample(self._countries, 2)
        a = self._side(rng, a_country)
        b = self._side(rng, b_country if rng.random() < 0.7 else None)
        stem = _word(rng, 2)
        place = f"{stem}{rng.choice(_PLACE_SUFFIXES)}"
        if rng.random() < 0.3:
            place = f"{_word(rng, 1)} {place}"
        region = f"{stem} {rng.choice(_PLACE_KINDS)}"
        day = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
        return Event(k, place, region, day, a, b)

    def article(self, i: int, *, event: int | None = None) -> SynthArticle:
        k = i // self.articles_per_event if event is None else event
        ev = self.event(k)
        rng = random.Random(f"article:{self.seed}:{i}:{k}")
        publisher = rng.choice(_OUTLETS)
        published = datetime.combine(
            ev.day + timedelta(days=rng.randrange(4)), datetime.min.time(), UTC
        ) + timedelta(hours=rng.randrange(6, 22), minutes=rng.randrange(60))
        paragraphs = [self._paragraph(rng, ev, publisher) for _ in range(rng.randint(6, 9))]
        title = rng.choice(
            (
                f"Deadly clashes near {ev.place} as {ev.a.name} and {ev.b.name} trade fire",
                f"{ev.a.name} says dozens killed in fighting with {ev.b.name}",
                f"Fighting flares in {ev.region}",
                f"{ev.b.name} and {ev.a.name} give rival tolls after {ev.place} clashes",
            )
        )
        return SynthArticle(i, ev, title, "\n".join(paragraphs), publisher, published)

    def articles(self, start: int = 0) -> Iterator[SynthArticle]:
        i = start
        while True:
            yield self.article(i)
            i += 1

    # --- text -----------------------------------------------------------------------------
    def _paragraph(self, rng: random.Random, ev: Event, outlet: str) -> str:
        sentences = [self._claim_sentence(rng, ev, outlet) for _ in range(rng.randint(2, 3))]
        for _ in range(rng.randint(1, 3)):
            sentences.insert(rng.randrange(len(sentences) + 1), self._filler(rng, ev, outlet))
        return " ".join(sentences)

    def _claimant(self, rng: random.Random, side: Side) -> str:
        if not side.is_country:
            return rng.choice(
                (
                    f"the {side.name}",
                    f"{side.name} spokesman {side.spokesman}",
                    f"a spokesman for the {side.name}",
                )
            )
        return rng.choice(
            (
                f"the {side.demonym} military",
                f"{side.name}'s Ministry of Defence",
                f"the {side.demonym} army",
                f"{side.demonym} security officials",
                f"{side.demonym} military spokesman {side.spokesman}",
                f"{side.name}'s foreign ministry",
                f"{side.demonym} Interior Minister {side.minister}",
            )
        )

    def _claim_sentence(self, rng: random.Random, ev: Event, outlet: str) -> str:
        own, other = (ev.a, ev.b) if rng.random() < 0.5 else (ev.b, ev.a)
        x = self._claimant(rng, own)
        xc = x[0].upper() + x[1:]
        troops = "soldiers" if own.is_country else "fighters"
        foes = "soldiers" if other.is_country else "fighters"
        when = rng.choice(_WEEKDAYS)
        place = rng.choice((ev.place, f"the {ev.region}", f"{ev.place} in the {ev.region}"))
        n_small = _number(rng, 2, 40)
        n_big = _number(rng, 20, 400)
        templates = (
            f"{xc} said that {n_small} of its {troops} were killed in the clashes near {place}.",
            f"According to {x}, more than {n_big} people were wounded in {place}.",
            f"{n_big} {other.demonym} {foes} were killed, {x} said.",
            f"{xc} claimed to have captured some {n_small} posts near {place}.",
            f"{xc} said {n_small} civilians were killed and {n_big} wounded on {when}.",
            f"{xc} told {outlet} that at least {n_big} militants had been killed since {when}.",
            f"{xc} said it had destroyed {n_small} {other.demonym} tanks near {place}.",
            f"About {n_big} families have been displaced from {place}, {x} said.",
            f"{xc} denied that any of its {troops} had been captured near {place}.",
            f"{xc} said up to {n_big} {other.demonym} {foes} were killed on {when}, "
            f"while {n_small} of its own {troops} were wounded.",
            f"{xc} said the fighting left {n_small} people dead in {place}.",
            f"{xc} said {n_small} {foes} were arrested near {place} on {when}.",
        )
        return rng.choice(templates)

    def _filler(self, rng: random.Random, ev: Event, outlet: str) -> str:
        return rng.choice(
            (
                f"Residents of {ev.place} described heavy shelling through the night.",
                f"{outlet} was not able to independently verify the figures.",
                f"The fighting in the {ev.region} is the most serious in recent months.",
                "Both sides accused each other of starting the exchange of fire.",
                f"Schools and markets in {ev.place} remained closed on {rng.choice(_WEEKDAYS)}.",
                f"Diplomats urged {ev.a.name} and {ev.b.name} to show restraint.",
                "Hospitals in the area appealed for blood donations.",
                f"Tensions between {ev.a.name} and {ev.b.name} have risen for weeks.",
                "Aid agencies said access to the area remained limited.",
                f"Video shared on social media showed smoke rising over {ev.place}.",
            )
        )
