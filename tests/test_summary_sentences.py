"""A summary ends on a full sentence: the sentence the length cap cut (no final stop) is the
article sentence it was copying, when there is one and the summary stays within its word
budget; else it is left out, or, when it is the only one, ended at its last clause break; with
no break to end on, the article's lead stands in. The same on every backend (a fake model,
and recorded replies over an OpenAI-compatible endpoint). Replies written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summariser.articles.load import resolve_article
from summariser.config import Settings
from summariser.pipeline.finalise import article_initialisms, complete_sentences
from summariser.pipeline.schema import HEADLINE_CHARS
from summariser.pipeline.summary import summarise
from tests.fake_llm import FakeLLM
from tests.openai_server import FakeOpenAIServer, completion
from tests.replies import SEED_004, reply

FIRST = "Zarif and Tleuberdi signed a memorandum of understanding in Nur-Sultan on April 7, 2021."
CUT_SECOND = FIRST + " Both sides expect their trade to grow past $2"  # paraphrase: no copy
S9 = ("According to Kazakh Foreign Minister Mukhtar Tleuberdi, the trade turnover between "
      "Kazakhstan and Iran amounted to $237 million in 2020 and decreased by 37.2 percent "
      "compared to 2019.")
CUT_ONLY = ("Zarif and Tleuberdi signed a memorandum of understanding in Nur-Sultan on April 7, "
            "2021, focusing on cooperation within the Eurasian Economic Union and the")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


def test_a_cut_last_sentence_is_left_out_and_said(settings: Settings) -> None:
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary=CUT_SECOND)]))
    assert result.summary == FIRST
    assert "$2" not in {f.text for f in result.figures}  # never checked as a wrong figure
    assert any("last sentence was cut off" in w and "$2" in w for w in result.warnings)


def test_a_cut_only_sentence_ends_at_its_last_clause_break(settings: Settings) -> None:
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary=CUT_ONLY)]))
    # the ', 2021' of the date is no clause break
    assert result.summary == ("Zarif and Tleuberdi signed a memorandum of understanding in "
                              "Nur-Sultan on April 7, 2021.")
    assert result.mode == "model" and result.usage.calls == 1
    assert any("ended at its last clause" in w for w in result.warnings)


def test_a_cut_sentence_copying_an_article_sentence_ends_as_that_sentence(
        settings: Settings) -> None:
    cut = FIRST + " The trade turnover between Kazakhstan and Iran was $2"  # the cap cut '$237'
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary=cut)]))
    assert result.summary == f"{FIRST} {S9}"
    assert {"$237 million", "37.2 percent"} <= {f.text for f in result.figures}
    assert result.validation.ok and result.mode == "model"
    assert any("ended as the article sentence it copies (S9)" in w for w in result.warnings)


def test_a_completion_over_the_word_budget_is_left_out(settings: Settings) -> None:
    long_first = FIRST[:-1] + ", " + " ".join(["and they met again"] * 12) + "."
    cut = long_first + " The trade turnover between Kazakhstan and Iran was $2"
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary=cut)]))
    assert "$237" not in result.summary
    assert any("last sentence was cut off and left out" in w for w in result.warnings)


def test_a_cut_only_sentence_without_a_break_gives_the_lead(settings: Settings) -> None:
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary="The two ministers "
                                                              "met in the capital to agree on")]))
    assert result.mode == "extractive" and result.summary.endswith(".")
    assert "Zarif" in result.summary


def test_whole_sentences_and_stops_inside_figures_are_kept() -> None:
    text = "Trade rose 2.5 percent to $1.9 billion. It was “the best year,” he said."
    notes: list[str] = []
    assert complete_sentences(text, notes) == ["Trade rose 2.5 percent to $1.9 billion.",
                                                "It was “the best year,” he said."]
    assert notes == []


def test_the_same_over_an_openai_compatible_endpoint(tmp_path: Path) -> None:
    replies = [(200, {}, completion(json.dumps(reply(summary=s)))) for s in (CUT_SECOND, CUT_ONLY)]
    with FakeOpenAIServer(replies) as server:
        settings = Settings.from_env(model="test-model", base_url=server.url, api_key="sk-test",
                                     cache_dir=tmp_path, use_cache=False)
        first, second = (summarise(SEED_004, settings) for _ in range(2))
    assert first.summary == FIRST
    assert second.summary.endswith("on April 7, 2021.")


def test_a_headline_cut_by_its_cap_ends_on_a_whole_word(settings: Settings) -> None:
    whole = "Iran and Kazakhstan sign memoranda on trade, transit and the Caspian Sea in Nur-Sultan"
    cut = (whole + " today")[:HEADLINE_CHARS]  # '... Nur-Sultan tod'
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(headline=cut)]))
    assert result.headline == whole


def test_letters_of_a_script_the_article_does_not_use_are_left_out(settings: Settings) -> None:
    stray = FIRST.replace("memorandum", "memorandum 谅解")
    result = summarise(SEED_004, settings, llm=FakeLLM([reply(summary=stray,
                                                              headline="Iran and 哈萨克斯坦")]))
    assert result.summary == FIRST and result.headline == "Iran and"
    assert any("script the article does not use" in w and "谅解" in w for w in result.warnings)


def test_an_article_written_in_that_script_keeps_it(settings: Settings) -> None:
    from summariser.articles.load import article_from_text

    text = ("Talks in Beijing\n\nThe two ministers met at the 中南海 compound in Beijing on "
            "Monday. They agreed to meet again in May.")
    summary = "The two ministers met at the 中南海 compound in Beijing on Monday."
    result = summarise(article_from_text(text, path="zh"), settings,
                       llm=FakeLLM([reply(summary=summary, headline="Ministers meet",
                                          key_points=[1])]))
    assert result.summary == summary


US_ARTICLE = ("The Commerce Department unveiled plans on Thursday for chip factories in the U.S. "
              "The plans include two research hubs and new grants for factories.\n\n"
              "Officials said the hubs would open next year.")


def test_an_initialism_the_model_spaced_out_is_written_as_the_article_writes_it(
        settings: Settings) -> None:
    """'the U. S. The plans' read as one sentence: cut by the cap, the whole summary went."""
    spaced = ("The Commerce Department unveiled plans for chip factories in the U. S. The plans "
              "include two research hubs and")
    fake = FakeLLM([reply(summary=spaced, headline="Plans for U. S. chips")])
    result = summarise(US_ARTICLE, settings, llm=fake)
    assert result.mode == "model" and result.headline == "Plans for U.S. chips"
    # two sentences again: the cut one ends as the article sentence it copies
    assert result.summary == ("The Commerce Department unveiled plans for chip factories in the "
                              "U.S. The plans include two research hubs and new grants for "
                              "factories.")


def test_an_initialism_the_article_spaces_out_too_is_kept() -> None:
    article = resolve_article("Both U. S. and U.K. officials met on Monday in Geneva.")
    assert article_initialisms(article, "U. S. and U. K. officials met.") == \
        "U. S. and U.K. officials met."


def test_the_recheck_reads_spaced_initialisms_as_finalise_does(settings: Settings) -> None:
    """A wrong figure before 'the U. S. The ...' is found before the reply is kept, so the
    model is asked again, as for any summary with a finding."""
    wrong = ("The Commerce Department pledged $999 million for chip factories in the U. S. The "
             "plans include two research hubs and")
    good = "The Commerce Department unveiled plans for chip factories in the U.S."
    fake = FakeLLM([reply(summary=wrong), reply(summary=good)])
    result = summarise(US_ARTICLE, settings, llm=fake)
    assert result.usage.calls == 2 and result.summary == good
