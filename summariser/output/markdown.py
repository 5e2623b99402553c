"""One SummaryResult as Markdown (`summarise --format markdown`)."""

from __future__ import annotations

from summariser.output.terminal import EXTRACTIVE
from summariser.pipeline.schema import SummaryResult


def to_markdown(result: SummaryResult) -> str:
    lines = [f"# {result.headline}", "", f"*Source: {result.source.path or 'text'}*", ""]
    if result.mode == "extractive":
        lines += [f"**{EXTRACTIVE}**", ""]
    lines += [result.summary, "", "## Key points", ""]
    for claim in result.claims:
        cites = ", ".join(f"S{s.index}" for s in claim.sentences) or "no valid citation"
        lines.append(f"- {claim.text} ({cites})")
    lines += ["", "## People", ""]
    lines += [f"- {p.name}" + (f", {p.role}" if p.role else "")
              + (f" ({p.country})" if p.country else "") for p in result.people] or ["- none named"]
    lines += ["", f"**Countries:** {', '.join(result.countries) or 'none'}  ",
              f"**Organisations:** {', '.join(result.organisations) or 'none'}", "",
              "## Figures the summary states, checked", "", "| figure | status | source |",
              "|---|---|---|"]
    for fig in result.figures:
        source = (fig.sentence.text if fig.sentence else fig.note).replace("|", "\\|")
        lines.append(f"| {fig.text} | {fig.status} | {source} |")
    lines += ["", "## Figures in the article", "", "| figure | kind | sentence |", "|---|---|---|"]
    lines += [f"| {f.text} | {f.kind} | S{f.sentence} |" for f in result.article_figures]
    lines += ["", _verdict(result), ""]
    lines += [f"> warning: {w}" for w in result.warnings]
    return "\n".join(lines).rstrip() + "\n"


def _verdict(result: SummaryResult) -> str:
    problems = result.validation.problems()
    if not problems:
        return "Validation: every figure, name and claim checked is supported by the source."
    return "Validation: " + "; ".join(problems)
