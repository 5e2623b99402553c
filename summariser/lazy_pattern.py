"""A regular expression compiled the first time it is used, for large patterns that most runs
of a command never reach: compiling is the cost of a module-level pattern at import (the
injection detectors' patterns took ~17 ms of every `check` process, the largest ~8 ms, though
most articles hold no sentence that needs them)."""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """re.compile(source, flags), made at the first search, match or substitution."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:  # two threads may both compile it: either result is kept
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text)
