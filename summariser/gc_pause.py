"""Pausing Python's cyclic garbage collector while a large article index is built.

An index of a 1 MB article is a few hundred thousand small objects (tokens, names, figures);
each allocation burst sets off collections that walk every live object again, and those
collections took half of `check`'s time on large articles. None of these objects form cycles
that need collecting early, so the collector is paused for the build and resumes after.
Threads (batch runs) may build at once: the collector resumes when the last build ends."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused() -> Iterator[None]:
    with _LOCK:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
