"""How `summariser batch` scales with --concurrency, against a local fake endpoint.

Generates synthetic articles into a temporary directory, starts benchmarks/fake_openai_server.py
(127.0.0.1 only; synthetic replies after a fixed delay, 50 ms by default) and runs
`summariser batch --no-cache` at each concurrency level, printing articles per second (target:
at 16, at least 10x the rate at 1). Then it times a second, fully cached run of the seeds
(target: at most 3 s): by default the first run also uses the fake server, with --embedded the
first run uses the real embedded model (slow: minutes per article on a CPU).

    python benchmarks/batch_scale.py                    # 200 articles, concurrency 1, 4, 16
    python benchmarks/batch_scale.py --articles 50 --levels 1,8
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 1800  # seconds for one batch run, so a stuck run cannot hang the benchmark

TOWNS = ["Alder", "Brookfield", "Carrow", "Dunmere", "Eastwick", "Fenby", "Garth", "Holloway"]
PEOPLE = ["Mara Quinn", "Tomas Reyes", "Ines Holt", "Oskar Lind", "Priya Nair", "Jon Feld"]
THINGS = ["bridge", "library", "tram line", "water plant", "school", "sports hall"]
SENTENCES = [
    "The council of {town} met on Monday to discuss the new {thing}.",
    "Officials said the {thing} would cost {money} million dollars.",
    "About {people} people attended the meeting at the town hall.",
    "{person}, the mayor of {town}, said work would start in {month}.",
    "The project is expected to create {jobs} jobs over {years} years.",
    "Critics argued that the money should go to schools and roads instead.",
    "A regional bank agreed to lend {share} percent of the cost.",
    "Residents will be able to comment on the plans until the end of {month}.",
    "The last comparable project in {town} was finished in {year}.",
    "A final vote on the {thing} is planned for next month.",
]
MONTHS = ["March", "April", "May", "June", "September", "October"]


def article_text(number: int) -> str:
    rng = random.Random(number)
    values = {"town": rng.choice(TOWNS), "thing": rng.choice(THINGS),
              "person": rng.choice(PEOPLE), "month": rng.choice(MONTHS),
              "money": rng.randint(2, 90), "people": rng.randint(3, 60) * 10,
              "jobs": rng.randint(20, 400), "years": rng.randint(2, 9),
              "share": rng.randint(10, 60), "year": rng.randint(1995, 2019)}
    body = [s.format(**values) for s in SENTENCES[:rng.randint(7, len(SENTENCES))]]
    title = f"{values['town']} plans a new {values['thing']}"
    return title + "\n\n" + " ".join(body) + "\n"


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"article_{number:04d}.txt").write_text(article_text(number), encoding="utf-8")


def fake_server_module() -> Any:
    # Loaded by path: an unrelated PyPI package named `benchmarks` may shadow this folder.
    spec = importlib.util.spec_from_file_location("_fake_openai_server",
                                                  ROOT / "benchmarks" / "fake_openai_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_batch(paths: list[Path], out: Path, cache: Path, extra: list[str]) -> dict[str, Any]:
    """One `summariser batch` in a subprocess; its wall time and manifest."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SUMMARISER_CACHE_DIR": str(cache)}
    env.pop("OPENAI_API_KEY", None)
    command = [sys.executable, "-m", "summariser", "batch", *map(str, paths), "--out", str(out),
               *extra]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text())
    return {"wall": wall, "manifest": manifest}


def scale(tmp: Path, url: str, count: int, levels: list[int]) -> None:
    folder = tmp / "articles"
    write_articles(folder, count)
    print(f"{count} synthetic articles, fake endpoint {url}")
    print(f"{'concurrency':>11} {'wall s':>8} {'batch s':>8} {'articles/s':>11} {'speed-up':>9}"
          f" {'failed':>7}")
    base = None
    for level in levels:
        remote = ["--model", "fake-bench", "--base-url", url, "--no-cache"]
        got = run_batch([folder], tmp / f"out-{level}", tmp / f"cache-{level}",
                        [*remote, "--concurrency", str(level)])
        seconds = got["manifest"]["seconds"]
        rate = count / seconds
        base = base or rate
        print(f"{level:>11} {got['wall']:>8.2f} {seconds:>8.2f} {rate:>11.1f} "
              f"{rate / base:>8.1f}x {got['manifest']['counts']['failed']:>7}")
    print("(batch s: from the manifest, start to end of the batch, which starts once the model "
          "client is built and any worker processes are up; wall s adds Python start-up and "
          "that set-up)")


def cached_seeds(tmp: Path, url: str, embedded: bool) -> None:
    seeds = ROOT / "seeds"
    cache = tmp / "cache-seeds"
    model = [] if embedded else ["--model", "fake-bench", "--base-url", url]
    first = run_batch([seeds], tmp / "seeds-1", cache, model)
    second = run_batch([seeds], tmp / "seeds-2", cache, model)
    resumed = run_batch([seeds], tmp / "seeds-2", cache, model)
    hits = second["manifest"]["counts"]["cache_hits"]
    source = "the embedded model" if embedded else "the fake endpoint (not the real model)"
    print(f"\nseeds, first run on {source}: {first['wall']:.2f} s")
    print(f"seeds, second run, new --out, all from the result cache ({hits} hits): "
          f"{second['wall']:.2f} s wall (target <= 3 s)")
    print(f"seeds, same --out again, all skipped from results.jsonl: {resumed['wall']:.2f} s wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--levels", default="1,4,16", help="comma-separated concurrency levels")
    parser.add_argument("--delay", type=float, default=0.05, help="fake endpoint reply delay (s)")
    parser.add_argument("--embedded", action="store_true",
                        help="first seeds run on the real embedded model (slow)")
    parser.add_argument("--skip-seeds", action="store_true")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    budget = args.articles * len(levels) * 3 + 200  # at most 3 calls an article, then refuse
    server = fake_server_module().FakeServer(delay=args.delay, max_requests=budget,
                                             max_seconds=TIMEOUT * (len(levels) + 3))
    with server, tempfile.TemporaryDirectory(prefix="batch-scale-") as tmp:
        scale(Path(tmp), server.url, args.articles, levels)
        if not args.skip_seeds:
            cached_seeds(Path(tmp), server.url, args.embedded)
        print(f"\nrequests to the fake endpoint: {server.stats()['requests']}")


if __name__ == "__main__":
    main()
