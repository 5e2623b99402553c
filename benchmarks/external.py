"""The figure checker on public, human-annotated data (a benchmark reader, kept out of the
package): the CLIFF annotations of XSum and CNN/DailyMail summaries
(../shared/external/cliff-val.csv beside the repository, never copied in).

Benchmark scripts import it as `external` (their folder is first on sys.path); tests load it by
path with tests.report_data.load_module (a PyPI package named `benchmarks` can shadow the folder).

Of the summaries that contain a digit: those annotated correct should have no figure flagged
(else a false alarm); those whose annotated error span contains a digit should have a flagged
figure inside that span (caught)."""

from __future__ import annotations

import ast
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from summariser.articles.build import article_from_text
from summariser.validation.figures import check_figures
from summariser.validation.models import FigureCheck

CLIFF_CSV = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "cliff-val.csv"
_OK = ("supported", "derived")


class CliffCase(BaseModel):
    kind: str  # "false alarm", "quiet", "caught", "missed"
    summary: str
    spans: list[str]
    checks: list[FigureCheck]


class CliffScore(BaseModel):
    correct: int = 0
    quiet: int = 0
    errors: int = 0
    caught: int = 0
    any_flagged: int = 0

    @property
    def clean_rate(self) -> float:
        return self.quiet / self.correct if self.correct else 1.0

    @property
    def catch_rate(self) -> float:
        return self.caught / self.errors if self.errors else 1.0


def annotated_spans(row: dict[str, str]) -> list[str]:
    try:
        spans = ast.literal_eval(row["annotated_span"] or "[]")
    except (ValueError, SyntaxError):
        return []
    return [s for s in spans if isinstance(s, str)]


def flagged(checks: list[FigureCheck]) -> list[FigureCheck]:
    return [c for c in checks if c.status not in _OK]


def cliff_cases(path: Path = CLIFF_CSV) -> Iterator[CliffCase]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if re.search(r"\d", r["summ"])]
    for row in rows:
        spans = annotated_spans(row)
        if row["error_type"] != "correct" and not any(re.search(r"\d", s) for s in spans):
            continue
        checks = check_figures(article_from_text(row["doc"]), row["summ"])
        bad = flagged(checks)
        if row["error_type"] == "correct":
            kind = "false alarm" if bad else "quiet"
        else:
            hit = any(c.text in s or s in c.text for c in bad for s in spans)
            kind = "caught" if hit else ("missed-flagged" if bad else "missed")
        yield CliffCase(kind=kind, summary=row["summ"], spans=spans, checks=checks)


def score_cliff(path: Path = CLIFF_CSV) -> CliffScore:
    score = CliffScore()
    for case in cliff_cases(path):
        if case.kind in ("quiet", "false alarm"):
            score.correct += 1
            score.quiet += case.kind == "quiet"
        else:
            score.errors += 1
            score.caught += case.kind == "caught"
            score.any_flagged += case.kind in ("caught", "missed-flagged")
    return score
