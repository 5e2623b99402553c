"""Which backend runs, which remote model, and how much context it gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summariser.articles.load import article_from_text
from summariser.config import Settings
from summariser.errors import ConfigError
from summariser.llm import get_llm
from summariser.llm.endpoint import OPENAI_CONTEXT, UNKNOWN_CONTEXT
from summariser.pipeline.longform import split_for_context
from summariser.pipeline.summary import summarise
from summariser.prompting.templates import load_prompt
from tests.fake_llm import FakeLLM
from tests.openai_server import FakeOpenAIServer, completion
from tests.replies import GOOD_004, SEED_004, whole_article_prompt

OK = (200, {}, completion(json.dumps(GOOD_004)))


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("SUMMARISER_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(var, raising=False)


def test_exported_base_url_alone_keeps_the_embedded_default(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    assert Settings.from_env().backend == "embedded"
    # a model name selects the remote backend, and then the exported URL is its endpoint
    chosen = Settings.from_env(model="qwen2.5:1.5b")
    assert chosen.backend == "openai" and chosen.base_url == "http://localhost:11434/v1"
    monkeypatch.setenv("SUMMARISER_MODEL", "qwen2.5:1.5b")
    assert Settings.from_env().backend == "openai"


def test_explicit_base_url_selects_remote_and_its_only_model(tmp_path: Path) -> None:
    with FakeOpenAIServer([OK], models=[{"id": "Qwen/Qwen2.5-7B-Instruct"}]) as server:
        settings = Settings.from_env(base_url=server.url, cache_dir=tmp_path, use_cache=False)
        assert settings.backend == "openai" and settings.model is None
        result = summarise(SEED_004, settings)
    assert server.gets == ["/v1/models"]
    assert server.requests[0]["model"] == "Qwen/Qwen2.5-7B-Instruct"
    assert result.model.name == "Qwen/Qwen2.5-7B-Instruct"


def test_a_server_with_several_models_says_which_in_one_line(tmp_path: Path) -> None:
    models = [{"id": f"model-{n}"} for n in range(3)]
    with FakeOpenAIServer([], models=models) as server, \
            pytest.raises(ConfigError) as caught:
        get_llm(Settings.from_env(base_url=server.url, cache_dir=tmp_path))
    message = str(caught.value)
    assert "\n" not in message and "serves 3 models (model-0, model-1, model-2)" in message
    assert "--model" in message


def test_a_server_that_cannot_list_asks_for_a_model(tmp_path: Path) -> None:
    with FakeOpenAIServer([]) as server, pytest.raises(Exception, match="--model"):
        get_llm(Settings.from_env(base_url=server.url, cache_dir=tmp_path))


def test_context_per_backend(tmp_path: Path) -> None:
    def remote(url: str, **extra: object) -> int:
        llm = get_llm(Settings.from_env(model="m", base_url=url, api_key="sk-test",
                                        cache_dir=tmp_path, **extra))
        return int(llm.context)  # type: ignore[attr-defined]

    assert remote("https://api.openai.com/v1") == OPENAI_CONTEXT
    assert remote("https://api.openai.com/v1", context=16000) == 16000
    with FakeOpenAIServer([], models=[{"id": "m", "max_model_len": 32768}]) as vllm:
        assert remote(vllm.url) == 32768  # what vLLM advertises
    with FakeOpenAIServer([]) as unknown:  # no listing at all
        assert remote(unknown.url) == UNKNOWN_CONTEXT


def test_a_long_article_is_split_only_when_the_context_needs_it(tmp_path: Path) -> None:
    # ~11,000 tokens of text: too long for the embedded model's 4,096, fine for 128k
    text = "Talks in Vienna\n\n" + " ".join(
        f"Delegates from {n} countries met on day {n} of the talks in Vienna." for n in range(600))
    article = article_from_text(text)
    prompt = load_prompt(whole_article_prompt(tmp_path))  # the default shows only the lead
    small, large = FakeLLM([]), FakeLLM([])
    small.context, large.context = 4096, OPENAI_CONTEXT  # type: ignore[attr-defined]
    settings = Settings(cache_dir=tmp_path)
    assert len(split_for_context(article, prompt, small, settings)) > 1
    assert len(split_for_context(article, prompt, large, settings)) == 1


def test_credentials_in_a_base_url_never_reach_params(tmp_path: Path) -> None:
    url = "https://user:s3cret@proxy.example/v1?api-key=abc123"
    llm = get_llm(Settings.from_env(model="m", base_url=url, context=8000, cache_dir=tmp_path))
    shown = json.dumps(llm.params())
    assert "s3cret" not in shown and "abc123" not in shown and "proxy.example" in shown
