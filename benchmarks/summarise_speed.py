"""Speed of `summarise` on the seed articles with the embedded model.

Prints, per article and as medians: model load, prompt tokens and prefill time, generated tokens
and decode time, everything else, total; then a cached re-run and `summariser --help` as whole
processes. Targets on a 2-core machine: median <= 30 s per article, everything but the model
<= 1 s, cached re-run <= 2 s with no model call, --help <= 0.5 s.

    python benchmarks/summarise_speed.py [--seeds seeds] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summariser.config import Settings  # noqa: E402
from summariser.pipeline.summary import summarise  # noqa: E402

COLUMNS = ("load", "prompt_tok", "prefill", "gen_tok", "decode", "other", "total")


def measure(path: Path, settings: Settings) -> dict[str, float]:
    start = time.perf_counter()
    result = summarise(str(path), settings)
    total = time.perf_counter() - start
    u = result.usage
    return {"load": u.load_seconds, "prompt_tok": u.prompt_tokens, "prefill": u.prefill_seconds,
            "gen_tok": u.completion_tokens, "decode": u.model_seconds - u.prefill_seconds,
            "other": total - u.model_seconds - u.load_seconds, "total": total,
            "calls": u.calls}


def timed_process(args: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summariser", *args], env=env, cwd=ROOT,
                       capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    cache = Path(tempfile.mkdtemp(prefix="summariser-bench-"))
    models = Settings().cache_dir / "models"
    (cache / "models").symlink_to(models)  # the assembled model, not a fresh one
    settings = Settings.from_env(cache_dir=cache)
    rows = {}
    print(f"{'article':28}" + "".join(f"{c:>11}" for c in COLUMNS) + "  calls")
    for path in seeds:
        rows[path.name] = row = measure(path, settings)
        print(f"{path.name:28}" + "".join(f"{row[c]:>11.2f}" for c in COLUMNS)
              + f"  {row['calls']:.0f}")
    medians = {c: statistics.median(r[c] for r in rows.values()) for c in COLUMNS}
    print(f"{'median':28}" + "".join(f"{medians[c]:>11.2f}" for c in COLUMNS))
    env = {**os.environ, "SUMMARISER_CACHE_DIR": str(cache)}
    cached = timed_process(["summarise", str(seeds[-1]), "--format", "json"], env, args.repeat)
    helptime = timed_process(["--help"], env, args.repeat)
    print(f"cached re-run (whole process): {cached:.2f} s   summariser --help: {helptime:.2f} s")
    print(json.dumps({"per_article": rows, "median": medians, "cached_rerun": cached,
                      "help": helptime}))


if __name__ == "__main__":
    main()
