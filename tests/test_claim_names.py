"""A claim's names taken from its summary's (name_parts.names_within) are the names the claim
read alone has, and where the two readings can differ the claim is read alone; what one check
keeps (memo.one_check) is not shared with the next check."""

from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.load import load_article
from summariser.evaluation.labelled import default_cases
from summariser.validation import check
from summariser.validation.claims import split_sentences
from summariser.validation.name_index import name_index
from summariser.validation.name_parts import (
    Name,
    Tok,
    Vocabulary,
    find_names,
    names_within,
    tokens,
)

ROOT = Path(__file__).resolve().parent.parent


def _claims(text: str, vocab: Vocabulary):  # type: ignore[no-untyped-def]
    """(claim, its names taken from the summary's or None, its names read alone)."""
    toks = tokens(text)
    spans, pos = [], 0
    for claim in split_sentences(text):
        at = text.find(claim, pos)
        pos = at + len(claim)
        spans.append((at, pos))
    found = names_within(text, toks, find_names(text, vocab, toks=toks), vocab, spans)
    for (start, end), taken in zip(spans, found, strict=True):
        alone = tokens(text[start:end])
        yield text[start:end], taken, (alone, find_names(text[start:end], vocab, toks=alone))


def _shared(toks: list[Tok], names: list[Name]) -> list[list[bool]]:
    """Which tokens of each name are the very tokens of the text (not merged or split)."""
    return [[any(t is u for u in toks) for t in n.toks] for n in names]


def test_labelled_summaries_read_the_same() -> None:
    """Every sentence of the labelled seed summaries, against its seed article's vocabulary."""
    taken = alone = 0
    for case in default_cases(ROOT / "evals" / "labelled"):
        vocab = name_index(load_article(ROOT / "seeds" / f"{case.article}.txt")).vocab
        for claim, found, read in _claims(case.summary, vocab):
            if found is None:
                alone += 1
                continue
            taken += 1
            assert found == read, claim
            assert _shared(*found) == _shared(*read), claim
    assert taken > 4 * alone  # the summary's names serve most claims


@pytest.mark.parametrize(("vocab", "text", "claim"), [
    # 'zorbing' in lower case elsewhere decides the summary's reading, not the claim's
    (Vocabulary(), "Zorbing clubs opened. Many try zorbing now.", "Zorbing clubs opened."),
    # a headline line above more text: the capitals say nothing there
    (Vocabulary(names=frozenset({"port"})), "Port Strike Ends In Aktau Today\nDockers returned.",
     "Port Strike Ends In Aktau Today"),
    (Vocabulary(), "He met Mr. Zarif in Astana.", "Zarif in Astana."),  # a name across
    (Vocabulary(), "It was Plan B. Officials agreed to it.", "It was Plan B."),  # one letter last
])
def test_claims_read_alone_where_readings_differ(vocab: Vocabulary, text: str, claim: str) -> None:
    found = {c: (f, read) for c, f, read in _claims(text, vocab)}
    derived, (_, alone) = found[claim]
    assert derived is None
    start = text.index(claim)
    inside = [n.text for n in find_names(text, vocab)
              if start <= n.start and n.end <= start + len(claim)]
    assert inside != [n.text for n in alone]  # the guard is needed: the readings differ


def test_a_report_shares_nothing_with_the_next_check() -> None:
    article = load_article(next((ROOT / "seeds").glob("004_*.txt")))
    summary = ("Trade between Kazakhstan and Iran fell by 37.2 percent in 2020. "
               "Tleuberdi met Zarif in Nur-Sultan.")
    first = check(article, summary)
    first.figures[0].status = "mismatch"
    first.names[0].status = "unsupported"
    first.claims[0].problems.append("changed by the caller")
    again = check(article, summary)
    assert again.figures[0].status == "supported"
    assert again.names[0].status == "supported"
    assert "changed by the caller" not in again.claims[0].problems
