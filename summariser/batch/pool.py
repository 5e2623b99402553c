"""Running a batch's articles N at a time, each outcome handed to `take` on the calling thread,
which alone writes files.

Threads in this process, or, against an OpenAI-compatible endpoint on a machine with more than
one core, one worker process per core with the N threads shared out between them: the work on an
article (sentence splitting, the client's request and reply, validation) is Python that holds
the GIL, so one process tops out at one core, which shows at high --concurrency.

The worker processes are the standard library's ProcessPoolExecutor's, started by spawn as new
interpreters (not forks of this process, which may run other threads, such as the progress
bar's) and set up once by its initializer. The executor runs one task at a time per process,
and an article is mostly a wait for the endpoint, so each process's one task serves articles
from a queue on its share of the N threads. Articles are handed out one at a time as threads
free up, and the workers end when this process ends, also on kill -9 (they watch it).
As with any spawn-started pool, a script that calls `run_batch` this way must do so under
`if __name__ == "__main__":` (a worker imports the script's main module)."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from summariser.articles.load import load_article
from summariser.batch.models import Outcome, result_key
from summariser.config import Settings
from summariser.errors import ConfigError, SummariserError, debug_enabled
from summariser.llm.base import LLM
from summariser.pipeline.schema import ModelInfo
from summariser.pipeline.summary import summarise
from summariser.prompting.templates import PromptInfo

Take = Callable[[Outcome], None]
Runner = Callable[[list[Path], Take], None]


@dataclass
class Worker:
    """Summarises one article. An article whose result is already in results.jsonl (its key is
    in `done`) is only loaded and marked resumed: the caller fills in the earlier result."""

    settings: Settings
    llm: LLM
    prompt: PromptInfo
    model: ModelInfo
    done: frozenset[str] = frozenset()

    def process(self, index: int, path: Path) -> Outcome:
        started = time.perf_counter()
        outcome = Outcome(index=index, path=str(path))
        try:
            outcome.article = article = load_article(path)
            if result_key(article.sha256, self.prompt, self.model) in self.done:
                outcome.resumed = True
            else:
                outcome.result = summarise(article, self.settings, llm=self.llm)
        except ConfigError as exc:  # the set-up is wrong: every other article would fail too
            outcome.fatal, outcome.error = exc, str(exc)
        except SummariserError as exc:
            outcome.error = str(exc)
        except Exception as exc:  # one broken article must not stop the batch
            if debug_enabled():
                traceback.print_exc()
            outcome.error = f"unexpected error ({type(exc).__name__}: {exc})"
        outcome.seconds = round(time.perf_counter() - started, 3)
        return outcome


# A made-up article and summary, checked once per process before the batch starts.
_SAMPLE = ("Ministers meet in Paris\n\nThe foreign ministers of France and Germany met in Paris "
           "on 3 May 2021. They agreed to spend $2.5 million on 12 projects, said Anna Berg of "
           "the EU.")
_SAMPLE_SUMMARY = "Talks in Paris: Germany and France will spend $2.5 million, Anna Berg said."


def prepare(worker: Worker) -> None:
    """Per-process set-up, done before the batch's clock starts so that it times articles, at
    every --concurrency alike: the endpoint's client is built (the openai SDK's import and its
    chat resource, about 0.45 s), the reply's JSON schema and the prompt template made, and the
    validation code and its word lists loaded by checking a made-up sample (about 0.25 s, paid
    by the first articles otherwise)."""
    from summariser.articles.build import article_from_text
    from summariser.llm.base import json_schema
    from summariser.pipeline.schema import Draft
    from summariser.prompting.templates import load_prompt
    from summariser.validation.checker import check

    ready = getattr(worker.llm, "prepare", None)
    if callable(ready):
        ready()
    json_schema(Draft)
    with suppress(Exception):  # a failure here shows where it would have: in the articles
        sample = article_from_text(_SAMPLE)
        load_prompt(worker.settings.prompt).render(sentences=sample.numbered())
        check(sample, _SAMPLE_SUMMARY)


def processes_for(llm: LLM, workers: int, own_llm: bool) -> int:
    """Worker processes for a batch: one per usable core, only against an OpenAI-compatible
    endpoint whose client the batch builds itself (a model object handed in stays in-process)."""
    if not own_llm or llm.backend != "openai" or workers < 2:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(workers, cores or 1))


@contextmanager
def running(worker: Worker, workers: int, processes: int) -> Iterator[Runner]:
    """A runner for the batch's articles, set up (client built, worker processes started)."""
    if processes <= 1:
        prepare(worker)
        yield lambda files, take: run_threads(files, worker.process, workers, take)
        return
    pool = ProcessPool(worker, workers, processes)
    try:
        yield pool.run
    finally:
        pool.close()


def run_threads(files: list[Path], work: Callable[[int, Path], Outcome], workers: int,
                take: Take) -> None:
    """Runs `work` on daemon threads and hands each outcome to `take` on the calling thread.
    Daemon threads let Ctrl-C end the program at once; an article in flight then is simply done
    again by the next run."""
    tasks: queue.SimpleQueue[tuple[int, Path]] = queue.SimpleQueue()
    for item in enumerate(files):
        tasks.put(item)
    done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
    stop = threading.Event()

    def worker() -> None:
        while not stop.is_set():
            try:
                index, path = tasks.get_nowait()
            except queue.Empty:
                return
            try:
                done.put(work(index, path))
            except BaseException as exc:  # never leave the caller waiting for this outcome
                done.put(Outcome(index, str(path), error=f"{type(exc).__name__}: {exc}",
                                 fatal=exc))

    for _ in range(min(workers, len(files))):
        threading.Thread(target=worker, daemon=True, name="summariser-batch").start()
    try:
        for _ in files:
            take(done.get())
    finally:
        stop.set()


class ProcessPool:
    """Worker processes from the standard library's ProcessPoolExecutor (spawn context), each
    set up once by the initializer (the model client built, the checker loaded) and then running
    `threads` articles at once (see the module docstring). Articles go out through a queue, one
    per outcome that comes back, so no more are in flight than there are threads: a kill -9 of
    this process costs only those."""

    def __init__(self, worker: Worker, workers: int, processes: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.tasks: Any = context.Queue()  # (index, path), or None: a thread's end
        self.outcomes: Any = context.Queue()  # (kind, pickled outcome or message)
        # Each worker process watches the other end of this pipe and ends at once when it
        # closes: when this process closes it, or ends, even by kill -9. (Not an Event: setting
        # one waits for every waiter to wake, and a killed worker never does.)
        watched, self.lifeline = context.Pipe(duplex=False)
        self.threads = _shares(workers, processes)
        self.executor = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_initialise,
            initargs=(worker.settings, worker.prompt, worker.model, worker.done, self.tasks,
                      self.outcomes, watched))
        try:
            self.served = [self.executor.submit(_serve, n) for n in self.threads]
            for _ in self.threads:  # each process is set up before the batch's clock starts
                kind, message = self._next()
                if kind == "error":
                    raise SummariserError(message)
        except BaseException:
            self.close()
            raise

    def run(self, files: list[Path], take: Take) -> None:
        tasks = iter(enumerate(files))
        for first in islice(tasks, sum(self.threads)):
            self.tasks.put(first)
        for _ in files:
            _, data = self._next()
            if (task := next(tasks, None)) is not None:
                self.tasks.put(task)  # first, so the workers stay busy while `take` writes
            take(pickle.loads(data))
        for _ in range(sum(self.threads)):
            self.tasks.put(None)
        wait(self.served, timeout=5)  # the workers' threads end

    def _next(self) -> tuple[str, Any]:
        while True:
            with suppress(queue.Empty):
                return self.outcomes.get(timeout=0.5)  # type: ignore[no-any-return]
            if any(f.done() for f in self.served):  # a worker process died
                raise SummariserError("a worker process ended unexpectedly; run the same "
                                      "command again to continue")

    def close(self) -> None:
        """Ends the workers at once, whether articles are still in flight (Ctrl-C, a fatal error)
        or not (their interpreters' orderly exit takes seconds; nothing is left to keep)."""
        self.lifeline.close()
        self.executor.shutdown(wait=True, cancel_futures=True)
        for channel in (self.tasks, self.outcomes):
            channel.close()
            channel.cancel_join_thread()  # what no worker read any more is dropped


def _shares(workers: int, processes: int) -> list[int]:
    """`workers` threads shared out between `processes` processes as evenly as can be."""
    return [workers // processes + (n < workers % processes) for n in range(processes)]


# A worker process's own state, set by the initializer (one process, one batch).
_STATE: dict[str, Any] = {}


def _initialise(settings: Settings, prompt: PromptInfo, model: ModelInfo, done: frozenset[str],
                tasks: Any, outcomes: Any, lifeline: Connection) -> None:
    """Set-up of a worker process: the model client built, `prepare`. It never raises (the
    executor would print a traceback): a failure is reported by `_serve`, in one line."""
    # Ctrl-C is for the batch's process, which ends the workers by closing the lifeline.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_on_close, args=(lifeline,), daemon=True).start()
    _STATE.update(tasks=tasks, outcomes=outcomes)
    try:
        from summariser.llm import get_llm

        worker = Worker(settings, get_llm(settings), prompt, model, done)
        prepare(worker)
        _STATE["worker"] = worker
    except Exception as exc:
        _STATE["error"] = f"a worker process could not start: {exc}"


def _exit_on_close(lifeline: Connection) -> None:
    with suppress(EOFError, OSError):
        lifeline.recv()  # nothing is ever sent: this returns when the other end closes
    os._exit(0)


def _serve(threads: int) -> None:
    """A worker process's one task: articles from the queue on `threads` threads, each outcome
    sent back as soon as it is ready, until each thread gets None."""
    outcomes = _STATE["outcomes"]
    if "error" in _STATE:
        outcomes.put(("error", _STATE["error"]))
        return
    outcomes.put(("ready", None))
    worker, tasks = _STATE["worker"], _STATE["tasks"]

    def work() -> None:
        while (task := tasks.get()) is not None:
            outcomes.put(("outcome", _pickled(worker.process(*task))))

    running = [threading.Thread(target=work, daemon=True) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()


def _pickled(outcome: Outcome) -> bytes:
    """Pickled here, not by the queue's feeder thread, so that an outcome that cannot be
    pickled still reports its article."""
    try:
        return pickle.dumps(outcome)
    except Exception as exc:
        return pickle.dumps(Outcome(outcome.index, outcome.path,
                                    error=f"unexpected error ({type(exc).__name__}: {exc})"))
