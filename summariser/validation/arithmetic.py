"""The arithmetic behind `derived` figures: values that follow from two source figures (sum,
difference, share, percent change, undoing a percent change), each with how it was worked out."""

from __future__ import annotations

import math

from summariser.validation.numbers import Figure

AMOUNTS = ("money", "quantity")


def _sums(a: Figure, b: Figure) -> list[tuple[float, str]]:
    av, bv = a.value or 0.0, b.value or 0.0
    return [(av + bv, f"{a.text} + {b.text}"), (abs(av - bv), f"{a.text} - {b.text}")]


def _changes(a: Figure, b: Figure) -> list[tuple[float, str]]:
    """An amount after, or before, a percent change."""
    av, p = a.value or 0.0, (b.value or 0.0) / 100
    out = [(av * (1 + p), f"{a.text} × (1 + {b.text})"),
           (av * (1 - p), f"{a.text} × (1 - {b.text})"),
           (av / (1 + p), f"{a.text} / (1 + {b.text})")]
    if p < 1:
        out.append((av / (1 - p), f"{a.text} / (1 - {b.text})"))
    return out


def _shares(a: Figure, b: Figure) -> list[tuple[float, str]]:
    av, bv = a.value or 0.0, b.value or 1.0
    return [(100 * av / bv, f"{a.text} / {b.text}"),
            (100 * abs(av - bv) / bv, f"({a.text} - {b.text}) / {b.text}")]


def candidates(c: Figure, a: Figure, b: Figure) -> list[tuple[float, str]]:
    same = a.kind == b.kind and a.unit == b.unit
    if c.kind == "percent":
        if same and a.kind in AMOUNTS and b.value:
            return _shares(a, b)
        # percentage points between two percents; "21%" from "17%" and "4%" would be a sum of
        # unrelated rates
        return _sums(a, b) if same and a.kind == "percent" and c.unit == "pp" else []
    if (a.kind, a.unit) != (c.kind, c.unit):
        return []
    if same:
        return _sums(a, b)
    return _changes(a, b) if b.kind == "percent" and b.unit == "%" else []


def describe(value: float, c: Figure) -> str:
    if c.kind == "percent":
        return f"{value:.1f}" + (" percentage points" if c.unit == "pp" else "%")
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= scale:
            return f"{value / scale:.2f}{word} {c.unit or ''}".rstrip()
    return f"{value:,.1f} {c.unit or ''}".rstrip()


def round_sig(x: float, digits: int) -> float:
    """x rounded to `digits` significant digits (237.4, 3 -> 237.0; 0.0456, 2 -> 0.046)."""
    if x == 0:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))
