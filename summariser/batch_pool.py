"""Running a batch's articles N at a time, each outcome handed to `take` on the calling thread,
which alone writes files.

Threads in this process, or, against an OpenAI-compatible endpoint on a machine with more than
one core, one worker process per core with the N threads shared out between them: the work on an
article (sentence splitting, the client's request and reply, validation) is Python that holds
the GIL, so one process tops out at one core, which shows at high --concurrency.

The worker processes come from a fork server (not forked from this process, which may run other
threads, such as the progress bar's), are handed articles one at a time as their threads free
up, and end when this process ends, also on kill -9: they read their work from a pipe to it."""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from summariser.articles import load_article
from summariser.batch import Outcome, result_key
from summariser.config import Settings
from summariser.errors import ConfigError, SummariserError, debug_enabled
from summariser.llm.base import LLM
from summariser.schema import ModelInfo, PromptInfo

Take = Callable[[Outcome], None]
Runner = Callable[[list[Path], Take], None]
# Imported once by the fork server, so worker processes start with them loaded.
PRELOAD = ["summariser.batch_pool", "summariser.pipeline", "summariser.validation.names",
           "summariser.validation.figures", "summariser.validation.claims", "langchain_openai"]


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
        from summariser.pipeline import summarise

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


def prepare(llm: LLM) -> None:
    """Set-up done before the batch starts: the endpoint's client is built (an import of
    LangChain, about a second), instead of inside the first article."""
    ready = getattr(llm, "prepare", None)
    if callable(ready):
        ready()


def processes_for(llm: LLM, workers: int, own_llm: bool) -> int:
    """Worker processes for a batch: one per usable core, only against an OpenAI-compatible
    endpoint whose client the batch builds itself (a model object handed in stays in-process)."""
    if not own_llm or llm.backend != "openai" or workers < 2:
        return 1
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(workers, cores or 1))


@contextmanager
def running(worker: Worker, workers: int, processes: int) -> Iterator[Runner]:
    """A runner for the batch's articles, set up (client built, worker processes started)."""
    if processes <= 1:
        prepare(worker.llm)
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


@dataclass
class _Child:
    process: Any  # multiprocessing's Process of the fork server context
    conn: Connection
    threads: int
    busy: set[int] = field(default_factory=set)  # indexes of the articles it is working on


class ProcessPool:
    """Worker processes, each running `threads` articles at once (see the module docstring)."""

    def __init__(self, worker: Worker, workers: int, processes: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.children: list[_Child] = []
        try:
            for threads in _shares(workers, processes):
                here, there = context.Pipe()
                args = (there, worker.settings, worker.prompt, worker.model, worker.done, threads)
                process = context.Process(target=serve, args=args, daemon=True,
                                          name="summariser-batch")
                self.children.append(_Child(process, here, threads))
                process.start()
                there.close()  # the child's end: a dead child then reads as end of file here
            for child in self.children:
                _await_ready(child)
        except BaseException:
            self.close()
            raise

    def run(self, files: list[Path], take: Take) -> None:
        tasks = iter(enumerate(files))
        for child in self.children:
            for _ in range(child.threads):
                _give(child, tasks)
        for _ in files:
            child, outcome = self._next()
            child.busy.discard(outcome.index)
            _give(child, tasks)  # before `take`, so the child is not idle while files are written
            take(outcome)

    def _next(self) -> tuple[_Child, Outcome]:
        by_conn = {id(c.conn): c for c in self.children if c.busy}
        ready = wait([c.conn for c in self.children if c.busy])
        child = by_conn[id(ready[0])]
        try:
            return child, child.conn.recv()
        except (EOFError, OSError):
            child.process.join(timeout=5)
            raise SummariserError(
                f"a worker process ended unexpectedly (exit code {child.process.exitcode}); "
                "run the same command again to continue") from None

    def close(self) -> None:
        """Ends the workers: at once if articles are still in flight (Ctrl-C, a fatal error)."""
        for child in self.children:
            with suppress(OSError):
                child.conn.send(None)
            child.conn.close()
        for child in self.children:
            if child.process.pid is None:
                continue
            child.process.join(timeout=0 if child.busy else 2)
            if child.process.is_alive():
                child.process.terminate()
                child.process.join()


def _shares(workers: int, processes: int) -> list[int]:
    """`workers` threads shared out between `processes` processes as evenly as can be."""
    return [workers // processes + (n < workers % processes) for n in range(processes)]


def _give(child: _Child, tasks: Iterator[tuple[int, Path]]) -> None:
    task = next(tasks, None)
    if task is not None:
        child.conn.send(task)
        child.busy.add(task[0])


def _await_ready(child: _Child) -> None:
    try:
        message = child.conn.recv()
    except (EOFError, OSError):
        child.process.join(timeout=5)
        raise SummariserError(f"a worker process could not start (exit code "
                              f"{child.process.exitcode})") from None
    if isinstance(message, BaseException):
        raise message


def serve(conn: Connection, settings: Settings, prompt: PromptInfo, model: ModelInfo,
          done: frozenset[str], threads: int) -> None:
    """A worker process: takes (index, path) from the pipe, runs them on `threads` threads and
    sends their outcomes back; ends on None, or at once when the batch's process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the batch's process to handle
    try:
        from summariser.llm import get_llm

        worker = Worker(settings, get_llm(settings), prompt, model, done)
        prepare(worker.llm)
    except Exception as exc:
        conn.send(SummariserError(f"a worker process could not start: {exc}"))
        return
    conn.send("ready")
    tasks: queue.SimpleQueue[tuple[int, Path] | None] = queue.SimpleQueue()
    lock = threading.Lock()

    def work() -> None:
        while (task := tasks.get()) is not None:
            _send(conn, lock, worker.process(*task))

    pool = [threading.Thread(target=work, daemon=True) for _ in range(threads)]
    for thread in pool:
        thread.start()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the batch's process is gone (killed): stop now, mid-article or not
        if task is None:
            break
        tasks.put(task)


def _send(conn: Connection, lock: threading.Lock, outcome: Outcome) -> None:
    with lock:
        try:
            conn.send(outcome)
        except (BrokenPipeError, EOFError):
            os._exit(0)
        except Exception as exc:  # an outcome that cannot be pickled still reports its article
            conn.send(Outcome(outcome.index, outcome.path,
                              error=f"unexpected error ({type(exc).__name__}: {exc})"))
