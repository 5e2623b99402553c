"""Do word swaps tell edited summaries from faithful ones? The development curve behind leaving
them to the checks in place (README, validation): each claim (a sentence of a summary) is laid
over the article sentence it restates best, word by word (substitution.py's symbols and
difflib), and every claim word standing where the sentence has other words (a swap of at most
two claim words for at most three) or added between matched words is described: whether the
article uses it anywhere; whether WordNet links it (same_meaning) to a source word in its place
or to any word of the article; its main part of speech and the source word's; how many
hypernym steps part the two; how many matched words it has on each side; the share of the claim
matched. For each candidate rule, what failing on it would add to check(), per set:
+caught/+false alarms and the change of balanced accuracy.

    python benchmarks/word_swaps.py [--workers 2]

Sets and cells: benchmarks/rule_curve.py (held-back news rows are never read)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import rule_curve as curve  # noqa: E402
from rule_curve import Job, Row  # noqa: E402


@dataclass
class Swap:
    word: str
    added: bool  # between matched words, in the place of nothing
    absent: bool  # the article never uses it (no shared key)
    linked: bool  # WordNet links it to a source word in its place
    linked_anywhere: bool  # ... or to any content word of the article
    pos: str  # main part of speech: n v a s r, or "-"
    source_pos: set[str]
    steps: int  # fewest hypernym steps between the two words' main senses (99: none)
    flank: int  # matched words on the shorter side
    share: float  # share of the claim's words matched in the sentence


@lru_cache(maxsize=65536)
def _ups(n: int, depth: int = 6) -> dict[int, int]:
    from summariser.validation.lexicon import hypernyms

    out, frontier = {n: 0}, {n}
    for d in range(1, depth + 1):
        frontier = {m for x in frontier for m in hypernyms(x)} - set(out)
        out.update(dict.fromkeys(frontier, d))
    return out


def _steps(a: str, b: str) -> int:
    from summariser.validation.lexicon import senses

    best = 99
    for x in senses(a, 3):
        for y in senses(b, 3):
            ux, uy = _ups(x), _ups(y)
            best = min([best, *(ux[m] + uy[m] for m in ux.keys() & uy.keys())])
    return best


def _pos(word: str) -> str:
    from summariser.validation.lexicon import part_of_speech, senses

    main = senses(word, 1)
    return part_of_speech(main[0]) if main else "-"


def _ops(claim: list, source: list) -> list[tuple[str, int, int, int, int]]:
    from summariser.validation.substitution import _symbols

    a, b = _symbols(claim, source)
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _flanks(ops: list[tuple[str, int, int, int, int]], n: int) -> int:
    sides = [ops[m][2] - ops[m][1] if 0 <= m < len(ops) and ops[m][0] == "equal" else 0
             for m in (n - 1, n + 1)]
    return min(sides)


def _swaps(article: object, text: str) -> list[Swap]:
    from summariser.validation.alignment import (
        article_keys,
        content,
        sentence_scores,
        sentence_tokens,
        tokens,
    )
    from summariser.validation.lexicon import same_meaning

    claim = tokens(text)
    scores = sentence_scores(article, text)  # type: ignore[arg-type]
    if not scores or max(scores) <= 0:
        return []
    best = article.sentences[scores.index(max(scores))]  # type: ignore[attr-defined]
    source = sentence_tokens(article, best)  # type: ignore[arg-type]
    ops = _ops(claim, source)
    matched = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal") / max(1, len(claim))
    keys = article_keys(article)  # type: ignore[arg-type]
    words = {u.word for s in article.sentences  # type: ignore[attr-defined]
             for u in content(sentence_tokens(article, s))}  # type: ignore[arg-type]
    out = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        there = content(source[j1:j2])
        if op not in ("replace", "delete") or i2 - i1 > 2 or j2 - j1 > 3 or (
                op == "replace" and not there):
            continue
        for t in (t for t in content(claim[i1:i2]) if not t.capitalised):
            linked = any(same_meaning(t.word, u.word) or same_meaning(u.word, t.word)
                         for u in there)
            absent = not t.keys & keys
            anywhere = linked or (absent and any(same_meaning(t.word, w) for w in words))
            out.append(Swap(
                t.word, op == "delete", absent, linked, anywhere, _pos(t.word),
                {_pos(u.word) for u in there}, min((_steps(t.word, u.word) for u in there),
                                                    default=99),
                _flanks(ops, n), matched))
    return out


def _run_doc(job: Job) -> list[Row]:
    return curve.sentence_rows(job, _swaps)


Rule = Callable[[Swap], bool]


def _unlinked(s: Swap) -> bool:
    return not s.added and s.absent and not s.linked


def _nouns(s: Swap) -> bool:
    return not s.added and not s.linked and s.pos == "n" and "n" in s.source_pos


RULES: dict[str, Rule] = {
    "a swapped word the article never uses": _unlinked,
    "... nor linked to any article word": lambda s: _unlinked(s) and not s.linked_anywhere,
    "... of the source word's part of speech": lambda s: (
        _unlinked(s) and not s.linked_anywhere and s.pos in s.source_pos),
    **{f"... with >= {k} matched words each side": (
        lambda s, k=k: _unlinked(s) and not s.linked_anywhere and s.pos in s.source_pos
        and s.flank >= k) for k in (1, 2, 3)},
    **{f"... in a claim >= {p:.0%} matched": (
        lambda s, p=p: _unlinked(s) and not s.linked_anywhere and s.pos in s.source_pos
        and s.share >= p) for p in (0.6, 0.7, 0.8)},
    "a noun swapped for a noun": _nouns,
    **{f"... at most {k} hypernym steps apart": (lambda s, k=k: _nouns(s) and s.steps <= k)
       for k in (3, 4, 6)},
    "... (nouns) with >= 1 matched word each side": lambda s: _nouns(s) and s.flank >= 1,
    "an added word the article never uses": lambda s: s.added and s.absent,
    **{f"... added with >= {k} matched words each side": (
        lambda s, k=k: s.added and s.absent and s.flank >= k) for k in (2, 3)},
}


if __name__ == "__main__":
    sys.exit(curve.main(__doc__, _run_doc, RULES))
