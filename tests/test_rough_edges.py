"""Issue 14, rough edges: each is one clear line, not a traceback, a wrong reason or silence."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from summariser.articles.load import find_articles, load_article
from summariser.cli import cli
from tests.replies import SEED_004
from tests.test_batch import SentenceLLM
from tests.test_cli_summarise import one_line

as_root = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    text = Path(SEED_004).read_text(encoding="utf-8")
    path = tmp_path / "wide.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + text.encode(codec))
    assert load_article(path).sha256 == load_article(SEED_004).sha256


def test_utf16_summary_is_checked(tmp_path: Path) -> None:
    summary = tmp_path / "s.txt"
    summary.write_bytes("Trade fell to $273 million in 2020.".encode("utf-16"))
    assert cli(["check", SEED_004, str(summary)]) == 1


def test_a_symlink_loop_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert cli(["check", str(loop), SEED_004]) == 2
    assert "loop.txt: a loop of symbolic links" in one_line(capsys.readouterr().err)
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(SEED_004, folder / "a.txt")
    (folder / "back").symlink_to(folder)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    files, errors = find_articles([str(folder), str(loop)])
    assert files == [folder / "a.txt"]
    why = {Path(e.path or "").name: str(e) for e in errors}
    assert "a loop of symbolic links" in why["back"] and "a loop" in why["self.txt"]
    assert "a loop of symbolic links" in why["loop.txt"]


@pytest.mark.skipif(as_root, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEED_004, folder / "a.txt")
    shutil.copy(SEED_004, folder / "locked" / "b.txt")
    os.chmod(folder / "locked", 0)
    try:
        files, errors = find_articles([str(folder)])
    finally:
        os.chmod(folder / "locked", 0o755)
    assert files == [folder / "a.txt"]
    assert len(errors) == 1 and "locked: this folder cannot be read" in str(errors[0])


def test_an_unreadable_subfolder_is_reported_even_as_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEED_004, folder / "a.txt")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = find_articles([str(folder)])
    assert files == [folder / "a.txt"]
    assert [str(e) for e in errors] == [
        f"{folder / 'locked'}: this folder cannot be read (Permission denied); its articles "
        "were left out"]


def test_an_unwritable_cache_directory_is_one_line_with_a_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    model = SentenceLLM()
    monkeypatch.setattr("summariser.llm.get_llm", lambda settings: model)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(blocker / "cache"))
    assert cli(["summarise", SEED_004]) == 2
    line = one_line(capsys.readouterr().err)
    assert "the cache directory" in line and "--no-cache" in line
    assert "internal error" not in line and model.calls == 0
