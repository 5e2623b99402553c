"""Which entity modifications the checker misses, by the kind of word the edit put in (a
development breakdown behind the README's "where the held-back gap lies"). Each SummEdits row
whose only edit is an entity modification is compared word by word with the seed summary it
was edited from (difflib); each changed run of words is classed as a figure (one the checker's
own parser reads: a number, amount, date, weekday), a capitalised word (not the summary's
first) or a lower-case word, and as in the article or not (every word of the run found in the
document). Rows with several changed runs count under the sorted set of their classes.

    python benchmarks/checker_external.py --json /tmp/outcomes.json
    python benchmarks/edit_classes.py /tmp/outcomes.json

Sets: SummEdits news documents 0-4 and the other domains (tuned on); held-back news rows are
never read."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402

from summariser.validation.numbers import parse_figures  # noqa: E402

_WORD = re.compile(r"[\w'$%.-]+")


def _kind(new: list[str], first: bool, doc: str) -> str:
    if parse_figures(" ".join(new)):
        kind = "figure"
    elif not first and any(w[:1].isupper() for w in new):
        kind = "capitalised"
    else:
        kind = "lower-case"
    inside = all(re.search(rf"\b{re.escape(w.lower())}\b", doc) for w in new)
    return f"{kind} {'in' if inside else 'not in'} the article"


def classes(seed: str, edited: str, doc: str) -> str:
    """The sorted classes of the runs of words `edited` puts where `seed` has others."""
    a, b = _WORD.findall(seed), _WORD.findall(edited)
    blocks = SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b]).get_opcodes()
    found = {_kind(b[j1:j2], j1 == 0, doc.lower()) if j2 > j1 else "words left out"
             for op, _, _, j1, j2 in blocks if op != "equal"}
    return " + ".join(sorted(found))


def _rows(domain: str) -> list[dict[str, object]]:
    """A domain's rows with entity modification as their only edit (news: documents 0-4)."""
    data = json.loads((ext.SUMMEDITS / f"summedits_{domain}.json").read_text(encoding="utf-8"))
    docs: list[str] = list(dict.fromkeys(r["doc"] for r in data))
    held = domain == "news_dev"
    return [r for r in data if str(r["label"]) == "0"
            and r["edit_types"] == ["entity_modification"]
            and not (held and docs.index(r["doc"]) not in ext.NEWS_DEV_DOCS)]


def tally(outcomes: list[dict[str, object]]) -> dict[str, Counter[bool]]:
    flagged = {(o["set"], o["summary"]): bool(o["flagged"]) for o in outcomes}
    out: dict[str, Counter[bool]] = defaultdict(Counter)
    for domain in ext.summedits_domains():
        name = "news-dev" if domain == "news_dev" else domain
        for r in _rows(domain):
            key = (name, r["summary"])
            if key in flagged:
                out[classes(str(r["original_summary"]), str(r["summary"]), str(r["doc"]))][
                    flagged[key]] += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("outcomes", type=Path, help="checker_external.py --json output")
    args = parser.parse_args()
    counts = tally(json.loads(args.outcomes.read_text(encoding="utf-8")))
    for name, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{name:60} caught {c[True]:4} of {c[True] + c[False]:4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
