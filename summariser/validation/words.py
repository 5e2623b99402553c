"""Word-level helpers shared by the name, quote and claim checks: stop words, a light stemmer,
content words, and whether a capitalised word is just an English word (sentence starts and
title-case headlines capitalise ordinary words, which must not be taken for names)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summariser.articles.dates import MONTH_WORDS, WEEKDAY_NAMES
from summariser.validation.wordlist import dictionary


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP_WORDS = wordset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either even ever every few
for from further had has have having he her here hers herself him himself his how i if in into is
it its itself just least less many may me might more most much must my myself neither no nor not
now of off on once only or other our ours ourselves out over own per same shall she should since
so some such than that the their theirs them themselves then there these they this those through
thus to too under until up upon us very via was we were what when where whether which while who
whom whose why will with within without would yet you your yours yourself also said says say
saying told according added noted stated its it's one's well like new two three
among amongst amid amidst toward towards onto unto beside versus whilst although though whereas
unless despite whoever whichever whatever whereby wherein thereby hence therefore moreover
nevertheless however another several
""")

# Figure contexts also leave out number and scale words: the figure itself carries them.
FIGURE_STOP = STOP_WORDS | wordset("""
percent cent million billion thousand trillion four five six seven eight nine ten s
""")

# Function words and sentence openers that are never names, checked before the dictionary.
FUNCTION_WORDS = STOP_WORDS | wordset("""
meanwhile furthermore overall still already both last next earlier later
today yesterday tomorrow officials official article summary report reports
""")

# Pronouns, conjunctions and sentence adverbs: capitalised, never a name, wherever they stand
# (headline-style text runs sentences together: "... the house' He lost", "Says ... Also says").
NEVER_NAMES = wordset("""
he she it they we i you him her his hers its their theirs them our ours your me my also but
and or nor so yet then thus however meanwhile moreover furthermore if because although though
while whereas this that these those there here what which whom whose when where why how says
""")

MONTHS = MONTH_WORDS
WEEKDAYS = frozenset(WEEKDAY_NAMES)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")


def fold(text: str) -> str:
    """Casefolded, without diacritics, with one kind of apostrophe: 'Türkiye’s' -> "turkiye's"."""
    if text.isascii():  # the common case, and the same result: nothing to decompose or replace
        return text.lower()
    quoted = text.replace("’", "'").replace("‘", "'")  # curly apostrophes decompose to nothing
    if quoted.isascii():
        return quoted.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("’", "'").replace("‘", "'").casefold()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer: plural and verb endings only, so 'ties' ~ 'tie',
    'signed' ~ 'sign', 'expanding' ~ 'expand'; 'decreased' ~ 'decrease'."""
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w.rstrip("e") if len(w) > 4 else w


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no numbers, at least 3 letters)."""
    return list(_content_words(text))


@lru_cache(maxsize=4096)  # an article's sentences are read again for every claim aligned to them
def _content_words(text: str) -> tuple[str, ...]:
    out = []
    for m in WORD.finditer(fold(text)):
        w = m.group()
        if len(w) >= 3 and w not in STOP_WORDS and w not in MONTHS:
            out.append(stem(w))
    return tuple(out)


def _lemmas(word: str) -> list[str]:
    forms = [word]
    for suffix, repls in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
                          ("ing", ("", "e")), ("ly", ("",)), ("er", ("", "e")),
                          ("ers", ("", "e")), ("est", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            forms += [base + r for r in repls]
            if len(base) > 2 and base[-1] == base[-2]:  # "stopped" -> "stop"
                forms.append(base[:-1])
    return forms


def is_common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary English word ('Seeks', 'Officials', 'Trade')."""
    w = fold(word)
    if w.endswith("'s"):
        w = w[:-2]
    if w in FUNCTION_WORDS or w in MONTHS or w in WEEKDAYS:
        return True
    words = dictionary()
    if "-" in w:  # 'Plant-derived', 'Long-term' opening a sentence: every part an English word
        return all(any(f in words for f in _lemmas(p)) for p in w.split("-") if p)
    return any(form in words for form in _lemmas(w))
