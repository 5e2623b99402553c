"""Photo captions in an article's body: a paragraph a wire photo's caption opens ('FILE - Steve
Johnson, right, arrives at ...') or its credit closes ('... in September. (REUTERS/Kevin
Lamarque)', '(Demetrius Freeman/The Washington Post via Getty Images)').

A caption stays body text for the summary (it often restates the news, and what the model reads
is not changed here), but the people and figures lists leave it out: its date is the photo's
('FILE - ... on May 2, 2022'), its names the photo's and its photographer's."""

from __future__ import annotations

import re
from collections.abc import Callable

from summariser.articles.body import span_test
from summariser.articles.models import Article, Sentence

# AP writes 'FILE - ' and Reuters 'FILE PHOTO: ' before a caption of an older photo.
_FILE_MARK = re.compile(r"\s*\(?FILE(?: PHOTO)?\)?\s*[-–—:]\s")
# A credit: '(Agency/Photographer)', '(Photographer/Agency via Getty Images)', both capitalised;
# or an agency's photo credit in brackets. Closing the paragraph, as wires place it.
_CREDIT = re.compile(
    r"[(\[]\s*(?:[A-Z][\w.&'’ -]{0,40}/\s*[A-Z][^()\[\]\n]{0,80}"
    r"|[^()\[\]\n]{0,60}\b(?:Getty Images|AP Photo|AFP|Reuters|REUTERS|EPA)\b[^()\[\]\n]{0,40})"
    r"[)\]]\s*$")


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the caption paragraphs (lines) of `text`, in order."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if _FILE_MARK.match(line) or _CREDIT.search(line):
            spans.append(m.span())
    return spans


def caption_test(article: Article) -> Callable[[Sentence], bool]:
    """Whether a sentence of the article lies inside a caption paragraph."""
    return span_test(caption_spans(article.text))


def uncaptioned(article: Article, sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` (the article's) without those of its captions."""
    inside = caption_test(article)
    return [s for s in sentences if not inside(s)]
