from __future__ import annotations

from pathlib import Path

import pytest

from summariser.articles.load import load_article, resolve_article
from summariser.config import Settings
from summariser.errors import InputError, ModelError
from summariser.pipeline.longform import split_for_context
from summariser.pipeline.summary import summarise
from summariser.prompting.templates import load_prompt
from tests.fake_llm import FakeLLM
from tests.replies import GOOD_004, SEED_004, reply


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


def test_result_resolves_citations_to_exact_spans(settings: Settings) -> None:
    article = load_article(SEED_004)
    result = summarise(article, settings, llm=FakeLLM([GOOD_004]))
    assert result.summary.startswith("Iran's foreign minister")
    assert result.key_points == [p["text"] for p in GOOD_004["key_points"]]
    for claim, point in zip(result.claims, GOOD_004["key_points"], strict=True):
        assert [s.index for s in claim.sentences] == point["cite"]
        for s in claim.sentences:
            assert article.text[s.start:s.end] == s.text
    assert result.prompt.name == "summarise" and len(result.prompt.hash) == 16
    assert result.model.backend == "fake"
    assert {f.text for f in result.figures} >= {"$237 million", "37.2 percent"}
    assert result.usage.calls == 1


def test_nonexistent_citation_is_rejected_and_fed_back(settings: Settings) -> None:
    bad = reply(key_points=[*GOOD_004["key_points"][:2], {"text": "Flights once a month.",
                                                           "cite": [999]}])
    fake = FakeLLM([bad, GOOD_004])
    result = summarise(SEED_004, settings, llm=fake)
    assert len(fake.calls) == 2
    assert "999" in fake.calls[1][-1].content
    assert all(not c.invalid_citations for c in result.claims)
    assert any("re-asked" in w and "999" in w for w in result.warnings)


def test_wrong_figure_is_fed_back_and_still_marked_if_not_fixed(settings: Settings) -> None:
    wrong = reply(summary="Trade between Iran and Kazakhstan was $273 million in 2020.")
    fake = FakeLLM([wrong, wrong])
    result = summarise(SEED_004, settings, llm=fake)
    assert "$273 million" in fake.calls[1][-1].content
    statuses = {f.text: f.status for f in result.figures}
    assert statuses["$273 million"] in ("mismatch", "unsupported")
    assert not result.validation.ok


def test_unparseable_reply_is_reasked_with_the_error(settings: Settings) -> None:
    fake = FakeLLM(["this is not json", {"headline": "x"}, GOOD_004])
    result = summarise(SEED_004, settings, llm=fake)
    assert result.usage.calls == 3
    assert "not valid JSON" in fake.calls[1][-1].content
    assert "summary" in fake.calls[2][-1].content  # the schema error names the missing field


def test_bounded_reasks_then_model_error(settings: Settings) -> None:
    fake = FakeLLM(["nope"] * 5)
    with pytest.raises(ModelError, match="did not fit the schema after 3 tries"):
        summarise(SEED_004, settings, llm=fake)
    assert len(fake.calls) == 3


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


def test_long_article_is_split_summarised_and_merged(tmp_path: Path) -> None:
    text = "\n\n".join(
        f"Officials from country {n} met on Monday to discuss trade and transport links between "
        f"their ports, railways and customs services in the region." for n in range(1, 61))
    article = resolve_article(text)
    settings = Settings(cache_dir=tmp_path, use_cache=False, context=1400, max_tokens=300)
    part = reply(summary="Officials met to discuss trade.", people=[], organisations=[],
                 countries=[], key_points=[{"text": "Officials met.", "cite": [1]}] * 3)
    parts = len(split_for_context(article, load_prompt("summarise"), FakeLLM([]), settings))
    assert parts >= 2
    fake = FakeLLM([part] * parts + [{"headline": "Regional trade talks",
                                      "summary": "Officials met to discuss trade links."}])
    result = summarise(article, settings, llm=fake)
    assert len(fake.calls) == parts + 1
    assert result.summary == "Officials met to discuss trade links."
    cited = [m.content for call in fake.calls[:-1] for m in call if "[S" in m.content]
    for sentence in article.sentences:  # every sentence went to the model once: no truncation
        assert sum(f"[S{sentence.index}] " in c for c in cited) == 1
    assert any("parts and merged" in w for w in result.warnings)


def test_resolve_article_from_text_and_missing_path() -> None:
    assert resolve_article("Iran and Bolivia signed two agreements on Monday.").sentences
    with pytest.raises(InputError, match=r"missing\.txt"):
        resolve_article("missing.txt")
