"""Text -> Article: furniture stripped, sentences split, title, date and truncation found."""

from __future__ import annotations

import hashlib

from summariser.articles.dates import dateline_date
from summariser.articles.furniture import Piece, strip_furniture
from summariser.articles.models import Article, Sentence
from summariser.articles.sentences import TERMINAL, sentence_spans
from summariser.articles.suspect import suspect_sentences
from summariser.errors import InputError
from summariser.gc_pause import gc_paused


def _title(sentences: list[Sentence], first: Piece | None) -> str | None:
    """A short first line without a final period, followed by the body, is the headline."""
    head = sentences[0]
    if len(sentences) < 2 or first is None or (head.start, head.end) != (first.start, first.end):
        return None
    text = head.text
    shaped = 2 <= len(text.split()) <= 20 and len(text) <= 150 and text[-1] not in ".,;:…"
    return text if shaped and (text[0].isupper() or text[0] in "0123456789“\"‘'") else None


def _dateline(text: str, body: list[Sentence]) -> str | None:
    """The date of a wire dateline opening the body (its sentences after the headline)."""
    return dateline_date(text[body[0].start:]) if body else None


def build_article(text: str, path: str | None, title: str | None = None,
                  date: str | None = None) -> Article:
    with gc_paused():  # a long article is many small objects (gc_pause.py)
        return _build(text, path, title, date)


def _build(text: str, path: str | None, title: str | None, date: str | None) -> Article:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the article is empty", path)
    clean = strip_furniture(text)
    spans = sentence_spans(text, clean)
    if not spans:
        raise InputError("no sentences are left once page furniture is removed", path)
    sentences = [Sentence(index=i, start=a, end=b, text=text[a:b])
                 for i, (a, b) in enumerate(spans, 1)]
    headline = _title(sentences, clean.pieces[0] if clean.pieces else None)
    title = headline or title
    # a title given by the caller (an HTML page's) is no sentence: the body opens at the first
    date = date or clean.date or _dateline(text, sentences[1:] if headline else sentences)
    last = sentences[-1].text
    return Article(
        path=path, text=text, title=title, date=date, sentences=sentences,
        furniture=sorted(clean.furniture, key=lambda f: f.start),
        truncated=last != title and not TERMINAL.search(last),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        suspect=suspect_sentences([(s.index, s.text) for s in sentences]),
    )


def article_from_text(text: str, path: str | None = None) -> Article:
    """Build an Article from text already in memory (raises InputError if it has no sentences)."""
    return build_article(text, path)
