"""summariser: structured, source-checked summaries of news articles.

    from summariser import summarise, check
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["check", "summarise"]

if TYPE_CHECKING:
    from summariser.pipeline.summary import summarise
    from summariser.validation.checker import check


def __getattr__(name: str) -> Any:
    # Lazy, so that `summariser check` and `--help` never import the LLM stack.
    if name == "summarise":
        from summariser.pipeline.summary import summarise

        return summarise
    if name == "check":
        from summariser.validation.checker import check

        return check
    raise AttributeError(name)
