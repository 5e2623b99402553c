"""The article's body as a summary sees it: its sentences without the headline line and without
page furniture, and the lead (its first sentences, where news puts the news)."""

from __future__ import annotations

from summariser.articles.models import Article, Sentence


def body_sentences(article: Article, *, keep_title: bool = False) -> list[Sentence]:
    """The article's sentences without any sentence inside page furniture and, unless
    keep_title, without the headline line."""
    spans = [(f.start, f.end) for f in article.furniture]
    title = (article.title or "").strip()
    return [s for s in article.sentences
            if (keep_title or s.text.strip() != title)
            and not any(a <= s.start and s.end <= b for a, b in spans)]


def lead(article: Article, n: int = 3) -> list[Sentence]:
    """The first n body sentences (fewer when the article is shorter)."""
    return body_sentences(article)[:n]
