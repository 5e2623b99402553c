"""Tokenised text back to written text, once, before any check reads a summary.

Summaries from summarisation datasets and some pipelines come tokenised: "Villa 's",
"Do n't", "U.S .", "semi - final", "a 25 - year - old", "word ,". Read as written, "Villa 's"
leaves a stray "s", "Do n't Push It" gives a name "Do", and "Al - Wasl" gives a name "Al".

- Clitics and spaced punctuation are always joined: "Villa 's" -> "Villa's", "Do n't" ->
  "Don't", "U.S ." -> "U.S.", "word ," -> "word,".
- A spaced hyphen is also a dash ("16,000 hectares - or 40,000 acres"), so "A - B" becomes
  "A-B" only when the source writes "A-B" (the whole chain "full - time - job" when the source
  has "full-time-job", else each pair it has), and always in an age ("25 - year - old")."""

from __future__ import annotations

import re

_CLITIC = re.compile(r"(?<=\w) (['’](?:s|re|ve|ll|d|m)|n['’]t)\b", re.I)
_DOTTED = re.compile(r"\b((?:[A-Z]\.)+[A-Z]) \.")
_PUNCT = re.compile(r"(?<=\w) ([,;:!?.])(?=\s|$)")
_CHAIN = re.compile(r"\w+(?: - \w+)+")
_AGE = re.compile(r"\b(\d+) - (years?) - (old)\b", re.I)


def _join_chain(words: list[str], source: str) -> str:
    if "-".join(words).lower() in source:
        return "-".join(words)
    out = words[0]
    for word in words[1:]:
        last = out.rsplit(" - ", 1)[-1].rsplit("-", 1)[-1]
        joined = f"{last}-{word}".lower() in source
        out += ("-" if joined else " - ") + word
    return out


def untokenise(text: str, source: str = "") -> str:
    """`text` as written; `source` (the article) decides which spaced hyphens are hyphens."""
    if " " not in text:
        return text
    text = _CLITIC.sub(r"\1", text)
    text = _DOTTED.sub(r"\1.", text)
    text = _PUNCT.sub(r"\1", text)
    text = _AGE.sub(r"\1-\2-\3", text)
    if " - " not in text:
        return text
    lowered = source.lower()
    return _CHAIN.sub(lambda m: _join_chain(m.group().split(" - "), lowered), text)
