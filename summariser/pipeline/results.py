"""Turning the model's Draft into a SummaryResult: citations resolved to exact spans, then the
validation layer run over everything the draft says."""

from __future__ import annotations

from summariser.articles.models import Article
from summariser.llm.base import LLM
from summariser.pipeline.schema import (
    CitedSentence,
    Claim,
    Draft,
    ModelInfo,
    SourceInfo,
    SummaryResult,
    Usage,
)
from summariser.prompting.templates import Prompt
from summariser.validation.checker import check
from summariser.validation.inputs import check_input_from_summary
from summariser.validation.models import ValidationReport
from summariser.validation.statuses import FAILING_FIGURES


def build_result(
    article: Article, draft: Draft, prompt: Prompt, llm: LLM, usage: Usage, warnings: list[str]
) -> SummaryResult:
    claims = [resolve_claim(article, p.text, p.cite) for p in draft.key_points]
    report = validate_draft(article, draft)
    bad = sorted({n for c in claims for n in c.invalid_citations})
    notes = [f"cited sentence numbers that do not exist: {bad}"] if bad else []
    if article.suspect:
        notes.append("sentence(s) " + ", ".join(f"S{n}" for n in article.suspect) + " of the "
                     "article read as instructions to an AI (prompt injection): marked suspect, "
                     "never counted as support")
    return SummaryResult(
        source=SourceInfo(path=article.path, title=article.title, date=article.date,
                          sha256=article.sha256, sentences=len(article.sentences),
                          truncated=article.truncated, suspect=article.suspect),
        headline=draft.headline.strip(), summary=draft.summary.strip(),
        key_points=[p.text.strip() for p in draft.key_points],
        people=draft.people, countries=draft.countries, organisations=draft.organisations,
        claims=claims, figures=report.figures, validation=report,
        prompt=prompt.info, model=ModelInfo(backend=llm.backend, name=llm.name,
                                            params=llm.params()),
        usage=usage, warnings=[*warnings, *notes],
    )


def resolve_claim(article: Article, text: str, cite: list[int]) -> Claim:
    sentences, invalid = [], []
    for number in dict.fromkeys(cite):  # keep order, drop repeats
        sentence = article.sentence(number)
        if sentence is None:
            invalid.append(number)
            continue
        sentences.append(CitedSentence(index=sentence.index, start=sentence.start,
                                       end=sentence.end, text=sentence.text))
    return Claim(text=text.strip(), sentences=sentences, invalid_citations=invalid)


def validate_draft(article: Article, draft: Draft) -> ValidationReport:
    # The same reading of a draft as `summariser check` applies to draft JSON.
    return check(article, check_input_from_summary(draft.model_dump()))


def recheck(article: Article, result: SummaryResult) -> SummaryResult:
    """A stored result (a resumed batch's line) with the current checker's verdicts: results
    keep what the model said, never an old checker's opinion of it."""
    report = check(article, check_input_from_summary(result.model_dump(mode="json")))
    return result.model_copy(update={"validation": report, "figures": report.figures})


def feedback_items(result: SummaryResult) -> list[str]:
    """The findings worth re-asking the model about: wrong or invented figures and names, and
    citations of sentences that do not exist."""
    report = result.validation
    items = [f"figure {f.text!r} is {f.status}" + (f": {f.note}" if f.note else "")
             for f in report.figures if f.status in FAILING_FIGURES]
    items += [f"name {n.text!r} is not in the article" for n in report.names
              if n.status != "supported"]
    items += [f"key point {c.text!r} cites sentence numbers that do not exist: "
              f"{c.invalid_citations}" for c in result.claims if c.invalid_citations]
    return items
