"""Asking the model for a schema-valid reply: output that does not parse or fails the schema is
re-asked with the error, a bounded number of times; then ReplyError says why (the pipeline then
falls back to an extractive result rather than failing the article)."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from summariser.errors import ModelError
from summariser.llm.base import LLM, Generation, Message
from summariser.llm.deadline import ensure_time_left

T = TypeVar("T", bound=BaseModel)


class ReplyError(ModelError):
    """The model answered, but no reply fitted the schema; `generations` were still made."""

    def __init__(self, message: str, generations: list[Generation]) -> None:
        super().__init__(message)
        self.generations = generations


def ask(
    llm: LLM, messages: list[Message], schema: type[T], max_tokens: int, reasks: int
) -> tuple[T, list[Message], list[Generation]]:
    """Returns the parsed reply, the conversation including it, and every generation made."""
    history = list(messages)
    generations: list[Generation] = []
    problem = ""
    for _ in range(reasks + 1):
        ensure_time_left(len(generations))
        gen = llm.generate(history, schema, max_tokens)
        generations.append(gen)
        parsed, problem = _parse(gen, schema)
        history.append(Message(role="assistant", content=gen.text))
        if parsed is not None:
            return parsed, history, generations
        history.append(Message(role="user", content=_reask_text(problem)))
    raise ReplyError(
        f"the reply of {_endpoint(llm)} did not fit the schema after {reasks + 1} tries "
        f"({problem})", generations)


def _endpoint(llm: LLM) -> str:
    """The model and, for an endpoint, its URL (without credentials)."""
    from summariser.redaction import redact

    url = getattr(llm, "shown_url", None) or llm.params().get("base_url")
    return f"model {llm.name}" + (f" at {redact(str(url))}" if url else "")


def _parse(gen: Generation, schema: type[T]) -> tuple[T | None, str]:
    if gen.data is None:
        why = "it was cut off by the token budget" if gen.truncated else "it is not a JSON object"
        return None, f"the reply is not valid JSON: {why}"
    try:
        return schema.model_validate(gen.data), ""
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the reply"
        return None, f"{where}: {first['msg']}"


def _reask_text(problem: str) -> str:
    return (
        f"Your reply could not be used: {problem}. Reply again with the complete JSON object "
        "only, following the schema, and keep it short."
    )
