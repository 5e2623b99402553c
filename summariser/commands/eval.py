"""`summariser eval`: score the model and two no-model baselines on the gold set, save the run,
and compare it with a baseline run (exit 1 on a drop bigger than --threshold: a CI gate)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from summariser.commands.options import add_model_options, settings_from_args


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval", help="score the model and baselines on the gold set (evals/gold)",
        description="Summarise every gold article, score the output and two baselines "
                    "(lead-3, extractive) on figures, names, key facts, ROUGE, faithfulness, "
                    "page-furniture leaks and cost, save the run as JSON, and compare it with "
                    "a baseline run.")
    p.add_argument("--gold", default="evals/gold", metavar="DIR",
                   help="gold set directory (default: evals/gold)")
    p.add_argument("--articles", type=Path, default=None, metavar="DIR",
                   help="where the gold set's articles are (default: seeds/ beside evals/)")
    p.add_argument("--out", default=None, metavar="PATH",
                   help="run file to write (default: evals/runs/<model>-<UTC time>.json)")
    p.add_argument("--baseline", default=None, metavar="RUN",
                   help="an earlier run file: show deltas, exit 1 if a metric drops")
    p.add_argument("--threshold", type=float, default=None,
                   help="largest allowed drop of a metric against --baseline (default 0.05)")
    p.add_argument("--judge", action="store_true",
                   help="also ask the model which key facts each output states")
    p.add_argument("--coverage-threshold", type=float, default=None,
                   help="share of a key fact's content words an output must have (default 0.5)")
    p.add_argument("--news", type=Path, default=None, metavar="JSON",
                   help="the news set: SummEdits rows with doc and original_summary (default: "
                        "../shared/external/summedits/summedits_news_dev.json, skipped when "
                        "absent)")
    p.add_argument("--no-news", action="store_true", help="do not score the news set")
    p.add_argument("--format", choices=["table", "json"], default="table",
                   help="table (rich, default) or json (the run, and the comparison)")
    add_model_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from summariser.evaluation.compare import DEFAULT_THRESHOLD, compare
    from summariser.evaluation.gold import load_gold_set
    from summariser.evaluation.runs import default_out, load_run, save_run

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    _check_numbers(threshold, args.coverage_threshold)
    gold = load_gold_set(args.gold, args.articles)
    previous = load_run(args.baseline) if args.baseline else None  # fail before any model call
    result = _evaluate(args, gold)
    model_name = result.model.name if result.model else "model"
    saved = save_run(result, args.out or default_out(args.gold, model_name))
    comparison = compare(result, previous, args.baseline, threshold) if previous else None
    _show(args.format, result, comparison, str(saved))
    failed = any(s.error for s in result.systems["model"].articles.values())
    failed = failed or bool(result.news and result.news.overall.failed)
    return 1 if failed or (comparison and comparison.regressions) else 0


def _check_numbers(threshold: float, coverage: float | None) -> None:
    from summariser.errors import InputError

    if threshold < 0:
        raise InputError("--threshold must be 0 or more")
    if coverage is not None and not 0 <= coverage <= 1:
        raise InputError("--coverage-threshold must be between 0 and 1")


def _evaluate(args: argparse.Namespace, gold: Any) -> Any:
    from summariser.evaluation.harness import EvalOptions, run_eval
    from summariser.evaluation.metrics import COVERAGE_THRESHOLD
    from summariser.evaluation.news import NEWS_DEV

    if args.news is not None and not args.news.is_file():
        from summariser.errors import InputError

        raise InputError("no such news set file", str(args.news))
    options = EvalOptions(
        judge=args.judge, articles_dir=args.articles, progress=_progress(args.format),
        news=None if args.no_news else (args.news or NEWS_DEV),
        coverage_threshold=COVERAGE_THRESHOLD if args.coverage_threshold is None
        else args.coverage_threshold)
    return run_eval(gold, settings_from_args(args), options=options)


def _progress(fmt: str) -> Any:
    def report(message: str) -> None:
        if fmt == "table" and sys.stderr.isatty():
            print(f"  {message} ...", file=sys.stderr)
    return report


def _show(fmt: str, result: Any, comparison: Any, saved: str) -> None:
    if fmt == "json":
        data: dict[str, Any] = {"run": result.model_dump(mode="json"), "saved": saved}
        if comparison is not None:
            data["comparison"] = comparison.model_dump(mode="json")
            data["comparison"]["regressions"] = [d.model_dump() for d in comparison.regressions]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    from summariser.evaluation.display import print_comparison, print_run

    # Redirected output (CI logs) gets room for the table instead of the 80-column default.
    console = Console(width=None if sys.stdout.isatty() else 120)
    print_run(result, console, saved)
    if comparison is not None:
        print_comparison(comparison, console)
