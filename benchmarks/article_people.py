"""The people lists and figures tables the pipeline reads from articles (pipeline/
article_names.py, article_figures.py), on text no one here wrote: the source documents of CLIFF
(XSum and CNN/DailyMail articles) and of every SummEdits domain, each once. No model is needed:
the lists come from the article alone. Development figures.

    python benchmarks/article_people.py                         # counts and gold scores
    python benchmarks/article_people.py --out lists.json        # also save every list
    python benchmarks/article_people.py --baseline old.json     # counts of both, names gone/new
    python benchmarks/article_people.py --lists                 # print every people list

Printed, for these lists and a baseline's (a file saved by an older version with --out):
- precision / recall of the people lists against benchmarks/people_gold.json, persons read by
  a person from the first 12 CLIFF documents (each with the forms that name them; a listed
  name counts once per person, so a second form of one person is a false positive);
- counts of known failure classes on all documents: a listed person whose name is part of
  another listed person's ('Cameron Bure' beside 'Candace Cameron Bure'); a name written with
  a middle initial or a Portuguese/Spanish connector ('John F. Kennedy', 'Joao dos Santos')
  listed only in part; a listed person or a figure read from a photo caption only."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402

from summariser.articles.load import article_from_text  # noqa: E402
from summariser.pipeline.article_figures import article_figures  # noqa: E402
from summariser.pipeline.article_names import article_names  # noqa: E402

GOLD = ROOT / "benchmarks" / "people_gold.json"
_SPLIT = re.compile(r"\b([A-Z][a-z]+) ([A-Z]\.|dos|das|do|da|de|del) ([A-Z][a-z]+)\b")


def documents() -> dict[str, str]:
    """Each source document once, keyed by its set and the start of its text's SHA-256."""
    texts = [("cliff", row.doc) for row in ext.cliff()]
    texts += [("news" if domain == "news_dev" else domain, group.doc)
              for domain in ext.summedits_domains() for group in ext.summedits(domain)]
    docs: dict[str, str] = {}
    for name, text in texts:
        docs.setdefault(f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:8]}", text)
    return docs


def lists(docs: dict[str, str]) -> dict[str, dict[str, Any]]:
    out = {}
    for key, text in docs.items():
        article = article_from_text(text, path=key)
        out[key] = {"people": [p.name for p in article_names(article).people],
                    "figures": [[f.text, f.sentence_text] for f in article_figures(article)]}
    return out


def _people(saved: dict[str, Any]) -> dict[str, list[str]]:
    """The people lists of a saved file (older files saved only them)."""
    return {k: v if isinstance(v, list) else v["people"] for k, v in saved.items()}


def gold_scores(people: dict[str, list[str]]) -> tuple[int, int, int]:
    """(listed names that name a gold person, listed names in all, gold persons found): a
    person's second listed form is no hit; an `also` form (a surname alone) is neither."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    hits = listed = found = 0
    for key, doc in gold["documents"].items():
        persons = [{f.casefold() for f in forms} for forms in doc["persons"]]
        also = {f.casefold() for f in doc.get("also", [])}
        seen: set[int] = set()
        for name in people.get(key, []):
            folded = name.casefold()
            match = next((i for i, forms in enumerate(persons) if folded in forms), None)
            if match is None and folded in also:
                continue
            listed += 1
            if match is not None and match not in seen:
                hits += 1
                seen.add(match)
        found += len(seen)
    return hits, listed, found


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name.casefold())


def _part_of_another(names: list[str]) -> int:
    """Listed names whose words are, in order and together, part of another listed name's."""
    split = [_words(n) for n in names]
    return sum(any(len(b) > len(a) and any(b[i:i + len(a)] == a for i in range(len(b)))
                   for b in split) for a in split)


def _split_names(text: str, names: list[str]) -> int:
    """Names written with a middle initial or a connector that are listed only in part."""
    listed = [" ".join(_words(n)) for n in names]
    count = 0
    for m in set(_SPLIT.findall(text)):
        whole = " ".join(_words(" ".join(m)))
        parts = {w.casefold() for w in (m[0], m[2])}
        if (not any(whole in n for n in listed)
                and any(parts & set(n.split()) for n in listed)):
            count += 1
    return count


def _from_captions(text: str, entry: dict[str, Any]) -> tuple[int, int]:
    """(people, figures) of the lists that come from a photo caption only."""
    from summariser.articles.captions import caption_spans

    spans = caption_spans(text)
    if not spans:
        return 0, 0
    captions = " ".join(text[a:b] for a, b in spans)
    ends = [0, *(b for _, b in spans)]
    rest = " ".join(text[e:a] for e, a in zip(ends, [*(a for a, _ in spans), len(text)],
                                              strict=True))
    people = sum(n in captions and n not in rest for n in _people({"x": entry})["x"])
    figures = sum(sentence in captions for _, sentence in entry.get("figures", []))
    return people, figures


def class_counts(docs: dict[str, str], saved: dict[str, Any]) -> dict[str, int]:
    counts = dict.fromkeys(("people listed", "part of another listed name",
                            "written with initial/connector, listed in part",
                            "person from a caption only", "figure from a caption"), 0)
    for key, text in docs.items():
        entry = saved.get(key, [])
        entry = {"people": entry} if isinstance(entry, list) else entry
        names = entry["people"]
        caption_people, caption_figures = _from_captions(text, entry)
        for label, n in zip(counts, (len(names), _part_of_another(names),
                                     _split_names(text, names), caption_people,
                                     caption_figures), strict=True):
            counts[label] += n
    return counts


def _report(label: str, docs: dict[str, str], saved: dict[str, Any]) -> None:
    hits, listed, found = gold_scores(_people(saved))
    total = sum(len(d["persons"]) for d in json.loads(GOLD.read_text("utf-8"))["documents"]
                .values())
    print(f"{label}: gold people precision {hits}/{listed} = {hits / max(listed, 1):.3f}, "
          f"recall {found}/{total} = {found / max(total, 1):.3f}")
    for name, n in class_counts(docs, saved).items():
        print(f"  {name}: {n}")


def _changes(new: dict[str, list[str]], old: dict[str, list[str]]) -> None:
    gone = added = 0
    for key, names in new.items():
        before = old.get(key, [])
        lost, extra = [n for n in before if n not in names], [n for n in names if n not in before]
        gone, added = gone + len(lost), added + len(extra)
        if lost or extra:
            print(f"{key}: no longer listed: {'; '.join(lost) or '-'} | newly: "
                  f"{'; '.join(extra) or '-'}")
    print(f"{gone} names no longer listed, {added} newly listed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="save the lists here (JSON)")
    parser.add_argument("--baseline", type=Path, help="lists saved by an older version")
    parser.add_argument("--lists", action="store_true", help="print every people list")
    parser.add_argument("--save-only", action="store_true",
                        help="only save the lists (--out): for an older version's tree")
    args = parser.parse_args()
    docs = documents()
    saved = lists(docs)
    if args.out:
        args.out.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.save_only:
        return 0
    if args.lists:
        for key, names in _people(saved).items():
            print(f"{key}: {'; '.join(names)}")
    print(f"{len(docs)} documents (CLIFF and every SummEdits domain; development figures)")
    if args.baseline:
        old = json.loads(args.baseline.read_text(encoding="utf-8"))
        _changes(_people(saved), _people(old))
        _report("baseline", docs, old)
    _report("now", docs, saved)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
