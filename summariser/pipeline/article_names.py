"""People, countries and organisations read from the article itself, not generated: a 1.5B
model asked to list them copied names from its prompt and added countries the article never
names. The names are the checker's (validation.name_parts, read with the article's own
vocabulary so 'Officials' opening a sentence is no name) and categorised as the checker does.

- countries: every country form the body uses ('Iranian', 'Islamic Republic of Iran'), under its
  table name; regions and forms shared by several countries are left out;
- people: chosen in pipeline/people.py (no titles, places or organisations, nor ordinary
  words only; one person once, under the fullest name); not read from photo captions;
- organisations: names with an organisation word ('Ministry', 'Union') and acronyms the body
  spells out or uses twice; an acronym whose expansion is listed is folded into it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summariser.articles.body import body_sentences
from summariser.articles.captions import uncaptioned
from summariser.articles.models import Article
from summariser.pipeline.people import as_person, people
from summariser.pipeline.schema import Person
from summariser.validation.countries import capital_of, is_country, is_region, is_subdivision
from summariser.validation.lexicon import noun_kinds, parts_of_speech
from summariser.validation.name_index import acronym_key, is_acronym, name_index
from summariser.validation.name_parts import Name, Tok, find_names
from summariser.validation.names import (
    MORE_ORG_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLES,
    category_of,
)

MAX_ORGANISATIONS = 10


@dataclass
class ArticleNames:
    people: list[Person] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


# What a name is when its head noun is only ever a kind of these in WordNet (never a group or
# an organisation): a document ('UN Charter', 'Paris Agreement') or a facility, structure or
# route ('Astrakhan International Airport', 'North-South Transport Corridor').
NOT_ORGANISATIONS = ("document", "agreement", "facility", "structure", "way")
_ORG_KINDS = ("organization", "group", *NOT_ORGANISATIONS)


def article_names(article: Article) -> ArticleNames:
    vocab = name_index(article).vocab
    found = [(s.text, n) for s in uncaptioned(article, body_sentences(article))
             if not _headline_like(s.text)
             for n in find_names(s.text, vocab)]
    places = {_words(n.toks) for text, n in found if _placed(text, n)}
    things = frozenset(_words(n.toks) for text, n in found if _THING_BEFORE.search(text[:n.start]))
    names = [n for n in (_clean(n, vocab.lower) for _, n in found) if n is not None]
    return ArticleNames(people=people(names, vocab.lower, places, things),
                        countries=_countries(names),
                        organisations=_organisations(names, vocab.lower))


# Written before a thing's or place's name, not before a person's ('the Ryder Cup', 'at
# Portman Road', 'in Crawley Town'; people.py asks only about names of old dictionary words).
_THING_BEFORE = re.compile(r"\b(?:the|at|in)\s+$", re.IGNORECASE)


def _words(toks: list[Tok]) -> tuple[str, ...]:
    return tuple(t.word for t in toks)


def _placed(text: str, name: Name) -> bool:
    """The sentence says the name is a place: a place word follows it ('the Bandar Abbas
    port', 'Mangistau Region' written 'Mangistau region') or comes before it with 'of' ('the
    port of Aktau', 'the city of Gorgan'), or it is written as a town is, before its state,
    province or country ('East Liverpool, Ohio', 'Kingston, Ontario', 'Lviv, Ukraine')."""
    after = re.match(r"\s+([A-Za-z]+)", text[name.end:])
    before = re.search(r"\b([A-Za-z]+)\s+of\s+$", text[:name.start])
    return any(m is not None and m.group(1).casefold() in PLACE_WORDS
               for m in (after, before)) or _before_its_region(text[name.end:])


# ', Ohio,' ', New South Wales.' ', Ukraine on', ', Ohio helped': a region or country name
# not qualifying a person after it (', Texas governor' follows a person's name)
_REGION_AFTER = re.compile(r",\s+((?:[A-Z][\w.]*|of|and)(?:\s+(?:[A-Z][\w.]*|of|and))*?)"
                           r"(?=[,.;:!?)\]—–-]|\s*$|\s+([a-z]+))")


def _names_a_person(word: str) -> bool:
    """A title or a noun for a person, not a verb form: 'governor', 'resident', not 'helped'."""
    return word in TITLES or ("v" not in parts_of_speech(word)
                              and any("person" in k for k in noun_kinds(word, ("person",))))


def _before_its_region(rest: str) -> bool:
    match = _REGION_AFTER.match(rest)
    if match is None or (match.group(2) and _names_a_person(match.group(2))):
        return False
    place = match.group(1)  # a sentence's stop may follow it: 'Ohio.', but 'D.C.' keeps its own
    return is_subdivision(place) or is_subdivision(place.rstrip(".")) or is_country(place)


def _headline_like(text: str) -> bool:
    """A title-case or capitals line (a teaser, a headline) names things loosely: 'Deepen
    Ties', 'ANDREW TATE DETAINED'."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)
    capital = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and (capital / len(words) >= 0.7 or text.isupper())


def _clean(name: Name, lower: frozenset[str]) -> Name | None:
    """Without words that end a name ('Los Angeles-born') and leading words the article
    writes in lower case elsewhere ('Commerce' in 'Secretary of Commerce Gina Raimondo'),
    up to an organisation word ('Mines Ministry Mehrabian' keeps 'Ministry Mehrabian') or a
    title ('President Biden' stays titled where the article also writes 'vice president')."""
    toks = list(name.toks)
    for i, tok in enumerate(toks):
        if re.search(r"-[a-z]", tok.text):
            toks = toks[:i]
            break
    while len(toks) > 1 and not toks[0].countries and toks[0].word not in ORG_WORDS | TITLES and (
            toks[0].word in lower or capital_of(toks[0].text)):
        toks = toks[1:]
    if not toks or (name.text.isupper() and len(toks) > 1):
        return None
    return Name(name.text[toks[0].start - name.start: toks[-1].end - name.start],
                toks[0].start, toks[-1].end, toks)


def _countries(names: list[Name]) -> list[str]:
    found: dict[str, None] = {}
    for name in names:
        for tok in name.toks:
            if len(tok.countries) == 1 and not is_region(tok.countries):
                found.setdefault(next(iter(tok.countries)), None)
    return list(found)


def _organisations(names: list[Name], lower: frozenset[str]) -> list[str]:
    orgs: dict[str, str] = {}
    acronyms: dict[str, int] = {}
    others: set[str] = set()  # initials of names that are no organisation ('INSTC')
    for name in names:
        toks = _org_toks(name, lower)
        if toks is None:
            continue
        text = name.text[toks[0].start - name.start: toks[-1].end - name.start]
        if len(toks) == 1 and not is_acronym(toks[0].text):
            continue  # 'Embassy', 'Police': a common word, not which one
        if len(toks) == 1:
            key = acronym_key(toks[0].text)
            acronyms[key] = acronyms.get(key, 0) + 1
            orgs.setdefault("@" + key, toks[0].text)
        elif _no_organisation(toks[-1].word):
            others.add(_initials(text))
        else:
            orgs.setdefault(text.casefold(), text)
    expanded = {_initials(v) for k, v in orgs.items() if not k.startswith("@")} | others
    out = [v for k, v in orgs.items()
           if not k.startswith("@") or (k[1:] not in expanded and acronyms[k[1:]] > 1)]
    return out[:MAX_ORGANISATIONS]


def _org_toks(name: Name, lower: frozenset[str]) -> list[Tok] | None:
    """The tokens of an organisation's name: without a possessive before it, and without a
    title or person after it ('Police Lieutenant Romening', 'Mines Ministry Mehrabian')."""
    if category_of(name) != "organisation":
        return None
    toks = name.toks[1:] if name.toks[0].possessive and len(name.toks) > 1 else name.toks
    titles = [i for i, t in enumerate(toks) if i and t.word in TITLES]
    toks = toks[: titles[0]] if titles else toks
    person = as_person(name, lower)
    if person is not None:
        toks = [t for t in toks if t.start < person[0][0].start]
    return toks or None


# Words of institutions that WordNet files only under buildings ('Carter Center').
KEPT_HEADS = MORE_ORG_WORDS | {"centre", "center"}


def _no_organisation(head: str) -> bool:
    """The name's head noun is only a document, facility, structure or route in WordNet."""
    if head in KEPT_HEADS:
        return False
    senses = noun_kinds(head, _ORG_KINDS)
    return (not any(k & {"organization", "group"} for k in senses)
            and any(k & set(NOT_ORGANISATIONS) for k in senses))


def _initials(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w']*", text)  # 'North-South' is N and S
    skip = {"of", "the", "and", "for"}
    return "".join(w[0] for w in words if w.casefold() not in skip).casefold()
