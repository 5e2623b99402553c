"""The opening of a reply the embedded loop evaluates with the prompt instead of decoding it:
only what the schema's grammar fixes."""

from __future__ import annotations

from pydantic import BaseModel

from summariser.llm.embedded import reply_opening
from summariser.pipeline.longform import Merged
from summariser.pipeline.schema import Reply


class Count(BaseModel):
    value: int
    label: str


class Noted(BaseModel):
    note: str = ""
    label: str


def test_a_required_string_first_opens_every_reply() -> None:
    assert reply_opening(Reply) == '{"headline": "'
    assert reply_opening(Merged) == '{"headline": "'


def test_nothing_is_fixed_when_the_first_property_is_no_required_string() -> None:
    assert reply_opening(Count) == ""  # a number: the model chooses its first character
    assert reply_opening(Noted) == ""  # optional first: the grammar puts required ones first
