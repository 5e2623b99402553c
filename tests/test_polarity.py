"""Opposites said of the same thing (polarity.py): a direction of change the other way round,
function-word antonyms; and what is left alone."""

from __future__ import annotations

import pytest

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.polarity import direction
from tests.checks import findings

ARTICLE = article_from_text(
    "Quarterly earnings per share were $0.34, up 17% from a year earlier.\n\n"
    "The dollar value of net orders increased 89% to $1.65 billion.\n\n"
    "Shipments to Europe fell 3% as demand weakened.\n\n"
    "Operating costs stayed more than $2 million below the budget, the company said.")


def test_direction_comes_from_wordnet_increase_and_decrease() -> None:
    assert [direction(w) for w in ("grew", "growth", "hike", "up", "expansion")] == [1] * 5
    assert [direction(w) for w in ("declined", "shrank", "reduction", "fell")] == [-1] * 4
    # modifiers and unrelated words have none: 'diluted earnings', 'full year', 'said'
    assert [direction(w) for w in ("diluted", "full", "said", "sales", "includes")] == [0] * 5


@pytest.mark.parametrize(("summary", "word", "source_word"), [
    ("Quarterly earnings per share declined 17% from a year earlier.", "declined", "up"),
    ("Shipments to Europe grew 3% as demand weakened.", "grew", "fell"),
    ("Net orders shrank 89% to $1.65 billion.", "shrank", "increased"),
    ("Operating costs stayed less than $2 million below the budget.", "less", "more"),
])
def test_the_opposite_direction_of_the_same_thing_contradicts(summary: str, word: str,
                                                              source_word: str) -> None:
    report = check(ARTICLE, summary)
    assert not report.ok
    assert ("antonym", [word], [source_word]) in findings(ARTICLE, summary)
    found = next(f for c in report.claims for f in c.findings if f.words == [word])
    assert found.source is not None and source_word in found.source.text


@pytest.mark.parametrize("summary", [
    "Quarterly earnings per share rose 17% from a year earlier.",
    "Net orders jumped 89% to $1.65 billion.",
    "Shipments to Europe dropped 3% as demand weakened.",
    "Operating costs stayed more than $2 million below the budget.",
    # said of something else: the fall is Europe's, the rise the orders'
    "Net orders increased 89% while shipments to Europe fell 3%.",
])
def test_the_same_direction_or_another_subject_is_left_alone(summary: str) -> None:
    assert not [f for f in findings(ARTICLE, summary) if f[0] == "antonym"]


def test_a_preposition_is_not_a_degree() -> None:
    art = article_from_text("We offer an exclusive 15% off your first purchase with the code.")
    assert not [f for f in findings(art, "They offer a 15% discount on your first purchase.")
                if f[0] == "antonym"]


def test_a_direction_against_two_amounts_the_sentence_compares() -> None:
    art = article_from_text(
        "Net income in the second quarter was $94.8 million, which compares to $106.6 million "
        "in the second quarter of last year.\n\nThe board met in June.")
    summary = "Net income rose in the second quarter compared to last year."
    assert ("antonym", ["rose"], ["$94.8 million", "$106.6 million"]) in findings(art, summary)
    assert not check(art, summary).ok
    assert check(art, "Net income fell in the second quarter compared to last year.").ok
    # no comparison in the sentence: nothing to read a direction from
    plain = article_from_text("Net income was $94.8 million and revenue $106.6 million.")
    assert not [f for f in findings(plain, "Net income rose to $94.8 million.")
                if f[0] == "antonym"]


def test_a_negated_direction_is_the_negation_checks_not_an_opposite() -> None:
    # one list of negators (negation.py) for both checks: 'failed to' negates as 'not' does
    for summary in ("Shipments to Europe failed to grow as demand weakened.",
                    "Shipments to Europe did not grow as demand weakened."):
        found = findings(ARTICLE, summary)
        assert not [f for f in found if f[0] == "antonym"]
        assert [f for f in found if f[0] == "negation"]
