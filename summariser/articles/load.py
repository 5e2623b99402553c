"""Articles from paths (files, directories, globs), from text, or as given: the entry points of
the articles stage."""

from __future__ import annotations

import glob
import re
from pathlib import Path

from summariser.articles.build import article_from_text, build_article
from summariser.articles.files import decode_text, existing_file, missing, read_bytes
from summariser.articles.html import article_from_html
from summariser.articles.models import Article
from summariser.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def load_article(path: str | Path) -> Article:
    """Read a file and build its Article; raises InputError naming the file on bad input."""
    p, name, raw = _read(path)
    if p.suffix.lower() in (".html", ".htm"):
        return article_from_html(raw, name)
    return build_article(decode_text(raw, name), name)


def plain_text(path: str | Path) -> str | None:
    """The text of a .txt or .md article file, as load_article reads it (None for HTML, whose
    text is what extraction makes of it); raises InputError as load_article does."""
    p, name, raw = _read(path)
    return None if p.suffix.lower() in (".html", ".htm") else decode_text(raw, name)


def _read(path: str | Path) -> tuple[Path, str, bytes]:
    p, name = existing_file(path, "an article file"), str(path)
    if p.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"unsupported file type “{p.suffix or 'no extension'}” "
                         "(articles are .txt, .md, .html or .htm files)", name)
    raw = read_bytes(p, name)
    if not raw.strip():
        raise InputError("the file is empty", name)
    return p, name, raw


def as_path(source: str | Path) -> Path | None:
    """`source` as a file name: a Path, or a short single line that names an existing file or
    ends in an article suffix (None: it is article text)."""
    if isinstance(source, Path):
        return source
    looks_like_path = "\n" not in source and len(source) < 1024
    if looks_like_path and (_exists(source) or source.endswith(ARTICLE_SUFFIXES)):
        return Path(source)
    return None


def _exists(name: str) -> bool:
    """Whether a file of that name exists; a one-line text longer than the system's file-name
    limit (255 bytes a name on Linux) is text, not an error (stat raises ENAMETOOLONG)."""
    try:
        return Path(name).exists()
    except OSError:
        return False


def resolve_article(source: str | Path | Article) -> Article:
    """An Article from an Article, a path, or article text (as_path tells them apart)."""
    if isinstance(source, Article):
        return source
    if isinstance(source, Path) or as_path(source) is not None:
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
