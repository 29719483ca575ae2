"""Claim extraction: a pure pipeline from article text to typed claims (rules, with an
optional dependency parse for attribution: see :mod:`api.extraction.parse`)."""

from __future__ import annotations

from .parse import warm_up
from .pipeline import EXTRACTOR_VERSION, extract, extractor_version
from .seed_format import parse_seed_document

__all__ = ["EXTRACTOR_VERSION", "extract", "extractor_version", "parse_seed_document", "warm_up"]
