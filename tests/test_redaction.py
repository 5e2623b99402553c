"""Issue 14: one redaction for everything a user or a file sees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summariser.cli import cli
from summariser.redaction import add_secret, redact
from tests.openai_server import FakeOpenAIServer, completion
from tests.replies import GOOD_004, SEED_004

KEY = "sk-test-SECRET"
OK = (200, {}, completion(json.dumps(GOOD_004)))


@pytest.mark.parametrize(("text", "secret"), [
    ("http://alice:hunter2pass@host:8000/v1", "hunter2pass"),
    ("http://onlytoken1234@host/v1", "onlytoken1234"),
    ("https://h/v1?api-key=QSECRET1&model=x", "QSECRET1"),
    ("https://h/v1?model=x&access_token=QSECRET2", "QSECRET2"),
    ("https://bucket/x?X-Amz-Signature=QSECRET3&X-Amz-Date=1", "QSECRET3"),
    ("error: {'authorization': 'Bearer echoedtoken99'}", "echoedtoken99"),
    ("Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
    ('{"headers": {"api-key": "azurekey777"}}', "azurekey777"),
    ("your key sk-abcdefghijklmnopqrstuvwx is wrong", "sk-abcdefghijklmnopqrstuvwx"),
])
def test_credentials_are_redacted_wherever_they_appear(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out and "[redacted]" in out


def test_registered_keys_and_the_environment_key_are_redacted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "env-key-123456")
    add_secret("held-key-654321")
    assert redact("a env-key-123456 b held-key-654321 c") == "a [redacted] b [redacted] c"
    assert redact("http://example.com/v1?model=gpt") == "http://example.com/v1?model=gpt"


def echoing(status: int) -> tuple[int, dict[str, str], dict[str, object]]:
    """An endpoint error that echoes the request's Authorization header back."""
    return (status, {}, {"error": {"message": f"bad request; headers were "
                                              f"{{'Authorization': 'Bearer {KEY}'}}"}})


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    return tmp_path


def test_an_echoed_authorization_header_never_reaches_the_terminal(
        env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with FakeOpenAIServer([echoing(400), echoing(400)]) as server:
        assert cli(["summarise", SEED_004, "--model", "m", "--base-url", server.url]) == 1
        err = capsys.readouterr().err
        out = env / "out"
        assert cli(["batch", SEED_004, "--out", str(out), "--model", "m",
                    "--base-url", server.url]) == 1
        err += capsys.readouterr().err
    assert "answered 400" in err and KEY not in err and "[redacted]" in err
    assert KEY not in "".join(p.read_text() for p in out.iterdir() if p.is_file())


def test_a_key_in_the_base_url_is_never_shown_nor_cached(
        env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FakeOpenAIServer([OK]) as server:
        url = server.url.replace("http://", "http://user:URLKEY42@")
        assert cli(["summarise", SEED_004, "--format", "json", "--model", "m",
                    "--base-url", url]) == 0
    out = capsys.readouterr().out
    assert "URLKEY42" not in out
    assert json.loads(out)["model"]["params"]["base_url"].startswith("http://[redacted]@")
    cached = b"".join(p.read_bytes() for p in (env / "cache").rglob("*") if p.is_file())
    assert cached and b"URLKEY42" not in cached
    dead = "http://user:URLKEY42@127.0.0.1:9/v1"  # nothing listens on port 9
    assert cli(["summarise", SEED_004, "--model", "m", "--base-url", dead, "--retries", "0",
                "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "cannot connect" in err and "URLKEY42" not in err


def test_a_credential_in_the_query_string_stays_out_of_manifest_and_reports(
        env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = env / "in"
    folder.mkdir()
    shutil.copy(SEED_004, folder / "a.txt")
    out = env / "out"
    with FakeOpenAIServer([OK] * 4) as server:
        url = server.url + "?api-key=QUERYKEY77"
        cli(["batch", str(folder), "--out", str(out), "--model", "m", "--base-url", url])
    shown = capsys.readouterr()
    written = "".join(p.read_text() for p in out.iterdir() if p.is_file())
    assert "results.jsonl" in {p.name for p in out.iterdir()}
    assert "QUERYKEY77" not in written + shown.out + shown.err
    assert "api-key=[redacted]" in (out / "manifest.json").read_text()
