"""Issue 14: `check` never passes what it could not check."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from summariser.cli import cli
from summariser.validation import check
from tests.test_check_cli import BAD, GOOD, SEED, one_line, write


def test_empty_standard_input_is_unusable_input(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert cli(["check", SEED, "-"]) == 2
    assert "standard input: the summary is empty" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize("text", ['{"foo": 1}', "[1, 2]", "[]", '["a", "b"]',
                                  f"[{json.dumps({'text': GOOD})}, {json.dumps({'text': BAD})}]",
                                  '{"text": "", "claims": []}'])
def test_json_of_an_unknown_shape_is_one_line_and_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert cli(["check", SEED, write(tmp_path, text, "s.json")]) == 2
    assert "s.json: the JSON" in one_line(capsys.readouterr().err)


def test_a_json_array_of_one_summary_is_that_summary(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", SEED, write(tmp_path, json.dumps([{"text": BAD}]), "s.json")]) == 1
    assert "$273 million" in capsys.readouterr().out
    assert cli(["check", SEED, write(tmp_path, json.dumps([{"text": GOOD}]), "s.json")]) == 0


def test_text_that_only_starts_with_a_bracket_is_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", SEED, write(tmp_path, "[Update] " + BAD)]) == 1
    assert "$273 million" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["ok", "...", "- \n- \n* * *"])
def test_a_summary_with_nothing_checkable_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    assert cli(["check", SEED, write(tmp_path, text), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and "nothing in the summary could be checked" in \
        report["notes"][0]
    assert cli(["check", SEED, write(tmp_path, text)]) == 1
    shown = capsys.readouterr().out
    assert "Everything checked is supported" not in shown and "nothing in the summary" in shown


def test_an_unrelated_plain_summary_fails(tmp_path: Path) -> None:
    report = check(SEED, "Delicious pastries charmed every guest at the bakery festival.")
    assert not report.ok and report.claims[0].status == "unsupported"
    assert not check(SEED, "").ok
