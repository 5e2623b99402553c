"""Claims against the sentences they cite (key points of structured summaries), and sentences
of plain summaries against the closest article sentences."""

from __future__ import annotations

from pathlib import Path

from summariser.articles.load import load_article
from summariser.validation.alignment import align
from summariser.validation.claims import check_claim, split_sentences
from summariser.validation.models import ClaimInput

SEED_004 = load_article(next((Path(__file__).resolve().parent.parent / "seeds").glob("004_*")))
TRADE = "Trade between Kazakhstan and Iran fell 37.2 percent to $237 million in 2020."


def sentence_with(text: str) -> int:
    return next(s.index for s in SEED_004.sentences if text in s.text)


def test_supported_by_its_citation() -> None:
    result = check_claim(SEED_004, ClaimInput(text=TRADE, cited=[sentence_with("$237 million")]))
    assert result.status == "supported", result.problems
    assert result.overlap >= 0.5
    assert [e.sentence for e in result.evidence] == result.cited


def test_fact_in_another_sentence_is_partial() -> None:
    wrong = sentence_with("Bandar Abbas")
    result = check_claim(SEED_004, ClaimInput(text=TRADE, cited=[wrong]))
    assert result.status == "partial"
    assert any("not in the cited sentences" in p for p in result.problems)


def test_invented_figure_is_unsupported() -> None:
    claim = TRADE.replace("$237 million", "$273 million")
    result = check_claim(SEED_004, ClaimInput(text=claim, cited=[sentence_with("$237 million")]))
    assert result.status == "unsupported"
    assert any("$273 million" in p for p in result.problems)


def test_invented_name_is_unsupported() -> None:
    claim = "Uzbek Foreign Minister Mukhtar Tleuberdi met Zarif."
    result = check_claim(SEED_004, ClaimInput(text=claim, cited=[sentence_with("counterpart")]))
    assert result.status == "unsupported"


def test_citing_a_sentence_that_does_not_exist_is_bad_citation() -> None:
    result = check_claim(SEED_004, ClaimInput(text=TRADE, cited=[sentence_with("$237"), 99]))
    assert result.status == "bad_citation"
    assert "[99]" in result.problems[0]


def test_low_overlap_is_partial() -> None:
    claim = "Kazakhstan praised the delicious food and the warm weather in the capital."
    result = check_claim(SEED_004, ClaimInput(text=claim, cited=[sentence_with("Bandar Abbas")]))
    assert result.status == "partial" and 0 < result.overlap < 0.5


def test_a_claim_with_no_word_in_common_with_its_source_is_unsupported() -> None:
    claim = "Zarif praised the delicious food and the warm weather."
    result = check_claim(SEED_004, ClaimInput(text=claim, cited=[sentence_with("Bandar Abbas")]))
    assert result.status == "unsupported" and result.overlap == 0
    uncited = check_claim(SEED_004, ClaimInput(text="Delicious pastries charmed every guest."))
    assert uncited.status == "unsupported" and uncited.evidence == []


def test_uncited_claim_uses_the_closest_sentences() -> None:
    result = check_claim(SEED_004, ClaimInput(text=TRADE))
    assert result.cited == [] and result.status == "supported"
    assert sentence_with("$237 million") in [e.sentence for e in result.evidence]
    assert [s.index for s in align(SEED_004, "Bandar Abbas port access", 1)] == [
        sentence_with("Bandar Abbas")]


def test_split_sentences_drops_fragments() -> None:
    text = "Summary:\n\nIran and Kazakhstan met. Trade fell 37.2%. “It matters,” he said.\nOK"
    assert split_sentences(text) == ["Iran and Kazakhstan met.", "Trade fell 37.2%.",
                                     "“It matters,” he said."]


def test_an_uncited_claim_the_article_hardly_touches_is_unsupported() -> None:
    """One content word in nine found in the closest sentences ('Iran'): nothing in the
    article says it. Cited, the same claim is only partial: its citation may be wrong."""
    claim = "Iran celebrated the opening of a glittering football stadium with fireworks tonight."
    uncited = check_claim(SEED_004, ClaimInput(text=claim))
    assert uncited.overlap < 0.2
    assert uncited.status == "unsupported"
    assert any("content words are in the article's closest sentences" in p
               for p in uncited.problems)
    cited = check_claim(SEED_004, ClaimInput(text=claim, cited=[sentence_with("$237 million")]))
    assert cited.status != "unsupported"


def test_an_uncited_paraphrase_sharing_a_few_words_is_not_unsupported() -> None:
    claim = "Commerce between the two nations shrank sharply, officials in Kazakhstan reported."
    result = check_claim(SEED_004, ClaimInput(text=claim))
    assert 0.2 <= result.overlap < 0.5
    assert result.status != "unsupported"
