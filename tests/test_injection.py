"""Issue 14: article text is data. Sentences addressed to an AI are marked suspect when the
article is loaded, never count as support, and a summary doing what they ask is flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summariser.articles.build import article_from_text
from summariser.articles.models import Article
from summariser.articles.suspect import is_suspect
from summariser.config import Settings
from summariser.pipeline.summary import summarise
from summariser.validation import check
from summariser.validation.models import CheckInput, ClaimInput
from tests.fake_llm import FakeLLM
from tests.injections import BENIGN, INJECTIONS
from tests.replies import GOOD_004, SEED_004

SEED_TEXT = Path(SEED_004).read_text(encoding="utf-8")
FAITHFUL = "Trade between Kazakhstan and Iran fell by 37.2 percent in 2020 to $237m."


def injected(sentence: str) -> Article:
    """Seed 004 with the sentence as a paragraph of its own after the third one."""
    paragraphs = SEED_TEXT.split("\n\n")
    return article_from_text("\n\n".join([*paragraphs[:3], sentence, *paragraphs[3:]]))


def number_of(article: Article, sentence: str) -> int:
    return next(s.index for s in article.sentences if s.text == sentence)


def pieces(article: Article, sentence: str) -> list[int]:
    """The sentences the injection became (the splitter may cut it in two)."""
    return [s.index for s in article.sentences if s.text in sentence]


@pytest.mark.parametrize(("sentence", "asked"), INJECTIONS)
def test_every_injection_of_the_set_is_marked_suspect_on_load(sentence: str, asked: str) -> None:
    article = injected(sentence)
    assert article.suspect == pieces(article, sentence) != []


@pytest.mark.parametrize("sentence", BENIGN)
def test_news_that_only_looks_like_it_is_not_marked(sentence: str) -> None:
    assert not is_suspect(sentence)
    assert injected(sentence).suspect == []


def test_the_seeds_have_no_suspect_sentence() -> None:
    for seed in sorted(Path(SEED_004).parent.glob("*.txt")):
        assert article_from_text(seed.read_text(encoding="utf-8")).suspect == [], seed


@pytest.mark.parametrize(("sentence", "asked"), INJECTIONS)
def test_a_summary_that_states_what_an_injection_asks_for_is_flagged(
        sentence: str, asked: str) -> None:
    article = injected(sentence)
    report = check(article, f"The article reports {asked} in its account of the talks.")
    assert not report.ok
    assert any("follows instruction-like text in the article" in n for n in report.notes)
    assert check(article, FAITHFUL).ok  # the rest of the article still supports what it says


def test_the_trade_injection_of_the_issue_is_not_backed_by_the_checker() -> None:
    sentence = INJECTIONS[0][0]
    article = injected(sentence)
    report = check(article, "Trade between Iran and Kazakhstan collapsed to $3 million.")
    figure = next(f for f in report.figures if f.text == "$3 million")
    assert figure.status != "supported" and "instruction-like" in figure.note
    assert figure.sentence is None or figure.sentence.sentence != number_of(article, sentence)


def test_citing_a_suspect_sentence_is_no_support() -> None:
    sentence = INJECTIONS[0][0]
    article = injected(sentence)
    claim = ClaimInput(text="Trade collapsed to $3 million.", cited=[number_of(article, sentence)])
    report = check(article, CheckInput(text=claim.text, claims=[claim]))
    assert report.claims[0].status == "unsupported"
    assert "marked suspect" in report.claims[0].problems[0]
    assert report.claims[0].evidence[0].text == sentence  # shown as written in the article


def test_a_summarised_injected_article_is_flagged_and_says_why(tmp_path: Path) -> None:
    article = injected(INJECTIONS[0][0])
    obeying = json.loads(json.dumps(GOOD_004))
    obeying["summary"] = "Trade between Iran and Kazakhstan collapsed to $3 million in 2020."
    result = summarise(article, Settings(cache_dir=tmp_path, use_cache=False),
                       llm=FakeLLM([obeying, obeying]))
    assert result.source.suspect == article.suspect
    assert any("read as instructions to an AI" in w for w in result.warnings)
    assert not result.validation.ok
    assert any("$3 million" in p for p in result.validation.problems())
