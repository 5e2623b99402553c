"""Other written forms of a summary's name, tried when it is not in the source as written:
a spelling variant of source name words ('Astrakhan' for 'Astra Khan', 'Nazarbaev' for
'Nazarbayev'), the parts of a hyphenated compound of names ('the Lisbon-Madrid line': both
'Lisbon' and 'Madrid' must be names of the source), the name without ordinary words
hyphenated to it ('AI-based'); and, to say why a name is unsupported, a person's given
names added to the surname the source calls them by ('Eddie Howe' where the source says only
'Howe': the given name may be right, or the writer's guess)."""

from __future__ import annotations

import itertools
from itertools import pairwise

from summariser.validation.name_index import Place
from summariser.validation.name_parts import Name, Tok
from summariser.validation.words import fold

FUZZY_MIN = 88.0
FUZZY_MIN_LENGTH = 5


def fuzzy_variant(name: Name, places: list[Place]) -> tuple[list[Tok], str] | None:
    """The name with words respelled as the nearest source name words ('Astrakhan' ->
    'Astra Khan'), when every changed word is close enough."""
    from rapidfuzz import fuzz, process

    vocab: dict[str, list[Tok]] = {}
    for place in places:
        toks = [t for t in place.name.toks if not t.countries]
        for a, b in pairwise(toks):
            vocab.setdefault(a.word + b.word, [a, b])
        for t in toks:
            vocab.setdefault(t.word, [t])
    out: list[Tok] = []
    changed = []
    for tok in name.toks:
        key: str | None = tok.word
        if key not in vocab and not tok.countries and len(tok.word) >= FUZZY_MIN_LENGTH:
            best = process.extractOne(tok.word, list(vocab), scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_MIN)
            key = best[0] if best else None
        if key is None or key not in vocab or tok.countries:
            out.append(tok)
            continue
        out += vocab[key]
        if key != tok.word or len(vocab[key]) > 1:
            changed.append(" ".join(t.text for t in vocab[key]))
    if not changed:
        return None
    return out, "spelling variant of " + ", ".join(repr(c) for c in changed)


def compound_parts(name: Name) -> list[Name]:
    """'Lisbon-Madrid' -> 'Lisbon', 'Madrid'; 'Joao Ferreira-Costa' -> 'Joao', 'Ferreira',
    'Costa'. Only when every part is capitalised (not 'Coca-cola'-like words, not 'Ex-minister');
    [] when no word of the name is such a compound."""
    if not any("-" in t.text for t in name.toks):
        return []
    parts: list[Name] = []
    for tok in name.toks:
        pieces = tok.text.split("-")
        if len(pieces) > 1 and not all(p[:1].isupper() for p in pieces):
            return []
        pos = tok.start
        for piece in pieces:
            part = Tok(piece, fold(piece), pos, pos + len(piece))
            parts.append(Name(piece, part.start, part.end, [part]))
            pos += len(piece) + 1
    return parts


def without_words(name: Name) -> Name | None:
    """'AI-based', 'Sims-focused', 'P-make-like': the name without the ordinary (lower-case)
    words hyphenated after it; None when there are none, or when a capitalised part follows
    one ('Stoke-on-Trent' is one name)."""
    last = name.toks[-1]
    pieces = last.text.split("-")
    kept = list(itertools.takewhile(lambda p: p[:1].isupper(), pieces))
    if not kept or len(kept) == len(pieces) or any(p[:1].isupper() for p in pieces[len(kept):]):
        return None
    text = "-".join(kept)
    tok = Tok(text, fold(text), last.start, last.start + len(text), False, last.countries)
    return Name(name.text[:tok.end - name.start], name.start, tok.end, [*name.toks[:-1], tok])


def given_names_added(name: Name, places: list[Place], titles: frozenset[str]) -> Place | None:
    """The source's name for 'Eddie Howe' when it calls him only 'Howe' or 'Mr Howe': given
    names before a surname the source uses alone (or after titles only) and never after
    another given name ('Tom Flanagan' is not the source's 'Phil Flanagan')."""
    toks = name.toks
    if not 2 <= len(toks) <= 3 or any(t.countries or not t.capitalised or t.word in titles
                                      for t in toks):
        return None
    same = [p for p in places if p.name.toks[-1].same(toks[-1])]
    alone = [p for p in same if all(t.word in titles for t in p.name.toks[:-1])]
    return alone[0] if alone and len(alone) == len(same) else None
