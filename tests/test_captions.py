"""Photo captions ('FILE - ...', a closing '(Agency/Photographer)' credit) are left out of the
people list and the figures table, and stay sentences of the article. Texts written for these
tests."""

from __future__ import annotations

from summariser.articles.body import body_sentences
from summariser.articles.captions import caption_spans
from summariser.articles.load import article_from_text
from summariser.pipeline.article_figures import article_figures
from summariser.pipeline.article_names import article_names

ARTICLE = (
    "Talks end in Oslo\n\n"
    "FILE - Olaf Brandt arrives at the court in Oslo on May 2, 2022, for a hearing. "
    "(AP Photo/Kari Lund, File)\n\n"
    "OSLO - Minister Ivan Petrov said on Monday that 12 ships would sail in June.\n\n"
    "Ivan Petrov speaks to reporters in Oslo in September. (REUTERS/Erik Dahl)\n\n"
    "Ivan Petrov added that the port would cost $3 billion.\n")


def test_caption_paragraphs_are_found_by_their_mark_or_credit() -> None:
    spans = caption_spans(ARTICLE)
    texts = [ARTICLE[a:b] for a, b in spans]
    assert [t[:12] for t in texts] == ["FILE - Olaf ", "Ivan Petrov "]
    assert caption_spans("Prices rose 5% (year on year).\nShares fell.") == []


def test_captions_give_no_people_and_no_figures_but_stay_sentences() -> None:
    article = article_from_text(ARTICLE, path="test")
    assert [p.name for p in article_names(article).people] == ["Ivan Petrov"]
    figures = [f.text for f in article_figures(article)]
    assert "May 2, 2022" not in figures and "September" not in figures
    assert "12" in " ".join(figures) and "$3 billion" in figures
    assert any(s.text.startswith("FILE - Olaf Brandt") for s in body_sentences(article))
