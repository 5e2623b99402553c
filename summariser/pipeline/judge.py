"""`summariser check --judge`: a model's verdict on claims of the checker's report (supported,
contradicted, not enough information) against their evidence sentences, through the same
backends as summarising (prompts/judge.md). It runs after the checker: the checker stays
deterministic and model-free, its verdicts stay authoritative, and the judge only adds
failures: 'contradicted', and 'not enough information', which the prompt asks for when the
claim adds a fact its sentences do not give.

The judge is asked about the claims where the checker found a departure from the source that
it only reports (a content word in none of the claim's sentences, a name in another name's
place): there the checker cannot tell a reworded claim from an edited one. A claim the checker
passes without such a finding, or already fails, is not asked (`every_claim` asks them all);
a failing verdict names the findings beside the claim's sentences. Prompts that named the
words to the model (one question a word, or the claim with its words) were measured and
dropped (README, validation). On SummEdits news
documents 0-4 (development figures, benchmarks/judge_external.py) every summary the judge
failed beyond the checker had such a claim, and 135 claims were asked instead of 260."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from summariser.llm.base import LLM
from summariser.validation.meaning import fails
from summariser.validation.models import ClaimCheck, MeaningFinding, ValidationReport
from summariser.validation.statuses import FAILING_CLAIMS

Verdict = Literal["supported", "contradicted", "not enough information"]
JUDGE_MAX_TOKENS = 40
JUDGE_REASKS = 1
JUDGE_PROMPT = "judge"


class JudgeReply(BaseModel):
    verdict: Verdict


def reported_findings(claim: ClaimCheck) -> list[MeaningFinding]:
    """The claim's findings the checker reports without failing it, one per word; none when
    the checker already fails the claim."""
    if claim.status in FAILING_CLAIMS:
        return []
    seen: set[str] = set()
    out: list[MeaningFinding] = []
    for f in claim.findings:
        key = " ".join(f.words).lower()
        if not fails(f) and key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _words(findings: list[MeaningFinding]) -> str:
    """'"hilltop", "Melbourne" (where the sentences name "Sydney")': what the prompt names."""
    out = []
    for f in findings:
        said = f'"{" ".join(f.words)}"'
        if f.kind == "name_swap" and f.source_words:
            said += f' (where the sentences name "{" ".join(f.source_words)}")'
        out.append(said)
    return ", ".join(out)


def judge_claim(claim: ClaimCheck, llm: LLM, prompt_name: str = JUDGE_PROMPT) -> Verdict:
    from summariser.llm.structured import ask
    from summariser.prompting.templates import load_prompt

    if not claim.evidence:
        return "not enough information"
    sentences = "\n".join(f"[S{s.sentence}] {s.text}" for s in claim.evidence)
    messages = load_prompt(prompt_name).render(claim=claim.text, sentences=sentences)
    reply, _, _ = ask(llm, messages, JudgeReply, JUDGE_MAX_TOKENS, JUDGE_REASKS)
    return reply.verdict


def judge_report(report: ValidationReport, llm: LLM, prompt_name: str = JUDGE_PROMPT,
                 every_claim: bool = False) -> ValidationReport:
    """Sets the `judge` verdict of each claim with a reported-only finding (of every claim
    with `every_claim`); one that is not 'supported' is also listed as the claim's problem,
    naming the findings, and fails the report."""
    for claim in report.claims:
        findings = reported_findings(claim)
        if not (findings or every_claim):
            continue
        claim.judge = judge_claim(claim, llm, prompt_name)
        if claim.judge != "supported":
            claim.problems.append(_PROBLEMS[claim.judge] + _about(findings))
            report.ok = False
    return report


def _about(findings: list[MeaningFinding]) -> str:
    return f" (the claim's words not in them: {_words(findings)})" if findings else ""


_PROBLEMS = {"contradicted": "the judge model says its sentences contradict it",
             "not enough information": "the judge model says its sentences do not state it"}
