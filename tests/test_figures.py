"""Checking a summary's figures against the seed articles: every corruption kind is caught,
faithful paraphrases are not flagged."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from summariser.articles.build import article_from_text
from summariser.articles.models import Article, Furniture, Sentence
from summariser.validation import check
from summariser.validation.figures import check_figures, figures_match
from summariser.validation.models import FigureCheck
from summariser.validation.numbers import parse_figures

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…](?=\s|$)|(?=\n)|$)")


def article(text: str, furniture: tuple[tuple[str, str], ...] = ()) -> Article:
    """An Article built by hand: one sentence per line or full stop, furniture given by text."""
    sentences = []
    for m in _SENTENCE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if m.group().strip():
            sentences.append(Sentence(index=len(sentences) + 1, start=start, end=m.end(),
                                      text=text[start:m.end()]))
    spans = [Furniture(start=text.index(t), end=text.index(t) + len(t), text=t, kind=kind)
             for t, kind in furniture]
    return Article(text=text, sentences=sentences, furniture=spans,
                   sha256=hashlib.sha256(text.encode()).hexdigest())


def seed(prefix: str, furniture: tuple[tuple[str, str], ...] = ()) -> Article:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return article(path.read_text(encoding="utf-8"), furniture)


KAZAKH = seed("004", (("Last update: April 19, 2024 14:53", "last-update"),
                      ("By Orkhan Jalilov April 8, 2021", "byline"),
                      ("Newsroom logo", "logo")))
BOLIVIA = seed("000", (("A00150942.jpg", "image-name"), ("Check Also", "check-also")))
ORAZBAY = seed("001")
BAGHERI = seed("003", tuple((line, "teaser") for line in (
    "At least 15,000 British soldiers left the country's Armed Forces between November 2023 "
    "and October…",
    "Journalists have identified the names of 84,761 Russian soldiers who died during the war "
    "in…",
    "The United States Navy has inadvertently shot down its own F/A-18 fighter jet in a…")))


def checks(art: Article, summary: str) -> dict[str, FigureCheck]:
    return {c.text: c for c in check_figures(art, summary)}


def statuses(art: Article, summary: str) -> dict[str, str]:
    return {c.text: c.status for c in check_figures(art, summary)}


FAITHFUL_KAZAKH = (
    "Kazakhstan-Iran trade fell 37.2% to $237m in 2020, compared to 2019. Iran's trade with the "
    "Eurasian Economic Union was $1.9 billion between March 20, 2020, and February 18, 2021, "
    "down 9.4 percent. Over the past eleven months Iran exported 2.4 million tonnes of goods "
    "worth $933 million to EEU countries; volume fell 17% and value 4%. Zarif and Tleuberdi "
    "signed the memorandum on April 7, 2021 in Nur-Sultan; Kish Air's plane landed in Aktau on "
    "April 1.")


def test_faithful_summary_is_all_supported() -> None:
    result = check_figures(KAZAKH, FAITHFUL_KAZAKH)
    assert len(result) == 15
    assert [(c.text, c.note) for c in result if c.status != "supported"] == []


@pytest.mark.parametrize(("summary", "figure", "says"), [
    ("Trade between Kazakhstan and Iran amounted to $273 million in 2020.", "$273 million",
     "$237 million"),
    ("Iran exported 2.4 billion tons of goods to EEU countries.", "2.4 billion tons",
     "2.4 million tons"),
    ("The trade turnover decreased by 32.7 percent compared to 2019.", "32.7 percent",
     "37.2 percent"),
    ("Officials signed a document of cooperation on April 17.", "April 17", "April 7"),
    ("Trade between Kazakhstan and Iran amounted to $237 million in 2019.", "2019", "2020"),
    ("Iran exported goods worth $993 million to EEU countries.", "$993 million", "$933 million"),
    ("Iran's trade with the EEU decreased by 4.9 percent compared to the same period in "
     "2019-2020.", "4.9 percent", "9.4 percent"),
    ("Iran exported goods to EEU countries over the past 12 months.", "12 months", "11 months"),
    ("Trade with Eurasian Economic Union member states amounted to $1.9 million.",
     "$1.9 million", "$1.9 billion"),
    ("Trade fell 37.2% to $237 million in 2021.", "2021", "2020"),
    ("Kish Air's plane landed in Aktau on April 11.", "April 11", "April 1"),
    ("Iran exported 24 million tons of goods.", "24 million tons", "2.4 million tons"),
])
def test_corrupted_figure_is_a_mismatch_naming_the_source(summary: str, figure: str,
                                                           says: str) -> None:
    check = checks(KAZAKH, summary)[figure]
    assert check.status == "mismatch"
    assert says in check.note
    assert check.source is not None and check.source.text == says


def test_mismatch_points_at_the_source_sentence() -> None:
    check = checks(KAZAKH, "Trade amounted to $273 million in 2020.")["$273 million"]
    assert check.source is not None and check.sentence is not None
    assert KAZAKH.text[check.source.start:check.source.end] == "$237 million"
    assert check.sentence.sentence == check.source.sentence
    assert "$237 million" in check.sentence.text
    assert KAZAKH.sentences[check.sentence.sentence - 1].text == check.sentence.text


@pytest.mark.parametrize(("art", "summary", "figure"), [
    (KAZAKH, "Iran plans 15 new flights to Aktau.", "15"),
    (KAZAKH, "Kish Air was founded in May 1990.", "May 1990"),
    (ORAZBAY, "Iran can export fresh fruit worth $50 million.", "$50 million"),
    (BOLIVIA, "Iran is building 3 dairy factories in Bolivia.", "3"),
])
def test_added_figure_is_unsupported(art: Article, summary: str, figure: str) -> None:
    assert statuses(art, summary)[figure] == "unsupported"


@pytest.mark.parametrize(("summary", "figure"), [
    ("Kazakhstan receives 60 percent of foreign capital flowing to Central Asia.", "60 percent"),
    ("70 percent of foreign capital flowing to the six Central Asian countries enters through "
     "Kazakhstan.", "six"),
])
def test_changed_count_or_percentage_is_flagged(summary: str, figure: str) -> None:
    assert statuses(ORAZBAY, summary)[figure] in ("mismatch", "unsupported")


@pytest.mark.parametrize(("art", "summary"), [
    (KAZAKH, "Trade fell 37.2% to $237m in 2020."),
    (KAZAKH, "Trade fell 37% to $237 million in 2020."),
    (KAZAKH, "In 2020, Kazakhstan-Iran trade totalled $237 million, 37.2 percent less than in "
             "2019."),
    (KAZAKH, "Tleuberdi said bilateral trade was $237 million last year, a 37.2% drop on 2019."),
    (KAZAKH, "In the 11 months to February 2021 Iran sold the EEU 2.4m tonnes of goods, worth "
             "$933m."),
    (KAZAKH, "Iran-EEU trade reached $1.9 billion from March 2020 to February 2021, 9.4% lower "
             "than a year earlier."),
    (KAZAKH, "Iran exported goods worth $933 million, down 4 percent, while volume fell 17 "
             "percent to 2.4 million tons."),
    (KAZAKH, "Iran exported 2.4 million tons of goods worth $933 million over the past 11 "
             "months."),
    (KAZAKH, "Zarif visited Nur-Sultan in April 2021; the memorandum was signed on 7 April."),
    (ORAZBAY, "Seventy per cent of foreign capital flowing to the five Central Asian countries "
              "enters through Kazakhstan."),
    (ORAZBAY, "Kazakhstan takes in 70% of foreign capital that flows to 5 Central Asian states."),
    (BOLIVIA, "Iran works on more than 100 plans and projects in Venezuela and wants to boost "
              "ties between the 2 countries."),
    (BAGHERI, "Bagheri visited the port of Salianka, 53 percent owned by Iran."),
])
def test_faithful_paraphrase_is_not_flagged(art: Article, summary: str) -> None:
    result = check_figures(art, summary)
    assert result
    assert {c.text: c.status for c in result if c.status != "supported"} == {}


@pytest.mark.parametrize(("art", "summary", "figure", "kind"), [
    (BAGHERI, "At least 15,000 British soldiers left the armed forces.", "At least 15,000",
     "teaser"),
    (BAGHERI, "Journalists named 84,761 Russian soldiers who died.", "84,761", "teaser"),
    (KAZAKH, "The article was updated on April 19, 2024.", "April 19, 2024", "last-update"),
])
def test_figure_only_in_furniture_is_boilerplate(art: Article, summary: str, figure: str,
                                                 kind: str) -> None:
    check = checks(art, summary)[figure]
    assert check.status == "boilerplate"
    assert kind in check.note


def test_derived_figure_shows_its_arithmetic() -> None:
    check = checks(KAZAKH, "In 2019 the trade turnover was about $377 million.")[
        "about $377 million"]
    assert check.status == "derived"
    assert "$237 million / (1 - 37.2 percent)" in check.note
    assert "377.39" in check.note


TRADE = article("Exports were $500 million. Imports were $300 million. Exports of 5 million "
                "tons fell 10 percent. In 2024 Iran exported goods worth $2 billion.")


@pytest.mark.parametrize(("summary", "status", "how"), [
    ("Trade totalled $800 million.", "derived", "$500 million + $300 million"),
    ("The surplus was $200 million.", "derived", "$500 million - $300 million"),
    ("Imports were 60% of exports.", "derived", "$300 million / $500 million"),
    ("Imports were 40% lower than exports.", "derived",
     "($300 million - $500 million) / $500 million"),
    ("Exports had been about 5.6 million tons.", "derived", "5 million tons / (1 - 10 percent)"),
    # not derived: operands in sentences far apart, or a sum of different kinds
    ("Exports were $2.5 billion in all.", "mismatch", ""),
    ("Exports were $505 million.", "mismatch", ""),
])
def test_derivations(summary: str, status: str, how: str) -> None:
    (check,) = [c for c in check_figures(TRADE, summary) if c.kind in ("money", "percent",
                                                                      "quantity")]
    assert check.status == status, check
    assert how in check.note


def test_a_figure_the_source_states_in_the_same_words_beats_a_coincidental_derivation() -> None:
    # $3.30 / $1.50 is 220%, but the source states the increase itself: 120%
    art = article("Profit per share was $3.30, an increase of 120% on last year's $1.50.")
    check = checks(art, "Profit per share was $3.30, an increase of 220% on last year.")["220%"]
    assert (check.status, check.note) == ("mismatch", "source says 120%")
    assert checks(art, "This year's profit per share was 220% of last year's.")[
        "220%"].status == "derived"


def test_a_rounded_claim_goes_with_the_figure_its_clause_names() -> None:
    # "$950 million" rounds $946 million, but its clause is the $971 million's
    art = article("Net interest income was $971 million in the quarter, compared with $946 "
                  "million a year earlier.")
    assert statuses(art, "Net interest income was $950 million in the quarter.") == {
        "$950 million": "mismatch"}
    assert statuses(art, "A year earlier it was $950 million.") == {"$950 million": "supported"}
    assert statuses(art, "Net interest income was $970 million.") == {"$970 million": "supported"}


def test_percentage_points_follow_from_two_percents_but_a_percent_does_not() -> None:
    check = checks(KAZAKH, "The volume fell 13 percentage points more than the value.")[
        "13 percentage points"]
    assert (check.status, check.note) == (
        "derived", "derived: 17 percent - 4 percent = 13.0 percentage points")
    assert statuses(KAZAKH, "The volume fell 13 percent.")["13 percent"] in (
        "mismatch", "unsupported")


def test_a_corruption_that_does_not_follow_is_not_derived() -> None:
    assert statuses(KAZAKH, "In 2019 the turnover was about $420 million.")[
        "about $420 million"] == "mismatch"


def test_year_supported_by_a_date_and_ages_by_either_form() -> None:
    art = article("Pippa Middleton was in London on Thursday. The 31-year-old wore a tweed skirt "
                  "on April 3, 2015.")
    assert statuses(art, "Pippa, 31, wore tweed in 2015.") == {"31": "supported",
                                                               "2015": "supported"}
    assert statuses(art, "Pippa, 32, wore tweed.") == {"32": "mismatch"}


def test_months_and_decades() -> None:
    assert statuses(ORAZBAY, "In November, Nazarbayev met Zarif.") == {"November": "supported"}
    assert statuses(ORAZBAY, "In December, Nazarbayev met Zarif.") == {"December": "mismatch"}
    assert statuses(BAGHERI, "The war in Syria began ten years ago.") == {
        "ten years": "supported"}
    assert statuses(BAGHERI, "The war in Syria began 12 years ago.") == {"12 years": "mismatch"}


def test_full_date_needs_the_year_in_the_body() -> None:
    with_year = article("The memorandum was signed on April 7. Trade fell in 2021 overall.")
    without = article("The memorandum was signed on April 7. Trade fell overall.")
    summary = "The memorandum was signed on April 7, 2021."
    assert statuses(with_year, summary) == {"April 7, 2021": "supported"}
    assert statuses(without, summary)["April 7, 2021"] in ("mismatch", "unsupported")


SOURCE = article("The fund has $1.93 billion. It runs over 100 projects and employs 240 people. "
                 "Some 70 projects are abroad. Costs rose 37.2 percent.")


@pytest.mark.parametrize(("summary", "status"), [
    ("The fund has $1.9 billion.", "supported"),
    ("The fund has $2 billion.", "supported"),
    ("The fund has $1.95 billion.", "mismatch"),
    ("It runs over 100 projects.", "supported"),
    ("It runs more than 100 projects.", "supported"),
    ("It runs over 90 projects.", "supported"),
    ("It runs over 150 projects.", "mismatch"),
    ("It employs about 250 people.", "supported"),
    ("It employs about 260 people.", "mismatch"),
    ("It employs nearly 250 people.", "supported"),
    ("It employs more than 200 people.", "supported"),
    ("It employs more than 240 people.", "supported"),  # 240 is a round figure
    ("It employs more than 250 people.", "mismatch"),
    ("It employs under 240 people.", "supported"),
    ("Costs rose more than 37.2 percent.", "mismatch"),  # 37.2 is exact
    ("It employs fewer than 300 people.", "supported"),
    ("It employs 200 people.", "mismatch"),
    ("Costs rose 37 percent.", "supported"),
    ("Costs rose 40 percent.", "mismatch"),
    ("Costs rose about 40 percent.", "mismatch"),
])
def test_rounding_and_approximation_rules(summary: str, status: str) -> None:
    (check,) = check_figures(SOURCE, summary)
    assert check.status == status, check


def test_exact_claim_for_an_approximate_source_is_supported_with_a_note() -> None:
    (check,) = check_figures(SOURCE, "It runs 100 projects.")
    assert check.status == "supported"
    assert check.note == "source says over 100"


@pytest.mark.parametrize(("summary", "status"), [
    ("70 percent of the projects are abroad.", "unsupported"),
    ("Some 70 projects are abroad.", "supported"),
    ("Costs rose 37.2 percentage points.", "mismatch"),
    ("It has 1.93 billion.", "unsupported"),
])
def test_kind_and_unit_must_agree(summary: str, status: str) -> None:
    (check,) = check_figures(SOURCE, summary)
    assert check.status == status


def test_bare_number_matches_a_quantity_only_with_its_unit_word() -> None:
    art = article("Iran exported goods over the past 11 months.")
    assert statuses(art, "Goods went out in 11 of the past months.") == {"11": "supported"}
    assert statuses(art, "Iran exported 11 goods.") == {"11": "unsupported"}


def test_a_count_equal_to_an_unrelated_source_count_is_not_supported() -> None:
    art = article("McCall named a 23-man squad. He made four changes to the side.")
    result = checks(art, "McCall made 23 changes to the side.")["23"]
    assert result.status in ("mismatch", "unsupported")
    assert "about something else" in result.note
    assert statuses(art, "McCall named 23 players in his squad.") == {"23": "supported"}


def test_a_year_only_in_a_sentence_about_something_else_is_not_supported() -> None:
    art = article("The charity's founder was freed by rebels on Monday after years in captivity. "
                  "The rebels seized the region before the army arrived in 2013.")
    result = checks(art, "The founder of the charity was kidnapped in 2013.")["2013"]
    assert result.status == "unsupported" and "about something else" in result.note
    assert result.source is not None and result.source.sentence == 2
    # the year's sentence shares a word with the claim's: the claim may restate it
    assert statuses(art, "The army arrived in the region in 2013.") == {"2013": "supported"}
    # an amount is left to the context rules: only years have this second test
    money = article("The firm will pay $150m to leave the market. It opened in Ohio in 2007.")
    assert statuses(money, "The deal is worth $150m.") == {"$150m": "supported"}


def test_the_two_x_is_a_reference_unless_the_source_counts_x_otherwise() -> None:
    art = article("Zarif met his Kazakh counterpart Tleuberdi in Nur-Sultan. "
                  "The two countries signed a deal.")
    assert statuses(art, "The two ministers met in Nur-Sultan.") == {}
    assert statuses(art, "Two ministers met in Nur-Sultan.") == {"Two": "unsupported"}
    assert statuses(art, "The three ministers met in Nur-Sultan.") == {"three": "unsupported"}
    assert statuses(art, "The two countries signed a deal.") == {"two": "supported"}
    assert statuses(art, "The three countries signed a deal.")["three"] in ("mismatch",
                                                                           "unsupported")


def test_an_exact_value_stays_with_the_sentence_that_says_everything_the_claim_says() -> None:
    # 'EEU' sits right after $933 million, but the $1.9 billion sentence names trade, Iran
    # and the EEU too; an acronym in brackets does not end the clause.
    art = article("Iran's trade with Eurasian Economic Union (EEU) member states amounted to "
                  "$1.9 billion in the period. Iran exported goods worth $933 million to EEU "
                  "countries over the past 11 months.")
    assert statuses(art, "Iran's trade with the EEU was $1.9 billion.") == {
        "$1.9 billion": "supported"}
    assert statuses(art, "Iran exported goods worth $1.9 billion.")["$1.9 billion"] == (
        "mismatch")


def test_spelled_numbers_in_the_source_and_summary_agree() -> None:
    art = article("Both countries signed eleven deals covering 2 sectors.")
    assert statuses(art, "The countries signed 11 deals covering two sectors.") == {
        "11": "supported", "two": "supported"}


def test_figures_match_api() -> None:
    (claim,) = parse_figures("about $240 million")
    (exact,) = parse_figures("$237 million")
    (far,) = parse_figures("$273 million")
    (pct,) = parse_figures("240 percent")
    assert figures_match(claim, exact)
    assert not figures_match(claim, far)
    assert not figures_match(claim, pct)
    assert not figures_match(exact, claim)


def test_one_check_per_figure_in_order() -> None:
    summary = "On April 7, 2021 trade was $237 million, and over 100 plans exist; 5 are new."
    result = check_figures(KAZAKH, summary)
    assert [c.text for c in result] == [f.text for f in parse_figures(summary)]
    assert [c.kind for c in result] == ["date", "money", "number", "number"]


def test_same_text_with_other_furniture_is_checked_afresh() -> None:
    text = "Trade was $237 million in 2020. Updated: 2021."
    plain, marked = article(text), article(text, (("Updated: 2021.", "last-update"),))
    assert statuses(plain, "It was updated in 2021.") == {"2021": "supported"}
    assert statuses(marked, "It was updated in 2021.") == {"2021": "boilerplate"}


def test_no_figures_no_checks() -> None:
    assert check_figures(KAZAKH, "Iran and Kazakhstan want closer ties.") == []


def test_a_percent_about_something_else_derives_nothing() -> None:
    # 4.6 would be 5.2 / (1 + 13%), but the 13% is about staff, not about revenue
    source = article("Revenue for 2024 is expected to reach $5.2 billion. Separately, staff "
                     "numbers rose 13% after the merger.")
    (check,) = [c for c in check_figures(source, "Revenue for 2024 is expected to reach $4.6 "
                                          "billion.") if c.kind == "money"]
    assert check.status == "mismatch"
    (check,) = [c for c in check_figures(source, "Revenue rose 13% to $5.2 billion from $4.6 "
                                          "billion.") if c.text == "$4.6 billion"]
    assert check.status != "mismatch"


def test_a_count_of_the_names_listed_after_it_is_no_figure_to_find() -> None:
    art = article_from_text("Steve: do you fancy a drink at the weekend?\nCarly: yes, Kings?")
    assert check(art, "Two friends, Steve and Carly, plan a drink at Kings.").ok
    wrong = check(art, "Three friends, Steve and Carly, plan a drink at Kings.")
    assert [f.status for f in wrong.figures] == ["unsupported"]


def test_a_count_of_the_sources_numbered_list_is_derived() -> None:
    art = article_from_text("Dear Sam,\n\nWe offer:\n\n1. Desk Organisers\n2. Shelves\n"
                            "3. Lockers\n4. Vertical File Storage\n\nBest, Tom")
    assert [f.status for f in check(art, "Tom offers four products to Sam.").figures] == [
        "derived"]
    assert not check(art, "Tom offers five products to Sam.").ok


def test_an_ordinal_of_a_unit_the_source_counts() -> None:
    art = article_from_text("Cesc Fabregas scored an 87 minute winner at Loftus Road.")
    assert check(art, "Cesc Fabregas scored an 87th minute winner at Loftus Road.").ok
    assert not check(art, "Cesc Fabregas scored an 88th minute winner at Loftus Road.").ok


def test_informal_currency_words() -> None:
    art = article_from_text("James: if we're late we may lose 5 mln bucks.\nEmily: I see.")
    assert check(art, "James may lose 5 million dollars if they are late.").ok
    assert not check(art, "James may lose 6 million dollars if they are late.").ok


def test_both_figures_of_a_change_restated_as_the_source_gives_them() -> None:
    art = article_from_text(
        "We raised our full year earnings per share forecast to approximately $7.50. We've "
        "increased our full year earnings per share outlook from at least $6 per share to "
        "approximately $7.50 per share.")
    claim = ("The company raised its full-year earnings per share outlook from at least $6 per "
             "share to approximately $7.50 per share.")
    assert check(art, claim).ok
    assert not check(art, claim.replace("$7.50", "$8.50")).ok
