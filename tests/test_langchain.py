"""LangChain chat models as backends (langchain-core's own fake chat models), and the checker
as a Runnable in a chain."""

from __future__ import annotations

import json
from operator import itemgetter
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import (
    FakeListChatModel,
    GenericFakeChatModel,
)
from langchain_core.messages import AIMessage
from langchain_core.prompts import ChatPromptTemplate
from pydantic import Field

from summariser.articles.load import load_article
from summariser.batch.run import run_batch
from summariser.config import Settings
from summariser.errors import ConfigError
from summariser.pipeline.schema import Draft, Reply
from summariser.pipeline.summary import summarise
from summariser.validation.models import ValidationReport
from summariser.validation.runnable import checker
from tests.replies import GOOD_004, SEED_004, reply


class ToolCallingFake(GenericFakeChatModel):
    """GenericFakeChatModel with tool calling, so with_structured_output is LangChain's own
    (bind_tools + a pydantic tools parser), as for ChatOpenAI or ChatAnthropic."""

    bound: list[Any] = Field(default_factory=list)

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:
        self.bound.append((tools, kwargs))
        return self


def tool_reply(args: dict[str, Any]) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": "Draft", "args": args, "id": "call-1"}],
                     usage_metadata={"input_tokens": 900, "output_tokens": 120,
                                     "total_tokens": 1020})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", use_cache=False)


def test_a_tool_calling_chat_model_answers_through_with_structured_output(
    settings: Settings
) -> None:
    model = ToolCallingFake(messages=iter([tool_reply(GOOD_004)]))
    result = summarise(SEED_004, settings, llm=model)
    assert model.bound and model.bound[0][0] == [Reply]  # the schema went to the model
    assert result.model.backend == "langchain"
    assert result.headline == GOOD_004["headline"]
    assert result.usage.prompt_tokens == 900 and result.usage.completion_tokens == 120
    assert {f.text for f in result.figures} >= {"$237 million", "37.2 percent"}


def test_a_structured_reply_that_fails_the_schema_is_reasked_with_the_error(
    settings: Settings
) -> None:
    no_summary = {"headline": GOOD_004["headline"]}
    model = ToolCallingFake(messages=iter([tool_reply(no_summary), tool_reply(GOOD_004)]))
    result = summarise(SEED_004, settings, llm=model)
    assert result.usage.calls == 2 and len(result.key_points) >= 3


def test_a_model_without_structured_output_gets_the_schema_and_its_json_is_parsed(
    settings: Settings
) -> None:
    fenced = "Here it is:\n```json\n" + json.dumps(GOOD_004) + "\n```"
    model = FakeListChatModel(responses=["not json at all", fenced])
    result = summarise(SEED_004, settings, llm=model)
    assert result.usage.calls == 2  # the first reply was re-asked, as for every backend
    assert result.summary == GOOD_004["summary"] and result.headline == GOOD_004["headline"]


def test_the_same_validation_feedback_reaches_a_langchain_model(settings: Settings) -> None:
    wrong = reply(summary="Trade between Iran and Kazakhstan was $273 million in 2020.")
    model = ToolCallingFake(messages=iter([tool_reply(wrong), tool_reply(GOOD_004)]))
    result = summarise(SEED_004, settings, llm=model)
    assert result.usage.calls == 2 and "$273 million" in result.warnings[-1]
    assert {f.text: f.status for f in result.figures}["$237 million"] == "supported"
    assert "$273 million" not in {f.text for f in result.figures}


def test_a_batch_runs_on_a_langchain_model(settings: Settings, tmp_path: Path) -> None:
    model = FakeListChatModel(responses=[json.dumps(GOOD_004)])
    run = run_batch([Path(SEED_004)], tmp_path / "out", settings, llm=model)
    assert run.count()["succeeded"] == 1 and run.model.backend == "langchain"


def test_anything_else_as_llm_is_a_clear_error(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="LangChain chat model"):
        summarise(SEED_004, settings, llm=object())


PROMPT = ChatPromptTemplate.from_messages([("user", "Summarise:\n{article}")])


def test_the_checker_ends_a_chain_text_in_report_out() -> None:
    text = load_article(SEED_004).text
    model = FakeListChatModel(responses=["Trade fell 37.2 percent to $273 million in 2020."])
    chain = {"source": itemgetter("article"), "summary": PROMPT | model} | checker()
    report = chain.invoke({"article": text})
    assert isinstance(report, ValidationReport) and not report.ok
    assert {f.text: f.status for f in report.figures}["$273 million"] == "mismatch"


def test_the_checker_takes_a_structured_summary_with_the_source_bound() -> None:
    model = ToolCallingFake(messages=iter([tool_reply(GOOD_004)]))
    chain = PROMPT | model.with_structured_output(Draft) | checker(source=SEED_004)
    report = chain.invoke({"article": "..."})
    assert {f.text: f.status for f in report.figures}["$237 million"] == "supported"
    # a Draft's key points are sentence numbers (the sentences themselves): nothing to check
    assert all(n.status == "supported" for n in report.names) and report.ok
