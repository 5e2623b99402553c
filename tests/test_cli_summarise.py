from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import summariser.llm
from summariser.cli import cli
from summariser.errors import ModelError
from tests.fake_llm import FakeLLM
from tests.replies import GOOD_004, SEED_004


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeLLM:
    model = FakeLLM([GOOD_004] * 4)
    monkeypatch.setattr(summariser.llm, "get_llm", lambda settings: model)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    return model


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_json_output_follows_the_contract(
    fake: FakeLLM, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["summarise", SEED_004, "--format", "json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("summary", "key_points", "claims", "figures", "validation", "prompt", "model"):
        assert key in data
    assert isinstance(data["validation"]["ok"], bool)
    assert all({"text", "status"} <= set(f) for f in data["validation"]["figures"])
    claim = data["claims"][0]
    assert claim["text"] and {"start", "end", "text"} <= set(claim["sentences"][0])
    assert {"name", "version", "hash"} <= set(data["prompt"])


def test_markdown_and_text_formats(fake: FakeLLM, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["summarise", SEED_004, "--format", "markdown", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Iran and Kazakhstan") and "| $237 million | supported |" in out
    assert cli(["summarise", SEED_004, "--no-cache"]) == 0
    assert "Figures the summary states, checked against the source" in capsys.readouterr().out


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02binary", "binary"),
    ("latin1.txt", "Caf\xe9 in Tehran.".encode("latin-1"), "UTF-8"),
])
def test_bad_files_give_one_line_and_exit_2(
    fake: FakeLLM, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, content: bytes, problem: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert cli(["summarise", str(path)]) == 2
    line = one_line(capsys.readouterr().err)
    assert name in line and problem.lower() in line.lower()


def test_missing_path_and_empty_directory(
    fake: FakeLLM, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(["summarise", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in one_line(capsys.readouterr().err)
    (tmp_path / "empty_dir").mkdir()
    assert cli(["summarise", str(tmp_path / "empty_dir")]) == 2
    assert "empty_dir" in one_line(capsys.readouterr().err)


def test_good_files_are_still_summarised_when_one_fails(
    fake: FakeLLM, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    assert cli(["summarise", str(bad), SEED_004, "--format", "json", "--no-cache"]) == 1
    captured = capsys.readouterr()
    results = json.loads(captured.out)
    assert len(results) == 1 and results[0]["source"]["path"].endswith("004_ca5b7a342c02b2f4.txt")
    assert "bad.txt" in one_line(captured.err)


def test_model_errors_are_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failing = FakeLLM([ModelError("the model endpoint answered 500 after 4 tries")])
    monkeypatch.setattr(summariser.llm, "get_llm", lambda s: failing)
    assert cli(["summarise", SEED_004, "--no-cache"]) == 1
    line = one_line(capsys.readouterr().err)
    assert "004_ca5b7a342c02b2f4.txt" in line and "answered 500" in line


def test_unusable_replies_give_a_marked_extractive_result_in_every_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(summariser.llm, "get_llm", lambda s: FakeLLM(["garbage"] * 9))
    paths = [SEED_004, "seeds/003_f9cfecde49302c1b.txt"]
    assert cli(["summarise", *paths, "--no-cache", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["source"]["path"] for d in data] == paths
    for result in data:
        assert result["mode"] == "extractive" and result["validation"]["ok"]
        assert any("schema" in w for w in result["warnings"])
        assert result["summary"] and result["key_points"] and result["article_figures"]
    assert cli(["summarise", SEED_004, "--no-cache", "--format", "markdown"]) == 0
    assert "**Extractive: no usable model reply" in capsys.readouterr().out
    assert cli(["summarise", SEED_004, "--no-cache"]) == 0
    assert "Extractive: no usable model reply" in " ".join(capsys.readouterr().out.split())


def test_help_does_not_import_the_llm_stack() -> None:
    code = ("import sys; from summariser.cli import cli; cli(['--help']) if False else None; "
            "from summariser.cli import build_parser; build_parser().format_help(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('llama_cpp', 'langchain_core', 'langchain_openai', 'openai')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unexpected_errors_are_one_line_unless_debugging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(settings: object) -> FakeLLM:
        raise RuntimeError("boom")

    monkeypatch.setattr(summariser.llm, "get_llm", broken)
    assert cli(["summarise", SEED_004, "--no-cache"]) == 1
    line = one_line(capsys.readouterr().err)
    assert "internal error" in line and "SUMMARISER_DEBUG=1" in line
    monkeypatch.setenv("SUMMARISER_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli(["summarise", SEED_004, "--no-cache"])
