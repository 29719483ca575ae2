"""A body's voice running on: the unattributed sentences after a body's statement, in its
paragraph, that go on giving its figures ("The ministry said in a statement that 14 died.
Another 30 were injured.")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import has_reporting_verb
from .numberwords import NUM

#: A sentence that turns to background of the writer's own, not the speaker's figures.
_BACKGROUND = re.compile(
    r"^\s*(?:(?:During|In|Over|For)\s+(?:the\s+same\s+period|\d{4})|Last\s+(?:year|month)|"
    r"A\s+year\s+(?:ago|earlier)|Since\s+\d{4}|Previously|Historically)\b",
)
#: A sentence that reports a document or is sourced to a body: its voice runs on as such.
_DOCUMENT = re.compile(
    r"\b(?:according\s+to|statements?|communiqu[ée]s?|bulletins?|briefings?|press\s+releases?|"
    r"updates?|reported|reports|report|figures|data)\b",
    re.I,
)
#: A sentence that goes on with the figures before it: "Another 25 ...", "Of these, ...",
#: "The number of missing ...", "... it was 58.1%".
_GOES_ON = re.compile(
    r"^\s*(?:Another|A\s+further|Further|The\s+rest|The\s+remaining|Of\s+(?:them|these|those)|"
    r"Among\s+(?:them|these|those|the)|(?:Most|Some|All|Many|None)\s+of\s+(?:them|these|those|the)|"
    r"The\s+(?:number|toll|tally|count|figure)\s+of)\b"
    r"|\b(?:it|they)\s+(?:was|were|is|are|stood|stands|reached)\b",
)
#: The word a figure counts ("17 servicemen", "1,100 properties").
_COUNTED = re.compile(rf"{NUM}\s+(?:[a-z-]+\s+){{0,2}}?([a-z]{{4,}})", re.I)


@dataclass(slots=True)
class Voice:
    """The body a sentence reported (``claimant``, ``relay``), where (``paragraph``), in what
    words (``text``), and whether it reported a document or a sourcing (``document``)."""

    claimant: str
    relay: str | None
    paragraph: int
    text: str
    document: bool


def voice_of(claimant: str, relay: str | None, paragraph: int, text: str) -> Voice:
    return Voice(claimant, relay, paragraph, text, bool(_DOCUMENT.search(text)))


def goes_on(voice: Voice, text: str, paragraph: int) -> bool:
    """Does the unattributed sentence ``text`` go on in ``voice``? Only in the same
    paragraph, never with a reporting verb of its own or the writer's background; after a
    document or a sourcing, any such sentence; after a plain "said", one that carries on
    with its figures (an additive or anaphoric opening, or a count of what it counted)."""
    if paragraph != voice.paragraph or _BACKGROUND.match(text) or has_reporting_verb(text):
        return False
    if voice.document or _GOES_ON.search(text):
        return True
    before = voice.text.lower()
    for m in _COUNTED.finditer(text):
        word = m.group(1)
        if re.search(rf"\b{re.escape(word)}\b", before):
            return True
    return False
