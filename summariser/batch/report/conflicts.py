"""Figures about the same thing that differ between articles of one batch (two reports of one
meeting, one trade figure), listed in the batch report's overview.

Conservative on purpose, since a false conflict costs a reader's trust more than a missed one.
Two figures are about the same thing only when all of these hold:
- both are source figures that a summary cited and the validation layer found (status
  "supported"), so each stands for what its article says;
- the same kind and unit (money in USD, a percentage, a count...); years, ordinals and times are
  left out: different years or ranks in different articles are seldom about one thing;
- the two articles name at least one person, country or organisation in common;
- at least two content words around the figures are shared (the validation figure parser's
  `Figure.context`, kept in each check as `source_figure`), and any years or dates near them
  are the same.
They conflict when their values differ beyond rounding: each is rounded to the other's written
precision, an approximate figure ("about", "more than") or a range that covers the other is not
a conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from summariser.pipeline.schema import SummaryResult
from summariser.validation.arithmetic import round_sig
from summariser.validation.figure_patterns import ITEM, context_word
from summariser.validation.models import Figure

IGNORED_KINDS = frozenset({"year", "ordinal", "time"})
MIN_SHARED_WORDS = 2


@dataclass(frozen=True)
class Mention:
    """A figure as one article states it."""

    article: int
    text: str
    sentence: str
    figure: Figure

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for w in self.figure.context if not w.startswith("#"))

    @property
    def when(self) -> frozenset[str]:
        """Years and dates stated next to the figure, as the parser's context tokens."""
        return frozenset(w.split(":", 1)[1] for w in self.figure.context
                         if w.startswith(("#year:", "#date:")))


@dataclass(frozen=True)
class Conflict:
    first: Mention
    second: Mention
    shared: tuple[str, ...]

    def shared_words(self) -> list[str]:
        """The shared context as a reader wrote it: each shared stem ('trad') shown as the first
        word of the first article's sentence that has it ('trade'), the stem itself otherwise."""
        written: dict[str, str] = {}
        for match in ITEM.finditer(self.first.sentence):  # read as the parser read the context
            if match.lastgroup == "word" and (word := context_word(match.group())) is not None:
                written.setdefault(word, match.group().lower())
        return [written.get(s, s) for s in self.shared]


def mentions(article: int, result: SummaryResult) -> list[Mention]:
    """The source figures the checker matched, as its parser read them (carried in the result:
    never parsed again here). Results stored before checks carried them have none."""
    found = []
    for check in result.figures:
        if check.status != "supported" or check.kind in IGNORED_KINDS:
            continue
        figure = check.source_figure
        if figure is not None and figure.kind not in IGNORED_KINDS and check.sentence:
            found.append(Mention(article, figure.text, check.sentence.text, figure))
    return found


def find_conflicts(results: Iterable[tuple[int, SummaryResult]]) -> list[Conflict]:
    """Conflicting figure pairs between different articles, each pair once, in article order."""
    entities: dict[int, set[str]] = {}
    groups: dict[tuple[str, str | None], list[Mention]] = defaultdict(list)
    for number, result in results:
        entities[number] = _entities(result)
        for mention in mentions(number, result):
            groups[(mention.figure.kind, mention.figure.unit)].append(mention)
    conflicts: dict[tuple[int, int, str, str], Conflict] = {}
    for group in groups.values():
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                conflict = _compare(first, second, entities)
                if conflict is not None:
                    key = (first.article, second.article, first.text, second.text)
                    conflicts.setdefault(key, conflict)
    return sorted(conflicts.values(), key=lambda c: (c.first.article, c.second.article))


def _compare(a: Mention, b: Mention, entities: dict[int, set[str]]) -> Conflict | None:
    if a.article == b.article or not entities[a.article] & entities[b.article]:
        return None
    shared = a.words & b.words
    if len(shared) < MIN_SHARED_WORDS or (a.when and b.when and a.when != b.when):
        return None
    if consistent(a.figure, b.figure):
        return None
    return Conflict(a, b, tuple(sorted(shared)))


def _entities(result: SummaryResult) -> set[str]:
    names = [p.name for p in result.people] + result.countries + result.organisations
    return {n.strip().casefold() for n in names if n.strip()}


def consistent(a: Figure, b: Figure) -> bool:
    """Could both figures state the same value? Rounding, approximations and ranges allowed."""
    if a.kind == "date" or b.kind == "date":
        return _same_date(a, b)
    if a.value is None or b.value is None or a.approx or b.approx:
        return True
    if a.high is not None or b.high is not None:
        return _overlap(a, b)
    digits = min(a.digits or 15, b.digits or 15)
    return round_sig(a.value, digits) == round_sig(b.value, digits)


def _same_date(a: Figure, b: Figure) -> bool:
    if not a.iso or not b.iso:
        return True
    # "March 2021" agrees with "March 5, 2021"; a date without a year agrees on month and day.
    x, y = a.iso.lstrip("-"), b.iso.lstrip("-")
    return x.startswith(y) or y.startswith(x) or x.endswith(y) or y.endswith(x)


def _overlap(a: Figure, b: Figure) -> bool:
    assert a.value is not None and b.value is not None
    a_high = a.high if a.high is not None else a.value
    b_high = b.high if b.high is not None else b.value
    return a.value <= b_high and b.value <= a_high

