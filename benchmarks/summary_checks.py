"""Is checking a summary whole first enough? pipeline/finalise.py checks the summary's complete
sentences together and one by one only when that finds something, which is right when a
sentence never has a finding that the text it is part of lacks. This counts the exceptions over
the SummEdits summaries of two or more complete sentences (the first ROWS of each document;
news documents 5-9 are held back and not read), each taken as a model's summary of its document.

    python benchmarks/summary_checks.py

Prints the summaries read, how many the whole-text check flags, and each exception."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402

from summariser.articles.load import resolve_article  # noqa: E402
from summariser.pipeline.finalise import complete_sentences  # noqa: E402
from summariser.pipeline.results import findings  # noqa: E402

ROWS = 12  # summaries a document: enough rows, each document split into sentences once


def _documents() -> list[tuple[str, ext.DocRows]]:
    docs = []
    for domain in ext.summedits_domains():
        for group in ext.summedits(domain):
            held = domain == "news_dev" and group.rows[0].doc_id not in ext.NEWS_DEV_DOCS
            if not held:
                docs.append((domain, group))
    return docs


def main() -> int:
    read = flagged = exceptions = 0
    for domain, group in _documents():
        article = resolve_article(group.doc)
        for row in group.rows[:ROWS]:
            sentences = complete_sentences(row.summary, [])
            if len(sentences) < 2:
                continue
            read += 1
            if findings(article, "\n".join(sentences)):
                flagged += 1
                continue
            alone = [f for s in sentences for f in findings(article, s)]
            if alone:
                exceptions += 1
                print(f"{domain}: a sentence alone has {alone[0]!r}; the whole text has none")
    print(f"{read} summaries of 2+ complete sentences; {flagged} flagged as a whole; "
          f"{exceptions} with a sentence finding the whole text lacks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
