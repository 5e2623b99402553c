"""The figures of time: dates, clock times, weekdays, and dates said relative to the article's
own date ("last year", "this month", "yesterday").

- Weekdays ("on Wednesday") are figures of kind "weekday" (value 1-7, Monday 1): a summary's
  weekday must be the source's, or the weekday of a source date ("March 6, 2023"), or of a
  relative date of the source ("yesterday" in an article dated Tuesday is a Monday).
  "Mondays" (a habit) is not a figure.
- Relative dates are figures only when the article has a date (Calendar.today): "last year" is
  the year before it, "this month" its month, "yesterday" the day before; a summary's "in 2022"
  is then supported by the source's "last year" (and the other way round). Without an article
  date they are not figures, as before: nothing to resolve them against.
- Quarter labels ("Q3", "3Q") are the ordinal of a quarter, as "third quarter" is: kind
  "ordinal", value 1-4, and numbers.py gives them the word "quarter" as their context, so
  "Q4 revenue" meets "fourth-quarter revenue" and is told apart from "third quarter revenue".
Weekdays, relative dates and quarter labels are parsed only for the checker (parse_figures with
a Calendar), so the figures listed for the model and the eval's figure counts do not change."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import summariser.validation.figure_patterns as P
from summariser.articles.dates import DATES, WEEKDAY_NAMES, iso_of, month_number
from summariser.validation.figure_raw import Raw
from summariser.validation.models import Figure

_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)"
                      r"(?![\w-])")
_RELATIVE_PERIOD = re.compile(r"\b(last|this|next)\s+(year|month)\b(?![\w-])", re.I)
_QUARTER = re.compile(r"\b(?:Q([1-4])|([1-4])Q)\b")
QUARTER = "Q"  # Raw.src of a quarter label
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tomorrow)\b(?![\w-])", re.I)
_DAY_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1}
_STEP = {"last": -1, "this": 0, "next": 1}
RELATIVE_DAYS = frozenset(_DAY_OFFSET)


@dataclass(frozen=True)
class Calendar:
    """What the checker reads dates with: the article's own date, when it has one."""

    today: dt.date | None = None

    @classmethod
    def of(cls, iso: str | None) -> Calendar:
        try:
            return cls(dt.date.fromisoformat(iso) if iso else None)
        except ValueError:
            return cls(None)


def dates(text: str) -> list[Raw]:
    """Dates (full, day and month, month and year, month alone after a preposition), and "a
    decade" (ten years), which win over any number found inside them."""
    out = []
    for m in DATES.finditer(text):
        g = m.groupdict()
        mon = g["m4"] or next(g[k] for k in ("m1", "m2", "m3") if g[k])
        iso = iso_of(g["y4"] or g["y1"] or g["y2"] or g["y3"], mon, g["d4"] or g["d1"] or g["d2"])
        if iso is None:
            continue
        value = float(dt.date.fromisoformat(iso).toordinal()) if len(iso) == 10 else None
        out.append(Raw(m.start(), m.end(), "date", value, iso=iso, unit="date"))
    for m in P.MONTH_ONLY.finditer(text):
        month = month_number(m.group(1))
        out.append(Raw(m.start(1), m.end(1), "date", None, iso=f"--{month:02d}", unit="date"))
    out += [Raw(m.start(), m.end(), "quantity", 10.0, digits=1, unit="year")
            for m in P.A_DECADE.finditer(text)]
    return out


def times(text: str) -> list[Raw]:
    out = []
    for m in P.TIME.finditer(text):
        hour = int(m.group(1) or m.group(4))
        minute = int(m.group(2) or 0)
        if (m.group(3) or m.group(5) or "").lower() == "p" and hour < 12:
            hour += 12
        if hour < 24 and minute < 60:
            out.append(Raw(m.start(), m.end(), "time", float(hour * 60 + minute), unit="minute"))
    return out


def weekdays(text: str) -> list[Raw]:
    return [Raw(m.start(), m.end(), "weekday", float(WEEKDAY_NAMES.index(m.group(1).lower()) + 1))
            for m in _WEEKDAY.finditer(text)]


def _shift_month(day: dt.date, step: int) -> str:
    months = day.year * 12 + day.month - 1 + step
    return f"{months // 12}-{months % 12 + 1:02d}"


def relative_dates(text: str, today: dt.date) -> list[Raw]:
    """"last year", "this month", "yesterday" as the years, months and days they name."""
    out = []
    for m in _RELATIVE_PERIOD.finditer(text):
        step = _STEP[m.group(1).lower()]
        if m.group(2).lower() == "year":
            out.append(Raw(m.start(), m.end(), "year", float(today.year + step), unit="year"))
        else:
            out.append(Raw(m.start(), m.end(), "date", None, iso=_shift_month(today, step),
                           unit="date"))
    for m in _RELATIVE_DAY.finditer(text):
        day = today + dt.timedelta(days=_DAY_OFFSET[m.group(1).lower()])
        out.append(Raw(m.start(), m.end(), "date", float(day.toordinal()), iso=day.isoformat(),
                       unit="date"))
    return out


def time_figures(text: str, calendar: Calendar | None) -> list[Raw]:
    """Every figure of time in `text`; weekdays and relative dates only with a calendar."""
    found = dates(text)
    if calendar is not None:
        found += weekdays(text) + quarters(text)
        if calendar.today is not None:
            found += relative_dates(text, calendar.today)
    return found + times(text)


def quarters(text: str) -> list[Raw]:
    """Quarter labels: "Q3" and "3Q" are the third quarter."""
    return [Raw(m.start(), m.end(), "ordinal", float(m.group(1) or m.group(2)), src=QUARTER)
            for m in _QUARTER.finditer(text)]


def weekday_of(iso: str | None) -> int | None:
    """The weekday (Monday 1) of a full ISO date, else None."""
    if not iso or len(iso) != 10 or iso.startswith("-"):
        return None
    try:
        return dt.date.fromisoformat(iso).isoweekday()
    except ValueError:
        return None


def weekdays_agree(c: Figure, s: Figure) -> bool:
    """A weekday against a weekday, or against a full date: the same day of the week. A
    summary's date against a source's weekday only when it is said relative to the article's
    date ("yesterday" for "on Monday"): "March 7" is not supported by some Tuesday."""
    if c.kind == "date" and c.text.lower() not in RELATIVE_DAYS:
        return False
    cw = c.value if c.kind == "weekday" else weekday_of(c.iso)
    sw = s.value if s.kind == "weekday" else weekday_of(s.iso)
    return cw is not None and sw is not None and int(cw) == int(sw)


def dates_agree(c: Figure, s: Figure, years: set[str] | None = None) -> bool:
    """A claimed date against a source date: the same, or the claim less precise (a month, a
    day without its year); a full claimed date against the same day without a year when the
    article body states that year (`years`) elsewhere."""
    ci, si = c.iso or "", s.iso or ""
    if ci == si:
        return True
    if len(ci) == 4:  # a month alone: "--11"
        return (si[2:4] if si.startswith("--") else si[5:7]) == ci[2:]
    if ci.startswith("--"):
        return si.endswith(ci[1:])
    if len(ci) == 7:
        return si.startswith(ci)
    # a full claimed date against "April 7": the year must occur elsewhere in the body
    return years is not None and si == "-" + ci[4:] and ci[:4] in years
