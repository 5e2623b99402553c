"""Command line entry point. Thin: parse arguments, hand over to a command module, and turn
errors into one line on stderr with the right exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from summariser import __version__
from summariser.errors import SummariserError, debug_enabled

# Each module under summariser/commands has add_parser(subparsers) and run(args) -> int.
COMMANDS = ("summarise", "check", "batch", "eval", "cache")


def _needed(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to import: only the one named, when the first argument names one
    (`check` then imports nothing of summarise, batch or eval); every one for --help, an alias
    or a mistake, so that help and argparse's errors list them all."""
    first = next((a for a in argv or () if not a.startswith("-")), None)
    return (first,) if first in COMMANDS else COMMANDS


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summariser",
        description="Structured, source-checked summaries of news articles.",
    )
    parser.add_argument("--version", action="version", version=f"summariser {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in _needed(argv):
        import_module(f"summariser.commands.{name}").add_parser(sub)
    return parser


def cli(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        result: int = args.run(args)
        return result
    except KeyboardInterrupt:
        print("summariser: interrupted", file=sys.stderr)
        return 130
    except SummariserError as exc:
        if debug_enabled():
            raise
        from summariser.redaction import shown  # only on this path: a check imports no more

        print(shown(f"summariser: {exc}"), file=sys.stderr)
        return exc.exit_code
    except Exception as exc:  # a bug: still one line, with the way to get the traceback
        if debug_enabled():
            raise
        from summariser.redaction import shown

        print(shown(f"summariser: internal error ({type(exc).__name__}: {exc}); "
                    "run again with SUMMARISER_DEBUG=1 for the traceback"), file=sys.stderr)
        return 1


def main() -> None:
    sys.exit(cli())


if __name__ == "__main__":
    main()
