"""Small word lists shared by the number and the subject readers."""

from __future__ import annotations

#: Adverbs of how badly someone was hurt that follow a part of a count ("one seriously").
DEGREE_ADVERBS = (
    "seriously",
    "critically",
    "badly",
    "severely",
    "gravely",
    "fatally",
    "slightly",
    "lightly",
)
