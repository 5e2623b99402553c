"""Page furniture and header dates: the line patterns that tell web page clutter (teasers, image
names, bylines, "Last update" lines, logos, credits) from article text, and the article's own date.
Used by articles.py, which keeps furniture as spans instead of deleting it."""

from __future__ import annotations

import datetime
import re

# --- dates: the article's own date, from its header furniture (never from body sentences) ---

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_PARTS = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)"
    rf"|(?P<mon>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?<!\d)(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon3>{_MONTH}),?\s+(?P<y3>\d{{4}})")
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
_DATE = rf"{_WEEKDAY}(?:{_DATE_PARTS.pattern})"
_TIME = (r"(?:,?\s*(?:at\s+|[-|–]\s*)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
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


# --- page furniture: patterns general to scraped news pages, matched against stripped lines ---

ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])$")
_RELATED = (r"(?:check|read|see) also|read more|also read|related(?: articles| posts| stories"
            r"| news| content)?|more (?:stories|news)|you (?:may|might) also like"
            r"|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?")
# Whole lines that are never article text ("date" lines carry the article's date).
_LINE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("last-update", re.compile(
        rf"(?i:last[ -]updated?|updated|modified)(?:\s+(?:on|at))?\s*:?\s*{_DATE}{_TIME}")),
    ("date", re.compile(rf"(?i:published|posted|dated?)?(?:\s+on)?\s*:?\s*{_DATE}{_TIME}")),
    ("logo", re.compile(r"(?i)(?:[\w.&'’-]+\s+){0,3}logo")),
    ("none", re.compile(r"None|null|undefined|NaN")),
    ("check-also", re.compile(rf"(?i)(?:{_RELATED})\s*:?")),
    ("teaser", re.compile(rf"(?i)(?:{_RELATED})\s*:\s*\S.{{0,200}}")),
    ("boilerplate", re.compile(
        r"(?i)advertisement|sponsored(?: content)?|share(?: this(?: article| story| post)?)?:?"
        r"|share on \w+|tweet|print|e-?mail|facebook|twitter|whatsapp|telegram|linkedin"
        r"|skip to (?:main )?content|continue reading|click here\b.{0,60}"
        r"|(?:subscribe|sign up|follow us)\b.{0,60}|tags?:.{0,150}|topics?:.{0,150}"
        r"|(?:©|copyright\s*(?:©|\(c\))?\s*\d{4}).{0,100}|all rights reserved\.?")),
    ("credit", re.compile(
        r"(?i)\(?(?:(?:additional )?reporting|editing|writing|compiled|edited|photos?) by\b.{0,120}"
        r"|sources?:\s.{1,60}|(?:photo|image|picture|credit)s?\s*:\s*.{1,60}")),
)
_BYLINE = re.compile(r"(?:(?:Written|Reported|Posted|Story|Text) [Bb]y|By|BY)\s+(?P<who>.{2,150})")
_NAME_WORD = re.compile(r"[A-Z][\w'’.\-]*|and|&|de|van|von|der|al|bin|[|•·–—-]")
DATE_MARKER = re.compile(rf"(?i:date|dated|published|posted)\s*:?\s*(?:{_DATE}){_TIME}\s+")
IMAGE_NAME = re.compile(
    r"(?<![\w/])(?:https?://\S*?/)?[\w\-.]*\w\.(?i:jpe?g|png|gif|webp|bmp|tiff?|svg|avif)(?![a-z])")
PHOTO_CREDIT = re.compile(
    r"\s+/\s+(?:[A-Z][\w.&'’\-]*|[a-z][\w\-]*\.[a-z]{2,})(?:\s+[A-Z][\w.&'’\-]*){0,3}$"
    r"|\s*[(\[](?i:file )?(?i:photo|image|picture|credit)s?(?: by)?\s*[:/]?\s*"
    r"[^()\[\]]{1,50}[)\]]$")
MARKUP = re.compile(r"(?:#{1,6}|[-*+>•])\s+")  # Markdown headings, list items and quotes
TERMINAL = re.compile(r"[.!?][\"'”’»)\]]*$|[\"”’»)\]]$")
INNER_STOP = re.compile(r"[.!?…;:]\W*\s+\W*\w")  # a stop followed by more words
WRAP_WORDS = frozenset(["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on",
                        "or", "that", "the", "their", "to", "was", "were", "with"])


def line_kind(line: str) -> str | None:
    for kind, pattern in _LINE_KINDS:
        if pattern.fullmatch(line):
            return kind
    return "byline" if _is_byline(line) else None


def _is_byline(line: str) -> bool:
    """"By Orkhan Jalilov April 8, 2021": names (capitalised words) and at most a date."""
    m = _BYLINE.fullmatch(line)
    if m is None or line.endswith("."):
        return False
    words = re.sub(rf"{_DATE}{_TIME}", " ", m["who"]).replace(",", " ").split()
    return 1 <= len(words) <= 8 and all(_NAME_WORD.fullmatch(w) for w in words)
