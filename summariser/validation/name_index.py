"""The names of a source article, found once per article and cached by its hash: those of the
body, those of the page furniture, every body word (for acronym expansions) and the acronyms."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from summariser.articles.models import Article, Sentence
from summariser.validation.memo import Memo, keep, once
from summariser.validation.name_parts import (
    Name,
    Tok,
    Vocabulary,
    find_names,
    names_within,
    tokens,
    vocabulary,
)

_CACHE_SIZE = 32
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass
class Place:
    """A source name and its sentence, so a claim's names can be looked for in its citations."""

    name: Name
    sentence: int | None


@dataclass
class NameIndex:
    text: str  # the article as loaded
    body: list[Place]
    furniture: list[Place]
    body_text: str  # lower-cased, furniture blanked out, same offsets as Article.text
    furniture_text: str  # lower-cased, only the furniture
    words: list[tuple[str, int, int]]  # every body word (hyphenated parts apart), folded
    sentences: dict[int, tuple[int, int]] = field(default_factory=dict)  # number -> span
    vocab: Vocabulary = field(default_factory=Vocabulary)
    acronyms: dict[str, list[Place]] = field(default_factory=dict)
    by_sentence: dict[int, list[Place]] = field(default_factory=dict)  # body places, in order


_CACHE: Memo[NameIndex] = Memo(_CACHE_SIZE)


def flat(text: str) -> str:
    """Lower case with one kind of apostrophe, keeping every offset (unlike casefold)."""
    if text.isascii():  # the same result, without a look at every character
        return text.lower()
    low = text.lower()
    if len(low) == len(text):  # lower() never shortens: every character stayed one character
        return low.replace("’", "'")
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("’", "'")


def is_acronym(text: str) -> bool:
    core = text[:-1] if text.endswith("s") and len(text) > 2 else text
    upper = sum(c.isupper() for c in core)
    return 2 <= len(core) <= 8 and core.isalpha() and upper >= 2 and core[0].isupper()


def acronym_key(text: str) -> str:
    core = text[:-1] if text.endswith("s") and text[-2:-1].isupper() else text
    return core.casefold()


def _blank(text: str, spans: list[tuple[int, int]], keep: bool) -> str:
    """The text with the spans blanked out (keep=False) or everything else blanked (keep=True);
    newlines stay, so sentence and title-line detection still work."""
    def spaces(s: str) -> str:
        return _NOT_NEWLINE.sub(" ", s)

    # Built from parts: re-slicing the whole text once per span was quadratic.
    parts, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if start >= end:
            continue
        between, piece = text[pos:start], text[start:end]
        parts += [spaces(between) if keep else between, piece if keep else spaces(piece)]
        pos = end
    out = "".join(parts) + (spaces(text[pos:]) if keep else text[pos:])
    return out


def sentence_at(article: Article, pos: int, starts: list[int] | None = None) -> Sentence | None:
    """The sentence holding `pos` (`starts`: the sentences' starts, in order, when the caller
    has them)."""
    if starts is None:
        starts = [s.start for s in article.sentences]
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < article.sentences[i].end:
        return article.sentences[i]
    return None


def name_index(article: Article) -> NameIndex:
    return _CACHE.get(article.sha256, lambda: _build_index(article))


def text_names(article: Article, text: str) -> tuple[list[Tok], list[Name]]:
    """The tokens and names of a summary's (or a claim's) `text`, read with the article's
    vocabulary; once per check (memo.once), as the summary's names, its claims' names and their
    roles check read the same texts."""
    def read() -> tuple[list[Tok], list[Name]]:
        toks = tokens(text)
        return toks, find_names(text, name_index(article).vocab, toks=toks)

    return once(("names", article.sha256, text), read)


def claim_names(article: Article, text: str, spans: list[tuple[int, int]]) -> None:
    """Reads the names of summary `text` once and, into the same memo as text_names, each
    claim's (a span of the summary: a sentence) taken from them where reading the claim alone
    gives the same (name_parts.names_within); the others are read alone when first asked for."""
    toks, names = text_names(article, text)
    found = names_within(text, toks, names, name_index(article).vocab, spans)
    for (start, end), read in zip(spans, found, strict=True):
        if read is not None:
            keep(("names", article.sha256, text[start:end]), read)


def _build_index(article: Article) -> NameIndex:
    spans = [(f.start, f.end) for f in article.furniture]
    body_text = _blank(article.text, spans, keep=False)
    furniture_text = _blank(article.text, spans, keep=True)
    toks = tokens(body_text)  # once: names, words and vocabulary all read the same tokens
    starts = [s.start for s in article.sentences]
    body = [Place(n, s.index if (s := sentence_at(article, n.start, starts)) else None)
            for n in find_names(body_text, source=True, toks=toks)]
    furniture = [Place(n, None) for n in find_names(furniture_text, source=True)] if spans else []
    words = [(part, t.start, t.end) for t in toks for part in t.word.split("-") if part]
    index = NameIndex(article.text, body, furniture, flat(body_text), flat(furniture_text), words,
                      {s.index: (s.start, s.end) for s in article.sentences},
                      vocabulary(body_text, toks))
    for place in body:
        if place.sentence is not None:
            index.by_sentence.setdefault(place.sentence, []).append(place)
        for tok in place.name.toks:
            if is_acronym(tok.text):
                index.acronyms.setdefault(acronym_key(tok.text), []).append(place)
    return index


@dataclass
class Scope:
    """Where a name is looked for: the whole body, or only some sentences (a claim's)."""

    index: NameIndex
    sentences: set[int] | None = None
    spans: list[tuple[int, int]] | None = None

    def places(self, furniture: bool = False) -> list[Place]:
        if furniture:
            return self.index.furniture
        if self.sentences is None:
            return self.index.body
        return [p for p in self.index.body if p.sentence in self.sentences]

    def in_sentence(self, number: int) -> list[Place]:
        """The body places of sentence `number` (looked up: filtering every place for every
        sentence was quadratic)."""
        inside = self.sentences is None or number in self.sentences
        return self.index.by_sentence.get(number, []) if inside else []

    def acronym_places(self, key: str) -> list[Place]:
        """The body places in scope whose name holds this acronym (by sentence number: a
        membership test in the list of places compared whole names, quadratic on long articles)."""
        found = self.index.acronyms.get(key, [])
        if self.sentences is None:
            return found
        return [p for p in found if p.sentence in self.sentences]

    def sentence_numbers(self) -> list[int]:
        numbers = list(self.index.sentences)
        return numbers if self.sentences is None else [n for n in numbers if n in self.sentences]

    def words(self) -> list[tuple[str, int, int]]:
        if self.spans is None:
            return self.index.words
        return [w for w in self.index.words if any(a <= w[1] < b for a, b in self.spans)]

    def inside(self, pos: int) -> bool:
        return self.spans is None or any(a <= pos < b for a, b in self.spans)
