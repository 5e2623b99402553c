"""A long article cut down to the paragraphs a summary can be about, for `check`.

Checking a summary against an article needs the sentences its figures, names and words come
from, not every sentence: on a 1 MB article, splitting every paragraph into sentences (pysbd)
and indexing every figure and name was seconds of work for a summary of a hundred words. So
an article longer than FOCUS_ABOVE characters (news articles are far shorter: the longest of
the public sets we test on is 8 KB) is cut into paragraphs (blank lines; a longer stretch, as
in an article written as one line, at sentence ends), each paragraph's words are read once
with one regular expression, and only these paragraphs are kept, in article order:
- the first LEAD paragraphs (headline, dateline, lead);
- for each summary sentence, the PER_SENTENCE paragraphs sharing its rarest words (the words'
  rarity counted over paragraphs, as alignment.py counts it over sentences);
- for each word the summary writes with a capital or a digit (names, figures), the first
  PER_WORD paragraphs that hold it.
Articles up to FOCUS_ABOVE are checked whole, so their results do not change."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

FOCUS_ABOVE = 100_000  # characters
LEAD = 3
PER_SENTENCE = 5
PER_WORD = 3
WINDOW = 2000  # characters: where a longer paragraph is cut, at the next sentence end

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class Focus:
    """The kept paragraphs as one text (joined by blank lines), and where each came from."""

    text: str
    starts: list[int]  # offset in `text` of each kept paragraph
    origins: list[int]  # its offset in the article

    def original(self, pos: int) -> int:
        """The article offset of offset `pos` of the focused text."""
        i = max(bisect_right(self.starts, pos) - 1, 0)
        return self.origins[i] + pos - self.starts[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        begin = self.original(start)
        return begin, (self.original(end - 1) + 1 if end > start else begin)


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] in pieces of about WINDOW characters, cut after a sentence end."""
    out = []
    while end - start > 2 * WINDOW:
        m = _SENTENCE_END.search(text, start + WINDOW, end - WINDOW)
        if m is None:
            break
        out.append((start, m.end()))
        start = m.end()
    return [*out, (start, end)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the article's paragraphs (and of the pieces of overlong ones)."""
    spans, pos = [], 0
    for m in _BREAK.finditer(text):
        spans += _windows(text, pos, m.start())
        pos = m.end()
    spans += _windows(text, pos, len(text))
    return [(a, b) for a, b in spans if b > a]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _sentences(summary: str) -> list[set[str]]:
    return [w for w in (set(_words(p)) for p in _SENTENCE_END.split(summary)) if w]


def _kept(shared: list[set[str]], summary: str) -> set[int]:
    """The numbers of the paragraphs to keep (`shared`: each paragraph's words that the summary
    has too)."""
    counts: dict[str, int] = {}
    for words in shared:
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    weight = {w: math.log((len(shared) + 1) / c) for w, c in counts.items()}
    keep = set(range(min(LEAD, len(shared))))
    for claim in _sentences(summary):
        scored = [(sum(weight[w] for w in words & claim), -i) for i, words in enumerate(shared)]
        keep |= {-i for score, i in sorted(scored, reverse=True)[:PER_SENTENCE] if score > 0}
    keys = {w.lower() for w in _WORD.findall(summary) if not w.islower()}
    for key in keys & set(counts):
        keep |= set([i for i, words in enumerate(shared) if key in words][:PER_WORD])
    return keep


def focus(text: str, summary: str) -> Focus | None:
    """The paragraphs of `text` that `summary` can be about, or None when the article is short
    enough to be checked whole."""
    if len(text) <= FOCUS_ABOVE:
        return None
    spans = paragraphs(text)
    wanted = set(_words(summary))
    shared = [wanted.intersection(_words(text[a:b])) for a, b in spans]
    parts, starts, origins, pos = [], [], [], 0
    for i in sorted(_kept(shared, summary)):
        a, b = spans[i]
        parts.append(text[a:b])
        starts.append(pos)
        origins.append(a)
        pos += b - a + 2
    return Focus("\n\n".join(parts), starts, origins)
