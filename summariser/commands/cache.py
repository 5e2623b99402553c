"""`summariser cache [clear]`: where the caches are, how big, and clearing the cached replies
without touching the assembled model."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

_NAMES = {"replies": "model replies", "judge": "eval judge verdicts",
          "results": "whole results of older versions (stale)"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "cache", help="show the caches' sizes, or clear the cached replies",
        description="Show where the reply cache (SUMMARISER_CACHE_DIR) and the assembled "
                    "embedded model (SUMMARISER_MODEL_DIR) are and their sizes. `clear` "
                    "removes the cached model replies and judge verdicts; the model stays.")
    p.add_argument("action", nargs="?", choices=["show", "clear"], default="show")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from summariser.config import default_cache_dir, default_model_dir
    from summariser.pipeline.cache import KINDS

    cache_dir, model_dir = default_cache_dir(), default_model_dir()
    if args.action == "clear":
        freed = sum(_clear(cache_dir / kind) for kind in KINDS)
        print(f"cleared {human(freed)} of cached replies in {cache_dir}; "
              f"the model in {model_dir} was not touched")
        return 0
    print(f"reply cache: {cache_dir} (SUMMARISER_CACHE_DIR)")
    for kind in KINDS:
        if (cache_dir / kind).exists():
            print(f"  {kind:<8} {human(size(cache_dir / kind)):>9}  {_NAMES[kind]}")
    print(f"models: {model_dir} (SUMMARISER_MODEL_DIR), {human(size(model_dir))}; "
          "`summariser cache clear` leaves it")
    legacy = cache_dir / "models"
    if legacy.exists():
        print(f"  an older version's model place, {legacy}: {human(size(legacy))} (moved to "
              "the models directory on the next embedded run)")
    return 0


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


def human(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # pragma: no cover - the loop always returns


def _clear(path: Path) -> int:
    """Through diskcache where the directory is one (other processes may have it open: their
    next read sees it empty), removed otherwise (an older version's results)."""
    freed = size(path)
    if (path / "cache.db").is_file():
        import diskcache

        with diskcache.Cache(str(path)) as cache:
            cache.clear()
        return max(0, freed - size(path))
    shutil.rmtree(path, ignore_errors=True)
    return freed
