"""Result cache: a finished SummaryResult keyed by everything that could change it (article text
hash, prompt name/version/hash, backend, model and its parameters, schema), so a re-run of the
same article returns at once with no model call. diskcache is safe across threads and processes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from summariser.errors import ConfigError
from summariser.pipeline.schema import SummaryResult
from summariser.redaction import json_dumps, redact

# Bumped when SummaryResult or the pipeline's post-processing changes meaning.
CACHE_FORMAT = "3"


def cache_key(parts: dict[str, Any]) -> str:
    blob = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, directory: Path) -> None:
        import diskcache  # imported lazily: only runs that summarise need it

        try:
            self._cache = diskcache.Cache(str(directory / "results"), size_limit=2**30)
        except OSError as exc:  # sqlite3.OperationalError is not one; caught below
            raise _unusable(directory, exc.strerror or str(exc)) from exc
        except Exception as exc:
            if type(exc).__name__ != "OperationalError":
                raise
            raise _unusable(directory, str(exc)) from exc

    def get(self, key: str) -> SummaryResult | None:
        raw = self._cache.get(key)
        if not isinstance(raw, str):
            return None
        try:  # json.loads: pydantic's reader rejects the \\udcNN of odd file names
            return SummaryResult.model_validate(json.loads(raw))
        except ValueError:  # written by an older version: treat as a miss
            return None

    def put(self, key: str, result: SummaryResult) -> None:
        """Stored redacted (no key or credential from a base URL or an error reaches disk)."""
        text = redact(json_dumps(result.model_dump(mode="json")))
        try:
            self._cache.set(key, text)
        except Exception as exc:  # a full or read-only disk must not lose the result made
            if not isinstance(exc, OSError) and type(exc).__name__ != "OperationalError":
                raise


def _unusable(directory: Path, why: str) -> ConfigError:
    return ConfigError(f"the cache directory {directory} cannot be used ({why}); set "
                       "SUMMARISER_CACHE_DIR to a writable directory, or pass --no-cache")
