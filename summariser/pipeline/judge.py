"""`summariser check --judge`: an LLM's verdict on each claim against its evidence sentences
(supported, contradicted, not enough information), through the same backends as summarising. The
prompt is prompts/judge.md. It runs on the checker's report, after the checker: the checker
stays deterministic and model-free, and its verdicts stay authoritative. A verdict other than
'supported' adds to them and fails the report: 'contradicted', and 'not enough information',
which the prompt asks for when the claim adds a fact its sentences do not give (an unsupported
claim, as the checker would call it). On SummEdits news documents 0-4 (development figures,
benchmarks/judge_external.py) the embedded model never answered 'contradicted', and its 'not
enough information' was the signal: with prompt v2, 56 of 115 edited summaries and 3 of 49
faithful ones."""

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


def judge_report(report: ValidationReport, llm: LLM,
                 prompt_name: str = "judge") -> ValidationReport:
    """Sets each claim's `judge` verdict; one that is not 'supported' is also listed as a
    problem and fails the report."""
    for claim in report.claims:
        claim.judge = judge_claim(claim, llm, prompt_name)
        if claim.judge != "supported":
            claim.problems.append(_PROBLEMS[claim.judge])
            report.ok = False
    return report


_PROBLEMS = {"contradicted": "the judge model says its sentences contradict it",
             "not enough information": "the judge model says its sentences do not state it"}
