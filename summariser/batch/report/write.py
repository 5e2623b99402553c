"""The batch reports, report.md and report.html, from a finished (or interrupted) batch run.

Everything that comes from an article or a model is untrusted. report.html is rendered with
jinja2 autoescaping, carries its data for the script as JSON with <, >, & escaped, and has a
Content-Security-Policy that only lets its own inline script run (by hash), so even a missed
escape could not run injected code. It is one file with inline CSS and JS: it opens offline.
report.md escapes every value (finalize), so raw HTML in an article shows as text."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summariser.articles.models import Article
from summariser.batch.models import BatchRun, Outcome
from summariser.batch.report.conflicts import find_conflicts
from summariser.batch.store import atomic_write
from summariser.pipeline.results import result_problems
from summariser.pipeline.schema import CitedSentence, SummaryResult

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Ref:
    id: str
    label: str


@dataclass
class Segment:
    text: str
    sentence: int | None = None
    furniture: bool = False


@dataclass
class ClaimView:
    text: str
    status: str
    cites: list[CitedSentence]
    invalid: list[int]
    problems: list[str]


@dataclass
class ArticleView:
    ref: Ref
    path: str
    result: SummaryResult | None = None
    error: str | None = None
    problems: list[str] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    resumed: bool = False
    kept: bool = False


@dataclass
class Row:
    """One line of an overview table: an item and the article(s) it comes from."""

    text: str
    refs: list[Ref]
    status: str = ""
    detail: str = ""
    other: str = ""


@dataclass
class Overview:
    counts: dict[str, int]
    people: list[Row]
    countries: list[Row]
    organisations: list[Row]
    figures: list[Row]
    flagged: list[Row]
    failures: list[Row]
    conflicts: list[Row]


def article_views(outcomes: Iterable[Outcome]) -> list[ArticleView]:
    views = []
    for number, outcome in enumerate(outcomes, 1):
        result = outcome.result
        label = result.headline if result and result.headline else outcome.path or "(no path)"
        view = ArticleView(Ref(f"a{number}", label), outcome.path, result, outcome.error,
                           resumed=outcome.resumed, kept=outcome.kept)
        if result is not None:
            _fill(view, outcome, result)
        views.append(view)
    return views


def _fill(view: ArticleView, outcome: Outcome, result: SummaryResult) -> None:
    """One article that cannot be shown (a bug, odd data) never costs the others their report:
    it is listed as failed, with why."""
    try:
        view.problems = result_problems(result)
        view.claims = claim_views(result)
        view.segments = segments(outcome.article, result)
    except Exception as exc:
        view.result, view.problems, view.claims, view.segments = None, [], [], []
        view.error = f"this article could not be shown in the report ({type(exc).__name__}: {exc})"


def claim_views(result: SummaryResult) -> list[ClaimView]:
    views = []
    for position, claim in enumerate(result.claims):
        check = result.claim_check(position)
        status = check.status if check else ("bad_citation" if claim.invalid_citations else "")
        views.append(ClaimView(claim.text, status, claim.sentences, claim.invalid_citations,
                               check.problems if check else []))
    return views


def segments(article: Article | None, result: SummaryResult) -> list[Segment]:
    """The article text cut at sentence bounds, so cited sentences can be highlighted in place.
    Without the article (or if it changed since), only the cited sentences are shown."""
    if article is None or article.sha256 != result.source.sha256:
        cited = {s.index: s for c in result.claims for s in c.sentences}
        return [Segment(cited[i].text + " ", i) for i in sorted(cited)]
    out: list[Segment] = []
    pos = 0
    for sentence in sorted(article.sentences, key=lambda s: s.start):
        if sentence.start < pos:
            continue
        out += _between(article, pos, sentence.start)
        out.append(Segment(article.text[sentence.start:sentence.end], sentence.index))
        pos = sentence.end
    return out + _between(article, pos, len(article.text))


def _between(article: Article, start: int, end: int) -> list[Segment]:
    """Text outside sentences, with page furniture (teasers, image names...) marked."""
    out, pos = [], start
    for piece in sorted(article.furniture, key=lambda f: f.start):
        a, b = max(piece.start, pos), min(piece.end, end)
        if a >= b:
            continue
        if a > pos:
            out.append(Segment(article.text[pos:a]))
        out.append(Segment(article.text[a:b], furniture=True))
        pos = b
    if pos < end:
        out.append(Segment(article.text[pos:end]))
    return out


def overview(run: BatchRun, views: list[ArticleView]) -> Overview:
    done = [(v, v.result) for v in views if v.result is not None]
    return Overview(
        counts=run.count(),
        people=entity_rows((v.ref, [p.name for p in r.people]) for v, r in done),
        countries=entity_rows((v.ref, r.countries) for v, r in done),
        organisations=entity_rows((v.ref, r.organisations) for v, r in done),
        figures=figure_rows(done),
        flagged=[Row(p, [v.ref]) for v in views for p in v.problems],
        failures=[Row(v.error or "failed", [v.ref], detail=v.path) for v in views if v.error],
        conflicts=conflict_rows(views),
    )


def entity_rows(named: Iterable[tuple[Ref, list[str]]]) -> list[Row]:
    """Each name once (case-insensitive, first spelling kept) with the articles naming it."""
    rows: dict[str, Row] = {}
    for ref, names in named:
        for name in names:
            key = " ".join(name.split()).casefold()
            if not key:
                continue
            row = rows.setdefault(key, Row(" ".join(name.split()), []))
            if ref not in row.refs:
                row.refs.append(ref)
    return sorted(rows.values(), key=lambda r: (-len(r.refs), r.text.casefold()))


def figure_rows(done: list[tuple[ArticleView, SummaryResult]]) -> list[Row]:
    """Every figure of every summary with its status; a figure repeated in one summary (the
    headline and a key point) is listed once."""
    rows: dict[tuple[str, str, str, str], Row] = {}
    for view, result in done:
        for figure in result.figures:
            evidence = figure.sentence.text if figure.sentence else ""
            key = (view.ref.id, figure.text, figure.status, evidence)
            rows.setdefault(key, Row(figure.text, [view.ref], status=figure.status,
                                     detail=evidence, other=figure.note))
    return list(rows.values())


def conflict_rows(views: list[ArticleView]) -> list[Row]:
    numbered = [(i, v.result) for i, v in enumerate(views) if v.result is not None]
    rows = []
    for c in find_conflicts(numbered):
        first, second = views[c.first.article], views[c.second.article]
        rows.append(Row(f"{c.first.text} / {c.second.text}", [first.ref, second.ref],
                        status=", ".join(c.shared_words()), detail=c.first.sentence,
                        other=c.second.sentence))
    return rows


def script_json(data: Any) -> str:
    """JSON safe inside <script>: no </script>, <!--, or line separators can end it early."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The report's one script and its CSP hash."""
    code = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    return code, f"'sha256-{digest}'"


def md_escape(value: Any) -> str:
    """Every value put into report.md: no raw HTML, links or table breaks from an article."""
    text = " ".join(str(value if value is not None else "").split())
    for char, escape in (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"),
                         ("|", "\\|"), ("[", "\\["), ("]", "\\]"), ("`", "\\`")):
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=2)
def environment(markdown: bool) -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    if markdown:
        return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False,
                           finalize=md_escape, undefined=StrictUndefined,
                           keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_markdown(run: BatchRun, views: list[ArticleView], summary: Overview) -> str:
    context = {"run": run, "overview": summary, "articles": views}
    return environment(True).get_template("report.md.j2").render(context)


def render_html(run: BatchRun, views: list[ArticleView], summary: Overview) -> str:
    script, script_hash = _script()
    data = {"articles": [{"id": v.ref.id, "path": v.path, "headline": v.ref.label}
                         for v in views]}
    return environment(False).get_template("report.html.j2").render(
        run=run, overview=summary, articles=views, script=script, script_hash=script_hash,
        data_json=script_json(data))


def write_reports(out: Path, run: BatchRun, redact: Callable[[str], str]) -> None:
    from summariser.redaction import printable

    views = article_views(run.outcomes)
    summary = overview(run, views)
    # printable: a file name that is not valid UTF-8 is shown with \xNN escapes
    atomic_write(out / "report.md", printable(redact(render_markdown(run, views, summary))))
    atomic_write(out / "report.html", printable(redact(render_html(run, views, summary))))
