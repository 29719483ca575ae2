"""Time expressions: what period a claim is about, resolved against the publication date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import lexicon
from .types import TimeRef

_CALENDAR = lexicon.calendar()
_WEEKDAYS = {d.lower(): i for i, d in enumerate(_CALENDAR.weekdays)}
_MONTHS: dict[str, int] = dict(_CALENDAR.month_numbers)

_MONTH_RE = "(?:" + "|".join((*_CALENDAR.months, *_CALENDAR.abbreviations)) + r")\.?"
_DAY_RE = "(?:" + "|".join(_CALENDAR.weekdays) + ")"
_DATE_RE = (
    rf"(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{_MONTH_RE}(?:\s+\d{{4}})?)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from)\s+(?P<a>{_DATE_RE}|{_MONTH_RE}(?:\s+\d{{4}})?|\d{{4}})\s+"
            rf"(?:and|to|until|through)\s+(?P<b>{_DATE_RE}|{_MONTH_RE}(?:\s+\d{{4}})?|\d{{4}})"
        ),
    ),
    ("date", re.compile(rf"\b(?:on\s+)?(?P<d>{_DATE_RE})\b")),
    (
        "month",
        re.compile(
            rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Ss]ince\s+early|[Ll]ate|[Ee]arly|[Mm]id-?)\s+"
            rf"(?P<m>{_MONTH_RE})(?:\s+(?P<y>\d{{4}}))?\b"
        ),
    ),
    ("year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y)\s+(?P<y>(?:19|20)\d\d)\b")),
    (
        "relative",
        re.compile(
            r"\b(?P<r>(?:earlier|later)\s+this\s+(?:week|month|year)|this\s+(?:week|month|year)|"
            r"last\s+(?:week|month|year|night)|past\s+(?:week|month|year)|overnight|tonight|today|"
            r"yesterday|this\s+morning|this\s+evening)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<p>(?:on|late|early|last|by|since)\s+(?:on\s+)?)?(?P<wd>{_DAY_RE})"
            r"(?P<part>\s+(?:morning|afternoon|evening|night))?\b"
        ),
    ),
]
_CANDIDATE = re.compile(
    r"\d{4}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|day\b|\b(?:week|month|year|"
    r"overnight|tonight|today|yesterday|morning|evening|night)\b",
    re.I,
)
_SPEECH_TIME = re.compile(
    r"\b(?:said|says|told\s+[A-Z]?\w+|reported|claimed|announced|added|stated|noted|"
    r"declared|confirmed|tweeted|wrote)\s+(?:on\s+)?$"
)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    ref: TimeRef
    start: int
    end: int


def _year_for_month(month: int, published: date | None) -> int | None:
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _parse_date(text: str, published: date | None) -> date | None:
    t = text.replace(",", " ").replace(".", " ")
    parts = t.split()
    day = month = year = None
    for p in parts:
        low = p.lower()
        if low in _MONTHS:
            month = _MONTHS[low]
        elif re.fullmatch(r"\d{4}", p):
            year = int(p)
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", p):
            day = int(re.sub(r"\D", "", p))
    if month is None:
        return None
    if year is None:
        year = _year_for_month(month, published)
    if year is None:
        return None
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def _month_bounds(month: int, year: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_times(s: str, published: date | None) -> list[TimeSpan]:
    """Time expressions in a sentence (speech times right after "said" are left out)."""
    out: list[TimeSpan] = []
    if _CANDIDATE.search(s) is None:
        return out
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(s):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue
            if _SPEECH_TIME.search(s[: m.start()]):
                taken.append((m.start(), m.end()))
                continue
            ref = _resolve(kind, m, published)
            if ref is None:
                continue
            out.append(TimeSpan(ref, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    return out


def _resolve(kind: str, m: re.Match[str], published: date | None) -> TimeRef | None:
    text = m.group(0).strip()
    if kind == "range":
        a = _parse_range_end(m.group("a"), published, start=True)
        b = _parse_range_end(m.group("b"), published, start=False)
        if a and b and a > b and published is not None:
            a = a.replace(year=a.year - 1)
        return TimeRef(text, a, b, "period")
    if kind == "date":
        d = _parse_date(m.group("d"), published)
        return TimeRef(text, d, d, "date")
    if kind == "month":
        month = _MONTHS[m.group("m").lower().rstrip(".")]
        year = int(m.group("y")) if m.group("y") else _year_for_month(month, published)
        if year is None:
            return TimeRef(text, None, None, "period")
        a, b = _month_bounds(month, year)
        return TimeRef(text, a, b, "period")
    if kind == "year":
        y = int(m.group("y"))
        return TimeRef(text, date(y, 1, 1), date(y, 12, 31), "period")
    if kind == "relative":
        r = re.sub(r"\s+", " ", m.group("r").lower())
        return _relative(text, r, published)
    if kind == "weekday":
        wd = _WEEKDAYS[m.group("wd").lower()]
        if published is None:
            return TimeRef(text, None, None, "relative")
        delta = (published.weekday() - wd) % 7
        if (m.group("p") or "").strip().lower() == "last" and delta == 0:
            delta = 7
        d = published - timedelta(days=delta)
        return TimeRef(text, d, d, "relative")
    return None


def _parse_range_end(text: str, published: date | None, *, start: bool) -> date | None:
    if re.fullmatch(r"\d{4}", text.strip()):
        y = int(text)
        return date(y, 1, 1) if start else date(y, 12, 31)
    d = _parse_date(text, published)
    if d is None:
        return None
    if not re.search(r"\d{1,2}(?!\d)", re.sub(r"\d{4}", "", text)):
        a, b = _month_bounds(d.month, d.year)
        return a if start else b
    return d


def _relative(text: str, r: str, published: date | None) -> TimeRef:
    if published is None:
        period = r.endswith(("month", "year")) and not r.startswith(("this", "earlier", "later"))
        return TimeRef(text, None, None, "period" if period else "relative")
    p = published
    if r in {"today", "tonight", "this morning", "this evening"}:
        return TimeRef(text, p, p, "relative")
    if r in {"yesterday", "last night"}:
        return TimeRef(text, p - timedelta(days=1), p - timedelta(days=1), "relative")
    if r == "overnight":
        return TimeRef(text, p - timedelta(days=1), p, "relative")
    if r.endswith("this week") or r == "past week":
        return TimeRef(text, p - timedelta(days=p.weekday()), p, "relative")
    if r == "last week":
        monday = p - timedelta(days=p.weekday() + 7)
        return TimeRef(text, monday, monday + timedelta(days=6), "relative")
    if r.endswith("this month"):
        return TimeRef(text, p.replace(day=1), p, "relative")
    if r == "last month" or r == "past month":
        last = p.replace(day=1) - timedelta(days=1)
        return TimeRef(text, last.replace(day=1), last, "period")
    if r.endswith("this year"):
        return TimeRef(text, date(p.year, 1, 1), p, "period")
    if r in {"last year", "past year"}:
        return TimeRef(text, date(p.year - 1, 1, 1), date(p.year - 1, 12, 31), "period")
    return TimeRef(text, None, None, "relative")


def nearest(times: list[TimeSpan], start: int, end: int) -> TimeRef | None:
    best: tuple[int, TimeSpan] | None = None
    for t in times:
        dist = (
            0 if (t.start < end and start < t.end) else min(abs(t.start - end), abs(start - t.end))
        )
        if best is None or dist < best[0]:
            best = (dist, t)
    return best[1].ref if best is not None and best[0] <= 120 else None
