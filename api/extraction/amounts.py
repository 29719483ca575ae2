"""Figures written without digits: vague amounts ("dozens of", "hundreds"), figures of none
("no patient", "None of our drones"), and a figure with its conversion in brackets."""

from __future__ import annotations

import re

from . import lexicon
from .exclusions import Covered as _Covered
from .figures import MODIFIER as _MODIFIER
from .figures import QuantityMatch
from .numberwords import WS as _WS
from .types import Qualifier

_AMOUNTS = lexicon.amounts()
_VAGUE_BOUNDS: dict[str, tuple[float | None, float | None]] = _AMOUNTS.vague
#: Vague amounts that carry an order of magnitude (the others are just "some").
MAGNITUDE_VAGUE = _AMOUNTS.magnitude
_VAGUE = re.compile(
    r"\b(?P<v>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_VAGUE_BOUNDS, key=len, reverse=True)
    )
    + r")\b(?=\s+(?:of\s+)?[A-Za-z])",
    re.IGNORECASE,
)
_VAGUE_WORDS = re.compile(
    r"dozen|scores|hundreds|thousands|millions|several|few|handful|numerous|multiple", re.I
)


def _zero_pattern() -> re.Pattern[str]:
    """Words that count nothing ("no", "none of", "not a single"), from the lexicon."""
    forms = sorted({*_AMOUNTS.zero_determiners, *_AMOUNTS.zero_pronouns}, key=len, reverse=True)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(
        rf"\b(?:{alt})\b(?![.\d-])"
        # "no more than 40", "no longer", "no one knows": not a figure
        r"(?!\s+(?:more|fewer|less|longer|later|sooner|doubt|matter|reason|sign|evidence|"
        r"indication|comment|immediate|information|details|word|knows|knew|know|can|could|"
        r"will|would|expects|expected|seems|appears|doubts|figures?|estimates?|toll|tally|"
        r"breakdown|count|official|one|single)\b)"
        # "denied losing any drones": "any" under a denial counts none
        r"|\b(?:denied|denies|deny|denying)\s+(?:that\s+|having\s+|[a-z]+ing\s+(?:out\s+)?)?"
        r"(?P<any>any)\b",
        re.IGNORECASE,
    )


ZERO = _zero_pattern()


def vague_amounts(text: str, taken: _Covered) -> list[QuantityMatch]:
    """Vague amounts ("dozens of", "hundreds", "several") not inside a number phrase."""
    out: list[QuantityMatch] = []
    vague_iter = _VAGUE.finditer(text) if _VAGUE_WORDS.search(text) else iter(())
    for v in vague_iter:
        if taken.overlaps(v.start(), v.end()):
            continue
        word = _WS.sub(" ", v.group("v").lower())
        lo, hi = _VAGUE_BOUNDS[word]
        start = v.start()
        mod = _MODIFIER.search(text, max(0, start - 40), start)
        if mod is not None and mod.end() == start and (mod.group("more") or mod.group("atleast")):
            start = mod.start()
        out.append(
            QuantityMatch(
                start=start,
                end=v.end(),
                text=text[start : v.end()],
                qualifier=Qualifier.vague,
                lower=lo,
                upper=hi,
                vague_word=word,
                number_start=v.start(),
                number_end=v.end(),
                word_number=True,
                value_text=v.group("v"),
            )
        )
        taken.add(start, v.end())
    return out


def zero_amounts(text: str, taken: _Covered, excluded: _Covered) -> list[QuantityMatch]:
    """Figures of none ("no patient", "None of our drones", "denied losing any")."""
    out: list[QuantityMatch] = []
    for z in ZERO.finditer(text):
        za, zb = z.span("any") if z.group("any") else z.span()
        if taken.overlaps(za, zb) or excluded.overlaps(za, zb):
            continue
        out.append(
            QuantityMatch(
                start=za,
                end=zb,
                text=text[za:zb],
                qualifier=Qualifier.exact,
                lower=0.0,
                upper=0.0,
                number_start=za,
                number_end=zb,
                word_number=True,
                value_text=text[za:zb],
                zero=True,
            )
        )
    return out


def merge_conversions(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """Fold "2,600-kilometer (1,600-mile)" into one quantity spanning both."""
    out: list[QuantityMatch] = []
    i = 0
    while i < len(found):
        q = found[i]
        if q.unit is not None and i + 1 < len(found):
            nxt = found[i + 1]
            gap = text[q.end : nxt.start]
            if (
                nxt.unit is not None
                and nxt.unit.dimension == q.unit.dimension
                and re.fullmatch(
                    r"\s*[(\[]\s*(?:about|around|some|roughly|or|approximately)?\s*", gap
                )
            ):
                close = re.match(r"\s*[)\]]", text[nxt.end :])
                if close is not None:
                    end = nxt.end + close.end()
                    out.append(
                        QuantityMatch(
                            start=q.start,
                            end=end,
                            text=text[q.start : end],
                            qualifier=q.qualifier,
                            lower=q.lower,
                            upper=q.upper,
                            strict_lower=q.strict_lower,
                            strict_upper=q.strict_upper,
                            unit=q.unit,
                            vague_word=q.vague_word,
                            attributive=q.attributive,
                            number_start=q.number_start,
                            number_end=q.number_end,
                            word_number=q.word_number,
                            value_text=q.value_text,
                        )
                    )
                    i += 2
                    continue
        out.append(q)
        i += 1
    return out
