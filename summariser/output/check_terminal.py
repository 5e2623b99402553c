"""Tables for `summariser check`: one per kind of item, each row with its status and the
source sentence (or the reason) next to it."""

from __future__ import annotations

from typing import Any

from rich.markup import escape

from summariser.output.terminal import STATUS_STYLE
from summariser.validation.meaning import fails
from summariser.validation.models import MeaningFinding, SourceSpan, ValidationReport


def _status(status: str) -> str:
    style = STATUS_STYLE.get(status, "")
    return f"[{style}]{status}[/{style}]" if style else status


def _where(span: SourceSpan | None, note: str = "") -> str:
    parts = []
    if span is not None:
        label = f"S{span.sentence}: " if span.sentence else ""
        parts.append(f"{label}{escape(span.text)}")
    if note:
        parts.append(f"[dim]{escape(note)}[/dim]")
    return "\n".join(parts)


def _table(title: str, *columns: str) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=True)
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _figures(report: ValidationReport, console: Any) -> None:
    table = _table("Figures", "figure", "status", "source sentence")
    for f in report.figures:
        table.add_row(escape(f.text), _status(f.status), _where(f.sentence or f.source, f.note))
    console.print(table)


def _names(report: ValidationReport, console: Any) -> None:
    table = _table("Names", "name", "category", "status", "found as")
    for n in report.names:
        table.add_row(escape(n.text), n.category, _status(n.status), _where(n.source, n.note))
    console.print(table)


def _quotes(report: ValidationReport, console: Any) -> None:
    table = _table("Quotes", "quote", "status", "score", "source")
    for q in report.quotes:
        diff = " ".join(q.differences)
        table.add_row(escape(q.text), _status(q.status), f"{q.score:.0f}",
                      _where(q.source, f"differs: {diff}" if diff else ""))
    console.print(table)


def _finding(f: MeaningFinding, judged_against: bool = False) -> str:
    """One line per difference of meaning: its kind, the words, and (when it fails the claim)
    in the claim's status colour; findings reported only (novel ordinary words, same-kind
    substitutions, names in another's place) dimmed, as they fail nothing, unless the judge
    model, asked about them, failed the claim."""
    style = "red" if fails(f) or judged_against else "dim"
    where = f" (S{f.source.sentence})" if f.source and f.source.sentence else ""
    return f"\n[{style}]{f.kind}: {escape(', '.join(f.words))}{where}: {escape(f.note)}[/{style}]"


def _claims(report: ValidationReport, console: Any) -> None:
    judged = any(c.judge for c in report.claims)
    columns = ["claim", "status", "overlap", "evidence", *(["judge"] if judged else [])]
    table = _table("Claims", *columns)
    for c in report.claims:
        evidence = "\n".join(_where(s) for s in c.evidence)  # no "SNone:" in a cut article
        if c.problems:
            evidence += "\n[dim]" + escape("; ".join(c.problems)) + "[/dim]"
        against = c.judge not in (None, "supported")
        evidence += "".join(_finding(f, against) for f in c.findings)
        label = "cites " + ", ".join(f"S{i}" for i in c.cited) + "\n" if c.cited else ""
        row = [escape(c.text), _status(c.status), f"{c.overlap:.0%}", label + evidence]
        table.add_row(*row, *([escape(c.judge or "")] if judged else []))
    console.print(table)


def print_report(report: ValidationReport, console: Any, source: str, summary: str) -> None:
    console.print(f"[bold]Checking {escape(summary)} against {escape(source)}[/bold]")
    sections = [(report.figures, _figures), (report.names, _names), (report.quotes, _quotes),
                (report.claims, _claims)]
    if not any(items for items, _ in sections):
        console.print("Nothing to check: the summary has no figures, names, quotes or claims.")
    for items, show in sections:
        if items:
            show(report, console)
    problems = report.problems()
    if report.ok:
        console.print("[green]Everything checked is supported by the source.[/green]")
        for line in problems:  # partial claims and derived figures: shown, not failing
            console.print(f"  [yellow]note:[/yellow] {escape(line)}")
        return
    console.print("[bold red]Not supported by the source:[/bold red]")
    for line in problems:
        console.print(f"  - {escape(line)}")
