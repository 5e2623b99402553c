"""Result types of the validation layer: what was checked, its status and the source evidence.

Plain dataclasses, not pydantic models: `summariser check` builds and prints them without
importing pydantic (its import and model classes were a third of the command's start).
pydantic validates and serialises them where they are part of its models (SummaryResult) and
where a check input comes in as JSON (inputs.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from summariser.articles.models import Sentence

FigureStatus = Literal["supported", "mismatch", "unsupported", "boilerplate", "derived"]
NameStatus = Literal["supported", "unsupported", "boilerplate"]
QuoteStatus = Literal["supported", "paraphrased", "unsupported"]
ClaimStatus = Literal["supported", "partial", "unsupported", "contradicted", "bad_citation"]
NameCategory = Literal["person", "country", "organisation", "other"]
MeaningKind = Literal["negation", "antonym", "novel_word", "novel_name", "name_swap",
                      "role_swap", "substitution", "wrong_role", "wrong_country"]


def _as_floats(obj: Any, *names: str) -> None:
    """Whole numbers given to float fields become floats, as pydantic made them: the JSON
    writes 37.0, and the notes that quote a value write it the same way."""
    for name in names:
        value = getattr(obj, name)
        if type(value) is int:
            setattr(obj, name, float(value))


@dataclass(kw_only=True)
class SourceSpan:
    """A character span of the article text (offsets into `Article.text`)."""

    start: int
    end: int
    text: str
    sentence: int | None = None  # 1-based sentence number, if any


def sentence_span(s: Sentence) -> SourceSpan:
    """The span of one whole article sentence: the evidence every check of meaning cites."""
    return SourceSpan(start=s.start, end=s.end, text=s.text, sentence=s.index)


@dataclass(kw_only=True)
class Figure:
    """A figure as the parser (numbers.py) reads it, offsets into the text it was found in."""

    text: str
    start: int
    end: int
    # number percent money quantity date year range ordinal time weekday
    kind: str
    value: float | None = None
    high: float | None = None
    unit: str | None = None
    iso: str | None = None
    approx: str | None = None
    digits: int | None = None  # significant digits as written
    # content words and neighbouring figures (#kind:value) of the clause, in reading order
    context: list[str] = field(default_factory=list)
    before: int = 0  # how many context items precede the figure

    def __post_init__(self) -> None:
        _as_floats(self, "value", "high")


@dataclass(kw_only=True)
class FigureCheck:
    text: str  # the figure as written in the summary
    kind: str  # number, percent, money, quantity, date, year, range, ...
    value: float | None = None
    unit: str | None = None
    status: FigureStatus
    source: SourceSpan | None = None  # the matching source figure
    sentence: SourceSpan | None = None  # the source sentence
    note: str = ""
    # the matching source figure as the parser read it (value, range, precision, context
    # words): what the batch report compares across articles
    source_figure: Figure | None = None

    def __post_init__(self) -> None:
        _as_floats(self, "value")


@dataclass(kw_only=True)
class NameCheck:
    text: str
    category: NameCategory = "other"
    status: NameStatus
    source: SourceSpan | None = None
    note: str = ""


@dataclass(kw_only=True)
class QuoteCheck:
    text: str
    status: QuoteStatus
    score: float = 0.0
    source: SourceSpan | None = None  # the nearest source span
    # paraphrased: '+word' only in the quote, '-word' only in the source span
    differences: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        _as_floats(self, "score")


@dataclass(kw_only=True)
class MeaningFinding:
    """A difference of meaning between a claim and its aligned source sentence(s)."""

    kind: MeaningKind
    words: list[str]  # the claim's words concerned
    source_words: list[str] = field(default_factory=list)  # the source's words
    source: SourceSpan | None = None  # the source sentence compared
    in_article: bool = False  # novel_word/name: found elsewhere in the article
    note: str = ""


@dataclass(kw_only=True)
class ClaimCheck:
    text: str
    # 0-based position of the claim checked in the input's claims (in a SummaryResult: in
    # its claims and key points)
    claim: int | None = None
    cited: list[int] = field(default_factory=list)
    status: ClaimStatus
    overlap: float = 0.0  # share of the claim's content words in cited sentences
    problems: list[str] = field(default_factory=list)
    judge: str | None = None  # LLM verdict when --judge is used
    # the source sentences the claim was checked against: the cited ones, or for an uncited
    # claim the ones it aligns to (rarest shared words)
    evidence: list[SourceSpan] = field(default_factory=list)
    # negations, antonyms and novel words against the evidence sentences
    findings: list[MeaningFinding] = field(default_factory=list)

    def __post_init__(self) -> None:
        _as_floats(self, "overlap")


@dataclass(kw_only=True)
class ValidationReport:
    ok: bool
    figures: list[FigureCheck] = field(default_factory=list)
    names: list[NameCheck] = field(default_factory=list)
    quotes: list[QuoteCheck] = field(default_factory=list)
    claims: list[ClaimCheck] = field(default_factory=list)
    # why the report is not ok beyond its items: nothing checkable, a summary obeying the
    # article
    notes: list[str] = field(default_factory=list)

    def as_data(self) -> dict[str, Any]:
        """The report as plain JSON-ready data: what `check --format json` prints."""
        return asdict(self)

    def problems(self) -> list[str]:
        """One short line per unsupported item, for re-asking the model and for reports."""
        lines = list(self.notes)
        lines += [f"figure {f.text!r}: {f.status}" + (f" ({f.note})" if f.note else "")
                 for f in self.figures if f.status not in ("supported", "derived")]
        lines += [f"name {n.text!r}: {n.status}" for n in self.names if n.status != "supported"]
        lines += [f"quote {q.text!r}: {q.status}" for q in self.quotes if q.status != "supported"]
        lines += [f"claim {c.text!r}: {_verdict(c)}" + (f" ({'; '.join(why)})" if why else "")
                  for c in self.claims if _verdict(c) != "supported"
                  for why in [[*c.problems, *(f"{f.kind}: {f.note}" for f in c.findings
                                             if f.kind != "novel_word")]]]
        return lines


def _verdict(claim: ClaimCheck) -> str:
    """The checker's status, or the judge model's verdict where only the judge fails it."""
    if claim.status == "supported" and claim.judge not in (None, "supported"):
        return f"{claim.judge} (judge)"
    return claim.status


@dataclass(kw_only=True)
class ClaimInput:
    text: str
    cited: list[int] = field(default_factory=list)  # 1-based sentence numbers


@dataclass(kw_only=True)
class CheckInput:
    """What is checked. Plain summaries become `CheckInput(text=...)`; structured ones also give
    the names they list and the claims with their citations."""

    text: str = ""
    names: list[tuple[str, NameCategory]] = field(default_factory=list)
    claims: list[ClaimInput] = field(default_factory=list)
    # (name, role, country) of the people a structured summary lists with a role or a country
    roles: list[tuple[str, str, str]] = field(default_factory=list)
