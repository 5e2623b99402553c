"""What a figure's own clause cannot settle: which source sentence a claim restates, and ranges
written as one figure on one side and two on the other.

- Restated sentence: a claimed value that a source sentence states is not a `mismatch` merely
  because a word of its clause sits closer to another figure elsewhere ("the gunman who
  executed seven" against "a gunman who slaughtered seven ..." and, elsewhere, "executed five
  people inside"). When a sentence stating the claimed value is the one the claim's sentence
  as a whole shares most (rarity-weighted) words with, more than the rival figure's sentence,
  the claim restates it and the value is its (alignment.sentence_scores). A value taken from a
  sentence the claim does not restate ("executed six" when "six" is said of something else)
  stays a mismatch.
- A rival the claim states too: "raised its outlook from at least $6 to approximately $7.50"
  restating the source's "from at least $6 per share to approximately $7.50 per share" has
  each figure beside the other's words; the claim's $7.50 is not the source's $6 when the
  claim says $6 as well.
- Range ends: "4-7%" is "4% to 7%" of one sentence, and "from $3.5 billion to $3.6 billion" is
  "between $3.5 billion and $3.6 billion": a range's ends are figures of the kind its unit says."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import summariser.validation.figure_patterns as P
from summariser.articles.models import Article
from summariser.validation.alignment import sentence_scores
from summariser.validation.numbers import Figure, parse_figures
from summariser.validation.words import SENTENCE_END

_MONEY = frozenset({*P.CURRENCY_WORDS, *P.CUR_PREFIX_CODE.values()})


def claim_sentence(text: str, fig: Figure) -> str:
    """The sentence of `text` that holds `fig`."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() >= fig.start:
            return text[start:m.start()]
        start = m.end()
    return text[start:]


def restates(article: Article, sentence: str, own: list[int | None], rival: int | None) -> bool:
    """Whether `sentence` (of a claim) is closer to one of the `own` source sentences (numbers,
    stating the claimed value) than to the `rival` sentence, by shared rare words."""
    if rival is None or rival in own:
        return False
    scores = sentence_scores(article, sentence)
    best = max((scores[i - 1] for i in own if i is not None), default=0.0)
    return best > scores[rival - 1] and best >= max(scores)


def _end_kind(unit: str | None) -> str | None:
    if unit in ("%", "pp"):
        return "percent"
    if unit in _MONEY:
        return "money"
    if unit == "year":
        return None  # "2019-2020" is a span of time, not two claims
    return "number" if unit is None else "quantity"


def range_ends(fig: Figure) -> list[Figure]:
    """The two ends of a range of amounts as figures of their own (none for years)."""
    kind = _end_kind(fig.unit)
    if fig.kind != "range" or kind is None or fig.value is None or fig.high is None:
        return []
    unit = None if kind == "number" else fig.unit
    return [replace(fig, kind=kind, value=value, high=None, unit=unit, approx=None)
            for value in (fig.value, fig.high)]


def claimed_too(sentence: str, rival: Figure) -> bool:
    """Whether the claim's `sentence` states the rival figure's value itself."""
    return (rival.kind, rival.unit, rival.value, rival.approx) in _values(sentence)


@lru_cache(maxsize=256)  # a claim's sentence is asked about once per figure of it
def _values(sentence: str) -> frozenset[tuple[str, str | None, float | None, str | None]]:
    return frozenset((f.kind, f.unit, f.value, f.approx) for f in parse_figures(sentence))
