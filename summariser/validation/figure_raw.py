"""A figure as the parsers find it, before its clause context is attached (numbers.Figure)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Raw:
    start: int
    end: int
    kind: str
    value: float | None
    digits: int | None = None
    high: float | None = None
    unit: str | None = None
    iso: str | None = None
    approx: str | None = None
    scale: float = 1.0
    word: bool = False
    src: str = ""
    glued_unit: bool = False
