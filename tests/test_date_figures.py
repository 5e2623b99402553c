"""Weekdays, relative dates and the dateline (date_figures.py, figures.py), on composed text."""

from __future__ import annotations

import pytest

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.date_figures import Calendar
from summariser.validation.numbers import parse_figures

DATED = article_from_text(
    "Harbour talks resume in Lisbon\n"
    "March 8, 2023\n\n"
    "The government said on Wednesday that talks with dockworkers would resume next week, "
    "after a strike that began on Monday closed the port.\n\n"
    "Last year a similar stoppage lasted nine days. The port handled 12,137 containers this "
    "month before the walkout. The union said yesterday that 2,400 workers had joined.\n")
UNDATED = article_from_text(
    "The council voted on Tuesday to close the library. The mayor objected on Thursday, "
    "saying the building would be sold next year.")


def statuses(article: object, summary: str) -> dict[str, str]:
    return {f.text: f.status for f in check(article, summary).figures}  # type: ignore[arg-type]


def test_weekdays_and_relative_dates_are_checker_figures_only() -> None:
    text = "On Monday, last year's figure was restated; on Mondays the office shuts."
    assert [f.kind for f in parse_figures(text)] == []
    kinds = [(f.text, f.kind) for f in parse_figures(text, Calendar.of("2023-03-08"))]
    assert kinds == [("Monday", "weekday"), ("last year", "year")]
    assert [f.text for f in parse_figures(text, Calendar())] == ["Monday"]  # no article date


@pytest.mark.parametrize(("summary", "status"), [
    ("The government said on Wednesday that talks would resume.", "supported"),
    ("The government said on Monday that talks would resume.", "mismatch"),
    ("The strike began on Monday.", "supported"),
    ("The strike began on Wednesday.", "mismatch"),
    ("The strike began on Friday.", "mismatch"),  # the strike's day is Monday
    ("The harbour was quiet on Friday.", "unsupported"),
])
def test_a_weekday_is_the_one_of_its_clause(summary: str, status: str) -> None:
    weekday = [f for f in check(DATED, summary).figures if f.kind == "weekday"]
    assert [f.status for f in weekday] == [status]


def test_a_weekday_against_a_date_and_a_relative_day() -> None:
    # March 7, 2023 (the day before the article's date) was a Tuesday
    assert statuses(DATED, "The union said on Tuesday that 2,400 workers had joined.")[
        "Tuesday"] == "supported"
    assert statuses(DATED, "The union said on Thursday that 2,400 workers had joined.")[
        "Thursday"] != "supported"
    assert statuses(DATED, "On March 7, 2023 the union said 2,400 workers had joined.")[
        "March 7, 2023"] == "supported"


@pytest.mark.parametrize(("summary", "status"), [
    ("A similar stoppage in 2022 lasted nine days.", "supported"),
    ("A similar stoppage in 2021 lasted nine days.", "mismatch"),
    ("The port handled 12,137 containers in March 2023.", "supported"),
    ("The port handled 12,137 containers in February 2023.", "mismatch"),
])
def test_relative_dates_resolve_against_the_article_date(summary: str, status: str) -> None:
    found = [f.status for f in check(DATED, summary).figures if f.kind in ("year", "date")]
    assert found == [status]


def test_the_dateline_is_a_fact_of_the_article() -> None:
    found = check(DATED, "Talks were to resume, the government said on March 8, 2023.").figures
    assert [(f.status, f.note) for f in found] == [("supported",
                                                    "the article's date (its dateline)")]
    assert found[0].source is not None and found[0].source.text == "March 8, 2023"


def test_without_an_article_date_relative_words_are_not_figures() -> None:
    assert statuses(UNDATED, "The mayor said the building would be sold next year.") == {}
    assert statuses(UNDATED, "The council voted on Tuesday.") == {"Tuesday": "supported"}
    assert statuses(UNDATED, "The council voted on Thursday.")["Thursday"] == "mismatch"


QUARTERLY = article_from_text(
    "The retailer expects third-quarter revenue of $260 million to $280 million. In Q2 its "
    "revenue fell 4% as stores closed for refits.")


@pytest.mark.parametrize(("summary", "status"), [
    ("The retailer expects Q3 revenue of $260 million to $280 million.", "supported"),
    ("The retailer expects 3Q revenue of $260 million to $280 million.", "supported"),
    ("The retailer expects Q4 revenue of $260 million to $280 million.", "mismatch"),
    ("Revenue fell 4% in the second quarter.", "supported"),
    ("Revenue fell 4% in Q1.", "mismatch"),
])
def test_a_quarter_label_is_the_quarter_it_names(summary: str, status: str) -> None:
    quarter = [f for f in check(QUARTERLY, summary).figures if f.kind == "ordinal"]
    assert [f.status for f in quarter] == [status]


def test_quarter_labels_are_checker_figures_only() -> None:
    assert parse_figures("Q3 sales and 4Q costs rose.") == []
    found = parse_figures("Q3 sales and 4Q costs rose, not Q5 or AQ3.", Calendar())
    assert [(f.text, f.value) for f in found] == [("Q3", 3.0), ("4Q", 4.0)]
