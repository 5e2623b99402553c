"""Retries for what can succeed on retry: connection errors, timeouts, 429 and 5xx, with
exponential backoff, jitter and a cap, honouring Retry-After. Everything else fails at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from summariser.errors import ModelError

T = TypeVar("T")
MAX_WAIT = 30.0
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
    return hinted if hinted is not None else _backoff(state)


def call_with_retries(fn: Callable[[], T], url: str, attempts: int) -> T:
    retrying = Retrying(
        retry=retry_if_exception(is_transient), wait=_wait,
        stop=stop_after_attempt(max(1, attempts)), reraise=True,
    )
    try:
        return retrying(fn)
    except Exception as exc:
        raise _as_model_error(exc, url) from exc


def _as_model_error(exc: Exception, url: str) -> ModelError:
    import openai

    if isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError)):
        return ModelError(f"cannot reach the model endpoint {url} ({type(exc).__name__})")
    if isinstance(exc, openai.AuthenticationError):
        return ModelError(f"the model endpoint {url} refused the API key (401)")
    if isinstance(exc, openai.APIStatusError):
        message: Any = exc.message
        return ModelError(f"the model endpoint {url} answered {exc.status_code}: {message}")
    return ModelError(f"the model call to {url} failed: {exc}")
