"""The one retry layer for model endpoints (the openai SDK's own retries are off: its client is
built with max_retries=0). Retried is only what can succeed on retry: connection errors,
timeouts, 429 and 5xx, with exponential backoff, jitter and a cap, honouring Retry-After.
Everything else fails at once. Kept here rather than in the SDK because the article's total
deadline (llm/deadline.py) bounds the tries and cuts each request's timeout to the time left,
which the SDK's loop cannot do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.stop import stop_base
from tenacity.wait import wait_exponential_jitter

from summariser.errors import ModelError
from summariser.llm.deadline import remaining
from summariser.redaction import redact

T = TypeVar("T")
MAX_WAIT = 30.0
MIN_TRY = 1.0  # no try is started with less time than this left
_backoff = wait_exponential_jitter(initial=1.0, max=MAX_WAIT, jitter=1.0)


def is_transient(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError)):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds from a Retry-After header (seconds form), if the server sent one."""
    response = getattr(exc, "response", None)
    value = getattr(response, "headers", {}).get("retry-after") if response is not None else None
    try:
        return min(float(value), MAX_WAIT) if value is not None else None
    except ValueError:
        return None


def _wait(state: RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    hinted = retry_after(exc)
    wait = hinted if hinted is not None else _backoff(state)
    left = remaining()
    return wait if left is None else max(0.0, min(wait, left - MIN_TRY))


class _stop_at_deadline(stop_base):
    def __call__(self, retry_state: RetryCallState) -> bool:
        left = remaining()
        return left is not None and left < MIN_TRY


def call_with_retries(fn: Callable[[float], T], url: str, retries: int, timeout: float) -> T:
    """fn(timeout of this try); `retries` tries after the first one at most."""
    state = {"tries": 0, "timeout": timeout}

    def attempt() -> T:
        state["tries"] += 1
        left = remaining()
        state["timeout"] = timeout if left is None else min(timeout, max(MIN_TRY, left))
        return fn(state["timeout"])

    retrying = Retrying(
        retry=retry_if_exception(is_transient), wait=_wait, reraise=True,
        stop=stop_after_attempt(max(0, retries) + 1) | _stop_at_deadline(),
    )
    try:
        return retrying(attempt)
    except Exception as exc:
        error = as_model_error(exc, url, int(state["tries"]), state["timeout"])
        left = remaining()
        if left is not None and left < MIN_TRY and is_transient(exc):
            error = ModelError(f"{error}; no more tries: the article's time limit ran out "
                               "(--deadline, SUMMARISER_DEADLINE)")
        raise error from exc


def as_model_error(exc: Exception, url: str, tries: int = 1, timeout: float = 0.0
                   ) -> ModelError:
    """One line naming the endpoint (redacted) and what went wrong; a hung endpoint (no answer
    within the timeout) is told apart from one that cannot be connected to."""
    import openai

    url, tried = redact(url), f"{tries} tr{'y' if tries == 1 else 'ies'}"
    if isinstance(exc, openai.APITimeoutError):
        return ModelError(f"the model endpoint {url} did not answer within {timeout:g} s "
                          f"({tried}; --timeout, --retries)")
    if isinstance(exc, openai.APIConnectionError):
        return ModelError(f"cannot connect to the model endpoint {url}: {_why(exc)} ({tried})")
    if isinstance(exc, openai.AuthenticationError):
        return ModelError(f"the model endpoint {url} refused the API key (401)")
    if isinstance(exc, openai.APIStatusError):
        message: Any = exc.message
        return ModelError(redact(f"the model endpoint {url} answered {exc.status_code} "
                                 f"({tried}): {message}"))
    return ModelError(redact(f"the model call to {url} failed: {exc}"))


def _why(exc: BaseException) -> str:
    """The cause of a connection error, from the exceptions it was raised from."""
    import socket

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused (nothing listens there)"
        if isinstance(seen, socket.gaierror) or "Name or service not known" in str(seen):
            return "the host name does not resolve"
        if isinstance(seen, ConnectionResetError):
            return "the connection was reset"
        seen = seen.__cause__ or seen.__context__
    return "the connection failed"
