"""Which incident a claim is about, read from its article's text (pure: no database).

An article reports a *main* incident and, often, others: a separate attack elsewhere,
last week's bombing recalled in a background paragraph, a historical comparison ("the
deadliest since 2011, when 40 died"). Each claim gets the incident of the words nearest
to it in its sentence:

* a **time** resolved against the publication date that ends well before the main
  incident's time ("In August", "last week", "in 2019"; later times are the same incident
  going on: a toll that rises);
* a **place** named with a locative ("near Calamar", "in Sirkot district") that the
  article's lede does not name (countries and capitals are too coarse to tell);
* a **cue** ("in a separate attack", "earlier this month", "years ago"), or a wider
  scope ("nationwide", "since the war began"): a country's or a war's total.

A sentence without any of these continues the incident of the sentence before it in the
same paragraph. A claim whose incident cannot be told from the main one stays with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from api.discrepancies import vocabulary
from api.extraction.gazetteer import load as load_gazetteer
from api.extraction.sentences import Sentence, split_sentences
from api.extraction.timerefs import find_times
from api.names import normalize_name

_WORDS = vocabulary.load()
#: Words that say a sentence is about another incident than the article's main one.
SEPARATE_CUES: tuple[str, ...] = _WORDS.separate
#: Words that say a sentence's figures cover a wider scope than the incident.
SCOPE_CUES: tuple[str, ...] = _WORDS.scope
#: Words that put a place, not an incident, after a locative: "told reporters in Goris".
SPEECH_CUES: tuple[str, ...] = _WORDS.speech
#: Nouns that make a capitalised name a place ("Sirkot district", "the town of Ruma").
PLACE_NOUNS: tuple[str, ...] = _WORDS.place_nouns

#: How many days before the main incident's time a time must end to be another incident.
SLACK_DAYS = 2
#: Sentences that make an article's lede (besides its title).
LEDE_SENTENCES = 3
#: How far (characters) a time, place or cue may stand from a claim to decide its incident.
REACH = 160

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME = (
    rf"[{_UPPER}][\w’'\-.]*\w(?:\s+(?:de|del|la|el|al|da|do|di|des|du)?\s*[{_UPPER}][\w’'\-]*\w)*"
)
_LOCATIVE = re.compile(
    rf"\b(?P<prep>[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?"
    # one adjective before the name: "at the overstretched Kanu Flats clinic"
    rf"(?:(?!(?:{'|'.join(PLACE_NOUNS)})\b)[a-z][a-z-]+\s+(?=[{_UPPER}]))?"
    rf"(?:(?:{'|'.join(PLACE_NOUNS)})\s+of\s+)?(?P<name>{_NAME})"
)
#: Locatives that take in the whole of a place: with a country, a wider scope.
_WHOLE_OF = frozenset({"across", "throughout"})
_NOT_PLACE_WORDS = (
    "January February March April May June July August September October November "
    "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday The A An This That His Her Their Its Our"
)
_NOT_PLACES = frozenset(normalize_name(w) for w in _NOT_PLACE_WORDS.split(" "))


@dataclass(frozen=True, slots=True)
class Incident:
    """The incident a claim is about: ``key`` is ``""`` for the article's main one."""

    key: str = ""
    time: date | None = None
    place: str | None = None
    cue: str | None = None

    @property
    def main(self) -> bool:
        return not self.key


MAIN = Incident()


@dataclass(frozen=True, slots=True)
class _Mark:
    """A time, place or cue in a sentence: where it stands and the incident it names."""

    start: int
    end: int
    incident: Incident
    weak: bool = False
    """A country or capital named as the main incident's: it decides a claim only when
    no other mark is near ("the 1970 earthquake ... killed 70,000 in Peru's history")."""


@dataclass(frozen=True, slots=True)
class ArticleIncidents:
    """Per sentence, the marks deciding the incidents of the claims in it."""

    sentences: tuple[Sentence, ...]
    marks: tuple[tuple[_Mark, ...], ...]
    inherited: tuple[Incident, ...]
    """Per sentence: the incident a claim gets when no mark of its own sentence is near."""

    def at(self, start: int, end: int) -> Incident:
        """The incident of the claim whose evidence is ``body[start:end]``."""
        index = next(
            (i for i, s in enumerate(self.sentences) if s.start <= start < s.end + 1), None
        )
        if index is None:
            return MAIN
        best: tuple[bool, int, _Mark] | None = None
        for mark in self.marks[index]:
            overlap = mark.start < end and start < mark.end
            distance = 0 if overlap else min(abs(mark.start - end), abs(start - mark.end))
            rank = (mark.weak, distance)
            if distance <= REACH and (best is None or rank < best[:2]):
                best = (mark.weak, distance, mark)
        if best is not None:
            return best[2].incident
        return self.inherited[index]


def _lede_terms(title: str, sentences: Sequence[Sentence]) -> set[str]:
    text = " ".join([title, *(s.text for s in sentences[:LEDE_SENTENCES])])
    terms: set[str] = set()
    for match in re.finditer(_NAME, text):
        words = [normalize_name(w) for w in match.group(0).split()]
        terms.update(w for w in words if len(w) > 2)
        terms.add(" ".join(words))
    return terms


def _coarse(name: str) -> bool:
    gaz = load_gazetteer()
    return gaz.place(name) is not None


def _is_main_place(name: str, lede: set[str]) -> bool:
    words = [normalize_name(w) for w in name.split()]
    words = [w for w in words if w not in _NOT_PLACES and len(w) > 2]
    if not words:
        return True  # nothing that names a place
    return " ".join(words) in lede or any(w in lede for w in words)


def _place_marks(sentence: Sentence, lede: set[str]) -> list[_Mark]:
    out = []
    for match in _LOCATIVE.finditer(sentence.text):
        name = match.group("name").removesuffix("'s").removesuffix("’s").rstrip(".")
        before = sentence.text[max(0, match.start() - 40) : match.start()].lower()
        if any(re.search(rf"\b{cue}\b", before) for cue in SPEECH_CUES):
            continue
        first = normalize_name(name.split()[0])
        if first in _NOT_PLACES and len(name.split()) == 1:
            continue
        start = sentence.start + match.start()
        end = sentence.start + match.end()
        if match.group("prep").lower() in _WHOLE_OF and _coarse(name):
            # "across Congo", "throughout the country": a country's total, not the incident's
            place = normalize_name(name)
            out.append(_Mark(start, end, Incident(key=f"s:{place}", place=place)))
        elif _coarse(name):
            out.append(_Mark(start, end, MAIN, weak=True))
        elif _is_main_place(name, lede):
            out.append(_Mark(start, end, MAIN))
        else:
            place = normalize_name(name)
            out.append(_Mark(start, end, Incident(key=f"p:{place}", place=place)))
    return out


#: How many days before the main incident's time a period "since" may start and still be
#: the main incident's count ("since Friday", when the fighting began).
SINCE_DAYS = 7
_SINCE = re.compile(r"^(?:ever\s+)?since\b", re.I)


def _runs_to_now(text: str, first: date | None, main_start: date) -> bool:
    """Whether a time is a period from shortly before the main incident up to the report
    ("killed 35 soldiers since Friday"): a count of the main incident so far, not an
    earlier incident's ("since 2019" stays a wider scope)."""
    return (
        first is not None
        and bool(_SINCE.match(text))
        and first >= main_start - timedelta(days=SINCE_DAYS)
    )


def _time_marks(sentence: Sentence, published: date | None, main_start: date | None) -> list[_Mark]:
    out = []
    for span in find_times(sentence.text, published):
        ref = span.ref
        last = ref.end or ref.start
        start = sentence.start + span.start
        end = sentence.start + span.end
        if last is None or main_start is None:
            continue
        if _runs_to_now(ref.text, ref.start, main_start):
            out.append(_Mark(start, end, Incident(time=ref.start)))  # the main one's count
        elif last < main_start - timedelta(days=SLACK_DAYS):
            first = ref.start or last
            out.append(
                _Mark(
                    start,
                    end,
                    Incident(key=f"t:{first.isoformat()}/{last.isoformat()}", time=first),
                )
            )
        else:
            out.append(_Mark(start, end, Incident(time=ref.start or last)))
    return out


#: A year naming an incident as its modifier: "the 1970 Ancash earthquake", "the 2011
#: floods".
_YEAR_OF = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<year>1[6-9]\d\d|20\d\d)\s+(?=[A-Za-z])"
)


def _year_marks(sentence: Sentence, main_start: date | None) -> list[_Mark]:
    """Incidents a sentence names by an earlier year ("the 2011 floods killed 40")."""
    if main_start is None:
        return []
    out = []
    for match in _YEAR_OF.finditer(sentence.text):
        year = int(match.group("year"))
        if year >= main_start.year:
            continue
        first, last = date(year, 1, 1), date(year, 12, 31)
        incident = Incident(key=f"t:{first.isoformat()}/{last.isoformat()}", time=first)
        out.append(_Mark(sentence.start + match.start(), sentence.start + match.end(), incident))
    return out


def _cue_marks(sentence: Sentence) -> list[_Mark]:
    lowered = sentence.text.lower()
    out = []
    for cue in (*SEPARATE_CUES, *SCOPE_CUES):
        at = lowered.find(cue)
        if at >= 0:
            # A cue speaks for its whole sentence: it stands as far as its ends.
            key = f"x:{sentence.index}"
            out.append(_Mark(sentence.start, sentence.end, Incident(key=key, cue=cue)))
            break
    return out


def _main_start(sentences: Sequence[Sentence], published: date | None) -> date | None:
    """When the main incident happened: the earliest recent time the lede names."""
    if published is None:
        return None
    recent = published - timedelta(days=7)
    starts = [
        span.ref.start
        for s in sentences[:LEDE_SENTENCES]
        for span in find_times(s.text, published)
        if span.ref.start is not None and span.ref.start >= recent
    ]
    return min(starts) if starts else published - timedelta(days=1)


def analyse_article(body: str, title: str = "", published: date | None = None) -> ArticleIncidents:
    """The incidents of an article's sentences (see the module's docstring)."""
    sentences = tuple(split_sentences(body))
    lede = _lede_terms(title, sentences)
    main_start = _main_start(sentences, published)
    marks: list[tuple[_Mark, ...]] = []
    inherited: list[Incident] = []
    previous: Incident = MAIN
    paragraph = -1
    for s in sentences:
        found = sorted(
            [
                *_cue_marks(s),
                *_time_marks(s, published, main_start),
                *_year_marks(s, main_start),
                *(_place_marks(s, lede) if s.index >= 1 else []),
            ],
            key=lambda m: m.start,
        )
        if s.paragraph != paragraph:
            previous, paragraph = MAIN, s.paragraph
        # Cues override the sentence's other marks: "in a separate attack on Saturday".
        cue = next((m for m in found if m.incident.cue), None)
        chosen = (cue,) if cue else tuple(found)
        marks.append(chosen)
        inherited.append(previous)
        if chosen:
            separate = [m.incident for m in chosen if not m.incident.main]
            previous = separate[-1] if separate and len(separate) == len(chosen) else MAIN
    return ArticleIncidents(sentences, tuple(marks), tuple(inherited))


def distinct(incidents: Iterable[Incident]) -> set[str]:
    """The keys of the incidents other than the main one."""
    return {i.key for i in incidents if not i.main}
