"""Result types of the validation layer: what was checked, its status and the source evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from summariser.articles.models import Sentence

FigureStatus = Literal["supported", "mismatch", "unsupported", "boilerplate", "derived"]
NameStatus = Literal["supported", "unsupported", "boilerplate"]
QuoteStatus = Literal["supported", "paraphrased", "unsupported"]
ClaimStatus = Literal["supported", "partial", "unsupported", "contradicted", "bad_citation"]
NameCategory = Literal["person", "country", "organisation", "other"]
MeaningKind = Literal["negation", "antonym", "novel_word", "novel_name", "name_swap",
                      "role_swap", "substitution", "wrong_role", "wrong_country"]


class SourceSpan(BaseModel):
    """A character span of the article text (offsets into `Article.text`)."""

    start: int
    end: int
    text: str
    sentence: int | None = Field(default=None, description="1-based sentence number, if any")


def sentence_span(s: Sentence) -> SourceSpan:
    """The span of one whole article sentence: the evidence every check of meaning cites."""
    return SourceSpan(start=s.start, end=s.end, text=s.text, sentence=s.index)


class Figure(BaseModel):
    """A figure as the parser (numbers.py) reads it, offsets into the text it was found in."""

    text: str
    start: int
    end: int
    kind: str = Field(description="number percent money quantity date year range ordinal time "
                      "weekday")
    value: float | None = None
    high: float | None = None
    unit: str | None = None
    iso: str | None = None
    approx: str | None = None
    digits: int | None = Field(default=None, description="significant digits as written")
    context: list[str] = Field(default_factory=list, description="content words and neighbouring "
                               "figures (#kind:value) of the clause, in reading order")
    before: int = Field(default=0, description="how many context items precede the figure")


class FigureCheck(BaseModel):
    text: str = Field(description="the figure as written in the summary")
    kind: str = Field(description="number, percent, money, quantity, date, year, range, ...")
    value: float | None = None
    unit: str | None = None
    status: FigureStatus
    source: SourceSpan | None = Field(default=None, description="the matching source figure")
    sentence: SourceSpan | None = Field(default=None, description="the source sentence")
    note: str = ""
    source_figure: Figure | None = Field(
        default=None, description="the matching source figure as the parser read it (value, "
        "range, precision, context words): what the batch report compares across articles")


class NameCheck(BaseModel):
    text: str
    category: NameCategory = "other"
    status: NameStatus
    source: SourceSpan | None = None
    note: str = ""


class QuoteCheck(BaseModel):
    text: str
    status: QuoteStatus
    score: float = 0.0
    source: SourceSpan | None = Field(default=None, description="the nearest source span")
    differences: list[str] = Field(
        default_factory=list, description="paraphrased: '+word' only in the quote, '-word' only "
        "in the source span")


class MeaningFinding(BaseModel):
    """A difference of meaning between a claim and its aligned source sentence(s)."""

    kind: MeaningKind
    words: list[str] = Field(description="the claim's words concerned")
    source_words: list[str] = Field(default_factory=list, description="the source's words")
    source: SourceSpan | None = Field(default=None, description="the source sentence compared")
    in_article: bool = Field(False, description="novel_word/name: found elsewhere in the article")
    note: str = ""


class ClaimCheck(BaseModel):
    text: str
    claim: int | None = Field(default=None, description="0-based position of the claim checked "
                              "in the input's claims (in a SummaryResult: in its claims and "
                              "key points)")
    cited: list[int] = Field(default_factory=list)
    status: ClaimStatus
    overlap: float = Field(0.0, description="share of the claim's content words in cited sentences")
    problems: list[str] = Field(default_factory=list)
    judge: str | None = Field(default=None, description="LLM verdict when --judge is used")
    evidence: list[SourceSpan] = Field(
        default_factory=list, description="the source sentences the claim was checked against: "
        "the cited ones, or for an uncited claim the ones it aligns to (rarest shared words)")
    findings: list[MeaningFinding] = Field(
        default_factory=list, description="negations, antonyms and novel words against the "
        "evidence sentences")


class ValidationReport(BaseModel):
    ok: bool
    figures: list[FigureCheck] = Field(default_factory=list)
    names: list[NameCheck] = Field(default_factory=list)
    quotes: list[QuoteCheck] = Field(default_factory=list)
    claims: list[ClaimCheck] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="why the report is not ok "
                             "beyond its items: nothing checkable, a summary obeying the article")

    def problems(self) -> list[str]:
        """One short line per unsupported item, for re-asking the model and for reports."""
        lines = list(self.notes)
        lines += [f"figure {f.text!r}: {f.status}" + (f" ({f.note})" if f.note else "")
                 for f in self.figures if f.status not in ("supported", "derived")]
        lines += [f"name {n.text!r}: {n.status}" for n in self.names if n.status != "supported"]
        lines += [f"quote {q.text!r}: {q.status}" for q in self.quotes if q.status != "supported"]
        lines += [f"claim {c.text!r}: {c.status}" + (f" ({'; '.join(why)})" if why else "")
                  for c in self.claims if c.status != "supported"
                  for why in [[*c.problems, *(f"{f.kind}: {f.note}" for f in c.findings
                                             if f.kind != "novel_word")]]]
        return lines


class ClaimInput(BaseModel):
    text: str
    cited: list[int] = Field(default_factory=list, description="1-based sentence numbers")


class CheckInput(BaseModel):
    """What is checked. Plain summaries become `CheckInput(text=...)`; structured ones also give
    the names they list and the claims with their citations."""

    text: str = ""
    names: list[tuple[str, NameCategory]] = Field(default_factory=list)
    claims: list[ClaimInput] = Field(default_factory=list)
    roles: list[tuple[str, str, str]] = Field(
        default_factory=list, description="(name, role, country) of the people a structured "
        "summary lists with a role or a country")
