"""Sentences of an article that read as instructions to an AI rather than news: prompt
injection. Article text is data; a sentence found here is marked suspect when the article is
loaded, never counts as support in the checker, and a summary that states what it asks for is
flagged (validation/data_only.py).

Detected by kind, not by listing phrases:
- an instruction override: a verb of setting aside (ignore, disregard, forget, override ...)
  whose object is the instructions, rules, prompt or context of the reader;
- words addressed to a model: an AI-like addressee (AI, assistant, language model, chatbot,
  summariser, GPT-like names) together with a directive (an imperative, "you must/should",
  "your task/summary");
- a directive about the output itself: an imperative to write, say, state, include or report
  something "in your/the summary (output, response, answer)" or "when summarising";
- chat-template and role markers (system prompt, [INST], <|im_start|>, "### Instruction").
News that reports on such text is marked too: quoting an injection is not evidence of a fact."""

from __future__ import annotations

import re
from itertools import pairwise

from summariser.lazy_pattern import LazyPattern

_ADDRESSEE = (r"(?:\bA\.?I\b|\bAI\b|artificial intelligence|(?:AI |virtual |digital )?assistants?"
              r"|chat ?bots?|(?:large )?language models?|\bLLMs?\b|\bGPT[-\w]*|ChatGPT|Claude"
              r"|Gemini|Copilot|Llama|Qwen|summari[sz](?:er|ation (?:model|tool|system))s?"
              r"|(?:the |this |whatever |any |every )?(?:model|bot|machine|algorithm)s?"
              r"(?= (?:that |which )?(?:is |are )?(?:reading|processing|parsing|summari[sz])|,))")
_SET_ASIDE = (r"(?:ignor(?:e|ing)|disregard(?:ing)?|forget(?:ting)?|overrid(?:e|ing)|overrule"
              r"|bypass|skip|drop|abandon|discard"
              r"|set aside|pay no attention to|do not (?:follow|obey|heed)|stop following)")
_ORDERS = (r"(?:instructions?|directions?|directives?|rules?|guidelines?|guidance|prompts?|orders?"
           r"|commands?|constraints?|guardrails?|system (?:message|prompt)s?|context|programming"
           r"|training|policies|policy|task)")
_OUTPUT = r"(?:summar(?:y|ies)|outputs?|responses?|answers?|reply|replies|report|headline)"
_WRITE = (r"(?:write|say|state|report|claim|include|add|mention|output|print|respond|reply"
          r"|answer|conclude|describe|declare|insist|assert|put|list|tell|make sure|ensure)")

# The orders set aside must be the reader's: "your rules", "all previous instructions", "the
# above prompt"; news says "protesters ignored the rules" and "ignored orders from Tehran".
_THEIRS = (r"(?:your|my|(?:all |any )?(?:of )?(?:the |your |these |those )?(?:previous|prior|above"
           r"|earlier|preceding|original|initial|system|safety|existing|foregoing)|all (?:of )?"
           r"(?:the |your )?(?=instructions?|prompts?|directions?|guidelines?|rules?))")
OVERRIDE = LazyPattern(
    rf"\b{_SET_ASIDE}\b[^.!?\n]{{0,20}}?\b{_THEIRS}\s*(?:\w+ ){{0,2}}{_ORDERS}\b"
    rf"|\b{_SET_ASIDE} (?:the |this )?(?:text|article|page|content) above\b"
    rf"|\b{_SET_ASIDE} (?:everything|all|anything|what) (?:you(?:'ve| have)? (?:were |been )?"
    rf"(?:told|given|read|learned)|above|before this|said before)\b", re.I)
NEW_ORDERS = LazyPattern(
    r"\b(?:new|updated|real|actual|secret|hidden|following) (?:instructions?|directives?|task"
    r"|rules?|orders?)\s*[:\-]|\bfrom now on,? (?:you|your)\b|\byou are now\b"
    r"|\b(?:your|the) (?:real|true|new|only) (?:task|job|instructions?|goal)\b", re.I)
MARKERS = LazyPattern(
    r"\[/?INST\]|<\|?(?:im_start|im_end|system|user|assistant|endoftext)\|?>|<</?SYS>>"
    r"|^\W*(?:#{1,4}\s*)?(?:instructions?|system|assistant|response)\s*:\s|\bsystem prompt\b"
    r"|\b(?:BEGIN|END) (?:SYSTEM|INSTRUCTIONS?|PROMPT)\b|\bjailbreak", re.I | re.M)
ADDRESSED = LazyPattern(
    rf"(?:\b(?:dear|hey|hi|hello|attention|note to|message to|instructions? (?:to|for)|dear "
    rf"reader and)[,!:]? (?:the |any |all |whatever |every )?{_ADDRESSEE}|^\W*{_ADDRESSEE}\s*[,:]"
    rf"|\b(?:if|when|since|as) (?:you(?:'re| are)|you re) (?:an? )?{_ADDRESSEE}"
    rf"|\bas an? {_ADDRESSEE}\s*,|\bto (?:the|any|whatever|every) {_ADDRESSEE}\b"
    rf"|{_ADDRESSEE} (?:(?:that|which) (?:is|are) )?(?:reading|processing|summari[sz]ing|"
    rf"parsing) (?:this|the|these))",
    re.I | re.M)
DIRECTIVE = LazyPattern(
    rf"\b(?:you (?:must|should|shall|need to|have to|are (?:required|instructed|ordered|told) "
    rf"to|will (?:now )?(?:write|say|state|report))|your (?:task|job|summary|output|response|"
    rf"answer)|(?:please |now |instead )?{_WRITE}\b(?! (?:by|on|of)\b))", re.I)
_ASKED_FOR = r"(?:summar(?:y|ies)|output|response|answer|reply)"
OUTPUT_DIRECTIVE = LazyPattern(
    rf"\b(?:in|into|for|within) (?:your {_OUTPUT}|(?:the|any|every|each) {_ASKED_FOR})\b"
    rf"[^.!?\n]{{0,60}}?\b{_WRITE}\b"
    rf"|\b{_WRITE}\b[^.!?\n]{{0,60}}?\b(?:in|into) (?:your {_OUTPUT}|(?:the|any|every) "
    rf"{_ASKED_FOR})\b"
    rf"|\bwhen (?:you )?(?:summari[sz](?:e|ing)|writing (?:your|the|a|any) summary)\b"
    rf"[^.!?\n]{{0,80}}?\b{_WRITE}\b"
    rf"|\b(?:the |your |any )?{_ASKED_FOR}(?: of (?:this|the) (?:article|text|page|story))? "
    rf"(?:must|should|shall|has to|needs to|is to) "
    rf"(?:say|state|read|include|claim|report|mention|be)\b", re.I)
_IMPERATIVE_START = LazyPattern(rf"^\W*(?:(?:and|then|also|now|instead|please),? )*{_WRITE}\b",
                                re.I)


# Every detector above needs one of these words (or a marker's "<|", "<<", "#"): a set look-up
# leaves out most sentences at once; the detectors' patterns cost ~0.4 ms a sentence.
_TRIGGERS = frozenset({
    "ignore", "ignoring", "disregard", "disregarding", "forget", "forgetting", "override",
    "overriding", "overrule", "bypass", "skip", "drop", "abandon", "discard", "aside",
    "attention", "follow", "following", "obey", "heed", "ai", "assistant", "assistants",
    "chatbot", "chatbots", "bot", "bots", "language", "model", "models", "llm", "llms", "gpt",
    "chatgpt", "claude", "gemini", "copilot", "llama", "qwen", "summary", "summaries",
    "summarise", "summarize", "summarising", "summarizing", "summariser", "summarizer",
    "summarisers", "summarizers", "summarisation", "summarization", "machine", "machines",
    "algorithm", "algorithms", "instruction", "instructions", "instructed", "directive",
    "directives", "direction", "directions", "guidance", "guideline", "guidelines", "prompt",
    "prompts", "task", "rule", "rules", "order", "orders", "job", "goal", "inst", "system",
    "response", "responses", "jailbreak", "output", "outputs", "answer", "answers", "reply",
    "replies", "your", "sys", "programming", "training", "policy", "policies", "context",
    "constraints", "guardrails", "commands",
})
_LETTERS = re.compile(r"[a-z]+")


def _may_be(text: str) -> bool:
    low = text.lower()
    if "<|" in low or "<<" in low or "#" in low or "from now on" in low or "you are now" in low:
        return True
    return not _TRIGGERS.isdisjoint(_LETTERS.findall(low))


def is_suspect(sentence: str) -> bool:
    """Whether the sentence reads as an instruction to the model summarising the article."""
    if not _may_be(sentence):
        return False
    if OVERRIDE.search(sentence) or NEW_ORDERS.search(sentence) or MARKERS.search(sentence):
        return True
    if OUTPUT_DIRECTIVE.search(sentence):
        return True
    # the directive first: few sentences hold one, and ADDRESSED is the costliest to compile
    return bool((DIRECTIVE.search(sentence) or _IMPERATIVE_START.search(sentence))
                and ADDRESSED.search(sentence))


def suspect_sentences(sentences: list[tuple[int, str]]) -> list[int]:
    """The numbers of the (number, text) sentences that are suspect. An injection the sentence
    splitter cut in two is caught whole: an address to a model ("Hello, assistant!") followed
    by a directive, and the sentences around a chat-template marker."""
    candidates = [(n, text, _may_be(text)) for n, text in sentences]
    marked = {n for n, text, may in candidates if may and is_suspect(text)}
    for (n, text, may), (m, after, _) in pairwise(candidates):
        if not may:
            continue
        directive = DIRECTIVE.search(after) or _IMPERATIVE_START.search(after)
        if directive and ADDRESSED.search(text):
            marked |= {n, m}
        if MARKERS.search(text) and n in marked and _marker_only(after):
            marked.add(m)
    return sorted(marked)


def _marker_only(text: str) -> bool:
    """A sentence that is nothing but a closing marker, such as "[/INST]"."""
    return not MARKERS.sub("", text).strip(" .!?")
