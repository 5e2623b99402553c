"""Matching an output's names to the gold names: 'Zarif' is 'Mohammad Javad Zarif', 'Iranian'
is Iran, 'Foreign Minister David Choquehuanca Cespedes' is 'David Choquehuanca Cespedes'.

Tokens, country forms and demonyms come from the validation layer (name_parts, countries), so
the eval and the checker agree on what a name is. A name matches a gold form when, titles left
out, their tokens are equal, when the gold form's tokens occur in order inside it (it is more
specific), or when its tokens occur in order inside the gold form and include the form's last
token (a surname: 'Zarif', not 'Mohammad')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summariser.evaluation.gold import GoldArticle, normalise
from summariser.validation.name_parts import Tok, find_names, name_from_text
from summariser.validation.names import TITLES
from summariser.validation.words import FUNCTION_WORDS, fold

CATEGORIES = ("person", "country", "organisation")


@dataclass(frozen=True)
class Entity:
    """A gold name with its forms as tokens. Category 'other' (places, projects) is neither
    rewarded nor penalised, and neither are optional names."""

    name: str
    category: str
    required: bool
    forms: tuple[str, ...]
    tokens: tuple[tuple[Tok, ...], ...] = field(compare=False, hash=False)


def name_tokens(text: str) -> list[Tok]:
    """The name's tokens without titles ('Foreign Minister') and a leading 'the'."""
    toks = [t for part in name_from_text(text) for t in part.toks]
    core = [t for t in toks if t.word not in TITLES and t.word != "the"]
    return core or toks


def entities(gold: GoldArticle) -> list[Entity]:
    out = []
    for category, names in gold.names_by_category().items():
        for n in names:
            out.append(_entity(n.name, category, not n.optional, n.forms))
    out += [_entity(n, "other", False, [n]) for n in gold.other_names]
    return out


def _entity(name: str, category: str, required: bool, forms: list[str]) -> Entity:
    toks = tuple(tuple(name_tokens(f)) for f in forms)
    return Entity(name, category, required, tuple(forms), tuple(t for t in toks if t))


def _same(a: Tok, b: Tok) -> bool:
    return a.same(b)


def _inside(short: tuple[Tok, ...] | list[Tok], long: tuple[Tok, ...] | list[Tok]) -> bool:
    """`short`'s tokens occur in `long` in the same order (not necessarily adjacent)."""
    i = 0
    for tok in long:
        if i < len(short) and _same(short[i], tok):
            i += 1
    return i == len(short)


def _score(name: list[Tok], form: tuple[Tok, ...]) -> float:
    if len(name) == len(form) and all(_same(a, b) for a, b in zip(name, form, strict=True)):
        return 3.0
    if _inside(form, name):
        return 2.0 + len(form) / 100  # the longest gold form inside wins
    if _inside(name, form) and any(_same(t, form[-1]) for t in name):
        return 1.0 + len(name) / 100
    return 0.0


def match(text: str, book: list[Entity], category: str | None = None) -> Entity | None:
    """The gold entity `text` names (in `category`, or any when None), or None."""
    best, best_score = None, 0.0
    for part in name_from_text(text) or []:
        toks = name_tokens(part.text)
        if not toks:
            continue
        for entity in book:
            if category is not None and entity.category != category:
                continue
            score = max((_score(toks, form) for form in entity.tokens), default=0.0)
            if score > best_score:
                best, best_score = entity, score
    return best


def found_names(text: str) -> list[str]:
    """Names in running text (for outputs without lists, such as the baselines)."""
    # 'We' opening a quotation is capitalised but no name
    return [n.text for n in find_names(text) if any(t.word not in FUNCTION_WORDS for t in n.toks)]


def mentioned(entity: Entity, text: str, names: list[str] | None = None,
              book: list[Entity] | None = None) -> bool:
    """Whether `text` (or a listed name) mentions the entity: a form as written (any case), or
    a name found in the text that matches it."""
    folded = fold(normalise(text))
    for form in entity.forms:
        if re.search(rf"(?<!\w){re.escape(fold(normalise(form)))}(?!\w)", folded):
            return True
    candidates = [*(names or []), *found_names(text)]
    return any(match(n, book or [entity]) == entity for n in candidates)
