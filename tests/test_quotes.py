"""Quotations in summaries against the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.load import load_article
from summariser.validation.quotes import check_quote, check_quotes, find_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_004 = load_article(next(SEEDS.glob("004_*")))
ZARIF = ("Our cooperation within the framework of the Eurasian Economic Union is of high "
         "significance")


def test_finds_straight_curly_and_single_quotes_but_not_apostrophes() -> None:
    text = ("Zarif said “a b c” and \"d e\". He called it 'peaceful purposes' and Iran's "
            "'Kazakhstan's access' but not Iran's or Kazakhstan's alone.")
    assert find_quotes(text) == ["a b c", "d e", "peaceful purposes", "Kazakhstan's access"]


@pytest.mark.parametrize("quote", [
    ZARIF,
    ZARIF.lower() + ".",  # case and punctuation
    ZARIF.replace("of the Eurasian", "of Eurasian"),  # one stop word left out
    "We support ... the Bandar Abbas port",  # an ellipsis
    "we noted the need to use the Caspian Sea for peaceful purposes",
])
def test_supported(quote: str) -> None:
    result = check_quote(SEED_004, quote)
    assert result.status == "supported", result
    assert result.source is not None
    assert SEED_004.text[result.source.start:result.source.end] == result.source.text


@pytest.mark.parametrize("quote", [
    ZARIF.replace("high", "great"),  # one word changed
    "Our cooperation is of high significance",  # words left out without an ellipsis
    "We will double trade by 2025",
    "Last update",  # page furniture only
])
def test_unsupported(quote: str) -> None:
    assert check_quote(SEED_004, quote).status == "unsupported"


def test_score_and_span() -> None:
    exact = check_quote(SEED_004, ZARIF)
    assert exact.score == 100.0 and exact.source is not None and exact.source.sentence == 4
    changed = check_quote(SEED_004, ZARIF.replace("high", "great"))
    assert 80 < changed.score < 100


def test_spelling_variants_inside_a_quote_are_allowed() -> None:
    seed_003 = load_article(next(SEEDS.glob("003_*")))
    result = check_quote(seed_003, "Iran's accession to the Shanghai Cooperation Organisation")
    assert result.status == "supported" and result.score == 100.0


def test_each_quote_once() -> None:
    assert len(check_quotes(SEED_004, f"“{ZARIF}” and again “{ZARIF}”")) == 1


def test_a_reworded_quote_is_paraphrased_with_its_differences_and_passes() -> None:
    from summariser.articles.build import article_from_text
    from summariser.validation import check

    article = article_from_text('The carmaker said it found "a specific electrical connection '
                                'issue that could result in a loss of propulsion" in testing.')
    summary = ('The carmaker found "a specific electrical connectivity issue that could result '
               'in a loss of propulsion".')
    report = check(article, summary)
    quote = report.quotes[0]
    assert quote.status == "paraphrased"
    assert "+connectivity" in quote.differences and "-connection" in quote.differences
    assert quote.source is not None and "connection" in quote.source.text
    assert report.ok
    assert not check(article, summary, strict_quotes=True).ok
    invented = check(article, 'The carmaker found "a specific electrical connection issue that '
                              'could result in a fire".')
    assert invented.quotes[0].status == "unsupported" and not invented.ok


def test_a_word_put_in_place_of_another_is_held_to_that_word() -> None:
    from summariser.articles.build import article_from_text

    article = article_from_text('The minister said "the strike would halt trains and buses '
                                'across the country" until Friday.')
    # "cars" is a sense of the span's "buses", not of the "trains" it replaces
    changed = check_quote(article, "the strike would halt cars and buses across the country")
    assert changed.status == "unsupported"
    assert "+cars" in changed.differences and "-trains" in changed.differences
    reworded = check_quote(article, "the strike would halt trains and coaches across the country")
    assert reworded.status == "paraphrased"


def test_a_changed_last_word_is_in_the_span_and_the_differences() -> None:
    from summariser.articles.build import article_from_text

    article = article_from_text('The minister said "the strike would halt trains and buses '
                                'across the country" until Friday.')
    changed = check_quote(article, "the strike would halt trains and buses across the nation")
    assert changed.source is not None and changed.source.text.endswith("country")
    assert changed.differences == ["+nation", "-country"]
    # a synonym there is a reworded quote like any other
    assert check_quote(SEED_004, ZARIF.replace("significance", "importance")).status \
        == "paraphrased"


def test_a_word_the_span_has_elsewhere_counts_where_the_quote_changed_it() -> None:
    from summariser.articles.build import article_from_text

    article = article_from_text('The coach said "the first half was poor and the second half '
                                'was worse" after the game.')
    changed = check_quote(article, "the first half was poor and the first half was worse")
    assert changed.status == "unsupported"
    assert changed.differences == ["+first", "-second"]
