"""The figure parser: what is a figure, its kind, normalised value, unit, approximation, context."""

from __future__ import annotations

import pytest

from summariser.validation.numbers import Figure, parse_figures


def one(text: str) -> Figure:
    figures = parse_figures(text)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(("text", "figure", "kind", "value", "unit"), [
    ("It has 1,250 members.", "1,250", "number", 1250, None),
    ("A rate of 3.75 was set.", "3.75", "number", 3.75, None),
    ("Seventy projects began.", "Seventy", "number", 70, None),
    ("The two countries met.", "two", "number", 2, None),
    ("He owns a hundred horses.", "a hundred", "number", 100, None),
    ("It fell 37.2% last year.", "37.2%", "percent", 37.2, "%"),
    ("It fell 37.2 percent.", "37.2 percent", "percent", 37.2, "%"),
    ("seventy per cent of foreign capital", "seventy per cent", "percent", 70, "%"),
    ("It rose 2 percentage points.", "2 percentage points", "percent", 2, "pp"),
    ("Trade was $237 million.", "$237 million", "money", 237e6, "USD"),
    ("Trade was $237m.", "$237m", "money", 237e6, "USD"),
    ("Trade was 237 million dollars.", "237 million dollars", "money", 237e6, "USD"),
    ("Trade was $1.9bn.", "$1.9bn", "money", 1.9e9, "USD"),
    ("A loan of USD 5 billion.", "USD 5 billion", "money", 5e9, "USD"),
    ("A deal worth £ 150 m was signed.", "£ 150 m", "money", 150e6, "GBP"),
    ("It cost €40,000.", "€40,000", "money", 40000, "EUR"),
    ("It cost 900 billion rials.", "900 billion rials", "money", 900e9, "IRR"),
    ("Exports of 2.4 million tons of goods.", "2.4 million tons", "quantity", 2.4e6, "ton"),
    ("Exports of 5,000 tonnes.", "5,000 tonnes", "quantity", 5000, "ton"),
    ("A 40 km road.", "40 km", "quantity", 40, "km"),
    ("A 40km road.", "40km", "quantity", 40, "km"),
    ("Output of 3 million barrels a day.", "3 million barrels a day", "quantity", 3e6, "bpd"),
    ("over the past eleven months", "eleven months", "quantity", 11, "month"),
    ("a two - year contract", "two - year", "quantity", 2, "year"),
    ("The 26-year-old won.", "26-year-old", "quantity", 26, "year_old"),
    ("A 23 - year - old man.", "23 - year - old", "quantity", 23, "year_old"),
    ("He weighs 15st now.", "15st", "quantity", 15, "stone"),
    ("He won in 2020.", "2020", "year", 2020, "year"),
    ("He won his 12th title.", "12th", "ordinal", 12, None),
    ("He won his second title.", "second", "ordinal", 2, None),
    ("It landed at 14:53.", "14:53", "time", 14 * 60 + 53, "minute"),
])
def test_kind_value_unit(text: str, figure: str, kind: str, value: float, unit: str | None) -> None:
    f = one(text)
    assert (f.text, f.kind, f.unit) == (figure, kind, unit)
    assert f.value == pytest.approx(value)
    assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(("text", "iso"), [
    ("signed on April 7, 2021.", "2021-04-07"),
    ("signed on 7 April 2021.", "2021-04-07"),
    ("signed on 2021-04-07.", "2021-04-07"),
    ("signed on April 7.", "--04-07"),
    ("signed on 5 July.", "--07-05"),
    ("signed on Jan. 5, 2020.", "2020-01-05"),
    ("signed in March 2020.", "2020-03"),
    ("signed on the 7th of April", "--04-07"),
    ("They met in November.", "--11"),
])
def test_dates(text: str, iso: str) -> None:
    f = one(text)
    assert (f.kind, f.iso) == ("date", iso)
    assert not f.text.endswith(".")


def test_full_date_value_is_the_day_number() -> None:
    first, second = parse_figures("March 20, 2020, and February 18, 2021")
    assert (first.iso, second.iso) == ("2020-03-20", "2021-02-18")
    assert second.value is not None and first.value is not None
    assert second.value - first.value == 335


@pytest.mark.parametrize(("text", "value", "high", "unit"), [
    ("in the same period in 2019-2020.", 2019, 2020, "year"),
    ("in the same period in 2019–20.", 2019, 2020, "year"),
    ("in the 2019/20 season.", 2019, 2020, "year"),
    ("between 2019 and 2020", 2019, 2020, "year"),
    ("from 2000 to 2003", 2000, 2003, "year"),
    ("in the 1990s", 1990, 1999, "year"),
    ("a rise of 5-10%", 5, 10, "%"),
    ("between 5 and 10 million", 5e6, 10e6, None),
    ("between £800 and £900 per eye", 800, 900, "GBP"),
    ("a $5-10 million deal", 5e6, 10e6, "USD"),
])
def test_ranges(text: str, value: float, high: float, unit: str | None) -> None:
    f = one(text)
    assert (f.kind, f.unit) == ("range", unit)
    assert (f.value, f.high) == (pytest.approx(value), pytest.approx(high))


def test_a_score_is_two_numbers_not_a_range() -> None:
    assert [(f.kind, f.value) for f in parse_figures("a 3-1 win")] == [("number", 3), ("number", 1)]


@pytest.mark.parametrize(("text", "approx", "shown"), [
    ("working on over 100 plans", "over", "over 100"),
    ("more than £ 1,000 was taken", "more than", "more than £ 1,000"),
    ("worth about $240 million", "about", "about $240 million"),
    ("nearly 240 people", "nearly", "nearly 240"),
    ("almost six months", "almost", "almost six months"),
    ("some 100 plans", "some", "some 100"),
    ("at least 15,000 soldiers", "at least", "at least 15,000"),
    ("up to 5 km", "up to", "up to 5 km"),
    ("more than the £100,000-a-week contract", "more than", "more than the £100,000"),
    ("roughly ~5", "~", "~5"),
])
def test_approximations(text: str, approx: str, shown: str) -> None:
    f = one(text)
    assert (f.approx, f.text) == (approx, shown)


def test_over_a_duration_is_not_a_bound() -> None:
    figures = parse_figures("exports over the past 11 months and over 11 months")
    assert [(f.text, f.approx) for f in figures] == [("11 months", None), ("11 months", None)]


@pytest.mark.parametrize("text", [
    "The F/A-18 and the MiG-29 flew.",
    "COVID-19 spread.",
    "A00150942.jpgCaretaker of the ministry",
    "The S-400 system.",
    "As stated [S3] and [3].",
    "A 5G network and a 3D printer.",
    "Version 1.2.3 shipped.",
    "Half of it, 1/2 of it.",
    "1. First point\n2) Next point",
    "It was a meeting.",
    "He is one of the officials.",
    "The first flight and at first.",
    "Hundreds of people and thousands more.",
    "a third of the voters",
    "Prices rose by a fifth and a second later fell by a tenth.",
    "Trade shrank by more than a third in the spring.",
    "flight MH370",
])
def test_not_figures(text: str) -> None:
    assert parse_figures(text) == []


@pytest.mark.parametrize(("text", "unit"), [
    ("Adam Leheup, 34, met the woman.", "year_old"),
    ("Mr Haugh, 25, was stabbed.", "year_old"),
    ("In March, 12, people came.", None),
    ("Gateshead 0, Guiseley 1, then a goal.", None),
])
def test_a_number_set_off_by_commas_after_a_name_is_an_age(text: str, unit: str | None) -> None:
    assert parse_figures(text)[-1].unit == unit


@pytest.mark.parametrize(("text", "figure", "kind", "value", "unit"), [
    ("2.4m tonnes of goods", "2.4m tonnes", "quantity", 2.4e6, "ton"),
    ("3m people voted", "3m", "number", 3e6, None),
    ("the 100m sprint", "100m", "quantity", 100, "m"),
    ("a decade ago", "a decade", "quantity", 10, "year"),
    ("two decades ago", "two decades", "quantity", 20, "year"),
])
def test_scale_or_unit_abbreviations(text: str, figure: str, kind: str, value: float,
                                     unit: str | None) -> None:
    f = one(text)
    assert (f.text, f.kind, f.unit) == (figure, kind, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [
    ("The bank made a third-quarter loss.", 3),
    ("They won a fifth straight title.", 5),
    ("She seeks an eighth term in office.", 8),
    ("Profits doubled in the first quarter.", 1),
    ("The first-half loss narrowed.", 1),
])
def test_ordinals_that_rank_a_thing_or_a_period(text: str, value: int) -> None:
    assert [(f.kind, f.value) for f in parse_figures(text)] == [("ordinal", value)]


def test_a_month_needs_a_preposition_to_be_a_date() -> None:
    assert parse_figures("May we go? March on.") == []


def test_one_with_a_unit_is_a_figure() -> None:
    assert [(f.kind, f.value) for f in parse_figures("one million tons in one year")] == [
        ("quantity", 1e6), ("quantity", 1)]


def test_year_prefix_is_not_an_identifier() -> None:
    assert one("by mid-2020 it ended").kind == "year"


def test_significant_digits() -> None:
    assert [f.digits for f in parse_figures("1.90 and 1,000 and 237 and $1.9bn")] == [3, 1, 3, 2]


def test_context_is_the_clause_with_neighbouring_figures() -> None:
    text = ("The trade turnover between Kazakhstan and Iran amounted to $237 million in 2020. "
            "Officials met.")
    money, year = parse_figures(text)
    assert money.context[:money.before] == ["trad", "turnover", "kazakhstan", "iran", "amount"]
    assert money.context[money.before:] == ["#year:2020year"]
    assert "official" not in year.context  # the next sentence is another clause
    assert "#money:2.37e+08usd" in year.context


def test_spans_are_offsets_into_the_text() -> None:
    text = "Iran exported 2.4 million tons of goods worth $933 million over the past 11 months."
    for f in parse_figures(text):
        assert text[f.start:f.end] == f.text
