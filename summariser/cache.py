"""Result cache: a finished SummaryResult keyed by everything that could change it (article text
hash, prompt name/version/hash, backend, model and its parameters, schema), so a re-run of the
same article returns at once with no model call. diskcache is safe across threads and processes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from summariser.schema import SummaryResult

# Bumped when SummaryResult or the pipeline's post-processing changes meaning.
CACHE_FORMAT = "3"


def cache_key(parts: dict[str, Any]) -> str:
    blob = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, directory: Path) -> None:
        import diskcache  # imported lazily: only runs that summarise need it

        self._cache = diskcache.Cache(str(directory / "results"), size_limit=2**30)

    def get(self, key: str) -> SummaryResult | None:
        raw = self._cache.get(key)
        if not isinstance(raw, str):
            return None
        try:
            return SummaryResult.model_validate_json(raw)
        except ValueError:  # written by an older version: treat as a miss
            return None

    def put(self, key: str, result: SummaryResult) -> None:
        self._cache.set(key, result.model_dump_json())
