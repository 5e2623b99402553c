"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) through the openai SDK.
The reply is held to the schema with structured outputs (response_format json_schema).

The SDK is called directly rather than through langchain-openai's ChatOpenAI: that wrapper
added about 0.45 ms of CPU per request and 0.45 s of import per process, and none of its
features were used (retries, prompts and parsing are ours)."""

from __future__ import annotations

import threading
import time
from contextlib import suppress
from typing import Any

from pydantic import BaseModel

from summariser.config import Settings
from summariser.errors import ConfigError, ModelError
from summariser.llm.base import Generation, Message, json_object, json_schema
from summariser.llm.endpoint import (
    OPENAI_URL,
    Served,
    default_context,
    only_model,
    served_models,
)
from summariser.llm.retry import call_with_retries
from summariser.redaction import add_secret, redact

DEFAULT_URL = OPENAI_URL
# A token is rarely over 16 characters of JSON; a reply longer than the token budget could
# give was not held to it (a broken or hostile endpoint) and is cut off there, not parsed.
MAX_CHARS_PER_TOKEN = 16


class OpenAICompatLLM:
    backend = "openai"

    def __init__(self, settings: Settings) -> None:
        if not settings.model and not settings.base_url:
            raise ConfigError("name the model to use with --model or SUMMARISER_MODEL")
        self.settings = settings
        self.url = settings.base_url or DEFAULT_URL
        if settings.api_key is None and self.url == DEFAULT_URL:
            raise ConfigError("OpenAI needs an API key: set OPENAI_API_KEY")
        add_secret(settings.api_key)
        self._sdk: Any = None
        self._lock = threading.Lock()
        self._served: list[Served] | None = None
        # With --base-url and no model: the one model the endpoint serves.
        self.name = settings.model or only_model(self._models(strict=True), self.url)
        self._context = settings.context

    @property
    def context(self) -> int:
        """--context, else what the endpoint advertises for the model (vLLM does), else a
        default for its kind (asked once, on first use: the split of long articles)."""
        if self._context is None:
            listed = [] if self.url == DEFAULT_URL else self._models(strict=False)
            self._context = default_context(self.url, self.name, listed)
        return self._context

    @property
    def shown_url(self) -> str:
        """The endpoint as every output shows it: without credentials."""
        return redact(self.url)

    def params(self) -> dict[str, Any]:
        s = self.settings
        return {"temperature": s.temperature, "seed": s.seed, "max_tokens": s.max_tokens,
                # the flag: a context discovered from the endpoint is the endpoint's, and
                # asking for it here would cost a request before every cached read
                "context": s.context, "base_url": self.shown_url}

    def _models(self, strict: bool) -> list[Served]:
        """GET /models, once; without `strict`, an endpoint that cannot list is taken to
        advertise nothing (the chat call reports what is wrong with it)."""
        if self._served is None:
            try:
                self._served = served_models(self._client(), self.url, self.settings.timeout)
            except ModelError:
                if strict:
                    raise
                self._served = []
        return self._served

    def request_body(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> dict[str, Any]:
        """The chat completions request as JSON: sent by generate(), and one line of an
        OpenAI Batch API job (batch/openai_jobs.py), so both ask exactly the same."""
        s = self.settings
        fmt = {"type": "json_schema", "json_schema": {
            "name": schema.__name__, "schema": json_schema(schema), "strict": False}}
        return {"model": self.name, "temperature": s.temperature, "seed": s.seed,
                "max_tokens": max_tokens,
                "messages": [{"role": m.role, "content": m.content} for m in messages],
                "response_format": fmt}

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation:
        client = self._client()
        request = self.request_body(messages, schema, max_tokens)
        # Sent as it is: given as response_format, the SDK's request transform walks the
        # whole JSON schema on every call (~0.5 ms of CPU per request).
        request["extra_body"] = {"response_format": request.pop("response_format")}
        start = time.perf_counter()
        reply = call_with_retries(
            lambda timeout: client.chat.completions.create(**request, timeout=timeout),
            self.url, self.settings.retries, self.settings.timeout)
        return _to_generation(reply, time.perf_counter() - start, max_tokens)

    def generation_from_body(self, body: dict[str, Any], max_tokens: int) -> Generation:
        """A chat completion received as JSON (a Batch API output line) as a Generation."""
        from openai.types.chat import ChatCompletion

        try:
            reply = ChatCompletion.model_validate(body)
        except ValueError as exc:
            raise ModelError(f"the batch job's reply is not a chat completion ({exc})") from exc
        return _to_generation(reply, 0.0, max_tokens)

    def prepare(self) -> None:
        """Builds the client now rather than in the first call (importing the openai SDK takes
        about 0.4 s, and its chat resource, loaded on first use, 0.05 s more); a client that
        cannot be built fails that call instead, as it would."""
        with suppress(Exception):
            self._client().chat.completions  # noqa: B018 (the attribute loads the resource)

    def _client(self) -> Any:
        with self._lock:  # one client for all threads, built by the first that needs it
            if self._sdk is None:
                self._sdk = self._build_client()
            return self._sdk

    def _build_client(self) -> Any:
        from openai import OpenAI

        # One retry layer: ours (tenacity, see retry.py), so the client's own are off.
        return OpenAI(base_url=self.url, api_key=self.settings.api_key or "unused",
                      timeout=self.settings.timeout, max_retries=0)


def _to_generation(reply: Any, seconds: float, max_tokens: int) -> Generation:
    if not reply.choices:
        raise ModelError("the model endpoint answered with no choices")
    choice = reply.choices[0]
    text = choice.message.content or ""
    usage = reply.usage
    completion = int(getattr(usage, "completion_tokens", 0) or 0)
    limit = max_tokens * MAX_CHARS_PER_TOKEN
    over = len(text) > limit or completion > max_tokens
    return Generation(
        text=text[:limit], data=None if over else json_object(text),
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=completion,
        seconds=seconds, truncated=over or choice.finish_reason == "length",
    )
