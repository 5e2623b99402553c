"""Should novel content fail a claim? The development curve behind the checker's choice
(README, validation): for each candidate rule over a claim's novel words (content words in
none of its aligned sentences, nor an inflection, synonym or broader word of one there), what
failing on it would add, per set, to the summaries caught and to the false alarms, and the
change of balanced accuracy.

    python benchmarks/novel_content.py [--workers 2]

Sets: every SummEdits domain from ../shared/external except news documents 5-9 (held back:
their rows are never read here; checker_external.py prints their figures), and CLIFF val."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402


@dataclass
class Claim:
    novel: list[tuple[str, bool, bool]]  # (word, in the article, read as a name)
    content: int  # content words of the claim
    run: int  # longest run of consecutive content words the article never uses


@dataclass
class Row:
    set: str
    bad: bool
    flagged: bool
    claims: list[Claim]


def _claim(text: str, found: list[tuple[str, bool, bool]]) -> Claim:
    from summariser.validation.alignment import content, tokens

    words = content(tokens(text))
    absent = {w for w, in_article, _ in found if not in_article}
    run = best = 0
    for t in words:
        run = run + 1 if t.text in absent else 0
        best = max(best, run)
    return Claim(found, len(words), best)


def _run_doc(job: tuple[str, str, list[tuple[str, bool]]]) -> list[Row]:
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


def _jobs() -> list[tuple[str, str, list[tuple[str, bool]]]]:
    jobs = []
    for domain in ext.summedits_domains():
        for group in ext.summedits(domain):
            if domain == "news_dev" and group.rows[0].doc_id not in ext.NEWS_DEV_DOCS:
                continue  # held back
            name = "news-dev" if domain == "news_dev" else domain
            jobs.append((name, group.doc, [(r.summary, not r.consistent) for r in group.rows]))
    by_doc: dict[str, list[tuple[str, bool]]] = {}
    for row in ext.cliff():
        by_doc.setdefault(row.doc, []).append((row.summary, not row.correct))
    return jobs + [("cliff", doc, rows) for doc, rows in by_doc.items()]


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


def _cell(rows: list[Row], rule: Rule) -> str:
    bad = [r for r in rows if r.bad]
    good = [r for r in rows if not r.bad]
    fires = [any(rule(c) for c in r.claims) and not r.flagged for r in rows]
    caught = sum(f for f, r in zip(fires, rows, strict=True) if r.bad)
    alarms = sum(f for f, r in zip(fires, rows, strict=True) if not r.bad)
    delta = (caught / len(bad) - alarms / len(good)) / 2 if bad and good else 0.0
    return f"+{caught}/+{alarms} {delta:+.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows: list[Row] = []
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for found in pool.map(_run_doc, _jobs()):
            rows += found
    sets = sorted({r.set for r in rows})
    print("failing on the rule would add: +caught/+false alarms, change of balanced accuracy")
    for name, rule in RULES.items():
        cells = [f"{s} {_cell([r for r in rows if r.set == s], rule)}" for s in sets]
        print(f"{name}:\n    " + " | ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
