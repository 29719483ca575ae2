"""The issuer of a press release: the body whose own document the article is.

A release headed "PRESS RELEASE" states its issuer in its lead ("BERGEN, 23 October -
Acme Marine ASA (OSE: ACME), a supplier of ..., today reported ...", "The Ministry of
Security reports that ..."); the figures of its later sentences that no one else is said
to give are the issuer's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actors.nodes import PronounRef
from .attribution import Attributor
from .lexicon import release_labels
from .sentences import Sentence
from .types import ActorKind

#: How many opening headings and lead sentences are read for the label and the issuer.
_HEAD_LINES = 4
_LEAD_SENTENCES = 3
_LABEL_SPLIT = re.compile(r"\s*(?:[-–—|:/]|\s{2,})\s*")
#: A dateline before the lead's subject: "BERGEN, Norway, 23 October 2025 /08:00 CET/ - ".
_DATELINE = re.compile(r"^[^\n]{0,120}?\s[-–—]\s+")
#: Where the issuer's name ends: its ticker or acronym, an appositive, the verb.
#: A company's legal form written after its name: "S.A.", "ASA", "plc", "Inc.".
_LEGAL_FORM = re.compile(r"[A-Z][A-Za-z]{0,3}\.?(?:[A-Z]\.)*|plc|[A-Z]\.[A-Z]\.(?:[A-Z]\.)?")
_NAME_END = re.compile(
    r"\s*[(,;:]|\s+(?:today|has|have|is|was|will|reports?|reported|"
    r"announce[sd]?|said|says|calls?|called|condemns?|condemned)\b"
)


def is_release(sentences: Sequence[Sentence]) -> bool:
    """Does one of the opening headings label the article a release?"""
    labels = release_labels()
    for sent in sentences[:_HEAD_LINES]:
        if not sent.is_heading:
            continue
        parts = _LABEL_SPLIT.split(sent.text.strip().lower())
        if any(p.strip(" .") in labels for p in parts):
            return True
    return False


def release_issuer(sentences: Sequence[Sentence], attr: Attributor) -> str | None:
    """The issuer's actor key when the article is a release, else None."""
    if not is_release(sentences):
        return None
    lead = [s for s in sentences if not s.is_heading][:_LEAD_SENTENCES]
    for sent in lead:
        key = _dateline_subject(sent.text, attr) or _first_speaker(sent.text, attr)
        if key is not None:
            return key
    return None


def _as_body(key: str | PronounRef | None, attr: Attributor) -> str | None:
    """The issuing body ``key`` names; people, outlets and pronouns issue no release."""
    if not isinstance(key, str):
        return None
    kind = attr.reg.nodes[key].kind
    return None if kind in (ActorKind.media_outlet, ActorKind.person) else key


def _issuing_body(name: str, attr: Attributor) -> str | None:
    """The body a release's lead names; a legal form after it ("S.A.", "ASA") may be left
    out."""
    words = name.split()
    for cut in (len(words), len(words) - 1):
        if cut < 1 or (cut < len(words) and not _LEGAL_FORM.fullmatch(words[-1])):
            continue
        head = " ".join(words[:cut])
        key = attr.reg.guess_named(head) or attr._resolve_np(head)
        if isinstance(key, str):
            return _as_body(key, attr)
    return None


def _dateline_subject(text: str, attr: Attributor) -> str | None:
    date = _DATELINE.match(text)
    if date is None:
        return None
    rest = text[date.end() :]
    end = _NAME_END.search(rest)
    name = rest[: end.start()] if end is not None else rest
    if not name or len(name.split()) > 8 or not name[:1].isupper():
        return None
    return _issuing_body(name, attr)


def _first_speaker(text: str, attr: Attributor) -> str | None:
    for a in attr.find(text):
        key = _as_body(a.speaker, attr)
        if key is not None:
            return key
    return None
