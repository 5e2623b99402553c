"""Codes (names with a number inside) are figures: a changed digit in one is a wrong number."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation import check
from summariser.validation.codes import check_codes, find_codes

SOURCE = (
    "Moderna reported a 30% decline in sales of its SARS-CoV-2 vaccine in the fourth quarter. "
    "It plans to file for approval of mRNA-1345, its RSV vaccine, this year. "
    "The airline ordered 20 A320 jets. COVID cases fell in the region.")


def _statuses(summary: str) -> dict[str, str]:
    return {f.text: f.status for f in check_codes(article_from_text(SOURCE), summary)}


def test_codes_are_letters_meeting_digits_that_name_a_thing() -> None:
    text = ("SARS-CoV-2, mRNA-1345, A320, F-35, G7, H1N1 and ELITE15FIT; "
            "not Under-20, post-2020, Top-10, Q3, H1, FY2023, 5bn, 1990s or 4th")
    assert [c.text for c in find_codes(text)] == [
        "SARS-CoV-2", "mRNA-1345", "A320", "F-35", "G7", "H1N1", "ELITE15FIT"]


def test_a_code_the_article_writes_is_supported_whatever_its_case_and_hyphens() -> None:
    assert _statuses("Sales of the sars-cov-2 vaccine and of the A-320.") == {
        "sars-cov-2": "supported", "A-320": "supported"}


def test_the_same_letters_with_another_number_are_a_mismatch_with_the_source_code() -> None:
    figures = check_codes(article_from_text(SOURCE), "A decline in SARS-CoV-4 vaccine sales.")
    assert [(f.status, f.source.text if f.source else None) for f in figures] == [
        ("mismatch", "SARS-CoV-2")]
    assert figures[0].sentence is not None and figures[0].sentence.sentence == 1
    assert "SARS-CoV-2" in figures[0].note


def test_a_code_the_article_writes_without_its_number_is_supported_with_a_note() -> None:
    [figure] = check_codes(article_from_text(SOURCE), "COVID-19 cases fell.")
    assert figure.status == "supported" and "without the number" in figure.note


def test_a_code_with_no_trace_in_the_article_is_unsupported() -> None:
    assert _statuses("It ordered 20 B737 jets.") == {"B737": "unsupported"}


def test_a_changed_code_fails_the_check_and_a_right_one_passes() -> None:
    assert check(SOURCE, "Moderna plans to file for approval of mRNA-1345.").ok
    report = check(SOURCE, "Moderna plans to file for approval of mRNA-1354.")
    assert not report.ok
    assert any("mRNA-1354" in p for p in report.problems())
