"""Scoring the checker on labelled summaries: hand-written one-sentence summaries of the seed
articles (evals/labelled/sentences.jsonl, faithful ones and ones with one planted error each)
and real outputs of a very small model labelled by hand (evals/labelled/smollm2.jsonl).

The catch rate is the share of corrupted summaries the checker fails (ok=False); the false-alarm
rate is the share of faithful ones it fails. Both per group, and the catch rate per kind of
corruption."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from summariser.errors import InputError

LABELLED_FILES = {"hand": "sentences.jsonl", "smollm2": "smollm2.jsonl"}


class LabelledCase(BaseModel):
    article: str = Field(description="seed file name without .txt, e.g. 004_ca5b7a342c02b2f4")
    summary: str
    label: Literal["faithful", "corrupted"]
    corruption: str | None = None
    note: str = ""
    notes: str = ""
    errors: list[str] = Field(default_factory=list, description="each error, for model outputs")
    group: str = "hand"


class CaseResult(BaseModel):
    article: str
    summary: str
    label: str
    corruption: str | None
    ok: bool
    problems: list[str]

    @property
    def correct(self) -> bool:
        return self.ok == (self.label == "faithful")


class Rate(BaseModel):
    caught: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.caught / self.total if self.total else 0.0


class GroupScore(BaseModel):
    group: str
    corrupted: int
    caught: int
    faithful: int
    false_alarms: int
    catch_rate: float
    false_alarm_rate: float
    by_corruption: dict[str, Rate]
    misses: list[CaseResult] = Field(description="corrupted summaries the checker passed")
    alarms: list[CaseResult] = Field(description="faithful summaries the checker failed")


class LabelledScore(BaseModel):
    groups: list[GroupScore]
    seconds: float = 0.0


def load_labelled(path: str | Path, group: str | None = None) -> list[LabelledCase]:
    """Read a .jsonl file of labelled summaries; a bad line is an InputError naming the file
    and the line number. Lines without a label are left out (not yet labelled)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the labelled set ({exc})", str(path)) from exc
    cases = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
            if "label" not in row and "summary" in row:
                continue
            if group is not None:
                row["group"] = group
            cases.append(LabelledCase.model_validate(row))
        except (ValueError, ValidationError) as exc:
            first = exc.errors()[0] if isinstance(exc, ValidationError) else None
            why = (f"{'.'.join(map(str, first['loc']))}: {first['msg']}" if first
                   else str(exc))
            raise InputError(f"line {number}: {why}", str(path)) from None
    return cases


def default_cases(directory: str | Path) -> list[LabelledCase]:
    directory = Path(directory)
    cases: list[LabelledCase] = []
    for group, name in LABELLED_FILES.items():
        if (directory / name).exists():
            cases += load_labelled(directory / name, group)
    return cases


def run_case(case: LabelledCase, seeds: Path) -> CaseResult:
    from summariser.validation.checker import check

    path = seeds / f"{case.article}.txt"
    if not path.exists():
        raise InputError(f"no seed article {case.article!r}", str(seeds))
    report = check(path, case.summary)
    return CaseResult(article=case.article, summary=case.summary, label=case.label,
                      corruption=case.corruption, ok=report.ok, problems=report.problems())


def _group(name: str, results: list[CaseResult]) -> GroupScore:
    bad = [r for r in results if r.label == "corrupted"]
    good = [r for r in results if r.label == "faithful"]
    by: dict[str, Rate] = {}
    for r in bad:
        rate = by.setdefault(r.corruption or "unspecified", Rate())
        rate.total += 1
        rate.caught += not r.ok
    caught = sum(not r.ok for r in bad)
    alarms = [r for r in good if not r.ok]
    return GroupScore(
        group=name, corrupted=len(bad), caught=caught, faithful=len(good),
        false_alarms=len(alarms), catch_rate=caught / len(bad) if bad else 0.0,
        false_alarm_rate=len(alarms) / len(good) if good else 0.0,
        by_corruption=dict(sorted(by.items())), misses=[r for r in bad if r.ok], alarms=alarms)


def score_labelled(cases: Iterable[LabelledCase], seeds: str | Path) -> LabelledScore:
    """Run the checker on every case and score it, per group."""
    import time

    started = time.perf_counter()
    seeds = Path(seeds)
    results: dict[str, list[CaseResult]] = {}
    for case in cases:
        results.setdefault(case.group, []).append(run_case(case, seeds))
    groups = [_group(name, rs) for name, rs in results.items()]
    return LabelledScore(groups=groups, seconds=round(time.perf_counter() - started, 3))
