"""Should novel content fail a claim? The development curve behind the checker's choice
(README, validation): for each candidate rule over a claim's novel words (content words in
none of its aligned sentences, nor an inflection, synonym or broader word of one there), what
failing on it would add, per set, to the summaries caught and to the false alarms, and the
change of balanced accuracy; counts, runs, shares, and word classes (WordNet's main sense).

    python benchmarks/novel_content.py [--workers 2]

Sets and cells: benchmarks/rule_curve.py (held-back news rows are never read)."""

from __future__ import annotations

import re
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
class Claim:
    novel: list[tuple[str, bool, bool]]  # (word, in the article, read as a name)
    content: int  # content words of the claim
    run: int  # longest run of consecutive content words the article never uses
    overlap: float = 1.0  # share of its content words in its aligned sentences
    clause: tuple[int, int] = (0, 0)  # a clause's content words and those the article never uses


def _claim(text: str, found: list[tuple[str, bool, bool]], overlap: float) -> Claim:
    from summariser.validation.alignment import content, tokens

    words = content(tokens(text))
    absent = {w for w, in_article, _ in found if not in_article}
    run = best = 0
    for t in words:
        run = run + 1 if t.text in absent else 0
        best = max(best, run)
    return Claim(found, len(words), best, overlap, _worst_clause(text, absent))


_CLAUSE = re.compile(r",|;|:|\band\b|\bbut\b|\bwhile\b|\bwho\b|\bwhich\b|\bthat\b")


def _worst_clause(text: str, absent: set[str]) -> tuple[int, int]:
    """The clause (between commas, conjunctions, relative pronouns) with the largest share of
    content words the article never uses: an inserted fact is often a clause of its own."""
    from summariser.validation.alignment import content, tokens

    best = (0, 0)
    for part in _CLAUSE.split(text):
        words = content(tokens(part))
        new = sum(t.text in absent for t in words)
        if words and new / len(words) > (best[1] / best[0] if best[0] else -1):
            best = (len(words), new)
    return best


def _run_doc(job: Job) -> list[Row]:
    from summariser.articles.build import article_from_text
    from summariser.validation import check

    name, doc, rows = job
    article = article_from_text(doc)
    out = []
    for summary, bad in rows:
        report = check(article, summary)
        claims = [_claim(c.text, [(f.words[0], f.in_article, f.kind == "novel_name")
                                  for f in c.findings
                                  if f.kind in ("novel_word", "novel_name")], c.overlap)
                  for c in report.claims]
        out.append(Row(name, bad, not report.ok, claims))
    return out


Rule = Callable[[Claim], bool]


def _absent(c: Claim) -> int:
    return sum(not a for _, a, _ in c.novel)


def _at_least(k: int) -> Rule:
    return lambda c: _absent(c) >= k


def _run_of(k: int) -> Rule:
    return lambda c: c.run >= k


def _share(p: float) -> Rule:
    return lambda c: _absent(c) >= p * c.content


def _pos(word: str) -> str:
    """The main sense's part of speech (n v a s r), '-' for a word WordNet lacks."""
    from summariser.validation.lexicon import part_of_speech, senses

    main = senses(word.lower(), 1)
    return part_of_speech(main[0]) if main else "-"


def _absent_as(parts: str) -> Rule:
    return lambda c: any(not a and not name and _pos(w) in parts for w, a, name in c.novel)


def _noun_only(c: Claim) -> bool:
    from summariser.validation.lexicon import parts_of_speech

    return any(not a and not name and parts_of_speech(w.lower()) == {"n"}
               for w, a, name in c.novel)


RULES: dict[str, Rule] = {
    "any novel word": lambda c: bool(c.novel),
    "a word the article never uses": lambda c: _absent(c) > 0,
    "a name of the article elsewhere": lambda c: any(a and name for _, a, name in c.novel),
    **{f">= {k} words the article never uses": _at_least(k) for k in (2, 3, 4, 5)},
    **{f"a run of >= {k} such words": _run_of(k) for k in (2, 3)},
    **{f"such words >= {p:.0%} of the claim": _share(p) for p in (0.3, 0.4, 0.5)},
    # by word class: edits swap in nouns ('building' for 'clifftop'), paraphrases verbs?
    **{f"such a word, main sense {what}": _absent_as(parts) for what, parts in (
        ("a noun", "n"), ("a verb", "v"), ("an adjective", "as"), ("an adverb", "r"),
        ("none (not in WordNet)", "-"))},
    "such a word, a noun in every sense": _noun_only,
    "a noun of the article elsewhere": lambda c: any(
        a and not name and _pos(w) == "n" for w, a, name in c.novel),
    **{f"a clause of >= {k} content words, >= {p:.0%} never in the article": (
        lambda c, k=k, p=p: c.clause[0] >= k and c.clause[1] >= p * c.clause[0])
       for k, p in ((2, 1.0), (3, 1.0), (3, 0.67), (4, 0.75))},
    # claims.UNRELATED_MAX (0.2) fails those under a fifth already: the next thresholds up
    **{f"under {p:.0%} of its words in its aligned sentences": (
        lambda c, p=p: c.overlap < p) for p in (0.23, 0.25, 0.27, 0.3)},
}


if __name__ == "__main__":
    sys.exit(curve.main(__doc__, _run_doc, RULES))
