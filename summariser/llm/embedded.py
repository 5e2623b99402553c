"""The embedded backend: llama.cpp (llama-cpp-python) running a local GGUF, no network, no key.
The model is held to the JSON schema by a grammar, so its reply always parses."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summariser.config import Settings
from summariser.errors import ConfigError, ModelError
from summariser.llm.base import Generation, Message, json_object, json_schema
from summariser.llm.model_files import (
    MODEL_NAME,
    MODEL_SHA256,
    embedded_model_path,
    file_fingerprint,
    require_llama_cpp,
)

DEFAULT_CONTEXT = 4096  # what the 1.5B model runs well on 2 cores; --context changes it


class _Loaded:
    """A llama.cpp model loaded once per process for a file, context size and thread count, and
    shared by every EmbeddedLLM that needs it (a batch does not load it N times). It is loaded
    twice: plain weights evaluate prompts, repacked weights decode (see llama_loop for why).
    The contexts serve one request at a time: callers on threads queue on `lock`."""

    def __init__(self, prefill: Any, decode: Any, load_seconds: float) -> None:
        self.prefill = prefill
        self.decode = decode
        self.load_seconds = load_seconds
        self.load_reported = False
        self.lock = threading.Lock()


_LOADED: dict[tuple[str, int, int], _Loaded] = {}
_LOADED_LOCK = threading.Lock()


def _loaded(path: Path, context: int, threads: int) -> _Loaded:
    key = (str(path), context, threads)
    with _LOADED_LOCK:
        if key not in _LOADED:
            start = time.perf_counter()
            prefill = _load(path, context, threads, repack=False)
            decode = _load(path, context, threads, repack=True)
            _LOADED[key] = _Loaded(prefill, decode, time.perf_counter() - start)
        return _LOADED[key]


class EmbeddedLLM:
    """Sampling settings (temperature, seed) are this object's own; the weights are shared."""

    backend = "embedded"

    def __init__(self, settings: Settings) -> None:
        require_llama_cpp()
        self.settings = settings
        path = settings.model_path or embedded_model_path(settings.model_dir,
                                                          settings.cache_dir / "models")
        if not path.is_file():
            raise ConfigError(f"model file {path} does not exist")
        self.path = path
        self.name = MODEL_NAME if settings.model_path is None else path.stem
        self.threads = settings.threads or min(os.cpu_count() or 2, 8)
        self.context = settings.context or DEFAULT_CONTEXT
        # Keyed by content, not name: two different model.gguf never share cached replies.
        self.file_id = MODEL_SHA256 if settings.model_path is None else file_fingerprint(path)

    def params(self) -> dict[str, Any]:
        s = self.settings
        return {"temperature": s.temperature, "seed": s.seed, "context": self.context,
                "max_tokens": s.max_tokens, "model_file": self.path.name,
                "model_file_id": self.file_id}

    def count_tokens(self, text: str) -> int:
        llama = self._tokenizer()
        return len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def count_chat_tokens(self, messages: list[Message]) -> int:
        """The prompt's tokens as the model will see them (its chat template included)."""
        import summariser.llm.llama_loop as llama_loop

        chat = [{"role": m.role, "content": m.content} for m in messages]
        return len(llama_loop.chat_tokens(self._tokenizer(), chat))

    def _tokenizer(self) -> Any:
        """The loaded model when there is one, else its vocabulary alone (read in well under a
        second, no weights: `batch --dry-run` counts tokens without loading the model)."""
        with _LOADED_LOCK:
            loaded = _LOADED.get((str(self.path), self.context, self.threads))
        return loaded.prefill if loaded is not None else _vocab(str(self.path))

    def generate(
        self, messages: list[Message], schema: type[BaseModel], max_tokens: int
    ) -> Generation:
        import summariser.llm.llama_loop as llama_loop

        model = self._model()
        chat = [{"role": m.role, "content": m.content} for m in messages]
        with model.lock:
            # The load is reported once, by the first generation after it (token counting for
            # the long-article split may have triggered it).
            load = 0.0 if model.load_reported else model.load_seconds
            model.load_reported = True
            start = time.perf_counter()
            try:
                out = llama_loop.generate(
                    model.prefill, model.decode, chat, _grammar(schema), max_tokens,
                    temperature=self.settings.temperature, seed=self.settings.seed,
                    opening=reply_opening(schema))
            except ValueError as exc:  # e.g. the prompt does not fit the context
                raise ModelError(f"the embedded model refused the request: {exc}") from exc
            total = time.perf_counter() - start
        return Generation(
            text=out.text, data=json_object(out.text), prompt_tokens=out.prompt_tokens,
            completion_tokens=out.completion_tokens, seconds=total,
            prefill_seconds=out.prefill_seconds, load_seconds=load, truncated=out.truncated,
        )

    def _model(self) -> _Loaded:
        return _loaded(self.path, self.context, self.threads)


@lru_cache(maxsize=2)
def _vocab(path: str) -> Any:
    import llama_cpp

    try:
        return llama_cpp.Llama(model_path=path, vocab_only=True, verbose=False)
    except (ValueError, RuntimeError) as exc:
        raise ModelError(f"could not read the model's vocabulary from {path}: {exc}") from exc


@lru_cache(maxsize=32)
def reply_opening(schema: type[BaseModel]) -> str:
    """What the grammar makes every reply start with, as the model writes it: the schema's
    first property (the grammar keeps schema order) when it is a required string."""
    found = json_schema(schema)
    name = next(iter(found.get("properties", {})), None)
    if name is None or name not in found.get("required", []) or \
            found["properties"][name].get("type") != "string":
        return ""
    return '{"' + name + '": "'


@lru_cache(maxsize=32)
def _grammar(schema: type[BaseModel]) -> str:
    """The schema as a llama.cpp grammar (GBNF), the same one llama-cpp-python would build."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    return str(json_schema_to_gbnf(json.dumps(json_schema(schema))))


def _load(path: os.PathLike[str], context: int, threads: int, repack: bool) -> Any:
    import llama_cpp
    with contextlib.nullcontext() if repack else no_extra_buffers(llama_cpp):
        try:
            return llama_cpp.Llama(
                model_path=str(path), n_ctx=context, n_threads=threads,
                n_threads_batch=threads, verbose=False,
            )
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"could not load the model {path}: {exc}") from exc


@contextlib.contextmanager
def no_extra_buffers(llama_cpp: Any) -> Iterator[None]:
    """Turn off llama.cpp's extra CPU buffer types (AMX, repacking) while loading. On the Xeon
    VMs here, batched prompt evaluation through either segfaults (llama-cpp-python 0.3.36);
    plain CPU buffers are safe everywhere. The prompt context loads this way; the decoding
    context keeps the faster repacked weights and only ever evaluates one token at a time."""
    import llama_cpp.llama as llama_module

    original = llama_cpp.llama_model_default_params

    def patched() -> Any:
        params = original()
        params.use_extra_bufts = False
        return params

    llama_module.llama_cpp.llama_model_default_params = patched
    try:
        yield
    finally:
        llama_module.llama_cpp.llama_model_default_params = original
