"""Evaluation of extraction output against hand annotation (pure, no I/O)."""

from __future__ import annotations

from .gold import GoldReport, score

__all__ = ["GoldReport", "score"]
