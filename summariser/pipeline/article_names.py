"""People, countries and organisations read from the article itself, not generated: a 1.5B
model asked to list them copied names from its prompt and added countries the article never
names. The names are the checker's (validation.name_parts, read with the article's own
vocabulary so 'Officials' opening a sentence is no name) and categorised as the checker does.

- countries: every country form the body uses ('Iranian', 'Islamic Republic of Iran'), under its
  table name; regions and forms shared by several countries are left out;
- people: names of two or more words that are not titles, countries or organisations;
  a surname alone ('Zarif') is the person named in full elsewhere; the role is the title
  written with the name ('Foreign Minister'), the country the one named with it ('Iran's');
- organisations: names with an organisation word ('Ministry', 'Union') and acronyms the body
  spells out or uses twice; an acronym whose expansion is listed is folded into it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summariser.articles.body import body_sentences
from summariser.articles.models import Article
from summariser.pipeline.schema import Person
from summariser.validation.countries import capital_of, is_region
from summariser.validation.name_index import acronym_key, is_acronym, name_index
from summariser.validation.name_parts import Name, Tok, find_names
from summariser.validation.names import CONNECTORS, TITLES, category_of
from summariser.validation.words import wordset

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


def article_names(article: Article) -> ArticleNames:
    vocab = name_index(article).vocab
    names = [n for s in body_sentences(article) if not _headline_like(s.text)
             for n in find_names(s.text, vocab)]
    names = [n for n in (_clean(n, vocab.lower) for n in names) if n is not None]
    return ArticleNames(people=_people(names, vocab.lower), countries=_countries(names),
                        organisations=_organisations(names))


def _headline_like(text: str) -> bool:
    """A title-case or capitals line (a teaser, a headline) names things loosely: 'Deepen
    Ties', 'ANDREW TATE DETAINED'."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)
    capital = sum(w[0].isupper() for w in words)
    return len(words) >= 3 and (capital / len(words) >= 0.7 or text.isupper())


def _clean(name: Name, lower: frozenset[str]) -> Name | None:
    """Without words that end a name ('Los Angeles-born') and leading words the article
    writes in lower case elsewhere ('Commerce' in 'Secretary of Commerce Gina Raimondo')."""
    toks = list(name.toks)
    for i, tok in enumerate(toks):
        if re.search(r"-[a-z]", tok.text):
            toks = toks[:i]
            break
    while len(toks) > 1 and not toks[0].countries and (
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


def _core(toks: list[Tok]) -> list[Tok]:
    """The tokens after the last title or country: 'Iran's Foreign Minister Mohammad Javad
    Zarif' -> 'Mohammad Javad Zarif'."""
    last = max((i for i, t in enumerate(toks) if t.countries or t.word in TITLES), default=-1)
    core = toks[last + 1:]
    while core and core[0].word in CONNECTORS:
        core = core[1:]
    return core


def _as_person(name: Name, lower: frozenset[str]) -> tuple[list[Tok], Person] | None:
    core = _core(name.toks)
    titled = len(core) < len(name.toks) and any(t.word in TITLES for t in name.toks)
    # one word is a person only after a title: 'Minister Mehrabian', not 'Tehran'
    alone = len(core) == 1 and titled and core[0].word not in lower
    if not (len(core) >= 2 or alone) or not all(t.capitalised or t.word in CONNECTORS
                                                for t in core):
        return None
    own = Name(name.text, core[0].start, core[-1].end, core)
    if category_of(own) != "person" or {t.word for t in core} & MORE_ORG_WORDS:
        return None
    before = name.toks[: len(name.toks) - len(core)]
    role = " ".join(t.text for t in before if t.word in TITLES)
    country = next((c for t in before if len(t.countries) == 1 for c in t.countries), "")
    text = name.text[core[0].start - name.start:]
    return core, Person(name=text, role=role, country=country)


def _people(names: list[Name], lower: frozenset[str]) -> list[Person]:
    people: dict[tuple[str, ...], Person] = {}
    for name in names:
        found = _as_person(name, lower)
        if found is None:
            continue
        core, person = found
        key = tuple(t.word for t in core)
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


def _organisations(names: list[Name]) -> list[str]:
    orgs: dict[str, str] = {}
    acronyms: dict[str, int] = {}
    for name in names:
        if category_of(name) != "organisation":
            continue
        toks = name.toks[1:] if name.toks[0].possessive and len(name.toks) > 1 else name.toks
        titles = [i for i, t in enumerate(toks) if i and t.word in TITLES]
        toks = toks[: titles[0]] if titles else toks  # 'Police Lieutenant Romening'
        text = name.text[toks[0].start - name.start: toks[-1].end - name.start]
        if len(toks) == 1 and not is_acronym(toks[0].text):
            continue  # 'Embassy', 'Police': a common word, not which one
        if len(toks) == 1:
            key = acronym_key(toks[0].text)
            acronyms[key] = acronyms.get(key, 0) + 1
            orgs.setdefault("@" + key, toks[0].text)
        else:
            orgs.setdefault(text.casefold(), text)
    expanded = {_initials(v) for k, v in orgs.items() if not k.startswith("@")}
    out = [v for k, v in orgs.items()
           if not k.startswith("@") or (k[1:] not in expanded and acronyms[k[1:]] > 1)]
    return out[:MAX_ORGANISATIONS]


def _initials(text: str) -> str:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    skip = {"of", "the", "and", "for"}
    return "".join(w[0] for w in words if w.casefold() not in skip).casefold()
