"""What an OpenAI-compatible endpoint serves (GET /models, as OpenAI, vLLM, Ollama and the
llama.cpp server answer it): the model to use when only --base-url is given, and the context a
model has, so long articles are split only when they must be."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summariser.errors import ConfigError, ModelError
from summariser.redaction import redact

OPENAI_URL = "https://api.openai.com/v1"
OPENAI_CONTEXT = 128_000  # every current OpenAI chat model has at least this
# For an endpoint that does not say: most served chat models take 8k or more, and an article
# that does not fit is split on sentence boundaries, never truncated.
UNKNOWN_CONTEXT = 8192
# Fields in which servers advertise a model's context: vLLM, OpenRouter-style, LM Studio.
_CONTEXT_FIELDS = ("max_model_len", "context_length", "max_context_length")
_SHOWN = 8


@dataclass(frozen=True)
class Served:
    id: str
    context: int | None = None


LIST_TIMEOUT = 10.0  # a listing is small; a server that takes longer is not answering


def served_models(client: Any, url: str, timeout: float) -> list[Served]:
    """The endpoint's models (one try, within `timeout` and LIST_TIMEOUT); ModelError naming
    the (redacted) URL when it cannot list them."""
    from summariser.llm.deadline import remaining

    left = remaining()  # inside an article, a quarter of what its deadline leaves at most:
    # the listing only refines the context, the article's own calls need the time
    limit = min(timeout, LIST_TIMEOUT, *([max(left / 4, 0.01)] if left is not None else []))
    try:
        page = client.models.list(timeout=limit)
    except Exception as exc:  # the SDK's errors and the connection's
        raise ModelError(f"cannot list the models served at {redact(url)} "
                         f"({type(exc).__name__}); name the model with --model") from exc
    return [Served(id=str(m.id), context=_advertised_context(m)) for m in page.data]


def _advertised_context(model: Any) -> int | None:
    extra = getattr(model, "model_extra", None) or {}
    for name in _CONTEXT_FIELDS:
        value = extra.get(name)
        if isinstance(value, int) and value > 0:
            return value
    return None


def only_model(served: list[Served], url: str) -> str:
    """The model of an endpoint that serves exactly one; otherwise one line saying what it
    serves and how to choose."""
    if len(served) == 1:
        return served[0].id
    where = redact(url)
    if not served:
        raise ConfigError(f"the endpoint {where} serves no model; name one with --model")
    names = ", ".join(s.id for s in served[:_SHOWN])
    more = f" and {len(served) - _SHOWN} more" if len(served) > _SHOWN else ""
    raise ConfigError(f"the endpoint {where} serves {len(served)} models ({names}{more}); "
                      "choose one with --model")


def default_context(url: str, model: str, served: list[Served]) -> int:
    if url.rstrip("/") == OPENAI_URL:
        return OPENAI_CONTEXT
    for s in served:
        if s.id == model and s.context:
            return s.context
    return UNKNOWN_CONTEXT
