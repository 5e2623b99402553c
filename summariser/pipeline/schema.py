"""The structured result. `Reply` is what the model is held to by JSON schema: only what needs a
model (headline, summary), since every generated token costs about 0.1 s on the embedded model.
`Draft` is a reply with its key sentences, chosen by code (key_points.py). `SummaryResult` is
what the pipeline returns: the draft with its key sentences resolved, the people, countries,
organisations and figures read from the article itself, and the validation layer's report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from summariser.prompting.templates import PromptInfo
from summariser.validation.models import ClaimCheck, FigureCheck, ValidationReport

HEADLINE_CHARS = 90
SUMMARY_CHARS = 320
# The most words a summary as shown may have (the gold format's limit for a reference): the
# model writes up to SUMMARY_CHARS, and a cut sentence it was copying may be completed up to this.
SUMMARY_WORDS = 80


class Person(BaseModel):
    name: str
    role: str = ""
    country: str = ""


class Reply(BaseModel):
    """The model's answer: headline and summary, nothing code can read from the article."""

    # maxLength goes to the JSON schema, so a grammar-held model cannot run on (a 1.5B model
    # wrote 70-word summaries when asked for 45); it is not enforced on parsing, since an
    # endpoint that ignores it should not fail an article for a long summary.
    headline: str = Field(description="the main news, at most 10 words",
                          json_schema_extra={"maxLength": HEADLINE_CHARS})
    summary: str = Field(description="one or two sentences, at most 35 words, main news first",
                         json_schema_extra={"maxLength": SUMMARY_CHARS})


class Draft(Reply):
    """A reply with its key points: article sentence numbers (the point is the sentence itself,
    so it cannot misquote the article). Code picks them (key_points.py): on the gold set the
    model's own picks (prompt v11) stated fewer of the gold figures (see README, Evals)."""

    key_points: list[int] = Field(default_factory=list)


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


class ArticleFigure(BaseModel):
    """A figure of the article (not of the summary) with the sentence that states it."""

    text: str
    kind: str
    value: float | None = None
    unit: str | None = None
    start: int
    end: int
    sentence: int = Field(description="1-based sentence number")
    sentence_text: str


class SourceInfo(BaseModel):
    path: str | None = None
    title: str | None = None
    date: str | None = None
    sha256: str
    sentences: int
    truncated: bool = False
    suspect: list[int] = Field(default_factory=list, description="sentences that read as "
                               "instructions to an AI (prompt injection): never support")


Mode = Literal["model", "extractive"]


class SummaryResult(BaseModel):
    """`key_points[i]` is the text of `claims[i]` (the key point with its cited sentences), and
    the validation's check of it is the ClaimCheck whose `claim` is i (`claim_check`)."""

    source: SourceInfo
    mode: Mode = Field("model", description="'extractive': no usable model reply, so headline, "
                       "summary and key points are the article's own sentences (see warnings)")
    headline: str
    summary: str
    key_points: list[str]
    people: list[Person]
    countries: list[str]
    organisations: list[str]
    claims: list[Claim]
    figures: list[FigureCheck] = Field(description="the figures the summary states, checked")
    article_figures: list[ArticleFigure] = Field(
        default_factory=list, description="every figure of the article, with its sentence")
    validation: ValidationReport
    prompt: PromptInfo
    model: ModelInfo
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _link_claim_checks(self) -> SummaryResult:
        # Results stored before checks named their claim were checked in claims' order.
        for position, checked in enumerate(self.validation.claims):
            if checked.claim is None and position < len(self.claims):
                checked.claim = position
        return self

    def claim_check(self, position: int) -> ClaimCheck | None:
        """The validation's check of `claims[position]`."""
        return next((c for c in self.validation.claims if c.claim == position), None)
