"""benchmarks/judge_external.py scores the checker, the judge and both from kept verdicts: a fake
model stands in for the judge (no model, no external data)."""

from __future__ import annotations

from pathlib import Path

from tests.fake_llm import FakeLLM
from tests.report_data import load_module

bench = load_module(Path(__file__).resolve().parent.parent / "benchmarks" / "judge_external.py")

DOC = ("The council approved the new library on Monday. It will cost $4 million and open in "
       "2025. The mayor said the vote was close.")
ROWS = [("news-dev", DOC, bench.ext.Row(0, "The council approved the new library.", True)),
        ("news-dev", DOC, bench.ext.Row(0, "The council rejected the new library.", False)),
        ("news-held", DOC, bench.ext.Row(7, "The library will cost $4 million.", False))]


def test_verdicts_are_scored_per_half_and_kept_for_the_next_run(tmp_path: Path) -> None:
    cache = tmp_path / "verdicts.jsonl"
    model = FakeLLM([{"verdict": "supported"}, {"verdict": "contradicted"},
                     {"verdict": "not enough information"}])
    results, tally = bench._judge_all(ROWS, model, bench.VerdictCache(cache), "judge")
    assert [(r.set, r.judge, r.unsure) for r in results] == [
        ("news-dev", False, False), ("news-dev", True, False), ("news-held", False, True)]
    assert tally["claims"] == 3 and tally["calls"] == 3
    line = bench._line("news-dev", results[:2], "judge contradicted")
    assert "caught   1/1   false alarms   0/1" in line

    again, _ = bench._judge_all(ROWS, FakeLLM([]), bench.VerdictCache(cache, True), "judge")
    assert [(r.judge, r.unsure) for r in again] == [(r.judge, r.unsure) for r in results]


def test_cached_only_skips_rows_whose_claims_have_no_verdict(tmp_path: Path) -> None:
    cache = bench.VerdictCache(tmp_path / "none.jsonl", read_only=True)
    results, tally = bench._judge_all(ROWS, FakeLLM([]), cache, "judge")
    assert results == [] and tally["claims"] == 0
