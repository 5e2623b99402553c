"""One SummaryResult in the terminal: a panel and rich tables, statuses in colour."""

from __future__ import annotations

from typing import Any

from summariser.pipeline.schema import SummaryResult

EXTRACTIVE = ("Extractive: no usable model reply; the headline, summary and key points are the "
              "article's own sentences (see the warnings).")
STATUS_STYLE = {"supported": "green", "derived": "cyan", "mismatch": "bold red",
                "unsupported": "red", "boilerplate": "magenta", "partial": "yellow",
                "paraphrased": "yellow", "contradicted": "red", "bad_citation": "red"}


def print_rich(result: SummaryResult, console: Any) -> None:
    from rich.panel import Panel
    from rich.table import Table

    body = f"[bold]{_esc(result.headline)}[/bold]\n\n{_esc(result.summary)}"
    if result.mode == "extractive":
        body = f"[bold yellow]{_esc(EXTRACTIVE)}[/bold yellow]\n\n{body}"
    # The path goes on a line of its own: a panel title is cut to the panel's width, and a
    # long path (or one shown escaped) must stay whole to be found again.
    console.print(f"[bold]{_esc(result.source.path or 'article')}[/bold]", overflow="fold")
    console.print(Panel(body, expand=False))
    points = Table(title="Key points and the sentences they cite", show_lines=False)
    points.add_column("#", justify="right")
    points.add_column("key point")
    points.add_column("cites")
    for n, claim in enumerate(result.claims, 1):
        bad = [f"[red]S{i}?[/red]" for i in claim.invalid_citations]
        points.add_row(str(n), _esc(claim.text),
                       " ".join([f"S{s.index}" for s in claim.sentences] + bad))
    console.print(points)
    _print_entities(result, console)
    _print_figures(result, console)
    _print_article_figures(result, console)
    _print_footer(result, console)


def _print_article_figures(result: SummaryResult, console: Any) -> None:
    if not result.article_figures:
        return
    by_sentence: dict[int, list[str]] = {}
    for fig in result.article_figures:
        by_sentence.setdefault(fig.sentence, []).append(fig.text)
    line = "; ".join(f"S{n}: {', '.join(texts)}" for n, texts in by_sentence.items())
    console.print(f"[bold]Figures in the article:[/bold] {_esc(line)}")


def _print_entities(result: SummaryResult, console: Any) -> None:
    people = "; ".join(
        _esc(p.name) + (f" ({_esc(p.role)}" + (f", {_esc(p.country)}" if p.country else "") + ")"
                        if p.role or p.country else "")
        for p in result.people)
    console.print(f"[bold]People:[/bold] {people or 'none named'}")
    console.print(f"[bold]Countries:[/bold] {_esc(', '.join(result.countries)) or 'none'}")
    console.print(f"[bold]Organisations:[/bold] {_esc(', '.join(result.organisations)) or 'none'}")


def _print_figures(result: SummaryResult, console: Any) -> None:
    from rich.table import Table

    table = Table(title="Figures the summary states, checked against the source")
    table.add_column("figure")
    table.add_column("status")
    table.add_column("evidence")
    for fig in result.figures:
        style = STATUS_STYLE.get(fig.status, "")
        evidence = fig.sentence.text if fig.sentence else fig.note
        table.add_row(_esc(fig.text), f"[{style}]{fig.status}[/{style}]", _esc(evidence))
    if result.figures:
        console.print(table)
    else:
        console.print("[dim]No figures in this summary.[/dim]")


def _print_footer(result: SummaryResult, console: Any) -> None:
    problems = result.validation.problems()
    if problems:
        console.print("[bold red]Flagged by the checker:[/bold red]")
        for line in problems:
            console.print(f"  - {_esc(line)}")
    else:
        console.print("[green]Every figure, name and claim checked is supported.[/green]")
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {_esc(warning)}")
    u = result.usage
    timing = "cached, no model call" if u.cached else (
        f"{u.calls} call(s), {u.prompt_tokens} prompt + {u.completion_tokens} generated tokens, "
        f"{u.seconds:.1f} s")
    console.print(f"[dim]{result.model.backend}:{_esc(result.model.name)} · prompt "
                  f"{result.prompt.name} v{result.prompt.version} ({result.prompt.hash}) · "
                  f"{timing}[/dim]")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
