"""Small text helpers shared by the extraction modules (pure)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'", "\u02bc": "'"}
)
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def straighten(text: str) -> str:
    """Replace curly quotes/apostrophes by straight ones (same length, offsets kept)."""
    return text.translate(_QUOTES)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case-, quote- and punctuation-insensitive key for an actor name.

    >>> name_key("The Pakistan’s  Armed-Forces.")
    'pakistan s armed forces'
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def clean_display(name: str) -> str:
    """A display form of a surface name: straight quotes, single spaces, no edge punctuation."""
    text = _SPACES.sub(" ", straighten(name)).strip(" ,;:.\"'-–—")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if text.count("(") < text.count(")"):
        text = text.rstrip(")").strip()
    if text.count("(") > text.count(")"):
        text = text.lstrip("(").strip()
    return text


@lru_cache(maxsize=256)
def collapse_ws(text: str) -> str:
    # cached: every claim of a sentence states the sentence, collapsed once
    return _SPACES.sub(" ", text).strip()


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (lexicons stay compact)."""
    return frozenset(words.split())
