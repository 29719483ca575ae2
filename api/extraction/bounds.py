"""Bounded cost: every rule of the pipeline works on pieces of at most a fixed size.

The rules look around each figure and each reporting verb within its sentence, so a
sentence of n characters costs more than n. News sentences are a few hundred characters;
text without sentence ends (a run of "said said ...", a pasted table, a very long list)
is cut here into pieces of at most ``MAX_SENTENCE_CHARS``, so that extraction time grows
linearly with the text whatever its shape.
"""

from __future__ import annotations

import re

from .quantities import CANDIDATE_WORDS
from .sentences import Sentence

#: Longest piece the rules read as one sentence (the annotated sets' longest is ~370).
MAX_SENTENCE_CHARS = 1200
#: Most figures read in one piece: the annotated sentences have at most 3; a piece with more is a
#: table or a run of numbers, read up to its ``MAX_FIGURES``-th number.
MAX_FIGURES = 24
#: Most reporting cues ("said", "according to") read in one piece (annotated sentences: 4).
MAX_CUES = 12
#: A number as find_quantities starts one: a run of digits or a number word.
_NUMBER = re.compile(
    r"\d+|\b(?:" + "|".join(sorted(CANDIDATE_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: Where a long sentence is best cut: after a semicolon or a comma, else at a space.
_CLAUSE_END = re.compile(r"[;,]\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, limit: int) -> int:
    """Where to end the first piece of ``text`` (0 < cut <= limit)."""
    window = text[:limit]
    lo = limit // 2  # a cut in the second half keeps the pieces large
    best = -1
    for m in _CLAUSE_END.finditer(window, lo):
        best = m.end()
    if best < 0:
        for m in _SPACE.finditer(window, lo):
            best = m.end()
    return best if best > 0 else limit


def bound_sentences(sentences: list[Sentence], limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """The sentences, each over ``limit`` characters cut into pieces; indices renumbered.

    ``body[s.start:s.end] == s.text`` still holds for every piece.
    """
    if all(len(s.text) <= limit for s in sentences):
        return sentences
    out: list[Sentence] = []
    for sent in sentences:
        text, start = sent.text, sent.start
        while True:
            if len(text) <= limit:
                piece, rest = text, ""
            else:
                cut = _cut(text, limit)
                piece, rest = text[:cut], text[cut:]
            stripped = piece.rstrip()
            if stripped:
                out.append(
                    Sentence(
                        index=len(out),
                        start=start,
                        end=start + len(stripped),
                        text=stripped,
                        paragraph=sent.paragraph,
                        is_heading=sent.is_heading,
                        is_item=sent.is_item,
                    )
                )
            lead = len(rest) - len(rest.lstrip())
            start += len(piece) + lead
            text = rest[lead:]
            if not text:
                break
    return out


def figure_text(text: str, limit: int = MAX_FIGURES) -> str:
    """``text`` up to (not including) its ``limit + 1``-th number (digits or number word).

    A prefix, so offsets into it are offsets into ``text``.
    """
    for count, m in enumerate(_NUMBER.finditer(text)):
        if count == limit:
            return text[: m.start()]
    return text
