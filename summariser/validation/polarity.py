"""Opposites said of the same thing: a claim word whose opposite the source says right beside the
words the claim says it of, where the source does not say it the claim's way there.

Two kinds of opposite, both from WordNet (lexicon.py):
- direction of change: words with a verb sense (a noun through its verb) that WordNet gives as
  'increase' or 'decrease' or a kind of either ('grew', 'growth', 'hike', 'up' against 'fell',
  'declined', 'reduction', 'shrank'), so 'earnings declined 21%' contradicts 'earnings grew
  21%' though WordNet gives 'decline' no antonym 'grow'; and against two amounts the sentence
  compares ('an increase' where it says '$94.8 million, compared to $106.6 million': see
  against_figures);
- antonyms of words the other checks skip as function words ('more'/'less', 'most'/'least',
  'above'/'below', 'up'/'down').
Words the claim and the sentence both say ('diluted earnings') are what the claim speaks of, not
its direction. What a word is said of is the claim's content words within ANCHOR_REACH of it
(its anchors); the source's opposite must stand nearer to where the sentence says those anchors
than any word the sentence says the claim's way ("twice as near", as
substitution.misplaced_opposite), and within OPPOSITE_REACH of them. A claim that says both
ways itself ('rose after falling'), or negates its word, is left alone."""

from __future__ import annotations

import re
from functools import lru_cache

from summariser.articles.models import Article, Sentence
from summariser.validation.alignment import Token, content, sentence_scores, sentence_tokens
from summariser.validation.figures import figures_in
from summariser.validation.lexicon import (
    antonyms,
    base_forms,
    hypernyms,
    part_of_speech,
    related,
    senses,
    synsets,
)
from summariser.validation.models import MeaningFinding, sentence_span
from summariser.validation.negation import negated
from summariser.validation.words import STOP_WORDS

ANCHOR_REACH = 3  # claim words either side that say what a word is said of
OPPOSITE_REACH = 4  # how near the source's opposite must stand to those words
DIRECTION_SENSES = 6  # the senses of a word read for its direction (WordNet orders by frequency)
# A function word before one of these is a preposition ('a discount on your order' is no
# opposite of '15% off your order'); 'more than', 'up 5%', 'below $25 billion' are degrees.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "his",
                          "her", "its", "our", "their", "my"})
_COMPARED = re.compile(r"\b(?:compare[sd]?\s+(?:to|with)|versus|vs\b\.?|against)\b", re.I)


@lru_cache(maxsize=1)
def _poles() -> tuple[frozenset[int], frozenset[int]]:
    """The verb senses of 'increase' and 'decrease' (the nouns' senses include amounts and
    additions, which would give 'include' a direction)."""
    return (frozenset(n for n in synsets("increase") if part_of_speech(n) == "v"),
            frozenset(n for n in synsets("decrease") if part_of_speech(n) == "v"))


def _verbs(n: int) -> set[int]:
    """A verb sense itself, a noun sense's verbs ('growth': 'grow'), none for other words."""
    kind = part_of_speech(n)
    if kind == "v":
        return {n}
    return {m for m in related(n) if part_of_speech(m) == "v"} if kind == "n" else set()


@lru_cache(maxsize=8192)
def direction(word: str) -> int:
    """+1 for a word of increase, -1 for one of decrease, 0 for neither (or both): a verb sense
    (or a noun's verb) that is 'increase' or 'decrease' or one kind of it (its direct
    hypernym), the first sense (most frequent first) that has a direction deciding."""
    up, down = _poles()
    for n in _senses(word):
        above = {m for v in _verbs(n) for m in (v, *hypernyms(v))}
        plus, minus = bool(above & up), bool(above & down)
        if plus != minus:
            return 1 if plus else -1
    return 0


def _senses(word: str) -> list[int]:
    """The first senses of each base form of `word` that is mainly a noun or verb: a form
    WordNet has more often as an adjective or adverb ('full', 'diluted') is a modifier, not a
    change (function words aside: 'up 5%')."""
    out: list[int] = []
    for form in base_forms(word):
        kinds = [part_of_speech(n) for n in senses(form, 64)]
        if word in STOP_WORDS or 2 * sum(k in "nv" for k in kinds) > len(kinds):
            out += senses(form, DIRECTION_SENSES)
    return out


def _opposed(t: Token, u: Token) -> bool:
    d = direction(t.word)
    if d and direction(u.word) == -d:
        return True
    return t.word in STOP_WORDS and u.word in antonyms(t.word)  # function words: not inflected


def _agrees(t: Token, u: Token) -> bool:
    d = direction(t.word)
    return bool(t.keys & u.keys) or (d != 0 and direction(u.word) == d)


def _nearest(targets: list[int], anchors: list[int]) -> int:
    return min((abs(a - t) for a in anchors for t in targets), default=10**6)


def _candidate(claim: list[Token], i: int) -> bool:
    t = claim[i]
    if t.capitalised or len(t.word) < 2:
        return False
    if negated(claim, i):
        return False
    if direction(t.word):
        return True
    after = claim[i + 1].word if i + 1 < len(claim) else ""
    return t.word in STOP_WORDS and bool(antonyms(t.word)) and after not in _DETERMINERS


def _said_of(claim: list[Token], i: int, source: list[Token]) -> list[int]:
    """Where the source says the words the claim's word i is said of."""
    t = claim[i]
    near = [c for c in content(claim[max(0, i - ANCHOR_REACH):i + 1 + ANCHOR_REACH])
            if c is not t and not direction(c.word)]
    return [j for j, u in enumerate(source) for c in near if c.keys & u.keys]


def _in_any(t: Token, aligned: list[tuple[Sentence, list[Token]]]) -> bool:
    return any(t.keys & u.keys for _, source in aligned for u in source)


def _distances(claim: list[Token], i: int, source: list[Token]) -> tuple[int, int, int | None]:
    """How near the sentence's opposite and its word said the claim's way stand to what the
    claim says its word i of, and where that opposite is."""
    t = claim[i]
    shared = {k for c in claim if c is not t for k in c.keys}
    free = [(j, u) for j, u in enumerate(source) if t.keys & u.keys or not u.keys & shared]
    other = [j for j, u in free if _opposed(t, u)]
    anchors = _said_of(claim, i, source)
    same = [j for j, u in free if _agrees(t, u)]
    if not other or not anchors:
        return 10**6, _nearest(same, anchors), None
    return (_nearest(other, anchors), _nearest(same, anchors),
            min(other, key=lambda j: _nearest([j], anchors)))


def opposite_here(claim: list[Token], aligned: list[tuple[Sentence, list[Token]]]
                  ) -> MeaningFinding | None:
    """The first claim word an aligned sentence says the opposite of, beside the same words,
    when no aligned sentence says it the claim's way there."""
    for i, t in enumerate(claim):
        if not _candidate(claim, i) \
                or not any(_opposed(t, u) for _, source in aligned for u in source) \
                or any(_opposed(t, c) for c in claim if c is not t and not _in_any(c, aligned)):
            continue  # the cheap tests first: most words have no opposite there
        found: tuple[int, Sentence, Token] | None = None
        for sentence, source in aligned:
            near, same, at = _distances(claim, i, source)
            if same <= OPPOSITE_REACH and same < near:
                break  # said the claim's way in one of its sentences
            if at is not None and near <= OPPOSITE_REACH and 2 * near <= same \
                    and (found is None or near < found[0]):
                found = (near, sentence, source[at])
        else:
            if found:
                return _finding(t, found[2], found[1])
    return None


def _finding(t: Token, u: Token, sentence: Sentence) -> MeaningFinding:
    d = direction(t.word)
    how = (f"{t.text!r} (a {'rise' if d > 0 else 'fall'}) where the source says {u.text!r} "
           f"(a {'fall' if d > 0 else 'rise'}) of the same thing") if d and direction(u.word) \
        else f"{t.text!r} where the source says the opposite, {u.text!r}, of the same thing"
    return MeaningFinding(kind="antonym", words=[t.text], source_words=[u.text], note=how,
                          source=sentence_span(sentence))


def against_figures(article: Article, claim: list[Token], sentences: list[Sentence]
                    ) -> MeaningFinding | None:
    """A direction the claim states where the sentence it restates best says none but
    compares two amounts of one kind, the other way: 'an increase in net income' against 'net
    income was $94.8 million ..., that compares to $106.6 million'. The first amount before
    the comparison ('compared to/with', 'versus', 'against') and the first after it."""
    said = [t for i, t in enumerate(claim) if _candidate(claim, i) and direction(t.word)]
    if len({direction(t.word) for t in said}) != 1:
        return None  # the cheap test first: most claims state no direction
    scores = sentence_scores(article, " ".join(t.text for t in claim))
    best = max(sentences, key=lambda s: scores[s.index - 1])
    if any(direction(u.word) for u in sentence_tokens(article, best)):
        return None
    m = _COMPARED.search(best.text)
    if m is None:
        return None
    at, end = best.start + m.start(), best.start + m.end()
    amounts = [f for f in figures_in(article, {best.index})
               if f.kind in ("money", "percent") and f.value is not None]
    before = [f for f in amounts if f.end <= at]
    after = [f for f in amounts if f.start >= end]
    if not before or not after or (before[0].kind, before[0].unit) != (after[0].kind,
                                                                       after[0].unit):
        return None
    a, b, t = before[0], after[0], said[0]
    assert a.value is not None and b.value is not None
    if a.value == b.value or (a.value > b.value) == (direction(t.word) > 0):
        return None
    way = "a rise" if a.value > b.value else "a fall"
    return MeaningFinding(
        kind="antonym", words=[t.text], source_words=[a.text, b.text],
        note=f"{t.text!r} where the source's figures say {way}: {a.text} compared with {b.text}",
        source=sentence_span(best))
