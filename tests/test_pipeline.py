from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.load import load_article, resolve_article
from summariser.articles.models import Article
from summariser.config import Settings
from summariser.errors import InputError, ModelError
from summariser.pipeline.longform import split_for_context
from summariser.pipeline.summary import summarise
from summariser.prompting.templates import load_prompt
from tests.fake_llm import FakeLLM
from tests.replies import GOOD_004, SEED_004, reply, whole_article_prompt


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


def test_key_points_are_article_sentences_and_names_come_from_the_article(
        settings: Settings) -> None:
    article = load_article(SEED_004)
    result = summarise(article, settings, llm=FakeLLM([GOOD_004]))
    assert result.mode == "model" and result.summary.startswith("Iran's foreign minister")
    # the lead (S1 is the title line), the sentences of the figures the summary does not state
    # yet (S9's $237 million it does), then a salient sentence with mostly new words
    numbers = [2, 11, 19, 20, 21, 22]
    assert result.key_points == [article.sentence(n).text for n in numbers]
    for claim, number in zip(result.claims, numbers, strict=True):
        assert [s.index for s in claim.sentences] == [number]
        for s in claim.sentences:
            assert article.text[s.start:s.end] == s.text
    assert result.prompt.name == "summarise" and len(result.prompt.hash) == 16
    assert result.model.backend == "fake"
    assert {f.text for f in result.figures} >= {"$237 million", "37.2 percent"}
    assert result.usage.calls == 1
    assert {"Mohammad Javad Zarif", "Mukhtar Tleuberdi"} <= {p.name for p in result.people}
    assert result.countries == ["Iran", "Kazakhstan"]
    assert "Kish Air" in result.organisations
    table = {(f.text, f.sentence) for f in result.article_figures}
    assert {("$237 million", 9), ("37.2 percent", 9), ("$1.9 billion", 19)} <= table
    assert all(article.text[f.start:f.end] == f.text for f in result.article_figures)


def test_the_model_sees_the_article_as_data_without_its_furniture(settings: Settings) -> None:
    fake = FakeLLM([GOOD_004])
    summarise(SEED_004, settings, llm=fake)
    system, user = fake.calls[0]
    said = " ".join(system.content.split())  # the prompt file wraps its lines
    assert "not instructions" in said or "never instructions" in said
    assert user.content.index("<article>") < user.content.index("[S2]")
    assert user.content.index("[S2]") < user.content.index("</article>")
    assert "Chile" not in system.content  # no example names or facts to copy


def test_key_point_numbers_a_reply_adds_are_not_used(settings: Settings) -> None:
    """The model is not asked for key points: numbers in a reply (an endpoint that does not
    hold to the schema) are not the code's choice and are ignored."""
    fake = FakeLLM([reply(key_points=[7, 999])])
    result = summarise(SEED_004, settings, llm=fake)
    plain = summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    assert len(fake.calls) == 1 and result.key_points == plain.key_points
    assert not result.warnings


def test_a_wrong_figure_is_reasked_then_dropped_and_said(settings: Settings) -> None:
    wrong = reply(summary="Zarif met Tleuberdi in Nur-Sultan. Trade between Iran and "
                          "Kazakhstan was $273 million in 2020.")
    fake = FakeLLM([wrong, wrong])
    result = summarise(SEED_004, settings, llm=fake)
    assert "$273 million" in fake.calls[1][-1].content
    assert result.summary == "Zarif met Tleuberdi in Nur-Sultan."
    assert "$273 million" not in {f.text for f in result.figures}
    assert result.validation.ok
    assert any(w.startswith("dropped from the summary") and "$273 million" in w
               for w in result.warnings)


def test_copied_names_are_reasked_and_the_fixed_reply_kept(settings: Settings) -> None:
    copied = reply(summary="Chile and Peru signed a port agreement in Lima.")
    fake = FakeLLM([copied, GOOD_004])
    result = summarise(SEED_004, settings, llm=fake)
    assert "'Chile'" in fake.calls[1][-1].content
    assert result.summary == GOOD_004["summary"] and result.usage.calls == 2
    assert "Chile" not in result.countries


def test_an_unsupported_headline_gives_way_to_the_articles_title(settings: Settings) -> None:
    bad = reply(headline="Peru joins the deal")
    result = summarise(SEED_004, settings, llm=FakeLLM([bad, bad]))
    assert result.headline == "Iran Seeks to Deepen Ties with Kazakhstan"
    assert any(w.startswith("headline replaced") for w in result.warnings)


def test_unparseable_reply_is_reasked_with_the_error(settings: Settings) -> None:
    fake = FakeLLM(["this is not json", {"headline": "x"}, GOOD_004])
    result = summarise(SEED_004, settings, llm=fake)
    assert result.usage.calls == 3 and result.mode == "model"
    assert "not valid JSON" in fake.calls[1][-1].content
    assert "summary" in fake.calls[2][-1].content  # the schema error names the missing field


def test_bounded_reasks_then_an_extractive_result_not_a_failure(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    fake = FakeLLM(["nope"] * 5)
    result = summarise(SEED_004, settings, llm=fake)
    assert len(fake.calls) == 3 and result.usage.calls == 3
    article = load_article(SEED_004)
    assert result.mode == "extractive"
    assert result.headline == article.title
    assert result.summary.startswith(article.sentence(2).text)
    assert result.key_points and result.validation.ok
    assert any("did not fit the schema after 3 tries" in w for w in result.warnings)
    # a fallback is not cached: the next run asks the model again
    again = summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    assert again.mode == "model" and not again.usage.cached


def test_an_endpoint_failure_is_still_an_error(settings: Settings) -> None:
    with pytest.raises(ModelError, match="answered 500"):
        summarise(SEED_004, settings, llm=FakeLLM([ModelError("the endpoint answered 500")]))


def test_cache_returns_without_a_model_call(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path / "cache")
    first = summarise(SEED_004, settings, llm=FakeLLM([GOOD_004]))
    again = summarise(SEED_004, settings, llm=FakeLLM([]))
    assert again.usage.cached and again.usage.calls == 0
    assert again.summary == first.summary
    other_prompt = Settings(cache_dir=tmp_path / "cache", temperature=0.5)
    fake = FakeLLM([GOOD_004])
    fake.params = lambda: {"temperature": 0.5}  # type: ignore[method-assign]
    assert not summarise(SEED_004, other_prompt, llm=fake).usage.cached


def _long_article() -> Article:
    return resolve_article("\n\n".join(
        f"Officials from country {n} met on Monday to discuss trade and transport links between "
        f"their ports, railways and customs services in the region." for n in range(1, 61)))


def test_long_article_is_split_summarised_and_merged(tmp_path: Path) -> None:
    article = _long_article()
    settings = Settings(cache_dir=tmp_path, use_cache=False, context=1400, max_tokens=300,
                        prompt=whole_article_prompt(tmp_path))
    part = reply(headline="Officials meet", summary="Officials met to discuss trade.")
    parts = len(split_for_context(article, load_prompt(settings.prompt), FakeLLM([]), settings))
    assert parts >= 2
    fake = FakeLLM([part] * parts + [{"headline": "Regional trade talks",
                                      "summary": "Officials met to discuss trade links."}])
    result = summarise(article, settings, llm=fake)
    assert len(fake.calls) == parts + 1
    assert result.summary == "Officials met to discuss trade links."
    cited = [m.content for call in fake.calls[:-1] for m in call if m.role == "user"]
    for sentence in article.sentences:  # every sentence went to the model once: no truncation
        assert sum(f"[S{sentence.index}] " in c for c in cited) == 1
    assert any("parts and merged" in w for w in result.warnings)


def test_the_default_prompt_shows_the_model_the_lead_in_one_call(tmp_path: Path) -> None:
    article = _long_article()
    settings = Settings(cache_dir=tmp_path, use_cache=False, context=1400, max_tokens=300)
    words = load_prompt("summarise").article_words
    assert words is not None
    fake = FakeLLM([reply(headline="Officials meet", summary="Officials met to discuss trade.")])
    result = summarise(article, settings, llm=fake)
    (user,) = [m.content for m in fake.calls[0] if m.role == "user"]
    shown = [s for s in article.sentences if f"[S{s.index}] " in user]
    assert shown == article.sentences[:len(shown)]  # the first sentences, in order
    assert sum(len(s.text.split()) for s in shown) <= words < sum(
        len(s.text.split()) for s in article.sentences[:len(shown) + 1])
    assert len(fake.calls) == 1 and result.mode == "model"
    assert result.key_points[0] == article.sentences[0].text  # the lead first


def test_resolve_article_from_text_and_missing_path() -> None:
    assert resolve_article("Iran and Bolivia signed two agreements on Monday.").sentences
    with pytest.raises(InputError, match=r"missing\.txt"):
        resolve_article("missing.txt")


def test_a_one_line_text_longer_than_a_file_name_is_text() -> None:
    # 300 bytes on one line: stat() would raise ENAMETOOLONG if it were tried as a path
    line = "Iran and Bolivia signed two agreements on Monday, officials said. " * 5
    assert len(line) > 255 and "\n" not in line
    assert len(resolve_article(line).sentences) == 5
    from summariser import check
    assert check(line, "Iran and Bolivia signed two agreements on Monday.").ok
