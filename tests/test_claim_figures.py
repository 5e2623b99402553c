"""A claim's figures taken from its summary's (figure_spans.figures_within) are the figures the
claim parsed alone has, and where the two parses can differ the claim is parsed alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.load import load_article
from summariser.evaluation.labelled import default_cases
from summariser.validation.claims import split_sentences
from summariser.validation.date_figures import Calendar
from summariser.validation.figure_spans import figures_within
from summariser.validation.models import Figure
from summariser.validation.numbers import parse_figures

ROOT = Path(__file__).resolve().parent.parent
CALENDAR = Calendar.of("2021-04-08")


def _spans(text: str, claims: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for claim in claims:
        at = text.find(claim, pos)
        pos = at + len(claim)
        spans.append((at, pos))
    return spans


def _taken(text: str, claim: str, calendar: Calendar = CALENDAR) -> list[Figure] | None:
    [found] = figures_within(text, parse_figures(text, calendar), _spans(text, [claim]))
    return found


def test_labelled_summaries_parse_the_same() -> None:
    """Every sentence of the labelled seed summaries, with its seed article's calendar."""
    taken = alone = 0
    for case in default_cases(ROOT / "evals" / "labelled"):
        calendar = Calendar.of(load_article(ROOT / "seeds" / f"{case.article}.txt").date)
        claims = split_sentences(case.summary)
        figures = parse_figures(case.summary, calendar)
        spans = _spans(case.summary, claims)
        for (start, end), found in zip(spans, figures_within(case.summary, figures, spans),
                                       strict=True):
            if found is None:
                alone += 1
                continue
            taken += 1
            assert found == parse_figures(case.summary[start:end], calendar), (start, end)
    assert taken > 2 * alone  # the summary's figures serve most claims


@pytest.mark.parametrize(("text", "claim"), [
    ("Sales (EEU) Exports fell 7% in 2020.", "Exports fell 7% in 2020."),  # no sentence end
    ("It will cost Rs. 500 crore in 2020.", "500 crore in 2020."),  # a currency across
    ("They met on Jan. 5 in Astana in 2020.", "5 in Astana in 2020."),  # a date across
    ("They met at 5 p.m. Talks ran 3 hours.", "Talks ran 3 hours."),  # 'p.m.' takes the stop
    ("Exports fell. 2) Imports rose 5% in 2020.", "2) Imports rose 5% in 2020."),  # a marker
])
def test_claims_parsed_alone_where_parses_differ(text: str, claim: str) -> None:
    assert _taken(text, claim) is None
    start = text.index(claim)
    inside = [(f.text, f.kind, f.context) for f in parse_figures(text, CALENDAR)
              if start <= f.start < start + len(claim)]
    alone = [(f.text, f.kind, f.context) for f in parse_figures(claim, CALENDAR)]
    assert inside != alone  # the guard is needed: the parses differ


def test_a_sentence_after_a_sentence_end_is_taken() -> None:
    text = "Trade fell 37.2 percent in 2020. Exports were “$933 million” in 2020."
    claim = "Exports were “$933 million” in 2020."
    assert _taken(text, claim) == parse_figures(claim, CALENDAR)
    assert _taken(text, "Trade fell 37.2 percent in 2020.") == parse_figures(
        "Trade fell 37.2 percent in 2020.", CALENDAR)
