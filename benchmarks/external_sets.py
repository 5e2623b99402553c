"""Readers of the public, human-labelled sets in ../shared/external (beside the repository, never
copied into it): SummEdits (one JSON file per domain) and the CLIFF val cut (a CSV).

A SummEdits summary counts as flagged when `check(doc, summary).ok` is False: anything `check`
reports as failing (a figure, name, quote or claim) flags it. Label 0 (inconsistent) should be
flagged, label 1 (consistent) should not."""

from __future__ import annotations

import ast
import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "external"
SUMMEDITS = EXTERNAL / "summedits"
CLIFF_CSV = EXTERNAL / "cliff-val.csv"
# SummEdits news dev: rules are tuned on documents 0-4 (and the other domains); 5-9 are held back.
NEWS_DEV_DOCS = range(5)


@dataclass
class Row:
    doc_id: int
    summary: str
    consistent: bool
    edit_types: list[str] = field(default_factory=list)


@dataclass
class DocRows:
    """One source document with every labelled summary of it (so a worker parses it once)."""

    doc: str
    rows: list[Row]


def summedits_domains() -> list[str]:
    return sorted(p.stem.removeprefix("summedits_") for p in SUMMEDITS.glob("summedits_*.json"))


def _edit_types(value: object) -> list[str]:
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value or "[]")
        except (ValueError, SyntaxError):
            return []
    return [str(v) for v in value] if isinstance(value, list) else []


def summedits(domain: str) -> list[DocRows]:
    """The rows of one domain grouped by document, documents numbered in order of appearance."""
    data = json.loads((SUMMEDITS / f"summedits_{domain}.json").read_text(encoding="utf-8"))
    docs: dict[str, DocRows] = {}
    for item in data:
        group = docs.setdefault(item["doc"], DocRows(item["doc"], []))
        group.rows.append(Row(len(docs) - 1, item["summary"], str(item["label"]) == "1",
                              _edit_types(item.get("edit_types"))))
    return list(docs.values())


@dataclass
class CliffRow:
    doc: str
    summary: str
    correct: bool
    spans: list[str]


def _spans(raw: str) -> list[str]:
    try:
        spans = ast.literal_eval(raw or "[]")
    except (ValueError, SyntaxError):
        return []
    return [s for s in spans if isinstance(s, str)] if isinstance(spans, list) else []


def cliff(path: Path = CLIFF_CSV) -> list[CliffRow]:
    with path.open(newline="", encoding="utf-8") as f:
        return [CliffRow(r["doc"], r["summ"], r["error_type"] == "correct",
                         _spans(r["annotated_span"])) for r in csv.DictReader(f)]


def balanced_accuracy(caught: int, bad: int, alarms: int, good: int) -> float:
    """(share of inconsistent summaries flagged + share of consistent ones passed) / 2."""
    if not bad or not good:
        return float("nan")
    return (caught / bad + 1 - alarms / good) / 2


def has_digit(text: str) -> bool:
    return re.search(r"\d", text) is not None
