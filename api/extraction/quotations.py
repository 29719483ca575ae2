"""Quotations that run over several sentences: where each one closes."""

from __future__ import annotations

from .sentences import Sentence

OPEN_QUOTES = ('"', "“")
CLOSE_QUOTES = ('"', "”")


def count_quotes(text: str) -> int:
    return sum(text.count(q) for q in ('"', "“", "”"))


def first_quote(text: str) -> int:
    """Where the quotation that an earlier sentence opened closes."""
    found = [i for i in (text.find('"'), text.find("”")) if i >= 0]
    return min(found) if found else -1


def quotation_closings(sentences: list[Sentence]) -> dict[int, int]:
    """For each sentence that opens a quotation: the index of the sentence closing it."""
    out: dict[int, int] = {}
    opened: int | None = None
    for i, sent in enumerate(sentences):
        text = sent.text.strip()
        marks = count_quotes(text)
        if opened is None:
            if text[:1] in OPEN_QUOTES:
                if marks % 2 == 0:
                    out[i] = i  # opens and closes here
                else:
                    opened = i
        elif marks % 2 == 1:
            for j in range(opened, i):
                out[j] = i
            opened = None
        elif marks == 0 and i - opened > 6:
            opened = None  # an unbalanced quote mark, not a quotation
    return out
