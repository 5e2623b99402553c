"""The checker as a LangChain Runnable, to sit at the end of a chain:

    from summariser.validation.runnable import checker
    chain = {"source": itemgetter("article"), "summary": prompt | chat_model} | checker()
    report = chain.invoke({"article": text})        # a ValidationReport

    summary_chain | checker(source="seeds/004.txt")  # the source bound, the summary piped in

The summary may be text, a chat model's message, JSON text, a dict or a pydantic model (the
Draft of `with_structured_output(Draft)`, a SummaryResult, a CheckInput). Imported only by
those who use it: langchain-core is not loaded by `summariser check`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summariser.articles.models import Article
from summariser.errors import InputError
from summariser.validation.checker import check
from summariser.validation.inputs import check_input_from_summary, check_input_of, parse_summary
from summariser.validation.models import CheckInput, ValidationReport


def checker(source: Article | str | Path | None = None) -> Any:
    """A Runnable: {"source": ..., "summary": ...} in, or only the summary when `source` is
    given here; a ValidationReport out."""
    from langchain_core.runnables import RunnableLambda

    def run(value: Any) -> ValidationReport:
        if source is not None:
            return check(source, as_summary(value))
        if not isinstance(value, dict) or not {"source", "summary"} <= value.keys():
            raise InputError("the checker takes {'source': ..., 'summary': ...} "
                             "(or checker(source=...) and the summary alone)")
        return check(value["source"], as_summary(value["summary"]))

    return RunnableLambda(run, name="summariser_check")


def as_summary(value: Any) -> str | CheckInput:
    """Whatever a chain hands over, as what `check` reads."""
    from langchain_core.messages import BaseMessage

    if isinstance(value, CheckInput):
        return value
    if isinstance(value, BaseMessage):  # a chat model's reply: its text
        value = value.text if isinstance(value.text, str) else value.content
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, dict):
        if "key_points" in value:
            return check_input_from_summary(value)
        if "text" in value:
            return check_input_of(value)
        raise InputError("a summary given as an object needs key_points (a draft or a "
                         "summary result) or text (a check input)")
    if not isinstance(value, str):
        value = json.dumps(value) if isinstance(value, list) else str(value)
    return parse_summary(value, "the summary")
