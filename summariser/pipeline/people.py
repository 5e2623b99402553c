"""Which of an article's names are people, under which name and title (article_names.py reads
the names; this decides). A person is a name of two or more words that is no title, country,
place or organisation, nor made of ordinary English words only ('White House', 'Grand Slam');
one word is a person only after a title ('Minister Mehrabian').

'Ordinary' is a word Webster's has in lower case only and WordNet knows too: Webster's 2nd
alone has obsolete senses of given names ('rory', 'clint', 'nicky', 'clive'), which made Rory
Burns or Clint Hill look like ordinary phrases. A name after an honorific ('Miss Muller', 'Mr
Young') is a person whatever its words. One person listed under several forms is listed once,
under the fullest: 'Mohammad Zarif' and 'Mohammad Javad Zarif', 'Cameron Bure' and 'Candace
Cameron Bure', 'Zarif' alone, and 'Mr Wang' beside 'Wang Xiaolu' (a surname after an honorific
may come first)."""

from __future__ import annotations

from summariser.pipeline.schema import Person
from summariser.validation.countries import capital_of, is_country, is_subdivision
from summariser.validation.lexicon import known, noun_kinds, parts_of_speech
from summariser.validation.name_index import is_acronym
from summariser.validation.name_parts import ABBREVIATIONS, Name, Tok
from summariser.validation.names import (
    CONNECTORS,
    MORE_ORG_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLES,
    category_of,
)
from summariser.validation.roles import split_title
from summariser.validation.wordlist import dictionary
from summariser.validation.words import FUNCTION_WORDS, is_common_word, wordset

MAX_PEOPLE = 12

# A name opening with one of these is a place, or a church or school named after one: 'St.
# Petersburg', 'Fort Worth', 'Mount Kenya', 'Los Angeles' (Spanish plural articles open places
# and teams, never a person's name).
PLACE_OPENERS = wordset("st saint san santa fort mount mt port lake cape los las")
# Title words that qualify a title ('Former President', 'Deputy Minister') and name no one
# on their own.
TITLE_MODIFIERS = wordset("""first former acting late top senior deputy vice foreign economy
trade finance interior industry industries defence defense""")
# Abbreviated police and army ranks written before a name ('PC Siobhan Pellett', 'Det Ch Insp
# Bev Hyland'), which the checker's titles do not have ('PC' reads as an acronym there).
RANKS = wordset("pc dc ds di dci dcs det insp supt ch sgt cpl pte")
# Written before a person's surname (or whole name), never before a thing's name.
HONORIFICS = wordset("mr mrs ms miss mx dr sir dame lady hon")


def as_person(name: Name, lower: frozenset[str],
              things: frozenset[tuple[str, ...]] = frozenset()) -> tuple[list[Tok], Person] | None:
    """The person's own tokens and the Person a name is, or None when it is no person.
    `lower`: the words the article writes in lower case; `things`: the names it writes after
    'the', 'at' or 'in' (their words)."""
    before, core = _title_and_name(name, things)
    titled = any(t.word in TITLES | HONORIFICS | RANKS for t in before) or (
        bool(before and core) and before[-1].word in ORG_WORDS and not known(core[0].word))
    # one word is a person only after a title ('Minister Mehrabian', not 'Tehran'; a title's
    # modifier is none: 'First Amendment') or after the organisation it speaks for, when it
    # is no English word ('Mines Ministry Mehrabian')
    alone = (len(core) == 1 and titled and core[0].word not in lower
             and before[-1].word not in TITLE_MODIFIERS)
    if not (len(core) >= 2 or alone) or not all(t.capitalised or t.word in CONNECTORS
                                                for t in core):
        return None
    own = Name(name.text, core[0].start, core[-1].end, core)
    # 'The Scream', 'St. Petersburg', 'Fort Worth': a work's or a place's name
    if core[0].word in PLACE_OPENERS | {"the"} or {t.word for t in core} & MORE_ORG_WORDS:
        return None
    if is_subdivision(own.text) or is_country(own.text):  # 'New Jersey', 'South Sudan'
        return None
    if not (_lone_person(core[0]) if len(core) == 1 else category_of(own) == "person"):
        return None
    role = " ".join(t.text for t in before if t.word in TITLES or t.word in RANKS)
    country = next((c for t in before if len(t.countries) == 1 for c in t.countries), "")
    text = name.text[core[0].start - name.start:]
    return core, Person(name=text, role=role, country=country)


def _title_and_name(name: Name, things: frozenset[tuple[str, ...]]
                    ) -> tuple[list[Tok], list[Tok]]:
    """split_title's (title, name), without what is still a title's in the name: the body a
    title names with 'of' ('Secretary of Commerce Gina Raimondo', 'Vice President of U.S.
    Government Relations Allen Thompson'), an abbreviated title or a word for a person ('Sen.
    Elizabeth Warren', 'Chief Inspector Peter Yeomans'), an honorific ('Miss'), and whatever
    comes before a possessive ("Boston's Handel", "United's Ashley Young": the possessor is
    another name); and no name at all when it is made of ordinary words (_ordinary_only)
    and no honorific comes before it."""
    before, core = split_title(_after_possessive(name.toks), organisations=True)
    while core and (core[0].word in HONORIFICS or core[0].word in RANKS):
        core = core[1:]
    honoured = any(t.word in HONORIFICS for t in name.toks[: len(name.toks) - len(core)])
    if len(core) >= 2 and not honoured and _ordinary_only(core, things):
        return before, []
    words = {t.word for t in before}
    if "of" in words and words & TITLES:
        while len(core) > 2 and _ordinary(core[0]) and core[0].word not in ORG_WORDS:
            core = core[1:]
    while len(core) > 2 and _a_title(core[0]) and core[1].word not in CONNECTORS:
        core = core[1:]
    return name.toks[: len(name.toks) - len(core)], core


def _after_possessive(toks: list[Tok]) -> list[Tok]:
    """The tokens after the last possessive one that is not the name's last ("Sky's Geraint
    Thomas" -> 'Geraint Thomas'); a country's possessive stays, for the person's country
    ("Iran's Foreign Minister Zarif")."""
    cut = max((i for i, t in enumerate(toks[:-1])  # "Let's" is no possessive
               if t.possessive and not t.countries and t.word != "let"), default=-1)
    return toks[cut + 1:]


def _ordinary_only(core: list[Tok], things: frozenset[tuple[str, ...]]) -> bool:
    """Every word of the name is an ordinary one ('White House', 'Food Safety', 'Grand Slam');
    or every word is in Webster's in lower case only, some only as an old word WordNet does
    not have ('Rory', 'Clint', 'Kensington', 'Ryder': a given name or a place), and the
    article writes the name as a thing's, after 'the', 'at' or 'in' ('the Ryder Cup', 'at
    Kensington Palace'; never 'the Rory Burns')."""
    words = [t for t in core if t.word not in CONNECTORS]
    if not all(_in_lower_case(t) for t in words):
        return False
    return all(_ordinary(t) for t in words) or tuple(t.word for t in core) in things


def _in_lower_case(tok: Tok) -> bool:
    """Webster's has the word in lower case only ('white', 'house', 'safety', also 'rory';
    not 'Scott', 'Grace' or 'Will', which it also has capitalised)."""
    text = tok.text
    return is_common_word(text) and text[:1].upper() + text[1:].lower() not in dictionary()


def _ordinary(tok: Tok) -> bool:
    """An English word that is no proper noun: in Webster's in lower case only, and a word
    WordNet knows (each part of a hyphenated one: 'Limited-Time'), or a function word; not
    'rory' or 'clint', Webster's old words that are given names now."""
    parts = [p for p in tok.word.split("-") if p]
    return _in_lower_case(tok) and all(known(p) or p in FUNCTION_WORDS for p in parts)


def _a_title(tok: Tok) -> bool:
    """An abbreviated title or rank ('Sen.', 'Prof', 'Det', 'PC'), an ordinary word whose first
    noun sense is a person ('Inspector', 'Corporal'), or a noun WordNet knows that Webster's
    has not capitalised, as it has given names ('Commissioner', 'Neighbour', 'Olympian'
    before 'Mark Abbott'; not 'Mark' before 'Anthony Smith')."""
    if tok.word in ABBREVIATIONS or tok.word in RANKS:
        return True
    first = noun_kinds(tok.word, ("person",))[:1]
    if _ordinary(tok) and bool(first) and "person" in first[0]:
        return True
    return "n" in parts_of_speech(tok.word) and tok.text.capitalize() not in dictionary()


def _lone_person(tok: Tok) -> bool:
    """A titled single word ('Minister Mehrabian') is a person unless it is a country, a
    capital, an acronym, a place or organisation word, or a fragment ('Ph.D.')."""
    return len(tok.text) > 2 and not (tok.countries or capital_of(tok.text) or is_acronym(tok.text)
                or tok.word in ORG_WORDS | PLACE_WORDS)


def people(names: list[Name], lower: frozenset[str], places: set[tuple[str, ...]],
           things: frozenset[tuple[str, ...]] = frozenset()) -> list[Person]:
    """The people among `names` (in order, each once: see the module's doc), leaving out those
    the article calls places (`places`: their words). `things`: as for as_person."""
    found: dict[tuple[str, ...], Person] = {}
    surnames: set[tuple[str, ...]] = set()  # one word written after an honorific
    for name in names:
        person = as_person(name, lower, things)
        if person is None or tuple(t.word for t in person[0]) in places:
            continue
        core, new = person
        key = tuple(t.word for t in core)
        if len(key) == 1 and any(t.word in HONORIFICS for t in name.toks):
            surnames.add(key)
        same = next((k for k in found if _same_person(key, k, surnames)), None)
        if same is None:
            found[key] = new
            continue
        old = found[same]
        if len(key) > len(same):  # the fuller form names the person, in the first one's place
            found = {key if k == same else k: v for k, v in found.items()}
            old.name = new.name
        if not old.role and new.role:
            old.role, old.country = new.role, new.country
    return list(found.values())[:MAX_PEOPLE]


def _same_person(a: tuple[str, ...], b: tuple[str, ...], surnames: set[tuple[str, ...]]) -> bool:
    """'Mohammad Zarif' and 'Mohammad Javad Zarif' (same first and last name), 'Cameron Bure'
    and 'Candace Cameron Bure' (one the other's end), 'Zarif' and 'Mohammad Javad Zarif' (a
    surname alone), and a surname written after an honorific that comes first in the other
    ('Mr Wang' and 'Wang Xiaolu')."""
    short, long = sorted((a, b), key=len)
    if len(short) == 1 and short in surnames and short[0] == long[0]:
        return True
    return a[-1] == b[-1] and (a[0] == b[0] or len(short) == 1
                               or long[len(long) - len(short):] == short)
