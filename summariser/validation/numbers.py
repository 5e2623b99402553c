"""Finding the figures in a text: numbers, percentages, money, quantities, dates, years, ranges.

Each figure keeps its span, a normalised value (`$237 million` -> 237000000.0, unit "USD") and a
few content words around it, so `figures.py` can tell whether a summary's figure is the source's.

Decisions (documented here because the checker depends on them):
- Identifiers are not figures: digits glued to letters or to a `letter-` prefix (`F/A-18`,
  `MiG-29`, `COVID-19`, `A00150942.jpg`, `S-400`, `5G`), sentence references (`[S3]`, `[3]`),
  version-like `1.2.3`, fractions `1/2` and list markers (`1.` at the start of a line).
- "a"/"an" alone is not a figure; "a hundred" is 100. The bare word "one" is not a figure unless
  a scale, unit, currency or percent follows ("one of the", "one side" are not count claims).
- Vague plurals ("hundreds of", "thousands") are not figures.
- Ordinals: digit ordinals (`12th`) and word ordinals from "second" up are figures (kind
  "ordinal"); the word "first" is not (mostly discourse: "first visited", "at first", titles)
  unless it ranks a period ("first quarter", "first-half"),
  nor fractions ("a third", "two thirds"); after "a" an ordinal is one only when a word it
  ranks follows (a content word: "a fifth straight win", "a third-quarter loss"; not "a third
  of", "a third in 2020", "a second later").
- A four-digit integer from 1900 to 2100 with nothing attached is a year; `2019-20`,
  `2019–2020`, `between 2019 and 2020`, `from 2019 to 2020` and `1990s` are year ranges.
- A month name alone is a date only after a preposition ("in November"), so "May we" is not.
- A number set off by commas after a name is an age ("Pippa, 31, wore"), like "31-year-old".
- Glued "m" is million after a currency, before a unit or before a plural noun ("$5m",
  "2.4m tonnes", "3m people"), else metres ("100m sprint"); "a decade" is ten years.
"""

from __future__ import annotations

import re
from dataclasses import replace

from text_to_num import find_numbers

import summariser.validation.figure_patterns as P
from summariser.validation.date_figures import QUARTER, Calendar, time_figures
from summariser.validation.figure_raw import Raw as _Raw
from summariser.validation.models import Figure

QUARTER_WORD = P.context_word("quarter") or "quarter"


class _Tok:
    """A token for text2num's find_numbers, which only needs `text()`."""

    __slots__ = ("end", "start", "t")

    def __init__(self, m: re.Match[str]) -> None:
        self.t, self.start, self.end = m.group(), m.start(), m.end()

    def text(self) -> str:
        return self.t

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _digits_of(s: str) -> int:
    """Significant digits as written: trailing zeros of an integer are not significant."""
    s = s.replace(",", "")
    if "." in s:
        return max(1, len(s.replace(".", "").lstrip("0")))
    return max(1, len(s.lstrip("0").rstrip("0")))


def _ordinal_suffix(s: str) -> str:
    if not s.isdigit():
        return ""
    last, tens = int(s[-1]), s[-2:-1] == "1"
    return "th" if tens or last == 0 or last > 3 else P.ORD_SUFFIX[last - 1]


def _digit_core(text: str, m: re.Match[str]) -> _Raw | None:
    s = m.group()
    start, end = m.span()
    value = float(s.replace(",", ""))
    if start and text[start - 1] == "[" and text[end:end + 1] == "]":
        return None
    code = P.CODE_PREFIX.search(text, max(0, start - 12), start)
    if code and code.group(1).lower() not in P.YEAR_PREFIXES:
        return None  # COVID-19, MiG-29, F/A-18, S-400
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"[.)]\s", text[end:end + 2]):
        return None
    if text[end:end + 1] == "/" and text[end + 1:end + 2].isdigit() and len(s) != 4:
        return None  # a fraction or a numeric date such as 7/4/2021
    raw = _Raw(start, end, "number", value, digits=_digits_of(s), src=s)
    glued = P.GLUED.match(text, end)
    if glued is None:
        return raw
    suffix = glued.group().lower()
    raw.end = glued.end()
    if suffix in P.ORD_SUFFIX and suffix == _ordinal_suffix(s):
        raw.kind, raw.digits = "ordinal", None
        return raw
    if suffix == "s" and len(s) == 4 and s.endswith("0") and 1900 <= value <= 2090:
        raw.kind, raw.high, raw.unit, raw.digits = "range", value + 9, "year", None
        return raw
    if suffix in P.SCALES and suffix != "m":
        raw.scale = P.SCALES[suffix]
        return raw
    if suffix in P.GLUED_UNITS:
        raw.end, raw.glued_unit = end, True  # the unit step reads it
        return raw
    return None  # glued letters: an identifier or code such as 5G, 3D, 737MAX


def _word_cores(text: str) -> list[_Raw]:
    toks = [_Tok(m) for m in P.TOKEN.finditer(text)]
    out = []
    for occ in find_numbers(toks, "en", 0):
        first, last = toks[occ.start], toks[occ.end - 1]
        words = text[first.start:last.end]
        if occ.end - occ.start == 1 and P.VAGUE.fullmatch(words) and not (
                words.lower() == "first" and P.FIRST_PERIOD.match(text, last.end)):
            continue  # hundreds, thousands, thirds; "first" (see module docstring)
        if occ.is_ordinal:
            before = text[max(0, first.start - 4):first.start].lower()
            article = before.endswith(("a ", "an ")) and not P.ranks_next(text, last.end)
            if article or before.endswith("per "):
                continue  # a third (a fraction), a second (time); not "a third-quarter loss"
        kind = "ordinal" if occ.is_ordinal else "number"
        digits = _digits_of(str(int(occ.value))) if float(occ.value).is_integer() else None
        start = first.start
        if words.lower().startswith(P.SCALE_NAMES) and text[max(0, start - 2):start] == "a ":
            start -= 2  # "a hundred"
        out.append(_Raw(start, last.end, kind, float(occ.value), digits=digits, word=True))
    return out


def _extend_range(text: str, raw: _Raw) -> None:
    m = P.RANGE.match(text, raw.end)
    if m is None or raw.kind != "number" or raw.value is None:
        return
    hi_s = m.group(1) or m.group(2)
    high = float(hi_s.replace(",", ""))
    if m.group(2) or (high < 100 and 1900 <= raw.value <= 2100 and "." not in hi_s):
        if not 1900 <= raw.value <= 2100:
            return
        high += raw.value - raw.value % 100 if high < 100 else 0
    if high <= raw.value:
        return  # a score such as 3-1, or a code: two figures, not a range
    raw.kind, raw.high, raw.end = "range", high, m.end()
    if 1900 <= raw.value <= 2100 and high <= 2100 and raw.value.is_integer():
        raw.unit = "year"


def _extend_scale(text: str, raw: _Raw) -> None:
    m = P.SCALE_WORD.match(text, raw.end)
    if m and raw.scale == 1.0:
        raw.scale = P.SCALES[m.group(1).lower()]
        raw.end = m.end()
    elif raw.scale == 1.0 and not raw.word and (g := P.SCALE_ABBR.match(text, raw.end)):
        money = P.CURRENCY_PREFIX.search(text, max(0, raw.start - 6), raw.start)
        unit = P.UNIT_RE.match(text, g.end())  # "2.4m tonnes", "5bn dollars"
        counted = (unit and unit.lastgroup != "u_m") or P.PLURAL_NOUN.match(text, g.end())
        glued = not g.group().startswith(" ")
        if money or (glued and (g.group(1) != "m" or counted)):
            raw.scale, raw.end = P.SCALES[g.group(1)], g.end()
            raw.glued_unit = False


def _extend_unit(text: str, raw: _Raw) -> None:
    if raw.unit is not None:
        return  # money: "$1,000 years ago" is not a quantity of years
    m = P.PERCENT.match(text, raw.end)
    if m:
        raw.unit = "pp" if m.group(1).lower().startswith("percentage") else "%"
        raw.kind = "percent" if raw.kind != "range" else raw.kind
        raw.end = m.end()
        return
    m = P.UNIT_RE.match(text, raw.end)
    if m and m.lastgroup:
        code = m.lastgroup[2:]
        raw.unit = code
        if raw.kind != "range":
            raw.kind = "money" if m.lastgroup.startswith("c_") else "quantity"
        raw.end = m.end()


def _extend_currency(text: str, raw: _Raw) -> None:
    m = P.CURRENCY_PREFIX.search(text, max(0, raw.start - 6), raw.start)
    if m:
        raw.unit = P.CUR_PREFIX_CODE.get(re.sub(r"\s|US(?=\$)", "", m.group(1)).upper(), "USD")
        raw.kind = "money" if raw.kind != "range" else raw.kind
        raw.start = m.start()


def _extend_approx(text: str, raw: _Raw) -> None:
    a = P.APPROX.search(text, max(0, raw.start - 24), raw.start)
    if a and raw.unit in P.TIME_UNITS and a.group(1).lower() in ("over", "under"):
        return  # "over 11 months" is a duration, not a bound
    if a:
        raw.approx = a.group(1).lower()
        if raw.approx not in ("between", "from"):
            raw.start = a.start(1)


def _is_age(text: str, raw: _Raw) -> bool:
    """A number set off by commas after a name is an age: "Pippa, 31, wore ..."."""
    return (raw.value is not None and raw.value.is_integer() and 0 < raw.value < 120
            and text[raw.end:raw.end + 1] == "," and raw.scale == 1.0 and raw.approx is None
            and P.AGE_BEFORE.search(text, max(0, raw.start - 30), raw.start) is not None)


def _build(text: str, raw: _Raw) -> _Raw | None:
    if raw.kind == "number":
        _extend_range(text, raw)
        _extend_scale(text, raw)
        _extend_currency(text, raw)
        _extend_unit(text, raw)
        _extend_approx(text, raw)
    elif raw.kind == "range":
        _extend_approx(text, raw)
    if raw.kind == "number" and raw.unit is None and _is_age(text, raw):
        raw.kind, raw.unit = "quantity", "year_old"
    if raw.unit == "decade":
        raw.unit, raw.scale = "year", raw.scale * 10
    if raw.glued_unit and raw.unit is None:
        return None  # glued letters that are not a unit: 5G
    if raw.scale != 1.0 and raw.value is not None:
        raw.value *= raw.scale
        raw.high = raw.high * raw.scale if raw.high is not None else None
    if raw.kind == "number" and raw.word and raw.value == 1 and raw.scale == 1.0:
        return None  # "one of the", "one side": not a count claim
    if (raw.kind == "number" and raw.scale == 1.0 and raw.approx in (None, "between", "from")
            and len(raw.src) == 4 and raw.value is not None and 1900 <= raw.value <= 2100):
        raw.kind, raw.unit, raw.digits = "year", "year", None
    return raw


def _merge_ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """`between X and Y` (any figure kind but dates) and `from X to Y` (years) become ranges."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        joiner = {"between": "and", "from": "to"}.get(a.approx or "")
        if (b is not None and joiner and a.kind == b.kind and a.kind not in ("date", "time")
                and (joiner == "and" or a.kind == "year") and a.value is not None
                and b.value is not None
                and re.fullmatch(rf",?\s+{joiner}\s+", text[a.end:b.start])):
            scale = b.scale if a.scale == 1.0 and a.value * b.scale <= b.value else 1.0
            out.append(replace(a, end=b.end, kind="range", value=a.value * scale,
                               high=b.value, unit=b.unit or a.unit, approx=None))
            i += 2
            continue
        if a.approx in ("between", "from"):
            a.approx = None
        out.append(a)
        i += 1
    return out


def _token(r: _Raw) -> str:
    """A neighbouring figure as a context item, so "$237 million in 2020" ties the two."""
    value = r.iso or (f"{r.value:.6g}" + (f"-{r.high:.6g}" if r.high is not None else ""))
    return f"#{r.kind}:{value}{r.unit or ''}".lower()


def _items(text: str, raws: list[_Raw]) -> list[tuple[int, str]]:
    """Content words, figure tokens and clause ends ("") in order of position."""
    plain = P.ACRONYM_IN_BRACKETS.sub(r" \1 ", _blank(text, raws))
    word = P.context_word
    items = [(m.start(), w) for m in P.ITEM.finditer(plain)
             if (w := "" if m.lastgroup == "end" else word(m.group())) is not None]
    items += [(r.start, _token(r)) for r in raws]
    # a quarter label says its word: "Q4 revenue" is "fourth quarter revenue"
    items += [(r.start + 1, QUARTER_WORD) for r in raws if r.src == QUARTER]
    items.sort()
    return items


def _context(items: list[tuple[int, str]], at: int, n: int = 6) -> tuple[list[str], int]:
    """Up to `n` items each side of the figure at item index `at`, within its clause."""
    left: list[str] = []
    for _, w in reversed(items[max(0, at - n):at]):
        if not w:
            break
        left.insert(0, w)
    right: list[str] = []
    for _, w in items[at + 1:at + 1 + n]:
        if not w:
            break
        right.append(w)
    return left + right, len(left)


def _drop_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """Earlier-listed figures win (dates before times before digits before words). Taken
    characters are marked in a bytearray: linear in the text, where comparing each figure with
    every one taken before was quadratic (minutes on a 5 MB article)."""
    taken = bytearray(max((r.end for r in raws), default=0) + 1)
    out = []
    for r in raws:
        if not any(taken[r.start:max(r.end, r.start + 1)]):
            taken[r.start:r.end] = b"\x01" * (r.end - r.start)
            out.append(r)
    return out


def parse_figures(text: str, calendar: Calendar | None = None) -> list[Figure]:
    """All figures in `text`, in order of position; with a `calendar` (the checker's), also
    weekdays and dates relative to the article's date (date_figures.py)."""
    fixed = _drop_overlaps(time_figures(text, calendar))
    cores = [c for m in P.CORE.finditer(text) if (c := _digit_core(text, m))]
    cores = _drop_overlaps(fixed + cores + _word_cores(text))[len(fixed):]
    built = [b for c in cores if (b := _build(text, c))]
    raws = _drop_overlaps(fixed + built)
    raws.sort(key=lambda r: r.start)
    raws = _merge_ranges(text, raws)
    items = _items(text, raws)
    index = {pos: i for i, (pos, w) in enumerate(items) if w.startswith("#")}
    out = []
    for r in raws:
        context, before = _context(items, index[r.start])
        out.append(Figure(text=text[r.start:r.end], start=r.start, end=r.end, kind=r.kind,
                          value=r.value, high=r.high, unit=r.unit, iso=r.iso, approx=r.approx,
                          digits=r.digits, context=context, before=before))
    return out


def _blank(text: str, raws: list[_Raw]) -> str:
    """The text with every figure replaced by spaces, so contexts hold no parts of figures."""
    parts, pos = [], 0
    for r in raws:
        parts += [text[pos:r.start], " " * (r.end - r.start)]
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)
