"""Aligning a claim (a summary sentence or key point) to the source sentences it most likely
comes from, and matching its words to theirs.

A word is reduced to its keys: the light stem of words.stem and its WordNet base forms
('fell' -> fall, 'talks' -> talk), so inflections match. Sentences are ranked by the summed
rarity (inverse sentence frequency in the article) of the claim's keys they contain: sharing
'manslaughter' says more than sharing 'said'. The best ALIGNED sentences are the claim's
alignment; the checks of meaning (meaning.py) compare the claim with them."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from summariser.articles.models import Article, Sentence
from summariser.gc_pause import gc_paused
from summariser.validation.lexicon import base_forms
from summariser.validation.memo import once
from summariser.validation.words import STOP_WORDS, WORD, fold, stem

ALIGNED = 3


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as written
    word: str  # folded
    start: int
    end: int
    keys: frozenset[str]
    lead: str = ""  # the text between the word before and this one: where a clause breaks

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=16384)
def keys(word: str) -> frozenset[str]:
    plain = word.removesuffix("'s")
    return frozenset({plain, stem(plain), *base_forms(plain)})


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    found = list(WORD.finditer(text))
    return tuple(Token(m.group(), (word := fold(m.group())), m.start(), m.end(), keys(word),
                       text[found[k - 1].end() if k else 0:m.start()])
                 for k, m in enumerate(found))


def tokens(text: str) -> list[Token]:
    """The words of `text` with their keys (hyphenated parts are words of their own)."""
    return list(_tokens(text))


def content(toks: list[Token]) -> list[Token]:
    return [t for t in toks if len(t.word) >= 3 and t.word not in STOP_WORDS]


@dataclass
class _Index:
    sentences: list[Sentence]
    tokens: list[list[Token]]
    keysets: list[frozenset[str]]
    weight: dict[str, float]
    all_keys: frozenset[str]


_CACHE: OrderedDict[str, _Index] = OrderedDict()
_LOCK = threading.Lock()


def _index(article: Article) -> _Index:
    key = f"{article.sha256}:{len(article.sentences)}"  # one text may be split differently
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            _CACHE.move_to_end(key)
            return cached
    with gc_paused():
        toks = [tokens(s.text) for s in article.sentences]
        keysets = [frozenset(k for t in content(ts) for k in t.keys) for ts in toks]
    counts: dict[str, int] = {}
    for ks in keysets:
        for k in ks:
            counts[k] = counts.get(k, 0) + 1
    n = len(keysets) + 1
    index = _Index(article.sentences, toks, keysets,
                   {k: math.log(n / c) + 0.1 for k, c in counts.items()}, frozenset(counts))
    with _LOCK:
        _CACHE[key] = index
        if len(_CACHE) > 32:
            _CACHE.popitem(last=False)
    return index


def _score(claim: list[frozenset[str]], sentence_keys: frozenset[str],
           weight: dict[str, float]) -> float:
    total = 0.0
    for ks in claim:
        shared = ks & sentence_keys
        if shared:
            total += max(weight[k] for k in shared)
    return total


def sentence_scores(article: Article, text: str) -> list[float]:
    """For each article sentence (in order), the summed rarity of the words it shares with
    `text` (once per check: a claim is aligned, then scored again by the checks of its figures
    and words)."""
    def score() -> list[float]:
        index = _index(article)
        claim = [t.keys & index.all_keys for t in content(tokens(text))]
        claim = [ks for ks in claim if ks]
        return [_score(claim, ks, index.weight) for ks in index.keysets]

    return once(("scores", article.sha256, len(article.sentences), text), score)


def align(article: Article, text: str, n: int = ALIGNED) -> list[Sentence]:
    """The n article sentences sharing the rarest words with `text`, in article order."""
    index = _index(article)
    scored = [(score, -i) for i, score in enumerate(sentence_scores(article, text))]
    best = sorted((s for s in scored if s[0] > 0), reverse=True)[:n]
    return [index.sentences[-i] for _, i in sorted(best, key=lambda s: -s[1])]


def sentence_tokens(article: Article, sentence: Sentence) -> list[Token]:
    return _index(article).tokens[sentence.index - 1]


def where_used(article: Article, word_keys: frozenset[str]) -> tuple[Sentence, str] | None:
    """The first article sentence with a content word sharing a key of `word_keys`, and that
    word as written there."""
    index = _index(article)
    for sentence, keyset, toks in zip(index.sentences, index.keysets, index.tokens, strict=True):
        if keyset & word_keys:
            written = next(u.text for u in content(toks) if u.keys & word_keys)
            return sentence, written
    return None


def article_keys(article: Article) -> frozenset[str]:
    return _index(article).all_keys
