"""Summaries made without a model, scored with the same metrics so every number has a reference.

- lead-3: the first three sentences of the body (page furniture and the headline left out).
- extractive: the sentences that carry the most figures, names and central words, in article
  order, up to the reference length (80 words); the salience is the pipeline's own
  (pipeline.key_points.ranked). It reads only the article, never the gold."""

from __future__ import annotations

from summariser.articles.body import body_sentences, lead
from summariser.articles.models import Article, Sentence
from summariser.evaluation.gold import MAX_SUMMARY_WORDS
from summariser.evaluation.metrics import Candidate
from summariser.pipeline.key_points import ranked

BASELINES = ("lead-3", "extractive")


def lead3(article: Article) -> str:
    return " ".join(s.text for s in lead(article, 3))


def extractive(article: Article, budget: int = MAX_SUMMARY_WORDS) -> str:
    chosen: list[Sentence] = []
    used = 0
    for sentence in ranked(body_sentences(article)):
        words = len(sentence.text.split())
        if used + words <= budget or not chosen:
            chosen.append(sentence)
            used += words
    return " ".join(s.text for s in sorted(chosen, key=lambda s: s.index))


def baseline(name: str, article: Article) -> Candidate:
    """A baseline's summary, checked by the validation layer like a model's."""
    from summariser.validation.checker import check

    text = lead3(article) if name == "lead-3" else extractive(article)
    return Candidate(system=name, summary=text, validation=check(article, text))
