"""How the figure checker does on the human-annotated CLIFF validation set.

Reads ../shared/external/cliff-val.csv (relative to the repo root; never copied into the repo).
Of the summaries containing a digit, prints how many of those annotated correct have no figure
flagged (the rest are false alarms), and how many of those whose annotated error span contains
a digit have a flagged figure inside that span (caught).

    python benchmarks/cliff_figures.py [--show alarms|misses|all] [--csv PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from external import CLIFF_CSV, cliff_cases, score_cliff  # noqa: E402  (benchmarks/external.py)

SHOWN = {"alarms": ("false alarm",), "misses": ("missed", "missed-flagged"),
         "all": ("false alarm", "missed", "missed-flagged")}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--csv", type=Path, default=CLIFF_CSV)
    parser.add_argument("--show", choices=tuple(SHOWN), default=None)
    args = parser.parse_args()
    if args.show:
        for case in cliff_cases(args.csv):
            if case.kind in SHOWN[args.show]:
                print(f"--- {case.kind}: {case.summary[:300]}\n    spans: {case.spans}")
                for c in case.checks:
                    print(f"    {c.status:12} {c.text!r} {c.note}")
    started = time.perf_counter()
    s = score_cliff(args.csv)
    elapsed = time.perf_counter() - started
    print(f"correct summaries with a digit: {s.correct}; no figure flagged: {s.quiet} "
          f"({s.clean_rate:.0%}); false alarms: {s.correct - s.quiet}")
    print(f"summaries with an error span containing a digit: {s.errors}; a flagged figure "
          f"in the span: {s.caught} ({s.catch_rate:.0%}); any figure flagged: {s.any_flagged}")
    print(f"{s.correct + s.errors} summaries checked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
