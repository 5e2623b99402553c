"""`check`: a summary against its source, deterministically: figures, names, quotes, claims.

Imports nothing from the LLM stack, so `summariser check` starts fast (an LLM's verdict per
claim, `--judge`, is added to the report afterwards by summariser/pipeline/judge.py).

What is checked:
- a plain string: the figures of the text (figures.check_figures), the names found in it
  (names.py), the text in quotation marks (quotes.py), and each sentence as an uncited claim
  (claims.py: aligned to the article sentences it comes from, checked for meaning against them;
  figures and names against the whole article).
- a CheckInput: the figures of its text and of its claims, the names it lists plus those in
  its text, its quotes, and its claims against the sentences they cite.
`ok` is True iff no figure is mismatch/unsupported/boilerplate, no name is unsupported or
boilerplate, no quote is unsupported (nor paraphrased, with strict_quotes), no claim is
unsupported, contradicted or bad_citation. `derived` figures and `partial` claims are
reported but do not fail the check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from summariser.articles.models import Article
from summariser.validation.claims import check_claims, split_sentences
from summariser.validation.codes import check_codes
from summariser.validation.figure_spans import claim_figures
from summariser.validation.figures import check_figures
from summariser.validation.long_articles import article_for, restore
from summariser.validation.memo import one_check
from summariser.validation.models import CheckInput, ClaimInput, FigureCheck, ValidationReport
from summariser.validation.name_index import claim_names
from summariser.validation.names import check_names
from summariser.validation.quotes import check_quotes
from summariser.validation.roles import check_listed_roles
from summariser.validation.statuses import FAILING_CLAIMS, FAILING_FIGURES
from summariser.validation.tokenised import untokenise


def _as_input(summary: str | CheckInput, source: str) -> CheckInput:
    """The summary as a CheckInput, its tokenised text ("Villa 's", "semi - final") written
    back (tokenised.py) once, before any check reads it."""
    if isinstance(summary, CheckInput):
        return replace(  # every other field (roles, ...) as given
            summary, text=untokenise(summary.text, source),
            names=[(untokenise(n, source), c) for n, c in summary.names],
            claims=[replace(c, text=untokenise(c.text, source)) for c in summary.claims])
    text = untokenise(summary, source)
    return CheckInput(text=text, claims=[ClaimInput(text=s) for s in split_sentences(text)])


def _unique(figures: list[FigureCheck]) -> list[FigureCheck]:
    """Each figure once: 'the two countries' said five times is one check, not five."""
    seen: set[str] = set()
    out = []
    for fig in figures:
        key = repr(fig)
        if key not in seen:
            seen.add(key)
            out.append(fig)
    return out


def _claim_spans(text: str, claims: list[str]) -> list[tuple[int, int]]:
    """Where each claim is in `text` (the summary with every claim), in order; the first
    place of one repeated out of order."""
    spans, pos = [], 0
    for claim in claims:
        at = text.find(claim, pos)
        at = text.find(claim) if at < 0 else at
        if at >= 0:
            spans.append((at, at + len(claim)))
            pos = at + len(claim)
    return spans


def is_ok(report: ValidationReport, strict_quotes: bool = False) -> bool:
    failing_quotes = ("unsupported", "paraphrased") if strict_quotes else ("unsupported",)
    return not (
        any(f.status in FAILING_FIGURES for f in report.figures)
        or any(n.status != "supported" for n in report.names)
        or any(q.status in failing_quotes for q in report.quotes)
        or any(c.status in FAILING_CLAIMS for c in report.claims)
    )


def check(
    source: Article | str | Path, summary: str | CheckInput, *, strict_quotes: bool = False,
) -> ValidationReport:
    """Check `summary` against `source` (an Article, a path, or article text). Sentences of
    the source that read as instructions to an AI (Article.suspect) are not support
    (data_only.py). With `strict_quotes`, a paraphrased quotation fails the check too."""
    article, narrowed = article_for(source, summary)  # long: the paragraphs it can be about
    given = _as_input(summary, article.text)
    if article.suspect:
        from summariser.validation.data_only import check_as_data

        report = check_as_data(article, given, check_items)
    else:
        report = check_items(article, given)
    if not _checkable(report):
        report.notes.append(NOTHING_CHECKED)
    report.ok = is_ok(report, strict_quotes) and not report.notes
    if narrowed is not None:
        report = restore(report, narrowed, source if isinstance(source, Article) else None)
    return report


def check_items(article: Article, given: CheckInput) -> ValidationReport:
    """The figures, names, quotes and claims of `given`, each checked against `article`
    (in one memo.one_check: a claim's names and figures are read once for all its checks)."""
    extra = [c.text for c in given.claims if c.text not in given.text]
    text = "\n".join([given.text, *extra]).strip()
    if not text and not given.names:
        return ValidationReport(ok=False)
    with one_check():
        spans = _claim_spans(text, [c.text for c in given.claims])
        claim_names(article, text, spans)  # the summary's names and figures, given by span
        claim_figures(article.date, text, spans)
        return ValidationReport(
            ok=True,
            figures=_unique(check_figures(article, text) + check_codes(article, text))
            if text else [],
            names=check_listed_roles(article, given.roles,
                                     check_names(article, text, given.names)),
            quotes=check_quotes(article, text),
            claims=check_claims(article, given.claims),
        )


NOTHING_CHECKED = ("nothing in the summary could be checked: it has no figure, name, quote or "
                   "claim with words of its own")


def _checkable(report: ValidationReport) -> bool:
    from summariser.validation.words import content_words

    return bool(report.figures or report.names or report.quotes
                or any(content_words(c.text) for c in report.claims))
