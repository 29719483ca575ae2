"""Sentence splitting with character offsets into the original body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

# Tokens that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "adm",
        "brig",
        "cmdr",
        "cdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "u.a.e",
        "u.s.a",
        "d.c",
        "p.m",
        "a.m",
        "rs",  # "Rs. 450 million": a currency before its figure
    ]
)
_MONTH_ABBR = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]?)(\S)")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool = False
    #: a line of a bulleted list ("- 2.4 tonnes of cocaine seized"): short like a heading,
    #: but a statement of the text it is in
    is_item: bool = False


def _token_before(text: str, pos: int) -> str:
    """The whitespace-delimited token ending at ``pos`` (exclusive), lower-cased."""
    i = pos
    stop = max(0, pos - 40)  # no abbreviation is longer: bounded, however long the token
    while i > stop and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lower().lstrip("\"'“‘([")


def _is_boundary(text: str, punct_start: int, punct_end: int) -> bool:
    if text[punct_start] == ".":
        token = _token_before(text, punct_start)
        if token in _ABBREVIATIONS:
            nxt = _NEXT_START.match(text, punct_end)
            if token in {"a.m", "p.m"} and nxt and nxt.group(2).isupper():
                return True
            if token not in _MONTH_ABBR or (nxt and nxt.group(2).isdigit()):
                return False
            # "Jan." followed by a capitalised word: treat as an abbreviation too.
            return False
        if len(token) == 1 and token.isalpha():  # an initial: "J. Smith"
            return False
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):  # "u.s", "e.g"
            return False
    nxt = _NEXT_START.match(text, punct_end)
    if nxt is None:
        return True
    first = nxt.group(2)
    return first.isupper() or first.isdigit() or bool(nxt.group(1))


_FURNITURE = re.compile(
    r"^\s*(?:also\s+(?:read|watch|see)|read\s+more|read\s+also|watch|related|recommended|"
    r"photo|video|image|source|advertisement)\s*[|:]",
    re.IGNORECASE,
)


#: A bullet opening a line of a list: "- ", "• ", "* ", "– ".
_BULLET = re.compile(r"\s*[-•*–·▪]\s+(?=\S)")


def _looks_like_heading(text: str) -> bool:
    stripped = text.rstrip()
    if not stripped:
        return False
    if _FURNITURE.match(stripped):
        return True
    if stripped[-1] in ".!?\"”'’:;)…":
        return False
    return len(stripped.split()) <= 14


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences; newlines always end a sentence.

    ``body[s.start:s.end] == s.text`` for every sentence. Lines without final punctuation
    that are short are flagged as headings (titles, captions, page furniture).
    """
    out: list[Sentence] = []
    paragraph = -1
    for line in re.finditer(r"[^\n]+", body):
        line_text = line.group()
        if not line_text.strip():
            continue
        paragraph += 1
        heading = _looks_like_heading(line_text)
        item = _BULLET.match(line_text) is not None
        cuts: list[int] = [0]
        for m in _END.finditer(line_text):
            if _is_boundary(line_text, m.start(), m.end()):
                cuts.append(m.end())
        cuts.append(len(line_text))
        for a, b in pairwise(cuts):
            seg = line_text[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail <= lead:
                continue
            start = line.start() + a + lead
            end = line.start() + a + trail
            out.append(
                Sentence(
                    index=len(out),
                    start=start,
                    end=end,
                    text=body[start:end],
                    paragraph=paragraph,
                    is_heading=heading,
                    is_item=item,
                )
            )
    return out
