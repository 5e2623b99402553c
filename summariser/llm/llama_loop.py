"""Our own generation loop over two llama.cpp contexts of one GGUF file.

Why not `Llama.create_chat_completion`: two costs measured on the 2-core machines here.
1. Weights repacked for the CPU (llama.cpp's CPU_REPACK buffers) decode about 40% faster, but
   batched prompt evaluation through them segfaults on these VMs (llama-cpp-python 0.3.36). So the
   prompt is evaluated on plain weights (`prefill`), its KV cache is copied into a context on
   repacked weights (`decode`), and that context only ever sees one token per batch.
2. llama-cpp-python runs the JSON grammar over all 151,936 vocabulary entries for every token
   (about 30 ms a token). Like llama.cpp's own common sampler, we sample first and consult the
   grammar on the whole vocabulary only when the sampled token breaks it.
3. A reply's opening the schema fixes (`{"headline": "`) is evaluated with the prompt, in one
   batch, instead of one decoding step a token.
"""

from __future__ import annotations

import ctypes
import math
import time
from dataclasses import dataclass
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import llama_chat_format

_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)


@dataclass
class LoopResult:
    text: str
    prompt_tokens: int
    completion_tokens: int
    prefill_seconds: float
    truncated: bool


class PromptTooLong(ValueError):
    pass


def chat_tokens(llama: Any, messages: list[dict[str, str]]) -> list[int]:
    """The chat prompt as tokens, through the GGUF's own chat template (ChatML when it has none)."""
    template = llama.metadata.get("tokenizer.chat_template", llama_chat_format.CHATML_CHAT_TEMPLATE)
    formatter = llama_chat_format.Jinja2ChatFormatter(
        template=template, eos_token=_token_text(llama, llama.token_eos()),
        bos_token=_token_text(llama, llama.token_bos()),
    )
    rendered = formatter(messages=messages)  # type: ignore[arg-type]  # plain role/content dicts
    return list(llama.tokenize(rendered.prompt.encode("utf-8"),
                               add_bos=not rendered.added_special, special=True))


def _token_text(llama: Any, token: int) -> str:
    if token == -1:
        return ""
    return str(llama.detokenize([token], special=True).decode("utf-8", errors="replace"))


def prefill(llama: Any, tokens: list[int]) -> None:
    """Evaluate `tokens`, reusing the KV cache of the longest prefix already evaluated (the
    instruction part of our prompts is the same from one article to the next)."""
    cached = llama.input_ids[: llama.n_tokens]
    common = 0
    for a, b in zip(cached, tokens, strict=False):
        if a != b:
            break
        common += 1
    # drop the cells after the shared prefix (eval() does too, but it may not be called)
    llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(llama.ctx), -1, common, -1)
    llama.n_tokens = common
    if common < len(tokens):
        llama.eval(tokens[common:])


def copy_sequence(source: Any, target: Any, tokens: list[int]) -> None:
    """Move the KV cache of sequence 0 from one context to the other (same model file)."""
    size = llama_cpp.llama_state_seq_get_size(source.ctx, 0)
    buffer = (ctypes.c_uint8 * size)()
    written = llama_cpp.llama_state_seq_get_data(source.ctx, buffer, size, 0)
    llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(target.ctx), -1, -1, -1)
    if llama_cpp.llama_state_seq_set_data(target.ctx, buffer, written, 0) == 0:
        raise RuntimeError("llama.cpp could not copy the prompt's KV cache between contexts")
    target.input_ids[: len(tokens)] = tokens
    target.n_tokens = len(tokens)


class _Sampler:
    """Sample from the logits; apply the grammar to the whole vocabulary only on a rejection."""

    def __init__(self, llama: Any, grammar: str, temperature: float, seed: int,
                 lazy: bool = True) -> None:
        self.lazy = lazy
        self.ctx = llama.ctx
        self.vocab = llama_cpp.llama_model_get_vocab(llama.model)
        self.n_vocab = llama.n_vocab()
        self.grammar = llama_cpp.llama_sampler_init_grammar(
            self.vocab, grammar.encode("utf-8"), b"root")
        if not self.grammar:
            raise ValueError("llama.cpp rejected the JSON grammar built from the schema")
        self.chain = _chain(temperature, seed)
        self.candidates = np.zeros(self.n_vocab, dtype=_TOKEN_DATA)
        self.one = np.zeros(1, dtype=_TOKEN_DATA)

    def close(self) -> None:
        llama_cpp.llama_sampler_free(self.grammar)
        llama_cpp.llama_sampler_free(self.chain)

    def next_token(self) -> int:
        token = self._apply(self.chain, with_grammar=not self.lazy)
        if self.lazy and not self._grammar_allows(token):
            token = self._apply(self.chain, with_grammar=True)
        self.accept(token)
        return token

    def accept(self, token: int) -> None:
        """`token` is the reply's next: the grammar and the chain move past it."""
        llama_cpp.llama_sampler_accept(self.grammar, token)
        llama_cpp.llama_sampler_accept(self.chain, token)

    def is_end(self, token: int) -> bool:
        return bool(llama_cpp.llama_vocab_is_eog(self.vocab, token))

    def _apply(self, chain: Any, with_grammar: bool) -> int:
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(self.ctx, -1),
                                       shape=(self.n_vocab,))
        self.candidates["id"] = np.arange(self.n_vocab, dtype=np.int32)
        self.candidates["logit"] = logits
        self.candidates["p"] = 0.0
        array = _as_array(self.candidates)
        if with_grammar:
            llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(array))
        llama_cpp.llama_sampler_apply(chain, ctypes.byref(array))
        return int(array.data[array.selected].id)

    def _grammar_allows(self, token: int) -> bool:
        self.one[0] = (token, 1.0, 0.0)
        array = _as_array(self.one)
        llama_cpp.llama_sampler_apply(self.grammar, ctypes.byref(array))
        return not math.isinf(float(self.one[0]["logit"]))


def _as_array(data: np.ndarray) -> Any:
    pointer = data.ctypes.data_as(ctypes.POINTER(llama_cpp.llama_token_data))
    return llama_cpp.llama_token_data_array(data=pointer, size=len(data), selected=-1,
                                            sorted=False)


def _chain(temperature: float, seed: int) -> Any:
    """The same sampling llama-cpp-python applies for these settings, minus the grammar."""
    chain = llama_cpp.llama_sampler_chain_init(llama_cpp.llama_sampler_chain_default_params())
    if temperature <= 0.0:
        llama_cpp.llama_sampler_chain_add(chain, llama_cpp.llama_sampler_init_greedy())
        return chain
    for sampler in (llama_cpp.llama_sampler_init_top_k(40),
                    llama_cpp.llama_sampler_init_top_p(0.95, 1),
                    llama_cpp.llama_sampler_init_min_p(0.05, 1),
                    llama_cpp.llama_sampler_init_temp(temperature),
                    llama_cpp.llama_sampler_init_dist(seed)):
        llama_cpp.llama_sampler_chain_add(chain, sampler)
    return chain


def generate(prefill_llama: Any, decode_llama: Any, messages: list[dict[str, str]],
             grammar: str, max_tokens: int, temperature: float, seed: int,
             lazy_grammar: bool = True, opening: str = "") -> LoopResult:
    """The reply to `messages`; `opening` is text the grammar makes every reply start with:
    it is evaluated with the prompt (and counted as prompt tokens), and starts the text."""
    forced = list(prefill_llama.tokenize(opening.encode("utf-8"), add_bos=False, special=False))
    tokens = chat_tokens(prefill_llama, messages) + forced
    if len(tokens) >= decode_llama.n_ctx():
        raise PromptTooLong(f"the prompt has {len(tokens)} tokens; the context holds "
                            f"{decode_llama.n_ctx()}")
    start = time.perf_counter()
    prefill(prefill_llama, tokens[:-1])
    copy_sequence(prefill_llama, decode_llama, tokens[:-1])
    prefill_seconds = time.perf_counter() - start
    sampler = _Sampler(decode_llama, grammar, temperature, seed, lazy_grammar)
    for token in forced:
        sampler.accept(token)
    try:
        generated, truncated = _decode(decode_llama, sampler, tokens[-1],
                                       min(max_tokens, decode_llama.n_ctx() - len(tokens)))
    finally:
        sampler.close()
    text = opening + decode_llama.detokenize(generated).decode("utf-8", errors="replace")
    return LoopResult(text=text, prompt_tokens=len(tokens), completion_tokens=len(generated),
                      prefill_seconds=prefill_seconds, truncated=truncated)


def _decode(llama: Any, sampler: _Sampler, first: int, budget: int) -> tuple[list[int], bool]:
    """One token per batch: the repacked weights are only safe for single-token evaluation."""
    generated: list[int] = []
    token = first
    while len(generated) < budget:
        llama.eval([token])
        token = sampler.next_token()
        if sampler.is_end(token):
            return generated, False
        generated.append(token)
    return generated, True
