from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from summariser.articles.load import load_article
from summariser.batch.models import result_key
from summariser.batch.run import run_batch, workers_for
from summariser.batch.store import Redactor, directory_lock
from summariser.cli import cli
from summariser.config import Settings
from summariser.errors import InputError, ModelError, SummariserError
from summariser.llm.base import Generation, Message
from summariser.llm.openai_compat import OpenAICompatLLM
from summariser.pipeline.schema import SummaryResult
from summariser.pipeline.summary import summarise
from tests.report_data import load_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# Loaded by path: an unrelated PyPI package named `benchmarks` may shadow the folder.
fake_server = load_module(ROOT / "benchmarks" / "fake_openai_server.py")
FAIL_MARKER, FakeServer, synthetic_reply, article_sentences = (
    fake_server.FAIL_MARKER, fake_server.FakeServer, fake_server.synthetic_reply,
    fake_server.article_sentences)


class SentenceLLM:
    """A thread-safe fake model that answers every article with a reply made of its own
    sentences, records how many calls run at once, and fails articles containing FAIL_MARKER."""

    name = "sentences"

    def __init__(self, backend: str = "fake", delay: float = 0.0, wrong_figure: bool = False):
        self.backend, self.delay, self.wrong_figure = backend, delay, wrong_figure
        self.calls, self.running, self.most = 0, 0, 0
        self.asked: set[str] = set()  # first sentences of the articles asked about
        self.lock = threading.Lock()

    def params(self) -> dict[str, Any]:
        return {"temperature": 0.0}

    def generate(self, messages: list[Message], schema: type[BaseModel], max_tokens: int
                 ) -> Generation:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(self.delay)
            # a re-ask answers the first question again
            lines = article_sentences([{"role": m.role, "content": m.content} for m in messages])
            with self.lock:
                self.asked.add(lines[0])
            if any(FAIL_MARKER in line for line in lines):
                raise ModelError("the model endpoint answered 500 after 4 tries")
            draft = synthetic_reply(lines)
            if self.wrong_figure:
                draft["summary"] = "Trade between them reached $999 billion last year."
            return Generation(text=json.dumps(draft), data=draft, prompt_tokens=100,
                              completion_tokens=50)
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles" / "nested"
    folder.mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return tmp_path / "articles"


def lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def test_results_are_the_summarise_json_one_line_each(articles: Path, tmp_path: Path,
                                                      settings: Settings) -> None:
    out = tmp_path / "out"
    run = run_batch(files(articles), out, settings, concurrency=3, llm=SentenceLLM())
    assert run.count()["succeeded"] == len(SEEDS)
    records = lines(out / "results.jsonl")
    assert [r["source"]["path"] for r in records] == [str(p) for p in files(articles)]
    alone = summarise(files(articles)[0], settings, llm=SentenceLLM()).model_dump(mode="json")
    assert set(records[0]) == set(alone)
    for key in ("headline", "summary", "key_points", "claims", "figures", "validation"):
        assert records[0][key] == alone[key], key
    assert {p.name for p in out.iterdir()} >= {"results.jsonl", "manifest.json", "report.md",
                                               "report.html"}


def test_manifest_records_model_prompt_timings_and_tokens(articles: Path, tmp_path: Path,
                                                          settings: Settings) -> None:
    out = tmp_path / "out"
    run_batch(files(articles), out, settings, llm=SentenceLLM())
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["model"]["name"] == "sentences"
    assert manifest["prompt"]["name"] == "summarise" and len(manifest["prompt"]["hash"]) == 16
    assert manifest["started"] <= manifest["finished"]
    assert manifest["counts"]["succeeded"] == len(SEEDS)
    assert manifest["prompt_tokens"] == sum(a["prompt_tokens"] for a in manifest["articles"]) > 0
    for entry in manifest["articles"]:
        assert entry["seconds"] > 0 and entry["calls"] >= 1 and entry["completion_tokens"] > 0
        assert entry["cached"] is False and entry["resumed"] is False


def test_a_failing_article_does_not_stop_the_batch(articles: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (articles / "empty.txt").write_text("")
    (articles / "refused.txt").write_text(f"The council met on Monday. {FAIL_MARKER} said so.\n")
    llm = SentenceLLM()
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: llm)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    code = cli(["batch", str(articles), str(tmp_path / "missing*.txt"), "--out", str(out)])
    assert code == 1
    assert len(lines(out / "results.jsonl")) == len(SEEDS)
    manifest = json.loads((out / "manifest.json").read_text())
    reasons = {Path(f["path"]).name: f["reason"] for f in manifest["failures"]}
    assert set(reasons) == {"empty.txt", "refused.txt", "missing*.txt"}
    assert "500" in reasons["refused.txt"]
    report = (out / "report.md").read_text()
    assert "refused.txt" in report and "failed: 3" in report


def test_flagged_articles_fail_the_exit_code_only_when_asked(
        articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: SentenceLLM(wrong_figure=True))
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    one = str(files(articles)[0])
    assert cli(["batch", one, "--out", str(tmp_path / "a"), "--no-cache"]) == 0
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert manifest["counts"]["flagged"] == 1
    assert "$999 billion" in (tmp_path / "a" / "report.md").read_text()
    assert cli(["batch", one, "--out", str(tmp_path / "b"), "--no-cache",
                "--fail-on-flagged"]) == 1


def test_a_rerun_redoes_nothing_and_repairs_a_cut_off_line(articles: Path, tmp_path: Path,
                                                            settings: Settings) -> None:
    out = tmp_path / "out"
    run_batch(files(articles), out, settings, llm=SentenceLLM())
    results = out / "results.jsonl"
    first = results.read_text()
    with open(results, "a") as fh:  # what a kill in the middle of a write could leave
        fh.write(first.splitlines()[0][:100])
    again = SentenceLLM()
    run = run_batch(files(articles), out, settings, llm=again)
    assert again.calls == 0 and run.count()["resumed"] == len(SEEDS)
    assert results.read_text() == first


def test_restart_redoes_every_article(articles: Path, tmp_path: Path,
                                     settings: Settings) -> None:
    out = tmp_path / "out"
    run_batch(files(articles), out, settings, llm=SentenceLLM())
    again = SentenceLLM()
    run = run_batch(files(articles), out, settings, llm=again, restart=True)
    assert len(again.asked) == len(SEEDS) and run.count()["resumed"] == 0
    assert len(lines(out / "results.jsonl")) == len(SEEDS)


def test_a_changed_article_is_redone_and_replaces_its_line(articles: Path, tmp_path: Path,
                                                           settings: Settings) -> None:
    out = tmp_path / "out"
    run_batch(files(articles), out, settings, llm=SentenceLLM())
    changed = files(articles)[1]
    changed.write_text(changed.read_text() + "\nThe talks ended on Friday.\n")
    again = SentenceLLM()
    run_batch(files(articles), out, settings, llm=again)
    assert len(again.asked) == 1
    records = lines(out / "results.jsonl")
    assert [r["source"]["path"] for r in records] == [str(p) for p in files(articles)]
    # the changed article's result (the model is shown only its lead, not the new line)
    assert records[1]["source"]["sha256"] == load_article(changed).sha256


def interrupt_after(count: int) -> Any:
    """An on_outcome callback that presses Ctrl-C after `count` articles."""
    seen: list[str] = []

    def callback(outcome: Any, run: Any) -> None:
        seen.append(outcome.path)
        if len(seen) == count:
            raise KeyboardInterrupt

    return callback


def test_ctrl_c_keeps_what_was_done_and_the_next_run_finishes(
        articles: Path, tmp_path: Path, settings: Settings) -> None:
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(files(articles), out, settings, llm=SentenceLLM(),
                  on_outcome=interrupt_after(2))
    assert len(lines(out / "results.jsonl")) == 2
    assert json.loads((out / "manifest.json").read_text())["status"] == "interrupted"
    assert "interrupted" in (out / "report.html").read_text()
    with pytest.raises(KeyboardInterrupt):  # interrupted again, before reaching everything
        run_batch(files(articles), out, settings, llm=SentenceLLM(),
                  on_outcome=interrupt_after(1))
    assert len(lines(out / "results.jsonl")) >= 2  # nothing done earlier is lost
    again = SentenceLLM()
    run = run_batch(files(articles), out, settings, llm=again)
    assert len(again.asked) == len(SEEDS) - 2 and run.count()["resumed"] == 2
    assert len(lines(out / "results.jsonl")) == len(SEEDS)


def test_concurrency_runs_articles_at_once_but_the_embedded_model_one_at_a_time(
        articles: Path, tmp_path: Path, settings: Settings) -> None:
    remote = SentenceLLM(delay=0.2)
    run_batch(files(articles), tmp_path / "a", settings, concurrency=4, llm=remote)
    assert 2 <= remote.most <= 4
    embedded = SentenceLLM(backend="embedded", delay=0.05)
    run = run_batch(files(articles), tmp_path / "b", settings, concurrency=4, llm=embedded)
    assert embedded.most == 1 and run.workers == 1 == workers_for(embedded, 8)


def test_results_of_another_model_or_prompt_are_not_reused(tmp_path: Path) -> None:
    result = SummaryResult.model_validate(lines_of_one_run(tmp_path))
    other_model = result.model.model_copy(update={"name": "another"})
    other_prompt = result.prompt.model_copy(update={"hash": "ffffffffffffffff"})
    key = result_key(result.source.sha256, result.prompt, result.model)
    assert key != result_key(result.source.sha256, result.prompt, other_model)
    assert key != result_key(result.source.sha256, other_prompt, result.model)
    assert key != result_key("0" * 64, result.prompt, result.model)


def lines_of_one_run(tmp_path: Path) -> dict[str, Any]:
    settings = Settings(cache_dir=tmp_path / "cache", use_cache=False)
    run_batch(SEEDS[:1], tmp_path / "one", settings, llm=SentenceLLM())
    return lines(tmp_path / "one" / "results.jsonl")[0]


def test_two_batches_cannot_write_one_directory(articles: Path, tmp_path: Path,
                                                settings: Settings) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with directory_lock(out), pytest.raises(InputError, match="another"):
        run_batch(files(articles), out, settings, llm=SentenceLLM())
    assert not (out / "results.jsonl").exists()


def test_the_api_key_is_redacted_from_anything_written() -> None:
    redact = Redactor(Settings(api_key="sk-test-SECRET"))
    assert redact("key=sk-test-SECRET, again sk-test-SECRET") == "key=[redacted], again [redacted]"


def batch_command(folder: Path, out: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "summariser", "batch", str(folder), "--out", str(out),
            "--model", "fake-model", "--base-url", url, "--concurrency", "2", "--no-cache"]


def subprocess_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "OPENAI_API_KEY": "sk-test-SECRET",
            "SUMMARISER_CACHE_DIR": str(tmp_path / "cache")}


def many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"story_{i:02d}.txt").write_text(
            f"Story {i} begins in the town of Alder.\n\nThe council met {i + 2} times this "
            f"year. A new bridge will cost {i + 10} million dollars. Work starts in spring.\n")


def test_kill_9_mid_run_then_rerun_finishes_without_duplicates_or_secrets(
        tmp_path: Path) -> None:
    folder, out = tmp_path / "articles", tmp_path / "out"
    many_articles(folder, 12)
    env = subprocess_env(tmp_path)
    # The server answers 3 requests, then holds the next ones: the kill comes with 3 results
    # written and the 2 articles of --concurrency 2 in flight, on a machine of any speed.
    with FakeServer(delay=0.05, max_requests=100, max_seconds=300, hold_after=3) as server:
        proc = subprocess.Popen(batch_command(folder, out, server.url), cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        results = out / "results.jsonl"
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if server.held >= 2 and results.exists() and results.read_text().count("\n") >= 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        server.release()
        before = lines(results)  # every line whole
        assert len(before) == 3
        done = subprocess.run(batch_command(folder, out, server.url), cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=240)
        stats = server.stats()
    assert done.returncode == 0, done.stderr
    after = lines(results)
    paths = [r["source"]["path"] for r in after]
    assert sorted(paths) == sorted(str(p) for p in folder.glob("*.txt")) and len(set(paths)) == 12
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["resumed"] == len(before)
    # Articles finished before the kill were asked once in all; the 2 in flight twice.
    assert stats["requests"] == 14
    written = "".join(p.read_text() for p in out.iterdir() if p.is_file())
    assert "sk-test-SECRET" not in written + done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def endpoint_settings(tmp_path: Path, url: str) -> Settings:
    return Settings.from_env(model="fake-model", base_url=url, api_key="sk-test-SECRET",
                             cache_dir=tmp_path / "cache", use_cache=False)


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A results.jsonl record without what varies from run to run (timings)."""
    return {k: v for k, v in record.items() if k != "usage"}


def test_worker_processes_give_the_same_results_as_threads(tmp_path: Path) -> None:
    from summariser.batch.pool import processes_for

    folder = tmp_path / "articles"
    many_articles(folder, 9)
    (folder / "refused.txt").write_text(f"The council met on Monday. {FAIL_MARKER} said so.\n")
    with FakeServer(delay=0.01, max_requests=100, max_seconds=120) as server:
        settings = endpoint_settings(tmp_path, server.url)
        one = run_batch(files(folder), tmp_path / "one", settings, concurrency=1)
        many = run_batch(files(folder), tmp_path / "many", settings, concurrency=4)
    assert processes_for(OpenAICompatLLM(settings), 4, own_llm=True) == min(4, cores())
    assert many.workers == 4 and many.count() == one.count()
    (refused,) = [o for o in many.outcomes if o.error]
    assert refused.path.endswith("refused.txt") and "400" in refused.error
    first, second = lines(tmp_path / "one" / "results.jsonl"), lines(tmp_path / "many" /
                                                                     "results.jsonl")
    assert [comparable(r) for r in first] == [comparable(r) for r in second]
    report = (tmp_path / "many" / "report.html").read_text()
    assert "Story 3 begins" in report  # the article text came back from the worker process


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def our_workers() -> list[int]:
    """This process's batch worker processes (not the standard library's resource tracker,
    which lives as long as this process)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and b"resource_tracker" not in command:
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(cores() < 2 or not Path("/proc/self/stat").exists(),
                    reason="worker processes need 2 cores; finding them needs /proc")
def test_a_worker_process_that_dies_stops_the_batch_resumably(tmp_path: Path) -> None:
    folder, out = tmp_path / "articles", tmp_path / "out"
    many_articles(folder, 12)

    def kill_a_worker(outcome: Any, run: Any) -> None:
        if len(run.outcomes) == 2:
            os.kill(our_workers()[0], signal.SIGKILL)

    with FakeServer(delay=0.2, max_requests=100, max_seconds=120) as server:
        settings = endpoint_settings(tmp_path, server.url)
        with pytest.raises(SummariserError, match="worker process ended unexpectedly"):
            run_batch(files(folder), out, settings, concurrency=4, on_outcome=kill_a_worker)
        assert json.loads((out / "manifest.json").read_text())["status"] == "interrupted"
        assert our_workers() == []
        run = run_batch(files(folder), out, settings, concurrency=4)
    assert run.count()["succeeded"] == 12 and run.count()["resumed"] >= 2
