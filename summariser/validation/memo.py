"""One small cache for what the checkers compute once per article (its figures, names, words)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

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
