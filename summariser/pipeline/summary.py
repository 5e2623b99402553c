"""Article -> prompt -> model -> citations resolved -> validation -> SummaryResult.

The model cites sentences by number instead of copying quotes (fewer generated tokens, the main
cost on a CPU); numbers are turned into exact character spans here and numbers that are not
sentences of the article are rejected and reported."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from summariser.articles.load import resolve_article
from summariser.articles.models import Article
from summariser.config import Settings
from summariser.llm.base import LLM, Generation, Message
from summariser.llm.deadline import article_deadline
from summariser.llm.structured import ask
from summariser.pipeline.cache import CachedReply, ReplyCache, cache_key
from summariser.pipeline.longform import map_reduce, split_for_context
from summariser.pipeline.results import build_result, feedback_items
from summariser.pipeline.schema import Draft, SummaryResult, Usage
from summariser.prompting.templates import Prompt, load_prompt

_CACHES: dict[Path, ReplyCache] = {}
_CACHES_LOCK = threading.Lock()


def summarise(
    source: str | Path | Article,
    settings: Settings | None = None,
    *,
    llm: LLM | Any | None = None,
) -> SummaryResult:
    """Summarise a path, article text or Article. `llm` is a backend, or any LangChain chat
    model (a BaseChatModel). The model's reply is cached unless settings.use_cache is False;
    the result is always checked by the current checker. Raises InputError for bad input,
    ModelError when the model fails."""
    settings = settings or Settings.from_env()
    article = resolve_article(source)
    prompt = load_prompt(settings.prompt)
    from summariser.llm import as_backend, get_llm

    backend = get_llm(settings) if llm is None else as_backend(llm)
    key = cache_key({"article": article.sha256, "prompt": prompt.info.model_dump(),
                     "backend": backend.backend, "model": backend.name,
                     "params": backend.params()})
    cache = _cache(settings.cache_dir) if settings.use_cache else None
    if cache is not None and (hit := cache.get(key)) is not None:
        return build_result(article, hit.draft, prompt, backend, Usage(cached=True),
                            [*_article_warnings(article), *hit.warnings])
    result, reply = _made(article, prompt, backend, settings)
    if cache is not None:
        cache.put(key, reply)
    return result


def summarise_uncached(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings
) -> SummaryResult:
    return _made(article, prompt, llm, settings)[0]


def _article_warnings(article: Article) -> list[str]:
    return ["the article's last sentence is cut off"] if article.truncated else []


def _made(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings
) -> tuple[SummaryResult, CachedReply]:
    """The result, and the reply behind it (what the cache keeps: no verdicts). The article's
    deadline bounds every call, retry and re-ask; usage.seconds is the whole article,
    validation included."""
    started = time.perf_counter()
    with article_deadline(settings.deadline):
        result, reply = _generate(article, prompt, llm, settings, started)
    result.usage.seconds = round(time.perf_counter() - started, 3)
    return result, reply


def _generate(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings, started: float
) -> tuple[SummaryResult, CachedReply]:
    warnings = _article_warnings(article)
    parts = split_for_context(article, prompt, llm, settings)
    if len(parts) > 1:
        draft, gens = map_reduce(article, parts, prompt, llm, settings)
        made = [f"the article was longer than the context: summarised in {len(parts)} "
                "parts and merged; validation findings were not fed back to the model"]
        usage = _usage(gens, started)
        result = build_result(article, draft, prompt, llm, usage, [*warnings, *made])
        return result, CachedReply(draft=draft, usage=usage, warnings=made)
    messages = prompt.render(sentences=article.numbered())
    draft, history, gens = ask(llm, messages, Draft, settings.max_tokens, settings.reasks)
    result = build_result(article, draft, prompt, llm, _usage(gens, started), warnings)
    return _with_feedback(result, draft, article, history, gens, prompt, llm, settings, started)


def _with_feedback(
    result: SummaryResult, first: Draft, article: Article, history: list[Message],
    gens: list[Generation], prompt: Prompt, llm: LLM, settings: Settings, started: float,
) -> tuple[SummaryResult, CachedReply]:
    """When validation finds unsupported figures, names or citations, the model is asked once
    more with the findings. What is still unsupported stays in the result, marked."""
    items = feedback_items(result)
    if not items:
        return result, CachedReply(draft=first, usage=result.usage)
    findings = "\n".join(f"- {item}" for item in items)
    history = [*history, Message(role="user", content=(
        "A fact check of your JSON against the article found these problems:\n"
        f"{findings}\nReply with the corrected JSON only: use the article's exact figures, "
        "names and sentence numbers, or leave the unsupported item out."))]
    draft, _, more = ask(llm, history, Draft, settings.max_tokens, settings.reasks)
    gens = gens + more
    made = [f"re-asked once about: {'; '.join(items)}"]
    retry = build_result(article, draft, prompt, llm, _usage(gens, started),
                         [*result.warnings, *made])
    if len(feedback_items(retry)) > len(items):
        made.append("the re-asked reply was worse and was not kept")
        result.usage = retry.usage
        result.warnings = [*result.warnings, *made]
        return result, CachedReply(draft=first, usage=retry.usage, warnings=made)
    return retry, CachedReply(draft=draft, usage=retry.usage, warnings=made)


def _usage(gens: list[Generation], started: float) -> Usage:
    return Usage(
        calls=len(gens),
        prompt_tokens=sum(g.prompt_tokens for g in gens),
        completion_tokens=sum(g.completion_tokens for g in gens),
        seconds=round(time.perf_counter() - started, 3),
        model_seconds=round(sum(g.seconds for g in gens), 3),
        prefill_seconds=round(sum(g.prefill_seconds or 0.0 for g in gens), 3),
        load_seconds=round(max((g.load_seconds for g in gens), default=0.0), 3),
    )


def _cache(directory: Path) -> ReplyCache:
    with _CACHES_LOCK:
        if directory not in _CACHES:
            _CACHES[directory] = ReplyCache(directory)
        return _CACHES[directory]
