"""Our llama.cpp generation loop on the real embedded model: consulting the grammar only when
the sampled token breaks it must not change a greedy reply."""

from __future__ import annotations

import json
from typing import Any

import llama_cpp
import pytest
from pydantic import BaseModel

from summariser.config import Settings
from summariser.llm.embedded import _grammar, _load
from summariser.llm.model_files import embedded_model_path

pytestmark = pytest.mark.model


class City(BaseModel):
    name: str
    country: str
    population_millions: float


MESSAGES = [{"role": "system", "content": "Reply with JSON only."},
            {"role": "user", "content": "Describe Lisbon: name, country, population in millions."}]


@pytest.fixture(scope="module")
def llama() -> Any:
    path = embedded_model_path(Settings().cache_dir)
    if not path.is_file():
        pytest.skip("the embedded model is assembled by the end-to-end test's first run")
    return _load(path, 1024, 2, repack=False)


def test_lazy_grammar_gives_the_reply_full_grammar_sampling_gives(llama: Any) -> None:
    from summariser.llm import llama_loop

    full = llama_loop.generate(llama, llama, MESSAGES, _grammar(City), 40, 0.0, 0,
                               lazy_grammar=False)
    lazy = llama_loop.generate(llama, llama, MESSAGES, _grammar(City), 40, 0.0, 0)
    assert lazy.text == full.text
    City.model_validate(json.loads(lazy.text))
    assert not lazy.truncated and lazy.completion_tokens > 5


def test_without_the_grammar_the_model_would_not_reply_in_bare_json(llama: Any) -> None:
    # the check above means something only if the grammar has work to do on this prompt
    llama.reset()
    free = llama.create_chat_completion(messages=MESSAGES, max_tokens=40, temperature=0.0)
    assert not free["choices"][0]["message"]["content"].startswith("{")


def test_the_prompt_prefix_is_evaluated_once(llama: Any) -> None:
    from summariser.llm import llama_loop

    first = llama_loop.chat_tokens(llama, MESSAGES)
    llama_loop.prefill(llama, first)
    other = [MESSAGES[0], {"role": "user", "content": "Describe Porto."}]
    second = llama_loop.chat_tokens(llama, other)
    shared = next(i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b)
    calls: list[int] = []
    original = llama.eval
    llama.eval = lambda tokens: (calls.append(len(tokens)), original(tokens))
    try:
        llama_loop.prefill(llama, second)
    finally:
        del llama.eval
    assert calls == [len(second) - shared]
    assert list(llama.input_ids[: llama.n_tokens]) == second


def test_a_prompt_that_is_a_prefix_of_the_cached_one_leaves_no_stale_cells(llama: Any) -> None:
    from summariser.llm import llama_loop

    tokens = llama_loop.chat_tokens(llama, MESSAGES)
    llama_loop.prefill(llama, tokens)
    llama_loop.prefill(llama, tokens[:10])
    memory = llama_cpp.llama_get_memory(llama.ctx)
    assert llama_cpp.llama_memory_seq_pos_max(memory, 0) == 9


def test_a_budget_too_small_marks_the_reply_truncated(llama: Any) -> None:
    from summariser.llm import llama_loop

    out = llama_loop.generate(llama, llama, MESSAGES, _grammar(City), 3, 0.0, 0)
    assert out.truncated and out.completion_tokens == 3


def test_the_opening_the_schema_fixes_is_the_models_own_and_is_not_decoded(llama: Any) -> None:
    from summariser.llm import llama_loop
    from summariser.llm.embedded import reply_opening

    opening = reply_opening(City)
    plain = llama_loop.generate(llama, llama, MESSAGES, _grammar(City), 40, 0.0, 0)
    opened = llama_loop.generate(llama, llama, MESSAGES, _grammar(City), 40, 0.0, 0,
                                 opening=opening)
    assert plain.text.startswith(opening)  # the way the model writes it unaided
    City.model_validate(json.loads(opened.text))
    forced = len(llama.tokenize(opening.encode(), add_bos=False))
    assert opened.prompt_tokens == plain.prompt_tokens + forced
    assert opened.completion_tokens <= plain.completion_tokens - forced + 1
