"""`summariser batch --dry-run` (tokens and cost before any call) and `--openai-batch` (the OpenAI
Batch API, against the loopback fake of its files and batches endpoints)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import summariser.batch.openai_jobs as openai_jobs
from summariser.articles.load import load_article
from summariser.batch.estimate import full_reply_tokens
from summariser.cli import cli
from summariser.pipeline.schema import Reply
from tests.openai_server import BatchAPI, FakeOpenAIServer, completion
from tests.replies import GOOD_004, SEED_004

SAME = ("headline", "summary", "key_points", "claims", "figures", "validation")


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Three versions of seed 004 (a different line after the title each, inside the lead the
    model is shown, so three different requests that the hand-written reply fits)."""
    for var in ("SUMMARISER_MODEL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-for-loopback")
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    text = Path(SEED_004).read_text(encoding="utf-8")
    paths = []
    for n in range(3):
        path = folder / f"a{n}.txt"
        title = "Iran Seeks to Deepen Ties with Kazakhstan\n"
        path.write_text(text.replace(title, f"{title}\nThis report was filed from desk number "
                                            f"{n + 7}.\n", 1))
        paths.append(path)
    return paths


def good(custom_id: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return 200, completion(json.dumps(GOOD_004))


def batch_cli(server: FakeOpenAIServer, folder: Path, out: Path, *more: str) -> int:
    return cli(["batch", str(folder), "--out", str(out), "--model", "gpt-test",
                "--base-url", server.url, "--context", "16000", "--openai-batch",
                "--poll", "0.01", *more])


def records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]


def test_dry_run_counts_and_prices_without_calling_the_model(
    articles: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeOpenAIServer([]) as server:
        code = cli(["batch", str(articles[0].parent), "--out", "unused", "--dry-run",
                    "--model", "gpt-test", "--base-url", server.url, "--context", "16000",
                    "--price-in", "0.15", "--price-out", "0.60"])
    out = capsys.readouterr().out
    assert code == 0 and server.requests == [] and not Path("unused").exists()
    for path in articles:
        assert str(path) in out
    assert "3 articles" in out and "an estimate" in out  # no tokenizer for a remote model
    prompt = int(out.split("prompt tokens: ")[1].split(" ")[0].replace(",", ""))
    assert 3 * 600 < prompt < 3 * 2000  # seed 004's prompt v12 is 665 tokens for Qwen2.5
    reply = full_reply_tokens(Reply)
    assert 20 < reply < 400 and f"generated tokens: about {3 * reply:,}" in out
    cost = float(out.split("cost: about $")[1].split(" ")[0])
    assert cost == pytest.approx((prompt * 0.15 + 3 * reply * 0.60) / 1e6, abs=1e-4)


def test_dry_run_uses_the_backends_tokenizer_where_it_has_one(tmp_path: Path) -> None:
    from summariser.batch.estimate import estimate, report_lines
    from summariser.config import Settings
    from tests.fake_llm import FakeLLM

    llm = FakeLLM([])
    llm.count_chat_tokens = lambda messages: 1000  # type: ignore[attr-defined]
    found = estimate([Path(SEED_004)], Settings(cache_dir=tmp_path), llm)
    assert found.counted and found.prompt_tokens == 1000
    assert "counted with the fake model's tokenizer" in "\n".join(
        report_lines(found, "fake", None))


def test_openai_batch_writes_what_a_normal_batch_writes(
    articles: list[Path], tmp_path: Path
) -> None:
    api = BatchAPI(good, polls=2)
    with FakeOpenAIServer([], batch=api) as server:
        assert batch_cli(server, articles[0].parent, tmp_path / "job") == 0
    assert server.requests == []  # no interactive call: every reply came from the job
    (upload,) = api.uploads
    assert len(upload) == 3 and {line["url"] for line in upload} == {"/v1/chat/completions"}
    body = upload[0]["body"]
    assert body["model"] == "gpt-test" and body["response_format"]["type"] == "json_schema"
    assert "[S1]" in body["messages"][-1]["content"]
    state = json.loads((tmp_path / "job" / "openai_batch.json").read_text())
    assert [j["status"] for j in state["jobs"]] == ["completed"]

    normal = [(200, {}, completion(json.dumps(GOOD_004)))] * 3
    with FakeOpenAIServer(normal) as server:
        assert cli(["batch", str(articles[0].parent), "--out", str(tmp_path / "live"),
                    "--model", "gpt-test", "--base-url", server.url, "--context", "16000",
                    "--no-cache"]) == 0
    for job, live in zip(records(tmp_path / "job"), records(tmp_path / "live"), strict=True):
        assert {k: job[k] for k in SAME} == {k: live[k] for k in SAME}
        assert job["model"]["name"] == live["model"]["name"] == "gpt-test"
    assert {p.name for p in (tmp_path / "job").iterdir()} >= {
        "results.jsonl", "manifest.json", "report.md", "report.html"}
    assert "sk-test-key" not in (tmp_path / "job" / "openai_batch.json").read_text()


def test_a_stopped_wait_is_picked_up_by_the_rerun_without_a_second_job(
    articles: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = BatchAPI(good, polls=3)
    out = tmp_path / "job"

    def stop(seconds: float) -> None:
        raise KeyboardInterrupt

    with FakeOpenAIServer([], batch=api) as server:
        monkeypatch.setattr(openai_jobs.time, "sleep", stop)
        assert batch_cli(server, articles[0].parent, out) == 130  # Ctrl-C while waiting
        assert not (out / "results.jsonl").exists()
        monkeypatch.undo()
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-for-loopback")
        monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
        assert batch_cli(server, articles[0].parent, out) == 0
        assert len(api.uploads) == 1 and len(api.batches) == 1  # the same job, collected
        assert len(records(out)) == 3
        assert batch_cli(server, articles[0].parent, out) == 0  # all done: nothing submitted
        assert len(api.uploads) == 1 and server.requests == []


def test_a_request_the_job_refused_fails_its_article_and_is_resubmitted(
    articles: list[Path], tmp_path: Path
) -> None:
    refused: set[str] = set()

    def answer(custom_id: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if "desk number 8" in body["messages"][-1]["content"] and not refused:
            refused.add(custom_id)
            return 400, {"error": {"message": "the request was too large"}}
        return good(custom_id, body)

    api = BatchAPI(answer, polls=1)
    out = tmp_path / "job"
    with FakeOpenAIServer([], batch=api) as server:
        assert batch_cli(server, articles[0].parent, out) == 1
        manifest = json.loads((out / "manifest.json").read_text())
        assert manifest["failures"][0]["path"] == str(articles[1])
        assert "too large" in manifest["failures"][0]["reason"]
        assert batch_cli(server, articles[0].parent, out) == 0
    assert [len(u) for u in api.uploads] == [3, 1]  # only the refused article again
    assert api.uploads[1][0]["custom_id"] in refused
    assert sorted(r["source"]["sha256"] for r in records(out)) == sorted(
        load_article(p).sha256 for p in articles)


def test_openai_batch_needs_a_remote_model(articles: list[Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["batch", str(articles[0]), "--out", str(tmp_path / "o"),
                "--openai-batch"]) == 2
    assert "--model" in capsys.readouterr().err
