"""Deterministic checks of a summary against its source: figures, names, quotes, claims.

Imports nothing from the LLM stack, so `summariser check` starts fast."""

from __future__ import annotations

from pathlib import Path

from summariser.articles import Article
from summariser.validation.models import CheckInput, ValidationReport


def check(source: Article | str | Path, summary: str | CheckInput) -> ValidationReport:
    """Check `summary` against `source` (an Article, a path, or article text)."""
    raise NotImplementedError
