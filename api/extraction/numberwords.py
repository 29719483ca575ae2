"""Numbers written in digits or words ("2,600", "1.5 million", "twenty-three", "a
dozen"): the patterns that match them and their values."""

from __future__ import annotations

import re

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
    "bn": 1_000_000_000,
}


def trie_regex(words: list[str]) -> str:
    """A compact regex alternation (a character trie) matching exactly ``words``."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


_WORD = "(?:" + trie_regex([*SMALL, *TENS]) + ")"
_SCALE = "hundred|thousand|million|billion|trillion"
_WORD_NUMBER = (
    rf"a\s+dozen|half\s+a\s+dozen|(?:{_WORD})\s+dozen|(?:(?:{_WORD})(?:-(?:{_WORD}))?|a)(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?"
    rf"(?:{_WORD})(?:-(?:{_WORD}))?)?)*"
)
_DIGIT_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s*(?:million|billion|trillion|thousand|lakh|crore|bn)\b)?"
)
_A_SCALES = r"dozen|hundred|thousand|million|billion"
A_SCALES_RE = re.compile(_A_SCALES)
WS = re.compile(r"\s+")
_WORD_SEP = re.compile(r"[\s-]+")
_DIGITS_SCALE = re.compile(
    r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(million|billion|trillion|thousand|lakh|crore|bn)?"
)
NUM = rf"(?:{_DIGIT_NUMBER}|\b(?:{_WORD_NUMBER})\b)"


def parse_number(text: str) -> float | None:
    """Parse a digit or word number ("2,600", "1.5 million", "twenty-three", "a dozen")."""
    t = WS.sub(" ", text.strip().lower())
    m = _DIGITS_SCALE.fullmatch(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2)]
        return value
    if t.endswith("dozen"):
        head = t[: -len("dozen")].strip()
        if head in ("a", ""):
            return 12.0
        if head == "half a":
            return 6.0
        inner = parse_number(head)
        return None if inner is None else inner * 12
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_SEP.split(t):
        if word == "and":
            continue
        if word == "a":
            current += 1
            seen = True
        elif word in SMALL:
            current += SMALL[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES:
            if not seen:
                return None
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    if not seen:
        return None
    return total + current
