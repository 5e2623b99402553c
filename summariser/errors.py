"""Error types. User errors (bad input, bad options) are kept apart from model/API errors so the
CLI can phrase each as one sentence, and set SUMMARISER_DEBUG=1 to see the traceback instead."""

from __future__ import annotations

import os


class SummariserError(Exception):
    """Base class: anything the CLI reports as one line instead of a traceback."""

    exit_code = 1


class InputError(SummariserError):
    """The user's input is wrong: a missing, empty, binary or unreadable file, a bad option."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ModelError(SummariserError):
    """The model or its endpoint failed: unreachable, refused, or replied with unusable output."""

    exit_code = 1


class ConfigError(SummariserError):
    """The tool is set up wrongly: missing model file, bad checksum, unknown backend."""

    exit_code = 2


def naming(path: str, message: str) -> str:
    """The message with the file it is about in front, unless it already names it."""
    return message if path in message else f"{path}: {message}"


def debug_enabled() -> bool:
    """SUMMARISER_DEBUG=1 re-raises errors with their traceback, for bug reports."""
    return os.environ.get("SUMMARISER_DEBUG", "") not in ("", "0", "false", "no")
