"""Finding names in text: runs of capitalised words ('Mohammad Javad Zarif', 'Islamic Republic
of Iran', 'Port Aktau'), without an NLP pipeline.

A light heuristic instead of spaCy (en_core_web_sm is not on PyPI, and a tagger would cost more
start-up time than the whole check): a name is a run of capitalised words, joined by 'of', 'de',
'bin' and the like; a capitalised word that opens a sentence, or sits in a title-case line (a
headline), is dropped when it is an ordinary English word ('Officials', 'Seeks'), unless it is
a country or demonym. Months and weekdays are never names. Multi-word country forms become one
token carrying their countries, so 'Islamic Republic of Iran' and 'Iranian' both mean Iran."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from summariser.validation.countries import country_at
from summariser.validation.words import (
    FUNCTION_WORDS,
    MONTHS,
    NEVER_NAMES,
    WEEKDAYS,
    fold,
    is_common_word,
)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]+&[A-Z]+\b|&|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
CONNECTORS = frozenset({"of", "de", "del", "da", "di", "du", "la", "le", "van", "von", "der",
                        "den", "bin", "ibn", "al", "el", "dos", "das"})
# Inside a name between two of its words: 'Bank of the West', 'Procter & Gamble' (one name, so
# 'Procter & Spencer' is not supported by two names that each have one of its words).
_JOINERS = CONNECTORS | {"the", "&"}
ABBREVIATIONS = frozenset({"st", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt",
                           "prof", "jr", "sr", "mt", "ft", "gov", "sen", "rep", "no"})
_OPENERS = " \t\"“”‘’'()[]*-•–—"  # quotes and brackets around a sentence boundary


@dataclass(slots=True)  # slots: a long article is a few hundred thousand tokens
class Tok:
    text: str  # as written, without a possessive 's
    word: str  # folded
    start: int
    end: int
    possessive: bool = False
    countries: frozenset[str] = frozenset()

    def same(self, other: Tok) -> bool:
        if self.countries or other.countries:
            return bool(self.countries & other.countries)
        return self.word == other.word

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Name:
    text: str
    start: int
    end: int
    toks: list[Tok]

    @property
    def key(self) -> tuple[str, ...]:
        return tuple("@" + "|".join(sorted(t.countries)) if t.countries else t.word
                     for t in self.toks)


def tokens(text: str) -> list[Tok]:
    out = []
    size = len(text)
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if (start and text[start - 1].isdigit()) or (end < size and text[end].isdigit()):
            continue  # part of an identifier such as 'A00150942.jpg' or 'MiG-29'
        raw = m.group()
        possessive = raw.endswith(("'s", "’s")) and len(raw) > 2
        clean = raw[:-2] if possessive else raw
        out.append(Tok(clean, _folded(clean), start, start + len(clean), possessive))
    return out


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """A token's word (cached: words repeat, and folding them was a fifth of a long article's
    name index)."""
    return fold(word).replace(".", "")


def _sentence_start(text: str, toks: list[Tok], i: int) -> bool:
    before = text[toks[i - 1].end if i else 0: toks[i].start]
    if i == 0 or "\n" in before:
        return True
    stripped = before.rstrip(_OPENERS)
    if not stripped or stripped[-1] not in ".!?:;":
        return False
    return not (stripped == "." and toks[i - 1].word in ABBREVIATIONS)


_TITLE_EXEMPT = frozenset({"with", "from", "into", "over", "upon", "than", "that", "onto",
                           "amid", "after", "about", "before", "under", "near"})


def title_lines(text: str) -> list[tuple[int, int]]:
    """Spans of headline lines (title case), where capitals say nothing: no closing full stop,
    and every word of four letters or more capitalised but for a few prepositions."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        words = [w for w in re.findall(r"[^\W\d_]{4,}", line) if w not in _TITLE_EXEMPT]
        headline = not line.strip().endswith((".", "!", "?", ";", ":", ","))
        if headline and len(words) >= 3 and all(w[0].isupper() for w in words):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


@dataclass(frozen=True)
class Vocabulary:
    """How a source writes its words, to read a summary's capitals with: a word the source
    capitalises mid-sentence is a name ('Port' in 'Port Aktau'), one it writes in lower case
    is not ('Trade'). Only words it does neither send us to the dictionary."""

    names: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()


def vocabulary(text: str, toks: list[Tok] | None = None) -> Vocabulary:
    """`toks`: tokens(text), when the caller has them already."""
    toks = tokens(text) if toks is None else toks
    names = {t.word for i, t in enumerate(toks)
             if t.capitalised and not _sentence_start(text, toks, i)}
    return Vocabulary(frozenset(names), frozenset(t.word for t in toks if t.text.islower()))


@dataclass
class _Reader:
    text: str
    toks: list[Tok]
    vocab: Vocabulary | None  # None: a source, where doubtful capitals are kept
    titles: list[tuple[int, int]]

    def is_name(self, i: int) -> bool:
        tok = self.toks[i]
        if not tok.capitalised or tok.word in MONTHS or tok.word in WEEKDAYS:
            return False
        if tok.word in NEVER_NAMES and not tok.text.isupper():
            return False
        if len(tok.text) == 1 and i + 1 < len(self.toks) and self.toks[i + 1].start > tok.end + 1 \
                and self.text[tok.end:tok.end + 1] != ":":
            return False  # 'I', 'A' alone; a speaker's label ('Professor C:') is a name
        doubtful = _sentence_start(self.text, self.toks, i) or self.in_title(tok.start)
        if not doubtful or country_at([tok.word], 0)[0]:
            return True
        if tok.word in FUNCTION_WORDS:
            return False
        if self.vocab is None:
            return True
        if self.headline(tok) and is_common_word(tok.text):
            # a headline capitalises every word: 'Port Strike Ends' has no name; but a word the
            # source capitalises mid-sentence stays before a proper name ('East Palestine')
            return tok.word in self.vocab.names and self.before_proper_name(i)
        if tok.word in self.vocab.names:
            return True
        return tok.word not in self.vocab.lower and not is_common_word(tok.text)

    def before_proper_name(self, i: int) -> bool:
        """The next word, joined to this one, is capitalised and no ordinary English word."""
        if i + 1 >= len(self.toks):
            return False
        tok, nxt = self.toks[i], self.toks[i + 1]
        return (nxt.capitalised and _joined(self.text, tok, nxt)
                and not is_common_word(nxt.text))

    def headline(self, tok: Tok) -> bool:
        """In a title-case line above more text (a bare phrase such as "Peru's Finance Minister
        Herrera" is a name, not a headline); acronyms are names there too."""
        return (self.in_title(tok.start) and not tok.text.isupper()
                and "\n" in self.text.strip())

    def in_title(self, pos: int) -> bool:
        """Inside a headline line (the spans are in order and apart: found by bisection, as a
        scan of every line for every word was quadratic on long articles)."""
        i = bisect_right(self.titles, (pos, float("inf"))) - 1
        return i >= 0 and pos < self.titles[i][1]


def _joined(text: str, a: Tok, b: Tok) -> bool:
    gap = text[a.end: b.start]
    if a.possessive:
        gap = gap[2:]
    return gap in (" ", "\u00a0") or (gap == ". " and (a.word in ABBREVIATIONS or _initial(a)))


def _initial(tok: Tok) -> bool:
    return len(tok.text) == 1 and tok.text.isupper()


def _middle_initials(text: str, toks: list[Tok], name_word: list[bool]) -> None:
    """Marks a middle initial between two name words as a name word ('John F. Kennedy' is one
    name, not 'John' and 'Kennedy'); 'Plan B. Officials' has no name after the initial."""
    for i in range(1, len(toks) - 1):
        tok = toks[i]
        if (_initial(tok) and name_word[i - 1] and name_word[i + 1]
                and text[toks[i - 1].end: tok.start] == " "
                and text[tok.end: toks[i + 1].start] == ". "):
            name_word[i] = True


def _runs(text: str, toks: list[Tok], vocab: Vocabulary | None) -> list[list[Tok]]:
    reader = _Reader(text, toks, vocab, title_lines(text))
    name_word = [reader.is_name(i) for i in range(len(toks))]
    _middle_initials(text, toks, name_word)
    runs: list[list[int]] = []  # token positions
    current: list[int] = []
    for i, tok in enumerate(toks):
        joined = bool(current) and _joined(text, toks[i - 1], tok)
        connector = (joined and tok.word in _JOINERS and not tok.capitalised
                     and i + 1 < len(toks) and _joined(text, tok, toks[i + 1])
                     and (name_word[i + 1] or toks[i + 1].word == "the"))
        if name_word[i] or connector:
            if not joined:
                current = []
                runs.append(current)
            current.append(i)
        else:
            current = []
    return [[toks[i] for i in r] for r in runs if any(name_word[i] for i in r)]


def _split_compound(tok: Tok) -> list[Tok]:
    """'Kazakh-Iranian' is two countries; 'Rasht-Astara' or 'Nur-Sultan' stays one name."""
    parts = tok.text.split("-")
    if len(parts) < 2:
        return [tok]
    found = [country_at([fold(p)], 0)[1] for p in parts]
    if not all(found):
        return [tok]
    out, pos = [], tok.start
    for part, countries in zip(parts, found, strict=True):
        out.append(Tok(part, fold(part), pos, pos + len(part), False, countries))
        pos += len(part) + 1
    out[-1].possessive = tok.possessive
    return out


# A country's form right after one of these words in a name is part of another place's name:
# 'New South Wales' is not Wales, 'New Mexico' not Mexico ('South Korea' is a form of its own).
PLACE_PREFIXES = frozenset({"new", "south", "north", "east", "west", "upper", "lower"})


def _merge_countries(run: list[Tok]) -> list[Tok]:
    run = [part for tok in run for part in _split_compound(tok)]
    words = [t.word for t in run]
    out, i = [], 0
    while i < len(run):
        if run[i].countries:
            out.append(run[i])
            i += 1
            continue
        n, countries = country_at(words, i)
        if n and not (i > 0 and words[i - 1] in PLACE_PREFIXES):
            first, last = run[i], run[i + n - 1]
            text = " ".join(t.text for t in run[i: i + n])
            out.append(Tok(text, " ".join(words[i: i + n]), first.start, last.end,
                           last.possessive, countries))
            i += n
        else:
            out.append(run[i])
            i += 1
    return out


def find_names(text: str, vocab: Vocabulary | None = None, *, source: bool = False,
               toks: list[Tok] | None = None) -> list[Name]:
    """The names in `text`, in order, each with its span and tokens. A summary is read with
    its source's vocabulary; a source (source=True) keeps its doubtful capitals, since an odd
    extra name in the source only makes matching a little more lenient. `toks`: tokens(text),
    when the caller has them already (they are not changed)."""
    toks = tokens(text) if toks is None else toks
    vocab = vocab or Vocabulary()
    own = frozenset(t.word for t in toks if t.text.islower())
    vocab = Vocabulary(vocab.names, vocab.lower | own)
    found = []
    for run in _runs(text, toks, None if source else vocab):
        while run and not run[-1].capitalised:
            run = run[:-1]
        if not run:
            continue
        toks = _merge_countries(run)
        found.append(Name(text[run[0].start: run[-1].end], run[0].start, run[-1].end, toks))
    return found


def names_within(text: str, toks: list[Tok], names: list[Name], vocab: Vocabulary,
                 spans: list[tuple[int, int]]) -> list[tuple[list[Tok], list[Name]] | None]:
    """For each span of `text` (a sentence of a summary: a claim), its tokens and names as
    find_names reads it alone with `vocab`, taken from those of the whole `text` read with it
    (its `toks` and `names`), offsets moved; None where reading it alone can differ, so the
    caller reads it (_Parts.alike)."""
    parts = _Parts(text, toks, names, vocab)
    return [parts.within(start, end) for start, end in spans]


@dataclass
class _Parts:
    text: str
    toks: list[Tok]
    names: list[Name]
    vocab: Vocabulary
    starts: list[int] = field(init=False)  # of the tokens, to find a span's by bisection
    titles: list[tuple[int, int]] = field(init=False)
    lower: Counter[str] = field(init=False)  # how often the text writes each word in lower case

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.toks]
        self.titles = title_lines(self.text)
        self.lower = Counter(t.word for t in self.toks if t.text.islower())

    def within(self, start: int, end: int) -> tuple[list[Tok], list[Name]] | None:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if not self.alike(start, end, first, last):
            return None
        moved = {id(t): _moved(t, start) for t in self.toks[first:last]}
        return list(moved.values()), [
            Name(n.text, n.start - start, n.end - start,
                 [moved.get(id(t)) or _moved(t, start) for t in n.toks])
            for n in self.names if start <= n.start and n.end <= end]

    def alike(self, start: int, end: int, first: int, last: int) -> bool:
        """Whether text[start:end] alone reads as inside the text. Not when a token could run
        over a boundary, on a headline line, when its first word does not open a sentence of the
        text ('Mr. | Zarif', 'the U.S. | Trade'), its last word is one letter (no word follows
        it alone), a name runs across a boundary, or a word opening a sentence of it is written
        in lower case only elsewhere in the text (find_names adds a text's own lower-case words
        to the vocabulary, which decides such words; function words never are names there, and
        the source's words decide before: _Reader.is_name)."""
        mine = self.toks[first:last]
        if (not _apart(self.text, start, end) or title_lines(self.text[start:end])
                or any(a < end and start < b for a, b in self.titles)
                or any(n.start < start < n.end or n.start < end < n.end for n in self.names)):
            return False
        if mine and (not _sentence_start(self.text, self.toks, first) or len(mine[-1].text) == 1):
            return False
        skip = (FUNCTION_WORDS, self.vocab.names, self.vocab.lower)
        return not any(
            t.capitalised and self.lower[t.word] and not any(t.word in words for words in skip)
            and _sentence_start(self.text, self.toks, first + i)
            and not any(u.word == t.word and u.text.islower() for u in mine)
            for i, t in enumerate(mine))


def _moved(tok: Tok, by: int) -> Tok:
    return Tok(tok.text, tok.word, tok.start - by, tok.end - by, tok.possessive, tok.countries)


def _apart(text: str, start: int, end: int) -> bool:
    """No token runs over either end of text[start:end]: blank before it, blank after it or a
    closing quotation mark after its own full stop (as summary sentences are split)."""
    before = start == 0 or text[start - 1].isspace()
    after = end == len(text) or text[end].isspace() or (
        text[end - 1] in ".!?" and text[end] in "\"”’'"
        and (end + 1 == len(text) or text[end + 1].isspace()))
    return before and after


def name_from_text(text: str) -> list[Name]:
    """A name given as such (a structured summary's people, countries, organisations): every
    word counts but a leading 'the', and parts in brackets or after commas are names of their
    own ('Eurasian Economic Union (EEU)' is two)."""
    names = []
    for part in re.split(r"[(),;/]", text):
        toks = tokens(part)
        if toks and toks[0].word == "the":
            toks = toks[1:]
        if toks:
            names.append(Name(part[toks[0].start: toks[-1].end], toks[0].start, toks[-1].end,
                              _merge_countries(toks)))
    return names
