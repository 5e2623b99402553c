"""Loading articles (.txt, .md, .html), stripping page furniture, and splitting sentences.

All offsets are character offsets into `Article.text`, the article as loaded (for HTML: the text
extracted from it). Furniture is kept as spans so the validation layer can recognise figures that
only occur in it (status `boilerplate`)."""

from __future__ import annotations

import glob
import hashlib
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summariser.errors import InputError
from summariser.furniture import (
    DATE_MARKER,
    ELLIPSIS,
    IMAGE_NAME,
    INNER_STOP,
    MARKUP,
    PHOTO_CREDIT,
    TERMINAL,
    WRAP_WORDS,
    iso_date,
    line_kind,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class Sentence(BaseModel):
    index: int = Field(description="1-based number, as cited by the model ([S3])")
    start: int
    end: int
    text: str


class Furniture(BaseModel):
    start: int
    end: int
    text: str
    kind: str = Field(description="image-name, check-also, last-update, logo, none, teaser, ...")


def number_sentences(sentences: list[Sentence]) -> str:
    """Sentences as the model sees them, one a line with the number it cites: "[S3] ..."."""
    return "\n".join(f"[S{s.index}] {s.text}" for s in sentences)


class Article(BaseModel):
    path: str | None = None
    text: str
    title: str | None = None
    date: str | None = Field(default=None, description="ISO date when one is found")
    sentences: list[Sentence]
    furniture: list[Furniture] = Field(default_factory=list)
    truncated: bool = Field(False, description="the last sentence is cut off mid-word")
    sha256: str

    def numbered(self) -> str:
        """The body as the model sees it: one numbered sentence a line."""
        return number_sentences(self.sentences)

    def sentence(self, index: int) -> Sentence | None:
        if 1 <= index <= len(self.sentences):
            return self.sentences[index - 1]
        return None


@dataclass
class _Piece:
    """Body text of one line (the line minus its furniture), as offsets into the article."""
    start: int
    end: int
    line: int
    block: int
    whole_line: bool


@dataclass
class _Clean:
    furniture: list[Furniture] = field(default_factory=list)
    pieces: list[_Piece] = field(default_factory=list)
    date: str | None = None

    def add(self, text: str, start: int, end: int, kind: str) -> None:
        start, end = _strip(text, start, end)
        self.furniture.append(Furniture(start=start, end=end, text=text[start:end], kind=kind))
        if kind in ("date", "byline") and self.date is None:
            self.date = iso_date(text[start:end])


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Non-blank lines as (start, end, block); blank lines separate blocks (paragraphs)."""
    lines: list[tuple[int, int, int]] = []
    block, prev_end = 0, 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        start, end = _strip(text, m.start(), m.end())
        block += text.count("\n", prev_end, start) > 1
        lines.append((start, end, block))
        prev_end = end
    return lines


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clean(text: str) -> _Clean:
    out = _Clean()
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


def _split_line(text: str, start: int, end: int, where: tuple[int, int], out: _Clean) -> None:
    """Records the furniture inside a body line (date marker, image names, photo credit) and
    keeps the rest as body pieces."""
    spans: list[tuple[int, int, str]] = []
    if m := DATE_MARKER.match(text, start, end):
        spans.append((start, m.end(), "date"))
    spans += [(m.start(), m.end(), "image-name")
              for m in IMAGE_NAME.finditer(text, spans[-1][1] if spans else start, end)]
    if m := PHOTO_CREDIT.search(text, spans[-1][1] if spans else start, end):
        spans.append((m.start(), end, "photo-credit"))
    cursor = start
    for a, b, kind in [*spans, (end, end, "")]:
        if kind:
            out.add(text, a, b, kind)
        s, e = _strip(text, cursor, a)
        if m := MARKUP.match(text, s, e):
            s = m.end() if s == start else s
        if s < e:
            out.pieces.append(_Piece(s, e, *where, whole_line=(s, e) == (start, end)))
        cursor = b


# --- sentences ---

_SEGMENTER_LOCK = threading.Lock()  # pysbd keeps the text being split on the instance


def _char_spans(sentences: list[str], text: str) -> list[tuple[str, int, int]]:
    """What pysbd's Segmenter.sentences_with_char_spans computes (each sentence with the white
    space after it, at its first occurrence that ends after the previous one's end), found with
    str.find: pysbd compiles a regular expression per sentence (~0.4 ms an article here), and these
    push pysbd's own patterns out of the re module's cache. Empty sentences are left to pysbd."""
    spans: list[tuple[str, int, int]] = []
    prior_end = 0
    for sent in sentences:
        pos = 0
        while (start := text.find(sent, pos)) >= 0:
            end = start + len(sent)
            while end < len(text) and text[end].isspace():  # what pysbd's \s* takes
                end += 1
            if end > prior_end:
                spans.append((text[start:end], start, end))
                prior_end = end
                break
            pos = end
    return spans


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
            if not all(sentences):
                return super().sentences_with_char_spans(sentences)
            return [TextSpan(*span) for span in _char_spans(sentences, self.original_text)]

    return Segmenter(language="en", clean=False, char_span=True)


def _segment(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]. Only pysbd's span starts are used, so a sentence it
    fails to locate merges into the one before instead of being lost."""
    chunk = text[start:end].replace("\n", " ")  # pysbd ends a sentence at every line break
    cuts = [0]
    if INNER_STOP.search(chunk):  # pysbd costs ~0.3 ms a call: skip the one-sentence lines
        with _SEGMENTER_LOCK:
            spans = _segmenter().segment(chunk)
        cuts = sorted({0} | {s.start for s in spans if chunk[s.start:s.end] == s.sent})
    ends = [*cuts[1:], len(chunk)]
    bounds = [_strip(text, start + a, start + b) for a, b in zip(cuts, ends, strict=True)]
    return [(a, b) for a, b in bounds if re.search(r"\w", text[a:b])]


def _wraps(text: str, prev: _Piece, nxt: _Piece) -> bool:
    """A hard-wrapped line continues on the next one (same paragraph, cut mid-sentence)."""
    if nxt.line != prev.line + 1 or nxt.block != prev.block:
        return False
    if not (prev.whole_line and nxt.whole_line):
        return False
    tail, head = text[prev.start:prev.end], text[nxt.start:nxt.end]
    if TERMINAL.search(tail) or ELLIPSIS.search(tail):
        return False
    last = tail.split()[-1].lower()
    return head[0].islower() or tail[-1] in ",;-–—(" or last in WRAP_WORDS


def _join(text: str, pieces: list[_Piece]) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    for piece in pieces:
        if groups and _wraps(text, groups[-1][-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _sentences(text: str, clean: _Clean) -> list[tuple[int, int]]:
    """Body sentence spans. A line that is one short sentence ending in "…" is a teaser for
    another article (a longer one is more likely this article, cut off)."""
    spans: list[tuple[int, int]] = []
    for group in _join(text, clean.pieces):
        found = _segment(text, group[0].start, group[-1].end)
        line = text[group[0].start:group[-1].end]
        if len(group) == len(found) == 1 and ELLIPSIS.search(line) and len(line.split()) <= 40:
            clean.add(text, group[0].start, group[0].end, "teaser")
        else:
            spans += found
    return spans


def _title(sentences: list[Sentence], first: _Piece | None) -> str | None:
    """A short first line without a final period, followed by the body, is the headline."""
    head = sentences[0]
    if len(sentences) < 2 or first is None or (head.start, head.end) != (first.start, first.end):
        return None
    text = head.text
    shaped = 2 <= len(text.split()) <= 20 and len(text) <= 150 and text[-1] not in ".,;:…"
    return text if shaped and (text[0].isupper() or text[0] in "0123456789“\"‘'") else None


def _build(text: str, path: str | None, title: str | None = None,
           date: str | None = None) -> Article:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the article is empty", path)
    clean = _clean(text)
    spans = _sentences(text, clean)
    if not spans:
        raise InputError("no sentences are left once page furniture is removed", path)
    sentences = [Sentence(index=i, start=a, end=b, text=text[a:b])
                 for i, (a, b) in enumerate(spans, 1)]
    title = _title(sentences, clean.pieces[0] if clean.pieces else None) or title
    last = sentences[-1].text
    return Article(
        path=path, text=text, title=title, date=date or clean.date, sentences=sentences,
        furniture=sorted(clean.furniture, key=lambda f: f.start),
        truncated=last != title and not TERMINAL.search(last),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


# --- files ---


def missing(path: str | Path) -> str:
    """Why a path that is neither a file nor a directory is not there."""
    import errno
    import os

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links (a link that leads back to itself)"
        if os.path.islink(path):
            return "a symbolic link to a file that does not exist"
        if exc.errno == errno.EACCES:
            return "cannot be reached (permission denied)"
    return "no such file or directory"


def existing_file(path: str | Path, kind: str) -> Path:
    """The path, if it is a file; InputError naming it otherwise ("not an article file")."""
    p = Path(path)
    if not p.exists():
        raise InputError(missing(path), str(path))
    if p.is_dir():
        raise InputError(f"this is a directory, not {kind}", str(path))
    return p


def read_bytes(p: Path, name: str) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"the file cannot be read ({exc.strerror})", name) from None


def reject_binary(raw: bytes, name: str) -> None:
    if b"\0" in raw:
        raise InputError(f"this is binary data, not text (NUL byte at offset {raw.index(0)})",
                         name)


def decode_utf8(raw: bytes, name: str) -> str:
    """UTF-8 text, a byte-order mark dropped; InputError naming the first bad byte otherwise."""
    try:
        # Not the utf-8-sig codec: its error offsets would not count the byte-order mark.
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"this is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start} is invalid); save it as UTF-8", name) from None


_BOMS = (("\xff\xfe\x00\x00", "utf-32"), ("\x00\x00\xfe\xff", "utf-32"),
         ("\xff\xfe", "utf-16"), ("\xfe\xff", "utf-16"))


def decode_text(raw: bytes, name: str) -> str:
    """The text of a file: UTF-16 or UTF-32 when it starts with their byte-order mark (their
    NUL bytes are not binary), UTF-8 otherwise; InputError for binary data or bad bytes."""
    for bom, codec in _BOMS:
        if raw.startswith(bom.encode("latin-1")):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"this is not valid {codec.upper()} text (bad bytes at offset "
                                 f"{exc.start}) although it starts like it", name) from None
            if "\0" in text:
                raise InputError("this is binary data, not text (a NUL character)", name)
            return text.removeprefix("\ufeff")
    reject_binary(raw, name)
    return decode_utf8(raw, name)


def _from_html(raw: bytes, name: str) -> Article:
    import trafilatura

    source: str | bytes
    try:
        source = decode_text(raw, name)
    except InputError:
        reject_binary(raw, name)
        source = raw  # trafilatura honours the page's declared charset
    doc: Any = trafilatura.bare_extraction(
        source, include_comments=False, with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        raise InputError("no article text could be extracted from this HTML page", name)
    title = (doc.title or "").strip() or None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"  # the headline carries facts: keep it as sentence 1
    return _build(text, name, title=title, date=iso_date(doc.date or ""))


def load_article(path: str | Path) -> Article:
    """Read a file and build its Article; raises InputError naming the file on bad input."""
    p, name = existing_file(path, "an article file"), str(path)
    if p.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"unsupported file type “{p.suffix or 'no extension'}” "
                         "(articles are .txt, .md, .html or .htm files)", name)
    raw = read_bytes(p, name)
    if not raw.strip():
        raise InputError("the file is empty", name)
    if p.suffix.lower() in (".html", ".htm"):
        return _from_html(raw, name)
    return _build(decode_text(raw, name), name)


def article_from_text(text: str, path: str | None = None) -> Article:
    """Build an Article from text already in memory (raises InputError if it has no sentences)."""
    return _build(text, path)



def resolve_article(source: str | Path | Article) -> Article:
    """An Article from an Article, a path, or article text (a short single line that names an
    existing file or ends in an article suffix is taken as a path)."""
    if isinstance(source, Article):
        return source
    if isinstance(source, Path):
        return load_article(source)
    looks_like_path = "\n" not in source and len(source) < 1024
    if looks_like_path and (Path(source).exists() or source.endswith(ARTICLE_SUFFIXES)):
        return load_article(source)
    if not source.strip():
        raise InputError("the article text is empty")
    return article_from_text(source)

def find_articles(paths: list[str]) -> tuple[list[Path], list[InputError]]:
    """Expand files, directories (recursively) and globs into article files, in a stable order.
    Returns the files found and one error per argument that yielded nothing."""
    found: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for arg in paths:
        files, problems = _expand(arg)
        errors += [InputError(problem, where) for where, problem in problems]
        for f in files:
            if (key := f.resolve()) not in seen:
                seen.add(key)
                found.append(f)
    return found, errors


Problems = list[tuple[str, str]]  # (path, what is wrong with it)


def _expand(arg: str) -> tuple[list[Path], Problems]:
    p = Path(arg)
    if p.is_file():
        return [p], []  # named explicitly: load_article explains an unsupported type
    if p.is_dir():
        files, problems = _walk(p)
        if not files and not problems:
            problems = [(arg, "no articles (.txt, .md, .html) in this directory")]
        return files, problems
    if re.search(r"[*?[]", arg):
        files, problems = [], []
        for match in map(Path, sorted(glob.glob(arg, recursive=True))):
            found, trouble = _walk(match) if match.is_dir() else ([match] * _is_article(match), [])
            files, problems = files + found, problems + trouble
        return files, problems if files or problems else [(arg, "pattern matched no articles")]
    return [], [(arg, missing(arg))]


def _is_article(p: Path) -> bool:
    return p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES


# A directory holding this file is a `summariser batch` output (its lock): reports, not articles.
BATCH_OUTPUT_MARKER = ".batch.lock"


def _walk(directory: Path) -> tuple[list[Path], Problems]:
    """Article files under a directory, skipping hidden files and folders (.git, .cache) and
    batch output directories; folders that cannot be read and link loops are reported."""
    import os

    files: list[Path] = []
    problems: Problems = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        problems.append((str(exc.filename), f"this folder cannot be read ({exc.strerror}); "
                                             "its articles were left out"))

    for root, dirs, names in os.walk(directory, onerror=unreadable, followlinks=True):
        here = os.stat(root)
        if (here.st_dev, here.st_ino) in seen:  # a link back to a folder already walked
            problems.append((root, "a loop of symbolic links: this folder was already searched"))
            dirs[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not os.path.exists(os.path.join(root, d, BATCH_OUTPUT_MARKER)))
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if path.is_file():
                files.append(path)
            elif not path.exists():  # a dangling link or a link loop
                problems.append((str(path), missing(path)))
    return sorted(files), problems
