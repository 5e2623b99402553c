"""A batch's files, written so that they survive interruption: results.jsonl only ever grows by
whole lines (one write, flush, fsync), and every other file is written to a temporary file and
renamed over the old one, so a kill -9 leaves either the old or the new file. Everything
written goes through the one redaction (summariser.redaction)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summariser.config import Settings
from summariser.errors import InputError
from summariser.pipeline.schema import SummaryResult
from summariser.redaction import add_secret, json_dumps, redact

RESULTS, MANIFEST = "results.jsonl", "manifest.json"




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
