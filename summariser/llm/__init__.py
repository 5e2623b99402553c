"""Backends. `get_llm(settings)` is the one place a backend is chosen."""

from __future__ import annotations

from summariser.config import Settings
from summariser.llm.base import LLM, Generation, Message

__all__ = ["LLM", "Generation", "Message", "get_llm"]


def get_llm(settings: Settings) -> LLM:
    # Imported here: the LLM stacks are slow to import and `check` / `--help` never need them.
    if settings.backend == "embedded":
        from summariser.llm.embedded import EmbeddedLLM

        return EmbeddedLLM(settings)  # the loaded weights are shared per process
    from summariser.llm.openai_compat import OpenAICompatLLM

    return OpenAICompatLLM(settings)
