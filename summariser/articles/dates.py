"""The article's own date, from its header furniture (never from body sentences): the date and
time patterns that furniture lines are made of, and `iso_date`."""

from __future__ import annotations

import datetime
import re

# The one month table: the checker's date figures and stop words use it too.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTH_WORDS = frozenset(MONTH_NAMES) | {m[:3] for m in MONTH_NAMES} | {"sept"}
_ABBREVIATIONS = [m[:3] for m in MONTH_NAMES]
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_PARTS = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)"
    rf"|(?P<mon>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?<!\d)(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon3>{_MONTH}),?\s+(?P<y3>\d{{4}})")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
DATE = rf"{_WEEKDAY}(?:{_DATE_PARTS.pattern})"
TIME = (r"(?:,?\s*(?:at\s+|[-|–]\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
        r"(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?)?")


def month_number(name: str) -> int:
    """1 to 12 for a month's name or abbreviation ("Sept.", "jan"); ValueError otherwise."""
    return _ABBREVIATIONS.index(name[:3].lower()) + 1


def iso_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD (ISO, "April 8, 2021" or "8 April 2021")."""
    m = _DATE_PARTS.search(text)
    if m is None:
        return None
    if m["y"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        month = month_number(m["mon"] or m["mon3"])
        year, day = int(m["y2"] or m["y3"]), int(m["d2"] or m["d3"])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
