"""The article's own date, from its header furniture (never from body sentences): the date and
time patterns that furniture lines are made of, and `iso_date`."""

from __future__ import annotations

import datetime
import re

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
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


def iso_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD (ISO, "April 8, 2021" or "8 April 2021")."""
    m = _DATE_PARTS.search(text)
    if m is None:
        return None
    if m["y"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        name = (m["mon"] or m["mon3"])[:3].lower()
        year, month, day = int(m["y2"] or m["y3"]), _MONTHS.index(name) + 1, int(m["d2"] or m["d3"])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
