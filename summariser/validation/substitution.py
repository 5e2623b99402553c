"""Words of a claim standing in the place of other words of the source sentence it restates best.

The claim is laid over that sentence word by word (difflib's longest matching blocks over word
keys, so 'fell' meets 'fall'); a slot is one claim word where the sentence has one or two other
content words, with matched words holding a content word (or the sentence's end) on both sides:
'a pool [hall] massacre' against 'a pool [house] massacre', not 'City [have] won' against
'United [have] lost'. What stands in the slot decides the finding:
- `antonym`: WordNet's antonym of the source's word, or of an adjective WordNet gives as similar
  to it ('generic' for 'specific': 'generic' is similar to 'general', the antonym of
  'specific'). Found in place, so it counts even when the claim's word is elsewhere in the
  article;
- `name_swap` (reported only): a name of the article in the place of another name
  ('Melbourne' where the sentence says 'Sydney'), which on CLIFF was as often a place within
  the other or a short form;
- `substitution`: a word of the same kind as the source's (WordNet co-hyponyms: the two share a
  direct hypernym, 'murder'/'manslaughter', 'month'/'year'; not two WordNet also links as one
  meaning in other shapes, 'validation'/'verification').
Also `antonym`: a word the sentence has but says of something else, while what the claim says
it of sits at least twice as near the word's opposite (misplaced_opposite).
And `role_swap`: two names of the sentence in the claim in the opposite order around the same
word ('Ajax beat Porto' for 'Porto beat Ajax'), unless one of the two is passive ('by'), or the
names are only joined ('and', 'with')."""

from __future__ import annotations

from difflib import SequenceMatcher

from summariser.articles.models import Article, Sentence
from summariser.validation.alignment import (
    Token,
    article_keys,
    content,
    sentence_scores,
    sentence_tokens,
)
from summariser.validation.lexicon import (
    antonyms,
    opposite,
    related,
    same_meaning,
    siblings,
    synsets,
)
from summariser.validation.models import MeaningFinding, sentence_span
from summariser.validation.words import MONTHS, STOP_WORDS, WEEKDAYS, is_common_word

_JOINERS = frozenset({"and", "with", "by", "or", "nor", "between", "versus", "vs"})


def _symbols(claim: list[Token], source: list[Token]) -> tuple[list[str], list[str]]:
    """One symbol per word: a claim word sharing a key with a source word gets its symbol."""
    src = [min(u.keys) for u in source]
    first: dict[str, int] = {}
    for j, u in enumerate(source):
        for k in u.keys:
            first.setdefault(k, j)
    out = []
    for i, t in enumerate(claim):
        at = min((first[k] for k in t.keys if k in first), default=None)
        out.append(src[at] if at is not None else f"#{i}")
    return out, src


def slots(claim: list[Token], source: list[Token]) -> list[tuple[Token, list[Token]]]:
    """(claim word, the source words in its place) for each one-word slot."""
    a, b = _symbols(claim, source)
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    said = {k for t in claim for k in t.keys}
    out = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        flanked = all(ops[m][0] == "equal" and content(claim[ops[m][1]:ops[m][2]])
                      for m in (n - 1, n + 1) if 0 <= m < len(ops))
        if op != "replace" or not flanked or i2 - i1 != 1 or j2 - j1 > 2:
            continue
        words = source[j1:j2]
        if content(claim[i1:i2]) and len(content(words)) == len(words) \
                and not any(u.keys & said for u in words):
            out.append((claim[i1], words))
    return out


def indirect_opposite(a: str, b: str) -> bool:
    """'generic'/'specific': an antonym of `b` names a meaning `a` has or is similar to."""
    near = set(synsets(a))
    for n in list(near):
        near.update(related(n))
    return any(synsets(w) & near for w in antonyms(b))


def _name(t: Token, first: bool) -> bool:
    return t.capitalised and not (first and is_common_word(t.text))


def kind_of(t: Token, u: Token, first: bool, names: frozenset[str]) -> str | None:
    """The finding a claim word `t` in the place of source word `u` makes, if any."""
    if _name(t, first) or u.capitalised:
        both = _name(t, first) and u.capitalised and bool(t.keys & names)
        return "name_swap" if both else None
    if same_meaning(t.word, u.word):
        return None
    if opposite(t.word, u.word) or opposite(u.word, t.word) \
            or indirect_opposite(t.word, u.word) or indirect_opposite(u.word, t.word):
        return "antonym"
    if same_meaning(u.word, t.word):  # narrower than the source's word: not a sibling
        return None
    return "substitution" if siblings(t.word, u.word) else None


ROLE_REACH = 4  # words between the two names: a verb and its particles, not a clause


def _named_once(claim: list[Token], source: list[Token]) -> list[tuple[int, int]]:
    """(claim position, source position) of each name said once in both."""
    names = [(j, u) for j, u in enumerate(source) if u.capitalised]
    said = [t for t in claim if t.capitalised]
    out = []
    for i, t in enumerate(claim):
        if not t.capitalised or t.word in WEEKDAYS or t.word in MONTHS:
            continue
        there = [j for j, u in names if t.keys & u.keys]
        here = sum(bool(t.keys & x.keys) for x in said)
        if here == 1 and len(there) == 1 and (i or there[0] or not is_common_word(t.text)):
            out.append((i, there[0]))
    return out


def role_swap(claim: list[Token], source: list[Token]
              ) -> tuple[list[Token], list[Token]] | None:
    """Two names of the sentence in the other order around a shared word, close together,
    neither side passive nor a mere list."""
    if sum(t.capitalised for t in claim) < 2:
        return None
    where = _named_once(claim, source)
    for i, j in where:
        for k, m in where:
            if not (i < k and m < j) or claim[i].keys & claim[k].keys:
                continue
            between_c, between_s = claim[i + 1:k], source[m + 1:j]
            if not (0 < len(between_c) <= ROLE_REACH and 0 < len(between_s) <= ROLE_REACH):
                continue
            if any(x.word in _JOINERS or x.capitalised for x in [*between_c, *between_s]):
                continue
            if any(x.keys & y.keys for x in content(between_c) for y in content(between_s)):
                return [claim[i], claim[k]], [source[m], source[j]]
    return None


def _finding(kind: str, words: list[Token], source: list[Token], sentence: Sentence
             ) -> MeaningFinding:
    claim = ", ".join(t.text for t in words)
    theirs = " ".join(u.text for u in source)
    note = {"antonym": f"{claim!r} stands where the source says the opposite, {theirs!r}",
            "name_swap": f"{claim!r} stands where the source names {theirs!r}",
            "substitution": f"{claim!r} stands where the source says {theirs!r}, a different "
                            "thing of the same kind",
            "role_swap": f"{claim} are the other way round in the source: {theirs}"}[kind]
    return MeaningFinding(kind=kind, words=[t.text for t in words],  # type: ignore[arg-type]
                          source_words=[u.text for u in source], note=note,
                          source=sentence_span(sentence))


def check_slots(article: Article, claim: list[Token], sentences: list[Sentence]
                ) -> list[MeaningFinding]:
    """The slot and role-swap findings of a claim against the sentence it restates best."""
    scores = sentence_scores(article, " ".join(t.text for t in claim))
    best = max(sentences, key=lambda s: scores[s.index - 1])
    source = sentence_tokens(article, best)
    names = article_keys(article)
    out = []
    for t, words in slots(claim, source):
        kinds = [kind_of(t, u, t is claim[0], names) for u in words]
        kind = next((k for k in kinds if k), None)
        if kind:
            out.append(_finding(kind, [t], words, best))
    for sentence in sentences:
        misplaced = misplaced_opposite(claim, sentence, sentence_tokens(article, sentence))
        if misplaced and not any(f.words == misplaced.words for f in out):
            out.append(misplaced)
    swapped = role_swap(claim, source)
    if swapped:
        out.append(_finding("role_swap", *swapped, best))
    return out


CONTEXT = 3  # claim words either side of a word that say what it is said of


def _nearest(targets: list[int], anchors: list[int]) -> int:
    return min((abs(a - t) for a in anchors for t in targets), default=10**6)


def misplaced_opposite(claim: list[Token], sentence: Sentence, source: list[Token]
                       ) -> MeaningFinding | None:
    """A claim word the sentence has, but said of something else, while what the claim says
    it of sits at least twice as near the word's opposite: 'a fourth quarter increase' against
    'for the fourth quarter a 30% decrease, for the full year a 4% increase'. Not when the
    claim has the opposite too, nor when the sentence pairs the two ('acidic or alkaline')."""
    said = {k for t in claim for k in t.keys}
    for i, t in enumerate(claim):
        if t.capitalised or t.word in STOP_WORDS or len(t.word) < 3:
            continue
        if not antonyms(t.word):  # most words have none: the cheap test first
            continue
        same = [j for j, u in enumerate(source) if t.keys & u.keys]
        other = [j for j, u in enumerate(source)
                 if opposite(t.word, u.word) and not u.keys & said]
        if not same or not other or _nearest(other, same) <= 2:
            continue
        near = content(claim[max(0, i - CONTEXT):i] + claim[i + 1:i + 1 + CONTEXT])
        anchors = [j for j, u in enumerate(source) for c in near if c.keys & u.keys]
        if anchors and 2 * _nearest(other, anchors) <= _nearest(same, anchors):
            u = source[min(other, key=lambda j: _nearest([j], anchors))]
            found = _finding("antonym", [t], [u], sentence)
            found.note = (f"the source says {u.text!r} of what the claim says {t.text!r} of; "
                          f"its {t.text!r} is said of something else")
            return found
    return None
