"""One SummaryResult as JSON: the object `summarise --format json` prints, one line of
results.jsonl."""

from __future__ import annotations

from typing import Any

from summariser.pipeline.schema import SummaryResult


def to_json(result: SummaryResult) -> dict[str, Any]:
    return result.model_dump(mode="json")
