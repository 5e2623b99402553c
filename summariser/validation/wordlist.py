"""Webster's 2nd headwords (the `web2` list of the english-words package, case kept, letters
only), read from summariser/data/web2.txt: one word a line, sorted, as built by
benchmarks/build_words.py.

Unpickling the package's set of 236,000 words cost a `check` process ~150 ms at first use, for a
few dozen look-ups. Here the sorted text stays one string; the words that share a looked-up
word's first two letters become a set the first time one of them is asked for (a bisection
finds them), so a check pays for the few hundred words near the ones it asks about. The file is
not compressed: decompressing it was ~12 ms of every check process. SortedTable does the same
for sorted `key<TAB>value` lines (the WordNet table, lexicon.py)."""

from __future__ import annotations

import pkgutil
from bisect import bisect_left
from functools import cache

_PAST_EVERY_WORD = "\U0010ffff"  # sorts after any character a word can hold


def line_at_least(text: str, key: str) -> int:
    """Where, in sorted newline-separated `text`, the first line >= `key` starts (len(text) or
    past it when there is none). Every line starting before `lo` is < key; every line
    starting at or after `hi` is >= key."""
    lo, hi = 0, len(text)
    while lo < hi:
        start = text.rfind("\n", 0, (lo + hi) // 2) + 1
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if text[start:end] < key:
            lo = end + 1
        else:
            hi = start
    return lo


def lines_from(text: str, prefix: str) -> list[str]:
    """The lines of sorted, newline-ended `text` that start with `prefix`, and an empty
    string last."""
    start = line_at_least(text, prefix)
    return text[start:line_at_least(text, prefix + _PAST_EVERY_WORD)].split("\n")


class SortedWords:
    def __init__(self, text: str) -> None:
        self._text = text
        self._groups: dict[str, frozenset[str]] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        key = word[:2]
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = frozenset(lines_from(self._text, key))
        return word in group


class SortedTable:
    """Sorted `key<TAB>value` lines, looked up in place as SortedWords does: get(key) is the
    value of the first line with that key, or None. A group stays a sorted list of lines, found
    by bisection (a dictionary of each group cost more than the look-ups it served)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._groups: dict[str, list[str]] = {}

    def get(self, key: str) -> str | None:
        if not key:
            return None
        group = self._groups.get(key[:2])
        if group is None:
            group = self._groups[key[:2]] = lines_from(self._text, key[:2])[:-1]
        head = key + "\t"
        i = bisect_left(group, head)
        return group[i][len(head):] if i < len(group) and group[i].startswith(head) else None


@cache
def dictionary() -> SortedWords:
    """Case is kept: proper nouns are capitalised there, so a lower-case look-up finds 'trade'
    but not 'moscow' or 'iran'."""
    return SortedWords(read_data("web2.txt").decode())


def read_data(name: str) -> bytes:
    """The bytes of summariser/data/NAME. Through the package's loader (pkgutil), which reads
    an installed package's files as importlib.resources does, without the ~9 ms of imports
    (zipfile, tempfile, shutil) that importlib.resources costs a `check` process."""
    data = pkgutil.get_data("summariser", f"data/{name}")
    if data is None:
        raise FileNotFoundError(f"summariser/data/{name}")
    return data
