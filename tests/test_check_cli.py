"""`summariser check SOURCE SUMMARY`: exit codes, JSON output, standard input, structured
summaries, --judge with a fake model, and no LLM stack at import."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import summariser.llm
from summariser.cli import cli
from tests.fake_llm import FakeLLM

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "004_ca5b7a342c02b2f4.txt")
GOOD = ("Kazakh Foreign Minister Mukhtar Tleuberdi said trade between Kazakhstan and Iran fell "
        "37.2 percent to $237m in 2020. Zarif said “our cooperation within the framework of the "
        "Eurasian Economic Union is of high significance.”")
BAD = "Trade between Kazakhstan and Iran fell to $273 million in 2020."


def write(tmp_path: Path, text: str | bytes, name: str = "summary.txt") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = cli(["check", *argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_supported_summary_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_json(capsys, SEED, write(tmp_path, GOOD))
    assert code == 0 and report["ok"] is True
    texts = {f["text"]: f for f in report["figures"]}
    assert {"37.2 percent", "$237m", "2020"} <= set(texts)
    assert texts["$237m"]["status"] == "supported"
    assert "$237 million" in texts["$237m"]["sentence"]["text"]
    assert texts["$237m"]["source"]["text"] == "$237 million"
    assert {n["text"] for n in report["names"]} >= {"Zarif", "Eurasian Economic Union"}
    assert report["quotes"][0]["status"] == "supported"
    assert all(c["evidence"] for c in report["claims"])


def test_wrong_figure_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = run_json(capsys, SEED, write(tmp_path, BAD))
    assert code == 1 and report["ok"] is False
    (fig,) = [f for f in report["figures"] if f["text"] == "$273 million"]
    assert fig["status"] in ("unsupported", "mismatch")


def test_text_output_shows_statuses_and_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["check", SEED, write(tmp_path, BAD + " It was April 19, 2024.")]) == 1
    out = capsys.readouterr().out
    assert "Figures" in out and "boilerplate" in out and "$273 million" in out
    assert "Not supported by the source" in out


def test_summary_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    code, report = run_json(capsys, SEED, "-")
    assert code == 0 and report["figures"]


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_an_empty_summary_is_unusable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    assert cli(["check", SEED, write(tmp_path, text)]) == 2
    assert "the summary is empty" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"\x00\x01binary", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
])
def test_bad_summary_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = str(tmp_path / "missing.txt") if content is None else write(tmp_path, content)
    assert cli(["check", SEED, path]) == 2
    line = one_line(capsys.readouterr().err)
    assert path in line and message in line


def test_bad_source_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nope.txt")
    assert cli(["check", missing, write(tmp_path, GOOD)]) == 2
    assert missing in one_line(capsys.readouterr().err)


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", SEED]) == 2
    assert cli(["check", SEED, write(tmp_path, GOOD), "--model", "x"]) == 2
    assert "--judge" in capsys.readouterr().err


def test_structured_summary_json_checks_claims_against_citations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summariser.articles.load import load_article

    article = load_article(SEED)
    trade = next(s.index for s in article.sentences if "$237 million" in s.text)
    draft = {"headline": "Iran and Kazakhstan", "summary": "Trade fell 37.2 percent.",
             "key_points": [{"text": "Trade fell 37.2 percent to $237 million in 2020.",
                             "cite": [trade]},
                            {"text": "Zarif met Tleuberdi.", "cite": [99]}],
             "people": [{"name": "Mohammad Javad Zarif"}], "countries": ["Uzbekistan"],
             "organisations": []}
    code, report = run_json(capsys, SEED, write(tmp_path, json.dumps(draft), "draft.json"))
    assert code == 1
    claims = {c["text"]: c for c in report["claims"]}
    assert claims["Trade fell 37.2 percent to $237 million in 2020."]["status"] == "supported"
    assert claims["Zarif met Tleuberdi."]["status"] == "bad_citation"
    names = {n["text"]: n for n in report["names"]}
    assert names["Uzbekistan"]["status"] == "unsupported"
    assert names["Uzbekistan"]["category"] == "country"


def test_json_that_is_not_a_summary_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["check", SEED, write(tmp_path, "{not json", "s.json")]) == 2
    assert "does not parse" in one_line(capsys.readouterr().err)


# Three claims the checker passes: one in the article's words, two with words none of their
# sentences uses ('inked'; 'oil', 'pipelines'), which the checker reports without failing.
REWORDED = ("Kazakh Foreign Minister Mukhtar Tleuberdi said trade between Kazakhstan and Iran "
            "fell 37.2 percent to $237m in 2020. Zarif and Tleuberdi inked a memorandum of "
            "understanding. Zarif and Tleuberdi signed a memorandum of understanding on oil "
            "pipelines.")


def test_judge_is_asked_about_claims_with_reported_words_and_a_contradiction_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = FakeLLM([{"verdict": "supported"}, "not json", {"verdict": "contradicted"}])
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: model)
    code, report = run_json(capsys, SEED, write(tmp_path, REWORDED), "--judge")
    assert [c["judge"] for c in report["claims"]] == [None, "supported", "contradicted"]
    assert code == 1 and report["ok"] is False
    first = model.calls[0]
    assert "inked" in first[-1].content and "[S" in first[-1].content
    assert len(model.calls) == 3  # the reply that was not JSON was asked again
    # the judge's evidence: the claim's sentences, and the words the checker found
    last = report["claims"][2]
    assert last["evidence"] and [f["words"] for f in last["findings"]] == [["oil"], ["pipelines"]]
    assert last["problems"] == ["the judge model says its sentences contradict it (the "
                                "claim's words not in them: \"oil\", \"pipelines\")"]


def test_a_summary_without_reported_words_costs_no_judge_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = FakeLLM([])
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: model)
    code, report = run_json(capsys, SEED, write(tmp_path, GOOD), "--judge")
    assert code == 0 and model.calls == [] and report["ok"] is True


def test_a_judge_saying_its_sentences_do_not_state_a_claim_fails_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = FakeLLM([{"verdict": "supported"}, {"verdict": "not enough information"}])
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: model)
    code, report = run_json(capsys, SEED, write(tmp_path, REWORDED), "--judge")
    assert code == 1 and report["ok"] is False
    assert report["claims"][1]["problems"] == []
    assert report["claims"][2]["problems"] == [
        "the judge model says its sentences do not state it (the claim's words not in them: "
        '"oil", "pipelines")']
    model.replies = [{"verdict": "supported"}, {"verdict": "not enough information"}]
    assert cli(["check", SEED, write(tmp_path, REWORDED)]) == 0
    capsys.readouterr()
    assert cli(["check", SEED, write(tmp_path, REWORDED), "--judge"]) == 1
    shown = " ".join(capsys.readouterr().out.split())
    assert "Not supported by the source: - claim" in shown
    assert "not enough information (judge) (the judge model says its sentences do not" in shown
    assert "novel_word: oil" in shown  # the finding the judge was asked about, in the table


def test_judge_model_failure_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: FakeLLM([]))
    assert cli(["check", SEED, write(tmp_path, REWORDED), "--judge"]) == 1
    assert "no replies left" in one_line(capsys.readouterr().err)


def test_check_does_not_import_the_llm_stack(tmp_path: Path) -> None:
    summary = write(tmp_path, GOOD)
    code = ("import sys\nfrom summariser.cli import cli\n"
            f"rc = cli(['check', {SEED!r}, {summary!r}, '--format', 'json'])\n"
            "heavy = {'llama_cpp', 'langchain', 'langchain_core', 'langchain_openai', 'openai'}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy), file=sys.stderr)\n"
            "sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "[]"
