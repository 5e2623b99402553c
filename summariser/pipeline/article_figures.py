"""The article's figures table: every figure the figure parser finds in the body, with the
sentence that states it. It is read from the article, never generated, and kept apart from the
figures the summary states (those are checked; these are the source). A photo caption's
figures are the photo's (its date), not the news's: left out."""

from __future__ import annotations

from summariser.articles.body import body_sentences
from summariser.articles.captions import uncaptioned
from summariser.articles.models import Article
from summariser.pipeline.schema import ArticleFigure
from summariser.validation.numbers import parse_figures


def article_figures(article: Article) -> list[ArticleFigure]:
    out = []
    for sentence in uncaptioned(article, body_sentences(article, keep_title=True)):
        for fig in parse_figures(sentence.text):
            out.append(ArticleFigure(
                text=fig.text, kind=fig.kind, value=fig.value, unit=fig.unit,
                start=sentence.start + fig.start, end=sentence.start + fig.end,
                sentence=sentence.index, sentence_text=sentence.text))
    return out
