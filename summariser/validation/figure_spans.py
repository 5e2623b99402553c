"""The figures of a summary and of its claims, parsed once per check (memo.once): a claim (a
sentence of the summary) is given the summary's figures inside its span, offsets moved, where
parsing the claim alone gives the same (_alike); the others are parsed alone when first asked
for. Each claim's own parse was as costly as the summary's, and its figures were the same.

The parser (numbers.py) reads a few characters around a figure: a currency, an approximation
word or a name before it, a unit after it, a clause's words either side. A claim reads alone as
inside its summary when it is set off by a clause end the parser stops at: it follows and ends
with sentence punctuation that no figure takes in ("5 p.m." does), no figure runs across its
edges ("Rs. | 500", "Jan. | 5"), and its first number cannot become a list marker ("2) ..."),
which only a line's start makes one."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

import summariser.validation.figure_patterns as P
from summariser.validation.date_figures import Calendar
from summariser.validation.memo import keep, once
from summariser.validation.models import Figure
from summariser.validation.numbers import parse_figures

# Characters that end a clause for the parser (figure_patterns.ITEM) when space follows them;
# not ')', which an acronym in brackets loses ("(EEU)"), nor "’", which ends no clause.
_CLAUSE_ENDS = frozenset('.!?"”')
# a number the parser takes for a list marker at a line's start, when space follows: "2) ", "2. "
_MARKER = re.compile(rf"\s*(?:{P.CORE.pattern})[.)]")


def text_figures(date: str | None, text: str) -> list[Figure]:
    """The figures of a summary's (or a claim's) `text`, read with the calendar of the
    article's `date`; once per check."""
    return once(("figures", date, text), lambda: parse_figures(text, Calendar.of(date)))


def claim_figures(date: str | None, text: str, spans: list[tuple[int, int]]) -> None:
    """Parses summary `text` once and keeps, for text_figures, the figures of each claim span
    that reads alone as inside the text."""
    for (start, end), found in zip(spans, figures_within(text, text_figures(date, text), spans),
                                   strict=True):
        if found is not None:
            keep(("figures", date, text[start:end]), found)


def figures_within(text: str, figures: list[Figure], spans: list[tuple[int, int]]
                   ) -> list[list[Figure] | None]:
    """For each span of `text`, the `figures` of the text inside it, offsets moved: what
    parse_figures finds in the span alone; None where the two can differ (_alike)."""
    starts = [f.start for f in figures]  # in order of position, none overlapping
    out: list[list[Figure] | None] = []
    for start, end in spans:
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        alike = _alike(text, figures[first - 1] if first else None, figures[first:last],
                       start, end)
        out.append([replace(f, start=f.start - start, end=f.end - start)
                    for f in figures[first:last]] if alike else None)
    return out


def _alike(text: str, previous: Figure | None, inside: list[Figure], start: int, end: int
           ) -> bool:
    """Whether text[start:end] parsed alone has the figures `inside` it of `text`, whose
    figure `previous` comes before it."""
    claim = text[start:end]
    before = start  # where the space before the claim begins
    while before and text[before - 1].isspace():
        before -= 1
    if claim != claim.strip() or (start and not _ends_clause(text, previous, before, start)):
        return False
    marker = _MARKER.match(claim)
    if (start and marker and claim[marker.end():marker.end() + 1].isspace()
            and "\n" not in text[before:start]):
        return False  # a marker alone, where the text has words before it on its line
    if end == len(text):
        return True
    newline = text.rfind("\n", before, end)
    line = newline + 1 if newline >= 0 else (None if start else 0)  # no line starts past a word
    return (_ends_clause(text, inside[-1] if inside else previous, end, end + 1)
            and not (line is not None and _MARKER.fullmatch(text, line, end)))


def _ends_clause(text: str, figure: Figure | None, at: int, space: int) -> bool:
    """Whether the character before `at` ends a clause for the parser, `figure` (the last one
    before `at`) not taking it in, and text[at:space] is space."""
    return (0 < at < space and text[at - 1] in _CLAUSE_ENDS and text[at:space].isspace()
            and (figure is None or figure.end < at))
