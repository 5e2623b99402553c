"""The embedded backend shares loaded weights per process, never the sampling settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import summariser.llm.embedded as embedded
from summariser.config import Settings
from summariser.llm import get_llm, llama_loop
from summariser.llm.base import Message
from summariser.pipeline.schema import Reply


def test_weights_are_loaded_once_and_each_caller_keeps_its_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[tuple[Path, bool]] = []
    calls: list[dict[str, Any]] = []

    def load(path: Path, context: int, threads: int, repack: bool) -> str:
        loads.append((path, repack))
        return "decode" if repack else "prefill"

    def generate(prefill: str, decode: str, *args: Any, **kwargs: Any) -> llama_loop.LoopResult:
        calls.append({"prefill": prefill, "decode": decode, **kwargs})
        return llama_loop.LoopResult(text="{}", prompt_tokens=3, completion_tokens=1,
                                     prefill_seconds=0.0, truncated=False)

    monkeypatch.setattr(embedded, "_load", load)
    monkeypatch.setattr(embedded, "_LOADED", {})
    monkeypatch.setattr(llama_loop, "generate", generate)
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    cold = get_llm(Settings(model_path=gguf, temperature=0.0, seed=1, cache_dir=tmp_path))
    warm = get_llm(Settings(model_path=gguf, temperature=0.7, seed=2, cache_dir=tmp_path))
    ask = [Message(role="user", content="hi")]
    first = cold.generate(ask, Reply, 10)
    warm.generate(ask, Reply, 10)
    # plain weights for prompts and repacked ones for decoding, each loaded once
    assert loads == [(gguf, False), (gguf, True)]
    assert [(c["prefill"], c["decode"]) for c in calls] == [("prefill", "decode")] * 2
    assert [(c["temperature"], c["seed"]) for c in calls] == [(0.0, 1), (0.7, 2)]
    assert cold.params()["temperature"] != warm.params()["temperature"]
    assert first.data == {}
