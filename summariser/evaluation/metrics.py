"""Scoring one output (a model's SummaryResult or a baseline's text) against its gold article.

- figures: the output's distinct figures (parsed from its summary and key points) against the
  gold figures, matched with the validation layer's `figures_match`; a gold figure the parser
  cannot read ('once a month') is found by its text.
- names: the names the output lists plus those found in its text, matched to the gold names
  and their aliases (entities.py). Optional gold names and other names (places) are neutral.
- key-fact coverage: a fact is covered when the output has every figure and name the fact
  lists and at least `threshold` of the fact's content words (stemmed, as the checker stems).
- ROUGE-1/2/L F-measure of the summary against the reference summary (rouge-score, stemmed).
- faithfulness: the share of the output's figures, names, quotes and claims that the
  validation layer supports; leaks: gold page-furniture items the output used."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field

from summariser.evaluation.entities import Entity, entities, found_names, match, mentioned
from summariser.evaluation.gold import GoldFigure, GoldItem, KeyFact, normalise
from summariser.evaluation.scores import Count, Scores
from summariser.pipeline.schema import Usage
from summariser.validation.figures import figures_match
from summariser.validation.models import ValidationReport
from summariser.validation.numbers import Figure, parse_figures
from summariser.validation.words import content_words, fold

COVERAGE_THRESHOLD = 0.5
_GOOD = {"figures": ("supported", "derived"), "names": ("supported",),
         "quotes": ("supported",), "claims": ("supported",)}


class Candidate(BaseModel):
    """What is scored: a summary, its key points and the names it lists by category."""

    system: str
    summary: str
    key_points: list[str] = Field(default_factory=list)
    names: list[tuple[str, str]] = Field(default_factory=list)
    validation: ValidationReport | None = None
    usage: Usage = Field(default_factory=Usage)

    @property
    def text(self) -> str:
        return "\n".join([self.summary, *self.key_points])


@dataclass
class GoldView:
    """A gold article prepared for scoring: figures resolved to parsed Figures."""

    item: GoldItem
    figures: list[tuple[GoldFigure, Figure | None]]
    furniture: list[tuple[str, list[Figure]]]
    book: list[Entity]


def prepare(item: GoldItem) -> GoldView:
    parsed = parse_figures(item.article.text)
    figures = [(g, _resolve(g, parsed)) for g in item.gold.figures]
    furniture = [(f.text, parse_figures(f.text)) for f in item.gold.furniture]
    return GoldView(item, figures, furniture, entities(item.gold))


def _resolve(gold: GoldFigure, parsed: list[Figure]) -> Figure | None:
    """The article's own parse of the figure (with its context and approximation words)."""
    want = normalise(gold.text)
    same = [p for p in parsed if normalise(p.text) == want]
    if same:
        return same[0]
    alone = parse_figures(gold.text)
    return alone[0] if alone else None


def _has_text(text: str, needle: str) -> bool:
    pattern = rf"(?<!\w){re.escape(fold(normalise(needle)))}(?!\w)"
    return re.search(pattern, fold(normalise(text))) is not None


def _found(gold: GoldFigure, fig: Figure | None, out: list[Figure], text: str) -> bool:
    """Whether the output states the gold figure: a true but vaguer figure ('2020' for
    'March 20, 2020', 'April 2021' for 'April 7, 2021') is right, but does not state it."""
    if fig is None:
        return any(_has_text(text, t) for t in [gold.text, *gold.variants])
    return any(figures_match(o, fig) and _as_specific(o, fig) for o in out)


def _day(iso: str | None) -> str | None:
    if iso and (len(iso) == 10 or (iso.startswith("--") and len(iso) == 7)):
        return iso[-2:]
    return None


def _as_specific(out: Figure, gold: Figure) -> bool:
    if gold.kind == "date":
        return out.kind == "date" and (_day(gold.iso) is None or _day(out.iso) == _day(gold.iso))
    return out.kind == gold.kind or figures_match(gold, out)


def distinct_figures(text: str) -> list[Figure]:
    seen: dict[str, Figure] = {}
    for f in parse_figures(text):
        seen.setdefault(normalise(f.text).casefold(), f)
    return list(seen.values())


def figure_count(view: GoldView, out: list[Figure], text: str) -> Count:
    required = [(g, f) for g, f in view.figures if not g.optional and f is not None]
    optional = [f for g, f in view.figures if g.optional and f is not None]
    count = Count(gold=sum(not g.optional for g, _ in view.figures))
    for o in out:
        if any(figures_match(o, f) for _, f in required):
            count.correct += 1
            count.output += 1
        elif not any(figures_match(o, f) for f in optional):
            count.output += 1
    count.found = sum(_found(g, f, out, text) for g, f in view.figures if not g.optional)
    return count


def name_counts(view: GoldView, cand: Candidate) -> dict[str, Count]:
    """Counts for 'names' (all) and per category. Listed names keep their category; names
    found in the text may match any category. Each entity and each wrong name counts once."""
    entries: list[tuple[str, str | None]] = [*cand.names]
    entries += [(n, None) for n in found_names(cand.text)]
    right: dict[Entity, None] = {}
    wrong: dict[tuple[str | None, str], None] = {}
    for text, category in _split_compounds(entries, view.book):
        entity = match(text, view.book, category)
        if entity is None:
            wrong[(category, fold(text))] = None
        elif entity.required and entity.category != "other":
            right[entity] = None
    out = {"names": Count(correct=len(right), output=len(right) + len(wrong))}
    for category in ("person", "country", "organisation"):
        ok = sum(e.category == category for e in right)
        bad = sum(c == category for c, _ in wrong)
        gold = [e for e in view.book if e.category == category and e.required]
        out[category] = Count(correct=ok, output=ok + bad, found=ok, gold=len(gold))
    out["names"].gold = sum(c.gold for k, c in out.items() if k != "names")
    out["names"].found = len(right)
    return out


def _split_compounds(entries: list[tuple[str, str | None]], book: list[Entity]
                     ) -> list[tuple[str, str | None]]:
    """'Gorgan-Aktau' and 'Iran-Russia' name two things: a hyphenated name that matches no
    gold name, but whose parts do, is scored as its parts."""
    out: list[tuple[str, str | None]] = []
    for text, category in entries:
        parts = [p for p in text.split("-") if p.strip()[:1].isupper()]
        if (len(parts) > 1 and match(text, book, category) is None
                and any(match(p, book, category) for p in parts)):
            out += [(part, category) for part in parts]
        else:
            out.append((text, category))
    return out


def fact_covered(fact: KeyFact, view: GoldView, cand: Candidate, out: list[Figure],
                 threshold: float = COVERAGE_THRESHOLD) -> bool:
    text = cand.text
    figures = {g.text: (g, f) for g, f in view.figures}
    if not all(_found(*figures[t], out, text) for t in fact.figures):
        return False
    listed = [n for n, _ in cand.names]
    for name in fact.names:
        entity = next(e for e in view.book if name in e.forms)
        if not mentioned(entity, text, listed, view.book):
            return False
    words = set(content_words(fact.text))
    if not words:
        return True
    have = set(content_words(text))
    return len(words & have) / len(words) >= threshold


@lru_cache(maxsize=1)
def _rouge() -> Any:
    from rouge_score import rouge_scorer  # slow to import: only when scoring

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def rouge(reference: str, summary: str) -> dict[str, float]:
    scores = _rouge().score(reference, summary)
    return {k: round(v.fmeasure, 4) for k, v in scores.items()}


def faithfulness(report: ValidationReport | None) -> tuple[int, int]:
    """(supported, checked) over the report's figures, names, quotes and claims."""
    if report is None:
        return 0, 0
    supported = checked = 0
    for field, good in _GOOD.items():
        items = getattr(report, field)
        checked += len(items)
        supported += sum(item.status in good for item in items)
    return supported, checked


def leaks(view: GoldView, out: list[Figure], text: str) -> list[str]:
    """The gold furniture items the output used: their text (two words or more), one of their
    markers, or one of their figures where no gold figure has that value."""
    gold_figs = [f for _, f in view.figures if f is not None]
    used = []
    for furniture, item in zip(view.furniture, view.item.gold.furniture, strict=True):
        text_used = len(item.text.split()) >= 2 and normalise(item.text) in normalise(text)
        marker_used = any(_marker(text, m) for m in item.markers)
        figure_used = any(figures_match(o, f) and not any(figures_match(o, g) for g in gold_figs)
                          for o in out for f in furniture[1])
        if text_used or marker_used or figure_used:
            used.append(item.text)
    return used


def _marker(text: str, marker: str) -> bool:
    # 'EU' must not fire on 'eu' inside a word, nor 'Doha' on 'doha' in lower case: markers
    # with capitals or digits are matched as written.
    flags = 0 if any(c.isupper() or c.isdigit() for c in marker) else re.I
    pattern = rf"(?<!\w){re.escape(normalise(marker))}(?!\w)"
    return re.search(pattern, normalise(text), flags) is not None


def score(view: GoldView, cand: Candidate, threshold: float = COVERAGE_THRESHOLD) -> Scores:
    out = distinct_figures(cand.text)
    names = name_counts(view, cand)
    facts = view.item.gold.key_facts
    supported, checked = faithfulness(cand.validation)
    leaked = leaks(view, out, cand.text)
    usage = cand.usage
    return Scores(
        figures=figure_count(view, out, cand.text), names=names["names"],
        people=names["person"], countries=names["country"],
        organisations=names["organisation"], facts=len(facts),
        covered=sum(fact_covered(f, view, cand, out, threshold) for f in facts),
        **rouge(view.item.gold.reference_summary, cand.summary),
        supported=supported, checked=checked, leaks=len(leaked), leaked=leaked,
        calls=usage.calls, prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens, seconds=usage.seconds, cached=usage.cached,
    )
