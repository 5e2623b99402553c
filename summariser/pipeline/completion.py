"""A summary sentence the length cap cut off, completed by the article sentence it was copying.

A 1.5B model's second summary sentence is often an article sentence written again, and the
320-character cap of the schema cuts it ('Rescuers brought out three people, two of whom
showed no'). Leaving it out leaves a one-sentence summary; ending it at a clause break leaves
half a fact. When the cut words (all but the last, which the cap may have cut mid-word) are
nearly all, in order, the words of one body sentence, that sentence is what the model was
writing, and the summary ends on it: the article's own words, checked like the rest. A cut
sentence that paraphrases ('Orazbay also notes that ...') matches no sentence this closely and
is left out as before, and so is a completion that would take the summary over SUMMARY_WORDS."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import LCSseq

from summariser.articles.body import body_sentences
from summariser.articles.models import Article, Sentence
from summariser.pipeline.schema import SUMMARY_WORDS

# The cut words a sentence must hold, in order: fewer is a paraphrase, whose end the article
# does not give.
MATCHED = 0.8
MIN_WORDS = 6  # fewer cut words ('Tate's appeal,') do not say which sentence was meant

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


def copied_sentence(article: Article, cut: str) -> Sentence | None:
    """The body sentence the cut summary sentence was copying, or None."""
    wanted = _words(cut)[:-1]
    if len(wanted) < MIN_WORDS:
        return None
    need = MATCHED * len(wanted)
    best: tuple[int, Sentence] | None = None
    counts = Counter(wanted)
    for sentence in body_sentences(article):
        words = _words(sentence.text)
        if (counts & Counter(words)).total() < need:  # cheap first: most share little
            continue
        common = LCSseq.similarity(wanted, words)  # words in order, not necessarily adjacent
        if common >= need and (best is None or common > best[0]):
            best = (common, sentence)
    return best[1] if best else None


def completion(article: Article, before: list[str], cut: str) -> Sentence | None:
    """The body sentence to end the summary on instead of its cut last sentence `cut` (after
    the sentences `before`), when there is one and the summary stays within SUMMARY_WORDS."""
    copied = copied_sentence(article, cut)
    if copied is None or len(" ".join([*before, copied.text]).split()) > SUMMARY_WORDS:
        return None
    return copied
