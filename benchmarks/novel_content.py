"""Should novel content fail a claim? The development curve behind the checker's choice
(README, validation): for each candidate rule over a claim's novel words (content words in
none of its aligned sentences, nor an inflection, synonym or broader word of one there), what
failing on it would add, per set, to the summaries caught and to the false alarms, and the
change of balanced accuracy.

    python benchmarks/novel_content.py [--workers 2]

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
class Claim:
    novel: list[tuple[str, bool, bool]]  # (word, in the article, read as a name)
    content: int  # content words of the claim
    run: int  # longest run of consecutive content words the article never uses


def _claim(text: str, found: list[tuple[str, bool, bool]]) -> Claim:
    from summariser.validation.alignment import content, tokens

    words = content(tokens(text))
    absent = {w for w, in_article, _ in found if not in_article}
    run = best = 0
    for t in words:
        run = run + 1 if t.text in absent else 0
        best = max(best, run)
    return Claim(found, len(words), best)


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
                                  if f.kind in ("novel_word", "novel_name")])
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


RULES: dict[str, Rule] = {
    "any novel word": lambda c: bool(c.novel),
    "a word the article never uses": lambda c: _absent(c) > 0,
    "a name of the article elsewhere": lambda c: any(a and name for _, a, name in c.novel),
    **{f">= {k} words the article never uses": _at_least(k) for k in (2, 3, 4, 5)},
    **{f"a run of >= {k} such words": _run_of(k) for k in (2, 3)},
    **{f"such words >= {p:.0%} of the claim": _share(p) for p in (0.3, 0.4, 0.5)},
}


if __name__ == "__main__":
    sys.exit(curve.main(__doc__, _run_doc, RULES))
