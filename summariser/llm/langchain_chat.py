"""Any LangChain chat model (ChatOllama, ChatAnthropic, ChatOpenAI, Bedrock, ...) as a backend:
`summarise(path, llm=chat_model)`. The prompts, re-asks and validation are the same as for every
other backend; only the call differs.

Structured output goes through the model's own means: `with_structured_output(schema,
include_raw=True)` where the model has it (tool calling or a native JSON mode, whatever its
integration chose). A model without it (a plain completion model, or an integration that has no
tool calling) gets the JSON schema in its system message and its text is parsed as JSON
(markdown fences allowed). Either way the reply becomes a Generation whose `data` the pipeline
validates against the schema, and re-asks with the error when it does not fit."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from pydantic import BaseModel

from summariser.errors import ModelError
from summariser.llm.base import Generation, Message, json_object, json_schema

_ROLES = {"system": "system", "user": "human", "assistant": "ai"}
_TRUNCATED = {"length", "max_tokens", "MAX_TOKENS"}


class LangChainLLM:
    backend = "langchain"

    def __init__(self, model: Any) -> None:
        self.model = model
        self.name = str(getattr(model, "model_name", None) or getattr(model, "model", None)
                        or model._llm_type)
        self._structured: dict[type[BaseModel], Any] = {}
        self._lock = threading.Lock()

    def params(self) -> dict[str, Any]:
        """The model's identifying parameters that are plain values (for cache keys)."""
        params: dict[str, Any] = {"class": type(self.model).__name__}
        for key, value in dict(getattr(self.model, "_identifying_params", {}) or {}).items():
            if isinstance(value, (str, int, float, bool)) or value is None:
                params[key] = value
        return params

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation:
        structured = self._structured_for(schema)
        start = time.perf_counter()
        try:
            if structured is not None:
                out = structured.invoke(_lc_messages(messages))
                raw, data = out["raw"], _structured_data(out)
            else:
                raw = self.model.invoke(_lc_messages(_with_format(messages, schema)))
                data = _json_from_text(_text(raw))
        except Exception as exc:  # an integration's own errors: one line, the model named
            raise ModelError(f"the LangChain model {self.name} failed: "
                             f"{type(exc).__name__}: {exc}") from exc
        text = json.dumps(data) if data is not None else _text(raw)
        usage = getattr(raw, "usage_metadata", None) or {}
        return Generation(
            text=text, data=data, prompt_tokens=int(usage.get("input_tokens", 0) or 0),
            completion_tokens=int(usage.get("output_tokens", 0) or 0),
            seconds=time.perf_counter() - start, truncated=_truncated(raw))

    def _structured_for(self, schema: type[BaseModel]) -> Any:
        """The model's structured-output runnable for `schema`, built once; None when the model
        has no structured output (then its text is parsed)."""
        with self._lock:
            if schema not in self._structured:
                try:
                    self._structured[schema] = self.model.with_structured_output(
                        schema, include_raw=True)
                except NotImplementedError:
                    self._structured[schema] = None
            return self._structured[schema]


def is_chat_model(obj: Any) -> bool:
    try:
        from langchain_core.language_models import BaseChatModel
    except ImportError:  # pragma: no cover - langchain-core is a dependency
        return False
    return isinstance(obj, BaseChatModel)


def _lc_messages(messages: list[Message]) -> list[tuple[str, str]]:
    # (role, content) pairs are what every chat model accepts, and need no message classes.
    return [(_ROLES.get(m.role, m.role), m.content) for m in messages]


def _with_format(messages: list[Message], schema: type[BaseModel]) -> list[Message]:
    """The same prompt, told the JSON schema (structured output would otherwise carry it)."""
    rule = ("Reply with one JSON object only, no other text, that follows this JSON schema:\n"
            + json.dumps(json_schema(schema)))
    if messages and messages[0].role == "system":
        first = Message(role="system", content=f"{messages[0].content}\n\n{rule}")
        return [first, *messages[1:]]
    return [Message(role="system", content=rule), *messages]


def _structured_data(out: dict[str, Any]) -> dict[str, Any] | None:
    """The parsed object; when it failed the schema, the raw arguments the model gave (so the
    pipeline can re-ask with the exact error)."""
    parsed = out.get("parsed")
    if isinstance(parsed, BaseModel):
        return parsed.model_dump()
    if isinstance(parsed, dict):
        return parsed
    raw = out.get("raw")
    for call in getattr(raw, "tool_calls", None) or []:
        args = call.get("args")
        if isinstance(args, dict):
            return args
    return _json_from_text(_text(raw))


def _json_from_text(text: str) -> dict[str, Any] | None:
    from langchain_core.utils.json import parse_json_markdown

    data = json_object(text)
    if data is not None:
        return data
    try:
        found = parse_json_markdown(text)
    except (ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def _text(message: Any) -> str:
    text = getattr(message, "text", None)
    if isinstance(text, str):
        return text
    if callable(text):  # langchain-core before 1.0: a method
        return str(text())
    return str(getattr(message, "content", "") or "")


def _truncated(message: Any) -> bool:
    meta = getattr(message, "response_metadata", None) or {}
    return any(meta.get(k) in _TRUNCATED for k in ("finish_reason", "stop_reason"))
