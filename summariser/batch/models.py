"""What a batch run is made of, shared by the run, its worker pool and its reports: one Outcome
per article, the BatchRun holding them, and the key that tells whether a result can be reused."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from summariser.articles.models import Article
from summariser.pipeline.results import result_problems
from summariser.pipeline.schema import ModelInfo, SummaryResult
from summariser.prompting.templates import PromptInfo


@dataclass
class Outcome:
    index: int
    path: str
    result: SummaryResult | None = None
    article: Article | None = None
    error: str | None = None
    seconds: float = 0.0
    resumed: bool = False
    fatal: BaseException | None = None
    kept: bool = False  # from an earlier run, for an article this run was not given

    @property
    def flagged(self) -> bool:
        return self.result is not None and is_flagged(self.result)


@dataclass
class BatchRun:
    model: ModelInfo
    prompt: PromptInfo
    workers: int
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    finished: datetime | None = None
    interrupted: bool = False
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self) -> dict[str, int]:
        """This run's articles; `kept` counts the earlier results also in results.jsonl."""
        mine = [o for o in self.outcomes if not o.kept]
        ok = [o for o in mine if o.result is not None]
        return {"articles": len(mine), "succeeded": len(ok),
                "failed": len(mine) - len(ok),
                "flagged": sum(o.flagged for o in ok), "resumed": sum(o.resumed for o in ok),
                "cache_hits": sum(bool(o.result and o.result.usage.cached) for o in ok),
                "kept": len(self.outcomes) - len(mine)}


def is_flagged(result: SummaryResult) -> bool:
    """Something in the summary is not supported by its source, or no model reply was usable
    (an extractive result counts as flagged)."""
    return (result.mode == "extractive" or not result.validation.ok
            or bool(result_problems(result)))


def result_key(sha256: str, prompt: PromptInfo, model: ModelInfo) -> str:
    return json.dumps([sha256, prompt.model_dump(mode="json"), model.model_dump(mode="json")],
                      sort_keys=True)
