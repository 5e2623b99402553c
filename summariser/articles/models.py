"""An article as the rest of the program sees it: its text, its sentences and its page furniture,
all as character offsets into `Article.text` (for HTML: the text extracted from it)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Plain dataclasses, for the reason given in validation/models.py: `check` never imports pydantic.


@dataclass(kw_only=True)
class Sentence:
    index: int  # 1-based number, as cited by the model ([S3])
    start: int
    end: int
    text: str


@dataclass(kw_only=True)
class Furniture:
    start: int
    end: int
    text: str
    kind: str  # image-name, check-also, last-update, logo, none, teaser, ...


def number_sentences(sentences: list[Sentence]) -> str:
    """Sentences as the model sees them, one a line with the number it cites: "[S3] ..."."""
    return "\n".join(f"[S{s.index}] {s.text}" for s in sentences)


@dataclass(kw_only=True)
class Article:
    path: str | None = None
    text: str
    title: str | None = None
    date: str | None = None  # ISO date when one is found
    sentences: list[Sentence]
    furniture: list[Furniture] = field(default_factory=list)
    truncated: bool = False  # the last sentence is cut off mid-word
    sha256: str
    # numbers of the sentences that read as instructions to an AI (prompt injection): never
    # support
    suspect: list[int] = field(default_factory=list)

    def numbered(self) -> str:
        """The body as the model sees it: one numbered sentence a line."""
        return number_sentences(self.sentences)

    def sentence(self, index: int) -> Sentence | None:
        if 1 <= index <= len(self.sentences):
            return self.sentences[index - 1]
        return None


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
