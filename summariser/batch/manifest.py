"""manifest.json: what a batch ran with (model, prompts, package versions), what it cost and what
became of each article."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from summariser.batch.models import BatchRun, Outcome
from summariser.errors import ConfigError
from summariser.redaction import json_dumps


def manifest_text(run: BatchRun) -> str:
    from summariser import __version__

    counts = run.count()
    ok = [o.result for o in run.outcomes if o.result is not None and not o.kept]
    manifest = {
        "tool": f"summariser {__version__}",
        "status": "interrupted" if run.interrupted else "complete",
        "started": run.started.isoformat(timespec="seconds"),
        "finished": run.finished.isoformat(timespec="seconds") if run.finished else None,
        "seconds": round((run.finished or run.started).timestamp() - run.started.timestamp(), 3),
        "model": run.model.model_dump(mode="json"),
        "prompt": run.prompt.model_dump(mode="json"),
        "prompts": _prompts_used(run),
        "versions": package_versions(),
        "concurrency": run.workers,
        "counts": counts,
        "prompt_tokens": sum(r.usage.prompt_tokens for r in ok),
        "completion_tokens": sum(r.usage.completion_tokens for r in ok),
        "failures": [{"path": o.path, "reason": o.error} for o in run.outcomes if o.error],
        "articles": [_manifest_entry(o) for o in run.outcomes],
    }
    return json_dumps(manifest, indent=2) + "\n"


def _manifest_entry(o: Outcome) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": o.path, "status": "failed" if o.result is None else
                             ("flagged" if o.flagged else "ok"), "seconds": o.seconds}
    if o.kept:
        entry["from_earlier_run"] = True
    if o.result is None:
        return {**entry, "reason": o.error}
    u = o.result.usage
    return {**entry, "sha256": o.result.source.sha256, "calls": u.calls,
            "prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens,
            "model_seconds": u.seconds, "cached": u.cached, "resumed": o.resumed}


def _prompts_used(run: BatchRun) -> list[dict[str, str]]:
    """The main prompt and the merge prompt used for articles longer than the context."""
    from summariser.prompting.templates import load_prompt

    used = [run.prompt.model_dump(mode="json")]
    with suppress(ConfigError):
        used.append(load_prompt("merge").info.model_dump(mode="json"))
    return used


def package_versions() -> dict[str, str]:
    from importlib import metadata

    names = ("summariser", "pydantic", "openai", "langchain-core", "llama-cpp-python")
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions
