"""Key points, chosen by code (the model writes none): what a reader must not miss, the
article's lead (news puts the news first), then the sentences stating figures of weight
(amounts, shares, dates, quantities) that neither the summary nor the sentences chosen state
yet, then the most salient sentences that are mostly new (at least NEW_WORDS of their content
words in nothing chosen yet), up to MAX_KEY_POINTS. A key point is always a sentence of the
article, so it adds no unsupported text.

Sentence salience (figures, names, central words, position) is one function, used here, by
the extractive fallback and by the eval's extractive baseline."""

from __future__ import annotations

from collections import Counter

from summariser.articles.body import body_sentences
from summariser.articles.models import Article, Sentence
from summariser.validation.figures import figures_match
from summariser.validation.name_parts import find_names
from summariser.validation.numbers import Figure, parse_figures
from summariser.validation.words import FUNCTION_WORDS, content_words

MAX_KEY_POINTS = 6
# A salient sentence is added only when at least this share of its words is new: a second
# wording of the lead tells the reader nothing.
NEW_WORDS = 0.5
# Counts ('two countries') say little; amounts, shares and dates are what summaries keep.
FIGURE_WEIGHT = {"number": 0.5, "ordinal": 0.25}


def figure_weight(figure: Figure) -> float:
    return FIGURE_WEIGHT.get(figure.kind, 1.0)


def word_weights(sentences: list[Sentence]) -> Counter[str]:
    """How many sentences of the article use each content word."""
    return Counter(w for s in sentences for w in set(content_words(s.text)))


# Each sentence's figures, parsed once for all the steps that weigh them (a 1 MB article has
# thousands of sentences, and parsing was most of completing its key points).
Parsed = dict[int, list[Figure]]


def parsed_figures(sentences: list[Sentence]) -> Parsed:
    return {s.index: parse_figures(s.text) for s in sentences}


def sentence_score(sentence: Sentence, weights: Counter[str], position: int,
                   figures_in: list[Figure] | None = None) -> float:
    found = parse_figures(sentence.text) if figures_in is None else figures_in
    figures = sum(figure_weight(f) for f in found)
    # 'We' opening a quotation is capitalised but no name
    names = len({n.text.casefold() for n in find_names(sentence.text)
                 if any(t.word not in FUNCTION_WORDS for t in n.toks)})
    words = content_words(sentence.text)
    # how central its words are: their frequency in the article, per word
    centrality = sum(weights[w] for w in set(words)) / (len(words) + 5)
    return figures + 0.5 * names + centrality + 1.0 / (position + 2)


def ranked(sentences: list[Sentence], parsed: Parsed | None = None) -> list[Sentence]:
    """The sentences, most salient first (`parsed`: their figures, when parsed already)."""
    weights = word_weights(sentences)
    order = sorted(range(len(sentences)), reverse=True, key=lambda i: sentence_score(
        sentences[i], weights, i, parsed.get(sentences[i].index) if parsed else None))
    return [sentences[i] for i in order]


def _worth_stating(figure: Figure) -> bool:
    """Amounts, shares, dates, quantities, and counts written in digits ('19 pickups');
    not a count in words ('two countries') or an ordinal."""
    if figure.kind == "number":
        return any(c.isdigit() for c in figure.text)
    return figure_weight(figure) >= 1


def _new_figures(figures: list[Figure], stated: list[Figure]) -> int:
    """How many of a sentence's figures worth stating `stated` does not have yet."""
    return sum(1 for f in figures
               if _worth_stating(f) and not any(figures_match(s, f) for s in stated))


def complete_key_points(article: Article, picks: list[int], summary: str,
                        limit: int = MAX_KEY_POINTS) -> list[int]:
    """The draft's key sentence numbers (body sentences only, each once), then the lead, then
    the sentences with the most figures not stated yet, then salient sentences with mostly new
    words, up to `limit`; additions in article order after the draft's own picks."""
    body = body_sentences(article)
    by_index = {s.index: s for s in body}
    points = [n for n in dict.fromkeys(picks) if n in by_index][:limit]
    added: list[int] = []
    if body and body[0].index not in points and len(points) < limit:
        added.append(body[0].index)
    texts = [summary, *(by_index[n].text for n in points + added)]
    rest = [s for s in body if s.index not in points and s.index not in added]
    parsed = parsed_figures(body)
    figures = _figure_sentences(rest, texts, limit - len(points) - len(added), parsed)
    rest = [s for s in rest if s not in figures]
    texts += [s.text for s in figures]
    more = _new_sentences(rest, texts, limit - len(points) - len(added) - len(figures), body,
                          parsed)
    return points + sorted(added + [s.index for s in figures + more])


def _figure_sentences(rest: list[Sentence], texts: list[str], room: int,
                      parsed: Parsed) -> list[Sentence]:
    """Up to `room` sentences, each the one with the most figures worth stating that `texts`
    and the sentences picked before it do not state (the earlier on a tie)."""
    stated = parse_figures("\n".join(texts))
    picked: list[Sentence] = []
    while len(picked) < room:
        gains = [(_new_figures(parsed[s.index], stated), -s.index, s) for s in rest
                 if s not in picked]
        best = max(gains, default=None, key=lambda g: g[:2])
        if best is None or best[0] < 1:
            break
        picked.append(best[2])
        stated += parsed[best[2].index]
    return picked


def _new_sentences(rest: list[Sentence], texts: list[str], room: int,
                   body: list[Sentence], parsed: Parsed) -> list[Sentence]:
    """Up to `room` of the `rest`, most salient first (ranked over the whole body), each with
    at least NEW_WORDS of its content words in neither `texts` nor the sentences picked before."""
    have = set(content_words("\n".join(texts)))
    left = {s.index for s in rest}  # not `in rest`: a scan of thousands of sentences each
    picked: list[Sentence] = []
    for sentence in ranked(body, parsed):
        words = set(content_words(sentence.text))
        if len(picked) >= room:
            break
        if sentence.index in left and words and len(words - have) / len(words) >= NEW_WORDS:
            picked.append(sentence)
            have |= words
    return picked
