"""The options of `summariser batch` for large jobs: --dry-run (tokens and cost before cost)
and --openai-batch (the OpenAI Batch API)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_job_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("large jobs")
    g.add_argument("--dry-run", action="store_true",
                   help="print the articles, their prompt tokens (the backend's tokenizer "
                        "where it has one here, else an estimate), an estimate of generated "
                        "tokens and, with prices, the cost; no model is called")
    g.add_argument("--price-in", type=float, metavar="USD", default=None,
                   help="price per million prompt tokens, for --dry-run's cost")
    g.add_argument("--price-out", type=float, metavar="USD", default=None,
                   help="price per million generated tokens, for --dry-run's cost")
    g.add_argument("--openai-batch", action="store_true",
                   help="send the articles' requests as an OpenAI Batch API job (half price, "
                        "done within 24 h) and wait for it; stopped, run the same command "
                        "again: the job id is kept in DIR. Re-asks and corrections are "
                        "asked interactively")
    g.add_argument("--poll", type=float, default=60.0, metavar="SECONDS",
                   help="how often to ask about a batch job (default 60)")


def dry_run(args: argparse.Namespace, settings: Any, files: list[Path]) -> int:
    from summariser.batch.estimate import estimate, report_lines
    from summariser.errors import InputError
    from summariser.llm import get_llm

    if (args.price_in is None) != (args.price_out is None):
        raise InputError("give both --price-in and --price-out (USD per million tokens)")
    prices = None if args.price_in is None else (args.price_in, args.price_out)
    llm = get_llm(settings)
    for line in report_lines(estimate(files, settings, llm), llm.backend, prices):
        print(line)
    return 0


def openai_batch(args: argparse.Namespace, settings: Any,
                 files: list[Path]) -> tuple[list[Path], Any]:
    """The articles to run now and the backend with the batch job's replies."""
    from summariser.batch.openai_jobs import prepare_jobs
    from summariser.errors import InputError
    from summariser.llm import get_llm

    if settings.backend != "openai":
        raise InputError("--openai-batch sends the articles to OpenAI's Batch API: name the "
                         "model with --model (and --base-url for another compatible API)")
    if args.poll <= 0:
        raise InputError("--poll must be more than 0 seconds")
    args.out.mkdir(parents=True, exist_ok=True)
    llm = get_llm(settings)

    def say(message: str) -> None:
        print(f"summariser: {message}", file=sys.stderr)

    return prepare_jobs(files, args.out, settings, llm, poll=args.poll, restart=args.restart,
                        say=say)
