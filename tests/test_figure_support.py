"""Figures the clause alone gets wrong: a value stated in the sentence the claim restates, and
ranges written as one figure on one side and two on the other (sentences written for these
tests)."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation.figures import check_figures

RESCUE = article_from_text(
    "Rangers have rescued a climber who guided seven to safety after an avalanche in the Alps.\n\n"
    "The climber had led groups on the mountain for a decade.\n\n"
    "The group sheltered five people inside the mountain hut and helped two more down the slope."
    "\n\nAll of them were later flown to hospital.")

SALES = article_from_text(
    "The retailer expects sales to rise 3% to 6% next year.\n\n"
    "It sees costs between $2.1 billion and $2.4 billion.\n\n"
    "Costs were $2.9 billion last year, when sales fell 8%.")


def _status(art: object, summary: str) -> list[tuple[str, str]]:
    return [(f.text, f.status) for f in check_figures(art, summary)]  # type: ignore[arg-type]


def test_value_of_the_restated_sentence_is_supported_despite_a_closer_rival() -> None:
    # "sheltered ... mountain hut" sits next to "five" elsewhere, but the sentence restates the
    # one that says "seven"
    summary = "Rangers rescued the climber who sheltered seven in a mountain hut avalanche."
    assert _status(RESCUE, summary) == [("seven", "supported")]


def test_value_swapped_for_another_figure_of_the_article_is_still_a_mismatch() -> None:
    summary = "The group sheltered seven people inside the mountain hut."
    assert _status(RESCUE, summary) == [("seven", "mismatch")]


def test_a_range_matches_its_ends_stated_separately_in_one_sentence() -> None:
    assert _status(SALES, "Sales are expected to grow 3-6% next year.") == [("3-6%", "supported")]
    assert _status(SALES, "Sales are expected to grow 3-8% next year.")[0][1] != "supported"


def test_ends_written_separately_match_a_source_range() -> None:
    summary = "Costs are seen from $2.1 billion to $2.4 billion."
    assert _status(SALES, summary) == [("$2.1 billion", "supported"),
                                       ("$2.4 billion", "supported")]
    assert _status(SALES, "Costs are seen from $2.1 billion to $2.7 billion.")[1][1] \
        != "supported"
