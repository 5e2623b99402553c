"""benchmarks/judge_external.py scores the checker, the judge and `check --judge` (the product's
own judge_report) from kept replies: a fake model stands in for the judge (no model, no
external data)."""

from __future__ import annotations

from pathlib import Path

from tests.fake_llm import FakeLLM
from tests.report_data import load_module

bench = load_module(Path(__file__).resolve().parent.parent / "benchmarks" / "judge_external.py")

DOC = ("The council approved the new library on Monday. It will cost $4 million and open in "
       "2025. The mayor said the vote was close.")
# each with a word none of its sentences uses (the checker reports it, fails nothing)
ROWS = [("news-dev", DOC, bench.ext.Row(0, "The council gladly approved the new library.", True)),
        ("news-dev", DOC, bench.ext.Row(0, "The council approved the library on a rainy Monday.",
                                        False)),
        ("news-held", DOC, bench.ext.Row(7, "The library will cost $4 million, paid by a bank.",
                                         False))]
PLAIN = [("news-dev", DOC, bench.ext.Row(0, "The council approved the new library.", True)),
         ("news-dev", DOC, bench.ext.Row(0, "The council rejected the new library.", False))]


def test_replies_are_scored_per_set_and_kept_for_the_next_run(tmp_path: Path) -> None:
    kept = tmp_path / "replies.jsonl"
    model = FakeLLM([{"verdict": "supported"}, {"verdict": "contradicted"},
                     {"verdict": "not enough information"}])
    llm = bench.KeptReplies(model, kept)
    results, claims = bench._judge_all(ROWS, llm, "judge")
    assert [(r.set, r.judge, r.unsure, r.judged) for r in results] == [
        ("news-dev", False, False, False), ("news-dev", True, False, True),
        ("news-held", False, True, True)]
    assert claims == 3 and llm.tally["calls"] == 3
    line = bench._line("news-dev", results[:2], "judge contradicted")
    assert "caught   1/1   false alarms   0/1" in line

    again, _ = bench._judge_all(ROWS, bench.KeptReplies(FakeLLM([]), kept, True), "judge")
    assert again == results


def test_cached_only_skips_rows_whose_replies_are_not_kept(tmp_path: Path) -> None:
    llm = bench.KeptReplies(FakeLLM([]), tmp_path / "none.jsonl", read_only=True)
    results, claims = bench._judge_all(ROWS, llm, "judge")
    assert results == [] and claims == 0


def test_only_claims_with_reported_words_are_judged_unless_every_claim(tmp_path: Path) -> None:
    """The claims of PLAIN have no such word, and the second one the checker fails itself."""
    model = FakeLLM([])
    results, claims = bench._judge_all(PLAIN, bench.KeptReplies(model, tmp_path / "a.jsonl"),
                                       "judge")
    assert model.calls == [] and claims == 0
    assert [(r.rules, r.judged) for r in results] == [(False, False), (True, True)]
    model = FakeLLM([{"verdict": "supported"}, {"verdict": "supported"}])
    llm = bench.KeptReplies(model, tmp_path / "b.jsonl")
    results, claims = bench._judge_all(PLAIN, llm, "judge", every_claim=True)
    assert claims == 2 and len(model.calls) == 2
