"""A backend with a queue of canned replies, for tests: no network, no model."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from summariser.errors import ModelError
from summariser.llm.base import Generation, Message, json_object


class FakeLLM:
    backend = "fake"

    def __init__(
        self, replies: Iterable[str | dict[str, Any] | Exception], name: str = "fake"
    ) -> None:
        self.replies = list(replies)
        self.name = name
        self.calls: list[list[Message]] = []

    def params(self) -> dict[str, Any]:
        return {}

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation:
        self.calls.append(list(messages))  # a copy: callers extend their history later
        if not self.replies:
            raise ModelError("the fake model has no replies left")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        text = reply if isinstance(reply, str) else json.dumps(reply)
        return Generation(
            text=text,
            data=json_object(text),
            prompt_tokens=sum(len(m.content.split()) for m in messages),
            completion_tokens=len(text.split()),
        )
