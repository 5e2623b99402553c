"""Two small caches: `Memo` for what the checkers compute once per article (its figures,
names, words), and `once` for what they compute once per check of one summary (a claim's names,
figures and sentence scores, which the claim check, the roles check and the whole summary's
checks each read: the same text gave the same result two or three times over)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar, cast

from summariser.gc_pause import gc_paused

V = TypeVar("V")


class Memo(Generic[V]):
    """The values of the last `size` keys used, safe to share between threads (batch runs check
    articles in threads). A value is made outside the lock, so a slow one holds up no other
    thread; two threads may then make the same value, and either one is kept."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._values: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        with gc_paused():
            value = make()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


# A context variable, not a global: each thread of a batch run checks its own summary.
_CHECK: ContextVar[dict[Hashable, Any] | None] = ContextVar("summariser_one_check", default=None)


@contextmanager
def one_check() -> Iterator[None]:
    """Inside the block, `once` keeps what it makes; the values go when the block ends, so
    nothing a report holds is shared with a later check (which may change its items)."""
    token = _CHECK.set({})
    try:
        yield
    finally:
        _CHECK.reset(token)


def once(key: Hashable, make: Callable[[], V]) -> V:
    """`make()`, made once per `key` inside one_check (callers share the value: they only read
    it), and at every call outside one. The key must hold every input of `make`."""
    kept = _CHECK.get()
    if kept is None:
        return make()
    if key not in kept:
        kept[key] = make()
    return cast(V, kept[key])


def keep(key: Hashable, value: object) -> None:
    """What `once(key, ...)` is to give inside one_check, when the caller has it already (a
    value made first stays); nothing outside one."""
    kept = _CHECK.get()
    if kept is not None:
        kept.setdefault(key, value)
