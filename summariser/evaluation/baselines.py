"""Summaries made without a model, scored with the same metrics so every number has a reference.

- lead-3: the first three sentences of the body (page furniture and the headline left out).
- extractive: the sentences that carry the most figures, names and central words, in article
  order, up to the reference length (80 words). It reads only the article, never the gold."""

from __future__ import annotations

from collections import Counter

from summariser.articles.body import body_sentences, lead
from summariser.articles.models import Article, Sentence
from summariser.evaluation.entities import found_names
from summariser.evaluation.gold import MAX_SUMMARY_WORDS
from summariser.evaluation.metrics import Candidate
from summariser.validation.numbers import parse_figures
from summariser.validation.words import content_words

BASELINES = ("lead-3", "extractive")
# Counts ('two countries') say little; amounts, shares and dates are what summaries keep.
_FIGURE_WEIGHT = {"number": 0.5, "ordinal": 0.25}


def lead3(article: Article) -> str:
    return " ".join(s.text for s in lead(article, 3))


def sentence_score(sentence: Sentence, weights: Counter[str], position: int) -> float:
    figures = sum(_FIGURE_WEIGHT.get(f.kind, 1.0) for f in parse_figures(sentence.text))
    names = len({n.casefold() for n in found_names(sentence.text)})
    words = content_words(sentence.text)
    # how central its words are: their frequency in the article, per word
    centrality = sum(weights[w] for w in set(words)) / (len(words) + 5)
    return figures + 0.5 * names + centrality + 1.0 / (position + 2)


def extractive(article: Article, budget: int = MAX_SUMMARY_WORDS) -> str:
    sentences = body_sentences(article)
    weights = Counter(w for s in sentences for w in set(content_words(s.text)))
    ranked = sorted(range(len(sentences)), reverse=True,
                    key=lambda i: sentence_score(sentences[i], weights, i))
    chosen: list[int] = []
    used = 0
    for i in ranked:
        words = len(sentences[i].text.split())
        if used + words <= budget or not chosen:
            chosen.append(i)
            used += words
    return " ".join(sentences[i].text for i in sorted(chosen))


def baseline(name: str, article: Article) -> Candidate:
    """A baseline's summary, checked by the validation layer like a model's."""
    from summariser.validation.checker import check

    text = lead3(article) if name == "lead-3" else extractive(article)
    return Candidate(system=name, summary=text, validation=check(article, text))
