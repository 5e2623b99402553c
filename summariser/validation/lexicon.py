"""Word relations from WordNet 3.0: base forms, synonyms (and the broader words a summary may use
for a source's word), antonyms (in a part of speech both words' forms can be: see analyses).
Read from summariser/data/wordnet.tsv (words) and wordnet-links.bin (each synset's links),
compact tables built from Debian's `wordnet-base` by benchmarks/build_lexicon.py (licence:
data/WORDNET_LICENSE).

Both are read in place at first use (a few ms): the words' sorted lines are looked up as the
word list's are (wordlist.SortedTable), the links are one array of numbers. Decompressing and
splitting the one gzipped table they replace cost every check process ~40 ms, and building
dictionaries of every word would cost ~100 ms more."""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from functools import cache, lru_cache

from summariser.validation.wordlist import SortedTable, read_data

# Morphy's detachment rules (WordNet's own lemmatiser): suffix -> replacement, and the parts of
# speech an ending makes: '-s' a noun's plural or a verb's third person, '-ed'/'-ing' a verb,
# '-er'/'-est' a comparison ('faster' is an adverb's too). A form is only those: 'presents' is
# no adjective, so not the opposite of 'past' (WordNet has that pair as adjectives).
_RULES = (("ses", "s", "n"), ("xes", "x", "n"), ("zes", "z", "n"), ("ches", "ch", "n"),
          ("shes", "sh", "n"), ("men", "man", "n"), ("ies", "y", "nv"), ("es", "e", "v"),
          ("es", "", "v"), ("ed", "e", "v"), ("ed", "", "v"), ("ing", "e", "v"), ("ing", "", "v"),
          ("er", "", "ar"), ("er", "e", "ar"), ("est", "", "ar"), ("est", "e", "ar"),
          ("s", "", "nv"))


class _Table:
    def __init__(self, text: str, links: bytes) -> None:
        sections = {part[0]: part[2:] for part in text.split("# ")[1:]}
        self.lemmas, self.antonyms = SortedTable(sections["L"]), SortedTable(sections["A"])
        self.exceptions = SortedTable(sections["X"])
        self.pos_ends = [int(n) for n in sections["P"].split()]
        numbers = array("I")
        numbers.frombytes(links)
        if sys.byteorder == "big":
            numbers.byteswap()
        count = numbers[0]
        self.bounds, self.links = numbers[1:2 * count + 2], numbers[2 * count + 2:]


@cache
def _table() -> _Table:
    return _Table(read_data("wordnet.tsv").decode(), read_data("wordnet-links.bin"))


def _parted(value: str | None) -> list[tuple[str, str]]:
    """A table value `word:parts word:parts` as (word, parts) pairs."""
    return [(w, parts) for w, _, parts in (item.partition(":") for item in (value or "").split())]


def _lemma_parts(word: str) -> str:
    """The parts of speech ('nvar' letters) WordNet has the lemma `word` in; '' for none."""
    found = {part_of_speech(int(n)) for n in (_table().lemmas.get(word) or "").split()}
    return "".join(p for p in "nvar" if p in found)


@lru_cache(maxsize=8192)
def _endings(word: str) -> tuple[tuple[str, str], ...]:
    """The lemmas `word` may be a form of, each with the parts of speech its ending allows
    (all for the word itself): the word as a lemma, its irregular inflections (kept when
    WordNet has no such lemma, 'aboideaux' -> 'aboideau': a key the two forms share), then
    the bases of Morphy's rules that are lemmas. Rules may reach one base twice ('prices':
    -es a verb's, -s a noun's)."""
    table = _table()
    out = {word: "nvar"} if table.lemmas.get(word) is not None else {}
    found = _parted(table.exceptions.get(word))
    found += [(base, parts) for suffix, repl, parts in _RULES
              if word.endswith(suffix) and len(word) > len(suffix) + 1
              and table.lemmas.get(base := word[: len(word) - len(suffix)] + repl) is not None]
    for base, parts in found:
        out[base] = out.get(base, "") + parts
    return tuple(out.items())


@lru_cache(maxsize=8192)
def base_forms(word: str) -> tuple[str, ...]:
    """The WordNet lemmas `word` may be a form of: 'fell' -> ('fell', 'fall'), 'rose' ->
    ('rose', 'rise'), 'talks' -> ('talk',). Empty when WordNet has no such word."""
    return tuple(base for base, _ in _endings(word))


@lru_cache(maxsize=8192)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """base_forms(word), each with the parts of speech it can be in that form: 'presents' ->
    (('present', 'nv'),), 'fell' -> (('fell', 'nva'), ('fall', 'v')). A base WordNet has in
    none of the parts its ending allows has none ('news' -> ('news', 'n'), ('new', '')): a key
    for alignment, but no antonym's. Apart from base_forms: reading each base's senses for
    its parts of speech would cost every word a check aligns."""
    return tuple((base, "".join(p for p in _lemma_parts(base) if p in parts))
                 for base, parts in _endings(word))


def known(word: str) -> bool:
    return bool(base_forms(word))


@lru_cache(maxsize=8192)
def synsets(word: str) -> frozenset[int]:
    table = _table()
    out: set[int] = set()
    for form in base_forms(word):
        out.update(int(n) for n in (table.lemmas.get(form) or "").split())
    return frozenset(out)


def parts_of_speech(word: str) -> frozenset[str]:
    """'n', 'v', 'a', 'r' (adverb): the parts of speech `word` can be in its form (analyses):
    'presents' a noun or verb, though WordNet has the adjective 'present' too."""
    return frozenset(p for _, parts in analyses(word) for p in parts)


def _links(n: int) -> tuple[list[int], list[int]]:
    table = _table()
    bounds, links = table.bounds, table.links
    return (links[bounds[2 * n]:bounds[2 * n + 1]].tolist(),
            links[bounds[2 * n + 1]:bounds[2 * n + 2]].tolist())


@lru_cache(maxsize=8192)
def covers(word: str) -> frozenset[int]:
    """The meanings a summary may express with another word when the source says `word`: its
    synsets, those WordNet links as the same meaning in another shape, and their hypernyms
    two levels up ('car' covers 'vehicle'; 'vehicle' does not cover 'car')."""
    out = set(synsets(word))
    for n in list(out):
        out.update(_links(n)[1])
    frontier = set(out)
    for _ in range(2):
        frontier = {m for n in frontier for m in _links(n)[0]}
        out |= frontier
    return frozenset(out)


def same_meaning(claim_word: str, source_word: str) -> bool:
    """Whether the source's word covers the claim's: a synonym, a broader word, or a word of
    the same derivational family (see same_family)."""
    return same_family(claim_word, source_word) or bool(synsets(claim_word) & covers(source_word))


FAMILY_PREFIX = 6


def same_family(a: str, b: str) -> bool:
    """Derivations WordNet does not link: words sharing their first FAMILY_PREFIX letters and
    all but the last three of the shorter ('connection'/'connectivity', 'nutrition'/
    'nutritional', 'approve'/'approval')."""
    if a[:FAMILY_PREFIX] != b[:FAMILY_PREFIX]:  # most pairs: no need to count the rest
        return False
    n = min(len(a), len(b))
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), n)
    return shared >= max(FAMILY_PREFIX, n - 3)


@lru_cache(maxsize=8192)
def opposites(word: str) -> frozenset[tuple[str, str]]:
    """(lemma, part of speech) of each antonym WordNet gives a form of `word` in a part of
    speech that form can be: 'presents' has none ('present' is the opposite of 'past' as an
    adjective), 'fell' has ('rise', 'v') ('fall' and 'rise' are nouns too, but 'fell' no
    noun 'fall')."""
    table = _table()
    if not any(table.antonyms.get(base) for base in base_forms(word)):
        return frozenset()  # most words have none: no need to read their senses for parts
    out: set[tuple[str, str]] = set()
    for base, kinds in analyses(word):
        for other, parts in _parted(table.antonyms.get(base)):
            out.update((other, p) for p in parts if p in kinds)
    return frozenset(out)


@lru_cache(maxsize=8192)
def antonyms(word: str) -> frozenset[str]:
    """The lemmas of opposites(word)."""
    return frozenset(other for other, _ in opposites(word))


def opposite(a: str, b: str) -> bool:
    """Whether WordNet gives a form of `a` and a form of `b` as antonyms in a part of speech
    both forms can be ('rose'/'fell' as verbs; not 'presents'/'past')."""
    found = opposites(a)
    if not antonyms(a).intersection(base_forms(b)):  # most pairs: no need to read b's parts
        return False
    return any((base, p) in found for base, kinds in analyses(b) for p in kinds)


def related(n: int) -> list[int]:
    """The synsets WordNet links to synset n as the same meaning in another shape (similar-to
    adjectives, derivations, verb groups)."""
    return _links(n)[1]


SIBLING_SENSES = 3


@lru_cache(maxsize=8192)
def senses(word: str, n: int) -> tuple[int, ...]:
    """The first n senses (synsets, most frequent first) of each base form of `word`."""
    table = _table()
    out: list[int] = []
    for form in base_forms(word):
        out += [int(x) for x in (table.lemmas.get(form) or "").split()][:n]
    return tuple(out)


def _main_senses(word: str) -> tuple[int, ...]:
    """The first SIBLING_SENSES senses of each base form: rare senses make nearly any two
    words siblings."""
    return senses(word, SIBLING_SENSES)


def hypernyms(n: int) -> list[int]:
    """The direct hypernyms of synset n."""
    return _links(n)[0]


def part_of_speech(n: int) -> str:
    """'n', 'v', 'a' or 'r' of synset n."""
    return "nvar"[bisect_left(_table().pos_ends, n + 1)]


def _shapes(word: str) -> set[int]:
    out = set(synsets(word))
    for n in list(out):
        out.update(related(n))
    return out


def siblings(a: str, b: str) -> bool:
    """Whether a main sense of `a` and one of `b` are different meanings under one direct
    hypernym: co-hyponyms ('murder'/'manslaughter' under 'homicide'); not when WordNet also
    links the two as one meaning in other shapes ('validation'/'verification': 'validate' is a
    verb sense of 'verify')."""
    ups = {n: set(_links(n)[0]) for n in _main_senses(b)}
    if not any(x != y and set(_links(x)[0]) & up for x in _main_senses(a)
               for y, up in ups.items()):
        return False
    return not _shapes(a) & _shapes(b)


@lru_cache(maxsize=4096)
def noun_kinds(word: str, kinds: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """For each noun sense of `word`, which of `kinds` it is a kind of (WordNet hypernyms at
    any depth, the sense itself included): noun_kinds('charter', ('document', 'group')) has
    a sense under 'document' and none under 'group'. Empty when WordNet has no such noun."""
    targets = {kind: synsets(kind) for kind in kinds}
    ends = _table().pos_ends
    out = []
    for n in sorted(synsets(word)):
        if "nvar"[bisect_left(ends, n + 1)] != "n":
            continue
        seen, frontier = {n}, {n}
        while frontier:
            frontier = {m for x in frontier for m in _links(x)[0]} - seen
            seen |= frontier
        out.append(frozenset(k for k, t in targets.items() if seen & t))
    return tuple(out)
