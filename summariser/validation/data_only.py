"""Article text is data: the sentences marked suspect (instructions to an AI, see
summariser/articles/suspect.py) never count as support, and a summary that states what they
ask for is flagged.

The summary is checked twice: against the article with its suspect sentences blanked out (what
the report says), and against those sentences alone. What only the second supports is what an
injected instruction put into the summary: marked on the item and in the report's notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from summariser.articles.models import Article
from summariser.validation.models import CheckInput, SourceSpan, ValidationReport

Check = Callable[[Article, CheckInput], ValidationReport]
_NOT_NEWLINE = re.compile(r"[^\n]")
_ECHO_OVERLAP = 0.5  # a claim with half its content words in a suspect sentence repeats it


def view(article: Article, suspect: bool) -> Article:
    """The article with its suspect sentences blanked (suspect=False), or everything but them
    (suspect=True). Offsets stay; a hash of its own keeps the checker's caches apart."""
    orders = set(article.suspect)
    chars = list(_NOT_NEWLINE.sub(" ", article.text) if suspect else article.text)
    sentences = []
    for s in article.sentences:
        shown = (s.index in orders) == suspect
        if shown and suspect:
            chars[s.start:s.end] = list(s.text)
        elif not shown and not suspect:
            chars[s.start:s.end] = list(_NOT_NEWLINE.sub(" ", s.text))
        sentences.append(s if shown else replace(s, text=" " * len(s.text)))
    return replace(article, text="".join(chars), sentences=sentences, suspect=[],
                   furniture=[] if suspect else article.furniture,
                   sha256=f"{article.sha256}:{'orders' if suspect else 'data'}")


def check_as_data(article: Article, given: CheckInput, check: Check) -> ValidationReport:
    report = check(view(article, suspect=False), given)
    _restore_evidence(report, article)
    orders = check(view(article, suspect=True), given)
    echoed = _echoed(report, orders)
    cited = sorted({n for c in report.claims for n in c.cited if n in article.suspect})
    for claim in report.claims:
        bad = [n for n in claim.cited if n in article.suspect]
        if bad:
            claim.status = "unsupported"
            claim.problems.insert(0, f"cites {_numbers(bad)}, instruction-like sentence(s) of "
                                     "the article (marked suspect), which are not support")
    if echoed or cited:
        where = _numbers(sorted(article.suspect))
        what = "; ".join(echoed) if echoed else f"it cites {_numbers(cited)}"
        report.notes.append(f"the summary follows instruction-like text in the article ({where}"
                            f", marked suspect): {what}")
    return report


def _echoed(report: ValidationReport, orders: ValidationReport) -> list[str]:
    """Items the suspect sentences support that the rest of the article does not; each is
    marked where it is reported."""
    note = "stated only by an instruction-like sentence of the article (not support)"
    # a value the suspect sentences state, even when said there of something else (figures.py)
    ordered = {f.text for f in orders.figures if f.status == "supported"
               or (f.status == "unsupported" and f.source is not None)}
    named = {n.text for n in orders.names if n.status == "supported"}
    found = []
    for figure in report.figures:
        if figure.status != "supported" and figure.text in ordered:
            figure.note, figure.status = note, "unsupported"
            found.append(f"figure {figure.text!r}")
    for name in report.names:
        if name.status != "supported" and name.text in named:
            name.note = note
            found.append(f"name {name.text!r}")
    for claim, twin in zip(report.claims, orders.claims, strict=False):
        if claim.status != "supported" and twin.overlap >= _ECHO_OVERLAP and twin.evidence:
            claim.status = "unsupported"
            claim.problems.insert(0, note)
            found.append(f"claim {claim.text!r}")
    return list(dict.fromkeys(found))


def _restore_evidence(report: ValidationReport, article: Article) -> None:
    """Evidence spans show the article's own text, not the blanked view's."""
    def fix(span: SourceSpan | None) -> None:
        if span is not None:
            span.text = article.text[span.start:span.end]

    for f in report.figures:
        fix(f.source)
        fix(f.sentence)
    for n in report.names:
        fix(n.source)
    for q in report.quotes:
        fix(q.source)
    for c in report.claims:
        for span in c.evidence:
            fix(span)


def _numbers(numbers: list[int]) -> str:
    return ", ".join(f"S{n}" for n in numbers)

