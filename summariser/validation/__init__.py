"""The validation stage: deterministic checks of a summary against its source article. It needs no
model and imports nothing from the LLM stack (the stage sits below llm/ and prompting/; the LLM
judge of `check --judge` is summariser/pipeline/judge.py, run on the checker's report).

- `checker.py`: `check(source, summary)`, the entry point, and what makes a report `ok`;
  `statuses.py` the statuses that fail it; `models.py` the report's types (CheckInput in,
  ValidationReport out, the parsed `Figure` each figure check keeps of its source);
  `inputs.py` reads a summary given as text or JSON.
- figures: `figure_patterns.py` (patterns), `numbers.py` (text -> Figure values),
  `date_figures.py` (dates, times, weekdays, dates relative to the article's; the date
  grammar itself is articles/dates.py), `figures.py`
  (matched against the article's figures), `figure_values.py` (rounding and hedges),
  `arithmetic.py` (figures derived from others), `figure_counts.py` (counts of listed
  things).
- names: `names.py` (checks), `name_parts.py`, `name_index.py` (the article's names, indexed),
  `name_forms.py` (spelling variants, hyphenated compounds, words hyphenated to a name),
  `countries.py` (demonyms, capitals; data in summariser/data/countries.json), `words.py` (the
  one stemmer and stop list).
- `quotes.py` quoted text; `claims.py` claims against the sentences they cite.
- `long_articles.py`: a long article checked against the paragraphs the summary is about
  (articles/focus.py), the report's offsets put back into the whole article's.

    from summariser.validation import check
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["check"]

if TYPE_CHECKING:
    from summariser.validation.checker import check


def __getattr__(name: str) -> Any:
    # Lazy, so that importing the report types (validation.models) does not load every checker.
    if name == "check":
        from summariser.validation.checker import check

        return check
    raise AttributeError(name)
