"""The reply cache: what the model said for an article (the Reply kept, the usage of the calls
that made it, and what happened on the way: re-asks, a split), keyed by everything that could
change that reply (article text hash, prompt name/version/hash, backend, model and its
parameters, the Reply's JSON schema). A re-run makes no model call.

The checker's verdicts are NOT cached: every read builds the result with the current checker
(a few milliseconds), so a checker change shows at once in summarise, a resumed batch and eval,
and the cache key needs no checker version. diskcache is safe across threads and processes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summariser.errors import ConfigError
from summariser.pipeline.schema import Reply, Usage
from summariser.redaction import json_dumps, redact

# Bumped when the way a reply is made (re-asks, feedback, the split) changes meaning.
CACHE_FORMAT = "4"
REPLIES = "replies"
# Directories of this cache: replies, the eval judge's verdicts, and the whole results that
# versions before the reply cache kept (stale, removed by `summariser cache clear`).
KINDS = (REPLIES, "judge", "results")


class CachedReply(BaseModel):
    draft: Reply  # the name older entries have
    usage: Usage
    warnings: list[str] = Field(default_factory=list, description="how the reply was made")


def schema_id(schema: type[BaseModel]) -> str:
    """Part of the key: a change to the Reply type (its fields, bounds) is a new reply."""
    from summariser.llm.base import json_schema

    blob = json.dumps(json_schema(schema), sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def cache_key(parts: dict[str, Any]) -> str:
    blob = json.dumps({"format": CACHE_FORMAT, "draft": schema_id(Reply), **parts},
                      sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ReplyCache:
    def __init__(self, directory: Path) -> None:
        import diskcache  # imported lazily: only runs that summarise need it

        try:
            self._cache = diskcache.Cache(str(directory / REPLIES), size_limit=2**30)
        except OSError as exc:  # sqlite3.OperationalError is not one; caught below
            raise _unusable(directory, exc.strerror or str(exc)) from exc
        except Exception as exc:
            if type(exc).__name__ != "OperationalError":
                raise
            raise _unusable(directory, str(exc)) from exc

    def get(self, key: str) -> CachedReply | None:
        raw = self._cache.get(key)
        if not isinstance(raw, str):
            return None
        try:  # json.loads: pydantic's reader rejects the \\udcNN of odd file names
            return CachedReply.model_validate(json.loads(raw))
        except ValueError:  # written for another Reply type: a miss
            return None

    def put(self, key: str, reply: CachedReply) -> None:
        """Stored redacted (no key or credential from an error message reaches disk)."""
        text = redact(json_dumps(reply.model_dump(mode="json")))
        try:
            self._cache.set(key, text)
        except Exception as exc:  # a full or read-only disk must not lose the result made
            if not isinstance(exc, OSError) and type(exc).__name__ != "OperationalError":
                raise


def _unusable(directory: Path, why: str) -> ConfigError:
    return ConfigError(f"the cache directory {directory} cannot be used ({why}); set "
                       "SUMMARISER_CACHE_DIR to a writable directory, or pass --no-cache")
