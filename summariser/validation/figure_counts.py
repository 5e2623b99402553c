"""Counts of listed things: a count whose items are listed right beside it.

- The summary's own list: "Two friends, Steve and Carly, ...", "three services, which are A,
  B and C", "the four products - A, B, C, D". A count that numbers the names listed right
  after it claims nothing beyond them, and each name is checked on its own (names.py); a count
  that numbers them wrongly ("three friends, Steve and Carly") is still a claim to check.
- The source's numbered list: "he suggests four products" where the source lists them as
  "1. ...", "2. ...", "3. ...", "4. ..." and no fifth: the count is the list's length
  (`derived`, with the list as evidence)."""

from __future__ import annotations

import re

from summariser.articles.models import Article
from summariser.lazy_pattern import LazyPattern
from summariser.validation.numbers import Figure

MAX_COUNT = 20
# (patterns compiled at first use: only a figure the article lacks is read for a list)
# the counted noun (up to four words), then what opens the list: a comma, ', which are', a
# colon, a dash or a bracket
_OPENER = LazyPattern(r"(?:\s+[\w'’+&-]+){1,4}?(?:\s*,\s*(?:which\s+(?:are|were)\s+|namely\s+)?"
                      r"|\s*:\s*|\s+[-–—]\s*|\s*\(\s*)")
_ITEM = LazyPattern(r"[A-Z0-9][\w+'’&.-]*(?:\s+(?:&\s+|of\s+|the\s+)?[A-Z0-9][\w+'’&.-]*)*")
_SEPARATOR = LazyPattern(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NUMBERED = LazyPattern(r"^\s*(\d{1,2})[.)]\s+\S", re.M)


def _count(c: Figure) -> int | None:
    if c.kind != "number" or c.value is None or c.value != int(c.value):
        return None
    n = int(c.value)
    return n if 2 <= n <= MAX_COUNT else None


def listed_after(text: str, c: Figure) -> bool:
    """Whether the names listed right after count `c` in `text` are as many as it says."""
    n = _count(c)
    opener = _OPENER.match(text, c.end) if n else None
    if opener is None:
        return False
    items, pos = 0, opener.end()
    while (item := _ITEM.match(text, pos)) is not None:
        items += 1
        pos = item.end()
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    return items == n


def numbered_lists(article: Article) -> set[int]:
    """The lengths of the source's numbered lists (lines '1. ...' to 'N. ...', in order)."""
    lengths: set[int] = set()
    run = 0
    for m in _NUMBERED.finditer(article.text):
        k = int(m.group(1))
        if k == run + 1:
            run = k
        else:
            if run >= 2:
                lengths.add(run)
            run = 1 if k == 1 else 0
    if run >= 2:
        lengths.add(run)
    return lengths


def counts_numbered_list(article: Article, c: Figure) -> bool:
    n = _count(c)
    return n is not None and n in numbered_lists(article)
