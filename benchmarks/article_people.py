"""The people lists the pipeline reads from articles (pipeline/article_names.py), on news no one
here wrote: the source documents of CLIFF (XSum and CNN/DailyMail articles) and of SummEdits'
news dev set, each once. No model is needed: the lists come from the article alone.

    python benchmarks/article_people.py --out people.json             # every list, saved
    python benchmarks/article_people.py --baseline old.json           # names gone, names new

Whether a listed name is a person is read by a person from the lists; this prints them, and
with --baseline (a file saved by an older version) the names no longer listed and the names
newly listed, per document, so a change of the name rules can be read on data it was not
written for."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402

from summariser.articles.load import article_from_text  # noqa: E402
from summariser.pipeline.article_names import article_names  # noqa: E402


def documents() -> dict[str, str]:
    """Each source document once, keyed by its set and the start of its text's SHA-256."""
    texts = [("cliff", row.doc) for row in ext.cliff()]
    texts += [("news", group.doc) for group in ext.summedits("news_dev")]
    docs: dict[str, str] = {}
    for name, text in texts:
        docs.setdefault(f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:8]}", text)
    return docs


def people_lists() -> dict[str, list[str]]:
    return {key: [p.name for p in article_names(article_from_text(text, path=key)).people]
            for key, text in documents().items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="save the lists here (JSON)")
    parser.add_argument("--baseline", type=Path, help="lists saved by an older version")
    args = parser.parse_args()
    lists = people_lists()
    if args.out:
        args.out.write_text(json.dumps(lists, indent=1, ensure_ascii=False), encoding="utf-8")
    old = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline else None
    gone = new = 0
    for key, names in lists.items():
        if old is None:
            print(f"{key}: {'; '.join(names)}")
            continue
        before = old.get(key, [])
        lost, added = [n for n in before if n not in names], [n for n in names if n not in before]
        gone, new = gone + len(lost), new + len(added)
        if lost or added:
            print(f"{key}: no longer listed: {'; '.join(lost) or '-'} | newly: "
                  f"{'; '.join(added) or '-'}")
    print(f"{len(lists)} documents, {sum(map(len, lists.values()))} people listed"
          + (f"; {gone} names no longer listed, {new} newly listed" if old is not None else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
