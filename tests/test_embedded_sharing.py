"""The embedded backend shares loaded weights per process, never the sampling settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import summariser.llm.embedded as embedded
from summariser.config import Settings
from summariser.llm import get_llm
from summariser.llm.base import Message
from summariser.schema import Draft


class FakeLlama:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.ctx = None

    def create_chat_completion(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        return {"choices": [{"message": {"content": "{}"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1}}


def test_weights_are_loaded_once_and_each_caller_keeps_its_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Path] = []
    fake = FakeLlama()

    def load(path: Path, context: int, threads: int) -> FakeLlama:
        loads.append(path)
        return fake

    monkeypatch.setattr(embedded, "_load", load)
    monkeypatch.setattr(embedded, "_LOADED", {})
    monkeypatch.setattr(embedded, "_perf_reset", lambda llama: None)
    monkeypatch.setattr(embedded, "_perf_prefill_seconds", lambda llama: 0.0)
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    cold = get_llm(Settings(model_path=gguf, temperature=0.0, seed=1, cache_dir=tmp_path))
    warm = get_llm(Settings(model_path=gguf, temperature=0.7, seed=2, cache_dir=tmp_path))
    ask = [Message(role="user", content="hi")]
    first = cold.generate(ask, Draft, 10)
    warm.generate(ask, Draft, 10)
    assert loads == [gguf]
    assert [(c["temperature"], c["seed"]) for c in fake.calls] == [(0.0, 1), (0.7, 2)]
    assert cold.params()["temperature"] != warm.params()["temperature"]
    assert first.data == {}
