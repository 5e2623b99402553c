"""Many articles, N at a time, into a results directory that survives interruption (how files
are written so that a kill -9 loses nothing: store.py). A re-run skips the articles whose
result is already in results.jsonl for the same article text (sha256), prompt and model, and
retries the failed ones. A run adds and updates: when it completes, results.jsonl is rewritten
with one line per article of this run (in input order), then the results of earlier runs for
articles this run was not given, so nothing is lost; only --restart removes them. The reports
cover every article in results.jsonl and say which ones come from earlier runs."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from summariser.batch.manifest import manifest_text
from summariser.batch.models import BatchRun, Outcome, result_key
from summariser.batch.pool import Worker, processes_for, running
from summariser.batch.report.write import write_reports
from summariser.batch.store import (
    MANIFEST,
    RESULTS,
    Redactor,
    ResultsFile,
    atomic_write,
    directory_lock,
)
from summariser.config import Settings
from summariser.errors import InputError
from summariser.llm.base import LLM
from summariser.pipeline.results import recheck
from summariser.pipeline.schema import ModelInfo, SummaryResult
from summariser.prompting.templates import load_prompt
from summariser.redaction import redact

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
            # what the model said then, with the current checker's verdicts
            outcome.result = recheck(outcome.article, earlier.model_copy(deep=True))
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
    input_errors: list[InputError] | None = None, llm: LLM | Any | None = None,
    on_outcome: Callable[[Outcome, BatchRun], None] | None = None, restart: bool = False,
) -> BatchRun:
    """Summarises `files` into `out` (results.jsonl, manifest.json, report.md, report.html).
    Results of earlier runs stay in `out` (updated for the articles of this run); with
    `restart` they are neither reused nor kept (the result cache still is used).
    The run's clock starts once the model client is built (and any worker processes are up)."""

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output directory ({exc.strerror})", str(out)) from exc
    with directory_lock(out):
        from summariser.llm import as_backend, get_llm

        own_llm = llm is None
        llm = get_llm(settings) if llm is None else as_backend(llm)  # or a LangChain model
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
    run.finished = datetime.now(timezone.utc)
    run.outcomes.sort(key=lambda o: o.index)
    failed_inputs = [Outcome(index=-1, path=e.path or "", error=str(e)) for e in input_errors]
    run.outcomes[:0] = failed_inputs
    run.outcomes += kept_outcomes(earlier, run.outcomes)
    if not run.interrupted:
        store.rewrite([o.result for o in run.outcomes if o.result is not None])
    atomic_write(out / MANIFEST, redact(manifest_text(run)))
    write_reports(out, run, redact)


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
