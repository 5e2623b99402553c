"""`summariser summarise PATH...`: structured, checked summaries of articles."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from summariser.commands.options import add_model_options, settings_from_args


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "summarise", aliases=["summarize"], help="summarise articles (files, directories, globs)",
        description="Summarise articles with the embedded model (default) or an "
                    "OpenAI-compatible endpoint, and check every figure, name and claim.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories or globs")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                   help="text (rich, default), json (an object; an array for several), markdown")
    add_model_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from summariser.articles.load import find_articles
    from summariser.errors import InputError, ModelError, naming
    from summariser.llm import get_llm
    from summariser.redaction import shown

    settings = settings_from_args(args)
    files, errors = find_articles(args.paths)
    for error in errors:
        print(shown(f"summariser: {error}"), file=sys.stderr)
    out = _Output(args.format, many=len(files) + len(errors) > 1)
    failed = input_failures = len(errors)
    llm = None  # built on first use, then shared by every file (one client, one loaded model)
    try:
        for path in files:
            try:
                llm = llm or get_llm(settings)
                out.add(_summarise_one(str(path), settings, llm, args.format))
            except (InputError, ModelError) as exc:
                print(shown(f"summariser: {naming(str(path), str(exc))}"), file=sys.stderr)
                failed += 1
                input_failures += isinstance(exc, InputError)
    finally:
        out.close()
    if failed and failed == input_failures == len(files) + len(errors):
        return 2
    return 1 if failed else 0


def _summarise_one(path: str, settings: Any, llm: Any, fmt: str) -> Any:
    from summariser.pipeline.summary import summarise

    if fmt == "text" and sys.stderr.isatty():
        from rich.console import Console

        from summariser.redaction import shown

        with Console(stderr=True).status(f"Summarising {shown(path)} ..."):
            return summarise(path, settings, llm=llm)
    return summarise(path, settings, llm=llm)


class _Output:
    """Prints each result as soon as it is ready, so nothing done is lost on a later failure
    or Ctrl-C; a JSON array is closed even then, so the output stays valid JSON."""

    def __init__(self, fmt: str, many: bool) -> None:
        self.fmt, self.many, self.count = fmt, many, 0
        if fmt == "json" and many:
            sys.stdout.write("[\n")

    def add(self, result: Any) -> None:
        """Redacted like every output; JSON keeps odd file names losslessly (\\udcNN),
        text and Markdown show them with \\xNN escapes."""
        from summariser.output.json import to_json
        from summariser.pipeline.schema import SummaryResult
        from summariser.redaction import json_dumps, redact_data

        if self.fmt == "json":
            sep = ",\n" if self.count else ""
            sys.stdout.write(sep + json_dumps(redact_data(to_json(result)), indent=2))
            self.count += 1
            sys.stdout.flush()
            return
        result = SummaryResult.model_validate(redact_data(result.model_dump(mode="json"),
                                                          show=True))
        if self.fmt == "markdown":
            from summariser.output.markdown import to_markdown

            sys.stdout.write(("\n---\n\n" if self.count else "") + to_markdown(result))
        else:
            from rich.console import Console

            from summariser.output.terminal import print_rich

            print_rich(result, Console())
        self.count += 1
        sys.stdout.flush()

    def close(self) -> None:
        if self.fmt == "json":
            sys.stdout.write("\n]\n" if self.many else ("\n" if self.count else ""))
            sys.stdout.flush()
