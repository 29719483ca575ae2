"""Claim extraction: a pure, rules-based pipeline from article text to typed claims."""

from __future__ import annotations

from .pipeline import EXTRACTOR_VERSION, extract
from .seed_format import parse_seed_document

__all__ = ["EXTRACTOR_VERSION", "extract", "parse_seed_document"]
