"""The article's body as a summary sees it: its sentences without the headline line and without
page furniture, and the lead (its first sentences, where news puts the news)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

from summariser.articles.models import Article, Sentence


def body_sentences(article: Article, *, keep_title: bool = False) -> list[Sentence]:
    """The article's sentences without any sentence inside page furniture and, unless
    keep_title, without the headline line."""
    title = (article.title or "").strip()
    inside = span_test((f.start, f.end) for f in article.furniture)
    return [s for s in article.sentences
            if (keep_title or s.text.strip() != title) and not inside(s)]


def span_test(spans: Iterable[tuple[int, int]]) -> Callable[[Sentence], bool]:
    """Whether one of the (start, end) spans holds a whole sentence: the furthest end among
    the spans starting at or before it (a scan of every span per sentence was quadratic)."""
    pieces = sorted(spans)
    starts = [a for a, _ in pieces]
    ends = list(accumulate((b for _, b in pieces), max))

    def inside(s: Sentence) -> bool:
        i = bisect_right(starts, s.start) - 1
        return i >= 0 and s.end <= ends[i]

    return inside


def lead_words(article: Article, words: int | None) -> list[Sentence]:
    """The body sentences from the start that fit in `words` words (at least the first one;
    all of them when words is None): news puts its news first, and every word shown to a
    model on a CPU costs time."""
    body = body_sentences(article)
    if words is None:
        return body
    counts = accumulate(len(s.text.split()) for s in body)
    return body[:max(1, sum(1 for c in counts if c <= words))]


def lead(article: Article, n: int = 3) -> list[Sentence]:
    """The first n body sentences (fewer when the article is shorter)."""
    return body_sentences(article)[:n]
