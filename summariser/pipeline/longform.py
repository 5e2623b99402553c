"""Articles longer than the model's context: split on sentence boundaries, summarise each part
(map), then merge the parts' summaries (reduce). Never silently truncated."""

from __future__ import annotations

from pydantic import BaseModel, Field

from summariser.articles.body import lead_words
from summariser.articles.models import Article, Sentence, number_sentences
from summariser.config import Settings
from summariser.llm.base import LLM, Generation, Message, context_size
from summariser.llm.structured import ask
from summariser.pipeline.schema import Reply
from summariser.prompting.templates import Prompt, load_prompt

_MARGIN = 64  # tokens kept free for the chat template's own markers


class Merged(BaseModel):
    headline: str
    summary: str = Field(description="at most 80 words")


def count_tokens(llm: LLM, text: str) -> int:
    counter = getattr(llm, "count_tokens", None)
    if callable(counter):
        return int(counter(text))
    return len(text) // 3 + 1  # English news runs about 4 characters a token: err long


def split_for_context(
    article: Article, prompt: Prompt, llm: LLM, settings: Settings
) -> list[list[Sentence]]:
    """Groups of consecutive sentences whose prompt fits the context with room for the reply
    (of the sentences the prompt shows: with article_words, up to the last of its lead)."""
    overhead = count_tokens(llm, "\n".join(m.content for m in prompt.render(sentences="")))
    budget = context_size(llm, settings) - settings.max_tokens - overhead - _MARGIN
    if budget < 64:
        return [article.sentences]  # the context is too small to split sensibly; let it fail
    parts: list[list[Sentence]] = [[]]
    used = 0
    for sentence in _shown(article, prompt):
        cost = count_tokens(llm, number_sentences([sentence]) + "\n")
        if parts[-1] and used + cost > budget:
            parts.append([])
            used = 0
        parts[-1].append(sentence)
        used += cost
    return parts


def _shown(article: Article, prompt: Prompt) -> list[Sentence]:
    if prompt.article_words is None:
        return article.sentences
    last = lead_words(article, prompt.article_words)
    return article.sentences[:last[-1].index] if last else article.sentences


def map_reduce(
    article: Article, parts: list[list[Sentence]], prompt: Prompt, llm: LLM, settings: Settings
) -> tuple[Reply, list[Generation]]:
    drafts: list[Reply] = []
    gens: list[Generation] = []
    for part in parts:
        draft, _, more = ask(llm, prompt.render(sentences=number_sentences(part)), Reply,
                             settings.max_tokens, settings.reasks)
        drafts.append(draft)
        gens += more
    merge_prompt = load_prompt("merge")
    parts_text = "\n\n".join(
        f"Part {i}: {d.headline}. {d.summary}" for i, d in enumerate(drafts, 1)
    )
    messages: list[Message] = merge_prompt.render(parts=parts_text)
    merged, _, more = ask(llm, messages, Merged, settings.max_tokens, settings.reasks)
    # key points are chosen over the whole article afterwards (finalise), as for any reply
    return Reply(headline=merged.headline, summary=merged.summary), gens + more
