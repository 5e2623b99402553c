"""Country names, other names and demonyms from summariser/data/countries.json, so 'Iranian'
matches 'Iran', 'Kazakh' matches 'Kazakhstan' and 'Islamic Republic of Iran' matches 'Iran'; a
few regions work the same way ('Central Asian' and 'Central Asia', 'Latino' and 'Latin
American').

Each form maps to a set of countries because some forms are shared ('Congolese',
'Dominican'). Capitals are kept for labelling a name as a city only: a capital in a summary is
never taken as evidence for its country, nor the other way round."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from summariser.validation.wordlist import read_data
from summariser.validation.words import fold


@dataclass(frozen=True)
class CountryTable:
    forms: dict[tuple[str, ...], frozenset[str]]  # folded token tuple -> country names
    capitals: dict[str, str]  # folded capital -> country
    regions: frozenset[str]  # the names that are regions ('Central Asia'), not countries
    longest: int
    firsts: frozenset[str]  # every form's first word: most words start none, and are let go at once


def _plurals(demonym: str) -> list[str]:
    # Iranian -> Iranians, Kazakh -> Kazakhs; demonyms in -ese, -ss, -sh, -ch have no plural
    # form, but a person form: Irishman, Northern Irishwoman, Dutchmen
    if demonym.endswith(("sh", "ch")):
        return [demonym] + [demonym + p for p in ("man", "men", "woman", "women")]
    if demonym.endswith(("ese", "s", "x")):
        return [demonym]
    return [demonym, demonym + "s"]


@lru_cache(maxsize=1)
def table() -> CountryTable:
    raw = read_data("countries.json").decode("utf-8")
    forms: dict[tuple[str, ...], set[str]] = {}
    capitals: dict[str, str] = {}
    data = json.loads(raw)
    for row in data["countries"] + data["regions"]:
        names = [row["name"], *row["aliases"]]
        names += [p for d in row["demonyms"] for p in _plurals(d)]
        for form in names:
            key = tuple(fold(form).replace(".", "").split())
            forms.setdefault(key, set()).add(row["name"])
        if row["capital"]:
            capitals[fold(row["capital"])] = row["name"]
    longest = max(len(k) for k in forms)
    regions = frozenset(row["name"] for row in data["regions"])
    firsts = frozenset(k[0] for k in forms if k)
    return CountryTable({k: frozenset(v) for k, v in forms.items()}, capitals, regions, longest,
                        firsts)


def country_at(words: list[str], i: int) -> tuple[int, frozenset[str]]:
    """The longest country form starting at words[i] (folded, possessive stripped): its length
    in words and its countries, or (0, empty)."""
    t = table()
    if i >= len(words) or words[i] not in t.firsts:
        return 0, frozenset()
    for n in range(min(t.longest, len(words) - i), 0, -1):
        found = t.forms.get(tuple(words[i: i + n]))
        if found:
            return n, found
    return 0, frozenset()


@lru_cache(maxsize=256)
def forms_of(countries: frozenset[str]) -> tuple[str, ...]:
    """Every written form (folded) of these countries, longest first: 'kazakhstan', 'kazakh',
    'kazakhs', ..."""
    found = {" ".join(k) for k, v in table().forms.items() if v & countries}
    return tuple(sorted(found, key=lambda f: (-len(f), f)))


def is_region(names: frozenset[str]) -> bool:
    return bool(names & table().regions)


def capital_of(word: str) -> str | None:
    return table().capitals.get(fold(word))


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    raw = read_data("subdivisions.txt").decode("utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return frozenset(fold(line) for line in lines if line and not line.startswith("#"))


def is_subdivision(text: str) -> bool:
    """A state, province or nation of a country ('Ohio', 'New South Wales', 'Ontario')."""
    return fold(text.strip()) in _subdivisions()


def is_country(text: str) -> bool:
    """A country's name or other name as written ('Ukraine', 'the U.S.' as 'US')."""
    return tuple(fold(text).replace(".", "").split()) in table().forms
