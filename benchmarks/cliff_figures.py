"""How the figure checker does on the human-annotated CLIFF validation set.

Reads ../shared/external/cliff-val.csv (relative to the repo root; never copied into the repo).
Of the summaries containing a digit, prints how many of those annotated correct have no figure
flagged (the rest are false alarms), and how many of those whose annotated error span contains
a digit have a flagged figure inside that span (caught).

    python benchmarks/cliff_figures.py [--show] [--csv PATH]
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.articles import article_from_text  # noqa: E402
from summariser.validation.figures import check_figures  # noqa: E402
from summariser.validation.models import FigureCheck  # noqa: E402

OK = ("supported", "derived")


def _spans(row: dict[str, str]) -> list[str]:
    try:
        spans = ast.literal_eval(row["annotated_span"] or "[]")
    except (ValueError, SyntaxError):
        return []
    return [s for s in spans if isinstance(s, str)]


def _flagged(checks: list[FigureCheck]) -> list[FigureCheck]:
    return [c for c in checks if c.status not in OK]


def _show(label: str, row: dict[str, str], checks: list[FigureCheck]) -> None:
    print(f"--- {label}: {row['summ'][:300]}")
    print(f"    spans: {_spans(row)}")
    for c in checks:
        print(f"    {c.status:12} {c.text!r} {c.note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csv", default=str(ROOT.parent / "shared/external/cliff-val.csv"))
    parser.add_argument("--show", choices=("alarms", "misses", "all"), default=None)
    args = parser.parse_args()
    with open(args.csv, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if re.search(r"\d", r["summ"])]
    correct = [r for r in rows if r["error_type"] == "correct"]
    errors = [r for r in rows if r["error_type"] != "correct"
              and any(re.search(r"\d", s) for s in _spans(r))]
    quiet = caught = any_flag = 0
    started = time.perf_counter()
    for row in correct:
        checks = check_figures(article_from_text(row["doc"]), row["summ"])
        quiet += not _flagged(checks)
        if args.show in ("alarms", "all") and _flagged(checks):
            _show("false alarm", row, checks)
    for row in errors:
        checks = check_figures(article_from_text(row["doc"]), row["summ"])
        flagged = _flagged(checks)
        any_flag += bool(flagged)
        hit = any(c.text in s or s in c.text for c in flagged for s in _spans(row))
        caught += hit
        if args.show in ("misses", "all") and not hit:
            _show("missed", row, checks)
    elapsed = time.perf_counter() - started
    print(f"correct summaries with a digit: {len(correct)}; no figure flagged: {quiet} "
          f"({quiet / len(correct):.0%}); false alarms: {len(correct) - quiet}")
    print(f"summaries with an error span containing a digit: {len(errors)}; a flagged figure "
          f"in the span: {caught} ({caught / len(errors):.0%}); any figure flagged: {any_flag}")
    print(f"{len(correct) + len(errors)} summaries checked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
