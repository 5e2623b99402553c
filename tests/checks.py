"""The checker's findings as (kind, claim words, source words) triples, for tests of checks."""

from __future__ import annotations

from summariser.articles.models import Article
from summariser.validation import check
from summariser.validation.models import ValidationReport

Finding = tuple[str, list[str], list[str]]


def findings_of(report: ValidationReport) -> list[Finding]:
    return [(f.kind, f.words, f.source_words) for c in report.claims for f in c.findings]


def findings(article: Article, summary: str) -> list[Finding]:
    return findings_of(check(article, summary))
