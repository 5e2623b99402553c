"""The checker on human-labelled summaries written by others (development figures) and on the
seed labelled sets: for each set, caught / false alarms / balanced accuracy, and the catch rate per
kind of edit.

    python benchmarks/checker_external.py [--sets news,cliff,seeds,domains] [--workers 2]
        [--show alarms|misses --set news-dev] [--json PATH]   (held-back rows never shown)

Sets (from ../shared/external beside the repository; see external_sets.py):
- news-dev / news-held: SummEdits news documents 0-4 (rules tuned on them) / 5-9 (held back).
- one line per other SummEdits domain (ectsum, podcast, ...): tuned on.
- cliff-figures: CLIFF val summaries containing a digit; caught = an error whose annotated span
  holds a digit has a flagged figure inside that span; false alarm = a correct summary has a
  flagged figure. cliff-any: every correct CLIFF summary, false alarm = `ok` is False.
- seeds-hand / seeds-smollm2: evals/labelled/*.jsonl against seeds/.
A summary is flagged when `check(...)` returns ok=False."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import external_sets as ext  # noqa: E402


@dataclass
class Outcome:
    """One labelled summary and what the checker said."""

    set: str
    summary: str
    should_flag: bool
    flagged: bool
    kinds: list[str]  # edit types, or the corruption kind
    problems: list[str] = field(default_factory=list)
    figure_hit: bool = False  # CLIFF: a flagged figure inside an annotated span
    figure_flag: bool = False  # CLIFF: any figure flagged
    findings: list[list[object]] = field(default_factory=list)  # [claim, kind, in_article, word]


def _findings(report: object) -> list[list[object]]:
    return [[n, f.kind, f.in_article, f.words[0] if f.words else ""]
            for n, c in enumerate(report.claims)  # type: ignore[attr-defined]
            for f in c.findings]


def _no_meaning_verdicts() -> None:
    """--findings-only: meaning findings are reported but fail nothing, so a policy over them
    can be scored afterwards from --json (benchmarks/meaning_policy.py)."""
    from summariser.validation import meaning

    meaning.CONTRADICTING = meaning.UNSUPPORTED = frozenset()


def _problem_kinds(report: object) -> list[str]:
    return report.problems()  # type: ignore[attr-defined, no-any-return]


def _run_doc(job: tuple[str, str, list[tuple[str, bool, list[str]]]]) -> list[Outcome]:
    from summariser.articles.build import article_from_text
    from summariser.validation import check

    name, doc, rows = job
    article = article_from_text(doc)
    out = []
    for summary, should_flag, kinds in rows:
        report = check(article, summary)
        out.append(Outcome(name, summary, should_flag, not report.ok, kinds,
                           _problem_kinds(report), findings=_findings(report)))
    return out


def _run_cliff(job: tuple[str, list[tuple[str, bool, list[str]]]]) -> list[Outcome]:
    from summariser.articles.build import article_from_text
    from summariser.validation import check
    from summariser.validation.tokenised import untokenise

    doc, rows = job
    article = article_from_text(doc)
    out = []
    for summary, correct, spans in rows:
        report = check(article, summary)
        bad = [f for f in report.figures if f.status not in ("supported", "derived")]
        written = [untokenise(s, doc) for s in spans]  # as check() reads the summary
        hit = any(f.text in s or s in f.text for f in bad for s in written)
        digit = any(ext.has_digit(s) for s in spans)
        kinds = [] if correct else ["figure error" if digit else "other error"]
        out.append(Outcome("cliff", summary, not correct, not report.ok, kinds,
                           _problem_kinds(report),
                           figure_hit=hit, figure_flag=bool(bad), findings=_findings(report)))
    return out


def _summedits_jobs(domains: list[str]) -> list[tuple[str, str, list[tuple[str, bool, list[str]]]]]:
    jobs = []
    for domain in domains:
        for group in ext.summedits(domain):
            name = domain
            if domain == "news_dev":
                name = "news-dev" if group.rows[0].doc_id in ext.NEWS_DEV_DOCS else "news-held"
            jobs.append((name, group.doc, [(r.summary, not r.consistent, r.edit_types or
                                            ([] if r.consistent else ["(none given)"]))
                                           for r in group.rows]))
    return jobs


def _cliff_jobs() -> list[tuple[str, list[tuple[str, bool, list[str]]]]]:
    by_doc: dict[str, list[tuple[str, bool, list[str]]]] = defaultdict(list)
    for row in ext.cliff():
        by_doc[row.doc].append((row.summary, row.correct, row.spans))
    return list(by_doc.items())


def _seed_outcomes() -> list[Outcome]:
    from summariser.evaluation.labelled import default_cases
    from summariser.validation import check

    out = []
    for case in default_cases(ROOT / "evals" / "labelled"):
        report = check(ROOT / "seeds" / f"{case.article}.txt", case.summary)
        out.append(Outcome(f"seeds-{case.group}", case.summary, case.label == "corrupted",
                           not report.ok, [case.corruption or "error"]
                           if case.label == "corrupted" else [], report.problems(),
                           findings=_findings(report)))
    return out


def _line(name: str, outs: list[Outcome]) -> str:
    bad = [o for o in outs if o.should_flag]
    good = [o for o in outs if not o.should_flag]
    caught = sum(o.flagged for o in bad)
    alarms = sum(o.flagged for o in good)
    catch = caught / len(bad) if bad else float("nan")
    alarm = alarms / len(good) if good else float("nan")
    bacc = ext.balanced_accuracy(caught, len(bad), alarms, len(good))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in bad:
        for k in o.kinds:
            per[k][0] += o.flagged
            per[k][1] += 1
    kinds = ", ".join(f"{k} {c}/{t}" for k, (c, t) in sorted(per.items()))
    return (f"{name:15} caught {caught:4}/{len(bad):<4} ({catch:4.0%})  false alarms "
            f"{alarms:4}/{len(good):<4} ({alarm:4.0%})  balanced {bacc:4.1%}\n"
            f"{'':15} per edit type: {kinds}")


def _cliff_lines(outs: list[Outcome]) -> list[str]:
    correct = [o for o in outs if not o.should_flag and ext.has_digit(o.summary)]
    errors = [o for o in outs if "figure error" in o.kinds and ext.has_digit(o.summary)]
    hits = sum(o.figure_hit for o in errors)
    alarms = sum(o.figure_flag for o in correct)
    return [f"{'cliff-figures':15} caught {hits:4}/{len(errors):<4} ({hits / len(errors):4.0%})  "
            f"false alarms {alarms:4}/{len(correct):<4} ({alarms / len(correct):4.0%})  "
            "(a flagged figure in the error span / on a correct summary with a digit)",
            _line("cliff-any", outs)]


def _print_cases(outs: list[Outcome], what: str) -> None:
    for o in outs:
        if (what == "alarms" and o.flagged and not o.should_flag) or (
                what == "misses" and o.should_flag and not o.flagged):
            print(f"--- [{o.set}] {','.join(o.kinds)}: {o.summary}")
            for p in o.problems:
                print(f"      {p[:300]}")


def run(sets: set[str], workers: int, findings_only: bool = False) -> list[Outcome]:
    domains = ["news_dev"] if "news" in sets else []
    if "domains" in sets:
        domains += [d for d in ext.summedits_domains() if d != "news_dev"]
    outcomes: list[Outcome] = []
    init = _no_meaning_verdicts if findings_only else None
    if init:
        init()
    with ProcessPoolExecutor(max_workers=workers, initializer=init) as pool:
        futures = [pool.submit(_run_doc, job) for job in _summedits_jobs(domains)]
        cliff_futures = [pool.submit(_run_cliff, j) for j in _cliff_jobs()] \
            if "cliff" in sets else []
        if "seeds" in sets:
            outcomes += _seed_outcomes()
        for fut in [*futures, *cliff_futures]:
            outcomes += fut.result()
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sets", default="news,cliff,seeds,domains")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", choices=("alarms", "misses"))
    parser.add_argument("--set", help="with --show: only this set (news-dev, cliff, ...; "
                        "news-held rows are never shown)")
    parser.add_argument("--json", type=Path, help="write every outcome to this file")
    parser.add_argument("--findings-only", action="store_true",
                        help="meaning findings fail nothing (to score policies from --json)")
    args = parser.parse_args()
    started = time.perf_counter()
    outcomes = run(set(args.sets.split(",")), args.workers, args.findings_only)
    by_set: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_set[o.set].append(o)
    if args.show:  # held-back rows are counted, never shown: rules are not written from them
        _print_cases([o for o in outcomes if args.set in (None, o.set) and o.set != "news-held"],
                     args.show)
    order = sorted(by_set, key=lambda s: (not s.startswith("news"), s.startswith("seeds"), s))
    for name in order:
        if name == "cliff":
            print("\n".join(_cliff_lines(by_set[name])))
        else:
            print(_line(name, by_set[name]))
    reasons = Counter(p.split(" ")[0] for o in outcomes if o.flagged and not o.should_flag
                      for p in o.problems)
    print(f"what the false alarms were flagged for (items): {dict(reasons.most_common())}")
    print(f"{len(outcomes)} summaries in {time.perf_counter() - started:.1f} s")
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
