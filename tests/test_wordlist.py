"""The shipped word list (summariser/data/web2.txt) and its in-place look-up."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from summariser.validation.wordlist import SortedTable, SortedWords, dictionary, line_at_least

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def test_the_shipped_list_is_english_words_web2() -> None:
    from build_words import words_text

    words = dictionary()
    assert words._text == words_text()  # rebuilt by benchmarks/build_words.py when it differs


def test_look_ups_agree_with_a_set_of_every_word() -> None:
    words = dictionary()
    every = set(words._text.split("\n")) - {""}
    rng = random.Random(7)
    asked = rng.sample(sorted(every), 2000)
    asked += [w[:-1] for w in asked[:500]] + [w + "x" for w in asked[:500]]
    asked += ["trade", "Trade", "moscow", "Moscow", "a", "A", "z", "zz", "Zythum", "zythum", "é"]
    assert [w in words for w in asked] == [w in every for w in asked]
    assert "" not in words and "trade" in words and "moscow" not in words


def test_line_at_least_on_edges() -> None:
    text = "b\nd\nf\n"
    assert [line_at_least(text, k) for k in ("a", "b", "c", "d", "f", "g")] == [0, 0, 2, 2, 4, 6]
    small = SortedWords("Ab\nab\nabc\nb\n")
    assert ["ab" in small, "abc" in small, "Ab" in small, "a" in small, "b" in small] == [
        True, True, True, False, True]


def test_sorted_table_gives_the_first_line_of_a_key() -> None:
    table = SortedTable("ab\t1\nabc\t2\naxes\tax\naxes\taxis\nb\t\n")
    assert [table.get(k) for k in ("ab", "abc", "axes", "b", "a", "abd", "")] == [
        "1", "2", "ax", "", None, None, None]
