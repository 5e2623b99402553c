"""The cache keeps the model's reply, never the checker's verdicts; model files are keyed by
content; the assembled model lives apart from the cache, and clearing the cache leaves it."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import summariser.pipeline.results as results
from summariser.batch.run import run_batch
from summariser.cli import cli
from summariser.config import Settings
from summariser.llm import model_files
from summariser.pipeline.cache import REPLIES
from summariser.pipeline.summary import summarise
from summariser.validation.models import ValidationReport
from tests.fake_llm import FakeLLM
from tests.replies import GOOD_004, SEED_004


def settings_in(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", model_dir=tmp_path / "models")


@pytest.fixture
def new_checker(monkeypatch: pytest.MonkeyPatch) -> ValidationReport:
    """Stands for a changed checker: it now flags everything."""
    verdict = ValidationReport(ok=False)  # no figures, and not ok: unlike the real checker

    def check(article: Any, summary: Any, **kwargs: Any) -> ValidationReport:
        return copy.deepcopy(verdict)

    monkeypatch.setattr(results, "check", check)
    return verdict


def test_the_cache_holds_the_reply_and_no_verdicts(tmp_path: Path) -> None:
    import diskcache

    settings = settings_in(tmp_path)
    summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    with diskcache.Cache(str(settings.cache_dir / REPLIES)) as cache:
        (stored,) = [json.loads(cache[key]) for key in cache]
    assert set(stored) == {"draft", "usage", "warnings"}
    assert stored["draft"]["headline"] == GOOD_004["headline"]
    assert stored["usage"]["calls"] == 1


def test_a_cached_reply_is_checked_by_the_current_checker(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    settings = settings_in(tmp_path)
    first = summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    assert first.figures  # the real checker found and checked figures
    request.getfixturevalue("new_checker")  # the checker changes between the runs
    again = summarise(SEED_004, settings, llm=FakeLLM([]))  # no reply left: must not call
    assert again.usage.cached and again.headline == first.headline
    assert not again.validation.ok and again.figures == []


def test_a_resumed_batch_reports_the_current_checker(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    settings = Settings(cache_dir=tmp_path / "cache", use_cache=False)
    out = tmp_path / "out"
    run_batch([Path(SEED_004)], out, settings, llm=FakeLLM([GOOD_004]))
    request.getfixturevalue("new_checker")
    run = run_batch([Path(SEED_004)], out, settings, llm=FakeLLM([]))
    (outcome,) = run.outcomes
    assert outcome.resumed and outcome.result is not None
    assert not outcome.result.validation.ok and outcome.result.figures == []
    line = json.loads((out / "results.jsonl").read_text().splitlines()[0])
    assert line["validation"]["ok"] is False


def test_model_files_are_keyed_by_content_not_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "model.gguf", tmp_path / "b" / "model.gguf"
    for path, fill in ((a, b"A"), (b, b"B")):
        path.parent.mkdir()
        path.write_bytes(b"GGUF" + fill * (3 << 20))
    os.utime(b, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns))  # same size and mtime
    assert model_files.file_fingerprint(a) != model_files.file_fingerprint(b)
    shutil.copy2(a, tmp_path / "copy.gguf")
    assert model_files.file_fingerprint(a) == model_files.file_fingerprint(tmp_path / "copy.gguf")


def _fake_model(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    monkeypatch.setattr(model_files, "MODEL_SIZE", 4)
    folder.mkdir(parents=True)
    gguf = folder / f"{model_files.MODEL_NAME}.gguf"
    gguf.write_bytes(b"GGUF")
    gguf.with_suffix(".ok").write_text(model_files.MODEL_SHA256)
    return gguf


def test_a_model_assembled_inside_the_old_cache_is_moved_not_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_in(tmp_path)
    old = _fake_model(monkeypatch, settings.cache_dir / "models")
    monkeypatch.setattr(model_files, "part_paths", lambda: pytest.fail("assembled again"))
    path = model_files.embedded_model_path(settings.model_dir, settings.cache_dir / "models")
    assert path == settings.model_dir / old.name and path.read_bytes() == b"GGUF"
    assert not old.exists()


def test_cache_clear_removes_replies_and_keeps_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = settings_in(tmp_path)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(settings.cache_dir))
    monkeypatch.setenv("SUMMARISER_MODEL_DIR", str(settings.model_dir))
    model = _fake_model(monkeypatch, settings.model_dir)
    summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    assert cli(["cache"]) == 0
    shown = capsys.readouterr().out
    assert str(settings.cache_dir) in shown and "replies" in shown
    assert str(settings.model_dir) in shown
    assert cli(["cache", "clear"]) == 0
    assert model.exists()
    again = summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    assert not again.usage.cached
