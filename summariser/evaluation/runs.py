"""A run file: everything needed to tell what was measured and to compare two runs (the model,
prompt names/versions/hashes, the gold set's hash, the code's git commit, the parameters, and
every score), saved as JSON."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from summariser.errors import InputError
from summariser.evaluation.news import NewsRun
from summariser.evaluation.scores import Scores
from summariser.pipeline.schema import ModelInfo
from summariser.prompting.templates import PromptInfo

RUN_FORMAT = 1
MODEL_SYSTEM = "model"


class SystemRun(BaseModel):
    articles: dict[str, Scores]
    overall: Scores


class GoldInfo(BaseModel):
    directory: str
    hash: str
    articles: list[str]


class Run(BaseModel):
    format: int = RUN_FORMAT
    created: str = Field(default_factory=lambda: datetime.now(timezone.utc).isoformat(
        timespec="seconds"))
    code_version: str = "unknown"
    gold: GoldInfo
    model: ModelInfo | None = None
    prompts: list[PromptInfo] = Field(default_factory=list)
    parameters: dict[str, Any] = Field(default_factory=dict)
    systems: dict[str, SystemRun] = Field(
        default_factory=dict, description="'model' and the baselines 'lead-3', 'extractive'")
    labelled: dict[str, Any] | None = Field(
        default=None, description="the checker on the labelled sentences (catch/false-alarm)")
    news: NewsRun | None = Field(
        default=None, description="the second set: news the pipeline was not written for")
    notes: list[str] = Field(default_factory=list)


def code_version() -> str:
    """The git commit of the code, or 'unknown' outside a checkout."""
    root = Path(__file__).resolve().parent.parent.parent
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = out.stdout.strip()
    return commit if out.returncode == 0 and re.fullmatch(r"[0-9a-f]{40}", commit) else "unknown"


def default_out(gold_dir: str | Path, model_name: str) -> Path:
    """evals/runs/<model>-<UTC time>.json beside the gold set: runs never overwrite each other,
    and the file name says what ran."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model_name).strip("-.") or "model"
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    runs = Path(gold_dir).resolve().parent / "runs"
    target, n = runs / f"{slug}-{stamp}.json", 1
    while target.exists():  # two runs in the same second must not overwrite each other
        n += 1
        target = runs / f"{slug}-{stamp}-{n}.json"
    return target


def save_run(run: Run, path: str | Path) -> Path:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(run.model_dump_json(indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the run file ({exc.strerror or exc})", str(target)) from exc
    return target


def load_run(path: str | Path) -> Run:
    source = Path(path)
    if not source.is_file():
        raise InputError("no such run file", str(source))
    try:
        return Run.model_validate_json(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the run file ({exc})", str(source)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise InputError(f"not a run file of `summariser eval` ({where}: {first['msg']})",
                         str(source)) from exc
