"""`summariser check --judge`: an LLM's verdict on each claim against its evidence sentences
(supported, contradicted, not enough information), through the same backends as summarising. The
prompt is prompts/judge.md. It runs on the checker's report, after the checker: the checker
stays deterministic and model-free, and its verdicts stay authoritative; a 'contradicted'
verdict adds to them (it fails the report), the other verdicts are shown only."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from summariser.llm.base import LLM
from summariser.validation.models import ClaimCheck, ValidationReport

Verdict = Literal["supported", "contradicted", "not enough information"]
JUDGE_MAX_TOKENS = 40
JUDGE_REASKS = 1


class JudgeReply(BaseModel):
    verdict: Verdict


def judge_claim(claim: ClaimCheck, llm: LLM, prompt_name: str = "judge") -> Verdict:
    from summariser.llm.structured import ask
    from summariser.prompting.templates import load_prompt

    if not claim.evidence:
        return "not enough information"
    sentences = "\n".join(f"[S{s.sentence}] {s.text}" for s in claim.evidence)
    messages = load_prompt(prompt_name).render(claim=claim.text, sentences=sentences)
    reply, _, _ = ask(llm, messages, JudgeReply, JUDGE_MAX_TOKENS, JUDGE_REASKS)
    return reply.verdict


def judge_report(report: ValidationReport, llm: LLM) -> ValidationReport:
    """Sets each claim's `judge` verdict; a contradiction is also listed as a problem and fails
    the report."""
    for claim in report.claims:
        claim.judge = judge_claim(claim, llm)
        if claim.judge == "contradicted":
            claim.problems.append("the judge model says the cited sentences contradict it")
            report.ok = False
    return report
