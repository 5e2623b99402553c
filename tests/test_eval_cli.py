"""`summariser eval` end to end with a fake model: run files, the cache, the baseline gate, the
judge, and one-line errors for bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import summariser.llm
from summariser.cli import cli
from summariser.errors import ModelError
from summariser.llm.base import Generation, Message
from tests.fake_llm import FakeLLM
from tests.replies import GOOD_004, reply

ROOT = Path(__file__).resolve().parent.parent

# Hand-written faithful replies, one per seed, chosen by a name only that article has.
GOOD = {
    "Choquehuanca": {
        "headline": "Iran and Bolivia discuss industrial ties",
        "summary": "Mehrabian met Bolivia's foreign minister David Choquehuanca Cespedes about "
                   "industrial and mining cooperation. Iran is working on over 100 plans and "
                   "projects in Venezuela.",
        "key_points": [3, 8, 7]},
    "Orazbay": {
        "headline": "Kazakh envoy backs Qazvin-Aktau cooperation",
        "summary": "Kazakhstan's ambassador Askhat Orazbay toured Qazvin at the invitation of "
                   "the Qazvin Chamber of Commerce. He said 70 percent of foreign capital "
                   "flowing to Central Asia enters through Kazakhstan.",
        "key_points": [4, 3, 7]},
    "Mishustin": {
        "headline": "Iran and Russia push transport projects",
        "summary": "Iran's first vice president Aref and Russian prime minister Mikhail "
                   "Mishustin stressed wider cooperation and the Rasht-Astara railway.",
        "key_points": [1, 3, 7]},
    "Bagheri": {
        "headline": "Iran's military chief visits Russian port",
        "summary": "Mohammad Bagheri, chairman of Iran's Joint Chiefs of Staff, visited the "
                   "port of Salianka, which is 53% owned by Iran.",
        "key_points": [2, 4, 7]},
    "Tleuberdi": GOOD_004,
}
# Faithful but thin: wrong figures would be dropped now, and the key points are completed with
# the article's figures, so a regression is a summary that says less, in every article.
THIN = reply(summary="Officials met.", key_points=[5])
THIN_ALL = {key: THIN for key in GOOD}


class ByArticle(FakeLLM):
    """Replies by article (the pipeline may re-ask, so a queue would drift) and answers the
    coverage judge with its first two facts."""

    def __init__(self, replies: dict[str, Any], fail: str | None = None) -> None:
        super().__init__([])
        self.by_article, self.fail = replies, fail

    def generate(self, messages: list[Message], schema: type[BaseModel],
                 max_tokens: int) -> Generation:
        text = "\n".join(m.content for m in messages)
        if schema.__name__ == "CoverageReply":
            self.replies = [{"covered": [1, 2]}]
        elif self.fail and self.fail in text:
            self.replies = [ModelError("the endpoint refused")]
        else:
            self.replies = [next(r for k, r in self.by_article.items() if k in text)]
        return super().generate(messages, schema, max_tokens)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout-like tree: evals/gold, evals/labelled and seeds, and a private cache."""
    for part in ("evals/gold", "evals/labelled", "seeds"):
        shutil.copytree(ROOT / part, tmp_path / part)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMARISER_MODEL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    return tmp_path


def use(monkeypatch: pytest.MonkeyPatch, model: FakeLLM) -> FakeLLM:
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: model)
    return model


def evaluate(tree: Path, *args: str, news: bool = False) -> int:
    return cli(["eval", "--gold", str(tree / "evals" / "gold"), *args,
                *([] if news else ["--no-news"])])


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def test_run_file_records_setup_and_scores(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    fake = use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree, "--out", str(tree / "run.json")) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "lead-3" in out and "extractive" in out
    assert "catch rate" in out
    run = read(tree / "run.json")
    assert run["model"]["backend"] == "fake" and run["prompts"][0]["name"] == "summarise"
    assert len(run["prompts"][0]["hash"]) == 16 and len(run["gold"]["hash"]) == 16
    assert run["code_version"] == "unknown" or len(run["code_version"]) == 40
    assert set(run["systems"]) == {"model", "lead-3", "extractive"}
    model = run["systems"]["model"]
    assert set(model["articles"]) == {p.stem for p in (tree / "seeds").glob("*.txt")}
    assert model["overall"]["calls"] == len(fake.calls) >= 5
    assert model["overall"]["leaks"] == 0 and model["overall"]["faithfulness"] > 0.8
    assert model["articles"]["004_ca5b7a342c02b2f4"]["figures"]["precision"] == 1.0
    assert 0 <= run["labelled"]["catch_rate"] <= 1


def test_second_run_is_cached_and_default_out(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    fake = use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree) == 0
    made = len(fake.calls)
    capsys.readouterr()
    assert evaluate(tree, "--format", "json") == 0
    assert len(fake.calls) == made
    data = json.loads(capsys.readouterr().out)
    model = data["run"]["systems"]["model"]["overall"]
    assert model["calls"] == 0 and model["cached"] is True
    runs = sorted((tree / "evals" / "runs").glob("fake-*.json"))
    assert len(runs) == 2 and data["saved"] in {str(r) for r in runs}


def test_cached_run_says_so(tree: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree, "--out", str(tree / "a.json")) == 0
    capsys.readouterr()
    assert evaluate(tree, "--out", str(tree / "b.json")) == 0
    out = capsys.readouterr().out
    assert "0 (cached)" in out and "all cached (0 model calls)" in out


def test_baseline_gate(tree: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    use(monkeypatch, ByArticle(GOOD))
    first = str(tree / "first.json")
    assert evaluate(tree, "--out", first) == 0
    assert evaluate(tree, "--out", str(tree / "same.json"), "--baseline", first) == 0
    assert "No metric dropped" in capsys.readouterr().out
    use(monkeypatch, ByArticle(THIN_ALL))
    worse = ["--out", str(tree / "worse.json"), "--baseline", first, "--no-cache"]
    assert evaluate(tree, *worse) == 1
    assert "Regression:" in capsys.readouterr().out
    assert evaluate(tree, *worse, "--threshold", "0.9") == 0


def test_json_output_has_run_and_comparison(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    use(monkeypatch, ByArticle(GOOD))
    first = str(tree / "first.json")
    assert evaluate(tree, "--out", first) == 0
    capsys.readouterr()
    use(monkeypatch, ByArticle(THIN_ALL))
    assert evaluate(tree, "--out", str(tree / "w.json"), "--baseline", first, "--no-cache",
                    "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["saved"].endswith("w.json") and "systems" in data["run"]
    regressed = {(d["system"], d["metric"]) for d in data["comparison"]["regressions"]}
    assert ("model", "rougeL") in regressed
    assert all(system == "model" for system, _ in regressed)


def test_model_failure_is_recorded_and_exits_1(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    use(monkeypatch, ByArticle(GOOD, fail="Bagheri"))
    assert evaluate(tree, "--out", str(tree / "run.json"), "--no-cache") == 1
    model = read(tree / "run.json")["systems"]["model"]
    assert "refused" in model["articles"]["003_f9cfecde49302c1b"]["error"]
    assert model["articles"]["003_f9cfecde49302c1b"]["figures"]["recall"] == 0.0
    assert model["articles"]["004_ca5b7a342c02b2f4"]["error"] is None
    assert "the model failed" in capsys.readouterr().out


def test_judge_is_recorded_and_cached(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree, "--out", str(tree / "j.json"), "--judge") == 0
    run = read(tree / "j.json")
    assert [p["name"] for p in run["prompts"]] == ["summarise", "coverage_judge"]
    assert run["parameters"]["judge_calls"] == 15  # 5 articles x (model + 2 baselines)
    article = run["systems"]["lead-3"]["articles"]["000_52bd9410287b6788"]
    assert (article["judge_covered"], article["judged"]) == (2, 7)
    made = len(fake.calls)
    assert evaluate(tree, "--out", str(tree / "j2.json"), "--judge") == 0
    assert len(fake.calls) == made and read(tree / "j2.json")["parameters"]["judge_calls"] == 0


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_bad_input_is_one_line_and_exit_2(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    fake = use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree, "--baseline", str(tree / "nope.json")) == 2
    assert "nope.json: no such run file" in one_line(capsys.readouterr().err)
    (tree / "notrun.json").write_text('{"hello": 1}')
    assert evaluate(tree, "--baseline", str(tree / "notrun.json")) == 2
    assert "not a run file" in one_line(capsys.readouterr().err)
    gold = tree / "evals" / "gold" / "002_d63be5d8afa5ed75.json"
    gold.write_text(gold.read_text().replace('"article": "002', '"article": "009'))
    assert evaluate(tree) == 2
    assert "002_d63be5d8afa5ed75.json" in one_line(capsys.readouterr().err)
    assert cli(["eval", "--gold", str(tree / "nowhere")]) == 2
    assert "does not exist" in one_line(capsys.readouterr().err)
    assert fake.calls == []


NEWS_ROWS = [
    {"doc": "Harbour workers in Portown went on strike on Monday. The union said 1,200 members "
            "stopped work over pay. Talks with the port authority failed last week.",
     "original_summary": "About 1,200 harbour workers in Portown struck on Monday over pay.",
     "summary": "x", "label": 1},
    {"doc": "A storm cut power to 30,000 homes in Lakeside on Tuesday. Crews restored most "
            "lines by the evening. Schools stayed closed.",
     "original_summary": "A storm left 30,000 Lakeside homes without power on Tuesday.",
     "summary": "y", "label": 0},
]


class NewsModel(ByArticle):
    """Answers the news documents from their own lead; one of them with an unusable reply."""

    def generate(self, messages: list[Message], schema: type[BaseModel],
                 max_tokens: int) -> Generation:
        text = "\n".join(m.content for m in messages)
        if "Portown" in text:
            self.replies = [{"headline": "Portown harbour workers strike",
                             "summary": "Harbour workers in Portown went on strike on Monday: "
                                        "1,200 members stopped work over pay.",
                             "key_points": [1, 2]}]
            return FakeLLM.generate(self, messages, schema, max_tokens)
        if "Lakeside" in text:
            self.replies = ["not json"]
            return FakeLLM.generate(self, messages, schema, max_tokens)
        return super().generate(messages, schema, max_tokens)


def test_news_set_is_scored_against_its_references(
        tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    news = tree / "news.json"
    news.write_text(json.dumps(NEWS_ROWS + NEWS_ROWS[:1]))  # a document twice counts once
    use(monkeypatch, NewsModel(GOOD))
    assert evaluate(tree, "--out", str(tree / "run.json"), "--news", str(news), news=True) == 0
    assert "News it was not written for" in capsys.readouterr().out
    run = read(tree / "run.json")["news"]
    assert run["overall"]["documents"] == 2 and run["overall"]["failed"] == 0
    assert run["overall"]["extractive"] == 1  # the unusable reply fell back, did not fail
    strike, storm = run["articles"].values()
    assert strike["numbers_stated"] == strike["reference_numbers"] == 1  # 1,200
    assert strike["rouge"]["rougeL"] > strike["lead3_rouge"]["rougeL"]
    assert storm["mode"] == "extractive" and storm["rouge"]["rouge1"] > 0
    assert run["overall"]["flagged"] == 0 and run["overall"]["calls_per_article"] == 2.0


def test_news_set_is_skipped_when_absent(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import summariser.evaluation.news as news

    monkeypatch.setattr(news, "NEWS_DEV", tree / "nowhere.json")
    use(monkeypatch, ByArticle(GOOD))
    assert evaluate(tree, "--out", str(tree / "run.json"), news=True) == 0
    assert read(tree / "run.json")["news"] is None
    assert "no news set at" in capsys.readouterr().out
    assert evaluate(tree, "--news", str(tree / "missing.json")) == 2
    assert "no such news set file" in capsys.readouterr().err
