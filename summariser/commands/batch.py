"""`summariser batch PATH... --out DIR`: summarise and check many articles into a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from summariser.commands.batch_jobs import add_job_options, dry_run, openai_batch
from summariser.commands.options import add_model_options, settings_from_args
from summariser.errors import naming

DESCRIPTION = """\
Summarise and check every article under PATH (files, directories searched recursively, globs)
into DIR: results.jsonl (one `summarise --format json` object a line), report.md and
report.html (an overview, then a section per article), and manifest.json (model, prompt,
timings, tokens, failures).

Resumable: after Ctrl-C or a crash, run the same command again; articles already in
results.jsonl for the same text, prompt and model are not redone, failed ones are retried
(--restart redoes all). A run into a DIR used before adds and updates: results of articles not
given this time stay in results.jsonl and in the reports (marked as from an earlier run).
Exit code: 0 when every article was summarised, 1 when any failed (or, with --fail-on-flagged,
when any summary has something the source does not support), 2 when no article was found."""


def add_parser(sub: Any) -> None:
    p = sub.add_parser("batch", help="summarise many articles into results.jsonl and reports",
                       description=DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories or globs")
    p.add_argument("--out", required=True, type=Path, metavar="DIR",
                   help="directory for results.jsonl, report.md, report.html, manifest.json")
    p.add_argument("--concurrency", type=int, default=1, metavar="N",
                   help="articles summarised at once (threads) against an OpenAI-compatible "
                        "endpoint (default 1). The embedded model always runs one article at a "
                        "time: it is one process shared by the whole program, not loaded N times")
    p.add_argument("--fail-on-flagged", action="store_true",
                   help="exit 1 also when a summary has a figure, name or claim its source "
                        "does not support (by default flagged articles are reported, exit 0)")
    p.add_argument("--restart", action="store_true",
                   help="start DIR afresh: REMOVES every result already in DIR's "
                        "results.jsonl (also of articles not given this time) and summarises "
                        "every article again; reports and manifest then cover this run only "
                        "(add --no-cache to bypass the result cache too)")
    add_model_options(p)
    add_job_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from summariser.articles.load import find_articles
    from summariser.batch.run import max_concurrency
    from summariser.errors import InputError

    if args.concurrency < 1:
        raise InputError("--concurrency must be 1 or more")
    settings = settings_from_args(args)
    files, errors = find_articles(args.paths)
    if not files:
        raise errors[0] if len(errors) == 1 else InputError(
            "no article files (.txt, .md, .html) found in " + ", ".join(args.paths))
    if settings.backend == "embedded" and args.concurrency > 1:
        print("summariser: the embedded model runs one article at a time; --concurrency applies "
              "to OpenAI-compatible endpoints (--model, --base-url)", file=sys.stderr)
    elif args.concurrency > (most := max_concurrency()):
        print(f"summariser: --concurrency {args.concurrency} is more than this machine can keep "
              f"busy; running {most} at a time", file=sys.stderr)
    if args.dry_run:
        return dry_run(args, settings, files)
    llm = None
    if args.openai_batch:
        try:
            files, llm = openai_batch(args, settings, files)
        except KeyboardInterrupt:
            print(f"summariser: stopped waiting; the batch job keeps running (its id is in "
                  f"{args.out}); run the same command again to collect it", file=sys.stderr)
            return 130
    batch = _batch(args, settings, files, errors, llm)
    if batch is None:
        return 130
    counts = batch.count()
    print(f"{counts['succeeded']} of {counts['articles']} articles summarised "
          f"({counts['flagged']} flagged, {counts['resumed']} from an earlier run, "
          f"{counts['cache_hits']} from the cache), {counts['failed']} failed. "
          f"Results and reports in {args.out}")
    if counts["failed"] or (args.fail_on_flagged and counts["flagged"]):
        return 1
    return 0


def _batch(args: argparse.Namespace, settings: Any, files: list[Path], errors: list[Any],
           llm: Any) -> Any:
    """The batch run, or None when interrupted (said)."""
    from summariser.batch.run import run_batch

    progress = Progress(len(files), errors)
    try:
        with progress:
            return run_batch(files, args.out, settings, concurrency=args.concurrency,
                             input_errors=errors, on_outcome=progress.update,
                             restart=args.restart, llm=llm)
    except KeyboardInterrupt:
        print(f"summariser: interrupted after {progress.done} of {len(files)} articles; run the "
              "same command again to continue", file=sys.stderr)
        return None


class Progress:
    """A rich progress bar on stderr when it is a terminal; failures are printed either way."""

    def __init__(self, total: int, input_errors: list[Any]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.done, self.failed, self.flagged = 0, len(input_errors), 0
        self.bar = Progress(
            SpinnerColumn(), TextColumn("summarising"), BarColumn(), MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed[/red] · "
                       "[yellow]{task.fields[flagged]} flagged[/yellow]"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=self.console, disable=not self.console.is_terminal)
        self.task = self.bar.add_task("batch", total=total, failed=self.failed, flagged=0)
        for error in input_errors:
            self._print_failure(str(error))

    def __enter__(self) -> Progress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def update(self, outcome: Any, run: Any) -> None:
        self.done += 1
        if outcome.error:
            self.failed += 1
            self._print_failure(naming(outcome.path, outcome.error))
        self.flagged += outcome.flagged
        self.bar.update(self.task, advance=1, failed=self.failed, flagged=self.flagged)

    def _print_failure(self, message: str) -> None:
        from rich.markup import escape

        from summariser.redaction import shown

        self.console.print(f"[red]failed:[/red] {escape(shown(message))}", highlight=False)
