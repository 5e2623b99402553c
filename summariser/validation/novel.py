"""Novel content: a content word of a claim in none of its aligned sentences, in no inflection
of a word there and not a synonym or broader word WordNet gives for one (meaning.py decides
which words those are). Each finding says where the word is instead, as evidence:
- a word the article uses elsewhere: the first article sentence holding it, and the word as
  written there ('novel_word' or 'novel_name' with in_article; a word of the article in the
  wrong place is a weaker sign than a word of no source);
- a word of no source: the aligned sentence that restates the claim best (the one compared).

Neither fails a claim on the development sets except a name the article never uses (meaning.
fails; README, validation): consistent paraphrases carry novel words about as often as edited
summaries, so neither a novel word, nor a run of them, nor a share of the claim's words
separates the two (benchmarks/novel_content.py prints the curve)."""

from __future__ import annotations

from summariser.articles.models import Article, Sentence
from summariser.validation.alignment import Token, sentence_scores, where_used
from summariser.validation.memo import Memo
from summariser.validation.models import MeaningFinding, MeaningKind, sentence_span
from summariser.validation.name_parts import title_lines
from summariser.validation.words import is_common_word


def _is_name(t: Token, text: str, place: bool) -> bool:
    """A capitalised word that is not a place (names.py checks those), nor a common word
    opening the claim or a sentence of it, or in a title-case line (a headline capitalises
    every word: 'Iran Seeks Closer Ties with Kazakhstan' names no 'Closer')."""
    if not t.capitalised or place:
        return False
    opening = not text[:t.start].strip() or text[:t.start].rstrip()[-1:] in ".!?:;\"“"
    doubtful = opening or any(a <= t.start < b for a, b in title_lines(text))
    return not (doubtful and is_common_word(t.text))


_BEST: Memo[Sentence] = Memo(size=4)


def _restated_best(article: Article, text: str, aligned: list[Sentence]) -> Sentence:
    """The aligned sentence sharing the rarest words with the claim, kept for the claim's next
    novel word (scoring every sentence once per word would cost ~0.1 ms each)."""
    def make() -> Sentence:
        scores = sentence_scores(article, text)
        return max(aligned, key=lambda s: scores[s.index - 1])

    return _BEST.get(f"{article.sha256}:{[s.index for s in aligned]}:{text}", make)


def novel(article: Article, t: Token, text: str, aligned: list[Sentence], place: bool
          ) -> MeaningFinding:
    """The finding for claim word `t` (of claim `text`) absent from its `aligned` sentences."""
    what = "a name" if (name := _is_name(t, text, place)) else "a word"
    kind: MeaningKind = "novel_name" if name else "novel_word"
    found = where_used(article, t.keys)
    if found is not None:
        sentence, written = found
        return MeaningFinding(
            kind=kind, words=[t.text], source_words=[written], source=sentence_span(sentence),
            in_article=True, note=f"{what} of the article (S{sentence.index}, as {written!r}), "
            "not in the aligned sentences")
    best = _restated_best(article, text, aligned)
    return MeaningFinding(kind=kind, words=[t.text], source=sentence_span(best),
                          note=f"{what} the article never uses (compared with S{best.index}, "
                               "the aligned sentence it restates best)")
