from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from summariser.config import Settings
from summariser.errors import ConfigError, ModelError
from summariser.pipeline.summary import summarise
from tests.openai_server import FakeOpenAIServer, completion
from tests.replies import GOOD_004, SEED_004

OK = (200, {}, completion(json.dumps(GOOD_004)))


def settings_for(url: str, tmp_path: Path, **extra: object) -> Settings:
    return Settings.from_env(model="test-model", base_url=url, api_key="sk-test",
                             cache_dir=tmp_path, use_cache=False, **extra)


def test_same_prompt_and_schema_over_an_openai_compatible_endpoint(tmp_path: Path) -> None:
    with FakeOpenAIServer([OK]) as server:
        result = summarise(SEED_004, settings_for(server.url, tmp_path))
    request = server.requests[0]
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    schema = request["response_format"]["json_schema"]["schema"]
    assert set(schema["properties"]) == {"headline", "summary"}  # key points are the code's
    assert "[S1]" in request["messages"][-1]["content"]
    assert result.model.backend == "openai" and result.usage.prompt_tokens == 100
    assert server.headers[0]["authorization"] == "Bearer sk-test"


def test_429_and_5xx_are_retried_honouring_retry_after(tmp_path: Path) -> None:
    busy = (429, {"retry-after": "0"}, {"error": {"message": "slow down"}})
    broken = (503, {"retry-after": "0"}, {"error": {"message": "overloaded"}})
    with FakeOpenAIServer([busy, broken, OK]) as server:
        result = summarise(SEED_004, settings_for(server.url, tmp_path))
    assert len(server.requests) == 3 and result.usage.calls == 1


def test_client_errors_are_not_retried(tmp_path: Path) -> None:
    bad = (400, {}, {"error": {"message": "unknown parameter"}})
    with FakeOpenAIServer([bad, OK]) as server, pytest.raises(ModelError, match="answered 400"):
        summarise(SEED_004, settings_for(server.url, tmp_path))
    assert len(server.requests) == 1


def test_unreachable_endpoint_is_named_with_its_url(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(ModelError, match=f"cannot connect to the model endpoint {url}: "
                       "connection refused"):
        summarise(SEED_004, settings_for(url, tmp_path, retries=1))


def test_openai_without_a_key_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        summarise(SEED_004, Settings.from_env(model="gpt-4o-mini", cache_dir=tmp_path))


def test_backend_choice_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("SUMMARISER_MODEL", raising=False)
    assert Settings.from_env().backend == "embedded"
    monkeypatch.setenv("SUMMARISER_MODEL", "qwen2.5:1.5b")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    chosen = Settings.from_env()
    assert chosen.backend == "openai" and chosen.model == "qwen2.5:1.5b"
    assert Settings.from_env(model_path=Path("x.gguf")).backend == "embedded"
