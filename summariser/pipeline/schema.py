"""The structured result. `Draft` is what the model is held to by JSON schema (kept small, since
every generated token costs about 0.12 s on the embedded model); `SummaryResult` is what the
pipeline returns after resolving citations and running the validation layer."""

from __future__ import annotations

from pydantic import BaseModel, Field

from summariser.prompting.templates import PromptInfo
from summariser.validation.models import FigureCheck, ValidationReport


class Person(BaseModel):
    name: str
    role: str = ""
    country: str = ""


class DraftPoint(BaseModel):
    text: str = Field(description="one key point, in your own words, under 25 words")
    cite: list[int] = Field(
        min_length=1, max_length=3, description="numbers of the source sentences that support it"
    )


class Draft(BaseModel):
    """The model's answer."""

    headline: str
    summary: str = Field(description="at most 80 words, in your own words")
    key_points: list[DraftPoint] = Field(min_length=3, max_length=5)
    # Bounded so a model that lists everything cannot spend the token budget here.
    people: list[Person] = Field(max_length=8)
    countries: list[str] = Field(max_length=8)
    organisations: list[str] = Field(max_length=8)


class CitedSentence(BaseModel):
    index: int
    start: int
    end: int
    text: str


class Claim(BaseModel):
    text: str
    sentences: list[CitedSentence]
    invalid_citations: list[int] = Field(
        default_factory=list, description="cited numbers that are not sentences of the article"
    )


class ModelInfo(BaseModel):
    backend: str
    name: str
    params: dict[str, float | int | str | None] = Field(default_factory=dict)


class Usage(BaseModel):
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    model_seconds: float = Field(0.0, description="time inside model calls (prefill + decode)")
    prefill_seconds: float = 0.0
    load_seconds: float = 0.0
    cached: bool = False


class SourceInfo(BaseModel):
    path: str | None = None
    title: str | None = None
    date: str | None = None
    sha256: str
    sentences: int
    truncated: bool = False
    suspect: list[int] = Field(default_factory=list, description="sentences that read as "
                               "instructions to an AI (prompt injection): never support")


class SummaryResult(BaseModel):
    source: SourceInfo
    headline: str
    summary: str
    key_points: list[str]
    people: list[Person]
    countries: list[str]
    organisations: list[str]
    claims: list[Claim]
    figures: list[FigureCheck]
    validation: ValidationReport
    prompt: PromptInfo
    model: ModelInfo
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
