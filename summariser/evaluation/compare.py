"""Comparing a run with a baseline run: deltas of every overall metric, and the regressions (a
metric worse by more than the threshold) that make `summariser eval --baseline` exit 1.

Only the model's scores and the checker's labelled-sentence rates gate: the lead-3 and
extractive baselines are references, and they only move when the metrics themselves change."""

from __future__ import annotations

from pydantic import BaseModel, Field

from summariser.evaluation.runs import MODEL_SYSTEM, Run
from summariser.evaluation.scores import COST, METRICS, flat

DEFAULT_THRESHOLD = 0.05
# name in Run.labelled -> higher is better
LABELLED_METRICS = {"catch_rate": True, "false_alarm_rate": False}


class Delta(BaseModel):
    system: str
    metric: str
    baseline: float | None
    current: float | None
    delta: float | None
    higher_is_better: bool | None = Field(description="None: a cost, shown but never gating")
    regression: bool = False


class Comparison(BaseModel):
    baseline: str
    threshold: float
    deltas: list[Delta]
    notes: list[str] = Field(default_factory=list)

    @property
    def regressions(self) -> list[Delta]:
        return [d for d in self.deltas if d.regression]


def _delta(system: str, metric: str, old: float | None, new: float | None,
           higher: bool | None, threshold: float, gate: bool) -> Delta:
    change = None if old is None or new is None else round(new - old, 4)
    worse = change is not None and higher is not None and (
        -change if higher else change) > threshold + 1e-9
    return Delta(system=system, metric=metric, baseline=old, current=new, delta=change,
                 higher_is_better=higher, regression=gate and worse)


def compare(current: Run, baseline: Run, baseline_path: str,
            threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    deltas: list[Delta] = []
    for system, now in current.systems.items():
        before = baseline.systems.get(system)
        if before is None:
            continue
        old, new = flat(before.overall), flat(now.overall)
        gate = system == MODEL_SYSTEM
        deltas += [_delta(system, m, old[m], new[m], METRICS[m], threshold, gate)
                   for m in METRICS]
        deltas += [_delta(system, m, old[m], new[m], None, threshold, False) for m in COST]
    deltas += _labelled_deltas(current, baseline, threshold)
    return Comparison(baseline=baseline_path, threshold=threshold, deltas=deltas,
                      notes=_notes(current, baseline))


def _labelled_deltas(current: Run, baseline: Run, threshold: float) -> list[Delta]:
    if not current.labelled or not baseline.labelled:
        return []
    out = []
    for metric, higher in LABELLED_METRICS.items():
        old, new = baseline.labelled.get(metric), current.labelled.get(metric)
        if isinstance(old, int | float) and isinstance(new, int | float):
            out.append(_delta("checker", metric, float(old), float(new), higher, threshold,
                              True))
    return out


def _notes(current: Run, baseline: Run) -> list[str]:
    notes = []
    if current.gold.hash != baseline.gold.hash:
        notes.append(f"the gold set differs from the baseline's ({baseline.gold.hash} -> "
                     f"{current.gold.hash}): deltas compare different references")
    if MODEL_SYSTEM not in baseline.systems or MODEL_SYSTEM not in current.systems:
        notes.append("one of the runs has no model scores: nothing gates")
    old_model = baseline.model.name if baseline.model else None
    new_model = current.model.name if current.model else None
    if old_model != new_model:
        notes.append(f"different models: {old_model} (baseline) and {new_model}")
    return notes
