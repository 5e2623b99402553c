"""Many articles, N at a time, into a results directory that survives interruption.

Crash safety: results.jsonl only ever grows by whole lines (one write, flush, fsync), and every
other file is written to a temporary file and renamed over the old one, so a kill -9 leaves
either the old or the new file. A re-run skips the articles whose result is already in
results.jsonl for the same article text (sha256), prompt and model, and retries the failed ones.
A run adds and updates: when it completes, results.jsonl is rewritten with one line per article
of this run (in input order), then the results of earlier runs for articles this run was not
given, so nothing is lost; only --restart removes them. The reports cover every article in
results.jsonl and say which ones come from earlier runs."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from summariser.articles import Article
from summariser.config import Settings
from summariser.errors import ConfigError, InputError
from summariser.llm.base import LLM
from summariser.redaction import REDACTED, add_secret, json_dumps, redact
from summariser.schema import ModelInfo, PromptInfo, SummaryResult

RESULTS, MANIFEST = "results.jsonl", "manifest.json"
__all__ = ["REDACTED", "Redactor"]


@dataclass
class Outcome:
    index: int
    path: str
    result: SummaryResult | None = None
    article: Article | None = None
    error: str | None = None
    seconds: float = 0.0
    resumed: bool = False
    fatal: BaseException | None = None
    kept: bool = False  # from an earlier run, for an article this run was not given

    @property
    def flagged(self) -> bool:
        return self.result is not None and is_flagged(self.result)


@dataclass
class BatchRun:
    model: ModelInfo
    prompt: PromptInfo
    workers: int
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    finished: datetime | None = None
    interrupted: bool = False
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self) -> dict[str, int]:
        """This run's articles; `kept` counts the earlier results also in results.jsonl."""
        mine = [o for o in self.outcomes if not o.kept]
        ok = [o for o in mine if o.result is not None]
        return {"articles": len(mine), "succeeded": len(ok),
                "failed": len(mine) - len(ok),
                "flagged": sum(o.flagged for o in ok), "resumed": sum(o.resumed for o in ok),
                "cache_hits": sum(bool(o.result and o.result.usage.cached) for o in ok),
                "kept": len(self.outcomes) - len(mine)}


def is_flagged(result: SummaryResult) -> bool:
    """Something in the summary is not supported by its source, or the run warned about it."""
    report = result.validation
    return not report.ok or bool(report.problems()) or any(c.invalid_citations
                                                             for c in result.claims)


THREADS_PER_CORE = 32  # requests in flight per core; past this a core only queues them


def workers_for(llm: LLM, concurrency: int, files: int | None = None) -> int:
    """Articles at once: --concurrency, but never more than the files, nor than the machine
    can keep busy (THREADS_PER_CORE a core)."""
    # The embedded model is one llama.cpp process shared by the whole program: more threads
    # would only queue on it (and contend for the same cores), so it always runs one at a time.
    if llm.backend == "embedded":
        return 1
    return max(1, min(concurrency, max_concurrency(), files or concurrency))


def max_concurrency() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return THREADS_PER_CORE * (cores or 1)


class Redactor:
    """The one redaction (summariser.redaction), with this run's API key registered."""

    def __init__(self, settings: Settings) -> None:
        add_secret(settings.api_key)

    def __call__(self, text: str) -> str:
        return redact(text)


def atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def result_key(sha256: str, prompt: PromptInfo, model: ModelInfo) -> str:
    return json.dumps([sha256, prompt.model_dump(mode="json"), model.model_dump(mode="json")],
                      sort_keys=True)


def result_line(result: SummaryResult) -> str:
    """The same object as `summarise --format json`, on one line (a file name that is not
    valid UTF-8 is kept losslessly as \\udcNN escapes)."""
    return json_dumps(result.model_dump(mode="json")) + "\n"


def same_path(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and os.path.normpath(a) == os.path.normpath(b)


class ResultsFile:
    def __init__(self, path: Path, redact: Callable[[str], str]) -> None:
        self.path, self.redact = path, redact
        self._fh: Any = None

    def load(self) -> list[SummaryResult]:
        """Results of earlier runs. A last line cut off by a kill is removed from the file, so
        appends start on a fresh line; lines that do not parse are skipped (and dropped by the
        rewrite at the end)."""
        if not self.path.exists():
            return []
        data = self.path.read_bytes()
        whole = data[:data.rfind(b"\n") + 1]
        if len(whole) != len(data):
            os.truncate(self.path, len(whole))
        results = []
        for line in whole.decode("utf-8", errors="replace").splitlines():
            try:
                # json.loads, not pydantic's reader: it rejects the \\udcNN of odd file names
                results.append(SummaryResult.model_validate(json.loads(line)))
            except ValueError:
                continue
        return results

    def append(self, result: SummaryResult) -> None:
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        self._fh.write(self.redact(result_line(result)))
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def rewrite(self, results: list[SummaryResult]) -> None:
        atomic_write(self.path, "".join(self.redact(result_line(r)) for r in results))


@contextmanager
def directory_lock(out: Path) -> Iterator[None]:
    """One batch at a time per output directory; the lock goes away with the process, even
    on kill -9, so it never has to be cleaned up."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks, run unguarded
        yield
        return
    with open(out / ".batch.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise InputError("another `summariser batch` is writing to this directory",
                             str(out)) from exc
        yield


@dataclass
class _Context:
    run: BatchRun
    store: ResultsFile
    done: dict[str, SummaryResult]
    on_outcome: Callable[[Outcome, BatchRun], None] | None = None

    def take(self, outcome: Outcome) -> None:
        """On the main thread: record an outcome as soon as it is ready."""
        if outcome.resumed and outcome.result is None and outcome.article is not None:
            earlier = self.done[result_key(outcome.article.sha256, self.run.prompt,
                                           self.run.model)]
            outcome.result = earlier.model_copy(deep=True)
            outcome.result.source.path = outcome.article.path
        if outcome.result is not None and not outcome.resumed:
            self.store.append(outcome.result)
        self.run.outcomes.append(outcome)
        if outcome.fatal is not None:
            raise outcome.fatal
        if self.on_outcome is not None:
            self.on_outcome(outcome, self.run)


def run_batch(
    files: list[Path], out: Path, settings: Settings, *, concurrency: int = 1,
    input_errors: list[InputError] | None = None, llm: LLM | None = None,
    on_outcome: Callable[[Outcome, BatchRun], None] | None = None, restart: bool = False,
) -> BatchRun:
    """Summarises `files` into `out` (results.jsonl, manifest.json, report.md, report.html).
    Results of earlier runs stay in `out` (updated for the articles of this run); with
    `restart` they are neither reused nor kept (the result cache still is used).
    The run's clock starts once the model client is built (and any worker processes are up)."""
    from summariser.batch_pool import Worker, processes_for, running
    from summariser.prompts import load_prompt

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output directory ({exc.strerror})", str(out)) from exc
    with directory_lock(out):
        own_llm = llm is None
        if llm is None:
            from summariser.llm import get_llm

            llm = get_llm(settings)
        model = ModelInfo(backend=llm.backend, name=llm.name, params=llm.params())
        prompt = load_prompt(settings.prompt).info
        workers = workers_for(llm, concurrency, len(files))
        redact = Redactor(settings)
        store = ResultsFile(out / RESULTS, redact)
        earlier = store.load()
        done = {} if restart else {result_key(r.source.sha256, r.prompt, r.model): r
                                   for r in earlier}
        worker = Worker(settings, llm, prompt, model, frozenset(done))
        run: BatchRun | None = None
        try:
            with running(worker, workers, processes_for(llm, workers, own_llm)) as runner:
                run = BatchRun(model=model, prompt=prompt, workers=workers)
                _run(runner, files, _Context(run, store, done, on_outcome))
        finally:
            store.close()
            if run is not None:
                finish(run, out, input_errors or [], store, [] if restart else earlier)
    assert run is not None
    return run


def _run(runner: Callable[[list[Path], Callable[[Outcome], None]], None], files: list[Path],
         context: _Context) -> None:
    try:
        runner(files, context.take)
    except BaseException:  # Ctrl-C, or a set-up error that would fail every article
        context.run.interrupted = True
        raise


def finish(run: BatchRun, out: Path, input_errors: list[InputError], store: ResultsFile,
           earlier: list[SummaryResult]) -> None:
    """Writes the manifest and reports, also after Ctrl-C so they show what was done so far.
    Only a complete run rewrites results.jsonl (this run's articles in input order, then the
    earlier results kept); after an interruption every line stays as it is."""
    from summariser import report

    run.finished = datetime.now(timezone.utc)
    run.outcomes.sort(key=lambda o: o.index)
    failed_inputs = [Outcome(index=-1, path=e.path or "", error=str(e)) for e in input_errors]
    run.outcomes[:0] = failed_inputs
    run.outcomes += kept_outcomes(earlier, run.outcomes)
    if not run.interrupted:
        store.rewrite([o.result for o in run.outcomes if o.result is not None])
    atomic_write(out / MANIFEST, redact(manifest_text(run)))
    report.write_reports(out, run, redact)


def kept_outcomes(earlier: list[SummaryResult], outcomes: list[Outcome]) -> list[Outcome]:
    """Earlier results (the last line for each path) of articles this run has no result for."""
    done = {os.path.normpath(o.path) for o in outcomes if o.result is not None}
    latest: dict[str, SummaryResult] = {}
    for result in earlier:
        path = os.path.normpath(result.source.path or "")
        if path not in done:
            latest.pop(path, None)  # re-inserted: kept in the order last written
            latest[path] = result
    return [Outcome(index=len(outcomes) + n, path=result.source.path or "", result=result,
                    kept=True) for n, result in enumerate(latest.values())]


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
    from summariser.prompts import load_prompt

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
