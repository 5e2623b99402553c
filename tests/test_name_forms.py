"""Names the checker used to misread (composed sentences): pronouns and conjunctions with a
capital, '&' names, hyphenated compounds of two source names, demonym person forms, a
different organisation sharing a generic word, and tokenised text."""

from __future__ import annotations

import pytest

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.tokenised import untokenise

SOURCE = article_from_text(
    "The World Bank said on Tuesday that lending to Kenya would rise. Officials in the United "
    "States welcomed the plan. The Kenya Ports Authority said imports from Lisbon and Madrid "
    "grew. Procter & Gamble and Marks and Spencer raised prices, while AT&T cut them. A "
    "ferry operator from Northern Ireland said sailings were normal. The club's semi-final "
    "against Al-Wasl was moved, and a 25-year-old striker was dropped.")


def names(summary: str) -> dict[str, str]:
    return {n.text: n.status for n in check(SOURCE, summary).names}


def test_a_capitalised_pronoun_or_conjunction_is_never_a_name() -> None:
    found = names("The World Bank said lending would rise' He added nothing. Also Kenya gained.")
    assert found == {"World Bank": "supported", "Kenya": "supported"}


@pytest.mark.parametrize(("summary", "status"), [
    ("Procter & Gamble raised prices.", "supported"),
    ("Marks & Spencer raised prices.", "supported"),  # the source writes 'and'
    ("Procter & Spencer raised prices.", "unsupported"),  # not two fragments found apart
])
def test_a_name_with_an_ampersand_is_one_name(summary: str, status: str) -> None:
    assert list(names(summary).values()) == [status]


def test_an_acronym_with_an_ampersand() -> None:
    assert names("AT&T cut prices.") == {"AT&T": "supported"}


def test_a_compound_of_two_source_names() -> None:
    found = check(SOURCE, "Imports on the Lisbon-Madrid route grew.").names
    assert [(n.status, n.note) for n in found] == [
        ("supported", "each part is a name of the source: 'Lisbon', 'Madrid'")]
    assert names("Imports on the Lisbon-Paris route grew.") == {"Lisbon-Paris": "unsupported"}


def test_a_demonym_person_form() -> None:
    assert names("A Northern Irishman said sailings were normal.") == {
        "Northern Irishman": "supported"}
    assert names("An Irishman said sailings were normal.")["Irishman"] == "unsupported"


@pytest.mark.parametrize(("summary", "status"), [
    ("The World Bank said lending would rise.", "supported"),
    ("The Bank of America said lending would rise.", "unsupported"),  # shares only 'Bank'
    ("The American Bank said lending would rise.", "unsupported"),
    ("The Kenya Authority said imports grew.", "supported"),  # the source's, shortened
])
def test_another_organisation_sharing_a_generic_word(summary: str, status: str) -> None:
    assert list(names(summary).values()) == [status]


def test_tokenised_text_is_written_back_before_checks() -> None:
    summary = ("The club 's semi - final against Al - Wasl was moved . "
               "A 25 - year - old was dropped .")
    report = check(SOURCE, summary)
    assert report.ok, report.problems()
    assert [f.text for f in report.figures] == ["25-year-old"]
    assert [n.text for n in report.names] == ["Al-Wasl"]


def test_a_spaced_dash_stays_a_dash_unless_the_source_hyphenates() -> None:
    source = "Aston Villa's semi-final: 16,000 hectares - or 40,000 acres."
    assert untokenise("Villa 's semi - final , 16,000 hectares - or 40,000 acres", source) == (
        "Villa's semi-final, 16,000 hectares - or 40,000 acres")
    assert untokenise("Do n't Push It, the U.S . said") == "Don't Push It, the U.S. said"


def test_a_title_case_headline_names_only_its_names() -> None:
    found = names("Kenya Ports Lending Plan Welcomed By Bank Officials\nLending will rise.")
    assert found == {"Kenya": "supported"}


def test_a_hyphenated_english_word_opening_a_sentence_is_not_a_name() -> None:
    assert names("Long-term lending to Kenya will rise, the World Bank said.") == {
        "Kenya": "supported", "World Bank": "supported"}


def test_a_headline_word_the_source_capitalises_mid_sentence_stays_in_its_name() -> None:
    # 'East' is an ordinary word, but the source writes it inside a place's name
    article = article_from_text(
        "A freight train came off the rails near East Palestine, Ohio, on Friday night.\n\n"
        "Most residents of East Palestine were told to leave their homes.")
    report = check(article, "Freight Train Derails Near East Palestine, Ohio\n"
                            "Most residents were told to leave their homes.")
    assert {n.text: n.status for n in report.names} == {
        "East Palestine": "supported", "Ohio": "supported"}
