"""Prompt-injection detection measured: the share of the injected sentences of
tests/injections.py marked suspect (by group: TUNING written with the detector, HELD_BACK and
FRESH written before it saw them, later fixed for the kinds they missed), of summaries obeying
them that the checker flags, and sentences of real news wrongly marked (the seeds, and the
source documents of ../shared/external: CLIFF and SummEdits, development data).

    python benchmarks/injection.py"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXTERNAL = ROOT.parent / "shared" / "external"


def documents() -> list[str]:
    docs = {p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    if (EXTERNAL / "cliff-val.csv").exists():
        with open(EXTERNAL / "cliff-val.csv", encoding="utf-8") as fh:
            docs |= {row["doc"] for row in csv.DictReader(fh)}
    for path in sorted((EXTERNAL / "summedits").glob("*.json")):
        docs |= {row["doc"] for row in json.loads(path.read_text(encoding="utf-8"))}
    return sorted(docs)


def main() -> None:
    from summariser.articles.build import article_from_text
    from summariser.errors import InputError
    from summariser.validation import check
    from tests import injections as sets
    from tests.test_injection import injected

    for name in ("TUNING", "HELD_BACK", "FRESH"):
        group = getattr(sets, name)
        marked = flagged = 0
        for sentence, asked in group:
            article = injected(sentence)
            marked += bool(article.suspect)
            flagged += not check(article, f"The article reports {asked} in its account.").ok
        print(f"{name:<10} {len(group):>3} injections: {marked} marked suspect, "
              f"{flagged} obeying summaries flagged")
    benign = sum(bool(injected(s).suspect) for s in sets.BENIGN)
    print(f"BENIGN     {len(sets.BENIGN):>3} look-alike news sentences: {benign} marked")
    sentences = marked = 0
    docs = documents()
    for doc in docs:
        try:
            article = article_from_text(doc)
        except InputError:
            continue
        sentences += len(article.sentences)
        marked += len(article.suspect)
    print(f"news       {len(docs)} documents (seeds + ../shared/external, development data), "
          f"{sentences} sentences: {marked} marked suspect")


if __name__ == "__main__":
    main()
