"""Other written forms of a summary's name, tried when it is not in the source as written:
a spelling variant of source name words ('Astrakhan' for 'Astra Khan', 'Nazarbaev' for
'Nazarbayev'), and the parts of a hyphenated compound of names ('the Lisbon-Madrid line': both
'Lisbon' and 'Madrid' must be names of the source)."""

from __future__ import annotations

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
