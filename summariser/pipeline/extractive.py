"""A result made of the article's own sentences, for when the model gave nothing usable: the
title (or the opening words) as headline, the lead as summary, and the sentences carrying the
most figures and names as key points. It is marked `"mode": "extractive"` with the reason."""

from __future__ import annotations

from summariser.articles.body import body_sentences, lead
from summariser.articles.models import Article
from summariser.pipeline.key_points import ranked
from summariser.pipeline.schema import Draft

LEAD_WORDS = 60  # the lead summary: the first sentence, and the second while under this
HEADLINE_WORDS = 12
KEY_POINTS = 3


def lead_summary(article: Article) -> str:
    picked: list[str] = []
    for sentence in lead(article, 2):
        if picked and len(" ".join([*picked, sentence.text]).split()) > LEAD_WORDS:
            break
        picked.append(sentence.text)
    return " ".join(picked)


def fallback_headline(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title.strip()
    first = lead(article, 1)
    words = first[0].text.split() if first else []
    return " ".join(words[:HEADLINE_WORDS]) + (" ..." if len(words) > HEADLINE_WORDS else "")


def key_sentence_numbers(article: Article, skip: int = 0) -> list[int]:
    """The KEY_POINTS most salient body sentences after the first `skip` (figures, names,
    central words), in article order (the lead when the body is that short)."""
    body = body_sentences(article)
    best = ranked(body[skip:] or body)[:KEY_POINTS]
    return sorted(s.index for s in best)


def extractive_draft(article: Article) -> Draft:
    summary = lead_summary(article)
    used = sum(1 for s in lead(article, 2) if s.text in summary)
    return Draft(headline=fallback_headline(article), summary=summary,
                 key_points=key_sentence_numbers(article, skip=used) or [1])
