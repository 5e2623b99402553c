"""`summariser eval --judge`: an LLM says which gold key facts an output states, a semantic
check beside the lexical coverage. Prompt: prompts/coverage_judge.md. One call per output (all
its facts at once), cached like summaries so a re-run makes no model call."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summariser.llm.base import LLM
from summariser.prompting.templates import PromptInfo

JUDGE_PROMPT = "coverage_judge"
JUDGE_MAX_TOKENS = 80
JUDGE_REASKS = 1


class CoverageReply(BaseModel):
    covered: list[int]


class CoverageJudge:
    """Verdicts per output; `calls` counts the model calls actually made (cache hits are free)."""

    def __init__(self, llm: LLM, cache_dir: Path | None) -> None:
        from summariser.prompting.templates import load_prompt

        self.llm = llm
        self.prompt = load_prompt(JUDGE_PROMPT)
        self.calls = 0
        self._cache: Any = None
        if cache_dir is not None:
            import diskcache

            self._cache = diskcache.Cache(str(cache_dir / "judge"), size_limit=2**28)

    @property
    def info(self) -> PromptInfo:
        return self.prompt.info

    def covered(self, text: str, facts: list[str]) -> list[bool]:
        """One verdict per fact: whether `text` states it."""
        key = self._key(text, facts)
        if self._cache is not None and isinstance(hit := self._cache.get(key), list):
            return [bool(v) for v in hit]
        verdicts = self._ask(text, facts)
        if self._cache is not None:
            self._cache.set(key, verdicts)
        return verdicts

    def _ask(self, text: str, facts: list[str]) -> list[bool]:
        from summariser.llm.structured import ask

        numbered = "\n".join(f"{i}. {fact}" for i, fact in enumerate(facts, 1))
        messages = self.prompt.render(summary=text, facts=numbered)
        reply, _, gens = ask(self.llm, messages, CoverageReply, JUDGE_MAX_TOKENS, JUDGE_REASKS)
        self.calls += len(gens)
        chosen = set(reply.covered)
        return [i in chosen for i in range(1, len(facts) + 1)]

    def _key(self, text: str, facts: list[str]) -> str:
        blob = json.dumps({"prompt": self.prompt.hash, "backend": self.llm.backend,
                           "model": self.llm.name, "params": self.llm.params(),
                           "text": text, "facts": facts}, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()
