"""Article -> prompt -> model -> citations resolved -> validation -> SummaryResult."""

from __future__ import annotations

from pathlib import Path

from summariser.articles import Article
from summariser.config import Settings
from summariser.llm.base import LLM
from summariser.schema import SummaryResult


def summarise(
    source: str | Path | Article,
    settings: Settings | None = None,
    *,
    llm: LLM | None = None,
) -> SummaryResult:
    """Summarise a path, article text or Article. Uses the result cache unless
    settings.use_cache is False. Raises InputError for bad input, ModelError when the model fails."""
    raise NotImplementedError
