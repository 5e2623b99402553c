"""Issue 14: time and size are bounded, and each bound says what it is."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summariser.batch.run import max_concurrency, workers_for
from summariser.cli import build_parser, cli
from summariser.commands.options import settings_from_args
from summariser.config import Settings
from summariser.errors import ConfigError, ModelError
from summariser.pipeline.summary import summarise
from tests.fake_llm import FakeLLM
from tests.openai_server import FakeOpenAIServer, completion
from tests.replies import GOOD_004, SEED_004
from tests.test_batch import SentenceLLM


def settings_for(url: str, tmp_path: Path, **extra: object) -> Settings:
    return Settings.from_env(model="test-model", base_url=url, api_key="sk-test",
                             cache_dir=tmp_path, use_cache=False, **extra)


def test_timeout_retries_and_deadline_from_flags_and_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARISER_TIMEOUT", "7.5")
    monkeypatch.setenv("SUMMARISER_RETRIES", "1")
    monkeypatch.setenv("SUMMARISER_DEADLINE", "30")
    s = Settings.from_env()
    assert (s.timeout, s.retries, s.deadline) == (7.5, 1, 30)
    args = build_parser().parse_args(["summarise", "x.txt", "--timeout", "3", "--retries", "0",
                                      "--deadline", "9"])
    s = settings_from_args(args)
    assert (s.timeout, s.retries, s.deadline) == (3, 0, 9)
    monkeypatch.setenv("SUMMARISER_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="SUMMARISER_TIMEOUT must be a number"):
        Settings.from_env()
    monkeypatch.setenv("SUMMARISER_TIMEOUT", "-1")
    with pytest.raises(ConfigError, match="timeout"):
        Settings.from_env()


@pytest.fixture
def hung_url() -> Iterator[str]:
    """An endpoint that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"


def test_a_hung_endpoint_is_told_apart_from_a_refused_one(hung_url: str, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"did not answer within 0.3 s \(2 tries; --timeout"):
        summarise(SEED_004, settings_for(hung_url, tmp_path, timeout=0.3, retries=1))
    assert time.monotonic() - started < 5
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with pytest.raises(ModelError, match="connection refused"):
        summarise(SEED_004, settings_for(refused, tmp_path, retries=0))


def test_the_deadline_bounds_an_article_across_its_retries(hung_url: str,
                                                           tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match="time limit ran out"):
        summarise(SEED_004, settings_for(hung_url, tmp_path, timeout=60, retries=50,
                                         deadline=2))
    assert time.monotonic() - started < 4


def test_no_reask_starts_after_the_deadline(tmp_path: Path) -> None:
    class Slow(FakeLLM):
        def generate(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            time.sleep(0.6)
            return super().generate(*args, **kwargs)  # type: ignore[arg-type]

    model = Slow(["not json"] * 5)
    with pytest.raises(ModelError, match="time limit of 1 s ran out after 2 model call"):
        summarise(SEED_004, Settings(cache_dir=tmp_path, use_cache=False, deadline=1), llm=model)
    assert len(model.calls) == 2


def test_a_reply_larger_than_the_token_budget_allows_is_rejected_not_parsed(
        tmp_path: Path) -> None:
    huge = {**GOOD_004, "summary": "Trade grew. " * 200_000}  # 2.4 MB of valid JSON
    reply = (200, {}, completion(json.dumps(huge), completion_tokens=50))
    with FakeOpenAIServer([reply] * 3) as server:
        result = summarise(SEED_004, settings_for(server.url, tmp_path))
    assert len(server.requests) == 3  # asked, then re-asked twice; never parsed
    assert result.mode == "extractive" and "Trade grew" not in result.summary
    assert any("cut off by the token budget" in w for w in result.warnings)


def test_schema_failures_name_the_endpoint_without_its_credentials(tmp_path: Path) -> None:
    bad = (200, {}, completion(json.dumps({"headline": "x"})))
    with FakeOpenAIServer([bad] * 3) as server:
        url = server.url.replace("http://", "http://me:PASS1234@")
        result = summarise(SEED_004, settings_for(url, tmp_path))
    assert result.mode == "extractive"
    message = " ".join(result.warnings)
    assert "did not fit the schema" in message and "PASS1234" not in message
    assert f"at {server.url.replace('http://', 'http://[redacted]@')}" in message


def test_usage_seconds_covers_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summariser.pipeline.results as results

    real = results.check

    def slow_check(*args: object, **kwargs: object) -> object:
        time.sleep(0.4)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(results, "check", slow_check)
    result = summarise(SEED_004, Settings(cache_dir=tmp_path, use_cache=False),
                       llm=FakeLLM([GOOD_004]))
    assert result.usage.seconds >= 0.4 > result.usage.model_seconds


def test_concurrency_is_capped_to_the_files_and_the_machine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    remote = SentenceLLM()
    assert workers_for(remote, 100_000, files=5) == 5
    assert workers_for(remote, 100_000, files=10**6) == max_concurrency() < 100_000
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: remote)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    assert cli(["batch", SEED_004, "--out", str(tmp_path / "out"), "--no-cache",
                "--model", "m", "--concurrency", "100000"]) == 0
    assert f"running {max_concurrency()} at a time" in capsys.readouterr().err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["concurrency"] == 1
