"""Checking that the people, countries and organisations a summary names are in the source.

A summary's name is supported when, in the article body (not its page furniture):
- its words occur in order within one name of the source ('Zarif' and 'Foreign Minister Zarif'
  in 'Iranian Foreign Minister Mohammad Javad Zarif'), or the phrase occurs as written;
- it is a country or demonym and the source names that country in any form ('Kazakh' for
  'Kazakhstan', 'Iranian' for 'Iran', 'Islamic Republic of Iran' for 'Iranians');
- it is an acronym and the source has it, or words whose initials spell it ('INSTC' for
  'International North-South Transport Corridor', 'MoU' for 'memorandum of understanding'),
  or it is a long name whose acronym the source uses ('Eurasian Economic Union' for 'EEU');
- without its titles and countries, the rest is in a source name that is not tied to another
  country: 'Iran's First Vice President Aref' is supported by 'Aref', but 'Iranian Foreign
  Minister Tleuberdi' is not when the source calls him the Kazakh foreign minister;
- a word differs from a source name word only in spelling (rapidfuzz ratio >= 88 for words of
  5+ letters, also against two source words written together): 'Astrakhan' for 'Astra Khan',
  'Nazarbaev' for 'Nazarbayev'. Countries are never fuzzy-matched ('Iraq' is not 'Iran').
A name found only in page furniture is `boilerplate`; anything else is `unsupported`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from summariser.articles.models import Article
from summariser.validation.countries import capital_of, forms_of, is_region
from summariser.validation.memo import once
from summariser.validation.models import NameCategory, NameCheck, SourceSpan
from summariser.validation.name_forms import (
    compound_parts,
    fuzzy_variant,
    given_names_added,
    without_words,
)
from summariser.validation.name_index import (
    Place,
    Scope,
    acronym_key,
    flat,
    is_acronym,
    name_index,
    text_names,
)
from summariser.validation.name_parts import (
    CONNECTORS,
    Name,
    Tok,
    name_from_text,
)
from summariser.validation.words import wordset

TITLES = wordset("""president minister foreign prime vice first deputy general major brigadier
ambassador chairman chairwoman chief secretary spokesman spokeswoman spokesperson caretaker king
queen prince princess sheikh emir mr mrs ms dr sir lord senator governor mayor commander admiral
colonel lieutenant captain director head leader envoy counterpart supreme ayatollah speaker
defence defense economy trade finance interior industry industries former acting late top senior
chancellor premier official officials delegate representative consul pm fm mp ceo""")
ORG_WORDS = wordset("""organization organisation union agency ministry company bank council
chamber club corridor railway fund association committee commission party army navy forces police
university institute airport airlines air news embassy parliament assembly court corporation group
inc ltd federation alliance league network office department guard corps centre center
foundation""")
# Company and institution words that name no person ('Gilead Sciences', 'Associated Press',
# 'Lordstown Motors', 'House of Commons'). Unlike ORG_WORDS they decide only what a name is, not
# how it is matched: they end no title, and tie no name to a country.
MORE_ORG_WORDS = wordset("""motors sciences devices press post times images photo photos
tribunal court commons policy service services staff chiefs police systems technologies
pharmaceuticals holdings partners inc corp co plc ltd llc se ag sa gmbh media studios labs
institute school hospital bureau society trust""")
SKIPPABLE = frozenset({"of", "the", "and", "for", "on", "de", "&", "in"})
FILLERS = frozenset({"the", "affairs"})  # 'Minister of Foreign Affairs' is a foreign minister


@dataclass
class Hit:
    place: Place | None
    note: str = ""
    tok: Tok | None = None  # the source token, when a single word matched (a country)
    found: bool = True


def _in_order(cand: list[Tok], seq: list[Tok]) -> bool:
    j = 0
    for tok in seq:
        if j < len(cand) and cand[j].same(tok):
            j += 1
    return j == len(cand)


def _seq_hit(toks: list[Tok], places: list[Place]) -> Hit | None:
    for place in places:
        if _in_order(toks, place.name.toks):
            return Hit(place)
    return None


def _country_place(tok: Tok, places: list[Place]) -> tuple[Place, Tok] | None:
    for place in places:
        for other in place.name.toks:
            if other.countries & tok.countries:
                return place, other
    return None


def _country_hit(name: Name, places: list[Place]) -> Hit | None:
    if not all(t.countries for t in name.toks):
        return None
    first: tuple[Place, Tok] | None = None
    for tok in name.toks:
        found = _country_place(tok, places)
        if found is None:
            return Hit(None, f"the source does not name {tok.text}", found=False)
        first = first or found
    assert first is not None
    return Hit(first[0], tok=first[1])


def _expansion(letters: str, words: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Words whose initials spell `letters`, function words skippable: 'MoU' in 'memorandum
    of understanding', 'INSTC' in 'International North-South Transport Corridor'."""

    def walk(li: int, wi: int) -> int | None:
        if li == len(letters):
            return wi
        if wi >= len(words) or wi - start > 2 * len(letters):
            return None
        word = words[wi][0]
        if word[0] == letters[li]:
            end = walk(li + 1, wi + 1)
            if end is not None:
                return end
        return walk(li, wi + 1) if word in SKIPPABLE else None

    for start, (word, _, _) in enumerate(words):
        if word[0] == letters[0] and word not in SKIPPABLE:
            end = walk(0, start)
            if end is not None:
                return words[start][1], words[end - 1][2]
    return None


def _initials(toks: list[Tok], skip: bool) -> str:
    parts = [p for t in toks for p in t.word.split("-") if p and not (skip and p in SKIPPABLE)]
    return "".join(p[0] for p in parts)


def _acronym_hit(name: Name, scope: Scope, text: str) -> Hit | None:
    if len(name.toks) == 1 and is_acronym(name.toks[0].text):
        key = acronym_key(name.toks[0].text)
        if found := scope.acronym_places(key):
            return Hit(found[0])
        span = _expansion(key, scope.words())
        if span is None:
            return None
        written = scope.index.text[span[0]:span[1]]
        return Hit(None, f"written out in the source: {written!r}",
                   tok=Tok(written, key, span[0], span[1]))
    if len(name.toks) < 2:
        return None
    for skip in (True, False):
        found = scope.acronym_places(_initials(name.toks, skip))
        if found:
            return Hit(found[0], f"the source uses its acronym in {found[0].name.text!r}")
    return None


def _core(name: Name) -> list[Tok]:
    return [t for t in name.toks if not t.countries and t.word not in TITLES
            and t.word not in CONNECTORS and t.word not in FILLERS]


def _title_hit(name: Name, scope: Scope) -> Hit | None:
    """A title without a person ('Kazakhstan's Minister of Foreign Affairs', 'the Russian Prime
    Minister'): one sentence must name the country and have every title word, in any case."""
    countries = [t for t in name.toks if t.countries]
    if _core(name) or not countries:  # a title alone must be found as written (_seq_hit)
        return None
    titles = [t.word for t in name.toks if t.word in TITLES]
    for number in scope.sentence_numbers():
        start, end = scope.index.sentences[number]
        here = scope.in_sentence(number)
        found = [hit for c in countries if (hit := _country_place(c, here))]
        text = scope.index.body_text[start:end]
        if len(found) == len(countries) and all(re.search(rf"\b{re.escape(w)}\b", text)
                                                for w in titles):
            place, tok = found[0]
            return Hit(place, tok=tok)
    return None


def _core_hit(name: Name, places: list[Place]) -> Hit | None:
    """The name without titles and countries: 'Iran's First Vice President Aref' -> 'Aref'."""
    core = _core(name)
    countries = [t for t in name.toks if t.countries]
    if not core:
        return None
    matches = [p for p in places if _in_order(core, p.name.toks)]
    if not matches:
        return None
    if countries and all(t.word in ORG_WORDS | PLACE_WORDS for t in core):
        # 'Bank of America' is not the source's 'World Bank' because the source names America
        # elsewhere: a generic word ('bank', 'union') ties only a source name with that country
        tied = [p for p in matches if any(t.countries & c.countries for t in p.name.toks
                                          for c in countries)]
        if not tied:
            return Hit(None, f"the source's {matches[0].name.text!r} shares only the word "
                       f"{core[0].text!r}: another organisation", found=False)
        matches = tied
    if countries:
        wanted = frozenset().union(*(t.countries for t in countries))
        tied = [p for p in matches if any(t.countries for t in p.name.toks)]
        agrees = any(t.countries & wanted for p in tied for t in p.name.toks)
        if tied and not agrees:  # the source ties this person to another country
            return Hit(None, f"the source has {tied[0].name.text!r}", found=False)
        missing = [t.text for t in countries if _country_place(t, places) is None]
        if missing:
            return Hit(None, f"the source does not name {missing[0]}", found=False)
    return Hit(matches[0])


def _phrase_hit(name: Name, scope: Scope, folded: str) -> Hit | None:
    """The name as written in the body ('Marks & Spencer' also as 'Marks and Spencer')."""
    phrase = flat(name.text)
    if len(phrase) < 3:
        return None
    if " & " in phrase:
        return _written_hit(name, scope, folded, phrase) or _written_hit(
            name, scope, folded, phrase.replace(" & ", " and "))
    if "-" in phrase:  # 'Go-there' for 'go there'
        return _written_hit(name, scope, folded, phrase) or _written_hit(
            name, scope, folded, phrase.replace("-", " "))
    return _written_hit(name, scope, folded, phrase)


def _written_hit(name: Name, scope: Scope, folded: str, phrase: str) -> Hit | None:
    pos = folded.find(phrase)
    while pos >= 0:
        end = pos + len(phrase)
        bounded = (pos == 0 or not folded[pos - 1].isalnum()) and (
            end == len(folded) or not folded[end].isalnum())
        if bounded and scope.inside(pos):
            return Hit(None, "", tok=Tok(name.text, phrase, pos, end))
        pos = folded.find(phrase, pos + 1)
    return None


def _country_phrase_hit(name: Name, scope: Scope, folded: str) -> Hit | None:
    """The phrase with its country written in another form: 'Kazakh Embassy in Tehran' for
    'the Kazakhstan Embassy in Tehran', 'Iran industries and mines ministry' for 'the Iranian
    industries and mines ministry'."""
    if all(t.countries for t in name.toks) or not any(t.countries for t in name.toks):
        return None
    parts = []
    for tok in name.toks:
        if tok.countries:
            forms = "|".join(r"\s+".join(map(re.escape, f.split()))
                             for f in forms_of(tok.countries))
            parts.append(rf"(?:{forms})(?:'s)?")
        else:
            parts.append(re.escape(flat(tok.text)))
    pattern = re.compile(r"(?<![\w'])" + r"[\s,]+".join(parts) + r"(?!\w)")
    for m in pattern.finditer(folded):
        if scope.inside(m.start()):
            source = scope.index.text[m.start():m.end()]
            return Hit(None, f"the source writes {source!r}", tok=Tok(source, m.group(),
                                                                       m.start(), m.end()))
    return None


def _match(name: Name, scope: Scope, furniture: bool = False) -> Hit | None:
    places = scope.places(furniture)
    text = scope.index.furniture_text if furniture else scope.index.body_text
    hit = (_seq_hit(name.toks, places) or _country_hit(name, places)
           or _phrase_hit(name, scope, text))
    if furniture:
        return hit or _core_hit(name, places)
    if hit is not None:
        return hit
    hit = (_acronym_hit(name, scope, text) or _country_phrase_hit(name, scope, text)
           or _core_hit(name, places) or _title_hit(name, scope))
    if hit is not None:
        return hit
    variant = fuzzy_variant(name, places)
    if variant is None:
        return None
    respelled = Name(name.text, name.start, name.end, variant[0])
    hit = _seq_hit(respelled.toks, places) or _core_hit(respelled, places)
    if hit is not None and hit.found:
        hit.note = variant[1]
    return hit


PLACE_WORDS = wordset("""port sea city province region island islands river lake mountain
mountains gulf strait zone county district state valley bay ocean coast""")


def category_of(name: Name) -> NameCategory:
    toks = name.toks
    if all(t.countries for t in toks):
        return "other" if any(is_region(t.countries) for t in toks) else "country"
    words = {t.word for t in toks}
    if words & (ORG_WORDS | MORE_ORG_WORDS) or any(
            is_acronym(t.text) and t.word not in TITLES for t in toks):
        return "organisation"
    if words & PLACE_WORDS or capital_of(name.text):
        return "other"
    core = _core(name)
    if len(core) >= 2 or len(core) < len(toks):
        return "person"
    return "other"


def _span(hit: Hit, scope: Scope) -> SourceSpan | None:
    text = scope.index.text
    if hit.tok is not None:
        start, end = hit.tok.start, hit.tok.end
        sentence = hit.place.sentence if hit.place else None
    elif hit.place is not None:
        start, end, sentence = hit.place.name.start, hit.place.name.end, hit.place.sentence
    else:
        return None
    return SourceSpan(start=start, end=end, text=text[start:end], sentence=sentence)


def _category(name: Name, given: NameCategory | None, hit: Hit | None) -> NameCategory:
    if given:
        return given
    own = category_of(name)
    if own == "other" and hit is not None and hit.place is not None and len(name.toks) == 1:
        # 'Zarif' alone says little; the source's 'Mohammad Javad Zarif' says he is a person
        return "person" if category_of(hit.place.name) == "person" else own
    return own


def check_name(name: Name, scope: Scope, category: NameCategory | None = None) -> NameCheck:
    hit = _match(name, scope)
    if hit is not None and hit.found:
        return NameCheck(text=name.text, category=_category(name, category, hit),
                         status="supported", source=_span(hit, scope), note=hit.note)
    in_furniture = _match(name, scope, furniture=True)
    if in_furniture is not None and in_furniture.found:
        return NameCheck(text=name.text, category=_category(name, category, in_furniture),
                         status="boilerplate", source=_span(in_furniture, scope),
                         note="only in page furniture")
    parts = compound_parts(name)
    checks = [check_name(part, scope) for part in parts]
    if checks and all(c.status == "supported" for c in checks):
        return NameCheck(text=name.text, category=_category(name, category, None),
                         status="supported", source=checks[0].source,
                         note="each part is a name of the source: " + ", ".join(
                             repr(c.text) for c in checks))
    bare = without_words(name)
    if bare is not None and (named := check_name(bare, scope)).status == "supported":
        return replace(named, text=name.text,
                       note=f"{bare.text!r} is a name of the source, the rest ordinary words")
    note = hit.note if hit is not None else "not in the source"
    surname = given_names_added(name, scope.places(), TITLES)
    if surname is not None:  # the given name may be the writer's guess: it stays unsupported
        note = (f"the source calls them only {surname.name.text!r}: the given name is not in "
                "the source")
    return NameCheck(text=name.text, category=_category(name, category, None),
                     status="unsupported", note=note)


def in_article(article: Article, name: Name, category: NameCategory | None = None
               ) -> NameCheck:
    """check_name against the whole article body, once per check for each name as written (the
    summary's names are its claims' names too): keyed by what check_name reads of the name, its
    words and their offsets within it. Shared: a caller that changes the result copies it."""
    shape = tuple((t.text, t.word, t.start - name.start, t.end - name.start, t.possessive,
                   t.countries) for t in name.toks)
    return once(("name", article.sha256, category, name.text, shape),
                lambda: check_name(name, Scope(name_index(article)), category))


def summary_names(found: list[Name], given: Iterable[tuple[str, NameCategory]] = ()
                  ) -> list[tuple[Name, NameCategory | None]]:
    """The names to check: those listed (with their category), then those `found` in the text,
    each once."""
    out: list[tuple[Name, NameCategory | None]] = []
    seen: set[tuple[str, ...]] = set()
    listed = [(n, c) for raw, c in given for n in name_from_text(raw)]
    for name, category in [*listed, *((n, None) for n in found)]:
        if name.key not in seen:
            seen.add(name.key)
            out.append((name, category))
    return out


def check_names(article: Article, text: str,
                given: Iterable[tuple[str, NameCategory]] = ()) -> list[NameCheck]:
    """One NameCheck per name listed in `given` or found in `text`."""
    _, found = text_names(article, text)
    # copies: the report's items change afterwards (check_listed_roles, data_only)
    return [replace(in_article(article, name, category))
            for name, category in summary_names(found, given)]
