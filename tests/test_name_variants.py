"""Name forms that are the source's names written another way (names.py, name_forms.py), and
the cases that stay unsupported."""

from __future__ import annotations

from summariser.articles.build import article_from_text
from summariser.validation import check

MATCH = article_from_text(
    '"We had enough chances to win," Howe told BBC Radio Solent. Mr Howe said the side lacked '
    "luck.\n\nThe club uses AI tools to scout players, and its analysts call it the go there "
    "rule.\n\nPhil Flanagan, the club's chairman, backed Howe.")
MEETING = article_from_text(
    "Professor C: So as I understand, he is using all the machines.\nPhD F: So.\n"
    "Professor C: That is the rough division of work.")


def _names(article: object, summary: str) -> dict[str, str]:
    return {n.text: n.status for n in check(article, summary).names}  # type: ignore[arg-type]


def test_given_names_added_to_a_surname_are_not_in_the_source() -> None:
    # CLIFF's annotators accept some ('Eddie Howe') and mark others as errors ('David' where
    # the article says only 'Durrant'): an added given name may be a guess, so it stays
    # unsupported, and the note says what the source has
    report = check(MATCH, "Eddie Howe said his side lacked luck.")
    name = next(n for n in report.names if n.text == "Eddie Howe")
    assert name.status == "unsupported" and "'Howe'" in name.note
    other = next(n for n in check(MATCH, "The board said Tom Flanagan backed Howe.").names
                 if n.text == "Tom Flanagan")
    assert other.status == "unsupported" and "Howe" not in other.note


def test_a_name_with_ordinary_words_hyphenated_to_it() -> None:
    assert _names(MATCH, "The club uses AI-based tools to scout players.") == {
        "AI-based": "supported"}
    assert _names(MATCH, "The club uses IBM-based tools to scout players.") == {
        "IBM-based": "unsupported"}


def test_a_hyphenated_phrase_the_source_writes_with_a_space() -> None:
    assert _names(MATCH, "Its analysts call it the Go-there rule.") == {"Go-there": "supported"}


def test_a_speakers_label_is_a_name_of_the_source() -> None:
    assert check(MEETING, "Professor C described the rough division of work.").ok
    assert not check(MEETING, "Professor D described the rough division of work.").ok
