"""How fast `summariser check` is: in-process time of check() on seed 004 against a ~100-word
summary (median of many runs; target <= 20 ms), and the time of the whole command, process
start included (`python -m summariser check ...`; target <= 0.5 s). Each is given as CPU time
(time.process_time; for the command, the child's user + system time), which a busy shared
machine disturbs far less than the wall time printed beside it; and the first-use cost of the
lexical resources (word list, WordNet table, country table) in a new process.

    python benchmarks/check_speed.py [--runs 200] [--process-runs 9]

'warm' reuses the article's cached figure and name indexes (as when a summary is re-checked);
'cold' clears them before each run (a new article: parsing its figures and names included).
The command is timed twice: with compiled modules cached, as an installed package has them,
and without (as under PYTHONDONTWRITEBYTECODE=1, where every module is compiled at each start).
Runs against the layout before issue 13 too (benchmarks/before_after.sh)."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "004_ca5b7a342c02b2f4.txt"
SUMMARY = (
    "Iran Seeks Closer Ties with Kazakhstan\n"
    "Iranian Foreign Minister Mohammad Javad Zarif met his Kazakh counterpart Mukhtar "
    "Tleuberdi in Nur-Sultan, where the two signed a memorandum of understanding on April 7, "
    "2021. Trade between Kazakhstan and Iran fell by 37.2 percent in 2020 to $237m, Tleuberdi "
    "said. Zarif said “our cooperation within the framework of the Eurasian Economic Union is "
    "of high significance” and backed Kazakhstan's access to the Bandar Abbas port. Iran's "
    "trade with the EEU was nearly $2 billion between March 2020 and February 2021, down 9.4%, "
    "and Iran exported 2.4 million tons of goods worth $933 million to EEU countries. Kish Air "
    "now flies from Gorgan to Aktau once a month."
)


def _clear_caches() -> None:
    from summariser.validation import figures, name_index, quotes

    figures._CACHE.clear()
    name_index._CACHE.clear()
    quotes._CACHE.clear()


def _load_article(path: Path) -> Any:
    try:
        from summariser.articles.load import load_article
    except ImportError:  # the layout before issue 13 (benchmarks/before_after.sh runs it too)
        from summariser.articles import load_article  # type: ignore[attr-defined,no-redef]
    return load_article(path)


def in_process(runs: int, cold: bool) -> list[float]:
    from summariser.validation import check

    article = _load_article(SEED)
    check(article, SUMMARY)  # imports and the word list load once per process
    times = []
    for _ in range(runs):
        if cold:
            _clear_caches()
        started = time.process_time()
        check(article, SUMMARY)
        times.append(time.process_time() - started)
    return times


def process(runs: int, bytecode: bool) -> tuple[list[float], list[float]]:
    """(wall, CPU) seconds of each run of the command. With `bytecode`, compiled modules are
    cached (in a temporary folder) as an installed package has them, after one run that writes
    them; without, every module is compiled from source at each start, as with
    PYTHONDONTWRITEBYTECODE=1 in the environment."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(SUMMARY)
    command = [sys.executable, "-m", "summariser", "check", str(SEED), f.name, "--format", "json"]
    wall, cpu = [], []
    with tempfile.TemporaryDirectory(prefix="check-speed-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        env.update({"PYTHONPYCACHEPREFIX": pyc} if bytecode else {"PYTHONDONTWRITEBYTECODE": "1"})
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True)
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True)
            wall.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode not in (0, 1):
                sys.exit(done.stderr.decode())
    Path(f.name).unlink()
    return wall, cpu


def first_use() -> str:
    """What each lexical resource costs the first time a process needs it (a new process);
    a resource the checked-out code does not have is left out."""
    code = ("import importlib, time\n"
            "for name, module, load in (('word list (web2)', 'wordlist', 'dictionary'),\n"
            "                           ('word list (english-words)', 'words', '_dictionary'),\n"
            "                           ('WordNet table', 'lexicon', '_table'),\n"
            "                           ('countries', 'countries', 'table')):\n"
            "    try:\n"
            "        m = importlib.import_module('summariser.validation.' + module)\n"
            "        f = getattr(m, load)\n"
            "    except (ImportError, AttributeError):\n"
            "        continue\n"
            "    t = time.process_time(); f()\n"
            "    print(f'{name} {(time.process_time() - t) * 1000:.0f} ms', end='; ')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip().rstrip(";") or done.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--process-runs", type=int, default=9)
    args = parser.parse_args()
    words = len(SUMMARY.split())
    for label, cold in (("warm", False), ("cold", True)):
        times = in_process(args.runs if not cold else max(args.runs // 4, 5), cold)
        print(f"check() in process, {label}: median {statistics.median(times) * 1000:.1f} ms "
              f"CPU, p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.1f} ms "
              f"({len(times)} runs, {words}-word summary, seed 004; target <= 20 ms)")
    for bytecode, how in ((True, "bytecode cached, as installed"),
                          (False, "no bytecode cache: every module compiled at start")):
        wall, cpu = process(args.process_runs, bytecode)
        print(f"`python -m summariser check` ({how}): median {statistics.median(cpu):.3f} s "
              f"CPU, {statistics.median(wall):.3f} s wall (min {min(wall):.3f} s; {len(wall)} "
              "runs, process start included; target <= 0.5 s)")
    print(f"lexical resources at first use (CPU): {first_use()}")


if __name__ == "__main__":
    main()
