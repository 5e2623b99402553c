"""Running a batch's articles N at a time, each outcome handed to `take` on the calling thread,
which alone writes files.

Threads in this process, or, against an OpenAI-compatible endpoint on a machine with more than
one core, one worker process per core with the N threads shared out between them: the work on an
article (sentence splitting, the client's request and reply, validation) is Python that holds
the GIL, so one process tops out at one core, which shows at high --concurrency.

The worker processes are new interpreters (not forks of this process, which may run other
threads, such as the progress bar's), are handed articles one at a time as their threads free
up, and end when this process ends, also on kill -9: they read their work from a socket to it."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
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
    from summariser.pipeline.schema import Reply
    from summariser.prompting.templates import load_prompt
    from summariser.validation.checker import check

    ready = getattr(worker.llm, "prepare", None)
    if callable(ready):
        ready()
    json_schema(Reply)
    with suppress(Exception):  # a failure here shows where it would have: in the articles
        sample = article_from_text(_SAMPLE)
        load_prompt(worker.settings.prompt).render(sentences=sample.numbered())
        check(sample, _SAMPLE_SUMMARY)


def processes_for(llm: LLM, workers: int, own_llm: bool) -> int:
    """Worker processes for a batch: one per usable core, only against an OpenAI-compatible
    endpoint whose client the batch builds itself (a model object handed in stays in-process)."""
    if not own_llm or llm.backend != "openai" or workers < 2:
        return 1
    if os.name != "posix":  # worker processes talk over Unix socket pairs
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


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    conn: Connection
    threads: int
    busy: set[int] = field(default_factory=set)  # indexes of the articles it is working on


class ProcessPool:
    """Worker processes, each running `threads` articles at once (see the module docstring)."""

    def __init__(self, worker: Worker, workers: int, processes: int) -> None:
        self.children: list[_Child] = []
        self.lock = threading.Lock()  # for sends to the children: the dispatcher's and close's
        self.stopped = False
        self.dispatcher: threading.Thread | None = None
        try:
            for threads in _shares(workers, processes):
                self.children.append(_start(threads))
                setup = (worker.settings, worker.prompt, worker.model, worker.done, threads)
                self.children[-1].conn.send(setup)
            for child in self.children:
                _await_ready(child)
        except BaseException:
            self.close()
            raise

    def run(self, files: list[Path], take: Take) -> None:
        """Outcomes are received and the next articles handed out on a thread of their own, so
        that the children are kept busy while `take` waits for a write to reach the disk."""
        outcomes: queue.SimpleQueue[Outcome | BaseException] = queue.SimpleQueue()
        self.dispatcher = threading.Thread(target=self._dispatch, args=(files, outcomes),
                                           daemon=True, name="summariser-dispatch")
        self.dispatcher.start()
        for _ in files:
            outcome = outcomes.get()
            if isinstance(outcome, BaseException):
                raise outcome
            take(outcome)

    def _dispatch(self, files: list[Path], outcomes: queue.SimpleQueue[Any]) -> None:
        try:
            tasks = iter(enumerate(files))
            for child in self.children:
                for _ in range(child.threads):
                    self._give(child, tasks)
            for _ in files:
                child, outcome = self._next()
                child.busy.discard(outcome.index)
                self._give(child, tasks)
                outcomes.put(outcome)
        except BaseException as exc:  # handed to the main thread, which raises it
            outcomes.put(exc)

    def _give(self, child: _Child, tasks: Iterator[tuple[int, Path]]) -> None:
        with self.lock:
            task = None if self.stopped else next(tasks, None)
            if task is not None:
                child.conn.send(task)
                child.busy.add(task[0])

    def _next(self) -> tuple[_Child, Outcome]:
        ready: list[Any] = []
        while not ready:
            if self.stopped:
                raise SummariserError("the batch was stopped")
            busy = [c for c in self.children if c.busy]
            ready = wait([c.conn for c in busy], timeout=0.5)
        child = next(c for c in busy if c.conn is ready[0])
        try:
            return child, child.conn.recv()
        except (EOFError, OSError):
            raise SummariserError(
                f"a worker process ended unexpectedly (exit code {_exit_code(child)}); run "
                "the same command again to continue") from None

    def close(self) -> None:
        """Ends the workers: at once if articles are still in flight (Ctrl-C, a fatal error)."""
        with self.lock:
            self.stopped = True
            for child in self.children:
                with suppress(OSError):
                    child.conn.send(None)
        for child in self.children:
            with suppress(subprocess.TimeoutExpired):
                child.process.wait(timeout=0.01 if child.busy else 2)
            if child.process.poll() is None:
                child.process.kill()
                child.process.wait()
        if self.dispatcher is not None:  # it sees the children's ends closed, and stops
            self.dispatcher.join(timeout=5)
        for child in self.children:
            child.conn.close()


def _start(threads: int) -> _Child:
    """A worker process: a new interpreter (its own session, so Ctrl-C reaches only this one)
    with this package on its path, talking over a socket pair."""
    import summariser

    ours, theirs = socket.socketpair()
    env = dict(os.environ)
    root = str(Path(summariser.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    with theirs:
        code = f"from summariser.batch.pool import serve; serve({theirs.fileno()})"
        process = subprocess.Popen([sys.executable, "-c", code], env=env,
                                   stdin=subprocess.DEVNULL, pass_fds=[theirs.fileno()],
                                   start_new_session=True)
    return _Child(process, Connection(ours.detach()), threads)


def _exit_code(child: _Child) -> int | None:
    with suppress(subprocess.TimeoutExpired):
        child.process.wait(timeout=5)
    return child.process.returncode


def _shares(workers: int, processes: int) -> list[int]:
    """`workers` threads shared out between `processes` processes as evenly as can be."""
    return [workers // processes + (n < workers % processes) for n in range(processes)]


def _await_ready(child: _Child) -> None:
    try:
        message = child.conn.recv()
    except (EOFError, OSError):
        raise SummariserError(f"a worker process could not start (exit code "
                              f"{_exit_code(child)})") from None
    if isinstance(message, BaseException):
        raise message


def serve(fd: int) -> None:
    """A worker process: set up from the first message, then takes (index, path) from the
    connection, runs them on its threads and sends their outcomes back; ends on None, or at once
    when the batch's process is gone."""
    conn = Connection(fd)
    settings, prompt, model, done, threads = conn.recv()
    try:
        from summariser.llm import get_llm

        worker = Worker(settings, get_llm(settings), prompt, model, done)
        prepare(worker)
    except Exception as exc:
        conn.send(SummariserError(f"a worker process could not start: {exc}"))
        return
    conn.send("ready")
    tasks: queue.SimpleQueue[tuple[int, Path] | None] = queue.SimpleQueue()
    lock = threading.Lock()

    def work() -> None:
        while (task := tasks.get()) is not None:
            _send(conn, lock, worker.process(*task))

    for _ in range(threads):
        threading.Thread(target=work, daemon=True).start()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the batch's process is gone (killed): stop now, mid-article or not
        if task is None:
            os._exit(0)
        tasks.put(task)


def _send(conn: Connection, lock: threading.Lock, outcome: Outcome) -> None:
    with lock:
        try:
            conn.send(outcome)
        except (BrokenPipeError, ConnectionError, EOFError):
            os._exit(0)
        except Exception as exc:  # an outcome that cannot be pickled still reports its article
            conn.send(Outcome(outcome.index, outcome.path,
                              error=f"unexpected error ({type(exc).__name__}: {exc})"))
