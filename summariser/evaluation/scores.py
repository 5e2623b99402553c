"""The numbers an eval reports, per article and overall, and how they are added up.

Overall figures are not averages of per-article rates: counts are summed and the rates taken from
the sums (micro-averaging), so an article with no figures does not count as a perfect score.
ROUGE is averaged over articles; seconds are per article (the mean)."""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


class Count(BaseModel):
    """Precision over the output's items, recall over the gold's required items."""

    correct: int = Field(0, description="output items that match a required gold item")
    output: int = Field(0, description="output items scored (optional gold matches left out)")
    found: int = Field(0, description="required gold items the output has")
    gold: int = Field(0, description="required gold items")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.output)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def __add__(self, other: Count) -> Count:
        return Count(correct=self.correct + other.correct, output=self.output + other.output,
                     found=self.found + other.found, gold=self.gold + other.gold)


class Scores(BaseModel):
    figures: Count = Field(default_factory=Count)
    names: Count = Field(default_factory=Count)
    people: Count = Field(default_factory=Count)
    countries: Count = Field(default_factory=Count)
    organisations: Count = Field(default_factory=Count)
    facts: int = 0
    covered: int = 0
    judged: int = Field(0, description="facts the LLM judge gave a verdict on (--judge)")
    judge_covered: int = 0
    rouge1: float | None = None
    rouge2: float | None = None
    rougeL: float | None = None
    checked: int = Field(0, description="figures, names, quotes and claims the checker judged")
    supported: int = 0
    leaks: int = Field(0, description="page furniture items the output used")
    leaked: list[str] = Field(default_factory=list)
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    cached: bool = False
    error: str | None = Field(default=None, description="why this article has no output")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def coverage(self) -> float | None:
        return ratio(self.covered, self.facts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def judge_coverage(self) -> float | None:
        return ratio(self.judge_covered, self.judged)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def faithfulness(self) -> float | None:
        return ratio(self.supported, self.checked)


_SUMMED = ("facts", "covered", "judged", "judge_covered", "checked", "supported", "leaks",
           "calls", "prompt_tokens", "completion_tokens")
_COUNTS = ("figures", "names", "people", "countries", "organisations")


def overall(per_article: list[Scores]) -> Scores:
    if not per_article:
        return Scores()
    total = Scores()
    for name in _COUNTS:
        setattr(total, name, sum((getattr(s, name) for s in per_article), Count()))
    for name in _SUMMED:
        setattr(total, name, sum(getattr(s, name) for s in per_article))
    for name in ("rouge1", "rouge2", "rougeL"):
        values = [v for s in per_article if (v := getattr(s, name)) is not None]
        setattr(total, name, round(sum(values) / len(values), 4) if values else None)
    total.leaked = [item for s in per_article for item in s.leaked]
    total.seconds = round(sum(s.seconds for s in per_article) / len(per_article), 3)
    total.cached = all(s.cached for s in per_article)
    errors = [s.error for s in per_article if s.error]
    total.error = f"{len(errors)} article(s) failed" if errors else None
    return total


# name -> (how to read it from flat(), higher is better); the gate and the tables use these.
METRICS: dict[str, bool] = {
    "figures.precision": True, "figures.recall": True, "figures.f1": True,
    "names.precision": True, "names.recall": True, "names.f1": True,
    "coverage": True, "judge_coverage": True,
    "rouge1": True, "rouge2": True, "rougeL": True,
    "faithfulness": True, "leaks": False,
}
COST = ("calls", "prompt_tokens", "completion_tokens", "seconds")


def flat(scores: Scores) -> dict[str, float | None]:
    """'figures.f1' -> value, for tables and comparisons."""
    data = scores.model_dump()
    out: dict[str, float | None] = {}
    for key in [*METRICS, *COST]:
        head, _, tail = key.partition(".")
        value = data[head][tail] if tail else data[head]
        out[key] = None if value is None else float(value)
    return out
