"""`summariser check SOURCE SUMMARY`: every figure, name, quote and claim of a summary, checked
against the article, with the source sentence each comes from. Deterministic and fast: no model
is loaded unless --judge asks for one. Exit 0 when everything checked is supported, 1 when
anything is not, 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check", help="check a summary's figures, names, quotes and claims against the article",
        description="Check every figure, name, quote and claim of a summary against its source "
                    "article. Exit status: 0 all supported, 1 something is not, 2 bad input.")
    p.add_argument("source", metavar="SOURCE", help="the article (.txt, .md, .html)")
    p.add_argument("summary", metavar="SUMMARY",
                   help="the summary: a text file, '-' for standard input, or the JSON written "
                        "by `summariser summarise --format json`")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text (tables, default) or json (one object)")
    p.add_argument("--strict-quotes", action="store_true",
                   help="a quotation reworded from a source quotation (status paraphrased) "
                        "fails the check too; without it, it is reported but passes")
    p.add_argument("--judge", action="store_true",
                   help="also ask a model whether a claim's sentences support it, for each "
                        "claim with words or names the checker reports without failing (the "
                        "embedded model unless --model or --base-url is given)")
    g = p.add_argument_group("judge model (with --judge)")
    g.add_argument("--model", help="model name on an OpenAI-compatible endpoint "
                   "(env SUMMARISER_MODEL)")
    g.add_argument("--base-url", help="OpenAI-compatible endpoint (env OPENAI_BASE_URL)")
    g.add_argument("--model-path", type=Path, help="a GGUF file for the embedded backend")
    p.set_defaults(run=run)


def _judge(args: argparse.Namespace) -> Any:
    from summariser.errors import InputError

    if not args.judge:
        if args.model or args.base_url or args.model_path:
            raise InputError("--model, --base-url and --model-path only apply with --judge")
        return None
    from summariser.config import Settings
    from summariser.llm import get_llm

    return get_llm(Settings.from_env(model=args.model, base_url=args.base_url,
                                     model_path=args.model_path))


def run(args: argparse.Namespace) -> int:
    from summariser.gc_pause import gc_paused

    # One short process that allocates its modules, classes, patterns and word tables once and
    # keeps them: the collector's passes over them (a fifth of the command's time) free nothing.
    with gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from summariser.validation.checker import check
    from summariser.validation.inputs import parse_summary, read_text

    name = "standard input" if args.summary == "-" else args.summary
    summary = parse_summary(read_text(args.summary), name)
    # the path, not a loaded article: a long one is cut down to what the summary is about
    # before it is split into sentences (validation/long_articles.py)
    report = check(Path(args.source), summary, strict_quotes=args.strict_quotes)
    judge = _judge(args)
    if judge is not None:
        from summariser.pipeline.judge import judge_report

        judge_report(report, judge)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.as_data(), indent=2,
                                    ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        from summariser.output.check_terminal import print_report

        print_report(report, Console(), args.source, args.summary)
    return 0 if report.ok else 1
