"""Checking that text a summary puts in quotation marks is in the source.

Quotes are found between straight or curly double quotes, and between single quotes that open
after a space or bracket and close before a non-letter (so the apostrophe of "Iran's" never
opens one). A quote is compared word by word with the article body (furniture blanked out),
case-folded, punctuation and quote marks ignored. The place to compare with is the exact word
sequence when there is one, else the region rapidfuzz's partial_ratio alignment points to,
where the words are aligned (an edit-distance alignment over words). A quote is supported when the
differences cost at most MAX_COST (0.5): a word written differently but close (ratio >= 85, five
letters or more: 'organisation'/'organization') costs nothing, one stop word added or left out
('the', 'of') costs 0.5, any other changed, added or missing word costs 1, so one changed word
('high' -> 'great') makes a quote unsupported. The score is 100 * (1 - cost / words). An
ellipsis splits a quote into parts checked one by one; the quote's score is its worst part's.

A quote that is not verbatim but scores PARAPHRASE_MIN (50) or more, at least half its words
aligned with a source span, and whose added content words are each a form, synonym or broader
word (WordNet) of the span word they replace (of any word of the span when they replace none),
is `paraphrased`: a real quote reworded, not changed in substance. It is reported with its
nearest source span and the differing words, and fails the check only with --strict-quotes.
Any other inexact quote is `unsupported` (with the nearest span and the differences when there
is one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summariser.articles.models import Article
from summariser.validation.memo import Memo
from summariser.validation.models import QuoteCheck, SourceSpan
from summariser.validation.words import STOP_WORDS

MAX_COST = 0.5
PARAPHRASE_MIN = 50.0  # score from which an inexact quote is a paraphrase of the source span
VARIANT_MIN = 85.0
_QUOTES = re.compile(
    r"“(?P<a>[^”]{1,600})”"
    r"|\"(?P<b>[^\"\n]{1,600})\""
    r"|(?:^|(?<=[\s(\[]))[‘'](?P<c>(?:[^‘’'\n]|['’](?=[^\W\d_])){1,300}?)[’'](?![^\W\d_])",
    re.M,
)
_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]|\[…\]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")


@dataclass
class _Words:
    words: list[str]
    spans: list[tuple[int, int]]


_CACHE: Memo[_Words] = Memo(32)


def words_of(text: str) -> _Words:
    found = list(_WORD.finditer(text))
    return _Words([m.group().lower().replace("’", "'") for m in found],
                  [m.span() for m in found])


def find_quotes(text: str) -> list[str]:
    out = []
    for m in _QUOTES.finditer(text):
        quote = (m.group("a") or m.group("b") or m.group("c") or "").strip()
        if words_of(quote).words:
            out.append(quote)
    return out


def _body(article: Article) -> _Words:
    return _CACHE.get(article.sha256, lambda: _body_words(article))


def _body_words(article: Article) -> _Words:
    chars = list(article.text)  # blanked in place: re-slicing per piece was quadratic
    for f in article.furniture:
        chars[f.start:f.end] = " " * (f.end - f.start)
    return words_of("".join(chars))


def _exact(part: list[str], body: list[str]) -> int | None:
    first, n = part[0], len(part)
    for i, word in enumerate(body):
        if word == first and body[i: i + n] == part:
            return i
    return None


def _region(part: list[str], body: _Words) -> tuple[int, int]:
    """Word indices of the body region the quote most resembles (character alignment)."""
    from rapidfuzz import fuzz

    joined = " ".join(body.words)
    found = fuzz.partial_ratio_alignment(" ".join(part), joined)
    if found is None:
        return 0, 0
    starts = [0]
    for w in body.words:
        starts.append(starts[-1] + len(w) + 1)
    first = max(i for i, s in enumerate(starts) if s <= found.dest_start)
    last = max(i for i, s in enumerate(starts) if s <= max(found.dest_end - 1, 0)) + 1
    pad = len(part) // 2 + 2
    return max(first - pad, 0), min(last + pad, len(body.words))


def _word_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    from rapidfuzz import fuzz

    return 0.0 if min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= VARIANT_MIN else 1.0


def _gap_cost(words: list[str]) -> float:
    return sum(0.5 if w in STOP_WORDS else 1.0 for w in words)


def _align(part: list[str], window: list[str]) -> tuple[float, int, int]:
    """Cheapest alignment of the quote with a stretch of the window (semi-global: window words
    before and after it are free): its cost and the window words it spans."""
    prev = [0.0] * (len(window) + 1)
    starts = list(range(len(window) + 1))
    for word in part:
        cur, cur_starts = [prev[0] + _gap_cost([word])], [starts[0]]
        for j, theirs in enumerate(window, 1):
            options = [(prev[j - 1] + _word_cost(word, theirs), starts[j - 1]),
                       (prev[j] + _gap_cost([word]), starts[j]),
                       (cur[j - 1] + _gap_cost([theirs]), cur_starts[j - 1])]
            cost, start = min(options, key=lambda o: o[0])
            cur.append(cost)
            cur_starts.append(start)
        prev, starts = cur, cur_starts
    # Of equally cheap ends, the one whose span is nearest the quote's length: a changed last
    # word ('the nation' for 'the country') costs what leaving it out does, and is shown.
    end = min(range(len(prev)), key=lambda j: (prev[j], abs(j - starts[j] - len(part)), j))
    return prev[end], starts[end], end


def _locate(part: list[str], body: _Words) -> tuple[float, int, int]:
    """The cost of the part and the body word indices it spans."""
    i = _exact(part, body.words)
    if i is not None:
        return 0.0, i, i + len(part)
    lo, hi = _region(part, body)
    cost, start, end = _align(part, body.words[lo:hi])
    return cost, lo + start, lo + end


def _sentence(article: Article, pos: int) -> int | None:
    return next((s.index for s in article.sentences if s.start <= pos < s.end), None)


def check_quote(article: Article, quote: str) -> QuoteCheck:
    body = _body(article)
    parts = [p for p in (words_of(x).words for x in _ELLIPSIS.split(quote)) if p]
    if not parts or not body.words:
        return QuoteCheck(text=quote, status="unsupported")
    located = [_locate(p, body) for p in parts]
    score = min(100.0 * max(0.0, 1 - cost / len(p))
                for p, (cost, _, _) in zip(parts, located, strict=True))
    worst = max(cost for cost, _, _ in located)
    first, last = located[0][1], located[-1][2]
    if last <= first:
        return QuoteCheck(text=quote, status="unsupported", score=round(score, 1))
    start, end = body.spans[first][0], body.spans[last - 1][1]
    span = SourceSpan(start=start, end=end, text=article.text[start:end],
                      sentence=_sentence(article, start))
    if worst <= MAX_COST:
        return QuoteCheck(text=quote, status="supported", score=round(score, 1), source=span)
    said, theirs = [w for p in parts for w in p], body.words[first:last]
    blocks = _changes(said, theirs)
    reworded = score >= PARAPHRASE_MIN and _same_words(said, theirs, blocks)
    return QuoteCheck(text=quote, status="paraphrased" if reworded else "unsupported",
                      score=round(score, 1), source=span,
                      differences=_differences(said, theirs, blocks))


_Block = tuple[str, int, int, int, int]


def _changes(quote: list[str], source: list[str]) -> list[_Block]:
    """Where the quote's words and the span's differ, in order (difflib's word alignment):
    what decides `paraphrased` is also what the report shows."""
    from difflib import SequenceMatcher

    return [b for b in SequenceMatcher(None, quote, source, autojunk=False).get_opcodes()
            if b[0] != "equal"]


def _same_words(quote: list[str], source: list[str], blocks: list[_Block]) -> bool:
    """Whether the quote rewords the source span without changing its substance: each content
    word written in place of span words is a form, synonym or broader word of one of those
    words ('connectivity' for 'connection'), and each content word it adds where the span has
    none is one of any span word. A word put in place of another is held to that word: 'loss of
    control' for 'loss of propulsion' is a changed quote even though 'control' is a sense of
    the span's 'driving'."""
    return all(_reworded(quote[i1:i2], source[j1:j2] if op == "replace" else source)
               for op, i1, i2, j1, j2 in blocks if op in ("replace", "delete"))


def _reworded(said: list[str], theirs: list[str]) -> bool:
    """Whether every content word of `said` the words `theirs` do not already give (by base
    form) is a form, synonym or broader word of one of them."""
    from summariser.validation.alignment import keys
    from summariser.validation.lexicon import same_meaning

    theirs = [w for w in theirs if w not in STOP_WORDS]
    their_keys = set().union(*(keys(w) for w in theirs)) if theirs else set()
    added = [w for w in said if w not in STOP_WORDS and not keys(w) & their_keys]
    return all(any(same_meaning(w, t) or same_meaning(t, w) for t in theirs) for w in added)


def _differences(quote: list[str], source: list[str], blocks: list[_Block]) -> list[str]:
    """The quote's words where the span has others or none ('+connectivity'), then the span's
    words the quote changed or left out ('-connection'), each once, in order. A word the span
    has elsewhere still counts where the quote changed it: 'the first half ... the first half'
    for 'the first half ... the second half' is '+first', '-second'."""
    ours = [w for _, i1, i2, _, _ in blocks for w in quote[i1:i2]]
    theirs = [w for _, _, _, j1, j2 in blocks for w in source[j1:j2]]
    return [f"+{w}" for w in dict.fromkeys(ours)] + [f"-{w}" for w in dict.fromkeys(theirs)]


def check_quotes(article: Article, text: str) -> list[QuoteCheck]:
    """One QuoteCheck per quotation in `text`."""
    return [check_quote(article, q) for q in dict.fromkeys(find_quotes(text))]
