"""Hand-built articles, results and batch runs for the report tests (no model, no pipeline)."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from summariser.articles.models import Article, Sentence
from summariser.batch.models import BatchRun, Outcome
from summariser.pipeline.schema import (
    CitedSentence,
    Claim,
    ModelInfo,
    Person,
    SourceInfo,
    SummaryResult,
)
from summariser.prompting.templates import PromptInfo
from summariser.validation.models import ClaimCheck, FigureCheck, SourceSpan, ValidationReport
from summariser.validation.numbers import parse_figures


def load_module(path: Path) -> ModuleType:
    """A script under benchmarks/ as a module (by path: an unrelated PyPI package named
    `benchmarks` can shadow the folder)."""
    name = f"_bench_{path.stem}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


XSS_SCRIPT = "<script>document.title='XSS-RAN'</script>"
XSS_IMG = "\"><img src=x onerror=\"document.body.setAttribute('data-xss','1')\">"
XSS_JSON = "</script><script>document.body.setAttribute('data-xss','2')</script>"


def make_article(sentences: list[str], path: str) -> Article:
    text, spans = "", []
    for number, sentence in enumerate(sentences, 1):
        start = len(text)
        text += sentence + " "
        spans.append(Sentence(index=number, start=start, end=start + len(sentence), text=sentence))
    return Article(path=path, text=text, sentences=spans,
                   sha256=hashlib.sha256(text.encode()).hexdigest())


def figure(article: Article, number: int, text: str, kind: str, status: str = "supported",
           value: float | None = None, unit: str | None = None) -> FigureCheck:
    """A figure check pointing at `text` inside sentence `number` of the article."""
    sentence = article.sentences[number - 1]
    start = sentence.start + sentence.text.index(text)
    # the source figure as the checker's parser reads it in the article
    (parsed,) = [f for f in parse_figures(article.text) if f.start == start]
    return FigureCheck(
        text=text, kind=kind, value=value, unit=unit, status=status,  # type: ignore[arg-type]
        source=SourceSpan(start=start, end=start + len(text), text=text, sentence=number),
        sentence=SourceSpan(start=sentence.start, end=sentence.end, text=sentence.text,
                            sentence=number), source_figure=parsed)


def make_result(article: Article, headline: str, points: list[tuple[str, list[int]]],
                figures: list[FigureCheck] | None = None, **lists: Any) -> SummaryResult:
    claims = [Claim(text=text, sentences=[
        CitedSentence(index=n, start=article.sentences[n - 1].start,
                      end=article.sentences[n - 1].end, text=article.sentences[n - 1].text)
        for n in cites if n <= len(article.sentences)],
        invalid_citations=[n for n in cites if n > len(article.sentences)])
        for text, cites in points]
    figures = figures or []
    ok = all(f.status in ("supported", "derived") for f in figures)
    report = ValidationReport(ok=ok, figures=figures, claims=[
        ClaimCheck(text=c.text, claim=i, cited=[s.index for s in c.sentences],
                   status="supported" if c.sentences else "bad_citation")
        for i, c in enumerate(claims)])
    return SummaryResult(
        source=SourceInfo(path=article.path, sha256=article.sha256,
                          sentences=len(article.sentences)),
        headline=headline, summary=" ".join(t for t, _ in points[:2]),
        key_points=[t for t, _ in points], claims=claims, figures=figures, validation=report,
        people=[Person(name=n) for n in lists.get("people", [])],
        countries=lists.get("countries", []), organisations=lists.get("organisations", []),
        prompt=PromptInfo(name="summarise", version="2", hash="0123456789abcdef"),
        model=ModelInfo(backend="fake", name="fake"))


def make_run(*items: tuple[Article | None, SummaryResult | None, str | None]) -> BatchRun:
    """A finished run: (article, result, error) per article."""
    run = BatchRun(model=ModelInfo(backend="fake", name="fake"),
                   prompt=PromptInfo(name="summarise", version="2", hash="0123456789abcdef"),
                   workers=1)
    for index, (article, result, error) in enumerate(items):
        path = article.path if article and article.path else f"broken-{index}.txt"
        run.outcomes.append(Outcome(index=index, path=path, result=result, article=article,
                                    error=error))
    run.finished = run.started
    return run


TRADE = make_article([
    "Iran and Kazakhstan met in Nur-Sultan on Monday.",
    "Trade between Iran and Kazakhstan was $237 million in 2020.",
    "The ministers signed a memorandum.",
], "news/trade-a.txt")

TRADE_OTHER = make_article([
    "Officials from Kazakhstan visited Tehran.",
    "Trade between Iran and Kazakhstan was $310 million in 2020.",
    "Trade fell 37.2 percent.",
], "news/trade-b.txt")


def trade_results() -> tuple[SummaryResult, SummaryResult]:
    a = make_result(TRADE, "Iran and Kazakhstan meet", [
        ("Trade was $237 million in 2020.", [2]), ("They signed a memorandum.", [3]),
        ("They met on Monday.", [1])],
        [figure(TRADE, 2, "$237 million", "money", value=237e6, unit="USD")],
        countries=["Iran", "Kazakhstan"], people=["Mukhtar Tleuberdi"])
    b = make_result(TRADE_OTHER, "Kazakh officials in Tehran", [
        ("Trade was $310 million in 2020.", [2]), ("Trade fell 37.2 percent.", [3]),
        ("Officials visited Tehran.", [1, 9])],
        [figure(TRADE_OTHER, 2, "$310 million", "money", value=310e6, unit="USD"),
         figure(TRADE_OTHER, 3, "37.2 percent", "percent", value=37.2, unit="%")],
        countries=["Kazakhstan"], organisations=["Eurasian Economic Union"])
    return a, b
