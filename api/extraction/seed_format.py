"""Parsing of the seed document format (a leading ``date YYYY-MM-DD`` header)."""

from __future__ import annotations

import re
from datetime import date

_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})")
_SENTENCE_PUNCT = re.compile(r"[.!?;:,\"“”]")


def parse_seed_document(raw: str) -> tuple[date | None, str]:
    """Split a raw seed document into (publication date, body).

    A leading ``date YYYY-MM-DD`` is the publication date. When the rest of that first
    line is short page furniture (fewer than 4 words and no sentence punctuation, e.g.
    ``Home``) the whole line is dropped; otherwise the rest of the line starts the body.
    Documents without the header are returned unchanged with date ``None``.
    """
    match = _HEADER.match(raw)
    if match is None:
        return None, raw
    try:
        published: date | None = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        published = None
    rest = raw[match.end() :]
    newline = rest.find("\n")
    first_line = rest if newline < 0 else rest[:newline]
    remainder = "" if newline < 0 else rest[newline + 1 :]
    words = first_line.split()
    if len(words) < 4 and not _SENTENCE_PUNCT.search(first_line):
        return published, remainder.lstrip("\n")
    return published, first_line.lstrip() + ("" if newline < 0 else "\n" + remainder)
