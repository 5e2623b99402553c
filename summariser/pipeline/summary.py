"""Article -> prompt -> model -> re-ask on findings -> unsupported parts dropped -> SummaryResult.

The model writes only the headline and the summary (fewer prompt and generated tokens, the main
cost on a CPU); key points, names and figures come from the article itself.
A reply that never fits the schema gives an extractive result instead of a failure."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from summariser.articles.body import lead_words
from summariser.articles.load import resolve_article
from summariser.articles.models import Article
from summariser.config import Settings
from summariser.llm.base import LLM, Generation, Message
from summariser.llm.deadline import article_deadline
from summariser.llm.structured import ReplyError, ask
from summariser.pipeline.cache import CachedReply, ReplyCache, cache_key
from summariser.pipeline.extractive import extractive_draft
from summariser.pipeline.finalise import article_initialisms, complete_sentences, finalise
from summariser.pipeline.longform import map_reduce, split_for_context
from summariser.pipeline.results import build_result, findings
from summariser.pipeline.schema import Reply, SummaryResult, Usage
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
        return _finished(article, hit.draft, prompt, backend, Usage(cached=True),
                         [*_article_warnings(article), *hit.warnings])
    result, reply = _made(article, prompt, backend, settings)
    if cache is not None and reply is not None:  # a fallback is retried next time
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
) -> tuple[SummaryResult, CachedReply | None]:
    """The result, and the reply behind it (what the cache keeps: no verdicts; None for an
    extractive fallback). The article's deadline bounds every call, retry and re-ask;
    usage.seconds is the whole article, validation included."""
    started = time.perf_counter()
    with article_deadline(settings.deadline):
        result, reply = _generate(article, prompt, llm, settings, started)
    result.usage.seconds = round(time.perf_counter() - started, 3)
    return result, reply


def _generate(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings, started: float
) -> tuple[SummaryResult, CachedReply | None]:
    warnings = _article_warnings(article)
    parts = split_for_context(article, prompt, llm, settings)
    try:
        if len(parts) > 1:
            draft, gens = map_reduce(article, parts, prompt, llm, settings)
            made = [f"the article was longer than the context: summarised in {len(parts)} "
                    "parts and merged; validation findings were not fed back to the model"]
        else:
            draft, gens, made = _ask_checked(article, prompt, llm, settings)
    except ReplyError as exc:
        why = [f"extractive: no usable model reply ({exc})"]
        return build_result(article, extractive_draft(article), prompt, llm,
                            _usage(exc.generations, started), [*warnings, *why],
                            mode="extractive"), None
    usage = _usage(gens, started)
    result = _finished(article, draft, prompt, llm, usage, [*warnings, *made])
    return result, CachedReply(draft=draft, usage=usage, warnings=made)


def _finished(article: Article, draft: Reply, prompt: Prompt, llm: LLM, usage: Usage,
              warnings: list[str]) -> SummaryResult:
    """What the checker still does not support is dropped (finalise), then the result built."""
    final, notes, mode = finalise(article, draft)
    return build_result(article, final, prompt, llm, usage, [*warnings, *notes], mode=mode)


def model_view(article: Article, words: int | None = None) -> str:
    """The article as the model sees it: its title, then its body sentences numbered from 1
    (no page furniture), as many as fit in `words` words (the prompt's article_words). The
    model cites no numbers; numbered lines keep its summaries closer to the reference (gold
    ROUGE-L 0.41 with them, 0.36 without). Key points, names and figures come from the whole
    article."""
    title = f"Title: {article.title.strip()}\n" if article.title else ""
    lines = [f"[S{n}] {s.text}" for n, s in enumerate(lead_words(article, words), 1)]
    return title + "\n".join(lines)


def first_messages(article: Article, prompt: Prompt) -> list[Message]:
    """An article's first request to the model (also what `batch --openai-batch` sends and
    `batch --dry-run` counts)."""
    return prompt.render(sentences=model_view(article, prompt.article_words))


def _findings(article: Article, draft: Reply) -> list[str]:
    """What is worth a second call: findings in the summary's complete sentences. A flagged
    headline is not: the article's own title replaces it (finalise), at no cost. The summary
    is read as finalise reads it (its initialisms as the article writes them)."""
    summary = article_initialisms(article, draft.summary)
    return findings(article, "\n".join(complete_sentences(summary, [])))


def _ask_checked(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings
) -> tuple[Reply, list[Generation], list[str]]:
    """The model's reply; when the checker finds unsupported figures, names or quotes in the
    summary, the model is asked once more with the findings, and the reply with fewer
    findings is kept."""
    draft, history, gens = ask(llm, first_messages(article, prompt), Reply, settings.max_tokens,
                               settings.reasks)
    items = _findings(article, draft)
    notes: list[str] = []
    if not items:
        return draft, gens, notes
    listed = "\n".join(f"- {item}" for item in items)
    history = [*history, Message(role="user", content=(
        "A fact check of your JSON against the article found these problems:\n"
        f"{listed}\nReply with the corrected JSON only: use the article's exact figures and "
        "names, or leave the unsupported item out."))]
    notes.append(f"re-asked once about: {'; '.join(items)}")
    try:
        retry, _, more = ask(llm, history, Reply, settings.max_tokens, 0)
    except ReplyError as exc:
        notes.append("the re-asked reply was unusable")
        return draft, gens + exc.generations, notes
    if len(_findings(article, retry)) > len(items):
        notes.append("the re-asked reply was worse and was not kept")
    else:
        draft = retry
    return draft, gens + more, notes


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
