"""The figure checker on public human-annotated data (CLIFF), when ../shared/external is there.
Guards the measured figures in the README against regressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report_data import load_module

external = load_module(Path(__file__).resolve().parent.parent / "benchmarks" / "external.py")
CLIFF_CSV, score_cliff = external.CLIFF_CSV, external.score_cliff


@pytest.mark.skipif(not CLIFF_CSV.exists(), reason=f"{CLIFF_CSV} is not present")
def test_cliff_figures_stay_at_their_measured_level() -> None:
    score = score_cliff()
    assert (score.correct, score.errors) == (102, 35)
    assert score.quiet >= 98, f"false alarms rose: {score.correct - score.quiet}"
    assert score.caught >= 31, f"caught fell: {score.caught} of {score.errors}"
