"""A person's role and country in a claim against those the article gives the same person.

A mention is a person's name with the title and country written before it, in capitals or not:
"Iran's Foreign Minister Mohammad Javad Zarif", "Iran's foreign minister Zarif", "his Kazakh
counterpart Mukhtar Tleuberdi". The same person is the same surname with a compatible first
name. Against every mention of that person in the article:
- `wrong_role`: the claim gives a title word ('president', 'defence') that no mention of the
  person in the article has, when the article does give the person a title (one that is not
  relative: 'counterpart' says whose equal, not what office);
- `wrong_country`: the claim's country for the person is none the article gives them.
A person the article names without a title or country is not compared (nothing to contradict);
a title the article writes after the name ("Zarif, Iran's foreign minister") is not read."""

from __future__ import annotations

from dataclasses import dataclass

from summariser.articles.body import body_sentences
from summariser.articles.models import Article, Sentence
from summariser.validation.alignment import tokens as word_tokens
from summariser.validation.countries import country_at
from summariser.validation.memo import Memo
from summariser.validation.models import MeaningFinding, NameCheck, sentence_span
from summariser.validation.name_index import text_names
from summariser.validation.name_parts import CONNECTORS, Name, Tok, find_names, tokens
from summariser.validation.names import ORG_WORDS, TITLES, category_of
from summariser.validation.words import fold, wordset

# Words of a title that say nothing about the office itself: 'Mr', 'former', 'his counterpart'.
NOT_AN_OFFICE = wordset("mr mrs ms dr sir former acting late top senior official officials "
                        "counterpart head leader representative delegate")
_SHORT = {"pm": ("prime", "minister"), "fm": ("foreign", "minister")}


@dataclass(frozen=True)
class Mention:
    first: str | None
    surname: str
    roles: frozenset[str]
    countries: frozenset[str]
    start: int
    end: int


def split_title(toks: list[Tok], organisations: bool = False) -> tuple[list[Tok], list[Tok]]:
    """(the title and country tokens, the person's own) of a name run: 'Iran's Foreign Minister
    Mohammad Javad Zarif' -> 'Mohammad Javad Zarif'. With `organisations` (names read from an
    article, where a person may follow the body they speak for), an organisation word ends the
    title too: 'Caretaker of Iran's Industries and Mines Ministry Mehrabian' -> 'Mehrabian',
    unless a connector continues the name ('Court of Criminal Appeal')."""
    def ends_title(i: int, t: Tok) -> bool:
        continued = i + 1 < len(toks) and toks[i + 1].word in CONNECTORS
        return bool(t.countries) or t.word in TITLES or (
            organisations and t.word in ORG_WORDS and not continued)

    last = max((i for i, t in enumerate(toks) if ends_title(i, t)), default=-1)
    core = toks[last + 1:]
    while core and core[0].word in CONNECTORS:
        core = core[1:]
    return toks[: len(toks) - len(core)], core


def _before(toks: list[Tok], start: int) -> list[Tok]:
    """The lower-case title words and the country written right before offset `start`:
    'Iran's foreign minister' before 'Zarif'."""
    i = max((n for n, t in enumerate(toks) if t.end <= start), default=-1)
    out: list[Tok] = []
    while i >= 0 and toks[i].word in TITLES and not toks[i].possessive:
        out.insert(0, toks[i])
        i -= 1
    if i >= 0 and out:
        n, found = country_at([toks[i].word], 0)
        if n:
            out.insert(0, Tok(toks[i].text, toks[i].word, toks[i].start, toks[i].end,
                              toks[i].possessive, found))
    return out


def mentions(text: str, words: list[Tok], names: list[Name]) -> list[Mention]:
    """The people named with a title or a country before them, among the `names` of `text`
    (whose tokens are `words`)."""
    out = []
    for name in names:
        titled, core = split_title(name.toks)
        if not core or not all(t.capitalised for t in core):
            continue
        titled = titled or _before(words, name.start)
        roles = {w for t in titled if t.word in TITLES for w in _SHORT.get(t.word, (t.word,))}
        countries = frozenset(c for t in titled for c in t.countries)
        own = Name(text[core[0].start:core[-1].end], core[0].start, core[-1].end, core)
        kind = category_of(own)
        # one word is a person only after a title: 'Minister Zarif', not 'Iranian Tehran'
        if kind == "person" if len(core) > 1 else (kind == "other" and roles):
            out.append(Mention(core[0].word if len(core) > 1 else None, core[-1].word,
                               frozenset(roles), countries, core[0].start, core[-1].end))
    return out


def _same(a: Mention, b: Mention) -> bool:
    return a.surname == b.surname and (a.first is None or b.first is None or a.first == b.first)


@dataclass
class _Body:
    sentences: list[Sentence]
    folded: list[str]  # each sentence as its tokens' words read it (fold, no full stops)
    mentions: dict[int, list[Mention]]  # by position in `sentences`, read on first look


_MEMO: Memo[_Body] = Memo()


def source_mentions(article: Article, surname: str | None = None
                    ) -> list[tuple[Sentence, Mention]]:
    """The article's mentions, with `surname` only those of the sentences holding it: a
    sentence's mentions are read the first time it is looked at (reading every sentence's names
    for every article was most of `check`'s time on long articles)."""
    def make() -> _Body:
        body = body_sentences(article)
        return _Body(body, [fold(s.text).replace(".", "") for s in body], {})

    src = _MEMO.get(f"{article.sha256}:{len(article.sentences)}", make)
    out = []
    for i, sentence in enumerate(src.sentences):
        if surname is not None and surname not in src.folded[i]:
            continue
        if i not in src.mentions:
            words = tokens(sentence.text)
            names = find_names(sentence.text, source=True, toks=words)
            src.mentions[i] = mentions(sentence.text, words, names)
        out += [(sentence, m) for m in src.mentions[i]]
    return out


SHORT_ARTICLE = 300  # sentences


def _nobody_titled(article: Article, text: str) -> bool:
    """An early exit for a short article: no surname of the people it names with a title is a
    word of `text` (every sentence's people, read once per article: cheap for a short article,
    seconds for a long one, which goes to the sentences holding a claim's surnames instead)."""
    if len(article.sentences) > SHORT_ARTICLE:
        return False
    surnames = {m.surname for _, m in source_mentions(article)}
    return not surnames & {k for t in word_tokens(text) for k in t.keys}


def check_roles(article: Article, text: str) -> list[MeaningFinding]:
    """wrong_role and wrong_country findings for the people `text` names with a title."""
    if _nobody_titled(article, text):
        return []
    out = []
    for claim in mentions(text, *text_names(article, text)):
        # only the sentences holding the surname can name the same person
        same = [(s, m) for s, m in source_mentions(article, claim.surname) if _same(claim, m)]
        person = text[claim.start:claim.end]
        offices = {r for _, m in same for r in m.roles} - NOT_AN_OFFICE
        extra = sorted(claim.roles - NOT_AN_OFFICE - {r for _, m in same for r in m.roles})
        if offices and extra and "counterpart" not in {r for _, m in same for r in m.roles}:
            s, m = next((s, m) for s, m in same if m.roles - NOT_AN_OFFICE)
            out.append(MeaningFinding(
                kind="wrong_role", words=[person, *extra], source_words=sorted(m.roles),
                source=sentence_span(s), note=f"the article gives {person} the title "
                f"{' '.join(sorted(m.roles))!r}, never {' '.join(extra)!r}"))
        theirs = {c for _, m in same for c in m.countries}
        if claim.countries and theirs and not claim.countries & theirs:
            s = next(s for s, m in same if m.countries)
            out.append(MeaningFinding(
                kind="wrong_country", words=[person, *sorted(claim.countries)],
                source_words=sorted(theirs), source=sentence_span(s),
                note=f"the article names {person} with {', '.join(sorted(theirs))}, not "
                     f"{', '.join(sorted(claim.countries))}"))
    return out


def check_listed_roles(article: Article, people: list[tuple[str, str, str]],
                       names: list[NameCheck]) -> list[NameCheck]:
    """A listed person whose role or country the article contradicts is `unsupported`, the note
    saying why: the person is read as the text would name them ("Iran's Foreign Minister
    Mohammad Javad Zarif") and checked as above."""
    for name, role, country in people:
        phrase = " ".join(p for p in (f"{country}'s" if country else "", role, name) if p)
        found = check_roles(article, phrase)
        check = next((n for n in names if n.text == name), None)
        if found and check is not None and check.status == "supported":
            check.status, check.source = "unsupported", found[0].source
            check.note = f"{found[0].kind}: {found[0].note}"
        elif found and check is None:
            names.append(NameCheck(text=name, category="person", status="unsupported",
                                   source=found[0].source,
                                   note=f"{found[0].kind}: {found[0].note}"))
    return names
