"""Name normalisation shared by actor matching everywhere (pure, no I/O)."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_ELIDED = re.compile(r"[.'`]")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Case-, width-, quote- and punctuation-insensitive key for a name (dots vanish).

    >>> normalize_name("  The Pakistan’s  Armed-Forces. ")
    'pakistans armed forces'
    >>> normalize_name("I.S.P.R.") == normalize_name("ISPR")
    True
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    text = _ELIDED.sub("", text)
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    if not text:
        # A name of punctuation or symbols only still needs a stable key.
        return _SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()
    return text
