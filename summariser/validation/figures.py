"""Checking each figure of a summary against the figures of its source article.

Rules (the goal is never to publish a wrong number):
- Kinds must agree: a percent matches only a percent (of the same unit, % or percentage points),
  money only money in the same currency, a quantity only the same unit. A bare count matches a
  bare count, or a quantity whose unit word is in the count's own clause ("70" never matches
  "70 percent"; "70 percent" never matches "70 projects"). Spelled and digit forms are equal.
- Exact claims stay exact, except rounding: a claim written with fewer significant digits that
  equals the source rounded to them, and within 5% of it, is supported ("$1.9 billion" for
  "$1.93 billion", "37%" for "37.2%"; not "$200 million" for "$237 million").
- Approximate claims: "about/around/roughly/some X" are supported by a source value within 5% of
  X; "nearly/almost X" by one from 90% of X up to X; "over/more than X" by one above X (at least
  X for "at least") and at most twice X; "under/up to X" by one below X and at least half of it.
  A bound in the source supports the same or a looser bound. An exact claim equal to an
  approximate source figure ("100" for "over 100") is supported with a note.
- Context: each figure carries the content words and neighbouring figures of its clause; two
  figures' context score sums 1/(distance in the claim × distance in the source) over shared
  items. A claim whose value is in the source but whose clause fits another source figure of the
  same kind clearly better is a `mismatch`: "$237 million in 2019" when the source says "$237
  million in 2020 ... compared to 2019"; but not when the claim's sentence restates a sentence
  stating the value (figure_support.py). A range's ends are figures too ("4-7%" is "4% to 7%"
  of one sentence). A bare count or ordinal whose equal source figure shares
  no context at all is not supported ("23 changes" against a "23-man squad"); nor is a year
  when, besides, no sentence stating it shares a word with the claim's sentence ("kidnapped in
  2013" where the source's 2013 is an army's deployment).
- Ages: "Pippa, 31," and "the 31-year-old" are the same figure. A bare number with a scale word
  ("237 million") matches an amount of that size in any currency or unit.
- A value found only in page furniture is `boilerplate`; one that follows from two body figures
  (sum, difference, share, percent change, undoing a percent change) is `derived`, with the
  arithmetic in the note, unless a source figure of its kind fits its clause clearly better
  (`mismatch`, as is another same-kind value about the same thing); else `unsupported`.
- Dates: "April 7" is supported by "April 7, 2021"; "April 7, 2021" by "April 7" when the year
  2021 occurs in the article body too. A year is supported by a date in that year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import partial

import summariser.validation.figure_patterns as P
from summariser.articles.models import Article
from summariser.validation.alignment import sentence_scores
from summariser.validation.arithmetic import AMOUNTS, candidates, describe
from summariser.validation.date_figures import Calendar, dates_agree, weekdays_agree
from summariser.validation.figure_counts import counts_numbered_list, listed_after
from summariser.validation.figure_spans import text_figures
from summariser.validation.figure_support import (
    claim_sentence,
    claimed_too,
    range_ends,
    restates,
)
from summariser.validation.figure_values import is_round, rounds_to, values_agree
from summariser.validation.memo import Memo, once
from summariser.validation.models import FigureCheck, SourceSpan, sentence_span
from summariser.validation.numbers import Figure, parse_figures
from summariser.validation.words import stem

_NOT_DERIVED = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade",
                          "year_old"})
_OVERRIDE_MARGIN = 0.75  # how much better another source figure's context must be
_OVERRIDE_MIN = 1.0
_MISMATCH_MIN = 0.2  # context shared with a same-kind source figure: "about the same thing"
_CACHE_SIZE = 32
_THE_BEFORE = re.compile(r"(?:^|\s)the\s+$", re.I)


@dataclass
class _Src:
    fig: Figure
    sentence: int | None
    furniture: str | None
    dist: dict[str, int] = field(default_factory=dict)
    written: Figure | None = None  # for an end of a range: the range as written


@dataclass
class _Source:
    figures: list[_Src]
    body: list[_Src]
    years: set[str]


_CACHE: Memo[_Source] = Memo(_CACHE_SIZE)  # keyed by text hash, sentences, furniture


def _distances(fig: Figure) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, word in enumerate(fig.context):
        d = fig.before - i if i < fig.before else i - fig.before + 1
        out[word] = min(d, out.get(word, d))
    return out


def _score(claim: dict[str, int], src: _Src) -> float:
    """Shared context, weighted by closeness to both figures (adjacent on both sides: 1.0)."""
    return sum(1.0 / (d * src.dist[w]) for w, d in claim.items() if w in src.dist)


def _key(article: Article) -> str:
    return f"{article.sha256}:{len(article.sentences)}:" + str(
        [(f.start, f.end) for f in article.furniture])


def _source(article: Article, key: str | None = None) -> _Source:
    """The article's figures with their sentence and furniture, cached by the text's hash
    (`key`: _key(article), when the caller has it)."""
    return _CACHE.get(key or _key(article), lambda: _index(article))


def _index(article: Article) -> _Source:
    starts = [s.start for s in article.sentences]
    furniture_starts = [f.start for f in article.furniture]  # sorted, not overlapping
    figures = []
    for fig in parse_figures(article.text, Calendar.of(article.date)):
        i = bisect_right(starts, fig.start) - 1
        inside = i >= 0 and fig.start < article.sentences[i].end
        j = bisect_right(furniture_starts, fig.start) - 1
        piece = article.furniture[j] if j >= 0 else None
        furniture = piece.kind if piece is not None and fig.start < piece.end else None
        sentence = article.sentences[i].index if inside else None
        figures.append(_Src(fig, sentence, furniture, _distances(fig)))
        figures += [_Src(f, sentence, furniture, _distances(f), fig) for f in range_ends(fig)]
    body = [s for s in figures if s.furniture is None]
    years = {s.fig.iso[:4] if s.fig.iso else f"{s.fig.value:.0f}" for s in body
             if s.fig.kind == "year" or (s.fig.kind == "date" and s.fig.iso
                                          and s.fig.iso[0] != "-")}
    if article.date:
        years.add(article.date[:4])
    return _Source(figures, body, years)


def _is_age(f: Figure) -> bool:
    return f.unit == "year_old" or f.kind == "number"


def _same_kind(c: Figure, s: Figure) -> bool:
    if "weekday" in (c.kind, s.kind):
        return {c.kind, s.kind} <= {"weekday", "date"}
    if "year_old" in (c.unit, s.unit):
        return _is_age(c) and _is_age(s)  # "Pippa, 31" is "the 31-year-old"
    if c.kind == s.kind:
        return c.unit == s.unit or c.kind in ("number", "ordinal")
    if c.kind == "number" and s.kind in AMOUNTS and P.SCALE_WORD.search(c.text):
        return True  # "237 million" for "$237 million": the magnitude is the claim
    if c.kind in ("number", "ordinal") and s.kind == "quantity":  # context words are stems
        return bool({s.unit, stem(s.unit or "")} & set(c.context))  # "87th minute", "87 minute"
    if c.kind == "quantity" and s.kind == "number":
        return c.unit in s.context
    return c.kind == "year" and s.kind == "date"


def _match(c: Figure, s: Figure, years: set[str] | None = None) -> bool:
    if not _same_kind(c, s):
        return False
    if c.kind == "date":
        return dates_agree(c, s, years)
    if c.kind == "year" and s.kind == "date":
        return (s.iso or "")[:4] == f"{c.value:.0f}"
    if s.value is None:
        return False
    if c.kind == "range":
        return (s.high is not None and c.high is not None
                and rounds_to(s.value, c.value or 0, c.digits)
                and rounds_to(s.high, c.high, c.digits))
    if c.kind == "weekday" or s.kind == "weekday":
        return weekdays_agree(c, s)
    if c.kind in ("year", "ordinal", "time"):
        return c.value == s.value
    return values_agree(c, s.value, s.approx, is_round(s))


def figures_match(claimed: Figure, source: Figure) -> bool:
    """Whether `source` supports `claimed`: same kind and unit, and an agreeing value."""
    return _match(claimed, source)


def _family(f: Figure) -> str:
    if f.kind in ("year", "date") or (f.kind == "range" and f.unit == "year"):
        return "when"
    if f.unit == "year_old":
        return "number"
    return f"{f.kind}:{f.unit}" if f.kind in ("quantity", "range") else f.kind


def _span(article: Article, src: _Src) -> tuple[SourceSpan, SourceSpan | None]:
    fig = src.fig
    span = SourceSpan(start=fig.start, end=fig.end, text=fig.text, sentence=src.sentence)
    sent = article.sentence(src.sentence) if src.sentence else None
    if sent is None:
        return span, None
    return span, sentence_span(sent)


def _result(article: Article, c: Figure, status: str, src: _Src | None, note: str) -> FigureCheck:
    span, sent = _span(article, src) if src else (None, None)
    written = (src.written or src.fig) if src else None
    return FigureCheck(text=c.text, kind=c.kind, value=c.value, unit=c.unit, status=status,  # type: ignore[arg-type]
                       source=span, sentence=sent, note=note, source_figure=written)


def _best(dist: dict[str, int], cands: list[_Src]) -> tuple[_Src | None, float]:
    best, score = None, -1.0
    for s in cands:
        sc = _score(dist, s)
        if sc > score:
            best, score = s, sc
    return best, score


def _counted(f: Figure) -> set[str]:
    """The words right after a count: what it counts ("five Central Asian countries")."""
    return {w for w in f.context[f.before:f.before + 2] if not w.startswith("#")}


def _about_same(c: Figure, rival: _Src, score: float) -> bool:
    if score < _MISMATCH_MIN:
        return False
    return c.kind not in ("number", "ordinal") or bool(_counted(c) & _counted(rival.fig))


def _loose(c: Figure, own: _Src) -> bool:
    """An approximate claim, or one equal to its figure only once rounded ($950m for $946m)."""
    return c.approx is not None or (c.kind in (*AMOUNTS, "percent") and c.value is not None
                                    and own.fig.value is not None and own.fig.value != c.value)


def _overridden(c: Figure, score: float, rival_score: float, loose: bool) -> bool:
    """The claim's clause fits another source figure clearly better than the one it equals
    (for a loose match, approximate or rounded, any better-fitting rival wins)."""
    margin = 0.0 if loose else _OVERRIDE_MARGIN
    return rival_score >= _OVERRIDE_MIN and rival_score > score + margin


def _tells_apart(article: Article, c: Figure, dist: dict[str, int], own: _Src, rival: _Src) -> bool:
    """The rival fits better through a neighbouring figure ("$237 million in 2019"), or through
    a word the sentence stating the claimed value lacks. When that sentence says everything the
    claim says ("Iran's trade with the EEU ... $1.9 billion"), the exact value is that
    sentence's, even if a word sits closer to another figure. Approximate claims match loosely:
    any better-fitting rival wins."""
    if _loose(c, own):
        return True
    sentence = article.sentence(own.sentence) if own.sentence else None
    words = P.content_words(sentence.text) if sentence else set()
    return any(w in rival.dist and (w.startswith("#") or w not in words) for w in dist)


def _unrelated(article: Article, c: Figure, same: _Src, rival: _Src | None) -> FigureCheck:
    """A bare count equal to a source count whose clause shares nothing with the claim's:
    "23 changes" is not supported by a "23" about something else."""
    elsewhere = f"the source's {same.fig.text} (sentence {same.sentence}) is about something else"
    if rival and _about_same(c, rival, _MISMATCH_MIN):
        return _result(article, c, "mismatch", rival, f"source says {rival.fig.text}; {elsewhere}")
    return _result(article, c, "unsupported", same, elsewhere)


def _elsewhere(article: Article, sentence: str, body: list[_Src]) -> bool:
    """Every sentence stating the claimed value shares no word with the claim's sentence: 'in
    2013' of a kidnapping where the article's 2013 is when an army deployed. (Tried on every
    kind: on CLIFF's correct summaries and the seed sets, amounts and percents restated from
    sentences that name their subject only by a pronoun were flagged.)"""
    scores = sentence_scores(article, sentence)
    return all(s.sentence is not None and scores[s.sentence - 1] == 0 for s in body)


def _in_body(article: Article, c: Figure, sentence: str, body: list[_Src],
             rivals: list[_Src]) -> FigureCheck:
    """The claim equals body figures: supported by the best-fitting one, unless the claim's
    clause is about another figure and its sentence does not restate one stating the value
    (see the module docstring). A weekday is bound to its clause: one sentence often names two
    days (the event's and the statement's), so the better-fitting clause decides alone."""
    dist = _distances(c)
    best, score = _best(dist, body)
    assert best is not None
    if score == 0 and (c.kind in ("number", "ordinal")
                       or (c.kind == "year" and _elsewhere(article, sentence, body))):
        rival, rival_score = _best(dist, rivals)
        return _unrelated(article, c, best, rival if rival_score >= _MISMATCH_MIN else None)
    same, same_score = _best(dist, [r for r in rivals if r.fig.kind == c.kind])
    if same and _overridden(c, score, same_score, _loose(c, best)) and (c.kind == "weekday" or (
            _tells_apart(article, c, dist, best, same) and not claimed_too(sentence, same.fig)
            and not restates(article, sentence, [b.sentence for b in body], same.sentence))):
        return _result(article, c, "mismatch", same,
                       f"source says {same.fig.text} here ({best.fig.text} is about something "
                       "else)")
    note = f"source says {best.fig.text}" if best.fig.approx != c.approx else ""
    return _result(article, c, "supported", best, note)


def _ends_in_one_sentence(c: Figure, src: _Source) -> _Src | None:
    """A claimed range whose two ends are body figures of one sentence ("4-7%": "4% to 7%")."""
    ends = range_ends(c)
    found = [{s.sentence: s for s in src.body if s.sentence and _match(end, s.fig)}
             for end in ends]
    common = set(found[0]) & set(found[1]) if ends else set()
    return found[0][min(common)] if common else None


def _check_one(article: Article, src: _Source, c: Figure, sentence: str) -> FigureCheck:
    dist = _distances(c)
    matches = [s for s in src.figures if _match(c, s.fig, src.years)]
    if not matches and (ends := _ends_in_one_sentence(c, src)):
        return _result(article, c, "supported", ends, "the range's ends, stated separately")
    body = [s for s in matches if s.furniture is None]
    matched = {id(s) for s in matches}  # by identity: comparing models is slow (quadratic)
    rivals = [s for s in src.body if _family(s.fig) == _family(c) and id(s) not in matched]
    if body:
        return _in_body(article, c, sentence, body, rivals)
    dateline = next((s for s in matches if s.furniture == "date"), None)
    if dateline is not None:  # the article's own date is a fact of the article
        return _result(article, c, "supported", dateline, "the article's date (its dateline)")
    if matches:
        return _result(article, c, "boilerplate", matches[0],
                       f"only in page furniture ({matches[0].furniture})")
    derived = derive(c, src.body)
    rival, rival_score = _best(dist, rivals)
    if derived and not (rival and _stated_instead(dist, derived[0], rival, rival_score)):
        return _result(article, c, "derived", derived[0], derived[1])
    if counts_numbered_list(article, c):
        return _result(article, c, "derived", None, "the length of the source's numbered list")
    if rival and _about_same(c, rival, rival_score):
        return _result(article, c, "mismatch", rival, f"source says {rival.fig.text}")
    return _result(article, c, "unsupported", None, "not in the source")


def _stated_instead(dist: dict[str, int], operand: _Src, rival: _Src, score: float) -> bool:
    """A source figure of the claim's kind fits clearly better than the operands of arithmetic
    giving its value: "up 220%" where the source says "$3.30, up 120% on $1.50" (coincidence)."""
    return score >= _OVERRIDE_MIN and score > _score(dist, operand) + _OVERRIDE_MARGIN


def _is_reference(text: str, c: Figure) -> bool:
    """"The two ministers" points back at people or things named elsewhere; unlike "three
    countries" it claims no count the source must state."""
    return (c.kind == "number" and c.text.lower() == "two"
            and _THE_BEFORE.search(text[max(0, c.start - 5):c.start]) is not None)


def checked_figures(article: Article, text: str) -> list[tuple[Figure, FigureCheck]]:
    """Each figure in `text` with its check against `article`. A "the two X" that the source
    neither states nor contradicts is a reference, not a figure, and is left out; so is a
    count of the names listed right after it ("two friends, Steve and Carly": figure_counts)."""
    key = _key(article)
    src = _source(article, key)
    out = []
    for c in text_figures(article.date, text):
        sentence = claim_sentence(text, c)
        # once per check: a claim's figure is the summary's too (a check reads no offset of it)
        check = once(("figure", key, repr(replace(c, start=0, end=0)), sentence),
                     partial(_check_one, article, src, c, sentence))
        if not (check.status == "unsupported"
                and (_is_reference(text, c) or listed_after(text, c))):
            out.append((c, check))
    return out


def figures_in(article: Article, sentences: set[int]) -> list[Figure]:
    """The article's figures in the given sentences (by number), read once per article."""
    return [s.fig for s in _source(article).figures if s.sentence in sentences]


def check_figures(article: Article, text: str) -> list[FigureCheck]:
    """One FigureCheck per figure in `text`, checked against `article`."""
    return [check for _, check in checked_figures(article, text)]


def _about_claim(c: Figure, dist: dict[str, int], operand: _Src) -> bool:
    return operand.fig.kind != "percent" or c.kind == "percent" or _score(dist, operand) > 0


def derive(c: Figure, body: list[_Src]) -> tuple[_Src, str] | None:
    """Two body figures in the same or adjacent sentences from which the claimed amount or
    percent follows (sum, difference, share, percent change, undoing a percent change). A
    percent applied to an amount must share some context with the claim: '$5bn of sales /
    (1 + a 31% fall in profit)' is no source for '$4bn of sales'."""
    if c.kind not in (*AMOUNTS, "percent") or c.value is None or c.unit in _NOT_DERIVED:
        return None
    by_sentence: dict[int, list[_Src]] = {}
    for s in body:
        if s.fig.kind in (*AMOUNTS, "percent") and s.fig.value and s.sentence is not None:
            by_sentence.setdefault(s.sentence, []).append(s)
    found: list[tuple[float, _Src, str, float]] = []
    dist = _distances(c)
    for n, here in by_sentence.items():
        near = here + by_sentence.get(n - 1, []) + by_sentence.get(n + 1, [])
        for sa, sb in ((a, b) for a in here for b in near if a is not b
                       and _about_claim(c, dist, a) and _about_claim(c, dist, b)):
            found += [(abs(value - c.value), sa, how, value)
                      for value, how in candidates(c, sa.fig, sb.fig) if values_agree(c, value)]
    if not found:
        return None
    _, sa, how, value = min(found, key=lambda f: f[0])
    return sa, f"derived: {how} = {describe(value, c)}"
