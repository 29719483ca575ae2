"""What is never a quantity: calendar dates, years, clock times, ages, durations,
ordinals and numbers inside names ("Article 370", "F-16"), found before any figure is."""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon
from .numberwords import NUM as _NUM
from .numberwords import trie_regex

_CALENDAR = lexicon.calendar()
_MONTHS = "(?:" + "|".join((*_CALENDAR.months, *_CALENDAR.abbreviations)) + ")"
_MONTH_ABBR_DOT = "(?:" + "|".join(_CALENDAR.abbreviations) + r")\.?"
_MONTH_ANY = rf"(?:{_MONTHS}\b\.?|{_MONTH_ABBR_DOT})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Names followed by a number that is part of the name: "Article 370", "Flight 93". Matched
# through a trie (exactly one of these words can precede the white space).
_NUMBERED_NAMES = [
    "Article",
    "Section",
    "Resolution",
    "Flight",
    "Route",
    "Highway",
    "Road",
    "Street",
    "Block",
    "Sector",
    "Phase",
    "Chapter",
    "Clause",
    "Paragraph",
    "Amendment",
    "Room",
    "Gate",
    "Terminal",
    "Platform",
    "Unit",
    "Brigade",
    "Battalion",
    "Regiment",
    "Corps",
    "Squadron",
    "Division",
    "Vision",
    "Agenda",
    "Model",
    "Mark",
    "Version",
    "Boeing",
    "Airbus",
    "Number",
    "No.",
    "Nos.",
    "Class",
    "Grade",
    "Category",
    "Type",
    "Stage",
    "Zone",
    "District",
    "Ward",
    "Lot",
    "Bus",
    "Train",
    "Line",
    "Channel",
    "Group",
    "Level",
    "Apollo",
    "Camp",
    "Tower",
    "Building",
    "Floor",
    "Case",
    "Bill",
    "Act",
    "Law",
    "Order",
    "Ordinance",
    "Precinct",
    "Station",
    "Post",
]
_EXCLUSIONS = [
    # 27 March 2025, 27th of March, 3 Jan.
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_ANY}(?:,?\s+\d{{4}})?"),
    # February 27, 2026 / Sept. 15 / Jan 19 / March 2025
    re.compile(rf"\b{_MONTH_ANY}\s+{_DAY}\b(?:,?\s+\d{{4}}\b)?"),
    re.compile(rf"\b{_MONTH_ANY}\s+\d{{4}}\b"),
    # ISO and numeric dates
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),
    # clock times
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE),
    re.compile(r"\b\d{1,2}(?:\.\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE),
    re.compile(r"\b\d{4}\s*(?:GMT|UTC|IST|PKT|hrs|hours\s+GMT)\b"),
    # year ranges and decades: 2021-22, 1990s, the '90s
    re.compile(r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:\d{2}|\d{4})\b|\b\d{2,4}'?s\b"),
    re.compile(r"\b(?:aged|age of|ages of)\s+\d+(?:\s*(?:-|to)\s*\d+)?", re.IGNORECASE),
    # ordinals written with digits
    re.compile(r"\b\d+(?:st|nd|rd|th)\b"),
    # phone numbers named as such: "the 112 emergency number", "a 24-hour 1190 hotline"
    re.compile(
        r"\b\d[\d ]*\d\s+(?:emergency|hotline|helpline|tip|phone|telephone)(?:\s+(?:number|"
        r"line))?\b|\b\d{2,}\s+(?:number|hotline|helpline)\b",
        re.IGNORECASE,
    ),
    # numbers glued to names: F-16, Covid-19, Su-30, G-20
    re.compile(r"\b[A-Z][A-Za-z]*-\d+[A-Za-z]?\b"),
    re.compile(r"\b(?:" + trie_regex(_NUMBERED_NAMES) + r")\s+\d+[A-Za-z]?\b"),
    # standalone years (1500-2099) unless counted things follow
    re.compile(
        r"(?<![\d,.])\b(?:1[5-9]\d\d|20\d\d)\b(?![,.]\d)(?!\s*(?:-|\s)\s*(?:km|kilomet|mile|met|"
        r"feet|foot|ton|kg|hect|acre|percent|per\s+cent|%|people|persons|civilians|soldiers|"
        r"troops|fighters|militants|police|migrants|refugees|families|homes|houses|children|"
        r"women|men)\b)"
    ),
]


_PLAIN_EXCLUSIONS = [p for p in _EXCLUSIONS if not p.flags & re.IGNORECASE]
_ICASE_EXCLUSIONS = [p for p in _EXCLUSIONS if p.flags & re.IGNORECASE]
# Every exclusion starts at a word boundary (each pattern begins with ``\b``, after at most
# a look-behind); testing it once up front lets the scan skip mid-word positions quickly.
_EXCLUSION_PASSES = [
    re.compile(r"\b(?:" + "|".join(f"(?:{p.pattern})" for p in _PLAIN_EXCLUSIONS) + ")"),
    re.compile(
        r"\b(?:" + "|".join(f"(?:{p.pattern})" for p in _ICASE_EXCLUSIONS) + ")", re.IGNORECASE
    ),
]


# ages and durations: 35-year-old, four years, 10-day (number found backwards from the unit)
_DURATION_UNIT = re.compile(
    r"(?<=[\w\s-])(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
    r"century|nights?)(?:-old|\s+old|\s+ago)?\b",
    re.IGNORECASE,
)
_NUM_BEFORE_UNIT = re.compile(rf"\b(?:{_NUM})(?:\s*-\s*|\s+)$", re.IGNORECASE)


def _windows(text: str, positions: list[int], radius: int = 45) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in positions:
        a = max(0, p - radius)
        floor = max(0, a - 2 * radius)  # a word longer than that is no date or age
        while a > floor and not text[a - 1].isspace():
            a -= 1
        b = min(len(text), p + radius)
        ceiling = min(len(text), b + 2 * radius)
        while b < ceiling and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def excluded_spans(text: str, positions: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of dates, years, times, ages, durations, ordinals and name-numbers.

    With ``positions`` (candidate number offsets) only windows around them are scanned.
    """
    spans: list[tuple[int, int]] = []
    windows = [(0, len(text))] if positions is None else _windows(text, positions)
    for pattern in _EXCLUSION_PASSES:
        for a, b in windows:
            spans.extend((m.start(), m.end()) for m in pattern.finditer(text, a, b))
    for m in _DURATION_UNIT.finditer(text):
        lo = max(0, m.start() - 40)
        n = _NUM_BEFORE_UNIT.search(text, lo, m.start())
        if n is not None:
            spans.append((n.start(), m.end()))
    return spans


class Covered:
    """Characters of a text covered by spans: overlap tests cost the query's length, not
    the number of spans (a text of thousands of numbers stays linear)."""

    __slots__ = ("_mask",)

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(size + 1)
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        if b > a:
            self._mask[a:b] = b"\x01" * (b - a)

    def overlaps(self, a: int, b: int) -> bool:
        return b > a and self._mask.find(1, a, b) != -1
