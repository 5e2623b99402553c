"""Do two words of a claim in the other order than in the sentence it restates tell edited
summaries from faithful ones? The development curve behind keeping role swaps to two names
close together (substitution.role_swap; README, validation): each claim (a sentence of a
summary) is laid over the article sentence it restates best, and every pair of its words that
are each said once in the claim and once in that sentence, in the other order there, is
described: whether both are names, whether both are nouns (WordNet's main sense) or names, how
many words part them, and whether a content word shared with the sentence stands between them
on both sides (the verb of 'A beat B' against 'B beat A'), and whether that word's main sense
is a verb. For each candidate rule, what failing on it would add to check(), per set:
+caught/+false alarms and the change of balanced accuracy.

    python benchmarks/role_order.py [--workers 2]

Sets and cells: benchmarks/rule_curve.py (held-back news rows are never read)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import rule_curve as curve  # noqa: E402
from rule_curve import Job, Row  # noqa: E402


@dataclass
class Pair:
    names: bool  # both capitalised
    nouns: bool  # both nouns or names
    apart: int  # claim words between them
    shared: bool  # a content word shared with the sentence between them in both
    verb: bool  # ... whose main sense is a verb


def _pos(word: str) -> str:
    from summariser.validation.lexicon import part_of_speech, senses

    main = senses(word, 1)
    return part_of_speech(main[0]) if main else "-"


def _once(claim: list, source: list) -> list[tuple[int, int]]:
    from summariser.validation.alignment import content

    words = content(claim)
    out = []
    for t in words:
        there = [j for j, u in enumerate(source) if len(u.word) >= 3 and t.keys & u.keys]
        here = [i for i, x in enumerate(claim) if t.keys & x.keys]
        if len(there) == 1 and len(here) == 1:
            out.append((here[0], there[0]))
    return out


def _pairs(article: object, text: str) -> list[Pair]:
    from summariser.validation.alignment import content, sentence_scores, sentence_tokens, tokens

    claim = tokens(text)
    scores = sentence_scores(article, text)  # type: ignore[arg-type]
    if not scores or max(scores) <= 0:
        return []
    best = article.sentences[scores.index(max(scores))]  # type: ignore[attr-defined]
    source = sentence_tokens(article, best)  # type: ignore[arg-type]
    where = _once(claim, source)
    out = []
    for i, j in where:
        for k, m in where:
            if not (i < k and m < j):
                continue
            a, b = claim[i], claim[k]
            mid_c, mid_s = content(claim[i + 1:k]), content(source[m + 1:j])
            shared = [x for x in mid_c if any(x.keys & y.keys for y in mid_s)]
            nouns = all(t.capitalised or _pos(t.word) == "n" for t in (a, b))
            out.append(Pair(a.capitalised and b.capitalised, nouns, k - i - 1, bool(shared),
                            any(_pos(x.word) == "v" for x in shared)))
    return out


def _run_doc(job: Job) -> list[Row]:
    return curve.sentence_rows(job, _pairs)


Rule = Callable[[Pair], bool]

RULES: dict[str, Rule] = {
    "any two words the other way round": lambda p: True,
    "... with a shared word between": lambda p: p.shared,
    "... a shared verb between": lambda p: p.verb,
    "two names, a shared word between": lambda p: p.names and p.shared,
    "two nouns or names, a shared word between": lambda p: p.nouns and p.shared,
    "... a shared verb between (nouns or names)": lambda p: p.nouns and p.verb,
    **{f"... a shared verb between, <= {k} words apart": (
        lambda p, k=k: p.nouns and p.verb and p.apart <= k) for k in (4, 8)},
}


if __name__ == "__main__":
    sys.exit(curve.main(__doc__, _run_doc, RULES))
