"""People, countries and organisations read from the article itself, not generated: a 1.5B
model asked to list them copied names from its prompt and added countries the article never
names. The names are the checker's (validation.name_parts, read with the article's own
vocabulary so 'Officials' opening a sentence is no name) and categorised as the checker does.

- countries: every country form the body uses ('Iranian', 'Islamic Republic of Iran'), under its
  table name; regions and forms shared by several countries are left out;
- people: names of two or more words that are not titles, countries or organisations, nor
  made of ordinary English words only ('White House', 'Food Safety', 'Grand Slam': words
  Webster's has in lower case and not capitalised as a name, as it has 'Scott' or 'Grace');
  a surname alone ('Zarif') is the person named in full elsewhere; the role is the title
  written with the name ('Foreign Minister'), the country the one named with it ('Iran's');
  what is still the title's is no part of the name (the body a title names with 'of':
  'Secretary of Commerce'; an abbreviated title or a word for a person: 'Sen.', 'Inspector');
- organisations: names with an organisation word ('Ministry', 'Union') and acronyms the body
  spells out or uses twice; an acronym whose expansion is listed is folded into it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summariser.articles.body import body_sentences
from summariser.articles.models import Article
from summariser.pipeline.schema import Person
from summariser.validation.countries import capital_of, is_country, is_region, is_subdivision
from summariser.validation.lexicon import known, noun_kinds, parts_of_speech
from summariser.validation.name_index import acronym_key, is_acronym, name_index
from summariser.validation.name_parts import ABBREVIATIONS, Name, Tok, find_names
from summariser.validation.names import CONNECTORS, ORG_WORDS, PLACE_WORDS, TITLES, category_of
from summariser.validation.roles import split_title
from summariser.validation.wordlist import dictionary
from summariser.validation.words import is_common_word, wordset

MAX_PEOPLE = 12
MAX_ORGANISATIONS = 10


@dataclass
class ArticleNames:
    people: list[Person] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


# Company and institution words beyond the checker's ORG_WORDS: a run with one of these is no
# person ('Gilead Sciences', 'Associated Press', 'House of Commons').
MORE_ORG_WORDS = wordset("""motors sciences devices press post times images photo photos
tribunal court commons policy service services staff chiefs police systems technologies
pharmaceuticals holdings partners inc corp co plc ltd llc se ag sa gmbh media studios labs
institute school hospital""")


# A name opening with one of these is a place, or a church or school named after one: 'St.
# Petersburg', 'Fort Worth', 'Mount Kenya'.
PLACE_OPENERS = wordset("st saint san santa fort mount mt port lake cape")
# What a name is when its head noun is only ever a kind of these in WordNet (never a group or
# an organisation): a document ('UN Charter', 'Paris Agreement') or a facility, structure or
# route ('Astrakhan International Airport', 'North-South Transport Corridor').
NOT_ORGANISATIONS = ("document", "agreement", "facility", "structure", "way")
_ORG_KINDS = ("organization", "group", *NOT_ORGANISATIONS)


def article_names(article: Article) -> ArticleNames:
    vocab = name_index(article).vocab
    found = [(s.text, n) for s in body_sentences(article) if not _headline_like(s.text)
             for n in find_names(s.text, vocab)]
    places = {_words(n.toks) for text, n in found if _placed(text, n)}
    names = [n for n in (_clean(n, vocab.lower) for _, n in found) if n is not None]
    return ArticleNames(people=_people(names, vocab.lower, places), countries=_countries(names),
                        organisations=_organisations(names, vocab.lower))


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
    up to an organisation word ('Mines Ministry Mehrabian' keeps 'Ministry Mehrabian')."""
    toks = list(name.toks)
    for i, tok in enumerate(toks):
        if re.search(r"-[a-z]", tok.text):
            toks = toks[:i]
            break
    while len(toks) > 1 and not toks[0].countries and toks[0].word not in ORG_WORDS and (
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


def _as_person(name: Name, lower: frozenset[str]) -> tuple[list[Tok], Person] | None:
    before, core = _title_and_name(name)
    titled = any(t.word in TITLES for t in before) or (
        bool(before and core) and before[-1].word in ORG_WORDS and not known(core[0].word))
    # one word is a person only after a title ('Minister Mehrabian', not 'Tehran') or after
    # the organisation it speaks for, when it is no English word ('Mines Ministry Mehrabian')
    alone = len(core) == 1 and titled and core[0].word not in lower
    if not (len(core) >= 2 or alone) or not all(t.capitalised or t.word in CONNECTORS
                                                for t in core):
        return None
    own = Name(name.text, core[0].start, core[-1].end, core)
    if core[0].word in PLACE_OPENERS or {t.word for t in core} & MORE_ORG_WORDS:
        return None
    if is_subdivision(own.text) or is_country(own.text):  # 'New Jersey', 'South Sudan'
        return None
    if not (_lone_person(core[0]) if len(core) == 1 else category_of(own) == "person"):
        return None
    role = " ".join(t.text for t in before if t.word in TITLES)
    country = next((c for t in before if len(t.countries) == 1 for c in t.countries), "")
    text = name.text[core[0].start - name.start:]
    return core, Person(name=text, role=role, country=country)


def _title_and_name(name: Name) -> tuple[list[Tok], list[Tok]]:
    """split_title's (title, name), without what is still a title's in the name: the body a
    title names with 'of' ('Secretary of Commerce Gina Raimondo', 'Vice President of U.S.
    Government Relations Allen Thompson'), and an abbreviated title or a word for a person
    ('Sen. Elizabeth Warren', 'Chief Inspector Peter Yeomans'); and no name at all when every
    word of it is an ordinary one ('White House', 'Food Safety', 'Grand Slam')."""
    before, core = split_title(name.toks, organisations=True)
    if len(core) >= 2 and all(_ordinary(t) for t in core if t.word not in CONNECTORS):
        return before, []
    words = {t.word for t in before}
    if "of" in words and words & TITLES:
        while len(core) > 2 and _ordinary(core[0]) and core[0].word not in ORG_WORDS:
            core = core[1:]
    if len(core) > 2 and _a_title(core[0]) and core[1].word not in CONNECTORS:
        core = core[1:]
    return name.toks[: len(name.toks) - len(core)], core


def _ordinary(tok: Tok) -> bool:
    """An English word that is no proper noun: Webster's has it in lower case only ('white',
    'house', 'safety'; not 'Scott', 'Grace' or 'Will', which it also has capitalised)."""
    text = tok.text
    return is_common_word(text) and text[:1].upper() + text[1:].lower() not in dictionary()


def _a_title(tok: Tok) -> bool:
    """An abbreviated title ('Sen.', 'Prof') or an ordinary word whose first noun sense is a
    person ('Inspector', 'Corporal')."""
    if tok.word in ABBREVIATIONS:
        return True
    first = noun_kinds(tok.word, ("person",))[:1]
    return _ordinary(tok) and bool(first) and "person" in first[0]


def _lone_person(tok: Tok) -> bool:
    """A titled single word ('Minister Mehrabian') is a person unless it is a country, a
    capital, an acronym, a place or organisation word, or a fragment ('Ph.D.')."""
    return len(tok.text) > 2 and not (tok.countries or capital_of(tok.text) or is_acronym(tok.text)
                or tok.word in ORG_WORDS | PLACE_WORDS)


def _people(names: list[Name], lower: frozenset[str],
            places: set[tuple[str, ...]]) -> list[Person]:
    people: dict[tuple[str, ...], Person] = {}
    for name in names:
        found = _as_person(name, lower)
        if found is None or _words(found[0]) in places:
            continue
        core, person = found
        key = _words(core)
        same = next((k for k in people if _same_person(key, k)), None)
        if same is None:
            people[key] = person
        elif not people[same].role and person.role:
            people[same].role, people[same].country = person.role, person.country
    return list(people.values())[:MAX_PEOPLE]


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Mohammad Zarif' and 'Mohammad Javad Zarif' (same first and last name), 'Zarif' and
    'Mohammad Javad Zarif' (a surname alone)."""
    return a[-1] == b[-1] and (a[0] == b[0] or len(a) == 1 or len(b) == 1)


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
    person = _as_person(name, lower)
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
