"""Backends. `get_llm(settings)` is the one place a backend is chosen; `as_backend` takes a
backend or a LangChain chat model handed in from Python."""

from __future__ import annotations

from typing import Any

from summariser.config import Settings
from summariser.errors import ConfigError
from summariser.llm.base import LLM, Generation, Message

__all__ = ["LLM", "Generation", "Message", "as_backend", "get_llm"]


def get_llm(settings: Settings) -> LLM:
    # Imported here: the LLM stacks are slow to import and `check` / `--help` never need them.
    if settings.backend == "embedded":
        from summariser.llm.embedded import EmbeddedLLM

        return EmbeddedLLM(settings)  # the loaded weights are shared per process
    from summariser.llm.openai_compat import OpenAICompatLLM

    return OpenAICompatLLM(settings)


def as_backend(llm: Any) -> LLM:
    """One of ours as it is; a LangChain chat model (BaseChatModel) wrapped."""
    if all(hasattr(llm, a) for a in ("backend", "name", "params", "generate")):
        return llm  # type: ignore[no-any-return]
    from summariser.llm.langchain_chat import LangChainLLM, is_chat_model

    if is_chat_model(llm):
        return LangChainLLM(llm)
    raise ConfigError(f"llm must be a summariser backend or a LangChain chat model "
                      f"(BaseChatModel), not {type(llm).__name__}")
