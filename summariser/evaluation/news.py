"""The eval's second set: news the pipeline was not written for. The source documents of
SummEdits' news domain (../shared/external/summedits/summedits_news_dev.json beside the
repository, read at run time and never copied in), each once, with its seed summary
(`original_summary`, written and checked by others) as the reference.

Per document and overall: ROUGE-1/2/L of the summary against the reference, and of lead-3 on
the same document; the share of the reference's figures the summary and key points state;
whether the article failed or fell back to an extractive result; figures and names the final
output states that the checker does not support; model calls and tokens."""

from __future__ import annotations

import hashlib
import json
import statistics
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

from summariser.articles.load import article_from_text
from summariser.articles.models import Article
from summariser.config import Settings
from summariser.errors import InputError, ModelError
from summariser.evaluation.baselines import lead3
from summariser.evaluation.metrics import distinct_figures, rouge
from summariser.llm.base import LLM
from summariser.pipeline.schema import SummaryResult
from summariser.validation.figures import figures_match
from summariser.validation.numbers import parse_figures
from summariser.validation.statuses import FAILING_FIGURES

NEWS_DEV = (Path(__file__).resolve().parents[2].parent / "shared" / "external" / "summedits"
            / "summedits_news_dev.json")


class NewsDoc(BaseModel):
    id: str
    text: str
    reference: str


class NewsScores(BaseModel):
    rouge: dict[str, float] = Field(default_factory=dict)
    lead3_rouge: dict[str, float] = Field(default_factory=dict)
    reference_numbers: int = 0
    numbers_stated: int = 0
    mode: str = ""
    flagged: list[str] = Field(default_factory=list, description="unsupported figures and "
                               "names in the final output")
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    error: str | None = None


class NewsOverall(BaseModel):
    documents: int
    failed: int
    extractive: int
    flagged: int = Field(description="unsupported figures and names in final outputs, summed")
    rouge: dict[str, float]
    lead3_rouge: dict[str, float]
    numbers_share: float | None
    calls_per_article: float
    median_generated_tokens: float
    median_seconds: float


class NewsRun(BaseModel):
    source: str
    articles: dict[str, NewsScores]
    overall: NewsOverall


def load_news(path: Path = NEWS_DEV) -> list[NewsDoc]:
    """Each source document once, in file order; InputError when the file is unreadable."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the news set ({exc})", str(path)) from exc
    docs: dict[str, NewsDoc] = {}
    for row in rows:
        text, reference = row.get("doc") or "", row.get("original_summary") or ""
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        if text and digest not in docs:
            docs[digest] = NewsDoc(id=f"news{len(docs) + 1:02d}-{digest}", text=text,
                                   reference=reference.strip())
    return list(docs.values())


def numbers_stated(reference: str, text: str) -> tuple[int, int]:
    """(reference figures the text states, reference figures)."""
    wanted = parse_figures(reference)
    have = distinct_figures(text)
    return sum(any(figures_match(h, w) for h in have) for w in wanted), len(wanted)


def flagged_items(result: SummaryResult) -> list[str]:
    report = result.validation
    return ([f"figure {f.text!r}: {f.status}" for f in report.figures
             if f.status in FAILING_FIGURES]
            + [f"name {n.text!r}: {n.status}" for n in report.names if n.status != "supported"])


def score_doc(doc: NewsDoc, article: Article, result: SummaryResult | None,
              error: str | None) -> NewsScores:
    scores = NewsScores(lead3_rouge=rouge(doc.reference, lead3(article)), error=error)
    if result is None:
        return scores
    stated, total = numbers_stated(doc.reference, "\n".join([result.summary, *result.key_points]))
    u = result.usage
    return scores.model_copy(update={
        "rouge": rouge(doc.reference, result.summary), "reference_numbers": total,
        "numbers_stated": stated, "mode": result.mode, "flagged": flagged_items(result),
        "calls": u.calls, "prompt_tokens": u.prompt_tokens,
        "completion_tokens": u.completion_tokens, "seconds": u.seconds, "cached": u.cached})


def run_news(docs: list[NewsDoc], settings: Settings, llm: LLM, source: str,
             progress: Callable[[str], None] = lambda m: None) -> NewsRun:
    from summariser.pipeline.summary import summarise

    articles: dict[str, NewsScores] = {}
    for doc in docs:
        progress(f"summarising {doc.id}")
        article = article_from_text(doc.text, path=doc.id)
        try:
            result, error = summarise(article, settings, llm=llm), None
        except ModelError as exc:
            result, error = None, str(exc)
        articles[doc.id] = score_doc(doc, article, result, error)
    return NewsRun(source=source, articles=articles, overall=news_overall(articles))


def _mean(values: list[dict[str, float]]) -> dict[str, float]:
    keys = sorted({k for v in values for k in v})
    return {k: round(statistics.mean(v[k] for v in values if k in v), 4) for k in keys}


def news_overall(articles: dict[str, NewsScores]) -> NewsOverall:
    scores = list(articles.values())
    done = [s for s in scores if s.error is None]
    total = sum(s.reference_numbers for s in done)
    fresh = [s for s in done if not s.cached] or done
    return NewsOverall(
        documents=len(scores), failed=len(scores) - len(done),
        extractive=sum(s.mode == "extractive" for s in done),
        flagged=sum(len(s.flagged) for s in done),
        rouge=_mean([s.rouge for s in done]) if done else {},
        lead3_rouge=_mean([s.lead3_rouge for s in scores]) if scores else {},
        numbers_share=round(sum(s.numbers_stated for s in done) / total, 4) if total else None,
        calls_per_article=round(sum(s.calls for s in done) / len(done), 3) if done else 0.0,
        median_generated_tokens=statistics.median([s.completion_tokens for s in fresh])
        if fresh else 0.0,
        median_seconds=round(statistics.median([s.seconds for s in fresh]), 2) if fresh else 0.0,
    )
