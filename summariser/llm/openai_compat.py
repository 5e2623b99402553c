"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) through langchain-openai.
The reply is held to the schema with structured outputs (response_format json_schema)."""

from __future__ import annotations

import json
import threading
import time
from contextlib import suppress
from typing import Any

from pydantic import BaseModel, SecretStr

from summariser.config import Settings
from summariser.errors import ConfigError
from summariser.llm.base import Generation, Message, json_object, json_schema
from summariser.llm.retry import call_with_retries

DEFAULT_URL = "https://api.openai.com/v1"


class OpenAICompatLLM:
    backend = "openai"

    def __init__(self, settings: Settings) -> None:
        if not settings.model:
            raise ConfigError("name the model to use with --model or SUMMARISER_MODEL")
        self.settings = settings
        self.name = settings.model
        self.url = settings.base_url or DEFAULT_URL
        if settings.api_key is None and self.url == DEFAULT_URL:
            raise ConfigError("OpenAI needs an API key: set OPENAI_API_KEY")
        self._chat: Any = None
        self._lock = threading.Lock()

    def params(self) -> dict[str, Any]:
        s = self.settings
        return {"temperature": s.temperature, "seed": s.seed, "max_tokens": s.max_tokens,
                "base_url": self.url}

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation:
        chat = self._client()
        fmt = {"type": "json_schema", "json_schema": {
            "name": schema.__name__, "schema": json_schema(schema), "strict": False}}
        lc_messages = [(m.role if m.role != "user" else "human", m.content) for m in messages]
        # response_format goes out in extra_body: the same request body, sent through the
        # client's create(); given as response_format, LangChain calls parse(), whose request
        # transform walks the whole JSON schema on every call (~0.5 ms of CPU per request).
        extra = {"response_format": fmt}
        start = time.perf_counter()
        reply = call_with_retries(
            lambda: chat.invoke(lc_messages, extra_body=extra, max_tokens=max_tokens),
            self.url, self.settings.retries,
        )
        return _to_generation(reply, time.perf_counter() - start)

    def prepare(self) -> None:
        """Builds the client now (importing LangChain takes about a second) rather than in the
        first call; a client that cannot be built fails that call instead, as it would."""
        with suppress(Exception):
            self._client()

    def _client(self) -> Any:
        with self._lock:  # one client for all threads, built by the first that needs it
            if self._chat is None:
                self._chat = self._build_client()
            return self._chat

    def _build_client(self) -> Any:
        from langchain_openai import ChatOpenAI

        # Retries are ours (tenacity, see retry.py), so the client's own are off.
        return ChatOpenAI(
            model=self.name, base_url=self.url,
            api_key=SecretStr(self.settings.api_key or "unused"),
            temperature=self.settings.temperature, seed=self.settings.seed,
            timeout=self.settings.timeout, max_retries=0,
        )


def _to_generation(reply: Any, seconds: float) -> Generation:
    text = reply.content if isinstance(reply.content, str) else json.dumps(reply.content)
    usage = getattr(reply, "usage_metadata", None) or {}
    finish = (getattr(reply, "response_metadata", None) or {}).get("finish_reason")
    return Generation(
        text=text, data=json_object(text),
        prompt_tokens=int(usage.get("input_tokens", 0)),
        completion_tokens=int(usage.get("output_tokens", 0)),
        seconds=seconds, truncated=finish == "length",
    )
