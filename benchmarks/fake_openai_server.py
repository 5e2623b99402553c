"""A local OpenAI-compatible chat completions server for load tests of `summariser batch`.

It answers POST /v1/chat/completions (JSON, not streaming, with `usage`; response_format
json_schema is accepted and the reply fits the summariser's Reply schema) after a fixed delay.
The replies are SYNTHETIC, made deterministically from the article's numbered sentences (the
headline is the start of the first sentence, the summary the first two sentences): this
measures the batch machinery, not summary quality.

It listens on 127.0.0.1 only and is bounded: after --max-requests requests or --max-seconds
seconds it stops answering. An article containing FAIL_MARKER is refused with 400 (for tests of
failing articles). GET /stats returns the number of requests, in total and per article.

Tests use the same server with a queue of canned replies instead (`FakeServer(replies=[(status,
headers, body), ...])`, no delay): each request takes the next one; the request bodies and
headers are recorded either way (`requests`, `headers`). With `batch=BatchAPI(answer)` it also
serves the OpenAI Batch API's files and batches endpoints (upload, create, retrieve, content).

    python benchmarks/fake_openai_server.py --delay 0.05   # prints the base URL, then serves
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAIL_MARKER = "FAKE-SERVER-REFUSES-THIS-ARTICLE"
_SENTENCE = re.compile(r"^\[S(\d+)\] (.*)$", re.M)


def synthetic_reply(sentences: list[str]) -> dict[str, Any]:
    """A reply made of the article's own sentences (see the module docstring)."""
    # No digits in the headline: cutting "$237 million" to "$237" would be a wrong figure.
    words = [w for w in sentences[0].split()[:12] if not any(c.isdigit() for c in w)]
    headline = " ".join(words).rstrip(",;:") or "Untitled"
    return {"headline": headline, "summary": " ".join(sentences[:2])}


def article_sentences(messages: list[dict[str, Any]]) -> list[str]:
    """The numbered sentences of the first user message that has them."""
    for message in messages:
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str):
            found = _SENTENCE.findall(content)
            if found:
                return [text for _, text in sorted(found, key=lambda m: int(m[0]))]
    return []


def completion(model: str, content: str, prompt_tokens: int) -> dict[str, Any]:
    completion_tokens = max(1, len(content) // 4)
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }


Reply = tuple[int, dict[str, str], dict[str, Any]]  # status, headers, JSON body


class FakeServer:
    """The server; usable in-process (`with FakeServer(...) as s: s.url`) or as a script."""

    def __init__(self, delay: float = 0.05, max_requests: int = 20_000,
                 max_seconds: float = 900.0, port: int = 0,
                 replies: list[Reply] | None = None,
                 models: list[dict[str, Any]] | None = None,
                 batch: BatchAPI | None = None, hold_after: int | None = None) -> None:
        self.delay, self.max_requests = delay, max_requests
        # Requests past the first `hold_after` wait until release(): a test knows exactly what
        # is in flight when it interrupts a batch, however slow the machine.
        self.hold_after, self.held, self.gate = hold_after, 0, threading.Event()
        self.deadline = time.monotonic() + max_seconds
        self.per_article: Counter[str] = Counter()
        self.replies = None if replies is None else list(replies)
        # GET /models: these models; without them, the one fake model (404 with replies).
        self.models = models
        self.batch = batch
        self.gets: list[str] = []
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", port), _handler(self))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def release(self) -> None:
        self.gate.set()

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {"requests": sum(self.per_article.values()),
                    "articles": dict(self.per_article)}

    def batch_post(self, path: str, content_type: str, raw: bytes) -> Route | None:
        return None if self.batch is None else self.batch.post(path, content_type, raw)

    def get(self, path: str) -> Route:
        """GET: /stats, the Batch API's batches and file contents, /models."""
        self.gets.append(path)
        if path.rstrip("/").endswith("/stats"):
            return 200, self.stats()
        if self.batch is not None and (found := self.batch.get(path)):
            return found
        models = self.listed_models()
        if path.rstrip("/").endswith("/models") and models is not None:
            return 200, {"object": "list", "data": [
                {"object": "model", "created": 0, "owned_by": "test", **m} for m in models]}
        return 404, _error(f"no such endpoint {path}")

    def listed_models(self) -> list[dict[str, Any]] | None:
        if self.models is None and self.replies is None:
            return [{"id": "fake"}]
        return self.models

    def answer(self, body: dict[str, Any], headers: dict[str, str]) -> Reply:
        """Status, headers and JSON body for one chat completion request."""
        with self.lock:
            self.requests.append(body)
            self.headers.append(headers)
            if self.replies is not None:
                return self.replies.pop(0)
        sentences = article_sentences(body.get("messages") or [])
        key = hashlib.sha256("\n".join(sentences).encode()).hexdigest()[:16]
        with self.lock:
            self.per_article[key] += 1
            count = sum(self.per_article.values())
            spent = count > self.max_requests
            hold = self.hold_after is not None and count > self.hold_after
            self.held += hold
        if hold:
            self.gate.wait(timeout=max(0.0, self.deadline - time.monotonic()))
        if spent or time.monotonic() > self.deadline:
            return 400, {}, _error("the fake server's request or time budget is spent")
        if not sentences:
            return 400, {}, _error("no numbered [S1] sentences in the request")
        time.sleep(self.delay)
        if any(FAIL_MARKER in s for s in sentences):
            return 400, {}, _error("this article is refused by the fake server (test marker)")
        content = json.dumps(synthetic_reply(sentences))
        tokens = sum(len(str(m.get("content", ""))) for m in body["messages"]) // 4
        return 200, {}, completion(str(body.get("model", "fake")), content, tokens)


class _Server(ThreadingHTTPServer):
    # The standard library's listen backlog is 5: at --concurrency 16 the connections opened at
    # once overflow it, and a dropped connection attempt is retried by the kernel only after a
    # second, which would be measured as the batch's time. Serving engines listen with 2048.
    request_queue_size = 128


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error"}}


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, Nagle's algorithm and delayed
        # ACKs add up to 40 ms to every reply on a kept-alive connection.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            raw = self.rfile.read(length)
            if found := server.batch_post(self.path, self.headers.get("content-type", ""), raw):
                return self._send(*found)
            try:
                body = json.loads(raw)
            except ValueError:
                return self._send(400, _error("the request body is not JSON"))
            if not self.path.rstrip("/").endswith("/chat/completions"):
                return self._send(404, _error(f"no such endpoint {self.path}"))
            status, headers, reply = server.answer(
                body, {k.lower(): v for k, v in self.headers.items()})
            self._send(status, reply, headers)

        def do_GET(self) -> None:
            self._send(*server.get(self.path))

        def _send(self, status: int, body: dict[str, Any] | bytes,
                  headers: dict[str, str] | None = None) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            kind = "application/octet-stream" if isinstance(body, bytes) else "application/json"
            self.send_response(status)
            for key, value in {"content-type": kind, **(headers or {})}.items():
                self.send_header(key, value)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


Route = tuple[int, dict[str, Any] | bytes]


class BatchAPI:
    """The OpenAI Batch API's files and batches endpoints, in memory: an uploaded JSONL file, a
    batch over it that completes after `polls` retrievals, with an output file made by
    `answer(custom_id, request body)` -> (status code, response body)."""

    def __init__(self, answer: Callable[[str, dict[str, Any]], tuple[int, dict[str, Any]]],
                 polls: int = 2) -> None:
        self.answer, self.polls = answer, polls
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.retrieved: dict[str, int] = {}
        self.uploads: list[list[dict[str, Any]]] = []  # the request lines of each upload

    def post(self, path: str, content_type: str, raw: bytes) -> Route | None:
        if path.endswith("/files"):
            form = _form(content_type, raw)
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = form["file"]
            self.uploads.append([json.loads(x) for x in form["file"].decode().splitlines()])
            return 200, {"id": file_id, "object": "file", "bytes": len(form["file"]),
                         "created_at": 0, "filename": "requests.jsonl",
                         "purpose": form["purpose"].decode(), "status": "processed"}
        if path.endswith("/batches"):
            request = json.loads(raw)
            batch_id = f"batch_{len(self.batches) + 1}"
            lines = self.files[request["input_file_id"]].decode().splitlines()
            self.batches[batch_id] = {
                "id": batch_id, "object": "batch", "endpoint": request["endpoint"],
                "input_file_id": request["input_file_id"], "completion_window": "24h",
                "status": "validating", "created_at": 0, "output_file_id": None,
                "error_file_id": None, "metadata": request.get("metadata"),
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0}}
            return 200, self.batches[batch_id]
        return None

    def get(self, path: str) -> Route | None:
        parts = path.strip("/").split("/")
        if parts[-2:-1] == ["batches"] and parts[-1] in self.batches:
            return 200, self._advance(parts[-1])
        if parts[-1] == "content" and parts[-2] in self.files:
            return 200, self.files[parts[-2]]
        return None

    def _advance(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        self.retrieved[batch_id] = seen = self.retrieved.get(batch_id, 0) + 1
        if batch["status"] != "completed":
            batch["status"] = "completed" if seen >= self.polls else "in_progress"
        if batch["status"] == "completed" and batch["output_file_id"] is None:
            lines = [json.loads(x) for x in self.files[batch["input_file_id"]].decode()
                     .splitlines()]
            out = []
            for n, line in enumerate(lines):
                status, body = self.answer(line["custom_id"], line["body"])
                out.append(json.dumps({"id": f"batch_req_{n}", "custom_id": line["custom_id"],
                                       "response": {"status_code": status,
                                                    "request_id": f"req_{n}", "body": body},
                                       "error": None}))
            batch["output_file_id"] = output = f"file-{len(self.files) + 1}"
            self.files[output] = ("\n".join(out) + "\n").encode()
            batch["request_counts"]["completed"] = len(lines)
        return batch


def _form(content_type: str, raw: bytes) -> dict[str, bytes]:
    """The fields of a multipart/form-data body."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"content-type: {content_type}\r\n\r\n".encode() + raw)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in message.iter_parts()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--delay", type=float, default=0.05, help="seconds before each reply")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    args = parser.parse_args(argv)
    server = FakeServer(args.delay, args.max_requests, args.max_seconds, args.port)
    print(server.url, flush=True)
    with server:
        try:
            while time.monotonic() < server.deadline:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    sys.exit(0)


if __name__ == "__main__":
    main()
