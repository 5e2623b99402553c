"""`check --judge` on human-labelled summaries (development figures): the checker alone, the
judge model alone, and both as `check --judge` runs them (a summary fails when either fails it),
with the judge's model calls and generated tokens. Sets: SummEdits news, per half of the dev
file (documents 0-4, rules tuned on them; 5-9 held back), the CLIFF val cut (a correct
summary is a consistent one), or the seed labelled sets (evals/labelled).

    python benchmarks/judge_external.py [--set news|cliff|seeds] [--docs 0-9] [--limit N]
        [--prompt judge] [--cache PATH] [--cached-only]

The judge runs through the same backends as `summariser check --judge` (the embedded model
unless SUMMARISER_MODEL / OPENAI_BASE_URL say otherwise). Verdicts are kept in a JSON-lines
file (--cache, default ~/.cache/summariser/judge-external.jsonl) keyed by the claim, its
evidence and the model, so an interrupted run resumes where it stopped."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
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
from summariser.validation.models import ClaimCheck  # noqa: E402


@dataclass
class Judged:
    set: str
    consistent: bool
    rules: bool  # the checker alone fails it
    judge: bool  # the judge says some claim is contradicted
    unsure: bool  # the judge says some claim has not enough information


class VerdictCache:
    """Verdicts by (model, prompt, claim, evidence): one JSON object a line, appended as they
    come."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only  # verdicts not in the file are not asked for
        self.seen: dict[str, dict[str, Any]] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                self.seen[item["key"]] = item
        path.parent.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key(model: str, prompt: str, claim: ClaimCheck) -> str:
        """`prompt`: the prompt file's hash, so a changed prompt is asked again."""
        raw = json.dumps([model, prompt, claim.text, [s.text for s in claim.evidence]])
        return hashlib.sha256(raw.encode()).hexdigest()[:24]

    def add(self, item: dict[str, Any]) -> None:
        self.seen[str(item["key"])] = item
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(item) + "\n")


class Counted:
    """A backend whose generations are kept, to count the judge's calls and tokens."""

    def __init__(self, llm: LLM) -> None:
        self.llm, self.backend, self.name = llm, llm.backend, llm.name
        self.generations: list[Generation] = []

    def params(self) -> dict[str, Any]:
        return self.llm.params()

    def generate(self, messages: list[Message], schema: type[BaseModel],
                 max_tokens: int) -> Generation:
        gen = self.llm.generate(messages, schema, max_tokens)
        self.generations.append(gen)
        return gen


def _verdict(claim: ClaimCheck, llm: LLM, cache: VerdictCache, tally: dict[str, float],
             prompt: str) -> str | None:
    from summariser.pipeline.judge import judge_claim
    from summariser.prompting.templates import load_prompt

    key = cache.key(llm.name, load_prompt(prompt).hash, claim)
    if key not in cache.seen and cache.read_only:
        return None
    if key not in cache.seen:
        counted, started = Counted(llm), time.perf_counter()
        verdict = judge_claim(claim, counted, prompt)
        cache.add({"key": key, "verdict": verdict, "calls": len(counted.generations),
                   "tokens": sum(g.completion_tokens for g in counted.generations),
                   "seconds": round(time.perf_counter() - started, 2)})
    item = cache.seen[key]
    for name in ("calls", "tokens", "seconds"):
        tally[name] += float(item[name])
    tally["claims"] += 1
    return str(item["verdict"])


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
    else:
        out = [("news-dev" if n in ext.NEWS_DEV_DOCS else "news-held", g.doc, row)
               for n, g in enumerate(ext.summedits("news_dev")) if n in docs for row in g.rows]
    return out[:limit] if limit else out


def _judge_all(rows: list[Item], llm: LLM, cache: VerdictCache,
               prompt: str) -> tuple[list[Judged], dict[str, float]]:
    from summariser.articles.build import article_from_text
    from summariser.articles.load import load_article
    from summariser.validation import check

    tally = {"claims": 0.0, "calls": 0.0, "tokens": 0.0, "seconds": 0.0}
    articles: dict[str | Path, Article] = {}
    out = []
    for name, doc, row in rows:
        if doc not in articles:
            articles[doc] = load_article(doc) if isinstance(doc, Path) else article_from_text(doc)
        article = articles[doc]
        report = check(article, row.summary)
        verdicts = [_verdict(c, llm, cache, tally, prompt) for c in report.claims]
        if None in verdicts:
            continue  # --cached-only: a claim of this row has no verdict yet
        out.append(Judged(name, row.consistent, not report.ok, "contradicted" in verdicts,
                          "not enough information" in verdicts))
    return out, tally


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
            "check --judge": r.rules or r.judge or r.unsure}[flag]


def main() -> None:
    from summariser.config import Settings
    from summariser.llm import get_llm

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--set", choices=["news", "cliff", "seeds"], default="news",
                   help="SummEdits news (dev file), the CLIFF val cut (correct = consistent) "
                        "or the seed labelled sets (evals/labelled)")
    p.add_argument("--docs", default="0-9", help="news documents, e.g. 0-4 or 5-9")
    p.add_argument("--limit", type=int, help="only the first N rows (a quick look)")
    p.add_argument("--cache", type=Path,
                   default=Path.home() / ".cache" / "summariser" / "judge-external.jsonl")
    p.add_argument("--prompt", default="judge", help="the judge prompt: a name or a .md path")
    p.add_argument("--cached-only", action="store_true",
                   help="no model call: score the rows whose claims all have a verdict")
    args = p.parse_args()
    first, _, last = args.docs.partition("-")
    rows = _rows(args.set, range(int(first), int(last or first) + 1), args.limit)
    results, tally = _judge_all(rows, get_llm(Settings.from_env()),
                                VerdictCache(args.cache, args.cached_only), args.prompt)
    for half in ("news-dev", "news-held", "cliff", "seeds-hand", "seeds-smollm2"):
        part = [r for r in results if r.set == half]
        for flag in FLAGS:
            if part:
                print(_line(half, part, flag))
    claims = max(tally["claims"], 1)
    print(f"{len(results)} summaries, {int(tally['claims'])} claims judged: "
          f"{tally['calls'] / claims:.2f} calls and {tally['tokens'] / claims:.1f} generated "
          f"tokens a claim, {tally['seconds'] / claims:.1f} s a claim (this machine)")


if __name__ == "__main__":
    main()
