"""Lint and type checks run with the tests, so CI fails on either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff() -> None:
    out = run("ruff", "check", "summariser", "tests", "benchmarks")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy() -> None:
    out = run("mypy", "summariser")
    assert out.returncode == 0, out.stdout + out.stderr
