"""Turning a Draft into a SummaryResult: key sentence numbers resolved to the
article's sentences (exact spans), people, countries, organisations and the figures table read
from the article, and the validation layer run over everything the result states."""

from __future__ import annotations

from summariser.articles.body import body_sentences
from summariser.articles.models import Article, Sentence
from summariser.llm.base import LLM
from summariser.pipeline.article_figures import article_figures
from summariser.pipeline.article_names import article_names
from summariser.pipeline.schema import (
    CitedSentence,
    Claim,
    Draft,
    Mode,
    ModelInfo,
    Person,
    SourceInfo,
    SummaryResult,
    Usage,
)
from summariser.prompting.templates import Prompt
from summariser.validation.checker import check
from summariser.validation.memo import Memo
from summariser.validation.models import CheckInput, ClaimInput, NameCategory, ValidationReport
from summariser.validation.statuses import FAILING_FIGURES


def key_sentences(article: Article, numbers: list[int]) -> tuple[list[Sentence], list[str]]:
    """The body sentences the draft names, each once, in the draft's order; numbers that are
    no body sentence (out of range, the headline line, page furniture) are left out, and said."""
    body = {s.index: s for s in body_sentences(article)}
    picked = [body[n] for n in dict.fromkeys(numbers) if n in body]
    bad = sorted({n for n in numbers if n not in body})
    notes = [f"key point numbers that are no sentence of the article body were left out: {bad}"]
    return picked, notes if bad else []


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


def build_result(
    article: Article, draft: Draft, prompt: Prompt, llm: LLM, usage: Usage, warnings: list[str],
    mode: Mode = "model",
) -> SummaryResult:
    points, notes = key_sentences(article, draft.key_points)
    claims = [resolve_claim(article, s.text, [s.index]) for s in points]
    names = article_names(article)
    report = check(article, check_input(draft.headline, draft.summary, claims, names.people,
                                        names.countries, names.organisations))
    people, countries, organisations = supported_names(report, names.people, names.countries,
                                                       names.organisations)
    if article.suspect:
        notes.append("sentence(s) " + ", ".join(f"S{n}" for n in article.suspect) + " of the "
                     "article read as instructions to an AI (prompt injection): marked suspect, "
                     "never counted as support")
    return SummaryResult(
        source=SourceInfo(path=article.path, title=article.title, date=article.date,
                          sha256=article.sha256, sentences=len(article.sentences),
                          truncated=article.truncated, suspect=article.suspect),
        mode=mode, headline=draft.headline.strip(), summary=draft.summary.strip(),
        key_points=[c.text for c in claims], people=people, countries=countries,
        organisations=organisations, claims=claims, figures=report.figures,
        article_figures=article_figures(article), validation=report, prompt=prompt.info,
        model=ModelInfo(backend=llm.backend, name=llm.name, params=llm.params()),
        usage=usage, warnings=[*warnings, *notes],
    )


def check_input(headline: str, summary: str, claims: list[Claim], people: list[Person],
                countries: list[str], organisations: list[str]) -> CheckInput:
    names: list[tuple[str, NameCategory]] = [(p.name, "person") for p in people]
    names += [(c, "country") for c in countries]
    names += [(o, "organisation") for o in organisations]
    text = "\n".join(t for t in (headline.strip(), summary.strip(), *(c.text for c in claims))
                     if t)
    return CheckInput(text=text, names=names, claims=[
        ClaimInput(text=c.text, cited=[s.index for s in c.sentences]) for c in claims],
        roles=[(p.name, p.role, p.country) for p in people if p.role or p.country])


def supported_names(report: ValidationReport, people: list[Person], countries: list[str],
                    organisations: list[str]) -> tuple[list[Person], list[str], list[str]]:
    """Only the names the checker supports are listed: a listed name is stated as a fact."""
    bad = {n.text for n in report.names if n.status != "supported"}
    return ([p for p in people if p.name not in bad], [c for c in countries if c not in bad],
            [o for o in organisations if o not in bad])


# The summary's findings are asked for twice an article (whether to re-ask, what to keep):
# the same text against the same article, checked once.
_FINDINGS: Memo[tuple[str, ...]] = Memo(8)


def findings(article: Article, text: str) -> list[str]:
    """What is wrong with model-written text (the headline and summary): figures the article
    does not support, names it does not have. These are worth re-asking the model about."""
    return list(_FINDINGS.get(f"{article.sha256}\0{text}", lambda: _findings(article, text)))


def _findings(article: Article, text: str) -> tuple[str, ...]:
    report = check(article, CheckInput(text=text))
    items = [f"figure {f.text!r} is {f.status}" + (f": {f.note}" if f.note else "")
             for f in report.figures if f.status in FAILING_FIGURES]
    items += [f"name {n.text!r} is not in the article" for n in report.names
              if n.status != "supported"]
    items += [f"quote {q.text!r} is not in the article" for q in report.quotes
              if q.status != "supported"]
    return tuple(items)


def recheck(article: Article, result: SummaryResult) -> SummaryResult:
    """A stored result (a resumed batch's line) with the current checker's verdicts: results
    keep what the model said, never an old checker's opinion of it."""
    report = check(article, check_input(result.headline, result.summary, result.claims,
                                        result.people, result.countries, result.organisations))
    return result.model_copy(update={"validation": report, "figures": report.figures})


def citation_problems(result: SummaryResult) -> list[str]:
    return [f"key point {c.text!r} cites sentence numbers that do not exist: "
            f"{c.invalid_citations}" for c in result.claims if c.invalid_citations]


def result_problems(result: SummaryResult) -> list[str]:
    """Everything wrong with a result, each once: the checker's findings, then citations of
    sentences that do not exist (the batch's flagged status and its report both use this)."""
    return list(dict.fromkeys(result.validation.problems() + citation_problems(result)))
