"""The one narrow interface every backend implements: generate(prompt, schema) -> Generation."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Protocol

from pydantic import BaseModel, Field


class Message(BaseModel):
    role: str  # "system" | "user" | "assistant"
    content: str


class Generation(BaseModel):
    """A parsed reply: `data` is the JSON object the model produced (not yet validated against
    the schema: the pipeline does that, so schema errors can be fed back to the model)."""

    text: str
    data: dict[str, Any] | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    prefill_seconds: float | None = None
    load_seconds: float = 0.0
    truncated: bool = Field(False, description="stopped by the token budget")


class LLM(Protocol):
    backend: str
    name: str

    def params(self) -> dict[str, Any]:
        """Everything that changes the output, for cache keys and run records."""
        ...

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation: ...


def json_object(text: str) -> dict[str, Any] | None:
    """The reply as a JSON object, or None when it is not one (the pipeline then re-asks)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


FALLBACK_CONTEXT = 4096


def context_size(llm: LLM, settings: Any) -> int:
    """The context an article's prompt must fit: the backend's own (the embedded model's, a
    remote model's), else --context, else a small default (fake and user-made backends)."""
    own = getattr(llm, "context", None)
    return int(own or getattr(settings, "context", None) or FALLBACK_CONTEXT)


@lru_cache(maxsize=32)
def json_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The schema's JSON schema, built once: pydantic takes about 2 ms per call, which showed in
    batch runs against fast endpoints. Callers must not modify the returned dict."""
    return schema.model_json_schema()
