"""Page furniture: the line patterns that tell web page clutter (teasers, image names, bylines,
"Last update" lines, logos, credits) from article text, and `strip_furniture`, which splits an
article's text into furniture spans (kept, not deleted, so the validation layer can recognise
figures found only in furniture) and the body pieces that sentences are made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summariser.articles.dates import DATE, TIME, iso_date
from summariser.articles.models import Furniture, strip_span

# --- page furniture: patterns general to scraped news pages, matched against stripped lines ---

ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])$")
_RELATED = (r"(?:check|read|see) also|also (?:read|see)|read more"
            r"|related(?: articles| posts| stories| news| content)?|more (?:stories|news)"
            r"|you (?:may|might) also like"
            r"|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?")
# Whole lines that are never article text ("date" lines carry the article's date).
_LINE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("last-update", re.compile(
        rf"(?i:last[ -]updated?|updated|modified)(?:\s+(?:on|at))?\s*:?\s*{DATE}{TIME}")),
    ("date", re.compile(rf"(?i:published|posted|dated?)?(?:\s+on)?\s*:?\s*{DATE}{TIME}")),
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
DATE_MARKER = re.compile(rf"(?i:date|dated|published|posted)\s*:?\s*(?:{DATE}){TIME}\s+")
IMAGE_NAME = re.compile(
    r"(?<![\w/])(?:https?://\S*?/)?[\w\-.]*\w\.(?i:jpe?g|png|gif|webp|bmp|tiff?|svg|avif)(?![a-z])")
PHOTO_CREDIT = re.compile(
    r"\s+/\s+(?:[A-Z][\w.&'’\-]*|[a-z][\w\-]*\.[a-z]{2,})(?:\s+[A-Z][\w.&'’\-]*){0,3}$"
    r"|\s*[(\[](?i:file )?(?i:photo|image|picture|credit)s?(?: by)?\s*[:/]?\s*"
    r"[^()\[\]]{1,50}[)\]]$")
# A cross-reference to another article inside a paragraph: '(Also see "Gilead CAR-T Joins
# Billion-Dollar Club" - Scrip, 2 Feb, 2023.)'; its headline's figures are not the article's.
INLINE_RELATED = re.compile(rf"\((?i:{_RELATED})\s*:?\s+[^()]{{1,250}}\)")
MARKUP = re.compile(r"(?:#{1,6}|[-*+>•])\s+")  # Markdown headings, list items and quotes


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
    words = re.sub(rf"{DATE}{TIME}", " ", m["who"]).replace(",", " ").split()
    return 1 <= len(words) <= 8 and all(_NAME_WORD.fullmatch(w) for w in words)


@dataclass
class Piece:
    """Body text of one line (the line minus its furniture), as offsets into the article."""
    start: int
    end: int
    line: int
    block: int
    whole_line: bool


@dataclass
class Cleaned:
    furniture: list[Furniture] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    date: str | None = None

    def add(self, text: str, start: int, end: int, kind: str) -> None:
        start, end = strip_span(text, start, end)
        self.furniture.append(Furniture(start=start, end=end, text=text[start:end], kind=kind))
        if kind in ("date", "byline") and self.date is None:
            self.date = iso_date(text[start:end])


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Non-blank lines as (start, end, block); blank lines separate blocks (paragraphs)."""
    lines: list[tuple[int, int, int]] = []
    block, prev_end = 0, 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        start, end = strip_span(text, m.start(), m.end())
        block += text.count("\n", prev_end, start) > 1
        lines.append((start, end, block))
        prev_end = end
    return lines


def strip_furniture(text: str) -> Cleaned:
    out = Cleaned()
    related = False  # inside a "Check Also" box: its headline(s) and excerpt are teasers
    for n, (start, end, block) in enumerate(_lines(text)):
        line = text[start:end]
        kind = line_kind(line)
        headline = len(line.split()) <= 25 and not line.endswith(".")
        if kind is None and related and (headline or ELLIPSIS.search(line)):
            kind, related = "teaser", not ELLIPSIS.search(line)
        else:
            related = kind == "check-also" or (related and kind is not None)
        if kind is not None:
            out.add(text, start, end, kind)
        else:
            _split_line(text, start, end, (n, block), out)
    return out


def _between_sentences(before: str) -> bool:
    """Whether a span opens its line or follows a sentence's end: one inside a sentence is left
    to it (cutting it out would split the sentence in two)."""
    return not before.strip() or before.rstrip()[-1] in ".!?\"”’"


def _split_line(text: str, start: int, end: int, where: tuple[int, int], out: Cleaned) -> None:
    """Records the furniture inside a body line (date marker, image names, photo credit) and
    keeps the rest as body pieces."""
    spans: list[tuple[int, int, str]] = []
    if m := DATE_MARKER.match(text, start, end):
        spans.append((start, m.end(), "date"))
    spans += [(m.start(), m.end(), "image-name")
              for m in IMAGE_NAME.finditer(text, spans[-1][1] if spans else start, end)]
    if m := PHOTO_CREDIT.search(text, spans[-1][1] if spans else start, end):
        spans.append((m.start(), end, "photo-credit"))
    spans += [(m.start(), m.end(), "teaser") for m in INLINE_RELATED.finditer(text, start, end)
              if _between_sentences(text[start:m.start()])
              and not any(a < m.end() and m.start() < b for a, b, _ in spans)]
    spans.sort()
    cursor = start
    for a, b, kind in [*spans, (end, end, "")]:
        if kind:
            out.add(text, a, b, kind)
        s, e = strip_span(text, cursor, a)
        if m := MARKUP.match(text, s, e):
            s = m.end() if s == start else s
        if s < e:
            out.pieces.append(Piece(s, e, *where, whole_line=(s, e) == (start, end)))
        cursor = b
