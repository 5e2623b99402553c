"""Issue 14, batch: a run into an existing --out loses nothing; any file name works; the
batch does not summarise its own reports."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from summariser.articles.load import load_article
from summariser.batch.run import run_batch
from summariser.cli import cli
from summariser.config import Settings
from summariser.pipeline.schema import SummaryResult
from tests.test_batch import SEEDS, SentenceLLM, lines

needs_bytes_names = pytest.mark.skipif(sys.platform in ("darwin", "win32"),
                                       reason="file names there must be valid Unicode")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


def copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for seed in SEEDS[:count]:
        shutil.copy(seed, folder / seed.name)
        out.append(folder / seed.name)
    return out


def test_a_second_batch_into_the_same_out_keeps_the_first_ones_results(
        tmp_path: Path, settings: Settings) -> None:
    first, second = copies(tmp_path / "a", 3), copies(tmp_path / "b", 5)[3:]
    out = tmp_path / "out"
    run_batch(first, out, settings, llm=SentenceLLM())
    again = SentenceLLM()
    run = run_batch(second, out, settings, llm=again)
    assert len(again.asked) == 2 and run.count()["kept"] == 3
    paths = [r["source"]["path"] for r in lines(out / "results.jsonl")]
    assert sorted(paths) == sorted(str(p) for p in first + second)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["articles"] == 2 and manifest["counts"]["kept"] == 3
    assert sum(bool(a.get("from_earlier_run")) for a in manifest["articles"]) == 3
    report = (out / "report.md").read_text()
    assert report.startswith("# Summaries of 5 articles")
    assert "not redone by this one: 3" in report
    for path in first + second:
        assert path.name in report and path.name in (out / "report.html").read_text()


def test_a_rerun_of_some_articles_updates_those_and_keeps_the_others(
        tmp_path: Path, settings: Settings) -> None:
    articles = copies(tmp_path / "a", 3)
    out = tmp_path / "out"
    run_batch(articles, out, settings, llm=SentenceLLM())
    articles[0].write_text(articles[0].read_text() + "\nThe talks ended on Friday.\n")
    run_batch(articles[:1], out, settings, llm=SentenceLLM())
    records = lines(out / "results.jsonl")
    assert [r["source"]["path"] for r in records] == [str(p) for p in articles]
    # the changed article's result (the model is shown only its lead, not the new line)
    assert records[0]["source"]["sha256"] == load_article(articles[0]).sha256


def test_restart_removes_the_earlier_results_and_says_so(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, second = copies(tmp_path / "a", 3), copies(tmp_path / "b", 4)[3:]
    out = tmp_path / "out"
    run_batch(first, out, settings, llm=SentenceLLM())
    run_batch(second, out, settings, llm=SentenceLLM(), restart=True)
    assert [r["source"]["path"] for r in lines(out / "results.jsonl")] == [str(second[0])]
    assert cli(["batch", "--help"]) == 0
    assert "REMOVES every result already in DIR" in " ".join(capsys.readouterr().out.split())


def bad_name(folder: Path) -> Path:
    """A file whose name is not valid UTF-8 (byte 0xE9, Latin-1 'é')."""
    folder.mkdir(parents=True, exist_ok=True)
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(SEEDS[0].read_bytes())
    return Path(os.fsdecode(raw))


@needs_bytes_names
def test_a_file_name_that_is_not_utf8_is_stored_losslessly_and_shown_escaped(
        tmp_path: Path, settings: Settings) -> None:
    odd = bad_name(tmp_path / "a")
    good = copies(tmp_path / "a", 3)[1:]
    out = tmp_path / "out"
    run = run_batch([odd, *good], out, settings, llm=SentenceLLM())
    assert run.count()["succeeded"] == 3
    paths = [r["source"]["path"] for r in lines(out / "results.jsonl")]
    assert str(odd) in paths  # json.loads gives back the very same name
    assert "caf\\xe9.txt" in (out / "report.md").read_text(encoding="utf-8")
    assert "caf\\xe9.txt" in (out / "report.html").read_text(encoding="utf-8")
    assert str(odd) in json.loads((out / "manifest.json").read_text())["articles"][0]["path"]
    again = SentenceLLM()
    rerun = run_batch([odd, *good], out, settings, llm=again)
    assert again.calls == 0 and rerun.count()["resumed"] == 3


@needs_bytes_names
def test_summarise_with_an_odd_name_gives_its_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    odd = bad_name(tmp_path / "a")
    model = SentenceLLM()
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: model)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    assert cli(["summarise", str(odd), "--format", "json"]) == 0  # the cache is written too
    out = capsys.readouterr().out
    assert json.loads(out)["source"]["path"] == str(odd) and model.calls == 1
    assert cli(["summarise", str(odd), "--format", "markdown"]) == 0
    assert "caf\\xe9.txt" in capsys.readouterr().out and model.calls == 1  # from the cache
    assert cli(["summarise", str(odd)]) == 0
    assert "caf\\xe9.txt" in capsys.readouterr().out


@needs_bytes_names
def test_an_odd_name_in_an_error_is_one_escaped_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = os.fsencode(tmp_path) + b"/\xff.txt"
    open(raw, "wb").close()
    assert cli(["check", os.fsdecode(raw), str(SEEDS[0])]) == 2
    err = capsys.readouterr().err
    assert "\\xff.txt: the file is empty" in err and len(err.splitlines()) == 1


def test_batch_into_a_folder_under_its_input_does_not_summarise_its_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    copies(folder, 2)
    model = SentenceLLM()
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: model)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(folder)
    assert cli(["batch", ".", "--out", "reports", "--no-cache"]) == 0
    assert cli(["batch", ".", "--out", "reports", "--no-cache"]) == 0
    assert len(model.asked) == 2
    manifest = json.loads(Path("reports/manifest.json").read_text())
    assert manifest["counts"]["articles"] == 2
    assert cli(["batch", ".", "--out", "other", "--no-cache"]) == 0  # not the first's reports
    assert json.loads(Path("other/manifest.json").read_text())["counts"]["articles"] == 2


def test_an_article_that_cannot_be_shown_does_not_block_the_others_reports(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import summariser.batch.report.write as write

    articles = copies(tmp_path / "a", 3)
    real = write.segments

    def fragile(article: object, result: SummaryResult) -> object:
        if str(articles[1]) == result.source.path:
            raise UnicodeEncodeError("utf-8", "\udce9", 0, 1, "surrogates not allowed")
        return real(article, result)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "segments", fragile)
    out = tmp_path / "out"
    run_batch(articles, out, settings, llm=SentenceLLM())
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "could not be shown in the report (UnicodeEncodeError" in report
    assert all(p.name in report for p in articles)
    assert len(lines(out / "results.jsonl")) == 3
