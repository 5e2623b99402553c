"""The article's own date, from its header furniture or a wire dateline opening its body (never
from other body sentences): the date and time patterns that furniture lines are made of,
`iso_date` and `dateline_date`."""

from __future__ import annotations

import datetime
import re

from summariser.lazy_pattern import LazyPattern

# The one month and weekday tables and the one date grammar: the article's own date
# (furniture) and the checker's date figures (validation/numbers.py) read dates with these.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTH_WORDS = frozenset(MONTH_NAMES) | {m[:3] for m in MONTH_NAMES} | {"sept"}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ABBREVIATIONS = [m[:3] for m in MONTH_NAMES]
MONTH = (r"(?:(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_ORDINAL = r"(?:st|nd|rd|th)?"
# Every date a text states: ISO, month and day, day and month, each with or without a year,
# and month and year ("March 2021").
DATES = re.compile(
    rf"\b(?:(?P<y4>\d{{4}})-(?P<m4>\d\d)-(?P<d4>\d\d)"
    rf"|(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}}){_ORDINAL}(?!\d)(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{MONTH}),?\s+(?P<y3>\d{{4}}))(?!\d)")
# A full date (year, month and day), as page furniture states the article's own date.
_FULL_DATE = (
    rf"(?<!\d)(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)"
    rf"|(?P<mon>{MONTH})\s+(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<y2>\d{{4}})"
    rf"|(?<!\d)(?P<d3>\d{{1,2}}){_ORDINAL}\s+(?P<mon3>{MONTH}),?\s+(?P<y3>\d{{4}})")
_FULL = re.compile(_FULL_DATE)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
DATE = rf"{_WEEKDAY}(?:{_FULL_DATE})"
TIME = (r"(?:,?\s*(?:at\s+|[-|–]\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
        r"(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?")


def month_number(name: str) -> int:
    """1 to 12 for a month's name or abbreviation ("Sept.", "jan"); ValueError otherwise."""
    return _ABBREVIATIONS.index(name[:3].lower()) + 1


def iso_of(year: str | None, month: str, day: str | None) -> str | None:
    """A date's parts as ISO text: YYYY-MM-DD, YYYY-MM without a day, --MM-DD without a year;
    None when there is no such day (30 February). `month` is a number or a month's name."""
    number = int(month) if month.isdigit() else month_number(month)
    try:
        date = datetime.date(int(year or 2000), number, int(day or 1))
    except ValueError:
        return None
    if year and day:
        return date.isoformat()
    return f"{year}-{number:02d}" if year else f"--{number:02d}-{date.day:02d}"


def iso_date(text: str) -> str | None:
    """The first full date in `text` as YYYY-MM-DD (ISO, "April 8, 2021" or "8 April 2021")."""
    m = _FULL.search(text)
    if m is None:
        return None
    if m["y"]:
        return iso_of(m["y"], m["m"], m["d"])
    return iso_of(m["y2"] or m["y3"], m["mon"] or m["mon3"], m["d2"] or m["d3"])


# A wire dateline opening the body: 'ASTANA, March 14, 2023 - ', 'LONDON, 14 March 2023
# (Reuters) -': a place in capitals, the full date, an agency, a dash. Its date is the article's.
_DATELINE = LazyPattern(  # compiled at first use: an article with a date line needs none
    rf"[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,\s*{DATE}"
    r"\s*(?:\([A-Z][\w ]{1,20}\)\s*)?[-–—]{1,2}\s")


def dateline_date(text: str) -> str | None:
    """The ISO date of a dateline at the start of `text` (the first body line), if any."""
    m = _DATELINE.match(text)
    return iso_date(m.group()) if m else None
