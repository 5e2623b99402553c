"""The total time allowed for one article (--deadline), across every model call, retry and
re-ask. Set by the pipeline around an article; read where time is spent waiting on a model
(per-request timeouts are cut to what is left; no retry or re-ask starts after it)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from summariser.errors import ModelError

_END: ContextVar[tuple[float, float] | None] = ContextVar("summariser_deadline", default=None)


@contextmanager
def article_deadline(seconds: float | None) -> Iterator[None]:
    """Within this block (on this thread), model calls must end `seconds` from now."""
    token = _END.set((time.monotonic() + seconds, seconds) if seconds and seconds > 0 else None)
    try:
        yield
    finally:
        _END.reset(token)


def remaining() -> float | None:
    """Seconds left for the current article, or None without a deadline."""
    end = _END.get()
    return None if end is None else end[0] - time.monotonic()


def ensure_time_left(calls: int) -> None:
    """Raises ModelError when the article's deadline has passed (before another call)."""
    end = _END.get()
    if end is not None and time.monotonic() >= end[0]:
        raise ModelError(f"the article's time limit of {end[1]:g} s ran out after {calls} "
                         "model call(s) (--deadline, SUMMARISER_DEADLINE)")
