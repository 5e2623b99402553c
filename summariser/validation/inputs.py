"""Reading what `summariser check` is asked to check: a summary as text (a file, or standard
input for '-'), or as JSON: the output of `summariser summarise --format json`, the model's
draft (key_points with cite), or a CheckInput. Structured summaries keep their names and cited
sentence numbers, so their claims are checked against the sentences they cite."""

from __future__ import annotations

import json
import sys
from functools import cache
from typing import Any, cast, get_args

from summariser.articles.files import decode_text, existing_file, read_bytes
from summariser.errors import InputError
from summariser.validation.models import CheckInput, ClaimInput, NameCategory


def read_text(path: str) -> str:
    """The file's text, or standard input's for '-'; InputError for missing, binary or
    non-UTF-8 input (the same checks as for articles)."""
    if path == "-":
        name, raw = "standard input", sys.stdin.buffer.read()
    else:
        name, raw = path, read_bytes(existing_file(path, "a summary file"), path)
    return decode_text(raw, name)


def _names(data: dict[str, Any]) -> list[tuple[str, NameCategory]]:
    people = [p.get("name", "") if isinstance(p, dict) else str(p)
              for p in data.get("people") or []]
    names: list[tuple[str, NameCategory]] = [(p, "person") for p in people if p]
    names += [(str(c), "country") for c in data.get("countries") or []]
    names += [(str(o), "organisation") for o in data.get("organisations") or []]
    return names


@cache
def _validator(kind: Any) -> Any:
    # pydantic only here: JSON from outside is checked field by field, its errors say where
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def check_input_of(data: Any) -> CheckInput:
    """JSON data as a CheckInput (pydantic's ValidationError when it is not one)."""
    checked: CheckInput | None = _typed_input(data)
    if checked is None:
        checked = _validator(CheckInput).validate_python(data)
    return checked


# JSON whose every value already has its field's type is built directly: pydantic would pass
# it through unchanged, and a check of summarise's JSON then never imports it (~0.3 s of the
# command). Anything else goes to pydantic, for its coercions ("3" -> 3) and error messages.
_CATEGORIES = frozenset(get_args(NameCategory))


def _typed_claims(given: Any) -> list[ClaimInput] | None:
    if type(given) is not list:
        return None
    claims = []
    for c in given:
        cited = c.get("cited", []) if isinstance(c, dict) else None
        if type(cited) is not list or type(c.get("text")) is not str \
                or not all(type(n) is int for n in cited):
            return None
        claims.append(ClaimInput(text=c["text"], cited=list(cited)))
    return claims


def _typed_strings(items: Any, size: int) -> list[tuple[str, ...]] | None:
    if type(items) is not list or not all(
            type(i) in (list, tuple) and len(i) == size and all(type(x) is str for x in i)
            for i in items):
        return None
    return [tuple(i) for i in items]


def _typed_input(data: Any) -> CheckInput | None:
    if not isinstance(data, dict) or type(data.get("text", "")) is not str:
        return None
    claims = _typed_claims(data.get("claims", []))
    names = _typed_strings(data.get("names", []), 2)
    roles = _typed_strings(data.get("roles", []), 3)
    if claims is None or names is None or roles is None \
            or not all(c in _CATEGORIES for _, c in names):
        return None
    return CheckInput(text=data.get("text", ""), claims=claims,
                      names=cast(list[tuple[str, NameCategory]], names),
                      roles=cast(list[tuple[str, str, str]], roles))


def check_input_from_summary(data: dict[str, Any]) -> CheckInput:
    """A SummaryResult (claims with resolved sentences) or a Draft (key points with cite)."""
    points = data.get("key_points") or []
    if data.get("claims") is not None:
        given = [{"text": c["text"], "cited": [s["index"] for s in c.get("sentences", [])]
                  + list(c.get("invalid_citations", []))} for c in data["claims"]]
    else:  # a draft's key points: {text, cite}, or bare sentence numbers (no text to check)
        given = [{"text": p["text"], "cited": list(p.get("cite", []))}
                 for p in points if isinstance(p, dict)]
    claims = _typed_claims(given)
    if claims is None:
        claims = _validator(list[ClaimInput]).validate_python(given)
    texts = [data.get("headline", ""), data.get("summary", "")]
    texts += [p if isinstance(p, str) else p.get("text", "") for p in points
              if isinstance(p, str | dict)]
    return CheckInput(text="\n".join(t for t in texts if t), names=_names(data), claims=claims,
                      roles=_roles(data))


def _roles(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    people = [p for p in data.get("people") or [] if isinstance(p, dict)]
    return [(str(p.get("name", "")), str(p.get("role") or ""), str(p.get("country") or ""))
            for p in people if p.get("name") and (p.get("role") or p.get("country"))]


# The fields a summary result, a draft or a check input is recognised by.
KNOWN_FIELDS = frozenset({"key_points", "claims", "text", "names", "headline", "summary"})


def parse_summary(text: str, name: str) -> str | CheckInput:
    """Plain text stays text; a JSON object becomes a CheckInput (a JSON array of exactly one
    object is that object). Unusable input is an InputError: an empty summary, JSON of
    another shape, or a summary object with no text in it."""
    if not text.strip():
        raise InputError("the summary is empty: there is nothing to check", name)
    if not text.lstrip().startswith(("{", "[")):
        return text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("["):  # "[Reuters] ..." is text, not broken JSON
            return text
        raise InputError(f"this looks like JSON but does not parse (line {exc.lineno}: "
                         f"{exc.msg})", name) from None
    given = _from_json(_one_object(data, name), name)
    if not given.text.strip() and not given.names and not given.claims:
        raise InputError("the JSON summary has no text, names or claims to check", name)
    return given


def _one_object(data: Any, name: str) -> dict[str, Any]:
    if isinstance(data, list):
        if len(data) == 1 and isinstance(data[0], dict):
            return data[0]
        raise InputError(f"the JSON is an array of {len(data)} items; `check` takes one summary "
                         "(one object: split the array, one file per summary)", name)
    if not isinstance(data, dict):
        raise InputError(f"the JSON is a {type(data).__name__}, not a summary object", name)
    if not KNOWN_FIELDS & data.keys():
        found = ", ".join(sorted(map(str, data))[:5]) or "none"
        raise InputError("the JSON is neither a summary result, a draft nor a check input (it "
                         f"has none of {', '.join(sorted(KNOWN_FIELDS))}; its fields: {found})",
                         name)
    return data


def _from_json(data: dict[str, Any], name: str) -> CheckInput:
    try:
        if {"key_points", "headline", "summary"} & data.keys():
            return check_input_from_summary(data)
        return check_input_of(data)
    except (KeyError, TypeError, AttributeError) as exc:
        why = repr(exc)
    except ValueError as exc:  # pydantic's ValidationError is one (pydantic loaded only for it)
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        why = exc.errors()[0]["msg"]
    raise InputError("the JSON is neither a summary result, a draft nor a check input "
                     f"({why})", name) from None
