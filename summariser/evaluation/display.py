"""Tables for `summariser eval`: scores per article and overall for the model and the baselines,
and a side-by-side with a baseline run."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from summariser.evaluation.compare import Comparison, Delta
from summariser.evaluation.news import NewsRun
from summariser.evaluation.runs import MODEL_SYSTEM, Run
from summariser.evaluation.scores import Scores

_RATES = (("Fig F1", "figures.f1"), ("Names F1", "names.f1"), ("Cover", "coverage"),
          ("Judge", "judge_coverage"), ("R-1", "rouge1"), ("R-2", "rouge2"), ("R-L", "rougeL"),
          ("Faithful", "faithfulness"))


def _value(scores: Scores, key: str) -> float | None:
    head, _, tail = key.partition(".")
    value = getattr(scores, head)
    result: float | None = getattr(value, tail) if tail else value
    return result


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _row(label: str, system: str, scores: Scores, judge: bool) -> list[str]:
    rates = [_rate(_value(scores, key)) for name, key in _RATES if judge or name != "Judge"]
    leaks = f"[red]{scores.leaks}[/]" if scores.leaks else "0"
    return [label, system, *rates, leaks]


def scores_table(run: Run) -> Table:
    judge = bool(run.parameters.get("judge"))
    model = run.model.name if run.model else MODEL_SYSTEM
    table = Table(title=f"summariser eval: {model} on {len(run.gold.articles)} gold articles "
                  f"(gold {run.gold.hash})", title_justify="left")
    for name in ["Article", "System", *(n for n, _ in _RATES if judge or n != "Judge"),
                 "Leaks"]:
        table.add_column(name, justify="left" if name in ("Article", "System") else "right")
    for article in run.gold.articles:
        for system, result in run.systems.items():
            label = article[:3] if system == MODEL_SYSTEM else ""
            table.add_row(*_row(label, system, result.articles[article], judge))
        table.add_section()
    for system, result in run.systems.items():
        label = "overall" if system == MODEL_SYSTEM else ""
        table.add_row(*_row(label, system, result.overall, judge), style="bold")
    return table


def _cost_row(label: str, scores: Scores) -> list[str]:
    if scores.error and not scores.calls:
        return [label, "failed", "", "", ""]
    calls = f"{scores.calls} (cached)" if scores.cached else str(scores.calls)
    return [label, calls, str(scores.prompt_tokens), str(scores.completion_tokens),
            f"{scores.seconds:.1f}"]


def cost_table(run: Run) -> Table | None:
    """The model's cost per article: the baselines cost nothing."""
    model = run.systems.get(MODEL_SYSTEM)
    if model is None:
        return None
    table = Table(title="Model cost (overall: totals; seconds: mean per article)",
                  title_justify="left")
    for name in ("Article", "Calls", "Prompt tokens", "Generated tokens", "Seconds"):
        table.add_column(name, justify="left" if name == "Article" else "right")
    for article in run.gold.articles:
        table.add_row(*_cost_row(article[:3], model.articles[article]))
    table.add_row(*_cost_row("overall", model.overall), style="bold")
    return table


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) < 5e-4:
        return "0"
    return f"{value:+.0f}" if value == int(value) else f"{value:+.3f}"


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if value == int(value) else f"{value:.3f}"


def _mark(delta: Delta) -> str:
    if delta.regression:
        return "[bold red]REGRESSION[/]"
    if delta.delta is None or delta.higher_is_better is None or abs(delta.delta) < 5e-4:
        return ""
    better = (delta.delta > 0) == delta.higher_is_better
    return "[green]better[/]" if better else "[yellow]worse[/]"


def comparison_table(comparison: Comparison) -> Table:
    table = Table(title=f"Compared with {comparison.baseline} (a drop over "
                  f"{comparison.threshold:g} fails)", title_justify="left")
    for name in ("System", "Metric", "Baseline", "Now", "Δ", ""):
        table.add_column(name, justify="left" if name in ("System", "Metric", "") else "right")
    for d in comparison.deltas:
        if d.baseline is None and d.current is None:
            continue  # e.g. judge coverage when neither run used --judge
        if d.system not in (MODEL_SYSTEM, "checker") and not d.delta:
            continue  # unchanged baseline rows say nothing
        table.add_row(d.system, d.metric, _number(d.baseline), _number(d.current),
                      _signed(d.delta), _mark(d))
    return table


def _rouge(values: dict[str, float]) -> str:
    return " / ".join(_rate(values.get(k)) for k in ("rouge1", "rouge2", "rougeL")) or "–"


def news_table(news: NewsRun) -> Table:
    o = news.overall
    table = Table(title=f"News it was not written for: {o.documents} documents of {news.source} "
                  "(development figures)", title_justify="left")
    for name in ("Document", "Mode", "Model R-1/2/L", "Lead-3 R-1/2/L", "Ref. numbers stated",
                 "Flagged", "Calls", "Gen. tokens", "Seconds"):
        table.add_column(name, justify="left" if name in ("Document", "Mode") else "right")
    for doc, s in news.articles.items():
        mode = "failed" if s.error else s.mode + (" (cached)" if s.cached else "")
        table.add_row(doc, mode, _rouge(s.rouge), _rouge(s.lead3_rouge),
                      f"{s.numbers_stated}/{s.reference_numbers}", str(len(s.flagged)),
                      str(s.calls), str(s.completion_tokens), f"{s.seconds:.1f}")
    table.add_section()
    table.add_row("overall", f"{o.failed} failed, {o.extractive} extractive", _rouge(o.rouge),
                  _rouge(o.lead3_rouge), _rate(o.numbers_share), str(o.flagged),
                  f"{o.calls_per_article:.2f}/article", f"median {o.median_generated_tokens:.0f}",
                  f"median {o.median_seconds:.1f}", style="bold")
    return table


def print_run(run: Run, console: Console, saved: str | None) -> None:
    console.print(scores_table(run))
    costs = cost_table(run)
    if costs is not None:
        console.print(costs)
    if run.news is not None:
        console.print(news_table(run.news))
    if run.labelled:
        console.print(f"Checker on {run.labelled.get('corrupted')} corrupted and "
                      f"{run.labelled.get('faithful')} faithful labelled summaries: catch rate "
                      f"{_rate(run.labelled.get('catch_rate'))}, false-alarm rate "
                      f"{_rate(run.labelled.get('false_alarm_rate'))}")
    model = run.systems.get(MODEL_SYSTEM)
    if model and model.overall.cached and not model.overall.error:
        console.print("Model outputs: all cached (0 model calls).")
    for note in run.notes:
        console.print(f"[yellow]note:[/] {note}")
    if saved:
        console.print(f"Saved {saved}")


def print_comparison(comparison: Comparison, console: Console) -> None:
    console.print(comparison_table(comparison))
    for note in comparison.notes:
        console.print(f"[yellow]note:[/] {note}")
    bad = comparison.regressions
    if bad:
        names = ", ".join(f"{d.system} {d.metric} ({_signed(d.delta)})" for d in bad)
        console.print(f"[bold red]Regression:[/] {names}")
    else:
        console.print("[green]No metric dropped by more than the threshold.[/]")
