"""Regular expressions and word lists of the figure parser (numbers.py), compiled once."""

from __future__ import annotations

import re
from functools import lru_cache

from summariser.articles.dates import MONTH_NAMES
from summariser.validation.words import FIGURE_STOP as STOP
from summariser.validation.words import WEEKDAYS, fold, stem

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CORE = re.compile(rf"(?<![\w.,/])(?:{NUM})(?!\d|\.\d|,\d{{3}})")
CODE_PREFIX = re.compile(r"([A-Za-z][\w/]*)-$")
YEAR_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "end", "start"})
GLUED = re.compile(r"[A-Za-z]+")
ORD_SUFFIX = ("st", "nd", "rd", "th")
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
SCALE_NAMES = ("hundred", "thousand", "million", "billion", "trillion")
SCALE_WORD = re.compile(r"\s?(thousand|million|billion|trillion|mln|mn|bn|trn|tn)\b", re.I)
PLURAL_NOUN = re.compile(r"\s(?:people|[a-z]+[^s]s)\b")  # "3m people", "1.5m viewers": millions
SCALE_ABBR = re.compile(r"\s?(k|m|mn|bn|b|tn)\b")
RANGE = re.compile(rf"\s?[-–—]\s?(?:\$|€|£)?({NUM})(?![\d\w])|/((?:19|20)?\d\d)(?![\d\w/])")
PERCENT = re.compile(r"(?:\s|-)?(%|per\s?cent\b|pct\b|percentage points?\b)", re.I)
CURRENCY_PREFIX = re.compile(r"(US\s?\$|\$|€|£|¥|\b(?:USD|EUR|GBP|IRR|Rs\.?))\s?$")
CUR_PREFIX_CODE = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "USD": "USD", "EUR": "EUR",
                   "GBP": "GBP", "IRR": "IRR", "RS": "INR", "RS.": "INR"}
CURRENCY_WORDS = {
    "USD": r"(?:US\s+|U\.S\.\s+)?dollars?|USD|bucks", "EUR": r"euros?|EUR",
    "GBP": r"pounds?(?:\s+sterling)?|GBP|quid", "IRR": r"rials?", "IRT": r"tomans?",
    "RUB": r"r[o]?ubles?", "CNY": r"yuan", "INR": r"rupees?", "JPY": r"yen", "KZT": r"tenge",
    "AZN": r"manats?", "TRY": r"lira", "AED": r"dirhams?"}
UNIT_WORDS = {
    "year_old": r"years?\s?-?\s?old", "bpd": r"bpd|barrels?\s+(?:a|per)\s+day",
    "ton": r"(?:metric\s+)?(?:tons?|tonnes?)", "km": r"km|kilomet(?:er|re)s?",
    "kmh": r"km/h|kph", "mph": r"mph", "mile": r"miles?", "m3": r"cubic\s+met(?:er|re)s?|m3|bcm",
    "km2": r"square\s+kilomet(?:er|re)s?|sq\s?km|km2", "m": r"met(?:er|re)s?|m",
    "kg": r"kg|kilo(?:gram(?:me)?)?s?", "g": r"grams?|g", "lb": r"lbs?|pounds?\s+weight",
    "oz": r"oz|ounces?", "stone": r"st(?:ones?)?", "barrel": r"barrels?",
    "hectare": r"hectares?|ha", "acre": r"acres?",
    "litre": r"lit(?:er|re)s?", "gallon": r"gallons?", "mw": r"MW|megawatts?",
    "gw": r"GW|gigawatts?", "kwh": r"kWh|kilowatt[-\s]hours?", "yard": r"yards?|yds?",
    "foot": r"feet|foot|ft", "inch": r"inch(?:es)?", "cm": r"cm|centimet(?:er|re)s?",
    "mm": r"mm|millimet(?:er|re)s?", "degree": r"degrees?|°[CF]?", "decade": r"decades?",
    "year": r"years?", "month": r"months?", "week": r"weeks?", "day": r"days?",
    "hour": r"hours?|hrs?", "minute": r"minutes?|mins?", "second": r"seconds?|secs?"}
UNIT_RE = re.compile(r"\s?(?:-\s?)?(?:" + "|".join(
    f"(?P<c_{k}>{v})" for k, v in CURRENCY_WORDS.items()) + "|" + "|".join(
    f"(?P<u_{k}>{v})" for k, v in UNIT_WORDS.items()) + r")(?![\w-])")
GLUED_UNITS = {"km", "kg", "g", "m", "mm", "cm", "oz", "lb", "lbs", "ft", "mw", "gw", "kwh",
                "mph", "bpd", "bcm", "ha", "yds", "st"}
APPROX = re.compile(
    r"(?:^|(?<=\W))(just over|just under|well over|more than|less than|fewer than|at least|"
    r"at most|no more than|up to|close to|upwards of|in excess of|an estimated|estimated|nearly|"
    r"almost|about|around|roughly|approximately|some|over|under|above|below|exceeding|circa|"
    r"between|from|~)(?:(?<=~)|\s+)(?:the\s+)?$", re.I)
TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade"}

MONTH_ONLY = re.compile(  # "in November", "since March": a month without a day or year
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|till|[Bb]y|[Ff]rom|[Dd]uring|[Ll]ast|[Tt]his|[Nn]ext|early|"
    r"late|mid-?|[Bb]efore|[Aa]fter|of)\s+(" + "|".join(m.capitalize() for m in MONTH_NAMES)
    + r")\b(?!,?\s*\d)")
A_DECADE = re.compile(r"\b(?:a|one)\s+decade\b", re.I)
TIME = re.compile(r"\b(\d{1,2}):(\d\d)(?:\s?([ap])\.?m\b\.?)?|\b(\d{1,2})\s?([ap])\.?m\b\.?", re.I)
TOKEN = re.compile(r"[A-Za-z]+|\d[\d,.]*|[^\sA-Za-z\d]")
# "Eurasian Economic Union (EEU) member states": brackets around an acronym name the thing the
# clause is about; they do not end the clause the way an aside in brackets does.
ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6}s?)\)")
ITEM = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’]*)|(?P<end>[.!?;:](?=\s|$)|\n|[\"“”()])")
VAGUE = re.compile(r"[a-z]+s|first", re.I)  # hundreds, thousands, thirds; "first"
FIRST_PERIOD = re.compile(r"[- ](?:quarter|half)\b", re.I)  # "first quarter": a period's rank
# After "a"/"an", an ordinal is a fraction or a moment ("a third of", "a third in 2020", "a
# second later") unless a word it ranks follows: "a third-quarter loss", "a fifth straight win".
_RANKED = re.compile(r"[- ]([a-z]+)", re.I)
_MOMENT = frozenset({"later", "earlier", "ago"})


def ranks_next(text: str, end: int) -> bool:
    """Whether the word after an ordinal ending at `end` is one it ranks (a content word)."""
    m = _RANKED.match(text, end)
    return m is not None and fold(m.group(1)) not in STOP and fold(m.group(1)) not in _MOMENT


_NOT_AN_AGE_OWNER = "|".join(  # month and weekday names from the one table, by their prefix
    [m[:3].capitalize() for m in MONTH_NAMES] + [d[:3].capitalize() for d in sorted(WEEKDAYS)]
    + ["In", "On", "At", "By", "Of", "And", "But", "So", "Then", "Now"])
AGE_BEFORE = re.compile(  # "Adam Leheup, 34, met ..."; not "In March, 12, people"
    r"\b(?!(?:" + _NOT_AN_AGE_OWNER + r")[a-z]*,)[A-Z][\w'’.-]*,\s?$")


@lru_cache(maxsize=65536)  # every word of an article is read for figure contexts
def context_word(raw: str) -> str | None:
    """A word of a figure's clause as contexts hold it: its stem (words.stem, the one stemmer of
    the checker), or None for a stop word."""
    word = fold(raw)
    if word in STOP:
        return None
    stemmed = stem(word)
    return None if stemmed in STOP else stemmed


def content_words(text: str) -> set[str]:
    """The stemmed content words of `text`, as figure contexts hold them."""
    return {w for m in ITEM.finditer(text) if m.lastgroup == "word"
            and (w := context_word(m.group())) is not None}
