"""Novel content: claim words in none of the aligned sentences, with where they are instead."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.alignment import tokens
from summariser.validation.models import MeaningFinding
from summariser.validation.novel import novel

ARTICLE = article_from_text(
    "The river ferry between the two villages stopped running in October, the council said.\n\n"
    "Repairs to the landing stage will cost the council more than it had planned.\n\n"
    "A temporary footbridge has been proposed by engineers from the county.\n\n"
    "Local shopkeepers said trade had fallen since the crossing closed.\n\n"
    "The council's budget for the year was set in the spring.\n\n"
    "A volunteer group has offered to run a minibus on market days.")


def _novel(summary: str) -> list[MeaningFinding]:
    report = check(ARTICLE, summary)
    return [f for c in report.claims for f in c.findings if f.kind.startswith("novel")]


def test_a_word_of_no_source_names_the_sentence_it_was_compared_with() -> None:
    found = _novel("Shopkeepers said trade had fallen since the crossing closed for winter.")
    (word,) = [f for f in found if f.words == ["winter"]]
    assert not word.in_article and word.source is not None
    assert word.source.sentence == 4 and "crossing closed" in word.source.text
    assert word.note.startswith("a word the article never uses (compared with S4")


def test_a_word_of_the_article_elsewhere_names_where_the_article_uses_it() -> None:
    claim = "Shopkeepers said a minibus had hit trade."
    minibus = next(t for t in tokens(claim) if t.word == "minibus")
    word = novel(ARTICLE, minibus, claim, [ARTICLE.sentences[3]], place=False)
    assert word.kind == "novel_word" and word.in_article and word.source_words == ["minibus"]
    assert word.source is not None and word.source.sentence == 6
    assert "(S6, as 'minibus')" in word.note


def test_novel_words_fail_nothing_but_an_unknown_name_does() -> None:
    assert check(ARTICLE, "Shopkeepers said trade had fallen since the crossing closed for "
                          "winter.").ok
    named = check(ARTICLE, "Shopkeepers told Reuters that trade had fallen since the crossing "
                           "closed.")
    assert not named.ok
    assert any(f.kind == "novel_name" and f.words == ["Reuters"] and not f.in_article
               for c in named.claims for f in c.findings)


def test_an_ordinary_word_of_a_title_case_headline_is_a_word_not_a_name() -> None:
    # a headline capitalises every word: its capitals say nothing of names
    summary = ("Ferry Halt Brings Hardship to Villages\n"
               "Shopkeepers said trade had fallen since the crossing closed.")
    (hardship,) = [f for f in _novel(summary) if f.words == ["Hardship"]]
    assert hardship.kind == "novel_word"
    assert check(ARTICLE, summary).ok
