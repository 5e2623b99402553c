"""Key points completed by code: the model's cited sentences first, then the lead, then the
sentences of the figures nothing cited states yet, then salient sentences that are mostly new;
never more than the limit, never a sentence twice, and nothing added for figures the summary
already states."""

from __future__ import annotations

from typing import Any

import pytest

from summariser.articles.load import article_from_text
from summariser.articles.models import Article
from summariser.pipeline.key_points import complete_key_points

TEXT = """Port deal signed

The two ports signed a deal on Monday to share cranes. Officials said the talks were long.
Trade through the ports rose 12 percent to $4.5 billion in 2022. The mayor praised the deal.
Cargo volume reached 3.1 million tons last year. Two officials spoke to reporters later.
Workers welcomed the news."""


def _article() -> Article:
    return article_from_text(TEXT, path="test")


def _numbers(points: list[int]) -> list[str]:
    by_index = {s.index: s.text for s in _article().sentences}
    return [by_index[n].split()[0] for n in points]


def test_the_model_picks_come_first_then_the_lead_and_the_figure_sentences() -> None:
    article = _article()
    mayor = next(s.index for s in article.sentences if "mayor" in s.text)
    points = complete_key_points(article, [mayor], "The ports signed a deal.", limit=4)
    assert _numbers(points) == ["The", "The", "Trade", "Cargo"]
    assert points[0] == mayor


def test_the_rest_are_salient_sentences_with_mostly_new_words() -> None:
    article = article_from_text(TEXT + " Trade through the ports rose again, officials said.",
                                path="test")
    points = complete_key_points(article, [], "The ports signed a deal.")
    texts = [s.text.split()[0] for s in article.sentences if s.index in points]
    # the last sentence repeats words already chosen ('trade', 'ports', 'rose', 'officials')
    assert texts == ["The", "Officials", "Trade", "The", "Cargo", "Two"]


def test_figures_the_summary_states_add_no_sentence() -> None:
    summary = "Trade rose 12 percent to $4.5 billion in 2022; cargo reached 3.1 million tons."
    points = complete_key_points(_article(), [], summary)
    # the lead first; the figure sentences neither as figures nor as salient sentences (their
    # words are mostly in the summary already)
    assert _numbers(points)[0] == "The"
    assert not {"Trade", "Cargo"} & set(_numbers(points))


def test_the_limit_and_repeats() -> None:
    article = _article()
    lead = article.sentences[1].index
    points = complete_key_points(article, [lead, lead, 999], "", limit=2)
    assert points == [lead, next(s.index for s in article.sentences if "Trade" in s.text)]


def test_each_sentence_is_parsed_for_figures_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 1 MB article has thousands of sentences: parsing them again for each figure sentence
    # picked, and again to rank them, was most of the time its key points took
    import summariser.pipeline.key_points as key_points

    texts: list[str] = []
    real = key_points.parse_figures

    def counted(text: str) -> list[Any]:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(key_points, "parse_figures", counted)
    article = _article()
    complete_key_points(article, [2], "The ports signed a deal.")
    sentences = [s.text for s in article.sentences]
    assert all(texts.count(s) == 1 for s in sentences if s in texts)
