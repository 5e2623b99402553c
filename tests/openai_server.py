"""The fake OpenAI-compatible server of benchmarks/fake_openai_server.py, with a queue of canned
replies for tests: each request takes the next (status, headers, body); the request bodies and
headers are recorded (`requests`, `headers`). GET /models lists `models` (404 when None), as
vLLM, Ollama and the llama.cpp server answer it; GET paths are recorded (`gets`). With `batch`
(a BatchAPI), the OpenAI Batch API's files and batches endpoints are served too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.report_data import load_module

_SERVER = load_module(Path(__file__).resolve().parent.parent / "benchmarks"
                      / "fake_openai_server.py")


BatchAPI = _SERVER.BatchAPI


def FakeOpenAIServer(replies: list[tuple[int, dict[str, str], dict[str, Any]]],
                     models: list[dict[str, Any]] | None = None, batch: Any = None) -> Any:
    return _SERVER.FakeServer(delay=0.0, replies=replies, models=models, batch=batch)


def completion(
    content: str, prompt_tokens: int = 100, completion_tokens: int = 50
) -> dict[str, Any]:
    reply: dict[str, Any] = _SERVER.completion("test-model", content, prompt_tokens)
    total = prompt_tokens + completion_tokens
    reply["usage"].update(completion_tokens=completion_tokens, total_tokens=total)
    return reply
