"""One redaction for everything a user or a file sees (terminal, JSON, manifest, reports, cache):
the API key wherever it appears, credentials in URLs (user:password@, query parameters named
like key/token/secret/signature/password), and Authorization headers or bearer tokens echoed
back in an endpoint's error. Names that are not valid UTF-8 are made printable here too.

`redact(text)` is the one function; backends register the keys they hold with `add_secret`."""

from __future__ import annotations

import json
import os
import re
import threading

REDACTED = "[redacted]"
_MIN_SECRET = 6  # shorter values would redact ordinary words
_SECRETS: set[str] = set()
_LOCK = threading.Lock()

# user:password@ (or a bare token@) in any scheme://... URL
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#]+@")
# ?api-key=..., &access_token=..., &X-Amz-Signature=..., password=...
_CREDENTIAL_PARAM = re.compile(
    r"(?i)([?&;][^=&\s#\"'<>]*(?:key|token|secret|signature|sig|password|passwd|pwd|auth|"
    r"credential|session)[^=&\s#\"'<>]*=)[^&\s#\"'<>]+")
# Authorization: Bearer xyz / "authorization": "Basic xyz" / api-key: xyz
_HEADER = re.compile(
    r"(?i)(['\"]?(?:proxy-)?(?:authorization|api[-_]?key|x-api-key|openai[-_]api[-_]key)['\"]?"
    r"\s*[:=]\s*['\"]?)(?:(?:bearer|basic|token)\s+)?[^\s'\",}]+")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}")
# Key shapes of the common providers, seen anywhere (sk-..., sk-proj-...)
_KEY_SHAPE = re.compile(r"\bsk-[A-Za-z0-9_-]{16,}")


def add_secret(value: str | None) -> None:
    """Remembers a secret (an API key) so that every later redact() removes it."""
    if value and len(value) >= _MIN_SECRET:
        with _LOCK:
            _SECRETS.add(value)


def _secrets() -> list[str]:
    env = os.environ.get("OPENAI_API_KEY")
    with _LOCK:
        found = set(_SECRETS)
    if env and len(env) >= _MIN_SECRET:
        found.add(env)
    return sorted(found, key=len, reverse=True)  # longest first: no half-redacted key


def redact(text: str) -> str:
    """The text with every known secret and every credential-shaped part replaced."""
    for secret in _secrets():
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _USERINFO.sub(rf"\1{REDACTED}@", text)
    text = _CREDENTIAL_PARAM.sub(rf"\1{REDACTED}", text)
    text = _HEADER.sub(rf"\1{REDACTED}", text)
    text = _BEARER.sub(rf"\1 {REDACTED}", text)
    return _KEY_SHAPE.sub(REDACTED, text)


def printable(text: str) -> str:
    """Text safe to encode as UTF-8: a file name that is not valid UTF-8 reaches Python with
    its bad bytes as lone surrogates (surrogateescape); they are shown as \\xNN escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape") if _escaped_bytes_only(text) else \
            text.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _escaped_bytes_only(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def shown(text: str) -> str:
    """What the terminal and reports show: redacted and printable."""
    return printable(redact(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_dumps(data: object, **options: object) -> str:
    """json.dumps(ensure_ascii=False) that survives names that are not valid UTF-8: their lone
    surrogates are written as \\udcNN escapes, which json.loads turns back into the same name
    (lossless; pydantic's JSON reader rejects them, so read such text with json.loads)."""
    text = json.dumps(data, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def redact_data(data: object, *, show: bool = False) -> object:
    """Every string of a JSON-like structure redacted (and, with `show`, made printable)."""
    if isinstance(data, str):
        return shown(data) if show else redact(data)
    if isinstance(data, dict):
        return {key: redact_data(value, show=show) for key, value in data.items()}
    if isinstance(data, list):
        return [redact_data(value, show=show) for value in data]
    return data
