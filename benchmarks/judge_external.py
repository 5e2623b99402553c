"""`check --judge` on human-labelled summaries (development figures): the checker alone, the
judge model alone, and both as `check --judge` runs them (a summary fails when either fails it),
with the judge's model calls and generated tokens. Sets: SummEdits news, per half of the dev
file (documents 0-4, rules tuned on them; 5-9 held back), the CLIFF val cut (a correct
summary is a consistent one), the seed labelled sets (evals/labelled), or another SummEdits
domain (its first --limit rows).

    python benchmarks/judge_external.py [--set news|cliff|seeds|DOMAIN] [--docs 0-9] [--limit N]
        [--prompt judge] [--every-claim] [--cache PATH] [--cached-only]

The judge is `check --judge`'s own (pipeline/judge.py): asked about the claims with a finding
the checker only reports, or with --every-claim about every claim (as before), through the
same backends (the embedded model unless SUMMARISER_MODEL / OPENAI_BASE_URL say otherwise).
Its replies are kept in a JSON-lines file (--cache, default
~/.cache/summariser/judge-external.jsonl) keyed by the request, so an interrupted run resumes
where it stopped and a changed prompt is asked again."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402

from summariser.articles.models import Article  # noqa: E402
from summariser.llm.base import LLM, Generation, Message  # noqa: E402


@dataclass
class Judged:
    set: str
    consistent: bool
    rules: bool  # the checker alone fails it
    judge: bool  # the judge says some claim is contradicted
    unsure: bool  # the judge says some claim has not enough information
    judged: bool  # `check --judge` fails it (pipeline/judge.py's judge_report)


class NotKept(Exception):
    """--cached-only: the reply to this request is not in the file."""


class KeptReplies:
    """A backend whose replies are kept by request (model, messages, schema, budget), one JSON
    object a line: an interrupted run resumes, a changed prompt is asked again. Counts the
    calls, generated tokens and seconds of every reply it gives, kept or new."""

    def __init__(self, llm: LLM, path: Path, read_only: bool = False) -> None:
        self.llm, self.backend, self.name = llm, llm.backend, llm.name
        self.path, self.read_only = path, read_only
        self.tally = {"calls": 0.0, "tokens": 0.0, "seconds": 0.0}
        self.seen: dict[str, dict[str, Any]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                self.seen[item["key"]] = item["generation"]
        path.parent.mkdir(parents=True, exist_ok=True)

    def params(self) -> dict[str, Any]:
        return self.llm.params()

    def generate(self, messages: list[Message], schema: type[BaseModel],
                 max_tokens: int) -> Generation:
        raw = json.dumps([self.name, [m.model_dump() for m in messages], schema.__name__,
                          max_tokens])
        key = hashlib.sha256(raw.encode()).hexdigest()[:24]
        if key not in self.seen:
            if self.read_only:
                raise NotKept(key)
            self.seen[key] = self.llm.generate(messages, schema, max_tokens).model_dump()
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"key": key, "generation": self.seen[key]}) + "\n")
        gen = Generation(**self.seen[key])
        for name, value in (("calls", 1), ("tokens", gen.completion_tokens),
                            ("seconds", gen.seconds)):
            self.tally[name] += value
        return gen


# the set's name, the source (article text, or a seed's path), the labelled summary
Item = tuple[str, str | Path, ext.Row]


def _rows(name: str, docs: range, limit: int | None) -> list[Item]:
    out: list[Item]
    if name == "seeds":
        from summariser.evaluation.labelled import default_cases

        out = [(f"seeds-{c.group}", ROOT / "seeds" / f"{c.article}.txt",
                ext.Row(0, c.summary, c.label != "corrupted"))
               for c in default_cases(ROOT / "evals" / "labelled")]
    elif name == "cliff":
        out = [("cliff", r.doc, ext.Row(0, r.summary, r.correct)) for r in ext.cliff()]
    elif name != "news":  # another SummEdits domain, every document
        out = [(name, g.doc, row) for g in ext.summedits(name) for row in g.rows]
    else:
        out = [("news-dev" if n in ext.NEWS_DEV_DOCS else "news-held", g.doc, row)
               for n, g in enumerate(ext.summedits("news_dev")) if n in docs for row in g.rows]
    return out[:limit] if limit else out


def _judge_all(rows: list[Item], llm: KeptReplies, prompt: str,
               every_claim: bool = False) -> tuple[list[Judged], int]:
    """Each row checked, then judged as `check --judge` does; rows with a reply not kept are
    left out under --cached-only. Returns the rows and the number of claims judged."""
    from summariser.articles.build import article_from_text
    from summariser.articles.load import load_article
    from summariser.pipeline.judge import judge_report
    from summariser.validation import check

    articles: dict[str | Path, Article] = {}
    out, claims = [], 0
    for name, doc, row in rows:
        if doc not in articles:
            articles[doc] = load_article(doc) if isinstance(doc, Path) else article_from_text(doc)
        report = check(articles[doc], row.summary)
        rules = not report.ok
        try:
            judge_report(report, llm, prompt, every_claim)
        except NotKept:
            continue
        claims += sum(c.judge is not None for c in report.claims)
        verdicts = {c.judge for c in report.claims}
        out.append(Judged(name, row.consistent, rules, "contradicted" in verdicts,
                          "not enough information" in verdicts, not report.ok))
    return out, claims


def _line(name: str, rows: list[Judged], flag: str) -> str:
    bad = [r for r in rows if not r.consistent]
    good = [r for r in rows if r.consistent]
    caught = sum(_flagged(r, flag) for r in bad)
    alarms = sum(_flagged(r, flag) for r in good)
    rate = ext.balanced_accuracy(caught, len(bad), alarms, len(good))
    return (f"{name:10} {flag:20} caught {caught:3}/{len(bad):<3} false alarms "
            f"{alarms:3}/{len(good):<3} balanced {100 * rate:5.1f}%")


# what fails a summary: the checker; the judge saying 'contradicted'; the judge saying anything
# but 'supported'; `check --judge` (the checker, or the judge saying anything but 'supported')
FLAGS = ("checker", "judge contradicted", "judge not supported", "check --judge")


def _flagged(r: Judged, flag: str) -> bool:
    return {"checker": r.rules, "judge contradicted": r.judge,
            "judge not supported": r.judge or r.unsure,
            "check --judge": r.judged}[flag]


def main() -> None:
    from summariser.config import Settings
    from summariser.llm import get_llm

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    others = [d for d in ext.summedits_domains() if d != "news_dev"]
    p.add_argument("--set", choices=["news", "cliff", "seeds", *others], default="news",
                   help="SummEdits news (dev file), the CLIFF val cut (correct = consistent), "
                        "the seed labelled sets (evals/labelled) or another SummEdits domain")
    p.add_argument("--docs", default="0-9", help="news documents, e.g. 0-4 or 5-9")
    p.add_argument("--limit", type=int, help="only the first N rows (a quick look)")
    p.add_argument("--cache", type=Path,
                   default=Path.home() / ".cache" / "summariser" / "judge-external.jsonl")
    p.add_argument("--prompt", default="judge", help="the judge prompt: a name or a .md path")
    p.add_argument("--every-claim", action="store_true",
                   help="judge every claim, not only those with a finding the checker reports "
                        "without failing")
    p.add_argument("--cached-only", action="store_true",
                   help="no model call: score the rows whose judge replies are all kept")
    args = p.parse_args()
    first, _, last = args.docs.partition("-")
    rows = _rows(args.set, range(int(first), int(last or first) + 1), args.limit)
    llm = KeptReplies(get_llm(Settings.from_env()), args.cache, args.cached_only)
    results, judged = _judge_all(rows, llm, args.prompt, args.every_claim)
    for half in dict.fromkeys(r.set for r in results):
        part = [r for r in results if r.set == half]
        for flag in FLAGS:
            if part:
                print(_line(half, part, flag))
    tally, summaries = llm.tally, max(len(results), 1)
    print(f"{len(results)} summaries, {judged} claims judged: {tally['calls'] / summaries:.2f} "
          f"calls and {tally['tokens'] / summaries:.1f} generated tokens a summary, "
          f"{tally['seconds'] / max(tally['calls'], 1):.1f} s a call (this machine)")


if __name__ == "__main__":
    main()
