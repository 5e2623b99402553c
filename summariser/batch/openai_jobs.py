"""`summariser batch --openai-batch`: the articles' first model calls as an OpenAI Batch API job
(half price, results within 24 h), then the same batch as always over those replies.

1. Each article's first request, exactly as the interactive backend would send it
   (`OpenAICompatLLM.request_body`), becomes a line of a JSONL file, keyed by a hash of the
   request; the file is uploaded (purpose "batch") and a job created on /v1/chat/completions.
2. The job is polled until it ends. The job ids are kept in DIR/openai_batch.json before any
   wait, so a stopped command (Ctrl-C, kill, a closed laptop) run again collects the same job
   instead of paying twice; downloaded outputs are kept in DIR/openai_batch/.
3. `run_batch` then runs the articles with the job's replies filled in (`Prefilled`): the same
   pipeline, checker, results.jsonl, reports and manifest as a normal batch. What only the
   model's first reply can show, a re-ask (a reply that fails the schema) or the correction
   step (validation findings), is asked interactively, as are articles longer than the context
   (their requests are the parts' and the merge's).
An article whose request failed in the job fails with the job's reason, and the next run
submits it again; so does an article of a job that expired or was cancelled."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summariser.articles.load import load_article
from summariser.batch.store import RESULTS, ResultsFile, atomic_write
from summariser.config import Settings
from summariser.errors import InputError, ModelError, SummariserError
from summariser.llm.base import Generation, Message
from summariser.pipeline.longform import split_for_context
from summariser.pipeline.schema import Reply
from summariser.pipeline.summary import first_messages
from summariser.prompting.templates import load_prompt
from summariser.redaction import redact

STATE, OUTPUTS = "openai_batch.json", "openai_batch"
ENDPOINT = "/v1/chat/completions"
ENDED = {"completed", "failed", "expired", "cancelled"}


class Job(BaseModel):
    id: str
    input_file_id: str
    requests: list[str] = Field(description="the request keys (custom_id) it holds")
    status: str = "validating"
    output: str | None = Field(None, description="downloaded output, relative to DIR")


class JobState(BaseModel):
    jobs: list[Job] = Field(default_factory=list)


def request_key(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


class Prefilled:
    """A backend whose replies to known requests come from the job's output; any other
    request (a re-ask, the correction step, a long article's parts) goes to the endpoint."""

    def __init__(self, llm: Any, replies: dict[str, Generation | str]) -> None:
        self.llm, self.replies = llm, replies
        self.backend, self.name, self.live_calls = llm.backend, llm.name, 0
        self._lock = threading.Lock()

    @property
    def context(self) -> int:
        return int(self.llm.context)

    def params(self) -> dict[str, Any]:
        return dict(self.llm.params())  # the same cache keys and records as interactive calls

    def generate(self, messages: list[Message], schema: type[BaseModel],
                 max_tokens: int) -> Generation:
        key = request_key(self.llm.request_body(messages, schema, max_tokens))
        with self._lock:
            reply = self.replies.pop(key, None)
            self.live_calls += reply is None
        if isinstance(reply, str):  # the job's error for this request
            raise ModelError(f"the batch job refused this article's request: {reply}")
        return reply if reply is not None else self.llm.generate(messages, schema, max_tokens)


def first_requests(files: list[Path], settings: Settings,
                   llm: Any) -> dict[Path, tuple[str, dict[str, Any] | None]]:
    """Each article's text hash and first request body; no body for articles that cannot go
    in a job (too long for one request: split into parts; unreadable: the batch reports it)."""
    prompt = load_prompt(settings.prompt)
    found: dict[Path, tuple[str, dict[str, Any] | None]] = {}
    for path in files:
        try:
            article = load_article(path)
        except SummariserError:
            found[path] = ("", None)
            continue
        whole = len(split_for_context(article, prompt, llm, settings)) == 1
        messages = first_messages(article, prompt)
        body = llm.request_body(messages, Reply, settings.max_tokens) if whole else None
        found[path] = (article.sha256, body)
    return found


class JobRunner:
    """Submits, polls and collects the jobs of one output directory."""

    def __init__(self, llm: Any, out: Path, poll: float, say: Callable[[str], None]) -> None:
        self.llm, self.out, self.poll, self.say = llm, out, poll, say
        self.client = llm._client()
        path = out / STATE
        try:
            self.state = JobState.model_validate_json(path.read_text()) if path.exists() \
                else JobState()
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the batch job record ({exc})", str(path)) from exc

    def save(self) -> None:
        atomic_write(self.out / STATE, self.state.model_dump_json(indent=2) + "\n")

    def covered(self, replies: dict[str, Generation | str]) -> set[str]:
        """Requests a job holds that are still running or have their reply."""
        pending = {k for j in self.state.jobs if j.status not in ENDED for k in j.requests}
        return pending | {k for k, v in replies.items() if not isinstance(v, str)}

    def submit(self, bodies: dict[str, dict[str, Any]]) -> None:
        lines = "".join(json.dumps({"custom_id": key, "method": "POST", "url": ENDPOINT,
                                    "body": body}) + "\n" for key, body in bodies.items())
        upload = self.client.files.create(file=("requests.jsonl", lines.encode("utf-8")),
                                          purpose="batch")
        job = self.client.batches.create(input_file_id=upload.id, endpoint=ENDPOINT,
                                         completion_window="24h",
                                         metadata={"tool": "summariser"})
        self.state.jobs.append(Job(id=job.id, input_file_id=upload.id, requests=list(bodies),
                                   status=job.status))
        self.save()  # before any wait: a re-run finds this job instead of submitting again
        self.say(f"submitted {len(bodies)} requests as batch job {job.id}")

    def wait(self) -> None:
        for job in self.state.jobs:
            while job.status not in ENDED:
                batch = self.client.batches.retrieve(job.id)
                if batch.status != job.status:
                    counts = batch.request_counts
                    done = f" ({counts.completed} of {counts.total} done)" if counts else ""
                    self.say(f"batch job {job.id}: {batch.status}{done}")
                job.status = batch.status
                self.save()
                if job.status in ENDED:
                    self._collect(job, batch)
                else:
                    time.sleep(self.poll)
            if job.output is None and job.status in ENDED:
                self._collect(job, self.client.batches.retrieve(job.id))

    def _collect(self, job: Job, batch: Any) -> None:
        if job.status == "failed":
            errors = getattr(getattr(batch, "errors", None), "data", None) or []
            why = "; ".join(str(getattr(e, "message", e)) for e in errors) or "no reason given"
            self.say(f"batch job {job.id} failed: {why}; its articles are submitted again "
                     "on the next run")
        text = ""
        for file_id in (batch.output_file_id, getattr(batch, "error_file_id", None)):
            if file_id:
                text += self.client.files.content(file_id).text
        (self.out / OUTPUTS).mkdir(exist_ok=True)
        job.output = f"{OUTPUTS}/{job.id}.jsonl"
        atomic_write(self.out / job.output, redact(text))
        self.save()

    def replies(self, max_tokens: int) -> dict[str, Generation | str]:
        """Every collected reply by request key; a request that failed: its reason."""
        found: dict[str, Generation | str] = {}
        for job in self.state.jobs:
            if job.output is None or not (self.out / job.output).exists():
                continue
            for line in (self.out / job.output).read_text(encoding="utf-8").splitlines():
                key, reply = self._reply(line, max_tokens)
                if key is not None and not isinstance(found.get(key), Generation):
                    found[key] = reply
        return found

    def _reply(self, line: str, max_tokens: int) -> tuple[str | None, Generation | str]:
        try:
            item = json.loads(line)
            key, response = item["custom_id"], item.get("response") or {}
        except (ValueError, KeyError, TypeError):
            return None, ""
        if item.get("error") or response.get("status_code") != 200:
            error = item.get("error") or response.get("body", {}).get("error") or {}
            return key, str(error.get("message") if isinstance(error, dict) else error)
        try:
            return key, self.llm.generation_from_body(response["body"], max_tokens)
        except (ModelError, KeyError) as exc:
            return key, str(exc)


def prepare_jobs(files: list[Path], out: Path, settings: Settings, llm: Any, *, poll: float,
                 restart: bool, say: Callable[[str], None]) -> tuple[list[Path], Prefilled]:
    """Submits what no job covers yet, waits for every job, and returns the articles to run
    now (done earlier, answered by a job, or too long for one request) and the backend."""
    from summariser.batch.models import result_key
    from summariser.pipeline.schema import ModelInfo

    runner = JobRunner(llm, out, poll, say)
    model = ModelInfo(backend=llm.backend, name=llm.name, params=llm.params())
    prompt = load_prompt(settings.prompt).info
    earlier = [] if restart else ResultsFile(out / RESULTS, redact).load()
    done = {result_key(r.source.sha256, r.prompt, r.model) for r in earlier}
    requests = first_requests(files, settings, llm)
    waiting = {path: (request_key(body), body) for path, (sha, body) in requests.items()
               if body is not None and result_key(sha, prompt, model) not in done}
    covered = runner.covered(runner.replies(settings.max_tokens))
    new = {key: body for key, body in waiting.values() if key not in covered}
    if new:
        runner.submit(new)
    runner.wait()
    replies = runner.replies(settings.max_tokens)
    now = [p for p in files if p not in waiting or waiting[p][0] in replies]
    if left := len(files) - len(now):
        say(f"{left} articles have no reply from a batch job; run again to submit them")
    return now, Prefilled(llm, replies)
