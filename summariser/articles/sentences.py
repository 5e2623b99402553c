"""Body sentences: hard-wrapped lines joined, then split with pysbd, keeping character offsets."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from summariser.articles.furniture import ELLIPSIS, Cleaned, Piece
from summariser.articles.models import strip_span

TERMINAL = re.compile(r"[.!?][\"'”’»)\]]*$|[\"”’»)\]]$")
INNER_STOP = re.compile(r"[.!?…;:]\W*\s+\W*\w")  # a stop followed by more words
WRAP_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on",
                        "or", "that", "the", "their", "to", "was", "were", "with"])

# Longer than any sentence of the news sets in ../shared/external but those pysbd ran past an
# open quotation mark (at most ~1,400 characters).
LONG_SENTENCE = 1000
_QUOTE_MARKS = re.compile("[\"“”‘’'«»„]")
_SEGMENTER_LOCK = threading.Lock()  # pysbd keeps the text being split on the instance


def _char_spans(sentences: list[str], text: str) -> list[tuple[str, int, int]]:
    """What pysbd's Segmenter.sentences_with_char_spans computes (each sentence with the white
    space after it, at its first occurrence that ends after the previous one's end), found with
    str.find: pysbd compiles a regular expression per sentence (~0.4 ms an article here), and these
    push pysbd's own patterns out of the re module's cache. Empty sentences are left to pysbd."""
    spans: list[tuple[str, int, int]] = []
    prior_end = 0
    for sent in sentences:
        pos = 0
        while (start := text.find(sent, pos)) >= 0:
            end = start + len(sent)
            while end < len(text) and text[end].isspace():  # what pysbd's \s* takes
                end += 1
            if end > prior_end:
                spans.append((text[start:end], start, end))
                prior_end = end
                break
            pos = end
    return spans


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
            if not all(sentences):
                return super().sentences_with_char_spans(sentences)
            return [TextSpan(*span) for span in _char_spans(sentences, self.original_text)]

    return Segmenter(language="en", clean=False, char_span=True)


def _pysbd_cuts(chunk: str) -> list[int]:
    """Where pysbd starts a sentence in `chunk` (0 first). Only pysbd's span starts are used, so
    a sentence it fails to locate merges into the one before instead of being lost."""
    if not INNER_STOP.search(chunk):  # pysbd costs ~0.3 ms a call: skip the one-sentence lines
        return [0]
    with _SEGMENTER_LOCK:
        spans = _segmenter().segment(chunk)
    return sorted({0} | {s.start for s in spans if chunk[s.start:s.end] == s.sent})


def _cuts(chunk: str) -> list[int]:
    """Sentence starts in `chunk`. pysbd never splits inside a quotation, so a quotation mark
    left open (a cut-off teaser, a typo) keeps everything up to the next closing mark as one
    "sentence": in an article written as one line, kilobytes of it. A stretch longer than
    LONG_SENTENCE is split again with its quotation marks blanked (same offsets)."""
    cuts = _pysbd_cuts(chunk)
    out = []
    for a, b in zip(cuts, [*cuts[1:], len(chunk)], strict=True):
        out.append(a)
        if b - a > LONG_SENTENCE:
            out += [a + c for c in _pysbd_cuts(_QUOTE_MARKS.sub(" ", chunk[a:b]))[1:]]
    return out


def _segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]."""
    chunk = text[start:end].replace("\n", " ")  # pysbd ends a sentence at every line break
    cuts = _cuts(chunk)
    ends = [*cuts[1:], len(chunk)]
    bounds = [strip_span(text, start + a, start + b) for a, b in zip(cuts, ends, strict=True)]
    return [(a, b) for a, b in bounds if re.search(r"\w", text[a:b])]


def _wraps(text: str, prev: Piece, nxt: Piece) -> bool:
    """A hard-wrapped line continues on the next one (same paragraph, cut mid-sentence)."""
    if nxt.line != prev.line + 1 or nxt.block != prev.block:
        return False
    if not (prev.whole_line and nxt.whole_line):
        return False
    tail, head = text[prev.start:prev.end], text[nxt.start:nxt.end]
    if TERMINAL.search(tail) or ELLIPSIS.search(tail):
        return False
    last = tail.split()[-1].lower()
    return head[0].islower() or tail[-1] in ",;-–—(" or last in WRAP_WORDS


def _join(text: str, pieces: list[Piece]) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and _wraps(text, groups[-1][-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def sentence_spans(text: str, clean: Cleaned) -> list[tuple[int, int]]:
    """Body sentence spans. A line that is one short sentence ending in "…" is a teaser for
    another article (a longer one is more likely this article, cut off)."""
    spans: list[tuple[int, int]] = []
    for group in _join(text, clean.pieces):
        found = _segment(text, group[0].start, group[-1].end)
        line = text[group[0].start:group[-1].end]
        if len(group) == len(found) == 1 and ELLIPSIS.search(line) and len(line.split()) <= 40:
            clean.add(text, group[0].start, group[0].end, "teaser")
        else:
            spans += found
    return spans


def split_text(text: str) -> list[str]:
    """Sentences of a short text (a summary) by the same splitter as articles ('St. Petersburg'
    does not end one)."""
    return [text[a:b] for a, b in _segment(text, 0, len(text))]
