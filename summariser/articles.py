"""Loading articles (.txt, .md, .html), stripping page furniture, and splitting sentences.

All offsets are character offsets into `Article.text`, the article as loaded (for HTML: the text
extracted from it). Furniture is kept as spans so the validation layer can recognise figures that
only occur in it (status `boilerplate`)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from summariser.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class Sentence(BaseModel):
    index: int = Field(description="1-based number, as cited by the model ([S3])")
    start: int
    end: int
    text: str


class Furniture(BaseModel):
    start: int
    end: int
    text: str
    kind: str = Field(description="image-name, check-also, last-update, logo, none, teaser, ...")


class Article(BaseModel):
    path: str | None = None
    text: str
    title: str | None = None
    date: str | None = Field(default=None, description="ISO date when one is found")
    sentences: list[Sentence]
    furniture: list[Furniture] = Field(default_factory=list)
    truncated: bool = Field(False, description="the last sentence is cut off mid-word")
    sha256: str

    def numbered(self) -> str:
        """The body as the model sees it: one numbered sentence a line."""
        return "\n".join(f"[S{s.index}] {s.text}" for s in self.sentences)

    def sentence(self, index: int) -> Sentence | None:
        if 1 <= index <= len(self.sentences):
            return self.sentences[index - 1]
        return None


def load_article(path: str | Path) -> Article:
    """Read a file and build its Article; raises InputError naming the file on bad input."""
    raise NotImplementedError


def article_from_text(text: str, path: str | None = None) -> Article:
    """Build an Article from text already in memory (raises InputError if it has no sentences)."""
    raise NotImplementedError


def find_articles(paths: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, directories (recursively) and globs into article files, in a stable order.
    Returns the files found and one error per argument that yielded nothing."""
    raise NotImplementedError
