"""Codes: names with a number inside ("SARS-CoV-2", "mRNA-1345", "A320", "F-35", "H1N1", an offer
code "ELITE15FIT"). The figure parser reads numbers that stand as numbers; a code's digits belong
to a name, and a code with another digit is another thing (virus, aircraft, product, discount), so
a changed digit there is a wrong number all the same. Each code of a summary is a figure of kind
`code`:
- `supported` when the article writes it (letter case, hyphens and spaces aside);
- `mismatch` when the article writes the same letters with another number ("SARS-CoV-2" for a
  claimed "SARS-CoV-4"), that code being the evidence;
- `supported`, with a note, when the article writes its letters alone ("COVID" for "COVID-19");
- `unsupported` when the article has neither.
A code is letters meeting digits where the letters are no ordinary word: capitals ("COVID-19",
"G7"), a capital after the first letter ("CoV-2", "mRNA-1345") or a word the dictionary lacks.
Not codes: period labels ("Q3", "H1", "FY2023"), which the figure parser reads, and words with
a number ("post-2020", which it reads as a year; "Under-20", "Top-10", which it skips as
identifiers, as it skips digits before letters, "5G": those no check reads yet)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summariser.articles.models import Article
from summariser.validation.memo import Memo
from summariser.validation.models import FigureCheck, SourceSpan, sentence_span
from summariser.validation.name_index import sentence_at
from summariser.validation.wordlist import dictionary

# hyphen-joined runs of letters and digits in which letters meet digits (the look-ahead keeps
# the other words of a text from being matched at all: most of the cost was reading them)
_TOKEN = re.compile(r"(?<![\w-])(?=[A-Za-z0-9-]*[A-Za-z]-?\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
                    r"(?![\w-])")
_LETTERS_THEN_DIGITS = re.compile(r"([A-Za-z]+)-?\d")
_PERIOD_LABEL = re.compile(r"(?:[QH][1-4]|[1-4]Q|FY\d{2,4})", re.I)
_CACHE: Memo[list[_Code]] = Memo(64)


@dataclass(frozen=True)
class _Code:
    text: str
    start: int

    @property
    def key(self) -> str:
        """Case, hyphens and spaces aside: "Covid-19" is "COVID19"."""
        return re.sub(r"[-\s]", "", self.text.lower())

    @property
    def shape(self) -> str:
        """The letters with each number a slot: "SARS-CoV-2" and "SARS-CoV-4" share one."""
        return re.sub(r"\d+", "#", self.key)

    @property
    def letters(self) -> str:
        """What comes before the first digit, as written ("SARS-CoV" of "SARS-CoV-2")."""
        return re.split(r"-?\d", self.text, maxsplit=1)[0]


def _is_code(token: str) -> bool:
    if _PERIOD_LABEL.fullmatch(token):
        return False
    return any(_names_a_thing(m.group(1)) for m in _LETTERS_THEN_DIGITS.finditer(token))


def _names_a_thing(letters: str) -> bool:
    return (letters.isupper() or any(c.isupper() for c in letters[1:])
            or letters.lower() not in dictionary())


def find_codes(text: str) -> list[_Code]:
    return [_Code(m.group(), m.start()) for m in _TOKEN.finditer(text) if _is_code(m.group())]


def _article_codes(article: Article) -> list[_Code]:
    return _CACHE.get(article.sha256, lambda: find_codes(article.text))


def check_codes(article: Article, text: str) -> list[FigureCheck]:
    """Each code of `text` against the codes and words of the article."""
    found = find_codes(text)
    if not found:
        return []
    source = _article_codes(article)
    return [_check(article, code, source) for code in found]


def _check(article: Article, code: _Code, source: list[_Code]) -> FigureCheck:
    if same := next((s for s in source if s.key == code.key), None):
        return _figure(article, code, "supported", same)
    if other := next((s for s in source if s.shape == code.shape), None):
        return _figure(article, code, "mismatch", other,
                       f"the article writes {other.text}, not {code.text}")
    stem = len(code.letters) >= 3 and re.search(
        rf"(?<![\w-]){re.escape(code.letters)}(?![\w-])", article.text, re.I)
    if stem:
        return _figure(article, code, "supported", _Code(stem.group(), stem.start()),
                       f"the article writes {stem.group()} without the number")
    return FigureCheck(text=code.text, kind="code", status="unsupported",
                       note="the article writes no such code")


def _figure(article: Article, code: _Code, status: str, src: _Code, note: str = "") -> FigureCheck:
    held = sentence_at(article, src.start)
    span = SourceSpan(start=src.start, end=src.start + len(src.text), text=src.text,
                      sentence=held.index if held else None)
    return FigureCheck(text=code.text, kind="code", status=status,  # type: ignore[arg-type]
                       source=span, sentence=sentence_span(held) if held else None, note=note)
