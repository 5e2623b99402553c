"""`summariser batch --dry-run`: what a batch would cost before it starts, with no model call.
Prompt tokens are counted with the backend's tokenizer where it has one here (the embedded
model's own vocabulary and chat template), else estimated and said to be; generated tokens can
only be estimated."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summariser.articles.load import load_article
from summariser.articles.models import number_sentences
from summariser.config import Settings
from summariser.errors import SummariserError
from summariser.llm.base import Message, json_schema
from summariser.pipeline.longform import split_for_context
from summariser.pipeline.schema import Reply
from summariser.pipeline.summary import first_messages
from summariser.prompting.templates import load_prompt

CHARS_PER_TOKEN = 4  # English news text, for backends without a tokenizer here
MESSAGE_OVERHEAD = 4  # a chat template's markers around each message


@dataclass
class ArticleCost:
    path: str
    prompt_tokens: int = 0
    parts: int = 1
    error: str | None = None


@dataclass
class Estimate:
    articles: list[ArticleCost] = field(default_factory=list)
    counted: bool = False  # by the backend's tokenizer, not estimated
    max_tokens: int = 0

    @property
    def ok(self) -> list[ArticleCost]:
        return [a for a in self.articles if a.error is None]

    @property
    def prompt_tokens(self) -> int:
        return sum(a.prompt_tokens for a in self.ok)

    reply_tokens: int = 0  # one reply's, estimated

    @property
    def generated(self) -> int:
        return len(self.ok) * self.reply_tokens

    def cost(self, price_in: float, price_out: float) -> float:
        """Prices in USD per million tokens."""
        return (self.prompt_tokens * price_in + self.generated * price_out) / 1e6


def estimate(files: list[Path], settings: Settings, llm: Any) -> Estimate:
    prompt = load_prompt(settings.prompt)
    counter = getattr(llm, "count_chat_tokens", None)
    result = Estimate(counted=callable(counter), max_tokens=settings.max_tokens,
                      reply_tokens=min(full_reply_tokens(Reply), settings.max_tokens))
    for path in files:
        cost = ArticleCost(path=str(path))
        try:
            article = load_article(path)
            parts = split_for_context(article, prompt, llm, settings)
        except SummariserError as exc:
            cost.error = str(exc)
        else:
            cost.parts = len(parts)
            requests = [first_messages(article, prompt)] if len(parts) == 1 else [
                prompt.render(sentences=number_sentences(part)) for part in parts]
            for messages in requests:
                cost.prompt_tokens += counter(messages) if callable(counter) else guess(messages)
        result.articles.append(cost)
    return result


def full_reply_tokens(schema: type[BaseModel]) -> int:
    """A reply as long as the schema lets it be (its strings at their maxLength, its lists
    full), in tokens: what the model is held to, so it follows the schema when that changes."""
    chars = 2
    for name, prop in json_schema(schema)["properties"].items():
        chars += len(name) + 6  # "name": , and the quotes
        if "maxLength" in prop:
            chars += int(prop["maxLength"])
        elif prop.get("type") == "array":
            chars += 4 * int(prop.get("maxItems", 5))
        else:
            chars += 10
    return chars // CHARS_PER_TOKEN + 1


def guess(messages: list[Message]) -> int:
    return sum(len(m.content) // CHARS_PER_TOKEN + MESSAGE_OVERHEAD for m in messages)


def report_lines(found: Estimate, backend: str, prices: tuple[float, float] | None) -> list[str]:
    lines = [f"{a.path}: {a.error}" if a.error else
             f"{a.path}: {a.prompt_tokens:,} prompt tokens"
             + (f" in {a.parts} parts (longer than the context)" if a.parts > 1 else "")
             for a in found.articles]
    how = (f"counted with the {backend} model's tokenizer" if found.counted else
           f"an estimate (about {CHARS_PER_TOKEN} characters a token): this backend's "
           "tokenizer is not available here")
    lines += [
        f"{len(found.ok)} articles ({len(found.articles) - len(found.ok)} unreadable), "
        f"no model called",
        f"prompt tokens: {found.prompt_tokens:,} ({how})",
        f"generated tokens: about {found.generated:,}, an estimate ({found.reply_tokens} an "
        "article: one reply as long as the schema allows; an article re-asked or corrected "
        f"makes more calls, at most {found.max_tokens} tokens each)",
    ]
    if prices is not None:
        lines.append(f"cost: about ${found.cost(*prices):,.4f} at ${prices[0]:g} / "
                     f"${prices[1]:g} per million prompt / generated tokens")
    return lines
