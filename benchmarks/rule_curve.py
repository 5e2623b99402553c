"""The development curve of candidate checker rules, shared by novel_content.py, role_order.py
and word_swaps.py: each script describes the parts of every labelled summary (its claims, its
word swaps, its word pairs) and names rules over one part; this runs the sets and prints, per
rule and set, what failing on it would add to check(): +caught/+false alarms and the change of
balanced accuracy.

Sets: every SummEdits domain from ../shared/external except news documents 5-9 (held back:
their rows are never read here; checker_external.py prints their figures), and CLIFF val."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import external_sets as ext

# (set name, article text, [(summary, is an error)])
Job = tuple[str, str, list[tuple[str, bool]]]
Rule = Callable[[Any], bool]


@dataclass
class Row:
    set: str
    bad: bool
    flagged: bool  # check() already fails it
    parts: list[Any]  # what the rules look at


def sentence_rows(job: Job, describe: Callable[[Any, str], list[Any]]) -> list[Row]:
    """Each summary of a job's article checked, its parts what `describe` finds in each of its
    sentences laid over the article (role_order.py, word_swaps.py)."""
    from summariser.articles.build import article_from_text
    from summariser.validation import check
    from summariser.validation.claims import split_sentences

    name, doc, rows = job
    article = article_from_text(doc)
    return [Row(name, bad, not check(article, summary).ok,
                [p for part in split_sentences(summary) for p in describe(article, part)])
            for summary, bad in rows]


def tuned_on_jobs() -> list[Job]:
    """One job per article of the sets a rule may be tuned on."""
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


def _cell(rows: list[Row], rule: Rule) -> str:
    bad = [r for r in rows if r.bad]
    good = [r for r in rows if not r.bad]
    fires = [not r.flagged and any(rule(p) for p in r.parts) for r in rows]
    caught = sum(f for f, r in zip(fires, rows, strict=True) if r.bad)
    alarms = sum(f for f, r in zip(fires, rows, strict=True) if not r.bad)
    delta = (caught / len(bad) - alarms / len(good)) / 2 if bad and good else 0.0
    return f"+{caught}/+{alarms} {delta:+.1%}"


def main(doc: str | None, run_doc: Callable[[Job], list[Row]], rules: dict[str, Rule]) -> int:
    """The command line of a curve script: run every job, print every rule's cells."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rows: list[Row] = []
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for found in pool.map(run_doc, tuned_on_jobs()):
            rows += found
    sets = sorted({r.set for r in rows})
    print("failing on the rule would add: +caught/+false alarms, change of balanced accuracy")
    for name, rule in rules.items():
        cells = [f"{s} {_cell([r for r in rows if r.set == s], rule)}" for s in sets]
        print(f"{name}:\n    " + " | ".join(cells))
    return 0
