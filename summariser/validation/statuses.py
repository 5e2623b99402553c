"""The statuses that fail a check: used by the checker and by the feedback to the model."""

from __future__ import annotations

FAILING_FIGURES = frozenset({"mismatch", "unsupported", "boilerplate"})
FAILING_CLAIMS = frozenset({"unsupported", "contradicted", "bad_citation"})
