"""`check` on a long article: the summary is checked against the paragraphs it can be about
(articles/focus.py), and the report's offsets are put back into the whole article's.

Sentence numbers: given an Article (split whole already), each span gets the number of the
article's sentence holding it; given a file or text, the sentences outside the kept paragraphs
were never split, so no number is known and spans carry none (their text and offsets are
exact). A summary whose claims cite sentence numbers is checked whole: its citations need the
whole article's numbering."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from summariser.articles.build import build_article
from summariser.articles.focus import Focus, focus
from summariser.articles.load import as_path, plain_text, resolve_article
from summariser.articles.models import Article
from summariser.validation.models import CheckInput, Figure, SourceSpan

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

M = TypeVar("M", bound="DataclassInstance")


def summary_text(summary: str | CheckInput) -> str:
    if isinstance(summary, str):
        return summary
    names = [n for n, _ in summary.names] + [" ".join(p) for p in summary.roles]
    return "\n".join([summary.text, *(c.text for c in summary.claims), *names])


def article_for(source: Article | str | Path, summary: str | CheckInput
                ) -> tuple[Article, Focus | None]:
    """The article to check `summary` against: a long one cut down to what the summary can be
    about (with the Focus that says where its paragraphs come from), any other whole."""
    cited = isinstance(summary, CheckInput) and any(c.cited for c in summary.claims)
    path = None if isinstance(source, Article) else as_path(source)
    if isinstance(source, Article):
        text: str | None = source.text
    else:
        text = plain_text(path) if path is not None else str(source)
    found = None if cited or text is None else focus(text, summary_text(summary))
    if found is not None and isinstance(source, Article):
        return build_article(found.text, source.path, source.title, source.date), found
    if found is not None:
        return build_article(found.text, str(source) if path else None), found
    if text is not None and path is not None:  # read once: the file's text, split whole
        return build_article(text, str(source)), None
    return resolve_article(source), None


class _Restore:
    """Offsets and sentence numbers of the focused article -> those of the whole one."""

    def __init__(self, where: Focus, whole: Article | None) -> None:
        self.where = where
        self.whole = whole
        self.starts = [s.start for s in whole.sentences] if whole is not None else []

    def number(self, start: int) -> int | None:
        if self.whole is None:
            return None
        i = bisect_right(self.starts, start) - 1
        return self.whole.sentences[i].index if i >= 0 else None

    def model(self, obj: M) -> M:
        """A copy of `obj` with every source span and source figure moved back (copies: the
        focused article's cached figures are shared between reports)."""
        update: dict[str, object] = {}
        if isinstance(obj, SourceSpan | Figure):
            start, end = self.where.original_span(obj.start, obj.end)
            update.update(start=start, end=end)
            if isinstance(obj, SourceSpan):
                update["sentence"] = self.number(start) if obj.sentence else None
        for field in fields(obj):
            value = getattr(obj, field.name)
            if _is_record(value):
                update[field.name] = self.model(value)
            elif isinstance(value, list) and value and _is_record(value[0]):
                update[field.name] = [self.model(v) for v in value]
        return replace(obj, **update)


def _is_record(value: Any) -> bool:
    return is_dataclass(value) and not isinstance(value, type)


def restore(report: M, where: Focus, whole: Article | None) -> M:
    """`report` (checked against the focused article) in the whole article's offsets."""
    return _Restore(where, whole).model(report)
